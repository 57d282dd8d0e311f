"""Tables that fit the width they are drawn in, without cutting a word.

Rich fits a table that is too wide by narrowing its widest columns, below their longest word
if need be (then words are folded or cut with an ellipsis), and at last by narrowing every
column, amounts included. Here a table degrades in the order its view gives instead: the
least important columns go first, then columns kept on one line may wrap at spaces, and as a
last resort each row (or each column) is shown on its own. Every column is always given at
least its longest word, so an amount or a skill tag is never split or truncated.
"""

from __future__ import annotations

import copy
import dataclasses

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Column, Table
from rich.text import Text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

DROP, WRAP = "drop", "wrap"
MEASURE_WIDTH = 10_000  # wide enough to measure any cell at its natural width
HEADER = "bold cyan"


class Fitted:
    """A table drawn to fit: the ``steps`` (``(DROP, header)`` or ``(WRAP, header)``) are
    taken in order until it fits; if it still does not, ``records`` shows each row as a
    heading and label-value lines, ``stacked`` shows the first column beside each other
    column in turn, ``under`` puts each value of a label-value grid under its label, and
    otherwise the narrowest version is drawn as Rich lays it out.

    Room beyond each column's longest word goes to the columns from the left (the first is
    usually the title, which then wraps least), or with ``even`` shared between them."""

    def __init__(
        self,
        table: Table,
        steps: Sequence[tuple[str, str]] = (),
        fallback: str = "",
        title: bool = False,
        even: bool = False,
    ) -> None:
        self.table, self.steps, self.fallback, self.title = table, steps, fallback, title
        self.even = even
        self.shown: set[str] | None = None  # once drawn: the headers of the columns kept

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        candidate = self.table
        for step in (None, *self.steps):
            if step is not None:
                candidate = _apply(candidate, *step, console, options)
            fitted = sized(candidate, console, options, self.even)
            if fitted is not None:
                self.shown = {_header(column) for column in candidate.columns}
                yield fitted
                return
        self.shown = {_header(column) for column in candidate.columns}
        if self.fallback == "records":
            yield from _records(candidate, self.title)
        elif self.fallback == "stacked":
            yield from _stacked(candidate)
        elif self.fallback == "under":
            yield from _under(candidate)
        else:
            yield candidate

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)


class Footnotes:
    """The sentences under a table that explain its columns, drawn after it: only those
    about a column it kept (a sentence for no column in particular, ``None``, always)."""

    def __init__(self, table: Fitted | None, notes: Sequence[tuple[str | None, Text]]) -> None:
        self.table, self.notes = table, notes

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        shown = None if self.table is None else self.table.shown
        kept = [text for about, text in self.notes if shown is None or about in (None, *shown)]
        if kept:
            yield Text(" ").join(kept)


def _header(column: Column) -> str:
    return _plain(column.header)


def _plain(cell: RenderableType) -> str:
    return cell.plain if isinstance(cell, Text) else cell if isinstance(cell, str) else ""


def _empty(cell: RenderableType) -> bool:
    """Whether a cell is text with nothing in it."""
    return isinstance(cell, str | Text) and not _plain(cell)


