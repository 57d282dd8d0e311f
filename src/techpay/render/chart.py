"""Salary ranges drawn as bars on a shared dollar axis (``chart``, and the range column).

The chart is laid out when it is drawn, for the width it is given, so it fits any terminal
(and Rich's SVG and HTML export) and falls back to ASCII where the output cannot encode
box-drawing characters.
"""

from __future__ import annotations

import math

from rich.text import Text

from techpay.queries import salary_midpoint
from techpay.render.views import literal, short_money

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rich.console import Console, ConsoleOptions, RenderableType

    from techpay.records import Comparison, Locality, RoleRecord, SalaryRecord

# range, beyond an open-ended top, the open end, the midpoint, axis, tick
UNICODE = ("━", "┄", "▶", "●", "─", "┬")
ASCII = ("=", ".", ">", "o", "-", "+")
STEPS = (1_000, 2_000, 5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 250_000, 500_000)
TICK_SPACING = 8  # columns each tick label needs


class Scale:
    """Maps amounts onto ``width`` columns between ``low`` and ``high``."""

    def __init__(self, salaries: Sequence[SalaryRecord], width: int) -> None:
        lowest = min(salary["min"] for salary in salaries)
        highest = max(salary["max"] for salary in salaries)
        if any(salary["open_ended"] for salary in salaries):
            highest += max((highest - lowest) // 5, 1)  # room to show a range runs on
        span = max(highest - lowest, 1)
        self.width = max(width, 2)
        fitting = [step for step in STEPS if span / step * TICK_SPACING <= self.width]
        self.step = fitting[0] if fitting else STEPS[-1]
        self.low = math.floor(lowest / self.step) * self.step
        self.high = math.ceil(highest / self.step) * self.step
        if self.high == self.low:
            self.high += self.step

    def column(self, amount: int) -> int:
        fraction = (amount - self.low) / (self.high - self.low)
        return min(self.width - 1, max(0, round(fraction * (self.width - 1))))

    def ticks(self) -> list[int]:
        return list(range(self.low, self.high + 1, self.step))


def bar(salary: SalaryRecord, scale: Scale, glyphs: tuple[str, ...]) -> Text:
    """One range as a bar: min to max, the midpoint marked, an open end running off."""
    line, beyond, open_end, middle = glyphs[:4]
    start, end = scale.column(salary["min"]), scale.column(salary["max"])
    cells = [" "] * scale.width
    for column in range(start, end + 1):
        cells[column] = line
    if salary["open_ended"]:
        for column in range(end + 1, scale.width - 1):
            cells[column] = beyond
        cells[scale.width - 1] = open_end
    middle_at = scale.column(salary_midpoint(salary))
    cells[middle_at] = middle  # drawn last: always visible
    drawn = "".join(cells).rstrip()
    # Style the bar, not the spaces before it: in SVG export each styled run is then placed
    # by its own position, whatever width a renderer gives a space.
    text = Text(drawn)
    text.stylize("cyan", start, len(drawn))
    text.stylize("bold yellow", middle_at, middle_at + 1)
    return text


def axis(scale: Scale, glyphs: tuple[str, ...]) -> tuple[str, str]:
    """The axis line with tick marks, and the tick labels under them."""
    rule, tick = glyphs[4:6]
    marks = [rule] * scale.width
    labels = [" "] * scale.width
    free_from = 0
    for amount in scale.ticks():
        column = scale.column(amount)
        marks[column] = tick
        label = short_money(amount)
        start = min(max(0, column - len(label) // 2), scale.width - len(label))
        if start >= free_from:  # a label that would overlap the previous one is left out
            labels[start : start + len(label)] = label
            free_from = start + len(label) + 1
    return "".join(marks), "".join(labels).rstrip()


class SalaryChart:
    """``chart``: one bar per role, labelled, on a shared axis."""

    def __init__(self, roles: Sequence[RoleRecord]) -> None:
        self.roles = roles

    def layout(self, width: int) -> tuple[int, Scale]:
        """For a chart ``width`` columns wide: the titles' width, and the axis beside them."""
        label_width = min(max(len(role["title"]) for role in self.roles), max(8, width // 3))
        return label_width, Scale([role["salary"] for role in self.roles], width - label_width - 1)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        glyphs = ASCII if options.ascii_only else UNICODE
        label_width, scale = self.layout(options.max_width)
        for role in self.roles:
            title = role["title"]
            if len(title) > label_width:
                title = title[: label_width - 1] + ("~" if options.ascii_only else "…")
            yield Text.assemble(
                literal(title.ljust(label_width), "bold"), " ", bar(role["salary"], scale, glyphs)
            )
        rule, labels = axis(scale, glyphs)
        indent = " " * (label_width + 1)  # unstyled, for the same reason as in bar()
        yield Text.assemble(indent, (rule, "dim"))
        yield Text.assemble(indent, (labels, "dim"))
        line, _, open_end, middle = glyphs[:4]
        yield Text(f"{line * 2} range  {middle} midpoint  {open_end} no stated top", style="dim")


JSON_COLUMNS = 80  # chart --json gives the axis as drawn this wide, whatever the terminal


def axis_ticks(roles: Sequence[RoleRecord], width: int = JSON_COLUMNS) -> list[int]:
    """The amounts the axis marks when the chart of ``roles`` is ``width`` columns wide."""
    return SalaryChart(roles).layout(width)[1].ticks() if roles else []


WIDE = 120  # columns from which list and compare add a range bar
BAR_WIDTH = 24


def range_bars(roles: Sequence[RoleRecord], ascii_only: bool, width: int = BAR_WIDTH) -> list[Text]:
    """Small bars of each role's range on one shared scale, for a table column."""
    scale = Scale([role["salary"] for role in roles], width)
    return [bar(role["salary"], scale, ASCII if ascii_only else UNICODE) for role in roles]


class RolesTable:
    """The roles table, with a range column when the terminal is wide enough."""

    def __init__(
        self, roles: Sequence[RoleRecord], official: bool = False, locality: Locality | None = None
    ) -> None:
        self.roles, self.official, self.locality = roles, official, locality

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        from techpay.render.views import roles_table

        wide = options.max_width >= WIDE and bool(self.roles)
        bars = range_bars(self.roles, options.ascii_only) if wide else None
        yield roles_table(self.roles, self.official, bars, self.locality)
        if self.locality is not None:
            from techpay.render.official import locality_caption

            yield locality_caption(self.locality)


class ComparisonView:
    """The comparison, with a range row when the terminal is wide enough."""

    def __init__(
        self, comparison: Comparison, official: bool = False, locality: Locality | None = None
    ) -> None:
        self.comparison, self.official, self.locality = comparison, official, locality

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        from techpay.render.views import comparison_view

        roles = self.comparison["roles"]
        width = min(BAR_WIDTH, (options.max_width - 18) // len(roles) - 2)
        wide = options.max_width >= WIDE and width >= 10
        bars = range_bars(roles, options.ascii_only, width) if wide else None
        yield comparison_view(self.comparison, self.official, bars, self.locality)
        if self.locality is not None:
            from techpay.render.official import locality_caption

            yield locality_caption(self.locality)
