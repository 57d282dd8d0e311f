"""The house style of the Rich views: the console, data text shown literally, amounts and
ranges in words, the one table style. Every view module builds on these.

Every string from a data file goes through :func:`literal`, so Rich markup in the data is shown
as typed and control characters (a raw ESC, BEL, an OSC sequence) are made visible instead of
reaching the terminal.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from techpay.core.errors import literal_text
from techpay.render.axis import money
from techpay.render.layout import hanging

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from techpay.core.records import SalaryRecord

HEADER = "bold cyan"
MUTED = "dim"


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


def midpoint(salary: Mapping[str, Any]) -> str:
    """A role object's range midpoint (computed with it): ``$200,000``."""
    return money(salary["midpoint"], salary["currency"])


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


def bullets(items: Iterable[str]) -> Table:
    """``- item`` lines; an item that wraps goes on under its own text, not under the dash."""
    return hanging("-", (literal(item) for item in items))
