"""``net``: the taxes on a salary, one column per place, drawn from the JSON document; and
the words on taxes and housing that every view showing them uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.text import Text

from techpay.core.amounts import whole_dollars, whole_take_home
from techpay.render.axis import money
from techpay.render.layout import Fitted
from techpay.render.release import place_name
from techpay.render.style import MUTED, literal, new_table

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import RenderableType

TAX_ROWS = (
    ("Federal income tax", "federal_income_tax"),
    ("State income tax", "state_income_tax"),
    ("Social Security", "social_security"),
    ("Medicare", "medicare"),
)
HOUSING_WORDS = (
    "Housing index: the Census SPM geographic adjustment for renters, 2024 (1 = the US"
    " average). After housing: take-home over the housing index (not less rent), in"
    " US-average housing dollars; an estimate, to the nearest $100."
)


def dollars(amount: float | None) -> str:
    """Whole dollars (half a dollar up, as on a tax form), with a minus sign for a refund (a
    refundable credit)."""
    return "n/a" if amount is None else signed(whole_dollars(amount))


def signed(amount: int) -> str:
    return f"-{money(-amount)}" if amount < 0 else money(amount)


def home(place: dict[str, Any]) -> str:
    """A place's take-home in whole dollars, as ``net`` shows it: the pay less each tax
    rounded (``place["tax"]``, a tax record, or None where there are no tax figures)."""
    tax = place["tax"]
    return "n/a" if tax is None else signed(whole_take_home(tax))


def sum_shown(places: Iterable[dict[str, Any]]) -> str:
    """The total of places' take-homes as shown above it (:func:`home`), so that the column
    adds up (JSON has the cents: its total may differ by a few dollars)."""
    taxes = [place["tax"] for place in places]
    return "n/a" if None in taxes else signed(sum(whole_take_home(tax) for tax in taxes))


def net_view(document: dict[str, Any]) -> RenderableType:
    """The salary, then a column of taxes per place, then whose figures and what is left out."""
    places = document["places"]
    table = new_table()
    table.add_column("", no_wrap=True)
    for row in places:
        table.add_column(literal(place_name(row["area"])), justify="right", overflow="fold")
    for label, name in TAX_ROWS:
        table.add_row(label, *(_tax(row, name) for row in places))
    table.add_row(Text("Take-home", style="bold"),
                  *(Text(_tax(row, "take_home"), style="bold") for row in places))  # fmt: skip
    table.add_row("Effective rate", *(_rate(row) for row in places))
    table.add_row("Housing index", *(_index(row) for row in places))
    table.add_row("After housing", *(_after(row) for row in places))
    fitted = Fitted(table, fallback="stacked", even=True)
    return Group(_title(document), Text(), fitted, Text(), caption(document))


def _title(document: dict[str, Any]) -> Text:
    filing = filing_words(document["filing"]).removeprefix("filing ")
    title = Text(f"{money(document['wages'])} a year", style="bold")
    if document["hourly"] is not None:
        title.append(f" (${document['hourly']:,.2f} an hour x 2,080 hours)")
    title.append(f", {filing}, tax year 2025")
    return title


def _tax(row: dict[str, Any], name: str) -> str:
    """A tax in whole dollars (half a dollar up), or the take-home those leave."""
    tax = row["tax"]
    if tax is None:
        return "n/a"
    if name == "state_income_tax" and tax["state"] is None:
        return "-"
    if name == "take_home":
        return signed(whole_take_home(tax))
    return dollars(tax[name])


def _rate(row: dict[str, Any]) -> str:
    tax = row["tax"]
    if tax is None or tax["effective_rate"] is None:
        return "n/a"
    return f"{tax['effective_rate']:.1%}"


def _index(row: dict[str, Any]) -> str:
    found = row["housing"]
    if found is None:
        return "n/a"
    return f"{found['index']:.3f}" + ("*" if found["fallback"] else "")


def _after(row: dict[str, Any]) -> str:
    return "n/a" if row["after_housing"] is None else f"~{money(row['after_housing'])}"


def caption(document: dict[str, Any]) -> Text:
    """Whose figures, what each row leaves out, and each place's note."""
    sources = document["sources"]
    lines = []
    matched = [row for row in document["places"] if row.get("equivalent") is not None]
    if matched:
        lines.append(
            f"Pay to match: the pay needed to live as well as on {money(matched[0]['equivalent'])}"
            f" in {place_name(matched[0]['area'])} (the least whose take-home over the housing"
            " index reaches it there), solved on the tax tables; an estimate, rounded up to a"
            " whole $100."
        )
    lines += [
        f"Taxes: {sources['tax']}, {filing_words(document['filing'])}, wages only"
        f" ({sources['tax_tables']}).",
        f"Not included: {'; '.join(worth_exclusions(document))}.",
        HOUSING_WORDS,
        f"Housing: {sources['housing']}.",
    ]
    for row in document["places"]:
        notes = place_notes(row)
        if notes:
            lines.append(f"{place_name(row['area'])}: {'; '.join(notes)}.")
    return literal("\n".join(lines), MUTED)


def worth_exclusions(document: dict[str, Any]) -> list[str]:
    for row in document["places"]:
        if row["tax"] is not None:
            return list(row["tax"]["excluded"])
    return []


def filing_words(filing: str) -> str:
    """``filing single``, or ``married filing jointly, one earner``."""
    return "filing single" if filing == "single" else "married filing jointly, one earner"


def place_notes(row: dict[str, Any], state_basis: bool = True) -> list[str]:
    """What a reader should know of a place's figures: which state taxes it, a housing
    fallback (marked ``*``), why a figure is missing, and (unless ``state_basis`` is false,
    where it is said once for every state) how a state's housing index is formed."""
    notes = [note for note in (row["tax_note"], row["tax_absent"], row["housing_absent"]) if note]
    found = row["housing"]
    if found is not None and found["fallback"]:
        notes.append(f"*housing index: {found['fallback']}")
    elif found is not None and row["area"]["type"] == "state" and state_basis:
        notes.append(f"housing index: {found['basis']}")
    return notes


def worth_table(rows: list[dict[str, Any]]) -> Fitted:
    """Take-home, housing index and after housing per place (``offer --in``), with the pay
    needed to match the first place when there is more than one."""
    table = new_table()
    table.add_column("Place")
    table.add_column("Take-home", justify="right")
    table.add_column("Housing", justify="right")
    table.add_column("After housing", justify="right")
    matched = [row for row in rows if row.get("equivalent") is not None]
    if matched:
        table.add_column("Pay to match", justify="right")
    for row in rows:
        cells: list[Text | str] = [
            literal(place_name(row["area"])),
            _tax(row, "take_home"),
            _index(row),
            _after(row),
        ]
        if matched:
            cells.append(_equivalent(row, row is matched[0]))
        table.add_row(*cells)
    return Fitted(table, fallback="records")


def _equivalent(row: dict[str, Any], first: bool) -> str:
    """The offer itself in the first place named; elsewhere the pay that matches it."""
    if row["area"]["type"] == "national":
        return ""
    found = row.get("equivalent")
    if found is None:
        return "n/a"
    return money(found) if first else f"~{money(found)}"
