"""Writing BLS's official estimates out (``export --official``): CSV, JSON and SQLite.

Every writer streams: rows are written as they come from the bundle, so all 223,174 of a
release take little memory. Each row is one occupation in one area, as BLS published it; a
figure BLS did not publish is empty (null), with BLS's footnote reason beside it and, for a
top-coded wage, the lower bound BLS gives. Every format carries the source and release.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    import io
    from collections.abc import Iterable, Iterator, Mapping

    from techpay.core.records import EstimateRecord

FORMATS = ("csv", "json", "sqlite")
WAGES = ("p10", "p25", "median", "p75", "p90", "mean")
FIGURES = ("employment", *WAGES, "location_quotient")
COLUMNS = (
    "occupation_code",
    "occupation_title",
    "area_code",
    "area_name",
    "area_type",
    *FIGURES,
    *(f"{name}_reason" for name in FIGURES),
    *(f"{name}_at_least" for name in WAGES),
    *(f"hourly_{name}" for name in WAGES),
)
CSV_COLUMNS = (*COLUMNS, "source", "release")


def row(estimate: EstimateRecord) -> tuple[object, ...]:
    """The figures of one occupation in one area, in :data:`COLUMNS` order; the hourly
    wages only where BLS published an occupation's wages hourly only (dollars an hour)."""
    wages, absent, hourly = estimate["annual_wages"], estimate["absent"], estimate["hourly_wages"]
    figures = (
        estimate["employment"],
        *(wages[name] for name in WAGES),  # type: ignore[literal-required]
        estimate["location_quotient"],
    )
    return (
        estimate["occupation"]["code"],
        estimate["occupation"]["title"],
        estimate["area"]["code"],
        estimate["area"]["name"],
        estimate["area"]["type"],
        *figures,
        *(absent[name]["reason"] if name in absent else None for name in FIGURES),
        *(absent[name]["at_least"] if name in absent else None for name in WAGES),
        *(None if hourly is None else hourly[name] for name in WAGES),  # type: ignore[literal-required]
    )


def csv_chunks(estimates: Iterable[EstimateRecord], source: str, release: str) -> Iterator[str]:
    """A header, then one CSV line per estimate; empty cells where BLS gave no figure."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for count, estimate in enumerate(estimates, 1):
        writer.writerow((*row(estimate), source, release))
        if count % 1000 == 0:
            yield _taken(buffer)
    yield _taken(buffer)


def _taken(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def json_chunks(estimates: Iterable[EstimateRecord], facts: Mapping[str, str]) -> Iterator[str]:
    """One JSON document: the release's facts, then ``rows``, an official object (without
    its source and release, said once above) on each line."""
    head = ",\n".join(f"  {json.dumps(name)}: {json.dumps(value)}" for name, value in facts.items())
    yield "{\n" + head + ',\n  "rows": ['
    separator = "\n    "
    for estimate in estimates:
        fields = {key: value for key, value in estimate.items() if key not in _SAID_ONCE}
        yield separator + json.dumps(fields)
        separator = ",\n    "
    yield ("\n  ]" if separator != "\n    " else "]") + "\n}\n"


_SAID_ONCE = {"source", "release"}

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
-- BLS's figures for one occupation in one area; NULL where BLS published none, with BLS's
-- reason in the _reason column and, for a top-coded wage, its lower bound in _at_least;
-- the hourly_ columns only where BLS published the wages hourly only
CREATE TABLE estimates (
    occupation_code TEXT NOT NULL, occupation_title TEXT NOT NULL,
    area_code TEXT NOT NULL, area_name TEXT NOT NULL, area_type TEXT NOT NULL,
    employment INTEGER, p10 INTEGER, p25 INTEGER, median INTEGER, p75 INTEGER, p90 INTEGER,
    mean INTEGER, location_quotient REAL,
    employment_reason TEXT, p10_reason TEXT, p25_reason TEXT, median_reason TEXT,
    p75_reason TEXT, p90_reason TEXT, mean_reason TEXT, location_quotient_reason TEXT,
    p10_at_least INTEGER, p25_at_least INTEGER, median_at_least INTEGER,
    p75_at_least INTEGER, p90_at_least INTEGER, mean_at_least INTEGER,
    -- only where BLS published the wages hourly only (footnote 4): dollars an hour
    hourly_p10 REAL, hourly_p25 REAL, hourly_median REAL, hourly_p75 REAL, hourly_p90 REAL,
    hourly_mean REAL,
    PRIMARY KEY (occupation_code, area_code)
);
CREATE INDEX estimates_by_area ON estimates (area_code);
"""


def write_sqlite(estimates: Iterable[EstimateRecord], facts: Mapping[str, str], path: str) -> None:
    """Tables ``meta`` (the release's facts, name and value) and ``estimates``."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.executescript(_SCHEMA)
            connection.executemany("INSERT INTO meta VALUES (?, ?)", facts.items())
            marks = ", ".join("?" * len(COLUMNS))
            connection.executemany(
                f"INSERT INTO estimates VALUES ({marks})", (row(item) for item in estimates)
            )
    finally:
        connection.close()
