"""The plain-data shape of a validated dataset: JSON-ready dicts and lists.

``techpay.core.models`` validates a data file and dumps it into these shapes; everything after
loading (queries, rendering, the ``--json`` output) works on them. They need neither pydantic
nor any other import at run time, so the fast paths can use them straight from a cache.
Hot modules import this one only for type checking.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict


class SalaryRecord(TypedDict):
    min: int
    max: int
    currency: str
    open_ended: bool
    stated: str | None
    note: str | None


class SkillRecord(TypedDict):
    text: str
    tags: list[str]


class OccupationRecord(TypedDict):
    code: str
    title: str
    match: str  # high | medium | low
    pay_code: str | None
    note: str | None
    url: str | None


class RoleRecord(TypedDict):
    id: str
    rank: int | None
    title: str
    aliases: list[str]
    clusters: list[str]
    summary: str | None
    salary: SalaryRecord
    why_it_pays: str | None
    responsibilities: list[str]
    responsibility_tags: dict[str, list[str]]  # ours: a responsibility's text -> its tags
    skills: list[SkillRecord]
    occupation: OccupationRecord | None
    origin: NotRequired[str]  # set by the loader: the file the role came from, or "bundled"
    # set by the loader from the official data: the national figures of the role's occupation
    official: NotRequired[EstimateRecord | None]


class SourceRecord(TypedDict):
    title: str
    provenance: str | None  # what is known of who published it and when
    year: int | None
    region: str | None
    figures: str | None
    ours: list[str]
    official: str | None
    attribution: str | None
    caveats: list[str]


class DatasetRecord(TypedDict):
    source: SourceRecord | None
    meta_skills: list[str]
    clusters: dict[str, str]
    synonyms: dict[str, str]
    roles: list[RoleRecord]


class SalaryDifference(TypedDict):
    """How one role's salary differs from the baseline role's (other minus baseline).

    In different currencies the figures are None and ``not_comparable`` says why.
    """

    id: str
    currency: str | None
    min: int | None
    max: int | None
    midpoint: int | None
    min_percent: float | None
    max_percent: float | None
    midpoint_percent: float | None
    not_comparable: str | None


class TagComparison(TypedDict):
    shared: list[str]
    unique: dict[str, list[str]]


class Comparison(TypedDict):
    baseline: str
    roles: list[RoleRecord]
    salary_differences: list[SalaryDifference]
    tags: TagComparison


class RoleMatch(TypedDict):
    """How much of one role's skill set a person already has."""

    id: str
    title: str
    coverage: float  # matched tags / the role's tags, in percent
    matched: list[str]
    missing: list[str]
    salary: SalaryRecord


class UnknownSkill(TypedDict):
    skill: str
    suggestions: list[str]


class NamedRoles(TypedDict):
    """A word typed into ``match`` that names roles (a cluster id, a role's name)."""

    name: str
    roles: list[str]


class MatchResult(TypedDict):
    skills: list[str]  # what was typed, as tags (synonyms applied)
    unknown: list[UnknownSkill]
    named: list[NamedRoles]
    matches: list[RoleMatch]


class CareerPath(TypedDict):
    """What moving from one role to another means."""

    from_id: str
    to_id: str
    keep: list[str]
    gain: list[str]
    leave: list[str]
    new_responsibilities: list[str]
    salary: SalaryDifference


class SkillDemand(TypedDict):
    tag: str
    roles: list[str]


class RelatedRole(TypedDict):
    id: str
    title: str
    similarity: float  # Jaccard index of the two roles' skill tags
    shared: list[str]


# The official wage statistics (BLS OEWS), as techpay's bundle gives them.


class AreaRecord(TypedDict):
    code: str  # BLS area code, 7 digits: 0000000 is the nation
    type: str  # national | state | metro (metropolitan or nonmetropolitan area)
    name: str
    postal: str | None  # the state's postal code (for a metro, its main state's)


