"""core.exact.Exact against fractions.Fraction: the same values, operations and rounding."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay.core.exact import Exact

numbers = st.tuples(st.integers(-(10**6), 10**6), st.integers(1, 10**4))
decimals = st.decimals(min_value=-(10**6), max_value=10**6, allow_nan=False, places=4)


def both(pair: tuple[int, int]) -> tuple[Exact, Fraction]:
    return Exact(*pair), Fraction(*pair)


@given(numbers, numbers)
def test_the_operations_agree_with_fraction(left, right):
    (a, fa), (b, fb) = both(left), both(right)
    assert a + b == fa + fb
    assert a - b == fa - fb
    assert a * b == fa * fb
    if fb:
        assert a / b == fa / fb
    assert (a < b, a <= b, a > b, a >= b) == (fa < fb, fa <= fb, fa > fb, fa >= fb)
    assert 3 * a - 2 == 3 * fa - 2
    assert float(a) == float(fa)


@given(numbers, st.integers(0, 12))
def test_powers_and_rounding_agree_with_fraction(pair, power):
    exact, fraction = both(pair)
    assert exact**power == fraction**power
    assert round(exact) == round(fraction)  # half to even
    assert round(exact * 1000) == round(fraction * 1000)


@given(decimals)
def test_a_decimal_is_read_as_written(number):
    assert Exact.decimal(str(number)) == Fraction(str(number))
    assert Exact.decimal(repr(float(number))) == Fraction(repr(float(number)))


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.05", Fraction(1, 20)), ("1e-05", Fraction(1, 100_000)), ("-2.5", Fraction(-5, 2)),
     ("+3", 3), ("1.5E2", 150)],
)  # fmt: skip
def test_decimals_people_and_python_write(text, value):
    assert Exact.decimal(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "nan", "inf", "١٢", "--1", "1e", "1e99999"])
def test_what_is_not_a_decimal_is_refused(text):
    with pytest.raises(ValueError, match="not a decimal number"):
        Exact.decimal(text)
