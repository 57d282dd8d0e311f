"""Read BLS's OEWS time-series flat files (``pub/time.series/oe/``), from a folder or a zip.

Each file is tab-separated, with one header row and fields padded with spaces. The data file
(``oe.data.0.Current``, about 330 MB) is streamed in blocks and hashed as it is read, so
memory stays small whatever its size. Anything not in BLS's format stops the import with a
:class:`~techpay.official.build.SourceError` naming the file and line.
"""

from __future__ import annotations

import hashlib
import os
import re

from techpay.official.build import (
    ALL_INDUSTRIES,
    AREA_TYPES,
    DETAILED,
    FIGURES,
    SourceError,
    estimate_row,
    figure,
    soc,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import IO

    from techpay.official.build import Release

    Progress = Callable[[int, int], None]
    Row = tuple[object, ...]

DATA = "oe.data.0.Current"
REQUIRED = ("oe.area", "oe.occupation", "oe.footnote", "oe.datatype", "oe.release", DATA)
CHECKSUM_LISTS = ("SHA256SUMS", "sha256sums.txt")
KEPT_DATATYPES = {code for _, code in FIGURES}
RELEASE_CODE = re.compile(r"^(\d{4})A01$")
FOOTNOTE_CODES = re.compile(r"^\d+(?:[ ,;]+\d+)*$")
BLOCK = 1 << 20


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
        try:
            self._zip = zipfile.ZipFile(path)
            for info in self._zip.infolist():
                if not info.is_dir():
                    self._members.setdefault(os.path.basename(info.filename), info.filename)
        except (OSError, zipfile.BadZipFile) as error:
            raise SourceError(f"{path}: not a readable zip archive ({error})") from None

    def has(self, name: str) -> bool:
        return name in self._members

    def label(self, name: str) -> str:
        """How messages name a member: its path, or ``archive.zip:member``."""
        member = self._members.get(name, name)
        return f"{self.path}:{member}" if self._zip else member

    def open(self, name: str) -> IO[bytes]:
        if name not in self._members:
            raise SourceError(f"{self.label(name)}: missing (an OEWS release needs {DATA} too)")
        try:
            if self._zip is not None:
                return self._zip.open(self._members[name])
            return open(self._members[name], "rb")
        except OSError as error:
            raise SourceError(f"{self.label(name)}: cannot read it ({error})") from None

    def size(self, name: str) -> int:
        if self._zip is not None:
            return self._zip.getinfo(self._members[name]).file_size
        return os.path.getsize(self._members[name])

    def modified(self, name: str) -> str:
        """The member's date, ``YYYY-MM-DD`` (BLS's Last-Modified, when the download kept it)."""
        import datetime

        if self._zip is not None:
            year, month, day = self._zip.getinfo(self._members[name]).date_time[:3]
            return f"{year:04d}-{month:02d}-{day:02d}"
        stamp = os.path.getmtime(self._members[name])
        return datetime.datetime.fromtimestamp(stamp, datetime.UTC).date().isoformat()


def lines(
    folder: Folder, name: str, digest: hashlib._Hash, progress: Progress | None = None
) -> Iterator[tuple[int, str]]:
    """Each line of a member (numbered from 1, without its line ending), read in blocks and
    hashed on the way; a last line without a line ending means the file was cut short."""
    label, total, done = folder.label(name), folder.size(name), 0
    number, rest = 0, b""
    with folder.open(name) as stream:
        for block in iter(lambda: _read(stream, label), b""):
            digest.update(block)
            done += len(block)
            *complete, rest = (rest + block).split(b"\n")
            for raw in complete:
                number += 1
                yield number, _decode(raw, label, number)
            if progress is not None:
                progress(done, total)
    if rest:
        raise SourceError(f"{label}:{number + 1}: the file ends mid-line (cut short?)")


def _read(stream: IO[bytes], label: str) -> bytes:
    import zipfile
    import zlib

    try:
        return stream.read(BLOCK)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as error:
        raise SourceError(f"{label}: cannot read it ({error})") from None


def _decode(raw: bytes, label: str, number: int) -> str:
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
        if len(fields) < len(header) and not _only_blank_columns_missing(fields, header, columns):
            raise SourceError(
                f"{label}:{number}: a short line ({len(fields)} fields, expected {len(header)})"
            )
        fields += [""] * (len(header) - len(fields))
        yield number, dict(zip(header, fields, strict=False))


def _only_blank_columns_missing(
    fields: list[str], header: list[str], columns: tuple[str, ...]
) -> bool:
    """Whether only optional trailing columns are left off (BLS drops empty last fields)."""
    return all(header.index(column) < len(fields) for column in columns)


def read_release(folder: Folder, progress: Progress | None = None) -> Release:
    """The release the flat files hold; its estimates stream while the bundle is written."""
    from techpay.official.build import SOURCE, Release, check_areas, top_code

    missing = [name for name in REQUIRED if not folder.has(name)]
    if missing:
        raise SourceError(f"{folder.path}: no {', '.join(missing)} (BLS's OEWS flat files)")
    digests: dict[str, str] = {}
    code, description = _release(folder, digests)
    footnotes = _footnotes(folder, digests)
    _check_datatypes(folder, digests)
    areas = _areas(folder, digests)
    check_areas(areas.values(), folder.label("oe.area"))
    detailed, known = _occupations(folder, digests)
    meta = {
        "source": SOURCE,
        "release": description,
        "release_code": code,
        "published": folder.modified(DATA),
        "upstream": f"BLS flat files ({os.path.basename(os.path.abspath(folder.path))})",
        **top_code(footnotes),
    }
    occupations = [(soc(code), title) for code, title in detailed.items()]
    release = Release(meta, footnotes.items(), areas.values(), occupations, ())
    reader = _Data(folder, code, areas, set(detailed), known)
    release.estimates = reader.estimates(release.meta, digests, progress)
    return release


def _release(folder: Folder, digests: dict[str, str]) -> tuple[str, str]:
    """The one release the files hold: its code (``2025A01``) and name (``May 2025``)."""
    rows = list(_rows(folder, "oe.release", ("release_date", "description"), digests))
    if len(rows) != 1:
        raise SourceError(f"{folder.label('oe.release')}: {len(rows)} releases, expected one")
    number, row = rows[0]
    code, description = row["release_date"], row["description"]
    if not RELEASE_CODE.match(code) or not description:
        label = folder.label("oe.release")
        raise SourceError(f"{label}:{number}: not a release code like 2025A01: {code!r}")
    return code, description


def _footnotes(folder: Folder, digests: dict[str, str]) -> dict[int, str]:
    found = {}
    for number, row in _rows(folder, "oe.footnote", ("footnote_code", "footnote_text"), digests):
        if not row["footnote_code"].isdigit():
            label = folder.label("oe.footnote")
            raise SourceError(f"{label}:{number}: not a footnote code: {row['footnote_code']!r}")
        found[int(row["footnote_code"])] = row["footnote_text"]
    return found


def _check_datatypes(folder: Folder, digests: dict[str, str]) -> None:
    rows = _rows(folder, "oe.datatype", ("datatype_code", "datatype_name"), digests)
    listed = {row["datatype_code"] for _, row in rows}
    if not listed >= KEPT_DATATYPES:
        missing = ", ".join(sorted(KEPT_DATATYPES - listed))
        raise SourceError(f"{folder.label('oe.datatype')}: no datatype {missing}")


def _areas(folder: Folder, digests: dict[str, str]) -> dict[str, tuple[str, str, str, str]]:
    columns = ("state_code", "area_code", "areatype_code", "area_name")
    found = {}
    for number, row in _rows(folder, "oe.area", columns, digests):
        code, kind = row["area_code"], row["areatype_code"]
        if kind not in AREA_TYPES or len(code) != 7:
            label = folder.label("oe.area")
            raise SourceError(f"{label}:{number}: area {code!r} has an unknown area type {kind!r}")
        found[code] = (code, kind, row["state_code"], row["area_name"])
    return found


def _occupations(folder: Folder, digests: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    """The detailed occupations (code -> title), and every code the file lists."""
    columns = ("occupation_code", "occupation_name", "display_level")
    detailed, known = {}, set()
    for number, row in _rows(folder, "oe.occupation", columns, digests):
        code = row["occupation_code"]
        if len(code) != 6 or not row["display_level"].isdigit():
            label = folder.label("oe.occupation")
            raise SourceError(f"{label}:{number}: not an occupation code and level: {code!r}")
        known.add(code)
        if int(row["display_level"]) == DETAILED:
            detailed[code] = row["occupation_name"]
    return detailed, known


def _rows(
    folder: Folder, name: str, columns: tuple[str, ...], digests: dict[str, str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """A small file's rows, recording its SHA-256 once it is read."""
    digest = hashlib.sha256()
    yield from table(folder, name, columns, digest)
    digests[name] = digest.hexdigest()
    check_sum(folder, name, digests[name], expected_sums(folder))


def expected_sums(folder: Folder) -> dict[str, str]:
    """The SHA-256 sums given beside the files: ``SHA256SUMS`` lines, or ``NAME.sha256``."""
    found: dict[str, str] = {}
    lists = [name for name in CHECKSUM_LISTS if folder.has(name)]
    lists += [f"{name}.sha256" for name in REQUIRED if folder.has(f"{name}.sha256")]
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


class _Data:
    """The data file, read once: each occupation's cross-industry figures in each area."""

    COLUMNS = ("series_id", "year", "period", "value")

    def __init__(
        self,
        folder: Folder,
        code: str,
        areas: dict[str, tuple[str, str, str, str]],
        detailed: set[str],
        known: set[str],
    ) -> None:
        self.folder, self.label = folder, folder.label(DATA)
        self.year, self.period = code[:4], code[4:]
        self.areas, self.detailed, self.known = areas, detailed, known

    def estimates(
        self, meta: dict[str, str], digests: dict[str, str], progress: Progress | None
    ) -> Iterator[Row]:
        """The bundle's rows; at the end, the files' sums go into ``meta``."""
        import json

        digest = hashlib.sha256()
        rows = lines(self.folder, DATA, digest, progress)
        positions = self._positions(next(rows, (1, ""))[1])
        yield from self._groups(rows, positions)
        digests[DATA] = digest.hexdigest()
        check_sum(self.folder, DATA, digests[DATA], expected_sums(self.folder))
        files = {
            name: {"bytes": self.folder.size(name), "sha256": digests[name]}
            for name in sorted(digests)
        }
        meta["source_files"] = json.dumps(files, sort_keys=True)

    def _positions(self, header: str) -> list[int]:
        """Where series_id, year, period, value and footnote_codes are (-1: no footnotes)."""
        names = [field.strip() for field in header.split("\t")]
        missing = [column for column in self.COLUMNS if column not in names]
        if missing:
            raise SourceError(f"{self.label}:1: not BLS's header (no column {', '.join(missing)})")
        footnotes = names.index("footnote_codes") if "footnote_codes" in names else -1
        return [names.index(column) for column in self.COLUMNS] + [footnotes]

    def _groups(self, rows: Iterator[tuple[int, str]], positions: list[int]) -> Iterator[Row]:
        """One row per series group; BLS sorts by series id, so a group's lines are together."""
        current: str | None = None
        values: dict[str, tuple[str, str]] = {}
        seen: set[str] = set()
        for number, text in rows:
            series, datatype, value = self._line(number, text, positions)
            if series is None:
                continue
            if series != current:
                if current is not None:
                    yield from self._row(current, values)
                if series in seen:
                    raise self._error(number, "out of BLS's order (sorted by series id)")
                current, values = series, {}
                seen.add(series)
            if datatype in values:
                raise self._error(number, f"series {series}{datatype} twice")
            if value is not None:
                values[datatype] = value
        if current is not None:
            yield from self._row(current, values)

    def _row(self, series: str, values: dict[str, tuple[str, str]]) -> Iterator[Row]:
        row = estimate_row(series[13:19], series[0:7], values)
        if row is not None:
            yield row

    def _line(
        self, number: int, text: str, positions: list[int]
    ) -> tuple[str | None, str, tuple[str, str] | None]:
        """The line's group (area, industry, occupation), datatype and kept value and
        footnote; group None for a line that is not a detailed cross-industry figure."""
        fields = text.split("\t")
        if len(fields) <= max(positions[:4]):
            if not text.strip():
                return None, "", None
            raise self._error(number, f"a short line ({len(fields)} fields)")
        series = fields[positions[0]].strip()
        if len(series) != 25 or not series.startswith("OEU"):
            raise self._error(number, f"not an OEWS series id: {series!r}")
        if series[3] not in AREA_TYPES:
            raise self._error(number, f"unknown area type {series[3]!r} in {series}")
        year, period = fields[positions[1]].strip(), fields[positions[2]].strip()
        if (year, period) != (self.year, self.period):
            raise self._error(number, f"{year} {period} is not the release in oe.release")
        occupation = series[17:23]
        if series[11:17] != ALL_INDUSTRIES or occupation not in self.detailed:
            if occupation not in self.known:
                raise self._error(number, f"occupation {occupation} is not in oe.occupation")
            return None, "", None
        if series[4:11] not in self.areas:
            raise self._error(number, f"area {series[4:11]} is not in oe.area")
        datatype = series[23:25]
        if datatype not in KEPT_DATATYPES:
            return series[4:23], datatype, None
        footnote = fields[positions[4]].strip() if 0 <= positions[4] < len(fields) else ""
        return series[4:23], datatype, self._value(number, fields[positions[3]], footnote, datatype)

    def _value(self, number: int, text: str, footnotes: str, datatype: str) -> tuple[str, str]:
        """A value and the footnote that explains it, checked as BLS writes them."""
        if footnotes and not FOOTNOTE_CODES.match(footnotes):
            raise self._error(number, f"not a footnote code: {footnotes!r}")
        footnote = re.split(r"[ ,;]+", footnotes)[0] if footnotes else ""
        try:
            figure(text, footnote, datatype)
        except ValueError:
            raise self._error(number, f"not a number or BLS symbol: {text.strip()!r}") from None
        return text, footnote

    def _error(self, number: int, message: str) -> SourceError:
        return SourceError(f"{self.label}:{number}: {message}")
