"""The plain-data shape of a validated dataset: JSON-ready dicts and lists.

``techpay.models`` validates a data file and dumps it into these shapes; everything after
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
    note: str | None
    url: str | None


class OfficialPayRecord(TypedDict):
    median: int
    period: str
    source: str
    occupation: str


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
    skills: list[SkillRecord]
    occupation: OccupationRecord | None
    official_pay: OfficialPayRecord | None
    origin: NotRequired[str]  # set by the loader: the file the role came from, or "bundled"


class SourceRecord(TypedDict):
    title: str
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
    """How one role's salary differs from the baseline role's (other minus baseline)."""

    id: str
    min: int
    max: int
    midpoint: int
    min_percent: float
    max_percent: float
    midpoint_percent: float


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


class MatchResult(TypedDict):
    skills: list[str]  # what was typed, as tags (synonyms applied)
    unknown: list[UnknownSkill]
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
