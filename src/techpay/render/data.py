"""Machine-readable output: the JSON contract documented in the README.

Plain ``json`` on plain records, never Rich: the bytes are the same on a terminal, in a pipe
and under ``FORCE_COLOR``. Non-ASCII and control characters are escaped (``ensure_ascii``),
so the output is safe in any encoding and can never carry a terminal escape sequence.
"""

from __future__ import annotations

import json

from techpay.core.queries import salary_midpoint
from techpay.official.estimates import local_estimates, role_estimates
from techpay.official.roles import missing_reason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from techpay.core.records import (
        AreaRecord,
        Comparison,
        EstimateRecord,
        Locality,
        RelatedRole,
        RoleRecord,
    )


def dumps(payload: object) -> str:
    """Serialise a payload the one way techpay prints JSON: indented, ASCII, newline-ended.

    The text is ``json.dumps(payload, indent=2, ensure_ascii=True)``'s, made by
    :func:`_member` (see there why), and by json itself for what that does not take.
    """
    return _json(payload, "\n") + "\n"


def item_json(payload: object) -> str:
    """A value's JSON as an item of an indented array, ``array_item(dumps(payload))``,
    laid out at that depth in the first place."""
    return "  " + _json(payload, "\n  ")


def _json(payload: object, indent: str) -> str:
    """The JSON of a value laid out at ``indent`` (a newline and the spaces of its depth)."""
    try:
        return _member(payload, indent)
    except (_Unusual, TypeError, RecursionError):  # json's text, or its error (a cycle, a type)
        return json.dumps(payload, indent=2, ensure_ascii=True).replace("\n", indent)


class _Unusual(Exception):
    """A value :func:`_member` leaves to json: another type (a subclass of str or int, a
    set, a date) or a float that is not finite. A key that is not text (which json writes
    as text, or refuses) is left to json by the TypeError of escaping it."""


# json's indented encoder is pure Python, a generator per container: it took 0.26-0.33 s of
# a cold load of 10,000 roles. This one joins each container's members in one go and leaves
# the text to json's C escaping: ~0.12 s for the same text. tests/test_cold_path.py compares
# the two on every role of the bundled data and on generated values.
_ESCAPED = json.encoder.encode_basestring_ascii
_INTEGER = int.__repr__
_FLOAT = float.__repr__
_INFINITY = float("inf")


def _member(value: Any, indent: str) -> str:
    """One value's JSON, as json.dumps(indent=2, ensure_ascii=True) writes it at ``indent``."""
    kind = type(value)
    if kind is str:
        return _ESCAPED(value)
    if value is None:
        return "null"
    if kind is dict or kind is list or kind is tuple:
        return _container(value, indent)
    if kind is int:
        return _INTEGER(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is float and value == value and value not in (_INFINITY, -_INFINITY):
        return _FLOAT(value)
    raise _Unusual


def _container(value: Any, indent: str) -> str:
    """A dict or list: empty on one line, else a member a line, one level deeper."""
    if not value:
        return "{}" if type(value) is dict else "[]"
    inner = indent + "  "
    if type(value) is dict:
        members = [_ESCAPED(key) + ": " + _member(item, inner) for key, item in value.items()]
        return "{" + inner + ("," + inner).join(members) + indent + "}"
    members = [_member(item, inner) for item in value]
    return "[" + inner + ("," + inner).join(members) + indent + "]"


def role_object(role: RoleRecord, place: Local | None = None) -> dict[str, object]:
    """One role as a JSON object: the record, with the salary midpoint added after max, the
    national official figures (``official``, or why there are none in ``official_note``),
    what techpay estimates from both (``estimates``), and with a place, ``local``."""
    salary = role["salary"]
    salary_out: dict[str, object] = {"min": salary["min"], "max": salary["max"]}
    salary_out["midpoint"] = salary_midpoint(salary)
    salary_out.update(salary)
    fields = {name: value for name, value in role.items() if name != "official"}
    official = role.get("official")
    found: dict[str, object] = {
        **fields,
        "salary": salary_out,
        "official": official,
        "official_note": None if official is not None else missing_reason(role),
        "estimates": role_estimates(role),
    }
    if place is not None:
        found["local"] = local_object(role, *place)
    return found


Local = tuple["AreaRecord", "EstimateRecord | None"]  # a place, and the figures there if any


def local_object(
    role: RoleRecord, area: AreaRecord, local: EstimateRecord | None
) -> dict[str, object]:
    """The role in a place: BLS's figures there (or why there are none) and the estimates."""
    note = None
    if local is None:
        note = (
            missing_reason(role)
            if role.get("official") is None
            else f"BLS published no figures for this occupation in {area['name']}"
        )
    return {
        "area": area,
        "official": local,
        "official_note": note,
        "estimates": local_estimates(role, local),
    }


def with_local_objects(
    document: dict[str, object], roles: dict[str, list[RoleRecord]], locality: Locality | None
) -> dict[str, object]:
    """A JSON document with ``local``: the place, and for each key the roles' figures there."""
    if locality is None:
        return document
    area, figures = locality
    document["local"] = {
        "area": area,
        **{
            key: [local_object(role, area, figures.get(role["id"])) for role in listed]
            for key, listed in roles.items()
        },
    }
    return document


def show_object(
    role: RoleRecord, related: list[RelatedRole], place: Local | None = None
) -> dict[str, object]:
    """``show``: the role object, with the roles closest to it by skills."""
    return {**role_object(role, place), "related": related}


def role_list(
    roles: Iterable[RoleRecord], places: dict[str, Local] | None = None
) -> list[dict[str, object]]:
    """An array of role objects (``list``, ``filter``); with ``places``, each role's place."""
    return [role_object(role, (places or {}).get(role["id"])) for role in roles]


def comparison_object(
    comparison: Comparison, places: dict[str, Local] | None = None
) -> dict[str, object]:
    """``compare``: the roles, the salary differences and the shared and unique tags."""
    return {**comparison, "roles": role_list(comparison["roles"], places)}


def places_of(locality: Locality | None) -> dict[str, Local] | None:
    """Each role's place and figures there, as ``role_list`` takes them."""
    if locality is None:
        return None
    area, figures = locality
    return {role_id: (area, local) for role_id, local in figures.items()}


def chart_object(
    roles: Iterable[RoleRecord],
    ticks: list[int],
    official: dict[str, EstimateRecord | None] | None = None,
    locality: Locality | None = None,
) -> dict[str, object]:
    """``chart``: the numbers behind the picture: each role's range and midpoint, in the
    order drawn, and the amounts the axis marks; with ``official`` (``--official``), each
    role's national official figures too; with ``locality`` (``--in``), its ``local``
    object, as in a role object."""
    bars = []
    for role in roles:
        drawn: dict[str, object] = {
            "id": role["id"],
            "title": role["title"],
            "min": role["salary"]["min"],
            "max": role["salary"]["max"],
            "midpoint": salary_midpoint(role["salary"]),
            "open_ended": role["salary"]["open_ended"],
        }
        if official is not None:
            drawn["official"] = official.get(role["id"])
        if locality is not None:
            drawn["local"] = local_object(role, locality[0], locality[1].get(role["id"]))
        bars.append(drawn)
    return {"roles": bars, "ticks": ticks}


def array_item(text: str) -> str:
    """A value's JSON (as :func:`dumps` prints it) indented to stand inside an array."""
    return "  " + text.rstrip("\n").replace("\n", "\n  ")
