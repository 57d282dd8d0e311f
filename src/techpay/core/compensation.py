"""An offer's pay year by year (base, bonus, sign-on bonus, vesting equity), and how offers
compare as the years add up: which leads each year, and when one overtakes another.

The standard library only. The arithmetic is exact (:class:`~techpay.core.exact.Exact`),
and each figure is rounded to whole dollars once, half a dollar up (as the taxes are), at
the end: a rate is taken as the decimal it prints as (a ``raise_`` of ``0.05`` is 5/100, not
the binary float nearest it), so a figure that comes to exactly half a dollar rounds as the
arithmetic says. Equity is rounded as it adds up, so that a grant's years add up to it.
"""

from __future__ import annotations

from techpay.core.exact import Exact
from techpay.core.terms import EVEN, percent

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from techpay.core.records import Crossover, OfferYear
    from techpay.core.terms import Bonus, Vesting

MAX_YEARS = 10


def _whole(amount: Exact) -> int:
    """To whole dollars, half a dollar up (amounts here are never negative)."""
    quotient, remainder = divmod(amount.numerator, amount.denominator)
    return quotient + (2 * remainder >= amount.denominator)


def _exact(rate: float) -> Exact:
    """A rate as the decimal it prints as: ``0.05`` -> 1/20."""
    return Exact(rate) if isinstance(rate, int) else Exact.decimal(repr(rate))


def _check(
    base: int, bonus: Bonus | None, amounts: Mapping[str, int], rates: Mapping[str, float]
) -> None:
    """Refuse what no offer can be, naming the option: ``--stock must be at least 0, not -1``."""
    import math

    for name, amount in {"base": base, **amounts}.items():
        if amount < 0:
            raise ValueError(f"{name} must be at least 0, not {amount:,}")
    for name, rate in rates.items():
        if not math.isfinite(rate):
            raise ValueError(f"{name} must be a percentage, not {rate}")
        if rate < -1:
            raise ValueError(f"{name} must be at least -100%, not {percent(rate)}")
    if bonus is not None:
        kind, value = bonus
        if kind not in ("amount", "share"):
            raise ValueError(f"a bonus is an amount or a share of the base, not {kind!r}")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"--bonus must be at least 0, not {value}")


def plan(
    base: int,
    *,
    bonus: Bonus | None = None,
    sign_on: int = 0,
    stock: int = 0,
    vest: Vesting = EVEN,
    refresh: int = 0,
    raise_: float = 0.0,
    stock_growth: float = 0.0,
    years: int = 4,
) -> list[OfferYear]:
    """An offer's pay in each of its first ``years`` years (1 to :data:`MAX_YEARS`).

    - ``base`` in year k is ``base * (1 + raise_) ** (k - 1)``;
    - ``bonus`` is ``("amount", dollars)``, the same each year, or ``("share", fraction)``
      of that year's base (see :func:`techpay.core.terms.parse_bonus`);
    - ``sign_on`` is paid in year 1 only;
    - ``stock`` is a grant's value when granted, at the start of year 1: ``vest.shares[i]``
      of it vests in year i + 1 (nothing once the schedule ends; the horizon cuts a longer
      schedule), valued at the grant's price times ``(1 + stock_growth) ** i``;
    - ``refresh`` is a grant of that value at each anniversary (the start of years 2, 3,
      ...), vesting on the same schedule from its own year at its own year's price: a
      refresh granted in year j vests ``refresh * vest.shares[k - j] * (1 + stock_growth)
      ** (k - j)`` in year k.

    Each figure is rounded to whole dollars, half a dollar up; equity as it accrues (a
    year's is the running total rounded less the year before's, so the years of a grant add
    up to it, each within a dollar of its share); ``total`` is the sum of the rounded
    figures, so a row adds up as shown. Raises :class:`ValueError` (one line, naming
    the option) for ``years`` outside 1 to 10, a negative amount, or a rate below -100%.
    """
    if isinstance(years, bool) or not 1 <= years <= MAX_YEARS:
        raise ValueError(f"--years must be 1 to {MAX_YEARS}, not {years}")
    amounts = {"--sign-on": sign_on, "--stock": stock, "--refresh": refresh}
    _check(base, bonus, amounts, {"--raise": raise_, "--stock-growth": stock_growth})
    raised, grown = 1 + _exact(raise_), 1 + _exact(stock_growth)
    shares = vest.shares
    # (the year granted, the value when granted): the grant, then a refresh each anniversary
    grants = [(1, stock)] + [(year, refresh) for year in range(2, years + 1) if refresh]
    rows: list[OfferYear] = []
    accrued, shown = Exact(0), 0  # the equity so far, exact and as shown
    for year in range(1, years + 1):
        year_base = base * raised ** (year - 1)
        if bonus is None:
            year_bonus = Exact(0)
        elif bonus[0] == "share":
            year_bonus = _exact(bonus[1]) * year_base
        else:
            year_bonus = _exact(bonus[1])
        equity = sum(
            (
                value * shares[year - granted] * grown ** (year - granted)
                for granted, value in grants
                if granted <= year and year - granted < len(shares)
            ),
            Exact(0),
        )
        accrued += equity
        vested = _whole(accrued) - shown
        shown += vested
        paid = (_whole(year_base), _whole(year_bonus), sign_on if year == 1 else 0, vested)
        rows.append(
            {
                "year": year,
                "base": paid[0],
                "bonus": paid[1],
                "sign_on": paid[2],
                "equity": paid[3],
                "total": sum(paid),
            }
        )
    return rows


def cumulative(rows: Sequence[OfferYear]) -> list[int]:
    """The running total of an offer's pay: after year 1, after year 2, ..."""
    totals, running = [], 0
    for row in rows:
        running += row["total"]
        totals.append(running)
    return totals


def _years(cumulative: Mapping[str, Sequence[int]]) -> int:
    """How many years every offer's line covers; a ValueError unless they all cover the same."""
    lengths = {len(line) for line in cumulative.values()}
    if len(lengths) > 1:
        raise ValueError(f"every offer needs the same years, not {sorted(lengths)}")
    return lengths.pop() if lengths else 0


def leaders(cumulative: Mapping[str, Sequence[int]]) -> list[str | None]:
    """Which offer leads in each year by cumulative pay (``cumulative`` maps each offer's
    name to its running totals, :func:`cumulative`): its name, or None where two or more
    share the lead. No offers, no years: ``[]``."""
    leading: list[str | None] = []
    for index in range(_years(cumulative)):
        best = max(line[index] for line in cumulative.values())
        at_best = [name for name, line in cumulative.items() if line[index] == best]
        leading.append(at_best[0] if len(at_best) == 1 else None)
    return leading


def crossovers(cumulative: Mapping[str, Sequence[int]]) -> list[Crossover]:
    """Each time one offer's cumulative pay overtakes another's: the year (2 or later) it
    is above the other's, having been below or equal the year before. Lines that cross more
    than once give a crossover each time; an offer ahead from year 1 overtakes nobody then.
    In order of year, then of the offers as given."""
    found: list[Crossover] = []
    names = list(cumulative)
    for index in range(1, _years(cumulative)):
        for name in names:
            line = cumulative[name]
            for other in names:
                before, now = cumulative[other][index - 1], cumulative[other][index]
                if other != name and line[index] > now and line[index - 1] <= before:
                    found.append({"offer": name, "overtakes": other, "year": index + 1})
    return found
