"""Exact rational numbers for the terms of an offer, without :mod:`fractions`.

:class:`fractions.Fraction` imports :mod:`decimal` and compiles a regular expression when
imported: about 2.5 ms of every ``offer --stock`` and ``offers`` run, a quarter of an
interpreter's start-up. An offer needs far less: numbers read from decimals (``5%``,
``2.5``, ``1e-05``), the four operations, whole powers, comparisons and rounding half to
even. :class:`Exact` does that with two integers, and compares equal to a ``Fraction`` (or
any number with ``numerator`` and ``denominator``) of the same value.
"""

from __future__ import annotations

from math import gcd


class Exact:
    """``numerator / denominator`` in lowest terms, the denominator positive."""

    __slots__ = ("denominator", "numerator")

    def __init__(self, numerator: int, denominator: int = 1) -> None:
        if denominator == 0:
            raise ZeroDivisionError("Exact with a zero denominator")
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        common = gcd(numerator, denominator)
        self.numerator = numerator // common
        self.denominator = denominator // common

    @classmethod
    def decimal(cls, text: str) -> Exact:
        """The value of a decimal as written: ``"0.05"`` -> 1/20, ``"-2.5"``, ``"1e-05"``."""
        mantissa, marked, exponent = text.strip().lower().partition("e")
        sign = mantissa[:1] if mantissa[:1] in ("+", "-") else ""
        whole, _, fraction = mantissa[len(sign) :].partition(".")
        digits = whole + fraction
        exponent_digits = exponent.removeprefix("-").removeprefix("+")
        if not (digits.isascii() and digits.isdigit()) or (
            marked and not (exponent_digits.isascii() and exponent_digits.isdigit())
        ):
            raise ValueError(f"not a decimal number: {text!r}")
        if len(exponent_digits) > 3:  # 10 ** 1000 and beyond: no rate of an offer
            raise ValueError(f"not a decimal number of a sensible size: {text!r}")
        numerator = int(sign + digits)
        power = int(exponent or 0) - len(fraction)
        if power >= 0:
            return cls(numerator * 10**power)
        return cls(numerator, 10**-power)

    def _pair(self, other: object) -> tuple[int, int] | None:
        if isinstance(other, int):
            return other, 1
        numerator = getattr(other, "numerator", None)
        denominator = getattr(other, "denominator", None)
        if isinstance(numerator, int) and isinstance(denominator, int):
            return numerator, denominator
        return None

    def __add__(self, other: Exact | int) -> Exact:
        n, d = _as_pair(self, other)
        return Exact(self.numerator * d + n * self.denominator, self.denominator * d)

    __radd__ = __add__

    def __sub__(self, other: Exact | int) -> Exact:
        n, d = _as_pair(self, other)
        return Exact(self.numerator * d - n * self.denominator, self.denominator * d)

    def __rsub__(self, other: Exact | int) -> Exact:
        return -(self - other)

    def __mul__(self, other: Exact | int) -> Exact:
        n, d = _as_pair(self, other)
        return Exact(self.numerator * n, self.denominator * d)

    __rmul__ = __mul__

    def __truediv__(self, other: Exact | int) -> Exact:
        n, d = _as_pair(self, other)
        return Exact(self.numerator * d, self.denominator * n)

    def __rtruediv__(self, other: Exact | int) -> Exact:
        n, d = _as_pair(self, other)
        return Exact(n * self.denominator, d * self.numerator)

    def __pow__(self, power: int) -> Exact:
        if power < 0:
            return Exact(self.denominator**-power, self.numerator**-power)
        return Exact(self.numerator**power, self.denominator**power)

    def __neg__(self) -> Exact:
        return Exact(-self.numerator, self.denominator)

    def __abs__(self) -> Exact:
        return Exact(abs(self.numerator), self.denominator)

    def _compare(self, other: object) -> int | None:
        pair = self._pair(other)
        if pair is None:
            return None
        left, right = self.numerator * pair[1], pair[0] * self.denominator
        return (left > right) - (left < right)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, float):
            return float(self) == other
        return self._compare(other) == 0

    def __lt__(self, other: Exact | int) -> bool:
        return _ordered(self, other) < 0

    def __le__(self, other: Exact | int) -> bool:
        return _ordered(self, other) <= 0

    def __gt__(self, other: Exact | int) -> bool:
        return _ordered(self, other) > 0

    def __ge__(self, other: Exact | int) -> bool:
        return _ordered(self, other) >= 0

    def __hash__(self) -> int:
        return (
            hash(self.numerator)
            if self.denominator == 1
            else hash((self.numerator, self.denominator))
        )

    def __float__(self) -> float:
        return self.numerator / self.denominator

    def __bool__(self) -> bool:
        return self.numerator != 0

    def __round__(self) -> int:
        """To the nearest whole number, half to even (as ``round`` does)."""
        quotient, remainder = divmod(self.numerator, self.denominator)
        twice = 2 * remainder
        if twice > self.denominator or (twice == self.denominator and quotient % 2):
            quotient += 1
        return quotient

    def __repr__(self) -> str:
        return f"Exact({self.numerator}, {self.denominator})"


def _as_pair(exact: Exact, other: object) -> tuple[int, int]:
    pair = exact._pair(other)
    if pair is None:
        raise TypeError(f"cannot combine Exact with {type(other).__name__}")
    return pair


def _ordered(exact: Exact, other: object) -> int:
    found = exact._compare(other)
    if found is None:
        raise TypeError(f"cannot compare Exact with {type(other).__name__}")
    return found
