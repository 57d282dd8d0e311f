"""Look figures up in the official-data bundle (see :mod:`techpay.official.build`).

The bundle is opened read-only, and only by what needs it. Every figure comes back as an
:class:`~techpay.core.records.EstimateRecord` that carries its source and release; a figure BLS did
not publish is None there, with BLS's reason under ``absent``. Where BLS published an
occupation's wages hourly only, the hourly ones are there too, as hourly wages.
"""

from __future__ import annotations

from techpay.core.absence import NOT_RELEASED
from techpay.core.errors import OfficialDataError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3

    from techpay.core.records import (
        AbsentFigure,
        AnnualWages,
        AreaRecord,
        EstimateRecord,
        HourlyWages,
    )

BUNDLE_NAME = "oews.sqlite"
NATIONAL = "0000000"
SOURCE = "BLS OEWS"
TOP_CODED = 5
WAGES = ("p10", "p25", "median", "p75", "p90", "mean")
_COLUMNS = "employment, mean, p10, p25, median, p75, p90, lq, absent"
_REINSTALL = "reinstall techpay (pip install --force-reinstall techpay)"
_REIMPORT = "import it again, or go back to the bundled release with 'techpay official reset'"


def remedy(path: str) -> str:
    """What fixes a bad bundle: importing again (an imported one) or reinstalling."""
    from techpay.official.installed import is_imported

    return _REIMPORT if is_imported(path) else _REINSTALL


def bundle_path() -> str:
    """Where the bundle that answers is: the release the user imported, if any (see
    :mod:`techpay.official.installed`), else the one techpay ships."""
    from techpay.core.paths import bundled_file, packaged_file
    from techpay.official.installed import imported_bundle

    found = imported_bundle() or bundled_file(BUNDLE_NAME)
    if found is None:
        missing = packaged_file(BUNDLE_NAME)
        raise OfficialDataError(f"{missing}: the official data is missing; {_REINSTALL}")
    return found


