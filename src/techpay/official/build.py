"""Build techpay's official-data bundle from a BLS OEWS release.

The bundle is a SQLite file holding, for every detailed occupation, the all-industries
estimates for the nation, every state and territory and every metro and nonmetro area:
employment, annual mean wage, the five annual percentiles and the location quotient. Absent
figures stay absent: their BLS footnote code says why (5: at or above the top code; 8: not
released; 4: published hourly only). Where BLS published the wages hourly only (footnote 4),
the hourly mean and percentiles are kept beside them, in cents. Nothing is rounded,
interpolated or invented.

The same code serves the repository's build script and any later import of a new release, so
both give the same bytes for the same source.
"""

from __future__ import annotations

import os
import sqlite3

from techpay.core.paths import sqlite_uri
from techpay.official.cells import soc
from techpay.official.release import (
    ALL_INDUSTRIES,
    AREA_TYPES,
    DETAILED,
    SOURCE,
    Release,
    SourceError,
)
from techpay.official.upstream import from_upstream_database, upstream_provenance

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    Progress = Callable[[int, int], None]

__all__ = [  # what the build script and the import take from here, wherever it lives
    "ALL_INDUSTRIES",
    "DETAILED",
    "SOURCE",
    "Release",
    "SourceError",
    "from_upstream_database",
    "soc",
    "upstream_provenance",
]

SCHEMA_VERSION = 2  # 2: the hourly table

# US Postal Service codes of the states and territories, by FIPS code (ours: BLS gives names).
POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE footnote (code INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE area (
  code TEXT PRIMARY KEY, type TEXT NOT NULL, state TEXT NOT NULL, postal TEXT, name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE occupation (code TEXT PRIMARY KEY, title TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE estimate (
  occupation TEXT NOT NULL, area TEXT NOT NULL,
  employment INTEGER, mean INTEGER, p10 INTEGER, p25 INTEGER, median INTEGER, p75 INTEGER,
  p90 INTEGER, lq INTEGER, absent TEXT,
  PRIMARY KEY (occupation, area)
) WITHOUT ROWID;
CREATE TABLE hourly (
  occupation TEXT NOT NULL, area TEXT NOT NULL,
  mean INTEGER, p10 INTEGER, p25 INTEGER, median INTEGER, p75 INTEGER, p90 INTEGER, absent TEXT,
  PRIMARY KEY (occupation, area)
) WITHOUT ROWID;
"""
# estimate.lq is the location quotient in hundredths (BLS publishes two decimals).
# estimate.absent lists the figures without a number as "field:footnote" pairs, e.g.
# "p90:5" (at or above the top code); NULL when every figure is there.
# hourly holds the hourly wages in cents of the estimates whose annual wages are absent with
# footnote 4 (published hourly only) and that have an hourly figure; absent as in estimate.


def write(release: Release, path: str) -> None:
    """Write the bundle to ``path`` (replacing it), deterministically: the same release gives
    the same bytes with the same SQLite library."""
    temporary = f"{path}.{os.getpid()}.partial"
    if os.path.exists(temporary):
        os.unlink(temporary)
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            _fill(connection, release)
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _fill(connection: sqlite3.Connection, release: Release) -> None:
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.executescript(SCHEMA)
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO footnote VALUES (?, ?)", sorted(release.footnotes))
    areas = sorted(
        (code, AREA_TYPES[kind], state, POSTAL.get(state) if kind != "N" else None, name)
        for code, kind, state, name in release.areas
    )
    connection.executemany("INSERT INTO area VALUES (?, ?, ?, ?, ?)", areas)
    connection.executemany("INSERT INTO occupation VALUES (?, ?)", sorted(release.occupations))
    # Rows go in as they stream (sorting them would hold them all in memory); VACUUM lays
    # the table out in key order, so the bytes do not depend on the order they came in.
    hourly: list[tuple[object, ...]] = []
    try:
        connection.executemany(
            "INSERT INTO estimate VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _split_hourly(release.estimates, hourly),
        )
    except sqlite3.IntegrityError as error:
        raise SourceError(f"{release.data}: the same occupation and area twice ({error})") from None
    connection.executemany("INSERT INTO hourly VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", hourly)
    # Last: reading the rows completes the meta (a flat file's SHA-256 is known at its end).
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(release.meta.items()))
    connection.execute("COMMIT")
    connection.execute("VACUUM")


def _split_hourly(
    rows: Iterable[tuple[object, ...]], hourly: list[tuple[object, ...]]
) -> Iterator[tuple[object, ...]]:
    """The estimate rows, each without its hourly figures; those go to ``hourly`` (a few
    hundred rows in a release) with the row's occupation and area."""
    for row in rows:
        figures = row[-1]
        if isinstance(figures, tuple):
            hourly.append((*row[:2], *figures))
        yield row[:-1]


def from_flat_files(path: str, progress: Progress | None = None) -> Release:
    """A release from BLS's flat files, in a folder or a zip archive (see
    :mod:`techpay.official.flat`); ``progress(done, total)`` follows the data file's bytes."""
    from techpay.official import flat, tabfiles

    return flat.read_release(tabfiles.Folder(path), progress)


def check_complete(path: str, data: str, force: bool) -> None:
    """Refuse a bundle whose release cannot be whole: one without a single national
    estimate (always), or, unless ``force``, one that lists an area without any estimate or
    a detailed occupation without a national one. BLS publishes every occupation it lists
    nationally and something for every area it lists, and its data file is sorted by
    series id, so a file cut short at a line end leaves its last areas without any.
    ``data`` names where the estimates came from."""
    connection = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)
    try:
        nationals = connection.execute(_COUNT_NATIONALS, (NATIONAL,)).fetchone()[0]
        empty = [name for (name,) in connection.execute(_EMPTY_AREAS)]
        missing = [code for (code,) in connection.execute(_MISSING_NATIONALS, (NATIONAL,))]
        areas = connection.execute("SELECT count(*) FROM area").fetchone()[0]
    finally:
        connection.close()
    if not nationals:
        raise SourceError(f"{data}: no national estimates (an empty or cut-short release)")
    if force or not (empty or missing):
        return
    if empty:
        problem = f"no estimates for {len(empty)} of its {areas} areas ({empty[0]}, ...)"
    else:
        problem = f"no national estimates for {len(missing)} of its occupations ({missing[0]}, ...)"
    raise SourceError(f"{data}: {problem}; cut short? add --force to import it anyway")


NATIONAL = "0000000"
_COUNT_NATIONALS = "SELECT count(*) FROM estimate WHERE area = ?"
_EMPTY_AREAS = "SELECT name FROM area WHERE code NOT IN (SELECT area FROM estimate) ORDER BY code"
_MISSING_NATIONALS = (
    "SELECT code FROM occupation WHERE code NOT IN"
    " (SELECT occupation FROM estimate WHERE area = ?) ORDER BY code"
)
