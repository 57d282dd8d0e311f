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

    from techpay.core.records import (
        AreaRecord,
        Comparison,
        EstimateRecord,
        Locality,
        RelatedRole,
        RoleRecord,
    )


def dumps(payload: object) -> str:
    """Serialise a payload the one way techpay prints JSON: indented, ASCII, newline-ended."""
    return json.dumps(payload, indent=2, ensure_ascii=True) + "\n"


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
) -> dict[str, object]:
    """``chart``: the numbers behind the picture: each role's range and midpoint, in the
    order drawn, and the amounts the axis marks; with ``official`` (``--official``, ``--in``),
    each role's official figures too."""
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
        bars.append(drawn)
    return {"roles": bars, "ticks": ticks}


def array_item(text: str) -> str:
    """A value's JSON (as :func:`dumps` prints it) indented to stand inside an array."""
    return "  " + text.rstrip("\n").replace("\n", "\n  ")
