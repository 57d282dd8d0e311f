"""``offers``: each offer year by year, the running totals, who leads and who overtakes
whom, and the chart of the running take-home, drawn from the JSON document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from techpay.render.axis import money
from techpay.render.layout import Fitted
from techpay.render.offerchart import RunningTakeHome
from techpay.render.offeryears import EQUITY_WORDS, TAKE_HOME_WORDS, after, terms_text
from techpay.render.release import occupation_label, place_name
from techpay.render.style import MUTED, literal, new_table
from techpay.render.worth import HOUSING_WORDS, home, sum_shown

if TYPE_CHECKING:
    from rich.console import RenderableType

PAY = (("Base", "base"), ("Bonus", "bonus"), ("Sign-on", "sign_on"), ("Equity", "equity"),
       ("Total", "total"))  # fmt: skip
MEASURE_WORDS = {"total": "pay", "take_home": "take-home", "after_housing": "after housing"}


def offers_view(document: dict[str, Any]) -> RenderableType:
    """Each offer, then the running totals side by side, who leads, the crossovers, the
    chart, and whose figures these are."""
    parts: list[RenderableType] = [
        literal(
            f"{_count(document['offers'])} over {_years(document['years'])}, from"
            f" {document['file']}",
            "bold",
        )
    ]
    for offer in document["offers"]:
        parts += [Text(), *_offer(offer)]
    parts += [
        Text(),
        Text("Who leads, by the running totals", style="bold"),
        Text(),
        Fitted(_leaders(document), fallback="records"),
        Text(),
        _crossings(document),
        Text(),
        offers_chart(document),
        Text(),
        _caption(document),
    ]
    return Group(*parts)


def _count(offers: list[Any]) -> str:
    return "1 offer" if len(offers) == 1 else f"{len(offers)} offers"


def _years(count: int) -> str:
    return "1 year" if count == 1 else f"{count} years"


def _offer(offer: dict[str, Any]) -> list[RenderableType]:
    """An offer's heading, its base in the official pay there, and its table by year."""
    heading = literal(offer["name"], "bold")
    role = offer["role"]
    heading.append_text(literal(f": {role['title'] if role else offer['occupation']['title']}"))
    heading.append_text(literal(f", {place_name(offer['area'])}"))
    if offer["filing"] != "single":
        heading.append_text(literal(", married filing jointly (one earner)"))
    terms = literal(terms_text(offer["terms"], offer["years"][0]["base"]))
    return [heading, terms, _placed(offer), Text(), _by_year(offer)]


def _placed(offer: dict[str, Any]) -> Text:
    """``Base: ~61st percentile of Software Developers (15-1252) there (median $134,120)``."""
    official, occupation = offer["official"], offer["occupation"]
    if official["placement"] is None:
        where = official["note"] or "no placement"
    else:
        where = official["placement"]["text"].replace("about the ", "~")
    text = f"Base in the official pay there: {where}"
    if official["median"] is not None:
        text += f" (median {money(official['median'])})"
    text += f"; {occupation_label(occupation)}"
    return literal(text, MUTED)


def _by_year(offer: dict[str, Any]) -> Fitted:
    """A row per year: each part of the pay that is ever paid, the total, the take-home and
    after housing; then the totals."""
    years, totals = offer["years"], offer["totals"]
    shown = [(label, name) for label, name in PAY if name == "total" or totals[name]]
    table = new_table()
    table.add_column("Year", justify="right", no_wrap=True)
    for label, _ in shown:
        table.add_column(label, justify="right", no_wrap=True)
    table.add_column("Take-home", justify="right", no_wrap=True)
    table.add_column("After housing", justify="right", no_wrap=True)
    for row in years:
        place = row["places"][0]
        table.add_row(str(row["year"]), *(money(row[name]) for _, name in shown),
                      home(place), after(place["after_housing"]))  # fmt: skip
    place = totals["places"][0]
    cells = [money(totals[name]) for _, name in shown]
    cells += [sum_shown(row["places"][0] for row in years), after(place["after_housing"])]
    table.add_row(Text("Total", style="bold"), *(Text(cell, style="bold") for cell in cells))
    return Fitted(table, fallback="records")


def _leaders(document: dict[str, Any]) -> Table:
    """Who leads after each year by running pay, take-home and after housing (``tie``
    where two or more share the lead, ``n/a`` where a figure is missing)."""
    table = new_table()
    table.add_column("After year", justify="right", no_wrap=True)
    for heading in ("Pay", "Take-home", "After housing"):
        table.add_column(heading)
    missing = [_missing(document, measure) for measure in MEASURE_WORDS]
    for leading in document["leader_by_year"]:
        cells = [
            "n/a" if gone else leading[measure] or "tie"
            for measure, gone in zip(MEASURE_WORDS, missing, strict=True)
        ]
        table.add_row(str(leading["year"]), *(literal(cell) for cell in cells))
    return table


def _missing(document: dict[str, Any], measure: str) -> bool:
    """Whether an offer has no figure for ``measure`` (a place without tax tables or a
    housing index): then no offer can be said to lead by it."""
    return any(
        step[measure] is None for offer in document["offers"] for step in offer["cumulative"]
    )


def _crossings(document: dict[str, Any]) -> Text:
    """Each time one offer's running total overtakes another's, by measure; or that none
    does within the years shown."""
    said = [_crossed(document, measure) for measure in MEASURE_WORDS]
    return literal(" ".join(said))


def _crossed(document: dict[str, Any], measure: str) -> str:
    """``By take-home: San Jose overtakes Austin in year 2.``, or that none does."""
    found = [crossed for crossed in document["crossovers"] if crossed["measure"] == measure]
    if _missing(document, measure):
        told = "not compared, as an offer has no figure"
    elif found:
        told = "; ".join(f"{crossed['offer']} overtakes {crossed['overtakes']} in year"
                         f" {crossed['year']}" for crossed in found)  # fmt: skip
    else:
        told = f"no offer overtakes another within {_years(document['years'])}"
    return f"By {MEASURE_WORDS[measure]}: {told}."


def offers_chart(document: dict[str, Any]) -> RenderableType:
    """The running take-home of each offer after each year, on one axis from $0."""
    offers = document["offers"]
    title = Text(
        "Running take-home after each year (US dollars; each offer taxed in its place)",
        style="bold",
    )
    lines = [[sums["take_home"] for sums in offer["cumulative"]] for offer in offers]
    chart = RunningTakeHome([offer["name"] for offer in offers], lines)
    return Group(title, Text(), chart, Text(), literal(_crossed(document, "take_home"), MUTED))


def _caption(document: dict[str, Any]) -> Text:
    """Whose figures, and what they leave out."""
    sources = document["sources"]
    lines = [
        f"Official pay: {document['source']}, {document['release']}. {document['base_only']}",
        f"{EQUITY_WORDS} {TAKE_HOME_WORDS}",
        f"Taxes: {sources['tax']}, wages only, filing single unless an offer says otherwise"
        f" ({sources['tax_tables']}).",
        f"Not included: {'; '.join(document['excluded'])}.",
        HOUSING_WORDS,
        f"Housing: {sources['housing']}.",
    ]
    for offer in document["offers"]:
        if offer["notes"]:
            lines.append(f"{offer['name']}: {'; '.join(offer['notes'])}.")
    return literal("\n".join(lines), MUTED)
