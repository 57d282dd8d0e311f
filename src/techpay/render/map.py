"""``map``: the tile-grid map of the United States, drawn from the JSON document.

Each tile is coloured by its bin, on a sequential palette that reads in colour blindness
(viridis) and in grey. Where there is no colour (NO_COLOR, a pipe, a dumb or ASCII
terminal) each tile carries its bin's digit instead, and the legend says which is which.
The map is laid out when drawn: full tiles at 76 columns or more, compact ones (postal code
and digit) at 32 or more, and below that a sentence saying how much room it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.color import Color
from rich.style import Style
from rich.table import Table
from rich.text import Text

from techpay.official.tiles import COLUMNS, ROWS, TERRITORIES, is_wage
from techpay.render.axis import money
from techpay.render.release import occupation_label
from techpay.render.style import MUTED, literal
from techpay.render.worth import HOUSING_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType

# viridis, dark to light: the bins are sampled from it evenly.
VIRIDIS = ((0x44, 0x01, 0x54), (0x47, 0x2D, 0x7B), (0x3B, 0x52, 0x8B), (0x2C, 0x72, 0x8E),
           (0x21, 0x91, 0x8C), (0x28, 0xAE, 0x80), (0x5E, 0xC9, 0x62), (0xAD, 0xDC, 0x30),
           (0xFD, 0xE7, 0x25))  # fmt: skip
FULL_TILE, COMPACT_TILE, GAP = 6, 2, 1
NO_FIGURE = Style(color="bright_black")


def tile_style(number: int, count: int) -> Style:
    """Bin ``number`` of ``count``: its colour on the palette, with text that reads on it."""
    where = 0.0 if count <= 1 else (number - 1) / (count - 1) * (len(VIRIDIS) - 1)
    low = min(int(where), len(VIRIDIS) - 2)
    share = where - low
    red, green, blue = (
        round(a + (b - a) * share) for a, b in zip(VIRIDIS[low], VIRIDIS[low + 1], strict=True)
    )
    light = 0.299 * red + 0.587 * green + 0.114 * blue > 140
    ink = Color.from_rgb(0, 0, 0) if light else Color.from_rgb(255, 255, 255)
    return Style(color=ink, bgcolor=Color.from_rgb(red, green, blue))


def short_value(found: dict[str, Any], measure: str) -> str:
    """A tile's value in at most six characters: ``$174k``, ``$239k+``, ``28k``, ``1.44``."""
    value = found["value"]
    if value is None:
        return f"${found['at_least'] // 1000}k+" if found["at_least"] else "n/a"
    if measure == "concentration":
        return f"{value:.2f}"
    prefix = "$" if is_wage(measure) else ""
    if value >= 999_500:
        return f"{prefix}{value / 1_000_000:.1f}m"
    if value >= 9_950 or (prefix and value >= 1000):
        return f"{prefix}{value / 1000:.0f}k"
    return f"{prefix}{value / 1000:.1f}k" if value >= 1000 else f"{prefix}{value}"


def long_value(value: float, measure: str) -> str:
    """A legend's bound: ``$98,150``, ``12,340``, ``1.44``."""
    if measure == "concentration":
        return f"{value:.2f}"
    return money(int(value)) if is_wage(measure) else f"{int(value):,}"


def _bounds_note(count: int) -> str:
    """How a bin holds top-coded wages: by the least each can be."""
    if count == 1:
        return "; 1 top-coded, binned by its lower bound"
    return f"; {count} top-coded, binned by their lower bounds"


