"""The models of techpay.core.models as plain checks. Generated: do not edit.

Run ``python -m techpay.core.fastgen --write`` after changing a model: tests/test_cold_path.py
fails until then. Read by techpay.core.fastcheck, which checks plainly valid data with it
without importing pydantic. Each model is a function that checks its table field by field,
in the model's order and with its defaults, and returns its record.
"""

from __future__ import annotations

# fmt: off
from functools import partial

from techpay.core.fastvalues import (
    MISSING,
    above,
    aliases_differ_from_id,
    code,
    each,
    flag,
    fullmatch,
    mapping,
    matching,
    min_not_above_max,
    normalise,
    not_above_max_salary,
    one_of,
    string,
    table,
    tags_of_its_own_responsibilities,
    text,
    unique,
    whole,
)
from techpay.core.rules import (
    CURRENCY_PATTERN,
    KEBAB_PATTERN,
    PAY_CODE,
    SOC_CODE,
    TAG_PATTERN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_DATASET_FIELDS = frozenset((
    "source",
    "meta_skills",
    "clusters",
    "synonyms",
    "roles",
))
_KEBAB_PATTERN = fullmatch(KEBAB_PATTERN)
_name = partial(matching, _KEBAB_PATTERN)
_TAG_PATTERN = fullmatch(TAG_PATTERN)
_SOURCE_FIELDS = frozenset((
    "title",
    "provenance",
    "year",
    "region",
    "figures",
    "ours",
    "official",
    "attribution",
    "caveats",
))
_ROLE_FIELDS = frozenset((
    "id",
    "rank",
    "title",
    "aliases",
    "clusters",
    "summary",
    "salary",
    "why_it_pays",
    "responsibilities",
    "responsibility_tags",
    "skills",
    "occupation",
    "replace",
))
_SALARY_FIELDS = frozenset((
    "min",
    "max",
    "currency",
    "open_ended",
    "stated",
    "note",
))
_CURRENCY_PATTERN = fullmatch(CURRENCY_PATTERN)
_SKILL_FIELDS = frozenset((
    "text",
    "tags",
))
_OCCUPATION_FIELDS = frozenset((
    "code",
    "title",
    "match",
    "pay_code",
    "note",
    "url",
))
_occupation_code = code(SOC_CODE, "NN-NNNN.NN (O*NET-SOC) or NN-NNNN (SOC)")
_occupation_pay_code = code(PAY_CODE, "NN-NNNN (a SOC occupation code)")


def _tag(value: Any) -> Any:
    return matching(_TAG_PATTERN, normalise(value))


def _tags(value: Any) -> Any:
    return unique(each(_tag, value))


def dataset(raw: Any) -> dict[str, Any]:
    """``Dataset``."""
    get = table(raw, _DATASET_FIELDS).get
    given_source = get("source")
    record: dict[str, Any] = {
        "source": None if given_source is None else source(given_source),
        "meta_skills": each(text, get("meta_skills", MISSING)),
        "clusters": mapping(_name, text, get("clusters", MISSING)),
        "synonyms": mapping(_tag, _tag, get("synonyms", MISSING)),
        "roles": each(role, get("roles")),
    }
    return record


def source(raw: Any) -> dict[str, Any]:
    """``Source``."""
    get = table(raw, _SOURCE_FIELDS).get
    given_provenance = get("provenance")
    given_year = get("year")
    given_region = get("region")
    given_figures = get("figures")
    given_official = get("official")
    given_attribution = get("attribution")
    record: dict[str, Any] = {
        "title": text(get("title")),
        "provenance": None if given_provenance is None else text(given_provenance),
        "year": None if given_year is None else whole(given_year),
        "region": None if given_region is None else text(given_region),
        "figures": None if given_figures is None else text(given_figures),
        "ours": each(text, get("ours", MISSING)),
        "official": None if given_official is None else text(given_official),
        "attribution": None if given_attribution is None else text(given_attribution),
        "caveats": each(text, get("caveats", MISSING)),
    }
    return record


def role(raw: Any) -> dict[str, Any]:
    """``Role``."""
    get = table(raw, _ROLE_FIELDS).get
    given_rank = get("rank")
    given_summary = get("summary")
    given_why_it_pays = get("why_it_pays")
    given_occupation = get("occupation")
    record: dict[str, Any] = {
        "id": matching(_KEBAB_PATTERN, get("id")),
        "rank": None if given_rank is None else above(0, given_rank),
        "title": text(get("title")),
        "aliases": unique(each(_name, get("aliases", MISSING))),
        "clusters": unique(each(_name, get("clusters", MISSING))),
        "summary": None if given_summary is None else text(given_summary),
        "salary": salary(get("salary")),
        "why_it_pays": None if given_why_it_pays is None else text(given_why_it_pays),
        "responsibilities": each(text, get("responsibilities", MISSING)),
        "responsibility_tags": mapping(text, _tags, get("responsibility_tags", MISSING)),
        "skills": each(skill, get("skills", MISSING)),
        "occupation": None if given_occupation is None else occupation(given_occupation),
    }
    flag(get("replace", False))  # replace: checked, left out of the record
    tags_of_its_own_responsibilities(record)
    aliases_differ_from_id(record)
    return record


def salary(raw: Any) -> dict[str, Any]:
    """``Salary``."""
    get = table(raw, _SALARY_FIELDS).get
    given_stated = get("stated")
    given_note = get("note")
    record: dict[str, Any] = {
        "min": not_above_max_salary(above(0, get("min"))),
        "max": not_above_max_salary(above(0, get("max"))),
        "currency": matching(_CURRENCY_PATTERN, get("currency", "USD")),
        "open_ended": flag(get("open_ended", False)),
        "stated": None if given_stated is None else text(given_stated),
        "note": None if given_note is None else text(given_note),
    }
    min_not_above_max(record)
    return record


def skill(raw: Any) -> dict[str, Any]:
    """``Skill``."""
    get = table(raw, _SKILL_FIELDS).get
    record: dict[str, Any] = {
        "text": text(get("text")),
        "tags": unique(each(_tag, get("tags", MISSING))),
    }
    return record


def occupation(raw: Any) -> dict[str, Any]:
    """``Occupation``."""
    get = table(raw, _OCCUPATION_FIELDS).get
    given_pay_code = get("pay_code")
    given_note = get("note")
    given_url = get("url")
    record: dict[str, Any] = {
        "code": _occupation_code(string(get("code"))),
        "title": text(get("title")),
        "match": one_of(("high", "medium", "low"), get("match")),
        "pay_code": (
            None if given_pay_code is None else _occupation_pay_code(string(given_pay_code))
        ),
        "note": None if given_note is None else text(given_note),
        "url": None if given_url is None else text(given_url),
    }
    return record
