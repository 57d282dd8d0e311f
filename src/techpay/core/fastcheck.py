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

Each model is a table of its fields, in the model's order, each with the check of its value;
a check is also called with :data:`MISSING` for a field left out, and gives the model's
default then (or refuses a required field). tests/test_cold_path.py checks that the tables
name the models' fields in their order with their defaults, and that both ways agree on the
bundled data and on generated documents.
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
    consistency_problems,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from techpay.core.records import DatasetRecord

    Check = Callable[[Any], Any]

MISSING: Any = object()  # what a check is given for a field the data leaves out

# Unicode's White_Space, what pydantic's ``strip_whitespace`` removes (Rust's ``str::trim``).
# Python's str.strip() would also remove U+001C..U+001F, which pydantic keeps.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_NAME = re.compile(KEBAB_PATTERN).fullmatch
_TAG = re.compile(TAG_PATTERN).fullmatch
_CURRENCY = re.compile(CURRENCY_PATTERN).fullmatch
_SOC_CODE = re.compile(SOC_CODE).fullmatch
_PAY_CODE = re.compile(PAY_CODE).fullmatch
_MATCHES = ("high", "medium", "low")


class NotPlain(Exception):
    """A value the models might take only after coercing it, or refuse: pydantic decides."""


def plain_record(raw: dict[str, Any]) -> DatasetRecord | None:
    """The record of a plainly valid document, as the models would give it; else None."""
    try:
        record: DatasetRecord = _dataset(raw)
    except NotPlain:
        return None
    return record


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
    amount = _positive(value)
    if amount > MAX_SALARY:
        raise NotPlain
    return amount


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


def _code(pattern: Callable[[str], object]) -> Check:
    def check(value: Any) -> str:
        if type(value) is not str or not pattern(value):
            raise NotPlain
        return value

    return check


# Ways a field may be given or left out.


def _required(check: Check) -> Check:
    """A field the data must give."""

    def checked(value: Any) -> Any:
        if value is MISSING:
            raise NotPlain
        return check(value)

    return checked


def _optional(check: Check) -> Check:
    """A field that may be left out or null: None then."""

    def checked(value: Any) -> Any:
        return None if value is MISSING or value is None else check(value)

    return checked


def _default(default: Any, check: Check) -> Check:
    """A field that may be left out, an immutable default then (null is not allowed)."""

    def checked(value: Any) -> Any:
        return default if value is MISSING else check(value)

    return checked


def _items(check: Check, *, unique: bool = False) -> Check:
    """A list of values (a tuple in the models), empty when left out; ``unique``: no value
    listed twice, after checking (a tag is compared normalised)."""

    def checked(value: Any) -> list[Any]:
        if value is MISSING:
            return []
        if type(value) is not list:
            raise NotPlain
        items = [check(item) for item in value]
        if unique and len(set(items)) < len(items):
            raise NotPlain
        return items

    return checked


def _table(key: Check, value: Check) -> Check:
    """A table of checked keys and values, empty when left out. Keys that come out the same
    (two spellings of one tag) keep the first one's place and the last one's value, as
    pydantic's dict does."""

    def checked(raw: Any) -> dict[str, Any]:
        if raw is MISSING:
            return {}
        if type(raw) is not dict:
            raise NotPlain
        table = {}
        for name, item in raw.items():
            table[key(name)] = value(item)
        return table

    return checked


def _model(
    fields: dict[str, Check], after: Callable[[dict[str, Any]], bool] | None = None
) -> Check:
    """A table with exactly these fields (no unknown ones), in this order; ``after`` is the
    model's own check of the whole, run once every field is valid."""
    known = frozenset(fields)

    def checked(raw: Any) -> dict[str, Any]:
        if type(raw) is not dict or not raw.keys() <= known:
            raise NotPlain
        record = {name: check(raw.get(name, MISSING)) for name, check in fields.items()}
        if after is not None and not after(record):
            raise NotPlain
        return record

    return checked


# The models, field by field as techpay.core.models declares them.

SALARY = {
    "min": _required(_salary_amount),
    "max": _required(_salary_amount),
    "currency": _default("USD", _currency),
    "open_ended": _default(False, _flag),
    "stated": _optional(_text),
    "note": _optional(_text),
}
SKILL = {
    "text": _required(_text),
    "tags": _items(_tag, unique=True),
}
OCCUPATION = {
    "code": _required(_code(_SOC_CODE)),
    "title": _required(_text),
    "match": _required(_match),
    "pay_code": _optional(_code(_PAY_CODE)),
    "note": _optional(_text),
    "url": _optional(_text),
}
ROLE = {
    "id": _required(_name),
    "rank": _optional(_positive),
    "title": _required(_text),
    "aliases": _items(_name, unique=True),
    "clusters": _items(_name, unique=True),
    "summary": _optional(_text),
    "salary": _required(_model(SALARY, lambda salary: salary["min"] <= salary["max"])),
    "why_it_pays": _optional(_text),
    "responsibilities": _items(_text),
    "skills": _items(_model(SKILL)),
    "occupation": _optional(_model(OCCUPATION)),
}
SOURCE = {
    "title": _required(_text),
    "year": _optional(_whole),
    "region": _optional(_text),
    "figures": _optional(_text),
    "ours": _items(_text),
    "official": _optional(_text),
    "attribution": _optional(_text),
    "caveats": _items(_text),
}


def _consistent(dataset: dict[str, Any]) -> bool:
    """``Dataset``'s own check: no id or alias names two roles, every cluster is defined."""
    names = ((role["id"], role["aliases"], role["clusters"]) for role in dataset["roles"])
    return not consistency_problems(names, dataset["clusters"] or None)


DATASET = {
    "source": _optional(_model(SOURCE)),
    "meta_skills": _items(_text),
    "clusters": _table(_name, _text),
    "synonyms": _table(_tag, _tag),
    "roles": _required(_items(_model(ROLE, lambda role: role["id"] not in role["aliases"]))),
}
_dataset = _model(DATASET, _consistent)
