"""Roles in a place (``--in``), for people: each role's official median there and its range
scaled to it (an estimate), as cells, a caption and a table. The figures come computed, in
the role's ``local`` object (see :func:`techpay.commands.figures.local_object`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.text import Text

from techpay.render.axis import money
from techpay.render.layout import WRAP, Fitted, Footnotes
from techpay.render.official import wage
from techpay.render.release import place_name
from techpay.render.style import MUTED, literal, new_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from techpay.core.records import AreaRecord


def local_cells(local: dict[str, Any], fit: str | None) -> tuple[str, str]:
    """``$134,120 (15-1252, low)`` and ``$138,000 - $182,000``: the median of the role's
    occupation in a place, with the occupation's code and how well it fits the role
    (``fit``) where not high, and the range scaled to it (an estimate); ``n/a`` where BLS
    published none (or the role has no official occupation)."""
    figures = local["official"]
    if figures is None:
        return "n/a", "-"
    shown_fit = "" if fit in (None, "high") else f", {fit}"
    median = f"{wage(figures, 'median')} ({figures['occupation']['code']}{shown_fit})"
    scaled = local["estimates"]["salary"]
    if scaled is None:
        return median, "-"
    return median, scaled_range(scaled)


def scaled_range(scaled: dict[str, Any]) -> str:
    """A range scaled to a place: ``$138,000 - $207,000+``."""
    top = money(scaled["max"]) + ("+" if scaled["open_ended"] else "")
    return f"{money(scaled['min'])} - {top}"


def locality_caption(
    area: AreaRecord, release: str | None, table: Fitted | None = None
) -> Footnotes:
    """Whose figures the local columns are (``release``: theirs, None where BLS published
    none), and what the estimate is: each only under a ``table`` that kept its column."""
    source = f"BLS OEWS, {release}" if release else "BLS OEWS (none published here)"
    median = literal(
        f"Local median: of the role's occupation (its SOC code, and how well it fits the role"
        f" where not high), {place_name(area)}; {source}.",
        MUTED,
    )
    scaled = literal(f"Range there: {SCALED}.", MUTED)
    return Footnotes(table, [("Local median", median), ("Range there (estimate)", scaled)])


# What a range scaled to a place is, wherever one is shown.
SCALED = (
    "an estimate, the role's range (the article's, or your data file's) scaled by the local"
    " over the national median of its occupation, to the nearest $1,000"
)


def local_table(
    rows: Sequence[dict[str, Any]], area: AreaRecord, release: str | None
) -> RenderableType:
    """``match --in`` and ``path --in``: each role's official median in the place and its
    range scaled to it (an estimate); ``rows`` as
    :func:`techpay.commands.figures.in_place_answer` gives them."""
    table = new_table()
    table.add_column(f"In {place_name(area)}")
    table.add_column("Local median", justify="right", no_wrap=True)
    table.add_column("Range there (estimate)", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(literal(row["title"]), *local_cells(row["local"], row["fit"]))
    steps = [(WRAP, "Range there (estimate)")]
    fitted = Fitted(table, steps, fallback="records", title=True)
    return Group(fitted, locality_caption(area, release, fitted))


def with_local_table(view: RenderableType, answer: dict[str, Any]) -> RenderableType:
    """A view, followed by the roles' official medians in a place, when one was given."""
    if answer["area"] is None:
        return view
    table = local_table(answer["rows"], answer["area"], answer["release"])
    return Group(view, Text(), table)
