"""The start-up cache's entries: where they live, what they are keyed by, how they are read.

A cache of validated data lets most runs skip parsing, validation and rendering: after a
full load validates the data files, :func:`techpay.start.dataentry.entry_for` writes one
cache file; later runs read it instead (what that entry holds is
:mod:`techpay.start.dataentry`'s). The file is only used when its key matches exactly: the techpay
version and cache format, the Python version (marshal is version-specific), the size and
times of every techpay source file (a changed schema or renderer in a checkout), and the
path, size, times and inode of every data layer. The key is taken before the data is read
and checked again after, and data changed too recently for its times to tell is not cached,
so an entry never holds other content than its key names; a pipe or a device has no such
key and is never cached. Anything else (another key, a truncated, corrupt or foreign file,
a FIFO or a directory in its place, an unreadable or read-only cache directory) is a miss,
and the data is loaded the slow way. Errors are never cached, so invalid data is reported
exactly as without the cache. ``TECHPAY_NO_CACHE=1`` turns it off.

The file (laid out in :mod:`techpay.start.cachefile`) is a header (key, and each section's
offset, length and CRC) followed by separately encoded sections, so a command reads and
decodes only what it needs.

A second kind of entry, in the same layout, remembers that the official-data bundle matched
its recorded SHA-256 (see :func:`verify_bundle`), so that a cold load need not hash it again.
"""

from __future__ import annotations

import marshal
import os
import sys

from techpay import __version__
from techpay.core.errors import CacheCorrupt
from techpay.start import cachefile

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

FORMAT = 3
SETTLE_NS = 2_000_000_000  # how long ago an input must have changed to be cached


def directory(environ: Mapping[str, str] = os.environ) -> str | None:
    """Where cache files live (the XDG cache directory), or None when caching is off."""
    if environ.get("TECHPAY_NO_CACHE", "") not in ("", "0"):
        return None
    if sys.platform == "win32":
        base = environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "techpay", "cache")
    base = environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "techpay")


def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of every techpay source file."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # techpay/
    stamps = []
    for folder, subfolders, names in os.walk(package):
        # The same order on every run, whatever the file system's; no source in __pycache__.
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                info = os.stat(path)
                # Named from the package down: cli/career.py is not core/career.py.
                stamps.append((path[len(package) :], info.st_size, info.st_mtime_ns))
    return tuple(stamps)


def key(inputs: Sequence[str], extra: object = None) -> tuple[object, ...] | None:
    """What an entry must match to be used; None when an input cannot be read or is not a
    regular file (a pipe or a device has no stamp that says what it holds).

    Each input counts as typed (it is a role's ``origin``) and by what is on disk.
    """
    import stat

    try:
        stats = []
        for path in inputs:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode):
                return None
            stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            stats.append((path, os.path.abspath(path), *stamp))
    except (OSError, ValueError):
        return None
    code = (FORMAT, __version__, sys.implementation.cache_tag, _code_stamp())
    return (code, tuple(stats), extra)


def settled(stamp: tuple[object, ...], taken_at_ns: int) -> bool:
    """Whether every input was last changed well before the stamp was taken.

    File times are only as fine as the file system's clock tick (up to 2 s on FAT): a file
    saved again within the tick of the stamp keeps its times, so an entry stamped then could
    hold the content before that save. Such inputs are not cached until they have settled.
    """
    inputs: Any = stamp[1]
    threshold = taken_at_ns - SETTLE_NS
    return all(max(mtime, ctime) < threshold for *_, mtime, ctime, _ in inputs)


def entry_path(folder: str, kind: str, naming: Sequence[str]) -> str:
    import zlib

    names = "\0".join([kind, *(os.path.abspath(name) for name in naming)])
    digest = zlib.crc32(names.encode("utf-8", "surrogatepass"))
    return os.path.join(folder, f"{kind}-{sys.implementation.cache_tag}-{digest:08x}.marshal")


