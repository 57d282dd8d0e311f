"""What the fast check of :mod:`techpay.core.fastcheck` is made of: checks of plain values,
by the kind of type or constraint a model gives them, and a twin of each of the models' own
validators.

Every check takes exactly the type pydantic would take without converting it (``type(x) is
int``: a bool, a float or a number written as text is not plain) and returns the value as
the model's record holds it; anything else raises :class:`NotPlain`, and pydantic decides.
:mod:`techpay.core.fastgen` writes the models out as calls to these.
"""

from __future__ import annotations

import re

from techpay.core.names import normalise_name
from techpay.core.rules import MAX_SALARY

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection, ItemsView
    from typing import Any

    Check = Callable[[Any], Any]

# Unicode's White_Space, what pydantic's ``strip_whitespace`` removes (Rust's ``str::trim``).
# Python's str.strip() would also remove U+001C..U+001F, which pydantic keeps.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
MISSING: Any = object()  # a field the data leaves out, where null would be wrong


class NotPlain(Exception):
    """A value the models might take only after coercing it, or refuse: pydantic decides."""


# Values, by their type and constraints.


def string(value: Any) -> str:
    """``str``."""
    if type(value) is not str or not (value.isascii() or _is_unicode(value)):
        raise NotPlain
    return value


def text(value: Any) -> str:
    """``StringConstraints(strip_whitespace=True, min_length=1)``: stripped, not empty."""
    if type(value) is not str:
        raise NotPlain
    stripped = value.strip(WHITE_SPACE)
    if not stripped or not (stripped.isascii() or _is_unicode(stripped)):
        raise NotPlain
    return stripped


def _is_unicode(text: str) -> bool:
    """Whether the text is Unicode scalar values only (JSON can spell a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def fullmatch(pattern: str) -> Callable[[str], object]:
    """A pattern of :mod:`techpay.core.rules`, ready for :func:`matching`."""
    return re.compile(pattern).fullmatch


def matching(pattern: Callable[[str], object], value: Any) -> str:
    """``StringConstraints(pattern=...)``: text the whole of which the pattern matches."""
    if type(value) is not str or not pattern(value):
        raise NotPlain
    if not (value.isascii() or _is_unicode(value)):
        raise NotPlain
    return value


def whole(value: Any) -> int:
    """``int``: only a whole number is plain; text or a float would be coerced."""
    if type(value) is not int:
        raise NotPlain
    return value


def above(bound: int, value: Any) -> int:
    """``int`` with ``Gt(bound)``, strict or not."""
    if type(value) is not int or value <= bound:
        raise NotPlain
    return value


def flag(value: Any) -> bool:
    """``bool``, strict or not: only true or false is plain."""
    if type(value) is not bool:
        raise NotPlain
    return value


def one_of(choices: Collection[str], value: Any) -> str:
    """``Literal[...]`` of text."""
    if type(value) is not str or value not in choices:
        raise NotPlain
    return value


# Tables and lists.


def table(raw: Any, fields: frozenset[str]) -> dict[str, Any]:
    """A model's table: no other keys than its fields (``extra="forbid"``)."""
    if type(raw) is not dict or not raw.keys() <= fields:
        raise NotPlain
    return raw


def each(check: Check, value: Any) -> list[Any]:
    """``tuple[X, ...]``: a list of checked values; empty when left out."""
    if value is MISSING:
        return []
    if type(value) is not list:
        raise NotPlain
    return [check(item) for item in value]


def mapping(key: Check, item: Check, value: Any) -> dict[Any, Any]:
    """``dict[K, V]``: a table of checked keys and values; empty when left out. Keys that
    come out the same (two spellings of one tag) keep the first one's place and the last
    one's value, as pydantic's dict does."""
    if value is MISSING:
        return {}
    return {key(name): item(entry) for name, entry in _items(value)}


def _items(value: Any) -> ItemsView[Any, Any]:
    if type(value) is not dict:
        raise NotPlain
    items: ItemsView[Any, Any] = value.items()
    return items


# Twins of the models' own validators, each named after the validator it mirrors
# (``_normalise`` in techpay.core.models is mirrored by ``normalise`` here). A field's
# validator is given the value; a model's, and a field validator that reads other fields,
# the model's record. A validator made by a function (``_code(pattern, shape)``) is
# mirrored by a function of the same arguments that makes the check.


def normalise(value: Any) -> str:
    """``_normalise``: a tag as people type it (capitals, spaces), normalised."""
    if type(value) is not str:
        raise NotPlain
    return normalise_name(value)


def unique(values: list[Any]) -> list[Any]:
    """``_unique``: no value listed twice (compared as checked: tags normalised)."""
    if len(set(values)) < len(values):
        raise NotPlain
    return values


def not_above_max_salary(amount: int) -> int:
    """``_not_above_max_salary``."""
    if amount > MAX_SALARY:
        raise NotPlain
    return amount


def code(pattern: str, shape: str) -> Check:
    """``_code``: an occupation code the pattern matches (``shape`` words it in the models'
    message). Null, which the model's check lets through, is the field's to take or not."""
    match = fullmatch(pattern)

    def check(value: Any) -> str:
        return matching(match, value)

    return check


def min_not_above_max(salary: dict[str, Any]) -> None:
    """``Salary._min_not_above_max``."""
    if salary["min"] > salary["max"]:
        raise NotPlain


def aliases_differ_from_id(role: dict[str, Any]) -> None:
    """``Role._aliases_differ_from_id``."""
    if role["id"] in role["aliases"]:
        raise NotPlain


def tags_of_its_own_responsibilities(role: dict[str, Any]) -> None:
    """``Role._tags_of_its_own_responsibilities``."""
    if not role["responsibility_tags"].keys() <= set(role["responsibilities"]):
        raise NotPlain


# Every twin above, by the validator it mirrors: tests/test_cold_path.py fails when a model
# has a validator without one, or one is left here whose validator is gone.
TWINS = (
    "normalise", "unique", "not_above_max_salary", "code", "min_not_above_max",
    "aliases_differ_from_id", "tags_of_its_own_responsibilities",
)  # fmt: skip