class PayMap:
    """The map, its title and its legend, laid out for the width it is drawn at."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.count = len(document["bins"])
        self.digits, self.paint = True, False

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        # Digits where the terminal shows no colour; colours still in a picture being saved.
        colour = not console.no_color and console.color_system is not None
        self.digits = not colour or options.ascii_only
        self.paint = colour or console.record
        width = options.max_width
        yield self._title()
        yield Text()
        if width >= COLUMNS * (FULL_TILE + GAP) - GAP:
            yield from self._grid(FULL_TILE)
        elif width >= COLUMNS * (COMPACT_TILE + GAP) - GAP:
            yield from self._grid(COMPACT_TILE)
        else:
            needed = COLUMNS * (COMPACT_TILE + GAP) - GAP
            yield Text(
                f"The map needs {needed} columns; this has {width}. Widen it, or use --json."
            )
            return
        yield Text()
        yield from self._legend()

    def _title(self) -> Text:
        document = self.document
        title = Text(f"{document['measure_name'].capitalize()} by state: ", style="bold")
        title.append_text(literal(occupation_label(document["occupation"]), "bold"))
        return title

    def _grid(self, size: int) -> Iterator[Text]:
        tiles = self.document["tiles"]
        for row in range(ROWS):
            in_row = {found["column"]: found for found in tiles if found["row"] == row}
            yield from self._row(in_row, size, 0, "")
        beside = {found["column"]: found for found in tiles if found["territory"]}
        if beside:
            yield Text()
            first = min(column for _, column in TERRITORIES.values())
            yield from self._row(beside, size, first, "Territories")

    def _row(self, in_row: dict[int, dict[str, Any]], size: int, first: int,
             label: str) -> list[Text]:  # fmt: skip
        """One row of tiles, from column ``first``; ``label`` in the room left of it."""
        room = first * (size + GAP)
        lines = [Text.assemble((label.ljust(room), MUTED)), Text(" " * room)]
        for column in range(first, COLUMNS):
            texts = self._tile_text(in_row.get(column), size)
            for line, text in zip(lines, texts, strict=True):
                line.append(" " * GAP if column > first else "")
                line.append_text(text)
        for line in lines:
            line.rstrip()
        return lines

    def _tile_text(self, found: dict[str, Any] | None, size: int) -> list[Text]:
        if found is None:
            return [Text(" " * size), Text(" " * size)]
        digit = "-" if found["bin"] is None else str(found["bin"])
        style = NO_FIGURE if found["bin"] is None else tile_style(found["bin"], self.count)
        if not self.paint:
            style = Style()
        if size == COMPACT_TILE:
            return [Text(found["postal"], style), Text(digit.rjust(size), style)]
        label = f"{found['postal']} {digit}" if self.digits else found["postal"]
        value = short_value(found, self.document["measure"])
        return [Text(label.center(size), style), Text(value.center(size), style)]

    def _legend(self) -> Iterator[RenderableType]:
        """Each bin's swatch (its digit) and range; then the places without a figure,
        grouped by BLS's reason."""
        measure = self.document["measure"]
        legend = Table.grid(padding=(0, 2))
        legend.add_column(no_wrap=True)
        legend.add_column()
        for found in self.document["bins"]:
            low, high = long_value(found["low"], measure), long_value(found["high"], measure)
            style = tile_style(found["bin"], self.count) if self.paint else Style()
            places = "place" if found["tiles"] == 1 else "places"
            if found["bounds"]:  # top-coded wages: the tiles read $239k+
                places += _bounds_note(found["bounds"])
            bounds = low if low == high else f"{low} - {high}"
            legend.add_row(
                Text(f" {found['bin']} ", style), f"{bounds}  ({found['tiles']} {places})"
            )
        by_reason: dict[str, list[str]] = {}
        for found in self.document["not_published"]:
            by_reason.setdefault(found["reason"] or "not published", []).append(found["name"])
        for reason, names in sorted(by_reason.items()):
            told = literal(f"no figure: {', '.join(sorted(names))} ({reason})")
            legend.add_row(Text(" - ", NO_FIGURE), told)
        yield legend
        yield Text()
        yield self._caption()

    def _caption(self) -> Text:
        document = self.document
        text = (
            f"{document['source']}, {document['release']}. Bins hold about equal numbers of"
            " places; places with the same figure share a bin."
        )
        if "sources" in document:  # what the median is worth: whose figures, what they mean
            text += "\n" + worth_words(document)
        return literal(text, MUTED)


def worth_words(document: dict[str, Any]) -> str:
    """``map --by take-home|real``: what the figure is, whose the tax tables and housing
    index are, and what they leave out."""
    sources = document["sources"]
    filing = "filing single" if document["filing"] == "single" else "married filing jointly"
    lines = [
        "After tax, an estimate: the median less federal and state income tax, Social Security"
        f" and Medicare, {filing}, wages only, each state taxed as its own; {sources['tax']}"
        f" ({sources['tax_tables']}).",
        f"Not included: {'; '.join(document['excluded'])}.",
    ]
    if document["measure"] == "real":
        lines += [
            HOUSING_WORDS,
            "A state's housing index: the mean of its OEWS areas' figures, weighted by their"
            f" employment. Housing: {sources['housing']}.",
        ]
    return "\n".join(lines)