class Entry:
    """A cache entry. Sections are bytes; :meth:`raw` takes them straight from the mapped
    file, :meth:`section` decodes the marshalled ones, each on first use."""

    def __init__(self, mapped: Any, table: dict[str, tuple[int, int, int]]) -> None:
        self._mapped = mapped
        self._table = table
        self._raw: dict[str, memoryview] = {}
        self._decoded: dict[str, Any] = {}

    @classmethod
    def in_memory(cls, blobs: dict[str, bytes]) -> Entry:
        """An entry that was just built (and maybe could not be written)."""
        entry = cls(None, {})
        entry._raw = {name: memoryview(blob) for name, blob in blobs.items()}
        return entry

    def raw(self, name: str) -> memoryview:
        """A section's bytes; :class:`CacheCorrupt` if they are not what was written."""
        if name not in self._raw:
            import zlib

            if self._mapped is None or name not in self._table:
                raise CacheCorrupt(f"no section {name!r}")
            offset, length, checksum = self._table[name]
            blob = memoryview(self._mapped)[offset : offset + length]
            if zlib.crc32(blob) != checksum:
                raise CacheCorrupt(f"section {name!r} is damaged")
            self._raw[name] = blob
        return self._raw[name]

    def section(self, name: str) -> Any:
        """A marshalled section, decoded."""
        if name not in self._decoded:
            try:
                self._decoded[name] = marshal.loads(self.raw(name))
            except (EOFError, ValueError, TypeError):
                raise CacheCorrupt(f"section {name!r} does not decode") from None
        return self._decoded[name]


# Version 2 has no back-references, whose use depends on reference counts: the same key
# gives the same bytes in every process.
_KEY_MARSHAL_VERSION = 2


def encoded_key(stamp: Any) -> bytes:
    """A key as it is written in, and compared with, a cache file."""
    return marshal.dumps(stamp, _KEY_MARSHAL_VERSION)


def read(
    kind: str, inputs: Sequence[str], naming: Sequence[str], extra: object = None
) -> Entry | None:
    """The fresh entry of this kind for these inputs, if there is one."""
    folder = directory()
    expected = key(inputs, extra)
    if folder is None or expected is None:
        return None
    found = cachefile.open_entry(entry_path(folder, kind, naming), encoded_key(expected))
    return None if found is None else Entry(*found)


def write(
    kind: str,
    inputs: Sequence[str],
    naming: Sequence[str],
    blobs: dict[str, bytes],
    extra: object = None,
) -> None:
    """Store an entry's sections atomically; failing to write (read-only, full disk) is
    harmless: the next run builds it again."""
    folder = directory()
    expected = key(inputs, extra)
    if folder is not None and expected is not None:
        cachefile.store(entry_path(folder, kind, naming), encoded_key(expected), blobs)


def verify_bundle(bundle: str) -> None:
    """:func:`techpay.official.integrity.verify`, hashing a bundle only once while it stays the
    file that was hashed.

    Hashing the 11 MB bundled release took 13-26 ms of every cold load (1.3 to 2.5 times
    an interpreter's start-up). A bundle that matched the SHA-256 recorded beside it is
    remembered by an entry in the cache directory, keyed as data entries are: the bundle's
    path, size, modification and change times and inode, with that SHA-256. While all of
    them are the same the file was not written since it was hashed (writing changes its
    change time, which no one can set back), so a later build checks only its layout. A
    bundle written since, or whose recorded SHA-256 changed, has another key and is hashed
    again: a damaged bundle is still refused. As with data, a bundle changed too recently
    for its times to tell is not remembered.
    """
    import time

    from techpay.official.integrity import check_layout, check_sha256, recorded_sha256

    expected = recorded_sha256(bundle)
    if not _verified_before(bundle, expected):
        taken_at_ns = time.time_ns()
        stamp = key([bundle], expected)  # before hashing, so a write while hashing shows
        check_sha256(bundle, expected)
        folder = directory()
        unchanged = stamp is not None and settled(stamp, taken_at_ns)
        if folder is not None and unchanged and key([bundle], expected) == stamp:
            path = entry_path(folder, "bundle", [bundle])
            cachefile.store(path, encoded_key(stamp), {"sha256": expected.encode()})
    check_layout(bundle)


def _verified_before(bundle: str, expected: str) -> bool:
    """Whether an entry says this very file matched this SHA-256."""
    entry = read("bundle", [bundle], [bundle], expected)
    try:
        return entry is not None and entry.raw("sha256") == expected.encode()
    except CacheCorrupt:
        return False
