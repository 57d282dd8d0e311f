"""What techpay derives from the article's ranges and the official figures together.

Every value here is an estimate (labelled so wherever it is shown): the range midpoint's
premium over the official median, where an amount sits in the published distribution, and the
article's range scaled to a place. Pure functions over records; no I/O.
"""

from __future__ import annotations

from itertools import pairwise

from techpay.core.queries import official_median, salary_midpoint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from techpay.core.records import (
        AnnualWages,
        EstimateRecord,
        HourlyWages,
        MedianWorth,
        Placement,
        RoleRecord,
    )

LABEL = "estimate: derived by techpay from the article's range and the official figures"
PERCENTILES = ((10, "p10"), (25, "p25"), (50, "median"), (75, "p75"), (90, "p90"))


def midpoint(role: RoleRecord) -> int:
    """The middle of the article's range (see :func:`techpay.core.queries.salary_midpoint`)."""
    return salary_midpoint(role["salary"])


def comparable(role: RoleRecord) -> bool:
    """Whether the role's range can be set against BLS figures, which are US dollars."""
    return role["salary"]["currency"] == "USD"


def premium(role: RoleRecord) -> float | None:
    """How far the range midpoint is above (+) or below (-) the official median, in percent;
    None without a median, or for a range in another currency than the US dollar."""
    median = official_median(role)
    if median is None or not comparable(role):
        return None
    return round((midpoint(role) - median) * 100 / median, 1)


def average_premium(roles: Iterable[RoleRecord]) -> float | None:
    """The mean premium over the roles that have an official median (others are left out)."""
    premiums = [found for role in roles if (found := premium(role)) is not None]
    return round(sum(premiums) / len(premiums), 1) if premiums else None


def ordinal(number: int) -> str:
    """``62`` -> ``62nd``."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def place(amount: float, wages: AnnualWages | HourlyWages) -> Placement:
    """Where ``amount`` sits among the published percentiles (annual, or hourly for an
    hourly amount against wages BLS published hourly only).

    Between two neighbouring published percentiles it is interpolated linearly; below the
    lowest or above the highest published one it is only "below" or "above" it, never
    extrapolated; next to a percentile BLS did not publish (top-coded or not released) only
    the published neighbours are named.
    """
    known = [(rank, wages[name]) for rank, name in PERCENTILES]  # type: ignore[literal-required]
    published = [(rank, value) for rank, value in known if value is not None]
    if not published:
        return {
            "amount": amount,
            "percentile": None,
            "between": [],
            "text": "no published percentiles",
        }
    lowest, highest = published[0], published[-1]
    if amount < lowest[1]:
        return _outside(amount, f"below the {ordinal(lowest[0])} percentile")
    if amount > highest[1]:
        if highest[0] == 90:
            return _outside(amount, "above the 90th percentile")
        return _outside(
            amount,
            f"above the {ordinal(highest[0])} percentile (the higher ones are not published)",
        )
    for (low_rank, low), (high_rank, high) in pairwise(known):
        if low is None or high is None or not low <= amount <= high:
            continue
        share = 0.0 if high == low else (amount - low) / (high - low)
        exact = low_rank + share * (high_rank - low_rank)
        percentile = round(exact, 1)
        text = f"about the {ordinal(int(exact + 0.5))} percentile"
        return {"amount": amount, "percentile": percentile, "between": [low_rank, high_rank],
                "text": text}  # fmt: skip
    ranks = [rank for rank, value in published if value <= amount][-1:] + [
        rank for rank, value in published if value > amount
    ][:1]
    return {
        "amount": amount,
        "percentile": None,
        "between": ranks,
        "text": f"between the {ordinal(ranks[0])} and {ordinal(ranks[1])} percentiles"
        " (the ones between are not published)",
    }


def _outside(amount: float, text: str) -> Placement:
    return {"amount": amount, "percentile": None, "between": [], "text": text}


# An amount derived from the article's range and the official figures together (a range
# scaled to a place) is rounded to this: it has no finer precision than that.
ESTIMATE_STEP = 1_000


def round_estimate(amount: float) -> int:
    """A derived dollar amount to the nearest ``ESTIMATE_STEP`` (halves up)."""
    return int(amount / ESTIMATE_STEP + 0.5) * ESTIMATE_STEP


def local_range(role: RoleRecord, local: EstimateRecord | None) -> dict[str, object] | None:
    """The article's range scaled by the place's median over the national median of the
    role's occupation, each end (and the midpoint) to the nearest $1,000; None when either
    median is not published."""
    national = official_median(role)
    here = None if local is None else local["annual_wages"]["median"]
    if national is None or here is None or not comparable(role):
        return None
    ratio = here / national
    return {
        "min": round_estimate(role["salary"]["min"] * ratio),
        "max": round_estimate(role["salary"]["max"] * ratio),
        "midpoint": round_estimate(midpoint(role) * ratio),
        "open_ended": role["salary"]["open_ended"],
        "ratio": round(ratio, 3),
        "label": "estimate: the article's range scaled by the local over the national median,"
        " to the nearest $1,000",
    }


def role_estimates(role: RoleRecord) -> dict[str, object] | None:
    """The national estimates of a role: premium and where its range sits; None without
    official figures."""
    official = role.get("official")
    if official is None or official_median(role) is None or not comparable(role):
        return None
    wages = official["annual_wages"]
    return {
        "label": LABEL,
        "premium_percent": premium(role),
        "midpoint_placement": place(midpoint(role), wages),
        "min_placement": place(role["salary"]["min"], wages),
        "max_placement": place(role["salary"]["max"], wages),
    }


def local_estimates(role: RoleRecord, local: EstimateRecord | None) -> dict[str, object]:
    """With a place: the range scaled to it, and where the article's midpoint sits there."""
    placement = None
    if local is not None and comparable(role):
        placement = place(midpoint(role), local["annual_wages"])
    return {"label": LABEL, "salary": local_range(role, local), "midpoint_placement": placement}