class AnnualWages(TypedDict):
    """Annual wages in US dollars; None where BLS gives no number (see ``absent``)."""

    p10: int | None
    p25: int | None
    median: int | None
    p75: int | None
    p90: int | None
    mean: int | None


class HourlyWages(TypedDict):
    """Hourly wages in US dollars (BLS gives cents); None where BLS gives no number."""

    p10: float | None
    p25: float | None
    median: float | None
    p75: float | None
    p90: float | None
    mean: float | None


class AbsentFigure(TypedDict):
    footnote: int  # BLS footnote code: 5 top-coded, 8 not released, 4 hourly only
    reason: str  # BLS's words
    # For a top-coded annual wage, the least it can be: the larger of BLS's top code
    # ($239,200) and the highest percentile published below it in the same estimate.
    at_least: int | None


class EstimateRecord(TypedDict):
    """One occupation in one area, as BLS published it in one release."""

    source: str
    release: str
    occupation: dict[str, str]  # code (SOC, like 15-1252) and title
    area: AreaRecord
    employment: int | None
    annual_wages: AnnualWages
    # Only where BLS published the wages hourly only (footnote 4; annual_wages are then
    # absent): the hourly wages, never converted to annual. None everywhere else.
    hourly_wages: HourlyWages | None
    location_quotient: float | None
    absent: dict[str, AbsentFigure]  # figure name -> why it has no number


class Placement(TypedDict):
    """Where an amount sits in a published wage distribution (an estimate)."""

    amount: float  # whole dollars a year, or dollars an hour against hourly wages
    percentile: float | None  # interpolated between published percentiles; None outside them
    between: list[int]  # the published percentiles around it, e.g. [50, 75]; [] when outside
    text: str  # "about the 62nd percentile", "below the 10th percentile", ...


# A place, and each role's official figures there by role id (None where there are none).
Locality = tuple[AreaRecord, dict[str, EstimateRecord | None]]


class TaxRecord(TypedDict):
    """Taxes on a salary (tax year 2025, a single earner with wages only), in dollars."""

    year: int
    filing: str  # single | joint (married filing jointly, one earner)
    wages: int
    state: str | None  # the postal code of the state whose income tax applies; None: none
    federal_income_tax: float
    state_income_tax: float | None
    social_security: float
    medicare: float  # with the additional Medicare tax
    take_home: float
    effective_rate: float | None  # all these taxes over wages
    excluded: list[str]  # what the figures leave out


class HousingRecord(TypedDict):
    """A place's housing index (the SPM geographic adjustment for renters): 1 is the
    national average."""

    index: float
    rent_index: float  # the median rent over the national median
    year: int
    source: str
    basis: str  # the Census area whose figure it is, or how a state's is formed
    fallback: str | None  # why the figure is not the area's own


class WorthRecord(TypedDict):
    """What pay is worth in a place: its taxes, its housing index, and take-home over it."""

    tax: TaxRecord | None
    tax_note: str | None  # which state taxes it, when that is a choice or there is none
    tax_absent: str | None  # why there is no tax figure
    housing: HousingRecord | None
    housing_absent: str | None  # why there is no housing index
    after_housing: int | None  # take-home over the housing index, to the nearest $100


class MedianWorth(WorthRecord):
    """``where --sort take-home|real`` and ``map --by take-home|real``: what an occupation's
    annual median is worth in a place (in JSON these two keys come first)."""

    wages: int | None  # the annual median taxed; None where there is none to tax
    wages_absent: str | None  # why there is none: not published, top-coded, hourly only


class OfferYear(TypedDict):
    """One year of an offer's pay (:func:`techpay.core.compensation.plan`), whole dollars;
    ``total`` is the sum of the other four."""

    year: int  # 1 for the first year
    base: int
    bonus: int
    sign_on: int
    equity: int  # the grant's and the refreshes' shares vesting that year, at that year's price
    total: int


class Crossover(TypedDict):
    """The year one offer's cumulative pay first exceeds another's, having been at or below
    it the year before (:func:`techpay.core.compensation.crossovers`)."""

    offer: str
    overtakes: str
    year: int
