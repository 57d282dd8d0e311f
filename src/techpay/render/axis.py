"""The dollar axis of the salary chart: its scale, its ticks and their labels, and how
amounts are written (``$150,000``, ``$150k``). No Rich here: ``chart --json`` gives the
ticks without drawing anything."""

from __future__ import annotations

from techpay.core.queries import currency_order

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from techpay.core.records import RoleRecord, SalaryRecord

_SYMBOLS = {"USD": "$"}
NICE_STEPS = (1, 2, 2.5, 5)  # tick steps are these times a power of ten, from $1k up
FIRST_STEP_POWER = 3


class Scale:
    """Maps amounts onto ``width`` columns between ``low`` and ``high``.

    The tick step is the finest round step whose every tick label fits under its tick
    without touching the next one; so the number of ticks is bounded by the width, whatever
    the amounts are.
    """

    def __init__(self, salaries: Sequence[SalaryRecord], width: int, currency: str = "USD") -> None:
        lowest = min(salary["min"] for salary in salaries)
        highest = max(salary["max"] for salary in salaries)
        if any(salary["open_ended"] for salary in salaries):
            highest += max((highest - lowest) // 5, 1)  # room to show a range runs on
        self.width = max(width, 2)
        self.currency = currency
        for step in _round_steps(max(highest - lowest, 1)):
            self._use_step(step, lowest, highest)
            if self.ticks_fit():
                break

    def _use_step(self, step: int, lowest: int, highest: int) -> None:
        self.step = step
        self.low = lowest // step * step
        self.high = -(-highest // step) * step  # rounded up, in integers: exact at any size
        if self.high == self.low:
            self.high += step

    def column(self, amount: int) -> int:
        fraction = (amount - self.low) / (self.high - self.low)
        return min(self.width - 1, max(0, round(fraction * (self.width - 1))))

    def ticks(self) -> list[int]:
        return list(range(self.low, self.high + 1, self.step))

    def ticks_fit(self) -> bool:
        """Every tick gets its label (there are never more ticks than half the columns)."""
        count = (self.high - self.low) // self.step + 1
        return count <= self.width // 2 and len(tick_labels(self)) == count


def _round_steps(span: int) -> Iterator[int]:
    """1k, 2k, 2.5k, 5k, 10k, 20k, ...: until one step covers the whole span, then once more
    (the coarsest: at most three ticks)."""
    power = 10**FIRST_STEP_POWER
    while True:
        for factor in NICE_STEPS:
            step = int(factor * power)
            yield step
            if step >= span * 2:
                return
        power *= 10


def tick_labels(scale: Scale) -> list[tuple[int, int, str]]:
    """``(tick column, label start, label)`` for each tick whose label fits: centred under
    it, kept inside the axis, and a column clear of the previous label."""
    placed: list[tuple[int, int, str]] = []
    free_from = 0
    for amount in scale.ticks():
        column = scale.column(amount)
        label = short_money(amount, scale.currency)
        start = min(max(0, column - len(label) // 2), scale.width - len(label))
        if start >= free_from and start >= 0:
            placed.append((column, start, label))
            free_from = start + len(label) + 1
    return placed


def title_width(roles: Sequence[RoleRecord], width: int) -> int:
    """For a chart ``width`` columns wide: how wide the titles are drawn."""
    return min(max(len(role["title"]) for role in roles), max(8, width // 3))


def by_currency(roles: Sequence[RoleRecord]) -> dict[str, list[RoleRecord]]:
    """The roles grouped by the currency they are paid in, USD first, then by code; each
    group keeps the roles' order."""
    groups: dict[str, list[RoleRecord]] = {}
    for role in roles:
        groups.setdefault(role["salary"]["currency"], []).append(role)
    return dict(sorted(groups.items(), key=lambda group: currency_order(group[0])))


JSON_COLUMNS = 80  # chart --json gives the axis as drawn this wide, whatever the terminal


def axis_ticks(roles: Sequence[RoleRecord], width: int = JSON_COLUMNS) -> list[int]:
    """The amounts the axis marks when the chart of ``roles`` is ``width`` columns wide (the
    first axis drawn, USD's, when the roles are paid in several currencies)."""
    if not roles:
        return []
    label_width = title_width(roles, width)
    currency, first = next(iter(by_currency(roles).items()))
    return Scale([role["salary"] for role in first], width - label_width - 1, currency).ticks()


def money(amount: int, currency: str = "USD") -> str:
    """``150000`` -> ``$150,000``; other currencies keep their code: ``EUR 150,000``."""
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{amount:,}" if symbol else f"{currency} {amount:,}"


def short_money(amount: int, currency: str = "USD") -> str:
    """``$150k`` or ``$1.2m``: an amount in thousands or millions, for ticks and narrow
    columns."""
    symbol = _SYMBOLS.get(currency, f"{currency} ")
    if amount == 0:
        return f"{symbol}0"
    if amount >= 1_000_000:
        return f"{symbol}{amount / 1_000_000:g}m"
    return f"{symbol}{amount / 1000:g}k"
