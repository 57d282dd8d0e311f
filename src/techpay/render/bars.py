"""Salary ranges drawn as bars on a shared dollar axis: the glyphs, one bar, the axis line,
the official 10th-90th percentile span, and the small bars of a table's range column."""

from __future__ import annotations

from rich.text import Text

from techpay.core.queries import currency_order, salary_midpoint
from techpay.render.axis import Scale, tick_labels

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from techpay.core.records import EstimateRecord, SalaryRecord

# range, beyond an open-ended top, the open end, the midpoint, axis, tick, then for the
# official 10th-90th percentile span: its line and its median
UNICODE = ("━", "┄", "▶", "●", "─", "┬", "╌", "◆")
ASCII = ("=", ".", ">", "o", "-", "+", "~", "*")


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
    """The axis line with tick marks, and the tick labels under them; a tick is marked only
    where its label fits, so no tick goes unlabelled."""
    rule, tick = glyphs[4:6]
    marks = [rule] * scale.width
    labels = [" "] * scale.width
    for column, start, label in tick_labels(scale):
        marks[column] = tick
        labels[start : start + len(label)] = label
    return "".join(marks), "".join(labels).rstrip()


def official_span(estimate: EstimateRecord | None) -> SalaryRecord | None:
    """The published 10th to 90th percentile as a range to draw (a top-coded 90th runs on
    from the least it can be); None when too little is published to draw one."""
    if estimate is None:
        return None
    wages = estimate["annual_wages"]
    published = [wages["p10"], wages["p25"], wages["median"], wages["p75"], wages["p90"]]
    known = [value for value in published if value is not None]
    absent = estimate["absent"].get("p90")
    top = None if absent is None else absent["at_least"]
    ends = [*known, *([] if top is None else [top])]
    if not ends:
        return None
    low, high = ends[0], ends[-1]
    return {"min": low, "max": high, "currency": "USD", "open_ended": top is not None,
            "stated": None, "note": None}  # fmt: skip


def official_bar(
    span: SalaryRecord, median: int | None, scale: Scale, glyphs: tuple[str, ...]
) -> Text:
    """The official span drawn like a range, in its own glyphs, the median marked."""
    beyond, open_end, span_line, span_median = glyphs[1], glyphs[2], glyphs[6], glyphs[7]
    drawn = bar(span, scale, (span_line, beyond, open_end, span_line)).plain
    cells = list(drawn)
    if median is not None:
        cells[scale.column(median)] = span_median
    text = Text("".join(cells))
    start = len(drawn) - len(drawn.lstrip())
    text.stylize("magenta", start, len(drawn))
    return text


# the range scaled to a place (an estimate): its line and its midpoint
SCALED_UNICODE = ("┈", "○")
SCALED_ASCII = (":", "o")


WIDE = 120  # columns from which list and compare add a range bar
BAR_WIDTH = 24


def range_bars(
    salaries: Sequence[Any], ascii_only: bool, width: int = BAR_WIDTH, currency: str = ""
) -> list[Text]:
    """Small bars of each role's range (``salaries``) on one shared scale, for a table column.

    Only ranges in ``currency`` (by default the first by ``currency_order``) are drawn: a
    bar on another currency's scale would invite a comparison that cannot be made.
    """
    currency = currency or min((salary["currency"] for salary in salaries), key=currency_order)
    drawn = [salary for salary in salaries if salary["currency"] == currency]
    scale = Scale(drawn, width, currency)
    glyphs = ASCII if ascii_only else UNICODE
    return [
        bar(salary, scale, glyphs)
        if salary["currency"] == currency
        else Text(f"{salary['currency']}, not drawn", style="dim")
        for salary in salaries
    ]
