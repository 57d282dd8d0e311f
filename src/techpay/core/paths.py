"""Where techpay's bundled data files are, installed or in a checkout."""

from __future__ import annotations

import os


def bundled_file(name: str) -> str | None:
    """The path of a bundled data file, or None when it is missing.

    Installed from a wheel, data files are package data (``techpay/data/NAME``). In an
    editable install the build tool leaves that copy off the import path, so we use the
    checkout's top-level ``data/NAME``, which is the file the wheel copies.
    """
    package_dir = _package_dir()
    packaged = os.path.join(package_dir, "data", name)
    if os.path.isfile(packaged):
        return packaged
    checkout = os.path.join(os.path.dirname(os.path.dirname(package_dir)), "data", name)
    if os.path.isfile(checkout):
        return checkout
    return None


def packaged_file(name: str) -> str:
    """Where a bundled data file is installed (for messages when it is missing)."""
    return os.path.join(_package_dir(), "data", name)


def _package_dir() -> str:
    """The ``techpay`` package's folder (this module is in its ``core`` folder)."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sqlite_uri(path: str, options: str) -> str:
    """A SQLite ``file:`` URI for ``path``, quoted (a ``#``, ``?`` or ``%`` in a folder's
    name would otherwise cut the path short), with query ``options`` such as ``mode=ro``.

    Quoted by hand where paths are POSIX: pathlib and urllib would cost the fast path more
    than the rest of its imports together."""
    absolute = os.path.abspath(path)
    if os.name == "nt":  # drive letters and backslashes: let pathlib spell the URI
        from pathlib import Path

        return f"{Path(absolute).as_uri()}?{options}"
    quoted = absolute.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?{options}"


def sha256_of(path: str) -> str:
    """The SHA-256 of a file, as hex, read in blocks."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sha256_beside(path: str, name: str) -> str:
    """Record a file's SHA-256 in ``PATH.sha256`` as ``sha256sum`` writes it, under ``name``;
    return the sum."""
    digest = sha256_of(path)
    with open(f"{path}.sha256", "w", encoding="ascii", newline="\n") as stream:
        stream.write(f"{digest}  {name}\n")
    return digest
