"""Human-readable output: Rich renderables built from records.

Every string from a data file goes through :func:`literal`, so Rich markup in the data is shown
as typed and control characters (a raw ESC, BEL, an OSC sequence) are made visible instead of
reaching the terminal.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from techpay.core.errors import literal_text
from techpay.core.queries import official_median, salary_midpoint
from techpay.official.estimates import premium
from techpay.render.axis import money
from techpay.render.layout import DROP, WRAP, Fitted, hanging

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from rich.console import RenderableType

    from techpay.core.records import (
        AreaRecord,
        Comparison,
        EstimateRecord,
        Locality,
        RelatedRole,
        RoleRecord,
        SalaryDifference,
        SalaryRecord,
    )

HEADER = "bold cyan"
MUTED = "dim"
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


def make_console(file: IO[str], stderr: bool = False, record: bool = False) -> Console:
    """A console that never interprets markup, emoji codes or highlights on its own.

    Styling follows Rich's rules (none when ``file`` is not a terminal or ``TERM=dumb``;
    ``FORCE_COLOR`` forces it), except that ``NO_COLOR`` turns off every escape code, bold
    included, where Rich would keep bold and underline.
    """
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(
        file=file,
        stderr=stderr,
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if no_color else "auto",
        record=record,
    )


def literal(text: str, style: str = "") -> Text:
    """Data text, shown exactly: no markup, control characters written as ``\\xNN`` (tabs and
    line breaks are laid out)."""
    return Text(literal_text(text, keep="\t\n"), style=style)


def signed_money(amount: int, currency: str = "USD") -> str:
    """A difference with its sign: ``+$10,000``, ``-$5,000``, ``$0``."""
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    return sign + money(abs(amount), currency)


def salary_range(salary: SalaryRecord) -> str:
    """``$160,000 - $240,000+`` (the ``+`` marks an open-ended range)."""
    top = money(salary["max"], salary["currency"]) + ("+" if salary["open_ended"] else "")
    return f"{money(salary['min'], salary['currency'])} - {top}"


def midpoint(salary: SalaryRecord) -> str:
    return money(salary_midpoint(salary), salary["currency"])


def new_table(show_lines: bool = False) -> Table:
    """The one table style: a rule under the header, no outer border, tight padding."""
    return Table(
        box=box.SIMPLE_HEAD,
        header_style=HEADER,
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
        show_lines=show_lines,
    )


def _official(role: RoleRecord) -> tuple[str, float, str | None] | None:
    """The official median as money, the range midpoint's premium over it in percent, and
    how close the occupation is; None when there is no official median."""
    median, above = official_median(role), premium(role)
    if median is None or above is None:
        return None
    match = role["occupation"]["match"] if role["occupation"] else None
    return money(median), above, match


def official_text(role: RoleRecord) -> str:
    """``$171,200 (+16.8%, high match)`` (``compare``); ``n/a`` without a median."""
    parts = _official(role)
    if parts is None:
        return "n/a"
    median, premium, match = parts
    return f"{median} ({premium:+.1f}%{f', {match} match' if match else ''})"


def roles_table(
    roles: Iterable[RoleRecord],
    official: bool = False,
    bars: Sequence[Text] | None = None,
    locality: Locality | None = None,
) -> RenderableType:
    """``list`` and ``filter``: one row per role; ``official`` puts the official median and
    the range's premium over it where the clusters would be; ``locality`` puts the median in
    a place and the range scaled to it there (in place of the midpoint, for room); ``bars``
    adds a range column. Amounts never wrap while a column can be dropped instead."""
    roles = list(roles)
    longest_title = max((len(role["title"]) for role in roles), default=1)
    table = new_table()
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role", min_width=min(ROLE_WIDTH, longest_title))
    table.add_column("Salary range", justify="right", no_wrap=True)
    if locality is None:
        table.add_column("Midpoint", justify="right", no_wrap=True)
    if official:
        table.add_column("Official", justify="right", no_wrap=True)
        table.add_column("Premium (match)", justify="right", no_wrap=True)
    if locality is not None:
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
            *([midpoint(role["salary"])] if locality is None else []),
        ]
        if official:
            cells += _official_cells(role)
        if locality is not None:
            from techpay.render.official import local_cells

            cells += local_cells(role, locality[1].get(role["id"]))
        elif not official:
            cells.append(literal(", ".join(role["clusters"])))
        if bars is not None:
            cells.append(bars[index])
        table.add_row(*cells)
    return Fitted(table, ROLES_STEPS, fallback="records")


def _official_cells(role: RoleRecord) -> list[str | Text]:
    """``$171,200`` and ``+16.8% (high)`` (``list --official``); ``n/a`` and ``-`` without."""
    parts = _official(role)
    if parts is None:
        return ["n/a", "-"]
    median, premium, match = parts
    return [median, f"{premium:+.1f}%{f' ({match})' if match else ''}"]


def _bullets(items: Iterable[str]) -> Table:
    """``- item`` lines; an item that wraps goes on under its own text, not under the dash."""
    return hanging("-", (literal(item) for item in items))


def _duties(role: RoleRecord) -> Table:
    """The responsibilities as bullets, each followed by the tags it implies (ours)."""
    tagged = role["responsibility_tags"]
    return hanging(
        "-",
        (
            Text.assemble(literal(duty), literal(f"  {', '.join(tagged[duty])}", MUTED))
            if tagged.get(duty)
            else literal(duty)
            for duty in role["responsibilities"]
        ),
    )


def role_view(
    role: RoleRecord,
    related: Sequence[RelatedRole] = (),
    area: AreaRecord | None = None,
    local: EstimateRecord | None = None,
) -> RenderableType:
    """``show``: everything about one role, its official pay (nationally, and in ``area``
    when given), and the roles closest to it by skills."""
    salary = role["salary"]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=HEADER, no_wrap=True)
    facts.add_column()
    salary_line = Text(f"{salary_range(salary)}  (midpoint {midpoint(salary)})", style="bold")
    facts.add_row("Salary", salary_line)
    if salary["note"]:
        facts.add_row("", literal(salary["note"], MUTED))
    if role["summary"]:
        facts.add_row("Summary", literal(role["summary"]))
    if role["why_it_pays"]:
        facts.add_row("Why it pays", literal(role["why_it_pays"]))
    from techpay.render.official import add_official_rows

    add_official_rows(facts, role, area, local)
    if role["occupation"] is not None:
        occupation = role["occupation"]
        line = f"{occupation['code']} {occupation['title']} ({occupation['match']} match"
        line += f"; {occupation['note']})" if occupation["note"] else ")"
        facts.add_row("Occupation", literal(line))
    facts.add_row("Clusters", literal(", ".join(role["clusters"]) or "-"))
    facts.add_row("Names", literal(", ".join((role["id"], *role["aliases"]))))

    skills = new_table()
    skills.add_column("Skill")
    skills.add_column("Tags", style=MUTED)
    for skill in role["skills"]:
        skills.add_row(literal(skill["text"]), literal(", ".join(skill["tags"])))

    rank = f"  #{role['rank']}" if role["rank"] else ""
    title = Text.assemble(literal(role["title"], "bold underline"), (rank, MUTED))
    parts: list[RenderableType] = [title, Text(), Fitted(facts, fallback="under"), Text()]
    parts += [Text("Responsibilities", style=HEADER), _duties(role), Text()]
    parts.append(Fitted(skills, fallback="records"))
    if related:
        parts += [Text(), Text("Related roles (most shared skill tags)", style=HEADER)]
        shares = (
            Text.assemble(
                literal(other["title"]), (f"  shares {', '.join(other['shared'])}", MUTED)
            )
            for other in related
        )
        parts.append(hanging("-", shares))
    return Group(*parts)


def comparison_view(
    comparison: Comparison,
    official: bool = False,
    bars: Sequence[Text] | None = None,
    locality: Locality | None = None,
) -> RenderableType:
    """``compare``: the roles side by side, then the tags they share."""
    roles = comparison["roles"]
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
            [("Official median", [literal(official_text(role)) for role in roles])]
            if official
            else []
        ),
        # The difference is of the article's ranges, national: so labelled beside a place's.
        (
            "Difference" if locality is None else "Difference (US)",
            [_difference(differences.get(role["id"])) for role in roles],
        ),
        *(_local_rows(roles, locality) if locality is not None else []),
        ("Clusters", [literal(", ".join(role["clusters"]) or "-") for role in roles]),
        ("Responsibilities", [_bullets(role["responsibilities"]) for role in roles]),
        ("Skills", [_bullets(skill["text"] for skill in role["skills"]) for role in roles]),
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
    roles: Sequence[RoleRecord], locality: Locality
) -> list[tuple[str, Sequence[RenderableType]]]:
    """``compare --in``: the median there, and the range scaled to it (an estimate)."""
    from techpay.render.official import local_cells

    cells = [local_cells(role, locality[1].get(role["id"])) for role in roles]
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


def about_view(about: dict[str, Any]) -> RenderableType:
    """``about``: what the dataset is, where each kind of figure comes from, what it is not."""
    source = about["source"] or {}
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=HEADER, no_wrap=True)
    facts.add_column()
    facts.add_row("Dataset", literal(f"{about['roles']} roles"))
    if source:
        year = source.get("year")
        title = f"{source['title']}{f' (figures for {year})' if year else ''}"
        facts.add_row("Salary ranges", literal(title))
        if source.get("provenance"):
            facts.add_row("", literal(source["provenance"]))
        facts.add_row("", literal(source.get("figures") or "", MUTED))
    if source.get("official"):
        facts.add_row("Official pay", literal(source["official"]))
    official = about["official"]
    facts.add_row(
        "",
        literal(
            f"{official['source']}, {official['release']} (release {official['release_code']},"
            f" published by BLS {official['published']}, retrieved {official['retrieved']},"
            f" via {official['upstream']})",
            MUTED,
        ),
    )
    for name, file in official["source_files"].items():
        facts.add_row("", literal(f"{name}  sha256 {file['sha256'][:16]}...", MUTED))
    premium = about["official_premium"]
    if premium["average_percent"] is not None:
        left_out = ", ".join(premium["roles_without_official_figures"]) or "none"
        facts.add_row(
            "Premium",
            literal(
                f"estimate: range midpoints average {premium['average_percent']:+.1f}% against"
                f" the official median, over {premium['roles_counted']} roles"
                f" (without one: {left_out})"
            ),
        )
    if source.get("ours"):
        facts.add_row("Ours", literal(", ".join(source["ours"])))
    parts: list[RenderableType] = [Fitted(facts, fallback="under")]
    caveats = [*source.get("caveats", ()), *official["not"]]
    if caveats:
        parts += [Text(), Text("What the numbers are not", style=HEADER)]
        parts.append(_bullets(dict.fromkeys(caveats)))
    if source.get("attribution"):
        parts += [Text(), literal(source["attribution"], MUTED)]
    return Group(*parts)