# where: the defaults and bounds of --top and --min-employment. Estimates for fewer than 100
# jobs are noisy, and so small a market is rarely one to move for.
DEFAULT_MIN_EMPLOYMENT = 100
MAX_EMPLOYMENT = 10_000_000
MAX_TOP = 1000
PLACE_SORTS = {
    "median": "median",
    "p10": "p10",
    "p90": "p90",
    "mean": "mean",
    "employment": "employment",
    "concentration": "location_quotient",
}


def rank_places(
    found: Iterable[EstimateRecord], sort: str = "median", min_employment: int = 0
) -> list[EstimateRecord]:
    """Places highest first by ``sort``; a top-coded wage counts as the least it can be
    (so it is never above a published figure it may be below), wages BLS published hourly
    only come after the annual ones, by their hourly figure, and a figure not published
    sorts last; places with fewer than ``min_employment`` jobs (or no published
    employment, when a minimum is set) are left out. Ties go by name."""
    field = PLACE_SORTS[sort]

    def key(estimate: EstimateRecord) -> tuple[int, float, str]:
        group, value = 0, _figure(estimate, field)
        if value is None and field in estimate["absent"]:
            value = estimate["absent"][field]["at_least"]
        if value is None:
            group, value = 1, _hourly(estimate, field)
        if value is None:
            group = 2
        return (group, -(value or 0), estimate["area"]["name"])

    kept = [
        estimate
        for estimate in found
        if min_employment <= 0 or (estimate["employment"] or 0) >= min_employment
    ]
    return sorted(kept, key=key)


# where --sort take-home|real: what the occupation's median is worth there (the figures of
# ``techpay.official.worth``, tax year 2025 and the housing index of 2024).
WORTH_SORTS = {"take-home": "take-home", "real": "after housing"}


def wages_absent(estimate: EstimateRecord) -> str | None:
    """Why an estimate has no annual median to tax: BLS did not publish it, top-coded it (a
    bound has no take-home), or published the wages hourly only; None when it has one."""
    if estimate["annual_wages"]["median"] is not None:
        return None
    absent = estimate["absent"].get("median")
    if absent is not None and absent["at_least"] is not None:
        return (
            f"its median is top-coded (at least ${absent['at_least']:,}): a bound has no take-home"
        )
    if estimate["hourly_wages"] is not None:
        return "BLS published its wages hourly only: no annual median to tax"
    reason = "no reason given" if absent is None else absent["reason"].rstrip(".")
    return f"BLS published no median: {reason}"


def worth_figure(worth: MedianWorth, sort: str) -> float | None:
    """The figure ``where --sort`` ranks by: take-home, or take-home over the housing index
    (unrounded: ``after_housing`` is it to the nearest $100)."""
    tax, found = worth["tax"], worth["housing"]
    if tax is None:
        return None
    if sort == "take-home":
        return tax["take_home"]
    return None if found is None else tax["take_home"] / found["index"]


def rank_by_worth(
    found: Iterable[tuple[EstimateRecord, MedianWorth]], sort: str
) -> list[tuple[EstimateRecord, MedianWorth]]:
    """Places highest first by :func:`worth_figure`; a place without it (no median, a
    top-coded one, no tax or housing figure) last. Ties go by name."""

    def key(pair: tuple[EstimateRecord, MedianWorth]) -> tuple[bool, float, str]:
        value = worth_figure(pair[1], sort)
        return (value is None, -(value or 0), pair[0]["area"]["name"])

    return sorted(found, key=key)


def _figure(estimate: EstimateRecord, field: str) -> float | None:
    if field in ("employment", "location_quotient"):
        value: float | None = estimate[field]  # type: ignore[literal-required]
        return value
    wage: int | None = estimate["annual_wages"][field]  # type: ignore[literal-required]
    return wage


def _hourly(estimate: EstimateRecord, field: str) -> float | None:
    hourly = estimate["hourly_wages"]
    if hourly is None or field not in hourly:
        return None
    wage: float | None = hourly[field]  # type: ignore[literal-required]
    return wage


def soc_code(text: str) -> str | None:
    """``15-1252``, ``151252`` or ``15-1252.00`` as ``15-1252``; None for anything else."""
    code, dot, detail = text.strip().partition(".")
    if dot and not (len(detail) == 2 and _ascii_digits(detail)):
        return None
    digits = code[:2] + code[3:] if len(code) == 7 and code[2] == "-" else code
    return f"{digits[:2]}-{digits[2:]}" if len(digits) == 6 and _ascii_digits(digits) else None


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()
