"""SQLite, for reading techpay's bundles on the hot paths.

CPython's ``sqlite3`` package is a thin layer over its C module ``_sqlite3`` (the classes
are the same objects) that also registers adapters for dates, and so imports
:mod:`datetime`: about 1.5 ms of every start-up that reads a bundle, for values techpay
never stores. The readers take the C module where it is there, ``sqlite3`` elsewhere.
"""

from __future__ import annotations

try:
    from _sqlite3 import Connection, DatabaseError, Error, connect
except ImportError:  # pragma: no cover - a Python without CPython's C module
    from sqlite3 import Connection, DatabaseError, Error, connect

__all__ = ["Connection", "DatabaseError", "Error", "connect"]
