"""Taxes on a salary, tax year 2025, from techpay's tax tables (``worth.sqlite``).

The tables are built by ``scripts/build_worth.py`` from taxsim-py 0.4.1 (an implementation
of NBER TAXSIM): for a single earner with wages only, filing single or jointly with one
earner, each tax is a list of points ``(wage, cents)`` between which it is linear (a row of
``tax_table``: its wages and its taxes in cents, as whole numbers separated by spaces). A jump
(New York's recapture of its lower brackets) is two points a dollar apart. Above the last
point a tax keeps its last slope. Federal income tax depends on the state (state income
tax is deducted by those who itemise): a state without a federal table of its own uses the
nation's, which is federal tax with no state income tax.
"""

from __future__ import annotations

from techpay.core.errors import OfficialDataError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Mapping, Sequence
    from typing import Any

    from techpay.core.records import TaxRecord

    Points = Sequence[tuple[int, int]]

WORTH_NAME = "worth.sqlite"
YEAR = 2025
FILINGS = ("single", "joint")
NATION = "US"  # the tables' name for federal tax with no state income tax, and payroll taxes
KINDS = ("federal", "state", "social_security", "medicare")
SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE tax_table (
  state TEXT NOT NULL, filing TEXT NOT NULL, kind TEXT NOT NULL,
  wages TEXT NOT NULL, cents TEXT NOT NULL, PRIMARY KEY (state, filing, kind)
) WITHOUT ROWID;
CREATE TABLE housing (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, rent_index REAL NOT NULL, renter REAL NOT NULL,
  owner_with_mortgage REAL NOT NULL, owner_without_mortgage REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE housing_state (
  state TEXT PRIMARY KEY, renter REAL NOT NULL, rent_index REAL NOT NULL,
  areas INTEGER NOT NULL, fallbacks INTEGER NOT NULL, employment INTEGER NOT NULL
) WITHOUT ROWID;
"""
# The 50 states and the District of Columbia, by postal code: their FIPS codes.
STATE_FIPS = {
    "AL": 1, "AK": 2, "AZ": 4, "AR": 5, "CA": 6, "CO": 8, "CT": 9, "DE": 10, "DC": 11,
    "FL": 12, "GA": 13, "HI": 15, "ID": 16, "IL": 17, "IN": 18, "IA": 19, "KS": 20, "KY": 21,
    "LA": 22, "ME": 23, "MD": 24, "MA": 25, "MI": 26, "MN": 27, "MS": 28, "MO": 29, "MT": 30,
    "NE": 31, "NV": 32, "NH": 33, "NJ": 34, "NM": 35, "NY": 36, "NC": 37, "ND": 38, "OH": 39,
    "OK": 40, "OR": 41, "PA": 42, "RI": 44, "SC": 45, "SD": 46, "TN": 47, "TX": 48, "UT": 49,
    "VT": 50, "VA": 51, "WA": 53, "WV": 54, "WI": 55, "WY": 56,
}  # fmt: skip
# What the figures leave out, said wherever they appear (and in JSON, ``excluded``).
EXCLUDED = (
    "local income taxes (New York City, Philadelphia, Ohio and Maryland localities, ...)",
    "state payroll contributions (California SDI, Washington Cares, paid-leave programmes)",
    "pre-tax deductions (401(k), health premiums)",
    "credits for dependants",
)
_REINSTALL = "reinstall techpay (pip install --force-reinstall techpay)"


def at(points: Points, wage: int) -> float:
    """A tax in cents at a whole-dollar wage: linear between the points around it, and the
    last slope beyond the last point."""
    low, high = 0, len(points) - 1
    if wage >= points[high][0]:
        low, high = high - 1, high
    else:
        while high - low > 1:  # bisect: points[low][0] <= wage < points[high][0]
            middle = (low + high) // 2
            if points[middle][0] <= wage:
                low = middle
            else:
                high = middle
    (x0, y0), (x1, y1) = points[low], points[high]
    return y0 + (y1 - y0) * (wage - x0) / (x1 - x0)


def open_tables() -> sqlite3.Connection:
    """The tables techpay ships, read-only."""
    from techpay.core import sqlite
    from techpay.core.paths import bundled_file, packaged_file, sqlite_uri

    path = bundled_file(WORTH_NAME)
    if path is None:
        missing = packaged_file(WORTH_NAME)
        raise OfficialDataError(f"{missing}: the tax and housing tables are missing; {_REINSTALL}")
    return sqlite.connect(sqlite_uri(path, "mode=ro&immutable=1"), uri=True)


def provenance(tables: sqlite3.Connection) -> dict[str, str]:
    """Where the tables come from (package, version, SHA-256, source, year, accuracy)."""
    return dict(_query(tables, "SELECT name, value FROM meta", ()))


def points(tables: sqlite3.Connection, state: str, filing: str) -> dict[str, Points]:
    """The points of each tax the tables hold for ``state`` (``US``: the nation's): each
    table's wages and taxes are whole numbers separated by spaces, read in one row."""
    return {
        kind: list(zip(map(int, wages.split()), map(int, cents.split()), strict=True))
        for kind, wages, cents in _query(
            tables,
            "SELECT kind, wages, cents FROM tax_table WHERE state = ? AND filing = ?",
            (state, filing),
        )
    }


def every_state(tables: sqlite3.Connection, filing: str) -> dict[str, dict[str, Points]]:
    """:func:`points` of the nation and of every state, read in one query."""
    found: dict[str, dict[str, Points]] = {}
    for state, kind, wages, cents in _query(
        tables, "SELECT state, kind, wages, cents FROM tax_table WHERE filing = ?", (filing,)
    ):
        pairs = list(zip(map(int, wages.split()), map(int, cents.split()), strict=True))
        found.setdefault(state, {})[kind] = pairs
    return found


def schedule(
    tables: sqlite3.Connection,
    state: str | None,
    filing: str,
    nation: Mapping[str, Points] | None = None,
    local: Mapping[str, Points] | None = None,
) -> dict[str, Points]:
    """Each tax's points for an earner in ``state`` (a postal code; None: federal and payroll
    taxes only, as in a state without income tax), given the nation's and the state's if
    read already."""
    nation = nation or points(tables, NATION, filing)
    if local is None:
        local = points(tables, state, filing) if state else {}
    taxes = {
        "federal": local.get("federal") or nation.get("federal"),
        "social_security": nation.get("social_security"),
        "medicare": nation.get("medicare"),
    }
    if state is not None:
        taxes["state"] = local.get("state")
    if not all(taxes.values()):
        where = state or NATION
        raise OfficialDataError(
            f"the tax tables have no {filing} figures for {where}; {_REINSTALL}"
        )
    return {kind: found for kind, found in taxes.items() if found}


def taxes_on(plan: Mapping[str, Points], wages: int, state: str | None, filing: str) -> TaxRecord:
    """The taxes on ``wages`` (whole dollars) and what is left, in dollars and cents: each
    tax to the cent, and the take-home exactly what those leave."""
    federal, social, medicare = (round(at(plan[kind], wages)) for kind in KINDS if kind != "state")
    local = round(at(plan["state"], wages)) if "state" in plan else None
    paid = federal + social + medicare + (local or 0)
    return {
        "year": YEAR,
        "filing": filing,
        "wages": wages,
        "state": state,
        "federal_income_tax": federal / 100,
        "state_income_tax": None if local is None else local / 100,
        "social_security": social / 100,
        "medicare": medicare / 100,
        "take_home": (wages * 100 - paid) / 100,
        "effective_rate": round(paid / (wages * 100), 4) if wages else None,
        "excluded": list(EXCLUDED),
    }


def take_home(plan: Mapping[str, Points], wages: int) -> float:
    """Wages less every tax in ``plan`` (each to the cent, as :func:`taxes_on` has them),
    in dollars."""
    return wages - sum(round(at(points, wages)) for points in plan.values()) / 100


def wages_for(plan: Mapping[str, Points], wanted: float) -> int | None:
    """The least whole-dollar wage whose take-home is at least ``wanted`` dollars (None when
    no wage reaches it). Solved on the tables' own pieces, so exactly as they compute."""
    from itertools import pairwise

    edges = sorted({wage for points in plan.values() for wage, _ in points})
    for low, high in pairwise(edges):
        if take_home(plan, high) >= wanted:
            return _first_reaching(plan, low, high, wanted)
    top = edges[-1]
    slope = take_home(plan, top + 1) - take_home(plan, top)
    if slope <= 0:
        return None
    guess = top + max(0, int((wanted - take_home(plan, top)) / slope) - 1)
    while take_home(plan, guess) < wanted:
        guess += 1
    return guess


def _first_reaching(plan: Mapping[str, Points], low: int, high: int, wanted: float) -> int:
    """The least wage in ``[low, high]`` (take-home linear between) reaching ``wanted``."""
    if take_home(plan, low) >= wanted:
        return low
    start = take_home(plan, low)
    slope = (take_home(plan, high) - start) / (high - low)
    guess = min(high, max(low, low + int((wanted - start) / slope) - 1))
    while take_home(plan, guess) < wanted:
        guess += 1
    return guess


def _query(
    tables: sqlite3.Connection, sql: str, parameters: tuple[object, ...]
) -> list[tuple[Any, ...]]:
    from techpay.core import sqlite

    try:
        return tables.execute(sql, parameters).fetchall()
    except sqlite.DatabaseError as error:
        raise OfficialDataError(
            f"the tax and housing tables are damaged ({error}); {_REINSTALL}"
        ) from None
