"""The answers of the commands that show roles (list, filter, show, compare, chart, match,
path), computed once, as plain values.

Each role is its JSON object (the record, the national official figures or why there are
none, what techpay estimates from both and, with a place, its figures there), and each answer
adds what only the tables print (how well each role's occupation fits it). The JSON, plain and
Rich renderers only format these values, so no two formats can disagree.
"""

from __future__ import annotations

from techpay.core.absence import no_figures
from techpay.core.queries import salary_midpoint
from techpay.official.estimates import comparable, local_estimates, midpoint, place, role_estimates
from techpay.official.roles import missing_reason, wage_match

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from techpay.core.records import (
        AreaRecord,
        CareerPath,
        Comparison,
        EstimateRecord,
        Locality,
        MatchResult,
        RelatedRole,
        RoleRecord,
    )

Local = tuple["AreaRecord", "EstimateRecord | None"]  # a place, and the figures there if any


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


def local_object(
    role: RoleRecord, area: AreaRecord, local: EstimateRecord | None
) -> dict[str, object]:
    """The role in a place: BLS's figures there (or why there are none) and the estimates."""
    note = None
    if local is None:
        note = missing_reason(role) if role.get("official") is None else no_figures(area["name"])
    return {
        "area": area,
        "official": local,
        "official_note": note,
        "estimates": local_estimates(role, local),
    }


def places_of(locality: Locality | None) -> dict[str, Local] | None:
    """Each role's place and figures there, as ``role_list`` takes them."""
    if locality is None:
        return None
    area, figures = locality
    return {role_id: (area, local) for role_id, local in figures.items()}


def role_list(
    roles: Iterable[RoleRecord], places: dict[str, Local] | None = None
) -> list[dict[str, object]]:
    """An array of role objects (``list``, ``filter``); with ``places``, each role's place."""
    return [role_object(role, (places or {}).get(role["id"])) for role in roles]


def fits(roles: Iterable[RoleRecord]) -> dict[str, str | None]:
    """How well the occupation whose figures are shown fits each role, by id (the tables
    print it beside a local median, and under a chart's official span)."""
    return {role["id"]: wage_match(role) for role in roles}


def in_place(locality: Locality | None) -> dict[str, Any]:
    """The place of an answer (``area``, None without one) and the release of the figures
    there (``release``, None where BLS published none for these roles)."""
    if locality is None:
        return {"area": None, "release": None}
    area, figures = locality
    release = next((local["release"] for local in figures.values() if local), None)
    return {"area": area, "release": release}


def roles_answer(roles: Sequence[RoleRecord], locality: Locality | None) -> dict[str, Any]:
    """``list`` and ``filter``: the role objects (the JSON array), and the place, if any."""
    return {
        "roles": role_list(roles, places_of(locality)),
        **in_place(locality),
        "fits": fits(roles),
    }


def show_answer(
    role: RoleRecord, related: list[RelatedRole], local: Local | None = None
) -> dict[str, Any]:
    """``show``: the role object with the roles closest to it by skills (the JSON), whether
    its range can be set against the official figures, and where its midpoint sits among
    the national ones (the tables say so even where no median is published)."""
    official = role.get("official")
    placement = None
    if official is not None and comparable(role) and official["hourly_wages"] is None:
        placement = place(midpoint(role), official["annual_wages"])
    return {
        "role": {**role_object(role, local), "related": related},
        "comparable": comparable(role),
        "placement": placement,
    }


def comparison_answer(comparison: Comparison, locality: Locality | None) -> dict[str, Any]:
    """``compare``: the roles as role objects, the salary differences and the shared and
    unique tags (the JSON), and the place, if any."""
    return {
        "comparison": {
            **comparison,
            "roles": role_list(comparison["roles"], places_of(locality)),
        },
        **in_place(locality),
        "fits": fits(comparison["roles"]),
    }


def chart_answer(
    roles: Sequence[RoleRecord],
    ticks: list[int],
    official: dict[str, EstimateRecord | None] | None = None,
    locality: Locality | None = None,
) -> dict[str, Any]:
    """``chart``: the numbers behind the picture (the JSON): each role's range and midpoint,
    in the order drawn, and the amounts the axis marks; with ``official`` (``--official``),
    each role's national official figures too; with ``locality`` (``--in``), its ``local``
    object, as in a role object. The roles' records go with them, for their currencies."""
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
    drawn_figures = [*(official or {}).values(), *(locality[1].values() if locality else ())]
    return {
        "chart": {"roles": bars, "ticks": ticks},
        "roles": list(roles),
        "official": official is not None,
        "area": None if locality is None else locality[0],
        "release": next((found["release"] for found in drawn_figures if found), None),
        "fits": fits(roles),
    }


def in_place_answer(
    document: dict[str, object], roles: dict[str, list[RoleRecord]], locality: Locality | None
) -> dict[str, Any]:
    """``match`` and ``path``: the document (the JSON) with ``local``, the place and for
    each key the roles' figures there; and the rows of the table of them: each role's title,
    fit and local object."""
    rows: list[dict[str, object]] = []
    if locality is not None:
        area, figures = locality
        local: dict[str, object] = {"area": area}
        for key, listed in roles.items():
            objects = [local_object(role, area, figures.get(role["id"])) for role in listed]
            local[key] = objects
            rows += [
                {"title": role["title"], "fit": wage_match(role), "local": found}
                for role, found in zip(listed, objects, strict=True)
            ]
        document["local"] = local
    return {"document": document, **in_place(locality), "rows": rows}


def match_answer(
    result: MatchResult, matched: list[RoleRecord], locality: Locality | None
) -> dict[str, Any]:
    """``match``: the result, with the matched roles' figures in the place, if any."""
    return in_place_answer(dict(result), {"matches": matched}, locality)


def path_answer(
    move: CareerPath, first: RoleRecord, second: RoleRecord, locality: Locality | None
) -> dict[str, Any]:
    """``path``: the move, with both roles' figures in the place, if any."""
    return in_place_answer(dict(move), {"from": [first], "to": [second]}, locality)
