"""What pay is worth in a place: its taxes (tax year 2025) and its housing index (2024).

A place is taxed as living in its state; a metro area spanning states in the state its name
names first (New York-Newark-Jersey City, NY-NJ: New York), unless the user names another;
the nation with no state income tax. Take-home over the housing index is "in US-average
housing dollars": an estimate from two sources, to the nearest $100.
"""

from __future__ import annotations

from techpay.core.errors import UsageError
from techpay.official import housing, taxes

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Mapping
    from typing import Any

    from techpay.core.records import AreaRecord, HousingRecord, WorthRecord
    from techpay.official.taxes import Points

# What the take-home and housing figures are not, said by 'about' beside the official caveats.
CAVEATS = (
    "Take-home is for tax year 2025 and a single earner with wages only: local income taxes,"
    " state payroll contributions (California SDI...), pre-tax deductions and credits for"
    " dependants are not counted.",
    "The housing index is the Census Bureau's SPM adjustment for renters (2024), made for"
    " poverty-line budgets: a guide to what housing costs, not a cost-of-living index; after"
    " housing is take-home over it, not take-home less rent.",
)
ESTIMATE_STEP = 100  # take-home after housing, and equivalent pay, to the nearest $100
NO_STATE_TAX = "no state income tax counted: name a place (--in) for its state's"


def tax_state_option(value: str | None) -> str | None:
    """``--tax-state``: a state's or DC's postal code, any case."""
    if value is None:
        return None
    postal = value.strip().upper()
    if postal not in taxes.STATE_FIPS:
        raise UsageError(
            f"--tax-state: {value!r} is not the postal code of a state or DC (CA, NY, TX...)"
        )
    return postal


def filing_option(value: str) -> str:
    """``--filing``: single, or joint (married filing jointly, one earner)."""
    filing = value.strip().lower()
    if filing not in taxes.FILINGS:
        raise UsageError(f"--filing: {value!r} is not single or joint")
    return filing


def tax_state(area: AreaRecord) -> tuple[str | None, str | None]:
    """The state whose income tax applies in an area, and a note when that is a choice
    (a metro area spanning states). None for the nation."""
    if area["type"] == "national":
        return None, None
    named = area["name"].rsplit(",", 1)[-1].split()[0] if "," in area["name"] else ""
    states = [part for part in named.split("-") if len(part) == 2 and part.isupper()]
    if area["type"] == "metro" and len(states) > 1:
        others = ", ".join(states[1:])
        return states[0], f"taxed as living in {states[0]}, the state named first (not {others})"
    return (states[0] if states else area["postal"]), None


class Worth:
    """Taxes and housing for one filing status, the tables opened once."""

    def __init__(self, filing: str = "single", override: str | None = None) -> None:
        self.filing = filing
        self.override = override
        self.tables: sqlite3.Connection = taxes.open_tables()
        self._plans: dict[str | None, Mapping[str, Points]] = {}
        self._housing: housing.Figures | None = None

    def plan(self, state: str | None) -> Mapping[str, Points]:
        """Each tax's points in ``state`` (None: no state income tax), read once."""
        if None not in self._plans:
            self._plans[None] = taxes.schedule(self.tables, None, self.filing)
        if state not in self._plans:
            nation = self._plans[None]
            self._plans[state] = taxes.schedule(self.tables, state, self.filing, nation)
        return self._plans[state]

    def every_state(self) -> None:
        """Read every state's tables at once, for an answer about every state."""
        found = taxes.every_state(self.tables, self.filing)
        nation = found.get(taxes.NATION, {})
        self._plans[None] = taxes.schedule(self.tables, None, self.filing, nation, {})
        for state in taxes.STATE_FIPS:
            local = found.get(state, {})
            self._plans[state] = taxes.schedule(self.tables, state, self.filing, nation, local)

    def state_of(self, area: AreaRecord) -> tuple[str | None, str | None, str | None]:
        """The state taxing an area, a note on the choice, and why there is no tax figure
        (a territory)."""
        if self.override is not None and area["type"] != "national":
            return self.override, f"taxed as living in {self.override} (--tax-state)", None
        state, note = tax_state(area)
        if state is not None and state not in taxes.STATE_FIPS:
            return None, None, f"no tax tables for {area['name']}: they cover the 50 states and DC"
        return state, note, None

    def in_area(self, area: AreaRecord, wages: int) -> WorthRecord:
        """The taxes on ``wages`` in an area, its housing index, and take-home over it."""
        state, note, untaxed = self.state_of(area)
        tax = None if untaxed else taxes.taxes_on(self.plan(state), wages, state, self.filing)
        if tax is not None and state is None:
            note = NO_STATE_TAX
        found = self.housing(area)
        after, unhoused = None, None
        if found is None:
            unhoused = f"Census publishes no housing index for {area['name']}"
        elif tax is not None:
            after = to_step(tax["take_home"] / found["index"])
        return {
            "tax": tax,
            "tax_note": note,
            "tax_absent": untaxed,
            "housing": found,
            "housing_absent": unhoused,
            "after_housing": after,
        }

    def housing(self, area: AreaRecord) -> HousingRecord | None:
        """An area's housing index (None for a territory: Census publishes none)."""
        if area["type"] == "national":
            return housing.national()
        if self._housing is None:
            self._housing = housing.Figures(self.tables)
        return self._housing.of(area, taxes.STATE_FIPS.get(area["postal"] or ""))

    def equivalent(self, area: AreaRecord, wanted_after_housing: float) -> int | None:
        """The least pay in an area whose take-home over its housing index reaches
        ``wanted_after_housing``, rounded up to a whole $100 (so that it is enough); None
        where it cannot be computed."""
        state, _, untaxed = self.state_of(area)
        found = self.housing(area)
        if untaxed or found is None:
            return None
        wages = taxes.wages_for(self.plan(state), wanted_after_housing * found["index"])
        return None if wages is None else -(-wages // ESTIMATE_STEP) * ESTIMATE_STEP


def to_step(amount: float) -> int:
    """An estimate to the nearest $100."""
    return round(amount / ESTIMATE_STEP) * ESTIMATE_STEP


def provenance() -> dict[str, Any]:
    """Where the tax tables and housing figures come from, for ``about`` and ``official
    status``: package, version, SHA-256 of its wheel, source document, year."""
    facts = taxes.provenance(taxes.open_tables())
    return {
        "taxes": {
            "source": facts["tax_source"],
            "wheel_sha256": facts["tax_wheel_sha256"],
            "tax_year": int(facts["tax_year"]),
            "largest_difference": facts["tax_largest_difference"],
        },
        "housing": {
            "source": facts["housing_source"],
            "source_url": facts["housing_source_url"],
            "year": int(facts["housing_year"]),
            "package": facts["housing_package"],
            "wheel_sha256": facts["housing_wheel_sha256"],
        },
        "not": list(CAVEATS),
    }
