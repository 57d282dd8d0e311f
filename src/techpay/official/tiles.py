"""The pay map's pieces: the tile grid of the United States, the measures a map can show,
and the bins its colours stand for. Pure data and functions; no I/O.

The grid is the usual one of news maps: one equal tile per state and DC, 11 columns by 8
rows, laid out so that neighbours stay near each other (Alaska top left, Maine top right,
Hawaii and Texas on the bottom row). The territories BLS publishes figures for sit on a row
of their own beside it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from techpay.core.records import EstimateRecord

# Each row of the grid, west to east; "." is an empty cell.
_ROWS = (
    "AK .. .. .. .. .. .. .. .. .. ME",
    ".. .. .. .. .. .. .. .. .. VT NH",
    "WA ID MT ND MN IL WI MI NY RI MA",
    "OR NV WY SD IA IN OH PA NJ CT ..",
    "CA UT CO NE MO KY WV VA MD DE ..",
    ".. AZ NM KS AR TN NC SC DC .. ..",
    ".. .. .. OK LA MS AL GA .. .. ..",
    "HI .. .. TX .. .. .. .. FL .. ..",
)
# postal code -> (row, column)
GRID: dict[str, tuple[int, int]] = {
    postal: (row, column)
    for row, cells in enumerate(_ROWS)
    for column, postal in enumerate(cells.split())
    if postal != ".."
}
ROWS, COLUMNS = len(_ROWS), len(_ROWS[0].split())
# Beside the grid, on a row of their own under its south-east corner (near the Caribbean).
TERRITORIES: dict[str, tuple[int, int]] = {"PR": (ROWS + 1, 8), "VI": (ROWS + 1, 9),
                                           "GU": (ROWS + 1, 10)}  # fmt: skip

# --by: what each measure is called.
MEASURES = {
    "median": "median annual wage",
    "p10": "10th percentile annual wage",
    "p90": "90th percentile annual wage",
    "mean": "mean annual wage",
    "employment": "employment",
    "concentration": "location quotient",
    "take-home": "median annual wage after tax",
    "real": "median annual wage after tax and housing",
}
# The measures of what the median is worth in a state (computed by the map's command, with
# the tax tables and the housing index of ``techpay.official.worth``).
WORTH_MEASURES = ("take-home", "real")
DEFAULT_BINS, MIN_BINS, MAX_BINS = 5, 3, 9


def tile(postal: str | None) -> tuple[int, int] | None:
    """Where a state, DC or territory is drawn; None for anything else."""
    if postal is None:
        return None
    return GRID.get(postal) or TERRITORIES.get(postal)


def is_wage(measure: str) -> bool:
    return measure not in ("employment", "concentration")


def measure_value(estimate: EstimateRecord, measure: str) -> float | None:
    """The figure a map shows for ``measure``; None where BLS gave no number (a top-coded
    wage included: see :func:`top_code`; an hourly-only wage too: the map is of annual
    wages)."""
    if measure == "employment":
        return estimate["employment"]
    if measure == "concentration":
        return estimate["location_quotient"]
    wage: int | None = estimate["annual_wages"][measure]  # type: ignore[literal-required]
    return wage


def top_code(estimate: EstimateRecord, measure: str) -> int | None:
    """The least a top-coded wage can be (BLS's top code, or a percentile published below
    it if higher); None when the wage is not top-coded."""
    if not is_wage(measure):
        return None
    absent = estimate["absent"].get(measure)
    return None if absent is None else absent["at_least"]


def rank_value(estimate: EstimateRecord, measure: str) -> float | None:
    """The value a tile is binned by: the figure, or for a top-coded wage the least it can
    be (so it is never binned above a published figure it may be below)."""
    value = measure_value(estimate, measure)
    return top_code(estimate, measure) if value is None else value


def bin_numbers(values: Sequence[float], count: int) -> list[int]:
    """Each value's bin, 1 (lowest) to at most ``count``: bins of about equal numbers of
    values (quantiles), equal values always in the same bin, no bin empty, and as many
    bins as ``count`` when there are that many different values.

    The different values are taken in order and a bin is closed once it holds its share of
    the values not yet in a bin (or when the values left are only enough for the bins
    left), so a run of equal values fills one bin and the others share the rest.
    """
    sizes: dict[float, int] = {}
    for value in values:
        sizes[value] = sizes.get(value, 0) + 1
    ordered = sorted(sizes)
    bins = min(count, len(ordered))
    number, held, left = 1, 0, len(values)
    found: dict[float, int] = {}
    for index, value in enumerate(ordered):
        full = held >= left / (bins - number + 1)
        if held and (full or len(ordered) - index == bins - number):
            number, held, left = number + 1, 0, left - held
        found[value] = number
        held += sizes[value]
    return [found[value] for value in values]


def bin_ranges(values: Sequence[float], bins: Sequence[int]) -> list[tuple[float, float, int]]:
    """For each bin in order: its lowest and highest value and how many values it holds."""
    ranges = []
    for number in sorted(set(bins)):
        held = [value for value, found in zip(values, bins, strict=True) if found == number]
        ranges.append((min(held), max(held), len(held)))
    return ranges
