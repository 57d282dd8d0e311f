"""``offer`` with the parts of an offer (``--bonus``, ``--stock``, ``--vest``...): its pay year
by year, and what each year's pay leaves after tax and housing in each place. Computed once,
into the offer's JSON document; the table and the plain lines are drawn from it.
"""

from __future__ import annotations

from techpay.core.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from techpay.core.records import AreaRecord, OfferYear
    from techpay.official.worth import Worth

# What a document with the parts of an offer says once: OEWS is base pay.
BASE_ONLY = (
    "OEWS wages are base pay: the base is placed in the official pay; total pay (bonus,"
    " sign-on, equity) never is."
)


def read_terms(
    *,
    bonus: str | None,
    sign_on: str | None,
    stock: str | None,
    vest: str | None,
    refresh: str | None,
    raise_: str | None,
    stock_growth: str | None,
    years: int | None,
) -> dict[str, Any] | None:
    """The parts of an offer its options give, read as an offers file reads them (see
    :mod:`techpay.core.terms`); None when none is given (``offer`` then answers as it always
    has). A value that is not a term is a usage error naming the option."""
    from techpay.core import terms

    given = (bonus, sign_on, stock, vest, refresh, raise_, stock_growth, years)
    if all(value is None for value in given):
        return None

    def read(option: str, text: str | None, parse: Any, default: object) -> Any:
        if text is None:
            return default
        try:
            return parse(text)
        except terms.ValueRefused as refused:
            raise UsageError(f"{option}: {refused}") from None

    def share(bounds: tuple[float, float]) -> Any:
        return lambda text: terms.parse_share(text, low=bounds[0], high=bounds[1])

    found = {
        "bonus": read("--bonus", bonus, terms.parse_bonus, None),
        "sign_on": read("--sign-on", sign_on, terms.parse_dollars, 0),
        "stock": read("--stock", stock, terms.parse_dollars, 0),
        "vest": read("--vest", vest, terms.parse_vest, terms.EVEN),
        "refresh": read("--refresh", refresh, terms.parse_dollars, 0),
        "raise_": read("--raise", raise_, share(terms.RAISE_BOUNDS), 0.0),
        "stock_growth": read("--stock-growth", stock_growth, share(terms.STOCK_GROWTH_BOUNDS), 0.0),
        "years": 4 if years is None else years,
    }
    for option, text in (("--vest", vest), ("--stock-growth", stock_growth)):
        if text is not None and stock is None and refresh is None:
            raise UsageError(f"{option} applies to a grant: give --stock (or --refresh) too")
    return found


def terms_document(terms: dict[str, Any]) -> dict[str, object]:
    """The parts of an offer as JSON: amounts in dollars, rates as fractions, the schedule
    by its name, description and yearly shares."""
    bonus = terms["bonus"]
    vest = terms["vest"]
    return {
        "bonus": None if bonus is None else {"kind": bonus[0], "value": bonus[1]},
        "sign_on": terms["sign_on"],
        "stock": terms["stock"],
        "vest": {
            "name": vest.name,
            "description": vest.description,
            "shares": [float(share) for share in vest.shares],
        },
        "refresh": terms["refresh"],
        "raise": terms["raise_"],
        "stock_growth": terms["stock_growth"],
        "years": terms["years"],
    }


def pay_by_year(base: int, terms: dict[str, Any]) -> list[OfferYear]:
    """Each year's pay (:func:`techpay.core.compensation.plan`); what it refuses is a usage
    error naming the option."""
    from techpay.core.compensation import plan

    try:
        return plan(base, **terms)
    except ValueError as error:
        raise UsageError(str(error)) from None


def worth_by_year(
    rows: Sequence[OfferYear], areas: Sequence[AreaRecord], worth: Worth
) -> list[dict[str, Any]]:
    """Each year's pay with, in each place, its take-home (the year's total taxed as wages
    that year, on the tax tables) and those taxes, the housing index there, and take-home
    over it (to the nearest $100)."""
    found = []
    for row in rows:
        places = []
        for area in areas:
            there = worth.in_area(area, row["total"])
            tax, housing = there["tax"], there["housing"]
            places.append({"area": area, "take_home": None if tax is None else tax["take_home"],
                           "tax": tax,
                           "housing_index": None if housing is None else housing["index"],
                           "after_housing": there["after_housing"]})  # fmt: skip
        found.append({**row, "places": places})
    return found


def totals(years: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The sum of each column, and in each place of the take-home and that over the housing
    index (the total's, not a sum of the years' rounded figures; None where a year has no
    figure)."""
    summed: dict[str, Any] = {
        name: sum(row[name] for row in years)
        for name in ("base", "bonus", "sign_on", "equity", "total")
    }
    places = []
    for index, first in enumerate(years[0]["places"] if years else []):
        column = [row["places"][index] for row in years]
        homes = [place["take_home"] for place in column]
        home = None if None in homes else round(sum(homes), 2)
        places.append({
            "area": first["area"],
            "take_home": home,
            "after_housing": after_housing(home, first["housing_index"]),
        })  # fmt: skip
    summed["places"] = places
    return summed


def after_housing(take_home: float | None, index: float | None) -> int | None:
    """Take-home over the housing index, to the nearest $100 (None without either)."""
    from techpay.official.worth import to_step

    return None if take_home is None or index is None else to_step(take_home / index)


def add_years(document: dict[str, Any], terms: dict[str, Any], worth: Worth) -> None:
    """``offer`` with parts: the terms, each year's pay and what it leaves in each place
    named (without one, the nation: federal and payroll taxes only), and the totals."""
    rows = document["places"]
    named = [row["area"] for row in rows if row["area"]["type"] != "national"]
    areas = named or [rows[0]["area"]]
    years = worth_by_year(pay_by_year(document["offer"]["annual"], terms), areas, worth)
    document["terms"] = terms_document(terms)
    document["years"] = years
    document["totals"] = totals(years)
    document["base_only"] = BASE_ONLY


YEAR_FIELDS = ("year", "base", "bonus", "sign_on", "equity", "total", "area_code", "place",
               "take_home", "after_housing")  # fmt: skip


def year_lines(document: dict[str, Any], with_header: bool = True) -> str:
    """``offer --plain`` with parts, after the lines per place: a header row (unless
    ``with_header`` is false), then a line per year and place."""
    from techpay.render.plain import lines
    from techpay.render.release import place_name

    rows = [
        (row["year"], row["base"], row["bonus"], row["sign_on"], row["equity"], row["total"],
         place["area"]["code"], place_name(place["area"]), place["take_home"],
         place["after_housing"])
        for row in document["years"]
        for place in row["places"]
    ]  # fmt: skip
    return lines(YEAR_FIELDS, rows, with_header)