def _apply(
    table: Table, action: str, header: str, console: Console, options: ConsoleOptions
) -> Table:
    """The table with the column named ``header`` dropped, or allowed to wrap onto two lines
    (at least half its width: a range wraps between its ends, not word by word)."""
    columns: list[Column] = []
    for column in table.columns:
        if _header(column) != header:
            columns.append(column)
        elif action == WRAP:
            natural = column_range(table, column, console, options)[1]
            columns.append(dataclasses.replace(column, no_wrap=False, min_width=-(-natural // 2)))
    return with_columns(table, columns)


def with_columns(table: Table, columns: Iterable[Column]) -> Table:
    """A copy of ``table`` with these columns (and their cells), numbered afresh."""
    chosen = copy.copy(table)
    chosen.columns = [
        dataclasses.replace(column, _index=index) for index, column in enumerate(columns)
    ]
    return chosen


def _cells(table: Table, column: Column) -> list[RenderableType]:
    header: list[RenderableType] = [column.header] if table.show_header else []
    return [*header, *column.cells]


def column_range(
    table: Table, column: Column, console: Console, options: ConsoleOptions
) -> tuple[int, int]:
    """The narrowest a column can be without cutting a word (its whole text when it must
    not wrap, and never less than its ``min_width``), and its natural width."""
    wide = options.update_width(MEASURE_WIDTH)
    least, most = column.min_width or 1, 1
    for cell in _cells(table, column):
        measured = Measurement.get(console, wide, cell)
        least = max(least, measured.maximum if column.no_wrap else measured.minimum)
        most = max(most, measured.maximum)
    return least, max(least, most)


def _overhead(table: Table, console: Console, options: ConsoleOptions) -> int:
    """The columns' padding and the table's borders: the width beyond the cells' text."""
    ones = with_columns(table, (dataclasses.replace(c, width=1) for c in table.columns))
    wide = options.update_width(MEASURE_WIDTH)
    return Measurement.get(console, wide, ones).minimum - len(table.columns)


def sized(
    table: Table, console: Console, options: ConsoleOptions, even: bool = False
) -> Table | None:
    """``table`` with every column's width fixed so that it fits ``options.max_width`` and no
    column is narrower than its longest word; None when that cannot be done. Space beyond
    the minimums goes to the columns from the left, or (``even``) in proportion to how
    much more each would use."""
    if not table.columns:
        return table
    ranges = [column_range(table, column, console, options) for column in table.columns]
    spare = options.max_width - _overhead(table, console, options) - sum(low for low, _ in ranges)
    if spare < 0:
        return None
    widths = _share_evenly(ranges, spare) if even else _share_from_left(ranges, spare)
    columns = (
        dataclasses.replace(column, width=width)
        for column, width in zip(table.columns, widths, strict=True)
    )
    return with_columns(table, columns)


def _share_from_left(ranges: Sequence[tuple[int, int]], spare: int) -> list[int]:
    """Widths from the minimums up: each column in turn takes what it would use of
    ``spare``."""
    widths = []
    for least, most in ranges:
        extra = min(most - least, spare)
        widths.append(least + extra)
        spare -= extra
    return widths


def _share_evenly(ranges: Sequence[tuple[int, int]], spare: int) -> list[int]:
    """Widths from the minimums up: ``spare`` columns handed out one at a time, each to the
    narrowest column that would still use more, so columns alike end up alike."""
    widths = [least for least, _ in ranges]
    for _ in range(spare):
        wanting = [index for index, (_, most) in enumerate(ranges) if widths[index] < most]
        if not wanting:
            break
        widths[min(wanting, key=lambda index: widths[index])] += 1
    return widths


def _records(table: Table, title: bool) -> Iterator[RenderableType]:
    """Each row on its own: the first cell as a heading, then one line per other column."""
    first, *others = table.columns
    if title:
        yield Text(_header(first), style=HEADER)
    for number, heading in enumerate(first.cells):
        if _plain(heading).isdigit():  # a bare number says what it numbers: "Year 2"
            heading = f"{_header(first)} {_plain(heading)}"
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style=HEADER, no_wrap=True)
        facts.add_column()
        for column in others:
            value = list(column.cells)[number]
            if not _empty(value):  # no label without a value
                facts.add_row(column.header, value)
        yield from [Text()] * (number > 0)
        if isinstance(heading, str | Text):
            yield from [] if _empty(heading) else [Text.assemble(heading, style="bold")]
        else:
            yield heading
        yield Fitted(facts, fallback="under")


def _stacked(table: Table) -> Iterator[RenderableType]:
    """The first column beside each other column in turn, one table after the other."""
    first, *others = table.columns
    for number, column in enumerate(others):
        yield from [Text()] * (number > 0)
        yield Fitted(with_columns(table, [first, column]))


def _under(table: Table) -> Iterator[RenderableType]:
    """A two-column grid of labels and values, each value under its label, indented."""
    labels, values = table.columns[0].cells, table.columns[1].cells
    for label, value in zip(labels, values, strict=True):
        if isinstance(label, str | Text) and label:
            yield Text.assemble(label, style=HEADER)
        yield Padding(value, (0, 0, 0, 2))


def hanging(mark: str, items: Iterable[RenderableType]) -> Table:
    """Each item after ``mark`` (a bullet), its wrapped lines indented to its text."""
    lines = Table.grid(padding=(0, 1, 0, 0))
    lines.add_column(no_wrap=True)
    lines.add_column()
    for item in items:
        lines.add_row(mark, item)
    return lines


class Flow:
    """Lines of items (``10th $82,460``) joined by ``separator``; a line too long for the
    width breaks between items, never inside one, so a label stays with its figure."""

    def __init__(self, lines: Sequence[Sequence[str]], separator: str = "   ") -> None:
        self.lines, self.separator = lines, separator

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        for items in self.lines:
            row: list[str] = []
            for item in items:
                if row and len(self.separator.join([*row, item])) > options.max_width:
                    yield Text(self.separator.join(row))
                    row = []
                row.append(item)
            yield Text(self.separator.join(row))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        items = [item for line in self.lines for item in line] or [""]
        widest = max(len(self.separator.join(line)) for line in self.lines) if self.lines else 0
        longest = max(len(item) for item in items)
        return Measurement(longest, max(longest, widest)).with_maximum(options.max_width)


class Trimmed:
    """A renderable drawn without the spaces Rich pads lines and cells with at their ends,
    for output that is not a terminal (where they only get in the way of diff and grep)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for line in console.render_lines(self.renderable, options, pad=False):
            yield from _without_trailing_spaces(line)
            yield Segment.line()


def _without_trailing_spaces(line: list[Segment]) -> list[Segment]:
    kept = list(line)
    while kept and not kept[-1].control and not kept[-1].text.rstrip():
        kept.pop()
    if kept and not kept[-1].control:
        last = kept[-1]
        kept[-1] = Segment(last.text.rstrip(), last.style, last.control)
    return kept
