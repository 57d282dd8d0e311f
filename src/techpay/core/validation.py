"""Validating a document against the models, and the problems with it worded for the person
who wrote the data file: which role, which field, what the value must be."""

from __future__ import annotations

from techpay.core.errors import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from pydantic import ValidationError

    from techpay.core.records import DatasetRecord


def validate(raw: dict[str, Any], path: str) -> tuple[DatasetRecord, list[Problem]]:
    """Check parsed data against the models: the record of what is valid, and a problem for
    everything that is not (a role with a problem is left out of the record, so that the
    checks across roles and files still see the others).

    Plainly valid data is checked without importing pydantic (see
    :mod:`techpay.core.fastcheck`); the models judge the rest, and word every problem.
    """
    from techpay.core.fastcheck import plain_record

    record = plain_record(raw)
    if record is not None:
        return record, []
    from pydantic import ValidationError

    from techpay.core.models import Dataset

    try:
        return Dataset.model_validate(raw).to_record(), []
    except ValidationError as error:
        return _valid_part(raw, error), schema_problems(error, raw, path)


def _valid_part(raw: dict[str, Any], error: ValidationError) -> DatasetRecord:
    """The record of a document without the roles and top-level fields that have errors."""
    from techpay.core.models import Dataset

    bad_roles, bad_fields = set(), set()
    for detail in error.errors(include_url=False):
        loc = detail["loc"]
        if loc[:1] == ("roles",) and len(loc) > 1 and isinstance(loc[1], int):
            bad_roles.add(loc[1])
        else:
            bad_fields.add(loc[0])
    part = {key: value for key, value in raw.items() if key not in bad_fields}
    roles = part.get("roles", [])
    part["roles"] = [role for index, role in enumerate(roles) if index not in bad_roles]
    return Dataset.model_validate(part).to_record()


# What a rejected value must be instead, in the words of the person who wrote the data file,
# by pydantic's error type ("Input should be greater than 0" is a programmer's wording).
# ``{gt}``-style fields come from the error's context.
MISSING_FIELD = "required field is missing"
_RULES = {
    "missing": MISSING_FIELD,
    "extra_forbidden": "unknown field",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "string_unicode": "must be valid Unicode text (a lone surrogate is not)",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "int_parsing_size": "is too large a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "literal_error": "must be {expected}",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
}
_NOT_ECHOED = {"missing", "extra_forbidden"}  # the value is absent, or its key is the problem


def describe_error(detail: Mapping[str, Any]) -> str:
    """What is wrong with a value pydantic rejected, as a rule: ``must be at least 1``."""
    from techpay.core.rules import PATTERN_MEANINGS

    kind, context = detail["type"], detail.get("ctx") or {}
    if kind == "value_error":  # our own checks, already worded for people
        return str(context.get("error", detail["msg"]))
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern", "")
        return f"must be {PATTERN_MEANINGS.get(pattern, f'text matching {pattern}')}"
    rule = _RULES.get(kind)
    if rule is None:  # a check added later: make pydantic's sentence at least read as a rule
        message = str(detail["msg"])
        return message.replace("Input should ", "must ").replace("String should ", "must ")
    figures = {
        key: f"{value:,}" if isinstance(value, int) else value for key, value in context.items()
    }
    return rule.format(**figures)


def as_written(value: object) -> str:
    """A value from a data file, briefly, as the file would write it: ``'x'``, ``12``,
    ``true``, ``a list``."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, int | float):
        return str(value)
    if value is None:
        return "null"
    return "a table" if isinstance(value, dict) else "a list"


def schema_problems(error: ValidationError, raw: dict[str, Any], path: str) -> list[Problem]:
    """One problem per validation error, naming the role and the field path."""
    problems = []
    for detail in error.errors(include_url=False):
        role, field, is_key = _locate(detail["loc"], raw)
        message = describe_error(detail)
        value = detail.get("input")
        scalar = isinstance(value, str | int | float | bool)
        if detail["type"] not in _NOT_ECHOED and (scalar or detail["type"].endswith("_type")):
            message += f" (got {as_written(value)})"
        if is_key:
            message = f"each name {message}"
        problems.append(Problem(path, message, role=role, field=field or None))
    return problems


def _locate(loc: tuple[int | str, ...], raw: dict[str, Any]) -> tuple[str | None, str, bool]:
    """The role (id, or ``#N`` by position), the field path, and whether a table's key (not
    its value) is what is wrong."""
    role = None
    if loc[0] == "roles" and len(loc) > 1 and isinstance(loc[1], int):
        role = _role_label(raw, loc[1])
        loc = loc[2:]
    is_key = loc[-1:] == ("[key]",)
    if is_key:
        loc = loc[:-2]  # the key itself is quoted in the message, as the value that is wrong
    return role, "".join(_path_part(part) for part in loc).lstrip("."), is_key


def _path_part(part: int | str) -> str:
    """``[2]`` for a position, ``.name`` for a plain key, ``.'odd key'`` quoted otherwise."""
    if isinstance(part, int):
        return f"[{part}]"
    plain = part and all(
        character.isascii() and (character.isalnum() or character in "_-+#") for character in part
    )
    return f".{part}" if plain else f".{part!r}"


def _role_label(raw: dict[str, Any], index: int) -> str:
    roles = raw.get("roles")
    role = roles[index] if isinstance(roles, list) and index < len(roles) else None
    if isinstance(role, dict) and isinstance(role.get("id"), str):
        return str(role["id"])
    return f"#{index + 1}"
