"""``offer``: where an amount sits, one row per place, drawn from the JSON document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from techpay.render.axis import money
from techpay.render.official import wage
from techpay.render.release import occupation_label
from techpay.render.style import HEADER, MUTED, literal, new_table, signed_money

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType


GAP = 2  # between table columns


def offer_view(document: dict[str, Any]) -> RenderableType:
    """The offer, the places (a table, or blocks on a narrow terminal), whose figures."""
    return Group(_title(document), Text(), OfferPlaces(document), Text(), _caption(document))


class OfferPlaces:
    """One row per place, laid out for the width it is drawn at."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.with_range = document["role"] is not None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        # The table only where every word of it fits whole: a place name is never split.
        if not self.with_range or self._table_needs() <= options.max_width:
            yield self._table()
            return
        for number, row in enumerate(self.document["places"]):
            yield from [Text()] * (number > 0)
            yield self._block(row)

    def _table_needs(self) -> int:
        """The narrowest the table can be with each place name's longest word whole: the
        other columns at their natural widths (the percentile's wraps at 16), and gaps."""
        rows = [_cells(row, self.with_range) for row in self.document["places"]]
        headers = ("Place", "Percentile", "Median", "Article's range", "Against it")

        def natural(index: int) -> int:
            texts = [headers[index], *(str(cells[index]) for cells in rows)]
            return max(len(line) for text in texts for line in text.splitlines())

        longest_word = max(len(word) for cells in rows for word in str(cells[0]).split())
        others = [min(natural(1), 16), *map(natural, range(2, len(headers)))]
        return max(longest_word, len(headers[0])) + sum(others) + GAP * len(others)

    def _table(self) -> Table:
        table = new_table()
        table.add_column("Place")
        table.add_column("Percentile", max_width=16 if self.with_range else None)
        table.add_column("Median", justify="right", no_wrap=True)
        if self.with_range:
            table.add_column("Article's range", no_wrap=True)
            table.add_column("Against it", no_wrap=True)
        for row in self.document["places"]:
            table.add_row(*_cells(row, self.with_range))
        return table

    def _block(self, row: dict[str, Any]) -> Group:
        place, percentile, median, *rest = _cells(row, self.with_range)
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style=HEADER, no_wrap=True)
        facts.add_column(overflow="fold")
        facts.add_row("Percentile", percentile)
        facts.add_row("Median", median)
        if rest:
            facts.add_row("Article's range", rest[0])
            facts.add_row("Against it", _against_in_words(row["against_range"]))
        return Group(Text(str(place), style="bold"), facts)


def _title(document: dict[str, Any]) -> Text:
    offered = document["offer"]
    if not _annualised(document):
        title = Text.assemble((f"${offered['hourly']:,.2f} an hour", "bold"))
    else:
        title = Text.assemble((f"{money(offered['annual'])} a year", "bold"))
        if offered["hourly"] is not None:
            title.append(f" (${offered['hourly']:,.2f} an hour x 2,080 hours)")
    role = document["role"]
    title.append(", ")
    title.append_text(literal(role["title"] if role else document["occupation"]["title"], "bold"))
    return title


def _annualised(document: dict[str, Any]) -> bool:
    """Whether the offer is used as a yearly amount anywhere: placed among annual wages, or
    set against a range (the article's ranges are yearly); not where it is placed among
    hourly wages only."""
    return any(row["unit"] == "year" or row["range"] for row in document["places"])


def _cells(row: dict[str, Any], with_range: bool) -> list[Text | str]:
    area = row["area"]
    where = "United States" if area["type"] == "national" else area["name"]
    official = row["official"]
    placed = row["note"] if row["note"] else row["placement"]["text"]
    placed = placed.removesuffix(" percentile").replace("about the ", "~")
    cells: list[Text | str] = [literal(where), Text(placed), _median(official)]
    if with_range:
        cells += _range_cells(row)
    return cells


def _median(official: dict[str, Any] | None) -> str:
    if official is None:
        return "n/a"
    return wage(official, "median")  # type: ignore[arg-type]


def _range_cells(row: dict[str, Any]) -> list[Text | str]:
    """The range (``*``: scaled to the place, an estimate), and the offer against it:
    below, inside or above, then its difference from the range's midpoint."""
    salary, against = row["range"], row["against_range"]
    if salary is None:
        return ["n/a", "-"]
    top = money(salary["max"]) + ("+" if salary["open_ended"] else "")
    shown = f"{money(salary['min'])} - {top}" + ("*" if row["range_is_estimate"] else "")
    dollars = signed_money(against["from_midpoint"])
    return [shown, f"{against['position']}\n{dollars}\n{against['from_midpoint_percent']:+.1f}%"]


def _against_in_words(against: dict[str, Any] | None) -> str:
    """``inside -$12,500 -7.7%``: the last column on one line, in the same words."""
    if against is None:
        return "-"
    dollars = signed_money(against["from_midpoint"])
    return f"{against['position']} {dollars} {against['from_midpoint_percent']:+.1f}%"


def _caption(document: dict[str, Any]) -> Text:
    occupation = document["occupation"]
    lines = [
        f"Official pay: {occupation_label(occupation)}; {document['source']},"
        f" {document['release']}. ~: interpolated between the published percentiles,"
        " never beyond them.",
    ]
    if document["role"] is not None:
        lines.append(
            "Against it: below, inside or above the range, and the difference from its"
            " midpoint. *: an estimate, the article's range scaled by the local over the"
            " national median, to the nearest $1,000."
        )
    if document["offer"]["hourly"] is not None and _annualised(document):
        lines.append("Hourly: annualised as BLS does, times 2,080 hours.")
    if any(row["unit"] == "hour" for row in document["places"]):
        lines.append(
            "/hr: BLS published only hourly wages there; the hourly offer is placed among"
            " them as it is."
        )
    return literal(" ".join(lines), MUTED)
