"""Reading the terms of a job offer as people write them: a percentage (``--raise 5%``), a
bonus (``15k`` or ``10%`` of the base) and a vesting schedule (``back``, ``10,20,30,40``).

The standard library only, and no import of :mod:`re` or :mod:`decimal` until a value is
read. Each reader raises :class:`ValueRefused`, a :class:`ValueError` whose message names
the value (``'150%' must be -50% to 100%``: the command line prints it after the option's
name) and whose :attr:`~ValueRefused.rule` words the rule alone (a data file's problem adds
the value itself, as every problem with a field does).
"""

from __future__ import annotations

from techpay.core.amounts import amount_shown, parse_amount
from techpay.core.exact import Exact

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    Bonus = tuple[Literal["amount", "share"], float]

# The bounds of each percentage option, as fractions: (least, most).
RAISE_BOUNDS = (-0.5, 1.0)
STOCK_GROWTH_BOUNDS = (-1.0, 10.0)
BONUS_SHARE_BOUNDS = (0.0, 2.0)
MAX_VEST_YEARS = 10
# The most an amount of an offer may be: a grant or a bonus (beyond any real offer, and a
# year of it beyond the $30,000,000 the tax tables reach), and a base (as 'offer' takes it).
MAX_DOLLARS = 100_000_000
MAX_BASE = 10_000_000

_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_PERCENTAGE_RULE = "must be a percentage, like 10% or 2.5%"
_BONUS_RULE = "must be an amount, like 15k or $15,000, or a share of the base, like 10%"


class ValueRefused(ValueError):
    """A value that is not a valid term: ``str()`` names the value and breaks the rule."""

    def __init__(self, text: str, rule: str) -> None:
        super().__init__(f"{amount_shown(text)} {rule}")
        self.text = text
        self.rule = rule


def percent(share: float | Exact) -> str:
    """A fraction as a percentage, as a person writes it: ``0.1`` -> ``10%``, ``-0.025`` ->
    ``-2.5%`` (a fraction with no exact decimal, such as 1/3, to 28 digits)."""
    from decimal import Decimal

    if isinstance(share, Exact):
        exact = Decimal(share.numerator) / Decimal(share.denominator)
    else:
        exact = Decimal(repr(float(share)))
    return f"{format((exact * 100).normalize(), 'f')}%"


def _percentage(text: str, *, points: bool = False) -> Exact:
    """The fraction a percentage stands for: ``10%`` and ``10`` are 1/10. Unless ``points``
    (the number is always percentage points), a number between -1 and 1 (but 0) without
    ``%`` is refused: ``0.05`` may mean 5% or 0.05%."""
    import re

    cleaned = text.strip()
    match = re.fullmatch(f"({_NUMBER})\\s*(%?)", cleaned) if len(cleaned) <= 24 else None
    if not match:
        raise ValueRefused(text, _PERCENTAGE_RULE)
    number, sign = Exact.decimal(match[1]), match[2]
    if not (sign or points) and 0 < abs(number) < 1:
        as_fraction, as_points = percent(number), percent(number / 100)
        raise ValueRefused(text, f"is ambiguous: write {as_fraction} or {as_points}")
    return number / 100


def parse_share(text: str, *, low: float, high: float) -> float:
    """A percentage as a fraction: ``10%``, ``10`` -> 0.1; ``-50%`` -> -0.5; ``2.5%`` ->
    0.025. ``low`` and ``high`` are the bounds the option allows (fractions, inclusive):
    :data:`RAISE_BOUNDS`, :data:`STOCK_GROWTH_BOUNDS`. ``nan`` and ``inf`` are refused,
    as is anything but a decimal number, with or without ``%``."""
    share = _percentage(text)
    if not Exact.decimal(repr(low)) <= share <= Exact.decimal(repr(high)):
        raise ValueRefused(text, f"must be {percent(low)} to {percent(high)}")
    return float(share)


def parse_bonus(text: str) -> Bonus:
    """A yearly bonus: an amount (``15k``, ``$15,000``: ``("amount", 15000)``) or a share of
    that year's base (``10%``: ``("share", 0.1)``, 0% to 200%).

    A bare number up to 200 (``10``) is refused as ambiguous: ``10%`` or ``$10``?
    """
    cleaned = text.strip()
    if cleaned.endswith("%"):
        share = _percentage(cleaned)
        low, high = BONUS_SHARE_BOUNDS
        if not Exact.decimal(repr(low)) <= share <= Exact.decimal(repr(high)):
            raise ValueRefused(text, f"must be {percent(low)} to {percent(high)} of the base")
        return "share", float(share)
    if cleaned.isascii() and cleaned.isdigit() and len(cleaned) <= 3 and 0 < int(cleaned) <= 200:
        raise ValueRefused(text, f"is ambiguous: write {cleaned}% or ${cleaned}")
    try:
        return "amount", parse_dollars(cleaned)
    except ValueRefused as refused:
        rule = _BONUS_RULE if refused.rule.startswith("is not an amount") else refused.rule
        raise ValueRefused(text, rule) from None


