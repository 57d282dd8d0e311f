"""Pure functions that judge an offer: read the amount as typed (yearly or hourly), place
it among the published percentiles, and set it against a range. No I/O.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from techpay.core.records import EstimateRecord

HOURS_A_YEAR = 2080  # as BLS annualises an hourly wage
MAX_ANNUAL = 10_000_000
MAX_HOURLY = 5_000
_HOURLY = r"\$?(\d+(?:,\d{3})*)(\.\d{1,2})?"  # compiled only when an hourly wage is read

ANNUALISED = "the hourly wage times 2,080 hours, as BLS annualises hourly wages"


def read_amount(text: str, hourly: bool = False) -> tuple[int, int | None]:
    """The offer as a yearly amount in whole dollars, and (with ``hourly``) the hourly wage
    it came from, in cents; an hourly wage is annualised as BLS does (x 2,080 hours, to the
    nearest dollar). :class:`UsageError` for anything not a plausible offer."""
    from techpay.core.amounts import MAX_AMOUNT_LENGTH, amount_shown, parse_amount
    from techpay.core.errors import UsageError

    typed = text.strip().replace("_", "").replace(" ", "")
    if len(typed) > MAX_AMOUNT_LENGTH:
        raise UsageError(f"{amount_shown(text)} is too large an amount; check it")
    found = None
    if hourly:
        import re  # here, not at the top: most runs read no hourly wage

        found = re.fullmatch(_HOURLY, typed)
    try:
        if found:
            cents = int(found[1].replace(",", "")) * 100 + int((found[2] or ".0")[1:].ljust(2, "0"))
        else:
            cents = parse_amount(text) * 100
    except ValueError as error:
        if hourly and not typed.startswith("-"):
            raise UsageError(f"{text!r} is not an hourly wage; write it like 72 or 72.50") from None
        raise UsageError(str(error)) from None
    if cents <= 0:
        raise UsageError(f"{text!r} is not a salary; the amount must be more than zero")
    if hourly and cents > MAX_HOURLY * 100:
        raise UsageError(f"{text!r} an hour is more than ${MAX_HOURLY:,}; check the amount")
    annual = (cents * HOURS_A_YEAR + 50) // 100 if hourly else cents // 100
    if not hourly and annual > MAX_ANNUAL:
        raise UsageError(f"{text!r} is more than ${MAX_ANNUAL:,} a year; check the amount")
    return annual, cents if hourly else None


def placement(amount: int, estimate: EstimateRecord) -> dict[str, object]:
    """Where ``amount`` sits among the published percentiles (see
    :func:`techpay.official.estimates.place`), saying what a top-coded percentile above it
    means: below the least it can be (BLS's top code, or the percentile published below it
    if higher), the amount is below that percentile too; at or above it, BLS does not say
    where it sits."""
    from techpay.official.estimates import PERCENTILES, ordinal, place

    wages = estimate["annual_wages"]
    placed: dict[str, object] = dict(place(amount, wages))
    published = [(rank, value) for rank, name in PERCENTILES
                 if (value := wages[name]) is not None]  # type: ignore[literal-required]  # fmt: skip
    coded = [(rank, top) for rank, name in PERCENTILES
             if (top := _top_code(estimate, name)) is not None]  # fmt: skip
    beyond = published and amount < published[0][1]
    if placed["percentile"] is not None or placed["between"] or beyond or not coded:
        return placed
    first, top = coded[0]
    last = published[-1][0] if published else None
    # the bound is the code, or the highest percentile published below (see bundle.at_least)
    source = f", the {ordinal(last)}" if last and published[-1][1] == top else ""
    coded_text = f"the {ordinal(first)} is top-coded (at least ${top:,}{source})"
    if not published:
        coded_text = f"every percentile is top-coded (at least ${top:,})"
    if amount < top:
        placed["between"] = [] if last is None else [last, first]
        placed["text"] = (
            f"below the {ordinal(first)} percentile; {coded_text}"
            if last is None
            else f"between the {ordinal(last)} and {ordinal(first)} percentiles; {coded_text}"
        )
    else:
        above = "" if last is None else f"above the {ordinal(last)} percentile; "
        placed["text"] = f"{above}{coded_text}, so BLS does not say where it sits"
    return placed


def hourly_placement(dollars: float, estimate: EstimateRecord) -> dict[str, object] | None:
    """Where an hourly wage sits among the hourly percentiles of an estimate BLS published
    hourly only (never converted to annual); None for an estimate with annual wages."""
    from techpay.official.estimates import place

    hourly = estimate["hourly_wages"]
    return None if hourly is None else dict(place(dollars, hourly))


def _top_code(estimate: EstimateRecord, name: str) -> int | None:
    absent = estimate["absent"].get(name)
    return None if absent is None else absent["at_least"]


def against_range(amount: int, salary: dict[str, object]) -> dict[str, object]:
    """Where ``amount`` sits against a range (``min``, ``max``, ``midpoint``): below, inside
    or above it, and its difference from the midpoint in dollars and percent. A range with
    no stated top (``$160,000 - $240,000+``, ``open_ended``) has nothing above it."""
    low, high, middle = (int(str(salary[name])) for name in ("min", "max", "midpoint"))
    above = amount > high and not salary.get("open_ended")
    position = "below" if amount < low else "above" if above else "inside"
    return {
        "position": position,
        "from_midpoint": amount - middle,
        "from_midpoint_percent": round((amount - middle) * 100 / middle, 1),
    }


# What no full-time wage is, for the hint on an offer typed without its unit. The floor is a
# year of full-time work at the federal minimum wage ($7.25 an hour, unchanged since 2009);
# the ceiling is above every wage BLS published in the release (its largest figure is
# $946,560 in May 2025; tests/test_offer.py checks the bundle stays below it).
FEDERAL_MINIMUM_CENTS = 725
LOWEST_ANNUAL = FEDERAL_MINIMUM_CENTS * HOURS_A_YEAR // 100
HIGHEST_ANNUAL = 1_000_000


def implausible(text: str, annual: int, cents: int | None) -> str | None:
    """A hint when an offer is out of reach of any full-time wage (``165`` for ``165k``, an
    hourly wage typed without ``--hourly``), else None. The offer is answered all the same."""
    typed, hourly = text.strip(), cents is not None
    if annual < LOWEST_ANNUAL:
        pay = f"${annual:,} a year"
        if cents is not None:
            pay = f"${cents // 100:,}.{cents % 100:02} an hour ({pay})"
        advice = "check the amount"
        if not hourly:
            advice = (
                f"did you mean {typed}k, or --hourly?"
                if annual < 1000
                else "AMOUNT is a yearly amount, or an hourly wage with --hourly"
            )
        return (
            f"{pay} is less than a year of full-time work at the federal minimum wage"
            f" (${LOWEST_ANNUAL:,}); {advice}"
        )
    if annual > HIGHEST_ANNUAL:
        advice = "did you mean a yearly amount (without --hourly)?" if hourly else "check the zeros"
        return (
            f"${annual:,} a year is more than any wage BLS publishes (none reaches"
            f" ${HIGHEST_ANNUAL:,}); {advice}"
        )
    return None
