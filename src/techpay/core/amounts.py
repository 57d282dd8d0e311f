"""Reading amounts of money as people write them: ``150000``, ``150k``, ``$150,000``, ``1.2m``;
and showing dollars and cents as whole dollars.

A module of its own, importing nothing, so that reading ``--min-salary`` (the fast path,
the options' parser) loads no query.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

_AMOUNT = r"\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([km]?)"
_MULTIPLIERS = {"": 1, "k": 1_000, "m": 1_000_000}


# Longer than any amount of money: refused before it is read (Python will not convert an
# integer of more than 4,300 digits, and a message should not echo thousands of them).
MAX_AMOUNT_LENGTH = 40


def amount_shown(text: str) -> str:
    """The amount as typed, for a message: quoted, and cut short when it is very long."""
    if len(text) <= MAX_AMOUNT_LENGTH:
        return repr(text)
    return f"{text[:12]!r}... ({len(text):,} characters)"


def parse_amount(text: str) -> int:
    """Read a yearly amount as people write it: ``150000``, ``150k``, ``$150,000``, ``1.2m``."""
    cleaned = text.strip().lower().replace("_", "")
    if cleaned.startswith("-"):
        raise ValueError(f"{amount_shown(text)} is negative; salaries are positive amounts")
    if len(cleaned) > MAX_AMOUNT_LENGTH:
        raise ValueError(f"{amount_shown(text)} is too large an amount; check it")
    import re  # here, not at the top: most runs read no amount, and re costs a start-up

    match = re.fullmatch(_AMOUNT, cleaned)
    if not match:
        raise ValueError(f"{text!r} is not an amount; write it like 150000, 150k or $150,000")
    whole, fraction, suffix = match.groups()
    multiplier = _MULTIPLIERS[suffix]
    units = int(whole.replace(",", "")) * multiplier
    if fraction:
        digits = fraction[1:]
        scaled = int(digits) * multiplier
        if scaled % 10 ** len(digits):
            raise ValueError(f"{text!r} is not a whole number of dollars")
        units += scaled // 10 ** len(digits)
    return units


def whole_dollars(amount: float) -> int:
    """Dollars and cents to whole dollars, half a dollar away from zero, as on a tax form
    (Python's ``round`` would take $2,392.50 to $2,392)."""
    cents = round(amount * 100)
    dollars = (abs(cents) + 50) // 100
    return dollars if cents >= 0 else -dollars


TAXES = ("federal_income_tax", "state_income_tax", "social_security", "medicare")


def whole_take_home(tax: Mapping[str, Any]) -> int:
    """The take-home in whole dollars, as a tax form has it: the pay less each tax rounded to
    the dollar (so that a table showing the taxes adds up; at most $2 from the take-home in
    cents)."""
    return int(tax["wages"]) - sum(
        whole_dollars(tax[name]) for name in TAXES if tax[name] is not None
    )