def parse_dollars(text: str) -> int:
    """An amount of 0 or more, as :func:`techpay.core.amounts.parse_amount` reads it (``15k``,
    ``$15,000``), refused with :class:`ValueRefused`."""
    if text.strip().startswith("-"):
        raise ValueRefused(text, "must be at least 0")
    try:
        amount = parse_amount(text)
    except ValueError as error:
        said = str(error)  # the amount, quoted, then what is wrong with it
        for quoted in (amount_shown(text), repr(text)):
            said = said.removeprefix(f"{quoted} ")
        raise ValueRefused(text, said) from None
    if amount > MAX_DOLLARS:
        raise ValueRefused(text, f"must be at most ${MAX_DOLLARS:,}")
    return amount


def parse_base(text: str) -> int:
    """A base salary: more than 0 and at most :data:`MAX_BASE`, as ``offer`` takes it."""
    if text.strip().startswith("-"):
        raise ValueRefused(text, "must be more than 0")  # as 0 is told, not "at least 0"
    amount = parse_dollars(text)
    if amount == 0:
        raise ValueRefused(text, "must be more than 0")
    if amount > MAX_BASE:
        raise ValueRefused(text, f"must be at most ${MAX_BASE:,} a year")
    return amount


class Vesting:
    """A vesting schedule by year: ``shares[k - 1]`` of a grant vests in its k-th year (the
    shares are exact fractions summing to 1). A value: equal to any with the same name,
    shares and description. (A plain class, not a dataclass: importing :mod:`dataclasses`
    costs half an interpreter's start-up, and ``offer --stock`` must answer in three.)"""

    __slots__ = ("description", "name", "shares")

    def __init__(self, name: str, shares: tuple[Exact, ...], description: str) -> None:
        self.name = name
        self.shares = shares
        self.description = description

    def _key(self) -> tuple[str, tuple[Exact, ...], str]:
        return self.name, self.shares, self.description

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vesting) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Vesting(name={self.name!r}, shares={self.shares!r}, description={self.description!r})"
        )


def _schedule(name: str, percents: tuple[int, ...], description: str) -> Vesting:
    return Vesting(name, tuple(Exact(part, 100) for part in percents), description)


EVEN = _schedule("even", (25, 25, 25, 25), "25% a year for 4 years")
FRONT = _schedule("front", (33, 33, 22, 12), "33%, 33%, 22%, 12%: front-loaded")
BACK = _schedule("back", (5, 15, 40, 40), "5%, 15%, 40%, 40%: back-loaded")
CLIFF = _schedule(
    "cliff",
    (25, 25, 25, 25),
    "nothing before the first anniversary, 25% on it, then monthly over 3 years:"
    " by year the same as even",
)
PRESETS = {schedule.name: schedule for schedule in (EVEN, FRONT, BACK, CLIFF)}
_VEST_RULE = f"must be {', '.join(PRESETS)} or yearly percentages summing to 100: 10,20,30,40"


def parse_vest(text: str) -> Vesting:
    """A vesting schedule: a preset (``even``, the default; ``front``, ``back``, ``cliff``;
    see :data:`PRESETS`) or yearly percentages (``10,20,30,40``: 1 to 10 years, each 0 or
    more, ``%`` optional, summing to exactly 100)."""
    cleaned = text.strip().lower()
    preset = PRESETS.get(cleaned)
    if preset is not None:
        return preset
    if "," not in cleaned and not cleaned.rstrip("%").replace(".", "").isdigit():
        raise ValueRefused(text, _VEST_RULE)
    parts = [part.strip() for part in cleaned.split(",")]
    if not 1 <= len(parts) <= MAX_VEST_YEARS:
        rule = f"has {len(parts)} yearly parts; a schedule has 1 to {MAX_VEST_YEARS}"
        raise ValueRefused(text, rule)
    shares = []
    for part in parts:
        try:
            share = _percentage(part, points=True)
        except ValueRefused:
            shown = f"{amount_shown(part)} is not" if part else "an empty part is not"
            raise ValueRefused(text, f"must be percentages: {shown} one") from None
        if share < 0:
            raise ValueRefused(text, f"has a negative part ({part}); each is 0 or more")
        shares.append(share)
    total = sum(shares, Exact(0))
    if total != 1:
        raise ValueRefused(text, f"sums to {percent(total).removesuffix('%')}, not 100")
    name = ",".join(percent(share).removesuffix("%") for share in shares)
    years = "year 1" if len(shares) == 1 else f"years 1 to {len(shares)}"
    description = f"{', '.join(percent(share) for share in shares)} in {years}"
    return Vesting(name, tuple(shares), description)
