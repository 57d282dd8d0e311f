"""Plainly valid data, checked without pydantic: the common case of loading, made cheap.

Importing pydantic and building the models costs about 0.1 s, more than everything else a
run with an empty cache does for the bundled data: measured, a cold ``list --json`` took
16.6x an interpreter's start-up with them and 5.6x without; with 10,000 roles, pydantic's
import and validation took about 0.35 s of 1.9 s. So the loader first asks
:func:`plain_record`, which accepts a document only when every value is plainly what the
models of :mod:`techpay.core.models` want (the right type exactly, nothing to coerce, within
the limits of :mod:`techpay.core.rules`) and builds the record that
``Dataset.model_validate(raw).to_record()`` would. Anything else, however slightly off (a
number written as text, a repeated tag, an unknown key, a missing field), gives None and
pydantic decides: every message about invalid data still comes from the models.

A function per model builds its record field by field, in the model's order, with the
model's defaults: written out, since driving it by a table of fields took a fifth longer (a
function call per field and per default). tests/test_cold_path.py checks that the
field names here are the models', and that both ways agree on the bundled data and on
generated documents, field order and defaults included.
"""

from __future__ import annotations

import re

from techpay.core.names import normalise_name
from techpay.core.rules import (
    CURRENCY_PATTERN,
    KEBAB_PATTERN,
    MAX_SALARY,
    PAY_CODE,
    SOC_CODE,
    TAG_PATTERN,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from techpay.core.records import DatasetRecord

# The fields of each model, in its order: a table with any other key is not plain.
SALARY_FIELDS = ("min", "max", "currency", "open_ended", "stated", "note")
SKILL_FIELDS = ("text", "tags")
OCCUPATION_FIELDS = ("code", "title", "match", "pay_code", "note", "url")
ROLE_FIELDS = (
    "id", "rank", "title", "aliases", "clusters", "summary", "salary", "why_it_pays",
    "responsibilities", "responsibility_tags", "skills", "occupation", "replace",
)  # fmt: skip
SOURCE_FIELDS = (
    "title", "provenance", "year", "region", "figures", "ours", "official", "attribution",
    "caveats",
)  # fmt: skip
DATASET_FIELDS = ("source", "meta_skills", "clusters", "synonyms", "roles")

# Unicode's White_Space, what pydantic's ``strip_whitespace`` removes (Rust's ``str::trim``).
# Python's str.strip() would also remove U+001C..U+001F, which pydantic keeps.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
MISSING: Any = object()  # a field the data leaves out, where null would be wrong

_NAME = re.compile(KEBAB_PATTERN).fullmatch
_TAG = re.compile(TAG_PATTERN).fullmatch
_CURRENCY = re.compile(CURRENCY_PATTERN).fullmatch
_SOC_CODE = re.compile(SOC_CODE).fullmatch
_PAY_CODE = re.compile(PAY_CODE).fullmatch
_MATCHES = ("high", "medium", "low")
_KNOWN: dict[tuple[str, ...], frozenset[str]] = {
    fields: frozenset(fields)
    for fields in (
        SALARY_FIELDS, SKILL_FIELDS, OCCUPATION_FIELDS, ROLE_FIELDS, SOURCE_FIELDS,
        DATASET_FIELDS,
    )
}  # fmt: skip


class NotPlain(Exception):
    """A value the models might take only after coercing it, or refuse: pydantic decides."""


def plain_record(raw: dict[str, Any]) -> DatasetRecord | None:
    """The record of a plainly valid document, as the models would give it; else None."""
    try:
        record: DatasetRecord = _dataset(raw)
    except NotPlain:
        return None
    return record


# The models, in the order and with the defaults of techpay.core.models. A required field
# that is left out reads as None (or MISSING), which no check takes.


def _dataset(raw: Any) -> Any:
    """A ``DatasetRecord``."""
    get = _table(raw, DATASET_FIELDS).get
    source = get("source")
    dataset: dict[str, Any] = {
        "source": None if source is None else _source(source),
        "meta_skills": _each(_text, get("meta_skills", MISSING)),
        "clusters": _names_to_text(get("clusters", MISSING)),
        "synonyms": _tags_to_tags(get("synonyms", MISSING)),
        "roles": [_role(role) for role in _list(get("roles"))],
    }
    return dataset


def _role(raw: Any) -> dict[str, Any]:
    get = _table(raw, ROLE_FIELDS).get
    rank, summary, why_it_pays = get("rank"), get("summary"), get("why_it_pays")
    occupation = get("occupation")
    role: dict[str, Any] = {
        "id": _name(get("id")),
        "rank": None if rank is None else _positive(rank),
        "title": _text(get("title")),
        "aliases": _unique(_each(_name, get("aliases", MISSING))),
        "clusters": _unique(_each(_name, get("clusters", MISSING))),
        "summary": None if summary is None else _text(summary),
        "salary": _salary(get("salary")),
        "why_it_pays": None if why_it_pays is None else _text(why_it_pays),
        "responsibilities": _each(_text, get("responsibilities", MISSING)),
        "responsibility_tags": _text_to_tags(get("responsibility_tags", MISSING)),
        "skills": _each(_skill, get("skills", MISSING)),
        "occupation": None if occupation is None else _occupation(occupation),
    }
    _flag(get("replace", False))  # how the role is layered: checked, not recorded
    if role["id"] in role["aliases"]:
        raise NotPlain
    if not role["responsibility_tags"].keys() <= set(role["responsibilities"]):
        raise NotPlain
    return role


def _salary(raw: Any) -> dict[str, Any]:
    get = _table(raw, SALARY_FIELDS).get
    low, high, stated, note = get("min"), get("max"), get("stated"), get("note")
    if _salary_amount(low) > _salary_amount(high):
        raise NotPlain
    return {
        "min": low,
        "max": high,
        "currency": _currency(get("currency", "USD")),
        "open_ended": _flag(get("open_ended", False)),
        "stated": None if stated is None else _text(stated),
        "note": None if note is None else _text(note),
    }


def _skill(raw: Any) -> dict[str, Any]:
    get = _table(raw, SKILL_FIELDS).get
    return {"text": _text(get("text")), "tags": _unique(_each(_tag, get("tags", MISSING)))}


def _occupation(raw: Any) -> dict[str, Any]:
    get = _table(raw, OCCUPATION_FIELDS).get
    pay_code, note, url = get("pay_code"), get("note"), get("url")
    return {
        "code": _code(_SOC_CODE, get("code")),
        "title": _text(get("title")),
        "match": _match(get("match")),
        "pay_code": None if pay_code is None else _code(_PAY_CODE, pay_code),
        "note": None if note is None else _text(note),
        "url": None if url is None else _text(url),
    }


def _source(raw: Any) -> dict[str, Any]:
    get = _table(raw, SOURCE_FIELDS).get
    year, region, figures = get("year"), get("region"), get("figures")
    official, attribution, provenance = get("official"), get("attribution"), get("provenance")
    return {
        "title": _text(get("title")),
        "provenance": None if provenance is None else _text(provenance),
        "year": None if year is None else _whole(year),
        "region": None if region is None else _text(region),
        "figures": None if figures is None else _text(figures),
        "ours": _each(_text, get("ours", MISSING)),
        "official": None if official is None else _text(official),
        "attribution": None if attribution is None else _text(attribution),
        "caveats": _each(_text, get("caveats", MISSING)),
    }


# Tables and lists.


def _table(raw: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """A table with no other keys than the model's fields."""
    if type(raw) is not dict or not raw.keys() <= _KNOWN[fields]:
        raise NotPlain
    return raw


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise NotPlain
    return value


def _each(check: Callable[[Any], Any], value: Any) -> list[Any]:
    """A list of checked values (a tuple in the models); empty when left out."""
    return [] if value is MISSING else [check(item) for item in _list(value)]


def _unique(values: list[Any]) -> list[Any]:
    """No value listed twice (compared as checked: tags normalised)."""
    if len(set(values)) < len(values):
        raise NotPlain
    return values


def _names_to_text(value: Any) -> dict[str, str]:
    return {} if value is MISSING else {_name(key): _text(item) for key, item in _dict(value)}


def _tags_to_tags(value: Any) -> dict[str, str]:
    """Keys that come out the same (two spellings of one tag) keep the first one's place and
    the last one's value, as pydantic's dict does."""
    return {} if value is MISSING else {_tag(key): _tag(item) for key, item in _dict(value)}


def _text_to_tags(value: Any) -> dict[str, list[str]]:
    """Text keys that come out the same (stripped) behave as in :func:`_tags_to_tags`."""
    if value is MISSING:
        return {}
    return {_text(key): _unique(_each(_tag, item)) for key, item in _dict(value)}


def _dict(value: Any) -> Any:
    if type(value) is not dict:
        raise NotPlain
    return value.items()


# Values. Each takes exactly the type pydantic would take without converting it.


def _text(value: Any) -> str:
    """``Text``: text, stripped of white space at its ends, not empty."""
    if type(value) is not str:
        raise NotPlain
    text = value.strip(WHITE_SPACE)
    if not text or not (text.isascii() or _is_unicode(text)):
        raise NotPlain
    return text


def _is_unicode(text: str) -> bool:
    """Whether the text is Unicode scalar values only (JSON can spell a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _name(value: Any) -> str:
    """``Name``: lowercase words joined by hyphens."""
    if type(value) is not str or not _NAME(value):
        raise NotPlain
    return value


def _tag(value: Any) -> str:
    """``Tag``: normalised as people type names, then a lowercase tag."""
    if type(value) is not str:
        raise NotPlain
    tag = normalise_name(value)
    if not _TAG(tag):
        raise NotPlain
    return tag


def _positive(value: Any) -> int:
    """A strict whole number above 0 (a bool is not one)."""
    if type(value) is not int or value <= 0:
        raise NotPlain
    return value


def _salary_amount(value: Any) -> int:
    if type(value) is not int or not 0 < value <= MAX_SALARY:
        raise NotPlain
    return value


def _whole(value: Any) -> int:
    """``int`` (not strict): only a whole number is plain; text or a float would be coerced."""
    if type(value) is not int:
        raise NotPlain
    return value


def _currency(value: Any) -> str:
    if type(value) is not str or not _CURRENCY(value):
        raise NotPlain
    return value


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise NotPlain
    return value


def _match(value: Any) -> str:
    if type(value) is not str or value not in _MATCHES:
        raise NotPlain
    return value


def _code(pattern: Callable[[str], object], value: Any) -> str:
    if type(value) is not str or not pattern(value):
        raise NotPlain
    return value
