"""Where an imported release lives, and which of its files answers.

An import installs its bundle under a name made of its SHA-256, ``oews-<sha256>.sqlite``,
a file never written again, and then switches to it in one step: it replaces
``oews.sqlite.sha256``, which records that sum and names that bundle, as ``sha256sum``
writes it (so ``sha256sum -c oews.sqlite.sha256`` checks it). A reader reads the sum file
once and opens the bundle it names, so it sees the old release or the new one, whole,
never a bundle with another's sum. A release imported by an earlier techpay (``oews.sqlite``
beside a sum that names it) reads the same way, as does the bundled release.
"""

from __future__ import annotations

import os
import re
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

BUNDLE_NAME = "oews.sqlite"
SUM_NAME = f"{BUNDLE_NAME}.sha256"
_NAMED_BY_SUM = re.compile(r"oews-([0-9a-f]{64})\.sqlite", re.ASCII)


def data_directory(environ: Mapping[str, str] = os.environ) -> str:
    """Where imported data lives: the XDG data directory (like the cache's, for data)."""
    if sys.platform == "win32":
        base = environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "techpay", "data")
    base = environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        base = os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "techpay")


def named_by_sum(sha256: str) -> str:
    """The file name an imported bundle with this SHA-256 is installed under."""
    return f"oews-{sha256}.sqlite"


def sum_in_name(path: str) -> str | None:
    """The SHA-256 an installed bundle's name carries; None for another name."""
    found = _NAMED_BY_SUM.fullmatch(os.path.basename(path))
    return found[1] if found else None


def is_bundle_name(name: str) -> bool:
    """Whether a file in the data directory is an imported bundle (either layout)."""
    return name == BUNDLE_NAME or _NAMED_BY_SUM.fullmatch(name) is not None


def named_bundle(folder: str) -> str | None:
    """The bundle the sum file in ``folder`` names (None without one): ``oews.sqlite``
    when it names nothing techpay installs, so that the check against it fails."""
    try:
        with open(os.path.join(folder, SUM_NAME), encoding="ascii", errors="replace") as stream:
            words = stream.read(4096).split()
    except OSError:
        return None
    name = words[1].lstrip("*") if len(words) > 1 else BUNDLE_NAME
    return os.path.join(folder, name if is_bundle_name(name) else BUNDLE_NAME)


def imported_bundle(environ: Mapping[str, str] = os.environ) -> str | None:
    """The imported bundle, if there is one: it answers instead of the bundled release."""
    folder = data_directory(environ)
    path = named_bundle(folder) or os.path.join(folder, BUNDLE_NAME)
    return path if os.path.isfile(path) else None


def is_imported(path: str) -> bool:
    """Whether a bundle is one the user imported (not the one techpay ships)."""
    return os.path.dirname(os.path.abspath(path)) == os.path.abspath(data_directory())
