"""``net`` (what a salary leaves after tax, and what it buys after housing), and what
``offer --in`` adds of it: each answer computed once, as the JSON document, then drawn.
"""

from __future__ import annotations

from techpay.commands.output import emit, warn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from techpay.commands.handlers import Data
    from techpay.core.records import AreaRecord
    from techpay.official.worth import Worth


def net(
    data: Data,
    *,
    amount: str,
    hourly: bool,
    places: list[str] | None,
    filing: str,
    tax_state: str | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> None:
    """``net``: the taxes on a salary in each place, its take-home, the housing index there
    and take-home over it; without a place, federal and payroll taxes only."""
    from techpay.commands.places import find_places
    from techpay.core.errors import TechpayError
    from techpay.official.bundle import NATIONAL, open_bundle
    from techpay.official.judge import implausible, read_amount
    from techpay.official.worth import Worth, filing_option, tax_state_option

    offered = read_amount(amount, hourly)
    worth = Worth(filing_option(filing), tax_state_option(tax_state))
    areas = open_bundle().areas()
    chosen = find_places(places_taxed(places, worth.override), areas) or [areas[NATIONAL]]
    document = net_document(worth, offered, chosen)
    rows: list[dict[str, Any]] = document["places"]  # type: ignore[assignment]
    if all(row["tax"] is None for row in rows):  # nothing to show: say why, as an error
        raise TechpayError("; ".join(row["tax_absent"] for row in rows))
    hint = implausible(amount, *offered)
    if hint is not None:
        warn(hint)

    def view() -> object:
        from techpay.render.worth import net_view

        return net_view(document)

    with_header = not no_header
    lines = (lambda: net_lines(document, with_header)) if plain or no_header else None
    emit(json_output, lambda: document, view, lines)


def places_taxed(places: Sequence[str] | None, tax_state: str | None) -> list[str]:
    """The places an answer on take-home shows: those named, or with ``--tax-state`` alone,
    that state (taxed as its own); none, for the nation, without either."""
    if places:
        return list(places)
    return [tax_state] if tax_state else []


def net_document(
    worth: Worth, offered: tuple[int, int | None], areas: Sequence[AreaRecord]
) -> dict[str, object]:
    """Every figure ``net`` shows, with where each comes from."""
    from techpay.official.judge import ANNUALISED

    wages, cents = offered
    return {
        "wages": wages,
        "hourly": None if cents is None else cents / 100,
        "annualised": None if cents is None else ANNUALISED,
        "filing": worth.filing,
        "places": [{"area": area, **worth.in_area(area, wages)} for area in areas],
        "sources": sources(worth),
    }


def sources(worth: Worth) -> dict[str, str]:
    """Where the tax and housing figures come from, and how close the tables are."""
    from techpay.official.taxes import provenance

    facts = provenance(worth.tables)
    return {
        "tax": f"{facts['tax_source']}, tax year {facts['tax_year']}",
        "tax_tables": (
            f"techpay's tables reproduce it within ${float(facts['tax_largest_difference']):.2f}"
            " at every whole-dollar wage to $1,000,000"
        ),
        "housing": f"{facts['housing_source']} ({facts['housing_package']})",
    }


def add_worth(document: dict[str, Any], filing: str, tax_state: str | None) -> Worth:
    """``offer --in``: in each place, the offer's taxes, take-home, the housing index and
    take-home over it; with two places or more, beside each place after the first one
    named, the pay needed there to live as well as on the offer there (take-home over the
    housing index, solved on the tax tables)."""
    from techpay.official.worth import Worth, filing_option, tax_state_option

    worth = Worth(filing_option(filing), tax_state_option(tax_state))
    rows = document["places"]
    for row in rows:
        row.update(worth.in_area(row["area"], document["offer"]["annual"]))
    document["filing"] = worth.filing
    document["sources"] = sources(worth)
    named = [row for row in rows if row["area"]["type"] != "national"]
    if len(named) < 2:
        return worth
    first = named[0]
    if first["tax"] is None or first["housing"] is None:
        return worth
    wanted = first["tax"]["take_home"] / first["housing"]["index"]
    for row in rows:
        row["equivalent"] = None
    first["equivalent"] = document["offer"]["annual"]  # the offer itself
    for row in named[1:]:
        row["equivalent"] = worth.equivalent(row["area"], wanted)
    return worth


WORTH_FIELDS = ("take_home", "housing_index", "after_housing", "equivalent")


def worth_fields(row: dict[str, Any]) -> tuple[object, ...]:
    """``offer --plain`` with places: take-home, housing index, after housing, and the pay
    to match the first place named."""
    tax, found = row["tax"] or {}, row["housing"] or {}
    return tax.get("take_home"), found.get("index"), row["after_housing"], row.get("equivalent")


NET_FIELDS = ("area_code", "place", "tax_state", "filing", "wages", "federal_income_tax",
              "state_income_tax", "social_security", "medicare", "take_home", "effective_rate",
              "housing_index", "after_housing")  # fmt: skip


def net_lines(document: dict[str, Any], with_header: bool = True) -> str:
    """``net --plain``: a header row, then a line per place; a figure that cannot be
    computed is empty."""
    from techpay.render.plain import lines
    from techpay.render.release import place_name

    rows = []
    for row in document["places"]:
        tax, found = row["tax"] or {}, row["housing"] or {}
        rows.append((
            row["area"]["code"], place_name(row["area"]), tax.get("state"), document["filing"],
            document["wages"], tax.get("federal_income_tax"), tax.get("state_income_tax"),
            tax.get("social_security"), tax.get("medicare"), tax.get("take_home"),
            tax.get("effective_rate"), found.get("index"), row["after_housing"],
        ))  # fmt: skip
    return lines(NET_FIELDS, rows, with_header)
