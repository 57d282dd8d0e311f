"""``offer``: where an amount sits, one row per place, drawn from the JSON document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from techpay.render.axis import money
from techpay.render.layout import Fitted
from techpay.render.official import wage
from techpay.render.release import occupation_label
from techpay.render.style import HEADER, MUTED, literal, new_table, signed_money

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType


GAP = 2  # between table columns


def offer_view(document: dict[str, Any]) -> RenderableType:
    """The offer, the places (a table, or blocks on a narrow terminal), whose figures; with
    places, what the offer leaves after tax and housing there, and whose figures those are."""
    parts: list[RenderableType] = [
        _title(document),
        Text(),
        OfferPlaces(document),
        Text(),
        _caption(document),
    ]
    if "years" in document:
        from techpay.render.offeryears import years_view
        from techpay.render.worth import caption, worth_table

        if any(row["area"]["type"] != "national" for row in document["places"]):
            alone = Text("The base alone, after tax and housing:", style="bold")
            parts += [Text(), alone, Text(), worth_table(document["places"])]
        parts += [Text(), years_view(document), Text(), caption(document)]
    elif "sources" in document:
        from techpay.render.worth import caption, worth_table

        parts += [Text(), worth_table(document["places"]), Text(), caption(document)]
    return Group(*parts)


class OfferPlaces:
    """One row per place, laid out for the width it is drawn at: a table where every word of
    it fits whole (a place name or an amount is never split or cut), its last column on one
    line where nothing needs to wrap; otherwise one block per place."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.with_range = document["role"] is not None
        self.headers = headers(document)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        if self._needs(one_line=True, natural=True) <= options.max_width:
            yield self._table(one_line=True)
        elif self._needs(one_line=False, natural=False) <= options.max_width:
            yield self._table(one_line=False)
        else:
            for number, row in enumerate(self.document["places"]):
                yield from [Text()] * (number > 0)
                yield self._block(row)

    def _needs(self, one_line: bool, natural: bool) -> int:
        """How wide the table is with every column at its ``natural`` width, or at the least
        it can be: each place name's and percentile's longest word whole (the percentile's
        wraps at 16 beside a range), the other columns whole, and gaps."""
        rows = [_cells(row, self.with_range, one_line) for row in self.document["places"]]
        headers = self.headers[: len(rows[0])]

        def width(index: int, words: bool) -> int:
            texts = [headers[index], *(str(cells[index]) for cells in rows)]
            pieces = [piece for text in texts for piece in text.split("\n")]
            return max(
                len(word) for piece in pieces for word in (piece.split() if words else [piece])
            )

        least = [
            width(0, not natural),
            width(1, not natural),
            *(width(i, False) for i in range(2, len(headers))),
        ]
        if self.with_range and not natural:
            least[1] = max(least[1], min(width(1, False), 16))
        return sum(least) + GAP * (len(least) - 1)

    def _table(self, one_line: bool) -> Table:
        table = new_table()
        table.add_column("Place")
        table.add_column("Percentile", max_width=None if one_line or not self.with_range else 16)
        table.add_column("Median", justify="right", no_wrap=True)
        if self.with_range:
            table.add_column(self.headers[3], no_wrap=True)
            table.add_column("Against it", no_wrap=True)
        for row in self.document["places"]:
            table.add_row(*_cells(row, self.with_range, one_line))
        return table

    def _block(self, row: dict[str, Any]) -> Group:
        place, percentile, median, *rest = _cells(row, self.with_range, one_line=True)
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style=HEADER, no_wrap=True)
        facts.add_column()
        facts.add_row("Percentile", percentile)
        facts.add_row("Median", median)
        if rest:
            facts.add_row(self.headers[3], rest[0])
            facts.add_row("Against it", rest[1])
        return Group(Text(str(place), style="bold"), Fitted(facts, fallback="under"))


def headers(document: dict[str, Any]) -> tuple[str, ...]:
    """The columns' names: the range is the article's, or the user's where their data file
    gave the role (``role.origin``)."""
    return ("Place", "Percentile", "Median", f"{_range_owner(document)} range", "Against it")


def _range_owner(document: dict[str, Any]) -> str:
    role = document["role"]
    return "Article's" if role is None or role.get("origin", "bundled") == "bundled" else "Your"


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


def _cells(row: dict[str, Any], with_range: bool, one_line: bool) -> list[Text | str]:
    area = row["area"]
    where = "United States" if area["type"] == "national" else area["name"]
    official = row["official"]
    cells: list[Text | str] = [literal(where), Text(_placed(row)), _median(official)]
    if with_range:
        cells += _range_cells(row, one_line)
    return cells


def _placed(row: dict[str, Any]) -> str:
    """``~60th`` (interpolated), ``below the 10th``, or why there is no placement."""
    placed: str = row["note"] if row["note"] else row["placement"]["text"]
    return placed.removesuffix(" percentile").replace("about the ", "~")


def _median(official: dict[str, Any] | None) -> str:
    if official is None:
        return "n/a"
    return wage(official, "median")  # type: ignore[arg-type]


def _range_cells(row: dict[str, Any], one_line: bool) -> list[Text | str]:
    """The range (``*``: scaled to the place, an estimate), and the offer against it:
    below, inside or above, then its difference from the range's midpoint (on one line, or
    on three)."""
    salary, against = row["range"], row["against_range"]
    if salary is None:
        return ["n/a", "-"]
    top = money(salary["max"]) + ("+" if salary["open_ended"] else "")
    shown = f"{money(salary['min'])} - {top}" + ("*" if row["range_is_estimate"] else "")
    dollars = signed_money(against["from_midpoint"])
    words = [against["position"], dollars, f"{against['from_midpoint_percent']:+.1f}%"]
    return [shown, (" " if one_line else "\n").join(words)]


def _caption(document: dict[str, Any]) -> Text:
    """Whose figures, and what the marks shown mean (only those shown: ``~`` beside an
    interpolated percentile, ``*`` beside a range scaled to a place)."""
    occupation = document["occupation"]
    places = document["places"]
    source = f"{document['source']}, {document['release']}"
    lines = [f"Official pay: {occupation_label(occupation)}; {source}."]
    if any(_placed(row).startswith("~") for row in places):
        lines.append("~: interpolated between the published percentiles, never beyond them.")
    if document["role"] is not None:
        lines.append(
            "Against it: below, inside or above the range, and the difference from its midpoint."
        )
    owner = _range_owner(document)
    whose = "the article's"
    if owner == "Your":
        lines.append(f"Your range: from {document['role']['origin']}.")
        whose = "your"
    if any(row["range_is_estimate"] for row in places):
        lines.append(
            f"*: an estimate, {whose} range scaled by the local over the national median, to"
            " the nearest $1,000."
        )
    if "base_only" in document:
        lines.append(document["base_only"])
    if document["offer"]["hourly"] is not None and _annualised(document):
        lines.append("Hourly: annualised as BLS does, times 2,080 hours.")
    if any(row["unit"] == "hour" for row in places):
        lines.append(
            "/hr: BLS published only hourly wages there; the hourly offer is placed among"
            " them as it is."
        )
    return literal(" ".join(lines), MUTED)
