"""BLS's tab-separated flat files, in a folder or a zip: their lines, rows and checksums.

Each file is tab-separated, with one header row and fields padded with spaces (stripped
here). A file is read in blocks and hashed as it is read, so memory stays small whatever its
size: a line longer than :data:`LONGEST_LINE` is refused, not gathered. Anything not in
that format is a :class:`~techpay.official.release.SourceError` naming the file and line.
"""

from __future__ import annotations

import hashlib
import os
import re

from techpay.official.release import SourceError, open_source_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import IO

    Progress = Callable[[int, int], None]

CHECKSUM_LISTS = ("SHA256SUMS", "sha256sums.txt")
BLOCK = 1 << 20
# BLS's longest lines are oe.occupation's, with an occupation's description: a few hundred
# bytes. A line a thousand times longer is not BLS's format.
LONGEST_LINE = 1 << 18
BLANK_LINES = 100  # in a row: BLS's files have none, or one at the end


class Folder:
    """The flat files in a folder or a zip archive, found by name (in any subfolder)."""

    def __init__(self, path: str) -> None:
        import zipfile

        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        if os.path.isdir(path):
            self._members = {name: os.path.join(path, name) for name in os.listdir(path)}
            return
        stream = open_source_file(path, path)
        try:
            self._zip = zipfile.ZipFile(stream)
            for info in self._zip.infolist():
                if not info.is_dir():
                    self._members.setdefault(os.path.basename(info.filename), info.filename)
        except (OSError, zipfile.BadZipFile) as error:
            stream.close()
            raise SourceError(f"{path}: not a readable zip archive ({error})") from None

    @property
    def archive(self) -> bool:
        return self._zip is not None

    def has(self, name: str) -> bool:
        return name in self._members

    def label(self, name: str) -> str:
        """How messages name a member: its path, or ``archive.zip:member``."""
        member = self._members.get(name, name)
        return f"{self.path}:{member}" if self._zip else member

    def open(self, name: str) -> IO[bytes]:
        if name not in self._members:
            raise SourceError(f"{self.label(name)}: missing")
        if self._zip is None:
            return open_source_file(self._members[name], self.label(name))
        try:
            return self._zip.open(self._members[name])
        except (OSError, RuntimeError, NotImplementedError, ValueError) as error:
            raise SourceError(f"{self.label(name)}: cannot read it ({error})") from None

    def size(self, name: str) -> int:
        """The member's size: as the archive declares it, or as the folder has it."""
        if self._zip is not None:
            return self._zip.getinfo(self._members[name]).file_size
        return int(self._stat(name).st_size)

    def modified(self, name: str) -> str:
        """The member's date, ``YYYY-MM-DD`` (BLS's Last-Modified, when the download kept it)."""
        import datetime

        if self._zip is not None:
            year, month, day = self._zip.getinfo(self._members[name]).date_time[:3]
            return f"{year:04d}-{month:02d}-{day:02d}"
        stamp = self._stat(name).st_mtime
        return datetime.datetime.fromtimestamp(stamp, datetime.UTC).date().isoformat()

    def _stat(self, name: str) -> os.stat_result:
        try:
            return os.stat(self._members[name])
        except OSError as error:
            raise SourceError(f"{self.label(name)}: cannot read it ({error.strerror})") from None


def lines(
    folder: Folder, name: str, digest: hashlib._Hash, progress: Progress | None = None
) -> Iterator[tuple[int, str]]:
    """Each line of a member (numbered from 1, without its line ending), read in blocks and
    hashed on the way; a last line without a line ending means the file was cut short, and
    one longer than :data:`LONGEST_LINE` is not BLS's. The bytes read must be as many as
    the member's size (an archive can declare any size)."""
    label, done = folder.label(name), 0
    number, rest, blank = 0, b"", 0
    with folder.open(name) as stream:
        total = folder.size(name)
        for block in iter(lambda: _read(stream, label), b""):
            digest.update(block)
            done += len(block)
            *complete, rest = (rest + block).split(b"\n")
            for raw in complete:
                number += 1
                blank = 0 if raw.strip() else blank + 1
                if blank > BLANK_LINES or len(raw) > LONGEST_LINE:
                    raise _not_lines(label, number, blank)
                yield number, _decode(raw)
            if len(rest) > LONGEST_LINE:
                raise _not_lines(label, number + 1, 0)
            if progress is not None:
                progress(done, max(done, total))
    if rest:
        raise SourceError(f"{label}:{number + 1}: the file ends mid-line (cut short?)")
    if done != total:
        said = "its archive declares" if folder.archive else "it had when opened"
        raise SourceError(f"{label}: {done:,} bytes, not the {total:,} {said}")


def _not_lines(label: str, number: int, blank: int) -> SourceError:
    if blank:
        return SourceError(
            f"{label}:{number}: more than {BLANK_LINES} blank lines in a row (not BLS's format)"
        )
    return SourceError(f"{label}:{number}: a line longer than {LONGEST_LINE:,} bytes")


def _read(stream: IO[bytes], label: str) -> bytes:
    import zipfile
    import zlib

    try:
        return stream.read(BLOCK)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as error:
        raise SourceError(f"{label}: cannot read it ({error})") from None


def _decode(raw: bytes) -> str:
    text = raw.removesuffix(b"\r")
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError:
        return text.decode("cp1252", errors="replace")  # older BLS files are Windows text


def table(
    folder: Folder, name: str, columns: tuple[str, ...], digest: hashlib._Hash
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a small file as ``{column: stripped value}``, checked against its header."""
    rows = lines(folder, name, digest)
    label = folder.label(name)
    header = [field.strip() for field in next(rows, (1, ""))[1].split("\t")]
    missing = [column for column in columns if column not in header]
    if missing:
        raise SourceError(f"{label}:1: not BLS's header (no column {', '.join(missing)})")
    for number, text in rows:
        if not text.strip():
            continue
        fields = [field.strip() for field in text.split("\t")]
        if len(fields) < len(header) and not _has_required(fields, header, columns):
            raise SourceError(
                f"{label}:{number}: a short line ({len(fields)} fields, expected {len(header)})"
            )
        fields += [""] * (len(header) - len(fields))
        yield number, dict(zip(header, fields, strict=False))


def _has_required(fields: list[str], header: list[str], columns: tuple[str, ...]) -> bool:
    """Whether a line that stops early still has every required column (only optional
    trailing ones left off)."""
    return all(header.index(column) < len(fields) for column in columns)


def expected_sums(folder: Folder, names: Iterable[str]) -> dict[str, str]:
    """The SHA-256 sums given beside the files: ``SHA256SUMS`` lines, or ``NAME.sha256``
    for each of ``names``."""
    found: dict[str, str] = {}
    lists = [name for name in CHECKSUM_LISTS if folder.has(name)]
    lists += [f"{name}.sha256" for name in names if folder.has(f"{name}.sha256")]
    for listing in lists:
        for number, text in lines(folder, listing, hashlib.sha256()):
            digest, _, named = text.strip().partition(" ")
            named = named.strip().lstrip("*") or listing.removesuffix(".sha256")
            if not re.fullmatch(r"[0-9a-fA-F]{64}", digest):
                raise SourceError(f"{folder.label(listing)}:{number}: not a SHA-256 sum")
            found[os.path.basename(named)] = digest.lower()
    return found


def check_sum(folder: Folder, name: str, actual: str, expected: dict[str, str]) -> None:
    """A file against the sum given for it, if one is."""
    if name in expected and expected[name] != actual:
        raise SourceError(
            f"{folder.label(name)}: its SHA-256 is {actual}, not {expected[name]} as given"
            " beside it"
        )
