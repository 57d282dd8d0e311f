"""techpay's tax tables against taxsim-py itself (in the dev extra): at 1,000 random wages
from $0 to $3,000,000 per state and filing status, every tax within $5 (the README states
the largest difference measured: ``python tests/test_tax_tables.py`` prints it)."""

from __future__ import annotations

import functools
import random

import pytest

from techpay.official import taxes
from techpay.official.worth import Worth

WAGES = 1_000
TOP = 3_000_000
WITHIN = 5.0


@functools.cache
def computed(filing: str) -> dict[str, tuple[list[int], dict[str, list[float]]]]:
    """taxsim-py's taxes at 1,000 random wages in every state for ``filing``: one call."""
    polars = pytest.importorskip("polars")
    taxsim = pytest.importorskip("taxsim_py")
    states = sorted(taxes.STATE_FIPS)
    drawn = {
        state: sorted(random.Random(f"{state} {filing}").randint(0, TOP) for _ in range(WAGES))
        for state in states
    }
    joint = filing == "joint"
    frame = polars.DataFrame({
        "year": taxes.YEAR, "mstat": 2 if joint else 1, "page": 30, "sage": 30 if joint else 0,
        "state": [taxes.STATE_FIPS[state] for state in states for _ in range(WAGES)],
        "pwages": [float(w) for state in states for w in drawn[state]],
    })  # fmt: skip
    out = taxsim.calculate_taxes(frame, state_id_type="fips")
    wages = [w for state in states for w in drawn[state]]
    fica, addmed = out["fica"].to_list(), out["addmed"].to_list()
    medicare = [w * 0.0145 + extra for w, extra in zip(wages, addmed, strict=True)]
    every = {
        "federal": out["fiitax"].to_list(),
        "state": out["siitax"].to_list(),
        "medicare": medicare,
        "social_security": [(both - extra) / 2 + extra - m
                            for both, extra, m in zip(fica, addmed, medicare, strict=True)],
    }  # fmt: skip
    return {
        state: (drawn[state], {kind: values[at * WAGES : (at + 1) * WAGES]
                               for kind, values in every.items()})
        for at, state in enumerate(states)
    }  # fmt: skip


def differences(state: str, filing: str) -> dict[str, float]:
    """The largest difference of each tax, techpay's tables against taxsim-py."""
    wages, expected = computed(filing)[state]
    plan = Worth(filing).plan(state)
    return {
        kind: max(abs(taxes.at(plan[kind], w) / 100 - want)
                  for w, want in zip(wages, values, strict=True))
        for kind, values in expected.items()
    }  # fmt: skip


@pytest.mark.parametrize("filing", taxes.FILINGS)
@pytest.mark.parametrize("state", sorted(taxes.STATE_FIPS))
def test_the_tables_give_taxsims_taxes_within_5_dollars(state, filing):
    found = differences(state, filing)
    assert max(found.values()) <= WITHIN, found


if __name__ == "__main__":  # the largest difference, for the README
    largest = max(
        (max(differences(state, filing).values()), state, filing)
        for state in sorted(taxes.STATE_FIPS)
        for filing in taxes.FILINGS
    )
    print(f"largest difference: ${largest[0]:.2f} ({largest[1]}, {largest[2]})")
