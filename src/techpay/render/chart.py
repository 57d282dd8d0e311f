"""``chart``: salary ranges drawn as bars on a shared dollar axis, with the official spans
and, in a place, the ranges scaled to it, drawn from the answer the handler computed (see
:func:`techpay.commands.figures.chart_answer`).

The chart is laid out when it is drawn, for the width it is given, so it fits any terminal
(and Rich's SVG and HTML export) and falls back to ASCII where the output cannot encode
box-drawing characters.
"""

from __future__ import annotations

from rich.text import Text

from techpay.render.axis import Scale, by_currency, title_width
from techpay.render.bars import (
    ASCII,
    SCALED_ASCII,
    SCALED_UNICODE,
    UNICODE,
    axis,
    bar,
    official_bar,
    official_span,
)
from techpay.render.release import place_name
from techpay.render.style import literal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import Any

    from rich.console import Console, ConsoleOptions

    from techpay.core.records import RoleRecord, SalaryRecord


class SalaryChart:
    """``chart``: one bar per role, labelled, on a shared axis: one axis per currency, since
    amounts in different currencies are not comparable (USD first, then by code).

    With the national official figures (``--official``), a second bar under each role in US
    dollars draws the official 10th to 90th percentile of its occupation, the median marked,
    on the same axis. With a place (``--in``), two more, labelled: the range scaled to the
    place (an estimate) and the official 10th to 90th percentile there.
    """

    def __init__(self, answer: dict[str, Any]) -> None:
        self.roles: Sequence[RoleRecord] = answer["roles"]
        self.official: bool = answer["official"]
        self.area = answer["area"]
        self.release: str | None = answer["release"]
        self.fits: dict[str, str | None] = answer["fits"]
        self.bars: dict[str, dict[str, Any]] = {
            found["id"]: found for found in answer["chart"]["roles"]
        }

    def label_width(self, width: int) -> int:
        """For a chart ``width`` columns wide: how wide the titles (and row labels) are drawn."""
        titles = title_width(self.roles, width)
        if self.area is None:
            return titles
        return max(titles, min(max(len(label) for label in ROW_LABELS), max(8, width // 3)))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        glyphs = ASCII if options.ascii_only else UNICODE
        width = options.max_width
        label_width = self.label_width(width)
        groups = by_currency(self.roles)
        for number, (currency, roles) in enumerate(groups.items()):
            if len(groups) > 1:
                yield from [Text()] * (number > 0)
                yield Text(f"Salaries in {currency}", style="bold cyan")
            yield from self._bars(roles, currency, label_width, width, options.ascii_only)
        line, _, open_end, middle = glyphs[:4]
        yield Text(f"{line * 2} range  {middle} midpoint  {open_end} no stated top", style="dim")
        yield from self._legend(options.ascii_only)

    def _legend(self, ascii_only: bool) -> Iterator[Text]:
        """What the official spans and the scaled ranges are, with their source and place."""
        glyphs = ASCII if ascii_only else UNICODE
        span_line, span_median = glyphs[6:8]
        places = []
        if self.official:
            places.append("United States")
        if self.area is not None:
            places.append(place_name(self.area))
        if places:
            release = self.release or ""
            yield Text(
                f"{span_line * 2} official 10th-90th percentile  {span_median} official median"
                f" ({' '.join(['BLS OEWS', release]).strip()}, {' and '.join(places)};"
                " of the role's occupation"
                + (
                    ""
                    if self.area is not None
                    else ", its code under the range and how well it fits the role where not high"
                )
                + ")",
                style="dim",
            )
        if self.area is not None:
            scaled_line = (SCALED_ASCII if ascii_only else SCALED_UNICODE)[0]
            yield Text(
                f"{scaled_line * 2} the range scaled to {places[-1]}: an estimate, the article's"
                " range times the local over the national median, to the nearest $1,000",
                style="dim",
            )

    def _spans(self, roles: Sequence[RoleRecord], currency: str) -> dict[str, SalaryRecord]:
        """The official spans to draw under these roles (only under ranges in US dollars)."""
        if not self.official or currency != "USD":
            return {}
        spans = {role["id"]: official_span(self.bars[role["id"]]["official"]) for role in roles}
        return {role_id: span for role_id, span in spans.items() if span is not None}

    def _in_place(self, role: RoleRecord) -> tuple[SalaryRecord | None, SalaryRecord | None]:
        """The role's range scaled to the place, and the official span there."""
        local = self.bars[role["id"]]["local"]
        scaled = local["estimates"]["salary"]
        drawn: SalaryRecord | None = None
        if scaled is not None:
            drawn = {"min": scaled["min"], "max": scaled["max"], "currency": "USD",
                     "open_ended": role["salary"]["open_ended"], "stated": None,
                     "note": None}  # fmt: skip
        return drawn, official_span(local["official"])

    def _bars(
        self,
        roles: Sequence[RoleRecord],
        currency: str,
        label_width: int,
        width: int,
        ascii_only: bool,
    ) -> Iterator[Text]:
        """The bars of roles paid in one currency, and their axis."""
        glyphs = ASCII if ascii_only else UNICODE
        spans = self._spans(roles, currency)
        local = {}
        if self.area is not None and currency == "USD":
            local = {role["id"]: self._in_place(role) for role in roles}
        drawn = [role["salary"] for role in roles] + list(spans.values())
        drawn += [found for pair in local.values() for found in pair if found is not None]
        scale = Scale(drawn, width - label_width - 1, currency)
        labelled = self.area is not None

        def label(text: str) -> Text:
            if len(text) > label_width:
                text = text[: label_width - 1] + ("~" if ascii_only else "…")
            return Text(text.ljust(label_width), style="dim")

        for role in roles:
            title = role["title"]
            if len(title) > label_width:
                title = title[: label_width - 1] + ("~" if ascii_only else "…")
            yield Text.assemble(
                literal(title.ljust(label_width), "bold"), " ", bar(role["salary"], scale, glyphs)
            )
            official = self.bars[role["id"]]["official"] if self.official else None
            fit = self.fits[role["id"]]
            national = label(ROW_LABELS[0] if labelled else _occupation_label(official, fit))
            if role["id"] in spans:
                median = official["annual_wages"]["median"] if official else None
                yield Text.assemble(
                    national, " ", official_bar(spans[role["id"]], median, scale, glyphs)
                )
            elif self.official and currency == "USD":
                yield Text.assemble(national, " ", ("no official figures", "dim"))
            if role["id"] in local:
                yield from self._local_bars(role, local[role["id"]], scale, glyphs, label)
        rule, labels = axis(scale, glyphs)
        indent = " " * (label_width + 1)  # unstyled, for the same reason as in bar()
        yield Text.assemble(indent, (rule, "dim"))
        yield Text.assemble(indent, (labels, "dim"))

    def _local_bars(
        self,
        role: RoleRecord,
        found: tuple[SalaryRecord | None, SalaryRecord | None],
        scale: Scale,
        glyphs: tuple[str, ...],
        label: Callable[[str], Text],
    ) -> Iterator[Text]:
        """Under a role's range: its range scaled to the place, and the official span there."""
        scaled, span = found
        if scaled is None:
            yield Text.assemble(label(ROW_LABELS[1]), " ", ("no estimate", "dim"))
        else:
            line, middle = SCALED_ASCII if glyphs is ASCII else SCALED_UNICODE
            scaled_glyphs = (line, glyphs[1], glyphs[2], middle)
            drawn = bar(scaled, scale, scaled_glyphs)
            drawn.stylize("dim")
            yield Text.assemble(label(ROW_LABELS[1]), " ", drawn)
        if span is None:
            yield Text.assemble(label(ROW_LABELS[2]), " ", ("no official figures", "dim"))
        else:
            local = self.bars[role["id"]]["local"]["official"]
            median = local["annual_wages"]["median"] if local else None
            drawn = official_bar(span, median, scale, glyphs)
            yield Text.assemble(label(ROW_LABELS[2]), " ", drawn)


def _occupation_label(official: dict[str, Any] | None, fit: str | None) -> str:
    """Under a range, whose official span it is: ``  15-1252, low`` (the occupation's code,
    and how well it fits the role, ``fit``, where not high)."""
    if official is None:
        return ""
    return f"  {official['occupation']['code']}" + ("" if fit in (None, "high") else f", {fit}")


# With --in, the rows under each range are labelled: the national official span (with
# --official), the range scaled to the place, and the official span there.
ROW_LABELS = ("  official, US", "  scaled (estimate)", "  official there")
