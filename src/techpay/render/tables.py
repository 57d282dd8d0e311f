"""The tables of roles, for people: ``list`` and ``filter`` (a row per role) and ``compare``
(the roles side by side), each with a range column or row when the terminal is wide enough.
They are drawn from role objects (see :mod:`techpay.commands.figures`), whose figures and
estimates come computed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.text import Text

from techpay.render.axis import money
from techpay.render.bars import BAR_WIDTH, WIDE, range_bars
from techpay.render.layout import DROP, WRAP, Fitted, Footnotes
from techpay.render.local import local_cells, locality_caption
from techpay.render.style import (
    HEADER,
    MUTED,
    bullets,
    literal,
    midpoint,
    new_table,
    salary_range,
    signed_money,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rich.console import Console, ConsoleOptions, RenderableType

    from techpay.core.records import SalaryDifference

ROLE_WIDTH = 20  # a title is given this much before any column is dropped: two lines at most
# How the roles table gives way to a narrow terminal: least important columns first; the
# title may then take less room, and last of all an amount range wraps between its ends.
ROLES_STEPS = (
    (DROP, "Range"),
    (DROP, "Clusters"),
    (DROP, "Midpoint"),
    (DROP, "Premium (match)"),
    (DROP, "#"),
    (WRAP, "Local median"),
    (WRAP, "Role"),
    (WRAP, "Salary range"),
    (WRAP, "Range there (estimate)"),
    (DROP, "Local median"),
)


def _official(role: dict[str, Any], fit: str | None) -> tuple[str, float, str | None] | None:
    """The official median as money, the range midpoint's premium over it in percent, and
    how well the occupation whose figures they are fits the role (``fit``, from the answer);
    None when there is no official median (or no premium)."""
    if role["estimates"] is None:
        return None
    median = role["official"]["annual_wages"]["median"]
    above = role["estimates"]["premium_percent"]
    return money(median), above, fit


def official_text(role: dict[str, Any], fit: str | None) -> str:
    """``$171,200 (+16.8%, high match)`` (``compare``); ``n/a`` without a median."""
    parts = _official(role, fit)
    if parts is None:
        return "n/a"
    median, premium, match = parts
    return f"{median} ({premium:+.1f}%{f', {match} match' if match else ''})"


def roles_table(
    answer: dict[str, Any], official: bool = False, bars: Sequence[Text] | None = None
) -> Fitted:
    """``list`` and ``filter``: one row per role; ``official`` puts the official median and
    the range's premium over it where the clusters would be; a place puts the median there
    and the range scaled to it (in place of the midpoint, for room); ``bars`` adds a range
    column. Amounts never wrap while a column can be dropped instead."""
    roles, in_place = answer["roles"], answer["area"] is not None
    longest_title = max((len(role["title"]) for role in roles), default=1)
    table = new_table()
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role", min_width=min(ROLE_WIDTH, longest_title))
    table.add_column("Salary range", justify="right", no_wrap=True)
    if not in_place:
        table.add_column("Midpoint", justify="right", no_wrap=True)
    if official:
        table.add_column("Official", justify="right", no_wrap=True)
        table.add_column("Premium (match)", justify="right", no_wrap=True)
    if in_place:
        table.add_column("Local median", justify="right", no_wrap=True)
        table.add_column("Range there (estimate)", justify="right", no_wrap=True)
    elif not official:
        table.add_column("Clusters")
    if bars is not None:
        table.add_column("Range", no_wrap=True)
    for index, role in enumerate(roles):
        cells: list[str | Text] = [
            str(role["rank"] or "-"),
            literal(role["title"], "bold"),
            salary_range(role["salary"]),
            *([] if in_place else [midpoint(role["salary"])]),
        ]
        if official:
            cells += _official_cells(role, answer["fits"][role["id"]])
        if in_place:
            cells += local_cells(role["local"], answer["fits"][role["id"]])
        elif not official:
            cells.append(literal(", ".join(role["clusters"])))
        if bars is not None:
            cells.append(bars[index])
        table.add_row(*cells)
    return Fitted(table, ROLES_STEPS, fallback="records")


def _official_cells(role: dict[str, Any], fit: str | None) -> list[str | Text]:
    """``$171,200`` and ``+16.8% (high)`` (``list --official``); ``n/a`` and ``-`` without."""
    parts = _official(role, fit)
    if parts is None:
        return ["n/a", "-"]
    median, premium, match = parts
    return [median, f"{premium:+.1f}%{f' ({match})' if match else ''}"]


def comparison_view(
    answer: dict[str, Any], official: bool = False, bars: Sequence[Text] | None = None
) -> RenderableType:
    """``compare``: the roles side by side, then the tags they share."""
    comparison = answer["comparison"]
    roles, in_place = comparison["roles"], answer["area"] is not None
    differences = {difference["id"]: difference for difference in comparison["salary_differences"]}
    table = new_table(show_lines=True)
    table.add_column("", style=HEADER, no_wrap=True)
    for role in roles:
        table.add_column(literal(role["title"]), ratio=1)
    unique = comparison["tags"]["unique"]
    rows: list[tuple[str, Sequence[RenderableType]]] = [
        ("Salary", [Text(salary_range(role["salary"])) for role in roles]),
        ("Midpoint", [Text(midpoint(role["salary"])) for role in roles]),
        *([("Range", list(bars))] if bars is not None else []),
        *(
            [
                (
                    "Official median",
                    [literal(official_text(role, answer["fits"][role["id"]])) for role in roles],
                )
            ]
            if official
            else []
        ),
        # The difference is of the article's ranges, national: so labelled beside a place's.
        (
            "Difference (US)" if in_place else "Difference",
            [_difference(differences.get(role["id"])) for role in roles],
        ),
        *(_local_rows(roles, answer["fits"]) if in_place else []),
        ("Clusters", [literal(", ".join(role["clusters"]) or "-") for role in roles]),
        ("Responsibilities", [bullets(role["responsibilities"]) for role in roles]),
        ("Skills", [bullets(skill["text"] for skill in role["skills"]) for role in roles]),
        ("Only this role", [literal(", ".join(unique[role["id"]]) or "-") for role in roles]),
    ]
    for label, cells in rows:
        table.add_row(literal(label), *cells)
    shared = comparison["tags"]["shared"]
    footer = Text.assemble(
        ("Skill tags shared by all: ", HEADER), literal(", ".join(shared) or "none")
    )
    return Group(Fitted(table, fallback="stacked", even=True), footer)


def _local_rows(
    roles: Sequence[dict[str, Any]], fits: dict[str, str | None]
) -> list[tuple[str, Sequence[RenderableType]]]:
    """``compare --in``: the median there, and the range scaled to it (an estimate)."""
    cells = [local_cells(role["local"], fits[role["id"]]) for role in roles]
    return [
        ("Local median", [Text(median) for median, _ in cells]),
        ("Range there", [Text(scaled) for _, scaled in cells]),
    ]


def _difference(difference: SalaryDifference | None) -> Text:
    if difference is None:
        return Text("(baseline)", style=MUTED)
    figures = difference_figures(difference)
    if figures is None:
        return literal(f"not comparable: {difference['not_comparable']}", MUTED)
    currency, (minimum, maximum, middle), (_, _, percent) = figures
    return Text(
        f"midpoint {signed_money(middle, currency)} ({percent:+.1f}%)\n"
        f"min {signed_money(minimum, currency)}, max {signed_money(maximum, currency)}"
    )


def difference_figures(
    difference: SalaryDifference,
) -> tuple[str, list[int], list[float]] | None:
    """The currency, the min, max and midpoint changes, and their percents; None when the
    salaries are in different currencies (then there are no figures)."""
    amounts = [difference["min"], difference["max"], difference["midpoint"]]
    percents = [
        difference["min_percent"],
        difference["max_percent"],
        difference["midpoint_percent"],
    ]
    known_amounts = [amount for amount in amounts if amount is not None]
    known_percents = [percent for percent in percents if percent is not None]
    currency = difference["currency"]
    if currency is None or len(known_amounts) < 3 or len(known_percents) < 3:
        return None
    return currency, known_amounts, known_percents


def official_caption(roles: Sequence[dict[str, Any]], table: Fitted | None = None) -> Footnotes:
    """Whose figures ``--official`` shows, and that the premium is an estimate: each only
    under a ``table`` that kept its column."""
    release = next((role["official"]["release"] for role in roles if role["official"]), None)
    source = f"BLS OEWS, {release}" if release else "BLS OEWS (none published for these roles)"
    median = literal(f"Official median: of the role's occupation, United States; {source}.", MUTED)
    premium = literal(
        "The premium (how far the range midpoint is above that median) is an estimate; the"
        " match (how well the occupation fits the role) is our judgement.",
        MUTED,
    )
    return Footnotes(table, [("Official", median), ("Premium (match)", premium)])


class RolesTable:
    """The roles table (``answer`` as :func:`techpay.commands.figures.roles_answer` gives
    it), with a range column when the terminal is wide enough."""

    def __init__(self, answer: dict[str, Any], official: bool = False) -> None:
        self.answer, self.official = answer, official

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        roles = self.answer["roles"]
        wide = options.max_width >= WIDE and bool(roles)
        bars = range_bars([role["salary"] for role in roles], options.ascii_only) if wide else None
        table = roles_table(self.answer, self.official, bars)
        yield table
        if self.official:
            yield official_caption(roles, table)
        if self.answer["area"] is not None:
            yield locality_caption(self.answer["area"], self.answer["release"], table)


class ComparisonView:
    """The comparison (``answer`` as :func:`techpay.commands.figures.comparison_answer`
    gives it), with a range row when the terminal is wide enough."""

    def __init__(self, answer: dict[str, Any], official: bool = False) -> None:
        self.answer, self.official = answer, official

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        roles = self.answer["comparison"]["roles"]
        width = min(BAR_WIDTH, (options.max_width - 18) // len(roles) - 2)
        wide = options.max_width >= WIDE and width >= 10
        salaries = [role["salary"] for role in roles]
        baseline_currency = salaries[0]["currency"]
        bars = range_bars(salaries, options.ascii_only, width, baseline_currency) if wide else None
        yield comparison_view(self.answer, self.official, bars)
        if self.official:
            yield official_caption(roles)
        if self.answer["area"] is not None:
            yield locality_caption(self.answer["area"], self.answer["release"])
