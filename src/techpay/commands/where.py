"""``where``: the places where an occupation pays most, or the places asked for; ranked
by an official figure, or by what the median is worth there after tax and housing (also
``map --by take-home|real``'s figures: :func:`median_worth`).
"""

from __future__ import annotations

from techpay.commands.answers import note_an_old_release, occupation_code
from techpay.commands.output import emit, none_match, note
from techpay.core.absence import no_figures

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from techpay.core.dataset import Catalog
    from techpay.core.records import EstimateRecord, MedianWorth
    from techpay.official.worth import Worth


def where(
    catalog: Catalog | None,
    name: str,
    *,
    metros: bool,
    places: Sequence[str],
    sort: str,
    top: int,
    min_employment: int,
    json_output: bool,
    plain: bool = False,
    header: bool = True,
    filing: str = "single",
    tax_state: str | None = None,
) -> None:
    """``where``: the places where an occupation pays most, or the places asked for. Sorted
    by take-home or by take-home over the housing index (``real``), or with ``--in`` and
    either, each place also has what its median is worth there (``worth``)."""
    from techpay.commands.places import find_places
    from techpay.official.bundle import open_bundle
    from techpay.official.estimates import WORTH_SORTS, rank_by_worth, rank_places
    from techpay.official.roles import occupation_facts

    worth = _worth_options(sort in WORTH_SORTS, filing, tax_state)
    code, role = occupation_code(catalog, name)
    bundle = open_bundle()
    occupation = occupation_facts(code, bundle.occupation_title(code), role)
    worths: list[MedianWorth] = []  # with the worth sorts: each chosen place's
    if places:
        areas = find_places(places, bundle.areas())
        found = [bundle.estimate(code, area["code"]) for area in areas]
        chosen = [estimate for estimate in found if estimate is not None]
        missing = [
            area["name"] for area, estimate in zip(areas, found, strict=True) if estimate is None
        ]
    elif worth is not None:  # every place's take-home is needed to rank them
        every = bundle.estimates(code, "metro" if metros else "state")
        kept = rank_places(every, "median", min_employment)
        pairs = rank_by_worth([(found, median_worth(worth, found)) for found in kept], sort)
        chosen, missing = [estimate for estimate, _ in pairs[:top]], []
        worths = [found for _, found in pairs[:top]]
    else:
        every = bundle.estimates(code, "metro" if metros else "state")
        chosen, missing = rank_places(every, sort, min_employment)[:top], []

    document: dict[str, Any] = {
        "role": None if role is None else role["id"],
        "occupation": occupation,
        "source": "BLS OEWS",
        "release": bundle.release,
        "areas": "chosen" if places else "metros" if metros else "states",
        "sort": None if places else sort,
        "min_employment": None if places else min_employment,
        "places": chosen,
        "not_published": missing,
    }
    if worth is not None:
        if places:  # in the order given
            worths = [median_worth(worth, estimate) for estimate in chosen]
        _add_worth(document, worth, worths)

    def view() -> object:
        from techpay.render.official import where_table

        rows = document["places"]
        if worth is None:
            return where_table(rows, occupation)
        facts = {"filing": document["filing"], "sources": document["sources"],
                 "places": [row["worth"] for row in rows]}  # fmt: skip
        return where_table(rows, occupation, facts)

    def lines() -> str:
        from techpay.render.plain import places_lines

        return places_lines(document["places"], header, worth=worth is not None)

    if chosen or json_output or plain:
        emit(json_output, lambda: document, view, lines if plain else None)
    else:
        none_match("places")
    for place_name in missing:
        note(f"{no_figures(place_name, code)}.")
    note_an_old_release(json_output)


def _worth_options(wanted: bool, filing: str, tax_state: str | None) -> Worth | None:
    """``where``'s tax tables when sorted by take-home or ``real``, for ``--filing`` and
    ``--tax-state``, which apply to those sorts only (``--filing single`` is the default)."""
    from techpay.core.errors import UsageError
    from techpay.official.worth import Worth, filing_option, tax_state_option

    filing, tax_state = filing_option(filing), tax_state_option(tax_state)
    if wanted:
        worth = Worth(filing, tax_state)
        worth.every_state()  # a ranking taxes in every state
        return worth
    given = "--tax-state" if tax_state is not None else "--filing" if filing != "single" else ""
    if given:
        raise UsageError(
            f"{given} applies to --sort take-home or --sort real (what the median leaves after tax)"
        )
    return None


def _add_worth(document: dict[str, Any], worth: Worth, worths: Sequence[MedianWorth]) -> None:
    """What each place's median is worth there, and whose figures those are."""
    from techpay.commands.worth import sources

    document["filing"] = worth.filing
    document["sources"] = sources(worth)
    document["places"] = [
        {**estimate, "worth": found}
        for estimate, found in zip(document["places"], worths, strict=True)
    ]


def median_worth(worth: Worth, estimate: EstimateRecord) -> MedianWorth:
    """What the occupation's annual median is worth in the estimate's area: its taxes and
    take-home, the housing index there and take-home over it. Without a median to tax (not
    published, top-coded, hourly only) the tax figures are None, and ``wages_absent`` says
    why; the housing index is still given."""
    from techpay.official.estimates import wages_absent

    median = estimate["annual_wages"]["median"]
    found = worth.in_area(estimate["area"], 0 if median is None else median)
    if median is None:  # the housing index and the notes on it, but no taxes on nothing
        found["tax"], found["tax_note"], found["after_housing"] = None, None, None
    return {"wages": median, "wages_absent": wages_absent(estimate), **found}
