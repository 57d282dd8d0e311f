"""techpay's tax tables against taxsim-py itself (in the dev extra): at 1,000 random wages
from $0 to $3,000,000 per state and filing status, every tax within $5 (the README states
the largest difference measured: ``python tests/test_tax_tables.py`` prints it)."""

from __future__ import annotations

import random

import pytest

from techpay.official import taxes
from techpay.official.worth import Worth

WAGES = 1_000
TOP = 3_000_000
WITHIN = 5.0


def differences(state: str, filing: str, seed: int) -> dict[str, float]:
    """The largest difference of each tax, techpay's tables against taxsim-py."""
    polars = pytest.importorskip("polars")
    taxsim = pytest.importorskip("taxsim_py")
    drawn = random.Random(seed)
    wages = sorted(drawn.randint(0, TOP) for _ in range(WAGES))
    joint = filing == "joint"
    frame = polars.DataFrame({
        "year": taxes.YEAR, "state": taxes.STATE_FIPS[state], "mstat": 2 if joint else 1,
        "page": 30, "sage": 30 if joint else 0, "pwages": [float(w) for w in wages],
    })  # fmt: skip
    out = taxsim.calculate_taxes(frame, state_id_type="fips")
    fica, addmed = out["fica"].to_list(), out["addmed"].to_list()
    medicare = [w * 0.0145 + extra for w, extra in zip(wages, addmed, strict=True)]
    expected = {
        "federal": out["fiitax"].to_list(),
        "state": out["siitax"].to_list(),
        "medicare": medicare,
        "social_security": [(both - extra) / 2 + extra - m
                            for both, extra, m in zip(fica, addmed, medicare, strict=True)],
    }  # fmt: skip
    plan = Worth(filing).plan(state)
    return {
        kind: max(
            abs(taxes.at(plan[kind], w) / 100 - want) for w, want in zip(wages, values, strict=True)
        )
        for kind, values in expected.items()
    }


@pytest.mark.parametrize("filing", taxes.FILINGS)
@pytest.mark.parametrize("state", sorted(taxes.STATE_FIPS))
def test_the_tables_give_taxsims_taxes_within_5_dollars(state, filing):
    seed = sorted(taxes.STATE_FIPS).index(state) * 2 + taxes.FILINGS.index(filing)
    found = differences(state, filing, seed)
    assert max(found.values()) <= WITHIN, found


if __name__ == "__main__":  # the largest difference, for the README
    largest = max(
        (max(differences(state, filing, i).values()), state, filing)
        for i, (state, filing) in enumerate(
            (state, filing) for state in sorted(taxes.STATE_FIPS) for filing in taxes.FILINGS
        )
    )
    print(f"largest difference: ${largest[0]:.2f} ({largest[1]}, {largest[2]})")
