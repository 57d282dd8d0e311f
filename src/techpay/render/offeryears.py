"""An offer year by year (``offer`` with its parts, and each offer of ``offers``): its pay,
then what each year's pay leaves after tax and housing in each place, drawn from the JSON
document the command computed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.text import Text

from techpay.render.axis import money
from techpay.render.layout import Fitted
from techpay.render.release import place_name
from techpay.render.style import MUTED, literal, new_table
from techpay.render.worth import home, sum_shown

if TYPE_CHECKING:
    from rich.console import RenderableType

PAY_COLUMNS = (("Base", "base"), ("Bonus", "bonus"), ("Sign-on", "sign_on"),
               ("Equity", "equity"), ("Total", "total"))  # fmt: skip
EQUITY_WORDS = (
    "Equity: each grant's share vesting that year; the grant's shares in year k are valued at"
    " the grant price times (1 + growth)^(k-1), and a refresh's counted from its own year."
)
TAKE_HOME_WORDS = (
    "Take-home: each year's total taxed as wages in that year (2025 tax tables); after"
    " housing: take-home over the housing index, to the nearest $100 (a total: the total"
    " take-home over the index, not the sum of the rounded years)."
)


def rate(value: float) -> str:
    """A fraction as a percentage: ``0.05`` -> ``5%``, ``-0.025`` -> ``-2.5%``."""
    return f"{value * 100:g}%"


def terms_text(terms: dict[str, Any], base: int) -> str:
    """The offer's parts in words: ``base $150,000, raised 5% a year; bonus 10% of the
    base; stock $400,000 vesting 5%, 15%, 40%, 40%: back-loaded``."""
    said = [f"base {money(base)}" + (f", raised {rate(terms['raise'])} a year"
                                      if terms["raise"] else "")]  # fmt: skip
    bonus = terms["bonus"]
    if bonus is not None:
        shown = (f"{rate(bonus['value'])} of the base" if bonus["kind"] == "share"
                 else f"{money(int(bonus['value']))} a year")  # fmt: skip
        said.append(f"bonus {shown}")
    if terms["sign_on"]:
        said.append(f"sign-on {money(terms['sign_on'])} in year 1")
    vesting = f"vesting {terms['vest']['description']}"
    if terms["stock"]:
        said.append(f"stock {money(terms['stock'])} {vesting}")
    if terms["refresh"]:
        refresh = f"a {money(terms['refresh'])} refresh each year from year 2"
        said.append(refresh + (", vesting the same way" if terms["stock"] else f" {vesting}"))
    if (terms["stock"] or terms["refresh"]) and terms["stock_growth"]:
        said.append(f"the share price {_signed(rate(terms['stock_growth']))} a year")
    return "; ".join(said)


def _signed(text: str) -> str:
    return text if text.startswith("-") else f"+{text}"


def pay_table(years: list[dict[str, Any]], totals: dict[str, Any]) -> Fitted:
    """A row per year: base, bonus, sign-on, equity and total; then the totals."""
    table = new_table()
    table.add_column("Year", justify="right", no_wrap=True)
    for label, _ in PAY_COLUMNS:
        table.add_column(label, justify="right", no_wrap=True)
    for row in years:
        table.add_row(str(row["year"]), *(money(row[name]) for _, name in PAY_COLUMNS))
    table.add_row(
        Text("Total", style="bold"),
        *(Text(money(totals[name]), style="bold") for _, name in PAY_COLUMNS),
    )
    return Fitted(table, fallback="records")


def worth_table(years: list[dict[str, Any]], totals: dict[str, Any]) -> Fitted:
    """A row per place and year: the year's total, its take-home and after housing; then the
    totals of each place."""
    table = new_table()
    table.add_column("Place")
    table.add_column("Year", justify="right", no_wrap=True)
    table.add_column("Take-home", justify="right", no_wrap=True)
    table.add_column("After housing", justify="right", no_wrap=True)
    for index, total in enumerate(totals["places"]):
        for row in years:
            found = row["places"][index]
            name = literal(place_name(found["area"])) if row["year"] == 1 else ""
            table.add_row(name, str(row["year"]), home(found),
                          after(found["after_housing"]))  # fmt: skip
        table.add_row(
            "",
            Text("Total", style="bold"),
            Text(sum_shown(row["places"][index] for row in years), style="bold"),
            Text(after(total["after_housing"]), style="bold"),
        )
    return Fitted(table, fallback="records")


def after(amount: int | None) -> str:
    return "n/a" if amount is None else f"~{money(amount)}"


def years_view(document: dict[str, Any]) -> RenderableType:
    """``offer`` with parts: the parts in words, the pay by year, what it leaves by place."""
    heading = Text("Year by year: ", style="bold")
    heading.append_text(literal(terms_text(document["terms"], document["offer"]["annual"])))
    years, totals = document["years"], document["totals"]
    return Group(
        heading,
        Text(),
        pay_table(years, totals),
        Text(),
        worth_table(years, totals),
        Text(),
        Text(f"{EQUITY_WORDS} {TAKE_HOME_WORDS}", style=MUTED),
    )
