"""Salary ranges drawn as bars on a shared dollar axis (``chart``, and the range column).

The chart is laid out when it is drawn, for the width it is given, so it fits any terminal
(and Rich's SVG and HTML export) and falls back to ASCII where the output cannot encode
box-drawing characters.
"""

from __future__ import annotations

from rich.text import Text

from techpay.core.queries import salary_midpoint
from techpay.official.estimates import local_range
from techpay.render.axis import Scale, by_currency, tick_labels, title_width
from techpay.render.official import place_name
from techpay.render.views import literal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from rich.console import Console, ConsoleOptions, RenderableType

    from techpay.core.records import Comparison, EstimateRecord, Locality, RoleRecord, SalaryRecord

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


class SalaryChart:
    """``chart``: one bar per role, labelled, on a shared axis: one axis per currency, since
    amounts in different currencies are not comparable (USD first, then by code).

    With ``official`` (each role's national official figures by id), a second bar under each
    role in US dollars draws the official 10th to 90th percentile of its occupation, the
    median marked, on the same axis. With ``locality`` (``--in``), two more, labelled: the
    range scaled to the place (an estimate) and the official 10th to 90th percentile there.
    """

    def __init__(
        self,
        roles: Sequence[RoleRecord],
        official: dict[str, EstimateRecord | None] | None = None,
        locality: Locality | None = None,
    ) -> None:
        self.roles = roles
        self.official = official
        self.locality = locality

    def label_width(self, width: int) -> int:
        """For a chart ``width`` columns wide: how wide the titles (and row labels) are drawn."""
        titles = title_width(self.roles, width)
        if self.locality is None:
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
        places, found = [], []
        if self.official is not None:
            places.append("United States")
            found += list(self.official.values())
        if self.locality is not None:
            places.append(place_name(self.locality[0]))
            found += list(self.locality[1].values())
        if places:
            release = next((figures["release"] for figures in found if figures), "")
            yield Text(
                f"{span_line * 2} official 10th-90th percentile  {span_median} official median"
                f" ({' '.join(['BLS OEWS', release]).strip()}, {' and '.join(places)};"
                " of the role's occupation"
                + (
                    ""
                    if self.locality
                    else ", its code under the range and how well it fits the role where not high"
                )
                + ")",
                style="dim",
            )
        if self.locality is not None:
            scaled_line = (SCALED_ASCII if ascii_only else SCALED_UNICODE)[0]
            yield Text(
                f"{scaled_line * 2} the range scaled to {places[-1]}: an estimate, the article's"
                " range times the local over the national median, to the nearest $1,000",
                style="dim",
            )

    def _spans(self, roles: Sequence[RoleRecord], currency: str) -> dict[str, SalaryRecord]:
        """The official spans to draw under these roles (only under ranges in US dollars)."""
        if self.official is None or currency != "USD":
            return {}
        spans = {role["id"]: official_span(self.official.get(role["id"])) for role in roles}
        return {role_id: span for role_id, span in spans.items() if span is not None}

    def _in_place(self, role: RoleRecord) -> tuple[SalaryRecord | None, SalaryRecord | None]:
        """The role's range scaled to the place, and the official span there."""
        if self.locality is None:
            return None, None
        local = self.locality[1].get(role["id"])
        scaled = local_range(role, local)
        drawn: SalaryRecord | None = None
        if scaled is not None:
            drawn = {"min": int(str(scaled["min"])), "max": int(str(scaled["max"])),
                     "currency": "USD", "open_ended": role["salary"]["open_ended"],
                     "stated": None, "note": None}  # fmt: skip
        return drawn, official_span(local)

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
        if self.locality is not None and currency == "USD":
            local = {role["id"]: self._in_place(role) for role in roles}
        drawn = [role["salary"] for role in roles] + list(spans.values())
        drawn += [found for pair in local.values() for found in pair if found is not None]
        scale = Scale(drawn, width - label_width - 1, currency)
        labelled = self.locality is not None

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
            official = self.official[role["id"]] if self.official else None
            national = label(ROW_LABELS[0] if labelled else _occupation_label(role, official))
            if role["id"] in spans:
                median = official["annual_wages"]["median"] if official else None
                yield Text.assemble(
                    national, " ", official_bar(spans[role["id"]], median, scale, glyphs)
                )
            elif self.official is not None and currency == "USD":
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
            local = self.locality[1].get(role["id"]) if self.locality else None
            median = local["annual_wages"]["median"] if local else None
            drawn = official_bar(span, median, scale, glyphs)
            yield Text.assemble(label(ROW_LABELS[2]), " ", drawn)


def _occupation_label(role: RoleRecord, official: EstimateRecord | None) -> str:
    """Under a range, whose official span it is: ``  15-1252, low`` (the occupation's code,
    and how well it fits the role where not high)."""
    from techpay.official.roles import wage_match

    if official is None:
        return ""
    match = wage_match(role)
    return f"  {official['occupation']['code']}" + ("" if match in (None, "high") else f", {match}")


# With --in, the rows under each range are labelled: the national official span (with
# --official), the range scaled to the place, and the official span there.
ROW_LABELS = ("  official, US", "  scaled (estimate)", "  official there")


WIDE = 120  # columns from which list and compare add a range bar
BAR_WIDTH = 24


def range_bars(
    roles: Sequence[RoleRecord], ascii_only: bool, width: int = BAR_WIDTH, currency: str = ""
) -> list[Text]:
    """Small bars of each role's range on one shared scale, for a table column.

    Only roles paid in ``currency`` (by default the first by ``currency_order``) are drawn: a
    bar on another currency's scale would invite a comparison that cannot be made.
    """
    currency = currency or next(iter(by_currency(roles)))
    drawn = [role["salary"] for role in roles if role["salary"]["currency"] == currency]
    scale = Scale(drawn, width, currency)
    glyphs = ASCII if ascii_only else UNICODE
    return [
        bar(role["salary"], scale, glyphs)
        if role["salary"]["currency"] == currency
        else Text(f"{role['salary']['currency']}, not drawn", style="dim")
        for role in roles
    ]


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
        baseline_currency = roles[0]["salary"]["currency"]
        bars = range_bars(roles, options.ascii_only, width, baseline_currency) if wide else None
        yield comparison_view(self.comparison, self.official, bars, self.locality)
        if self.locality is not None:
            from techpay.render.official import locality_caption

            yield locality_caption(self.locality)
