"""``offers FILE``: the offers of a file side by side, year by year, after tax and housing in
each offer's place, with who leads each year and when one overtakes another. The answer is
computed once, as the JSON document; the tables, the chart and the plain lines are drawn
from it.
"""

from __future__ import annotations

from techpay.commands.output import drawn_instead, emit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from techpay.commands.handlers import Data
    from techpay.core.dataset import Catalog
    from techpay.core.offerplain import OfferTerms
    from techpay.core.records import AreaRecord, WorthRecord
    from techpay.official.bundle import Bundle
    from techpay.official.worth import Worth

# The measures offers are compared by, cumulatively: the pay, the take-home, after housing.
MEASURES = ("total", "take_home", "after_housing")


def offers(
    data: Data,
    *,
    file: str,
    years: int,
    svg: str | None,
    html: str | None,
    force: bool,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> None:
    """``offers``: every offer of FILE laid out year by year and compared."""
    from techpay.commands.answers import note_an_old_release
    from techpay.commands.output import Pictures, save_drawing
    from techpay.core.documents import shown_name
    from techpay.core.offerplain import read_offer_terms
    from techpay.official.bundle import open_bundle

    plain = plain or no_header
    pictures = Pictures.wanted(svg, html, force, drawn_instead(json_output, plain))
    found = read_offer_terms(file)
    document = offers_document(data.catalog(), open_bundle(), shown_name(file), found, years)

    def view() -> object:
        from techpay.render.offers import offers_view

        return offers_view(document)

    lines = (lambda: offers_lines(document, not no_header)) if plain else None
    emit(json_output, lambda: document, view, lines)
    if pictures is not None:
        from techpay.render.offers import offers_chart

        save_drawing(pictures, lambda: offers_chart(document))
    note_an_old_release(json_output or plain)


def offers_document(
    catalog: Catalog, bundle: Bundle, path: str, found: Sequence[OfferTerms], years: int
) -> dict[str, Any]:
    """Every figure ``offers`` shows: each offer by year in its place, its base placed in
    the official pay there, the running totals, who leads and who overtakes whom."""
    from techpay.commands.offeryears import BASE_ONLY
    from techpay.commands.worth import sources
    from techpay.core.errors import DataError
    from techpay.official.taxes import EXCLUDED
    from techpay.official.worth import Worth

    worths: dict[str, Worth] = {}  # one per filing status
    laid_out, problems = [], []
    for index, terms in enumerate(found):
        worth = worths.get(terms.filing) or worths.setdefault(terms.filing, Worth(terms.filing))
        try:
            laid_out.append(one_offer(catalog, bundle, worth, (path, index), terms, years))
        except DataError as error:  # every offer's unknown names, not only the first's
            problems += error.problems
    if problems:
        raise DataError(problems)
    document: dict[str, Any] = {
        "file": path,
        "years": years,
        "source": "BLS OEWS",
        "release": bundle.release,
        "base_only": BASE_ONLY,
        "sources": sources(next(iter(worths.values()))),
        "excluded": list(EXCLUDED),
        "offers": laid_out,
    }
    document.update(compared(laid_out, years))
    return document


def one_offer(
    catalog: Catalog,
    bundle: Bundle,
    worth: Worth,
    where: tuple[str, int],
    terms: OfferTerms,
    years: int,
) -> dict[str, Any]:
    """One offer: its terms, its base in the official pay of its place, each year's pay and
    what it leaves there, its totals and running totals."""
    from techpay.commands.offers import place_row, role_facts
    from techpay.commands.offeryears import terms_document, totals, worth_by_year
    from techpay.official.roles import occupation_facts

    code, role, area = _resolve(catalog, bundle, where, terms)
    placed = place_row((terms.base, None), role, area, bundle.estimate(code, area["code"]))
    local: Any = placed["official"]
    by_year = worth_by_year(terms.plan(years), [area], worth)
    there = worth.in_area(area, terms.base)
    return {
        "name": terms.name,
        "role": None if role is None else role_facts(role),
        "occupation": occupation_facts(code, bundle.occupation_title(code), role),
        "area": area,
        "filing": terms.filing,
        "terms": terms_document({**terms.parts(), "years": years}),
        "official": {
            "median": None if local is None else local["annual_wages"]["median"],
            "placement": placed["placement"],
            "note": placed["note"],
        },
        "notes": _notes(there),
        "years": by_year,
        "totals": totals(by_year),
        "cumulative": running(by_year),
    }


def _resolve(
    catalog: Catalog, bundle: Bundle, where: tuple[str, int], terms: OfferTerms
) -> tuple[str, Any, AreaRecord]:
    """The occupation and role an offer's ``role`` names, and the area its ``place`` names;
    a name that answers to none is a problem of the file, at its field."""
    from techpay.commands.answers import occupation_code
    from techpay.commands.places import find_place
    from techpay.core.errors import DataError, Problem, TechpayError

    path, index = where
    problems = []
    try:
        code, role = occupation_code(catalog, terms.role)
    except DataError:
        raise
    except TechpayError as error:
        problems.append(Problem(path, str(error), field=f"offers[{index}].role"))
    try:
        area = find_place(terms.place, bundle.areas())
    except DataError:
        raise
    except TechpayError as error:
        problems.append(Problem(path, str(error), field=f"offers[{index}].place"))
    if problems:
        raise DataError(problems)
    return code, role, area


def _notes(there: WorthRecord) -> list[str]:
    """What a reader should know of a place's tax and housing figures."""
    notes = [there["tax_note"], there["tax_absent"], there["housing_absent"]]
    housing = there["housing"]
    if housing is not None and housing["fallback"]:
        notes.append(f"housing index: {housing['fallback']}")
    return [note for note in notes if note]


def running(by_year: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """After each year: the pay, take-home and after housing so far (the running
    take-home's, not a sum of rounded figures; None from a year with no figure on)."""
    from techpay.commands.offeryears import after_housing

    total = 0
    running_home: float | None = 0.0
    found = []
    for row in by_year:
        place = row["places"][0]
        total += row["total"]
        taken = place["take_home"]
        if taken is None or running_home is None:
            running_home = None
        else:
            running_home = round(running_home + taken, 2)
        found.append({
            "year": row["year"], "total": total, "take_home": running_home,
            "after_housing": after_housing(running_home, place["housing_index"]),
        })  # fmt: skip
    return found


def compared(laid_out: Sequence[dict[str, Any]], years: int) -> dict[str, Any]:
    """Who leads after each year, by each measure (None: a tie, or a figure missing), and
    each time one offer's running total overtakes another's."""
    from techpay.core.compensation import crossovers, leaders

    leading: list[dict[str, Any]] = [{"year": year} for year in range(1, years + 1)]
    found: list[dict[str, Any]] = []
    for measure in MEASURES:
        lines = {offer["name"]: [_exact(offer, step, measure) for step in offer["cumulative"]]
                 for offer in laid_out}  # fmt: skip
        if any(None in line for line in lines.values()):
            for row in leading:
                row[measure] = None
            continue
        whole: dict[str, list[int]] = lines  # type: ignore[assignment]
        for row, leader in zip(leading, leaders(whole), strict=True):
            row[measure] = leader
        found += [{**crossed, "measure": measure} for crossed in crossovers(whole)]
    found.sort(key=lambda crossed: crossed["year"])
    return {"leader_by_year": leading, "crossovers": found}


def _exact(offer: dict[str, Any], step: dict[str, Any], measure: str) -> int | None:
    """A running figure in cents to compare offers by: after housing, the running take-home
    over the housing index unrounded (the figure shown is to the nearest $100)."""
    if measure != "after_housing":
        return None if step[measure] is None else round(step[measure] * 100)
    index = offer["years"][0]["places"][0]["housing_index"]
    home = step["take_home"]
    return None if home is None or index is None else round(home / index * 100)


OFFERS_FIELDS = ("offer", "year", "occupation", "area_code", "place", "base", "bonus",
                 "sign_on", "equity", "total", "take_home", "after_housing",
                 "cumulative_total", "cumulative_take_home", "cumulative_after_housing",
                 "base_percentile")  # fmt: skip


def offers_lines(document: dict[str, Any], with_header: bool = True) -> str:
    """``offers --plain``: a header row (unless ``with_header`` is false), then a line per
    offer and year."""
    from techpay.render.plain import lines
    from techpay.render.release import place_name

    rows = []
    for offer in document["offers"]:
        area, placed = offer["area"], offer["official"]["placement"] or {}
        for row, sums in zip(offer["years"], offer["cumulative"], strict=True):
            place = row["places"][0]
            rows.append((
                offer["name"], row["year"], offer["occupation"]["code"], area["code"],
                place_name(area), row["base"], row["bonus"], row["sign_on"], row["equity"],
                row["total"], place["take_home"], place["after_housing"], sums["total"],
                sums["take_home"], sums["after_housing"], placed.get("percentile"),
            ))  # fmt: skip
    return lines(OFFERS_FIELDS, rows, with_header)