class Bundle:
    """An open bundle; every query goes through :meth:`_query`, which reports damage."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._meta: dict[str, str] | None = None
        self._footnotes: dict[int, str] | None = None
        self._areas: dict[str, AreaRecord] | None = None
        self._hourly: dict[tuple[str, str], tuple[object, ...]] | None = None

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        from techpay.core import sqlite  # here, not at the top: most runs never open the bundle

        try:
            if self._connection is None:
                from techpay.core.paths import sqlite_uri

                uri = sqlite_uri(self.path, "mode=ro&immutable=1")
                self._connection = sqlite.connect(uri, uri=True, check_same_thread=False)
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite.Error as error:
            raise OfficialDataError(
                f"{self.path}: the official data is damaged or incomplete ({error});"
                f" {remedy(self.path)}"
            ) from None

    def meta(self) -> dict[str, str]:
        """The release's facts: release, release_code, published, retrieved, source_files..."""
        if self._meta is None:
            self._meta = {
                str(name): str(value) for name, value in self._query("SELECT * FROM meta")
            }
            if "release" not in self._meta:
                raise OfficialDataError(
                    f"{self.path}: not an official-data bundle; {remedy(self.path)}"
                )
        return self._meta

    @property
    def release(self) -> str:
        return self.meta()["release"]

    def footnotes(self) -> dict[int, str]:
        if self._footnotes is None:
            rows = self._query("SELECT code, text FROM footnote")
            self._footnotes = {int(str(code)): str(text) for code, text in rows}
        return self._footnotes

    def areas(self) -> dict[str, AreaRecord]:
        """Every area by code, in code order."""
        if self._areas is None:
            rows = self._query("SELECT code, type, name, postal FROM area ORDER BY code")
            self._areas = {
                str(code): {"code": str(code), "type": str(kind), "name": str(name),
                            "postal": None if postal is None else str(postal)}
                for code, kind, name, postal in rows
            }  # fmt: skip
        return self._areas

    def occupations(self) -> list[tuple[str, str]]:
        """Every occupation as (SOC code, title), in code order."""
        return [(str(code), str(title)) for code, title in self._query("SELECT * FROM occupation")]

    def occupation_title(self, code: str) -> str | None:
        rows = self._query("SELECT title FROM occupation WHERE code = ?", (code,))
        return str(rows[0][0]) if rows else None

    def estimate(self, occupation: str, area: str = NATIONAL) -> EstimateRecord | None:
        """The figures for one occupation in one area; None where BLS published none."""
        rows = self._query(
            f"SELECT area, {_COLUMNS} FROM estimate WHERE occupation = ? AND area = ?",
            (occupation, area),
        )
        title = self.occupation_title(occupation)
        return self._record(occupation, title or "", rows[0]) if rows else None

    def estimates(self, occupation: str, area_type: str) -> list[EstimateRecord]:
        """The figures for one occupation in every area of a type (state, metro)."""
        rows = self._query(
            f"SELECT estimate.area, {_COLUMNS} FROM estimate JOIN area ON area.code = estimate.area"
            " WHERE occupation = ? AND area.type = ?",
            (occupation, area_type),
        )
        title = self.occupation_title(occupation) or ""
        return [self._record(occupation, title, row) for row in rows]

    def nationals(self, area: str = NATIONAL) -> dict[str, EstimateRecord]:
        """Every occupation's national figures (or those in ``area``), by code."""
        titles = dict(self.occupations())
        rows = self._query(
            f"SELECT occupation, area, {_COLUMNS} FROM estimate WHERE area = ?", (area,)
        )
        return {
            str(row[0]): self._record(str(row[0]), titles[str(row[0])], row[1:]) for row in rows
        }

    def hourly(self) -> dict[tuple[str, str], tuple[object, ...]]:
        """The hourly-only estimates' rows by (occupation, area): a few hundred, read once.
        A bundle built before hourly figures were kept (schema 1) has none."""
        if self._hourly is None:
            if not self._query("SELECT 1 FROM sqlite_master WHERE name = 'hourly'"):
                self._hourly = {}
            else:
                rows = self._query("SELECT * FROM hourly")
                self._hourly = {(str(row[0]), str(row[1])): row[2:] for row in rows}
        return self._hourly

    def _record(self, occupation: str, title: str, row: tuple[object, ...]) -> EstimateRecord:
        area, employment, mean, p10, p25, median, p75, p90, lq, absent = row
        wages: AnnualWages = {
            "p10": _integer(p10),
            "p25": _integer(p25),
            "median": _integer(median),
            "p75": _integer(p75),
            "p90": _integer(p90),
            "mean": _integer(mean),
        }
        found = self._absent(str(absent or ""), wages)
        hourly = self.hourly().get((occupation, str(area)))
        if hourly is not None:
            missing = self._absent(str(hourly[-1] or ""), None)
            found |= {f"hourly_{name}": figure for name, figure in missing.items()}
        return {
            "source": SOURCE,
            "release": self.release,
            "occupation": {"code": occupation, "title": title},
            "area": self.areas()[str(area)],
            "employment": _integer(employment),
            "annual_wages": wages,
            "hourly_wages": None if hourly is None else _hourly_wages(hourly),
            "location_quotient": None if lq is None else int(str(lq)) / 100,
            "absent": found,
        }

    def _absent(self, listed: str, wages: AnnualWages | None) -> dict[str, AbsentFigure]:
        """``"p90:5,mean:5"`` -> each figure's footnote, BLS's words and, for a top-coded
        annual wage, the least it can be (see :func:`at_least`)."""
        found: dict[str, AbsentFigure] = {}
        top_code = int(self.meta().get("top_code", "239200"))
        for item in filter(None, listed.split(",")):
            name, _, code = item.partition(":")
            footnote = int(code)
            reason = self.footnotes().get(footnote, NOT_RELEASED)
            coded = footnote == TOP_CODED and wages is not None and name in WAGES
            found[_FIELD_NAMES.get(name, name)] = {
                "footnote": footnote,
                "reason": reason,
                "at_least": at_least(name, wages, top_code) if coded and wages else None,
            }
        return found


_FIELD_NAMES = {"lq": "location_quotient"}
PERCENTILES = ("p10", "p25", "median", "p75", "p90")


def at_least(name: str, wages: AnnualWages, top_code: int) -> int:
    """The least a top-coded wage can be: BLS's top code, or the highest percentile
    published below it in the same estimate if higher. BLS's footnote still names the top
    code, but publishes many wages above it (in May 2025, 90th percentiles up to $946,560),
    so a lower percentile can be the better bound."""
    below = PERCENTILES[: PERCENTILES.index(name)] if name in PERCENTILES else ()
    published: list[int] = [top_code]
    for lower in below:
        value: int | None = wages[lower]  # type: ignore[literal-required]
        published += [] if value is None else [value]
    return max(published)


def _hourly_wages(row: tuple[object, ...]) -> HourlyWages:
    """The hourly table's cents (mean, p10 ... p90) as dollars."""
    mean, p10, p25, median, p75, p90 = (
        None if cents is None else int(str(cents)) / 100 for cents in row[:6]
    )
    return {"p10": p10, "p25": p25, "median": median, "p75": p75, "p90": p90, "mean": mean}


def _integer(value: object) -> int | None:
    return None if value is None else int(str(value))


_OPEN: dict[str, Bundle] = {}


def forget(path: str) -> None:
    """Close the bundle at ``path`` if open: a new one is there now (an import or a reset)."""
    bundle = _OPEN.pop(path, None)
    if bundle is not None and bundle._connection is not None:
        bundle._connection.close()


def open_bundle(path: str | None = None) -> Bundle:
    """The bundle at ``path`` (default: the one that answers), opened once per process."""
    path = path or bundle_path()
    if path not in _OPEN:
        _OPEN[path] = Bundle(path)
    return _OPEN[path]
