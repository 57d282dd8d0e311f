"""A release from BLS's OEWS time-series flat files (``pub/time.series/oe/``).

The small files give the release, the areas, the occupations and the footnotes; the data file
(``oe.data.0.Current``, about 330 MB, several million lines) is streamed once, keeping each
detailed occupation's cross-industry figures in each area. Anything not in BLS's format stops
the import with a :class:`~techpay.official.release.SourceError` naming the file and line.
"""

from __future__ import annotations

import hashlib
import os
import re

from techpay.official import tabfiles
from techpay.official.cells import FIGURES, HOURLY, BadValue, estimate_row, figure, soc
from techpay.official.release import (
    ALL_INDUSTRIES,
    AREA_TYPES,
    DETAILED,
    SOURCE,
    Release,
    SourceError,
    check_areas,
    check_release_code,
    top_code,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from techpay.official.tabfiles import Folder

    Progress = Callable[[int, int], None]
    Row = tuple[object, ...]

DATA = "oe.data.0.Current"
REQUIRED = ("oe.area", "oe.occupation", "oe.footnote", "oe.datatype", "oe.release", DATA)
NEEDED_DATATYPES = {code for _, code in FIGURES}
KEPT_DATATYPES = NEEDED_DATATYPES | {code for _, code in HOURLY}  # hourly ones if there
FOOTNOTE_CODES = re.compile(r"^\d+(?:[ ,;]+\d+)*$")


def read_release(folder: Folder, progress: Progress | None = None) -> Release:
    """The release the flat files hold; its estimates stream while the bundle is written."""
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
    release = Release(
        meta,
        footnotes.items(),
        areas.values(),
        occupations,
        (),
        origin=folder.label("oe.release"),
        data=folder.label(DATA),
    )
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
    where = f"{folder.label('oe.release')}:{number}"
    if not description:
        raise SourceError(f"{where}: no description (such as May 2025)")
    return check_release_code(code, where), description


def _footnotes(folder: Folder, digests: dict[str, str]) -> dict[int, str]:
    found = {}
    lines = _Lines(folder.label("oe.footnote"), "footnote")
    for number, row in _rows(folder, "oe.footnote", ("footnote_code", "footnote_text"), digests):
        code = row["footnote_code"]
        if not (code.isascii() and code.isdigit()):
            raise SourceError(f"{lines.label}:{number}: not a footnote code: {code!r}")
        lines.first(int(code), number)
        found[int(code)] = row["footnote_text"]
    return found


def _check_datatypes(folder: Folder, digests: dict[str, str]) -> None:
    rows = _rows(folder, "oe.datatype", ("datatype_code", "datatype_name"), digests)
    listed = {row["datatype_code"] for _, row in rows}
    if not listed >= NEEDED_DATATYPES:
        missing = ", ".join(sorted(NEEDED_DATATYPES - listed))
        raise SourceError(f"{folder.label('oe.datatype')}: no datatype {missing}")


def _areas(folder: Folder, digests: dict[str, str]) -> dict[str, tuple[str, str, str, str]]:
    columns = ("state_code", "area_code", "areatype_code", "area_name")
    found = {}
    lines = _Lines(folder.label("oe.area"), "area")
    for number, row in _rows(folder, "oe.area", columns, digests):
        code, kind = row["area_code"], row["areatype_code"]
        if kind not in AREA_TYPES or len(code) != 7:
            raise SourceError(
                f"{lines.label}:{number}: area {code!r} has an unknown area type {kind!r}"
            )
        lines.first(code, number)
        found[code] = (code, kind, row["state_code"], row["area_name"])
    return found


def _occupations(folder: Folder, digests: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    """The detailed occupations (code -> title), and every code the file lists."""
    columns = ("occupation_code", "occupation_name", "display_level")
    detailed, known = {}, set()
    lines = _Lines(folder.label("oe.occupation"), "occupation")
    for number, row in _rows(folder, "oe.occupation", columns, digests):
        code, level = row["occupation_code"], row["display_level"]
        if len(code) != 6 or not (level.isascii() and level.isdigit()):
            raise SourceError(f"{lines.label}:{number}: not an occupation code and level: {code!r}")
        lines.first(code, number)
        known.add(code)
        if int(row["display_level"]) == DETAILED:
            detailed[code] = row["occupation_name"]
    return detailed, known


class _Lines:
    """The line each code of a small file was first on: a code listed twice is refused
    (the second would silently win over the first)."""

    def __init__(self, label: str, what: str) -> None:
        self.label, self.what, self.seen = label, what, dict[object, int]()

    def first(self, code: object, number: int) -> None:
        if code in self.seen:
            raise SourceError(
                f"{self.label}:{number}: {self.what} {code!r} again (first on line"
                f" {self.seen[code]})"
            )
        self.seen[code] = number


def _rows(
    folder: Folder, name: str, columns: tuple[str, ...], digests: dict[str, str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """A small file's rows, recording its SHA-256 once it is read."""
    digest = hashlib.sha256()
    yield from tabfiles.table(folder, name, columns, digest)
    digests[name] = digest.hexdigest()
    tabfiles.check_sum(folder, name, digests[name], tabfiles.expected_sums(folder, REQUIRED))


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
        rows = tabfiles.lines(self.folder, DATA, digest, progress)
        positions = self._positions(next(rows, (1, ""))[1])
        yield from self._groups(rows, positions)
        digests[DATA] = digest.hexdigest()
        expected = tabfiles.expected_sums(self.folder, REQUIRED)
        tabfiles.check_sum(self.folder, DATA, digests[DATA], expected)
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
        except BadValue:
            raise self._error(number, f"not a number or BLS symbol: {text.strip()!r}") from None
        return text, footnote

    def _error(self, number: int, message: str) -> SourceError:
        return SourceError(f"{self.label}:{number}: {message}")
