"""``offers``: the running take-home of each offer after each year, drawn as bars on one
dollar axis from $0 (the salary chart's scale, axis and glyphs), grouped by year.

Laid out when drawn, for the width it is given (and Rich's SVG and HTML export), in ASCII
where the output cannot encode box-drawing characters.
"""

from __future__ import annotations

from rich.text import Text

from techpay.render.axis import Scale, short_money
from techpay.render.bars import ASCII, UNICODE, axis
from techpay.render.style import literal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rich.console import Console, ConsoleOptions

    from techpay.core.records import SalaryRecord

COLOURS = ("cyan", "magenta", "yellow", "green", "blue", "red")
YEAR_WIDTH = len("Year 10")
VALUE_WIDTH = len(" $1,000k")  # room after the longest bar for its amount


class RunningTakeHome:
    """One bar per offer and year: its take-home so far, labelled with the offer's name
    and the amount to the nearest $1,000; each offer in a colour of its own."""

    def __init__(self, names: Sequence[str], lines: Sequence[Sequence[float | None]]) -> None:
        self.names = list(names)
        self.lines = [list(line) for line in lines]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        glyphs = ASCII if options.ascii_only else UNICODE
        width = options.max_width
        name_width = min(max(len(name) for name in self.names), max(6, width // 4))
        known = [value for line in self.lines for value in line if value is not None]
        bar_width = width - YEAR_WIDTH - name_width - 2 - VALUE_WIDTH
        if not known or bar_width < 10:
            yield Text("(too narrow for the chart)" if known else "no take-home to draw", "dim")
            return
        top = max(round(max(known)), 1)
        scale = Scale([_span(top)], bar_width)
        years = len(self.lines[0])
        for year in range(years):
            for number, (name, line) in enumerate(zip(self.names, self.lines, strict=True)):
                label = f"Year {year + 1}" if number == 0 else ""
                shown = name if len(name) <= name_width else name[: name_width - 1] + (
                    "~" if options.ascii_only else "…")  # fmt: skip
                row = Text(label.ljust(YEAR_WIDTH) + " ", style="bold")
                row.append_text(literal(shown.ljust(name_width) + " ", "dim"))
                row.append_text(_bar(line[year], scale, glyphs[0], COLOURS[number % 6]))
                yield row
        rule, labels = axis(scale, glyphs)
        indent = " " * (YEAR_WIDTH + name_width + 2)
        yield Text.assemble(indent, (rule, "dim"))
        yield Text.assemble(indent, (labels, "dim"))


def _span(top: int) -> SalaryRecord:
    """The axis's extent, $0 to the largest amount, as the scale takes a range."""
    return {"min": 0, "max": top, "currency": "USD", "open_ended": False,
            "stated": None, "note": None}  # fmt: skip


def _bar(value: float | None, scale: Scale, glyph: str, colour: str) -> Text:
    """A bar from $0 to ``value``, then the amount in thousands."""
    if value is None:
        return Text("n/a", style="dim")
    end = scale.column(round(value))
    drawn = Text(glyph * (end + 1), style=colour)
    drawn.append(f" {short_money(int(round(value, -3)))}")
    return drawn
