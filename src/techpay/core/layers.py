"""Layering data files: completing a role that a later file changes in part, merging the
layers, and the checks that span roles and files, made on what the layers give together.

:func:`techpay.core.dataset.check_layers` reads and validates each layer and calls these.
"""

from __future__ import annotations

from techpay.core.errors import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any

    from techpay.core.records import DatasetRecord, RoleRecord

    Layer = tuple[str, str, DatasetRecord]  # origin, path as shown, the layer's valid part

REQUIRED = ("title", "salary")  # what a new role needs besides its id


def complete_roles(
    raw: dict[str, Any], earlier: Mapping[str, RoleRecord], path: str
) -> tuple[dict[str, Any], list[Problem], set[str]]:
    """The document with each role that changes an earlier one completed from it.

    A role whose id an earlier layer has changes the fields it gives, each whole (a list,
    ``salary``, ``occupation``), and keeps the rest; with ``replace = true`` it stands on its
    own. A role without a title or salary that names no earlier role is a problem (its id
    is the likely mistake); its ids are returned so that its missing fields are not also
    reported.
    """
    roles = raw.get("roles")
    if not earlier or not isinstance(roles, list):
        return raw, [], set()
    completed: list[Any] = []
    problems: list[Problem] = []
    unknown: set[str] = set()
    for role in roles:
        role_id = role.get("id") if isinstance(role, dict) else None
        if not isinstance(role_id, str) or role.get("replace") is True:
            completed.append(role)
        elif role_id in earlier:
            completed.append(_changed(earlier[role_id], role))
        else:
            completed.append(role)
            missing = [field for field in REQUIRED if field not in role]
            if missing:
                unknown.add(role_id)
                message = _unknown_role(role_id, earlier, missing)
                problems.append(Problem(path, message, role=role_id, field="id"))
    return {**raw, "roles": completed}, problems, unknown


def _changed(earlier: RoleRecord, given: dict[str, Any]) -> dict[str, Any]:
    """An earlier role with the fields a later file gives; the tags of its responsibilities
    are kept for the responsibilities it still has (they are keyed by their text)."""
    role: dict[str, Any] = {**earlier, **given}
    duties = given.get("responsibilities")
    if "responsibility_tags" not in given and isinstance(duties, list):
        role["responsibility_tags"] = {
            duty: tags for duty, tags in earlier["responsibility_tags"].items() if duty in duties
        }
    return role


def _unknown_role(role_id: str, earlier: Mapping[str, RoleRecord], missing: list[str]) -> str:
    """Why a role given in part is a problem, with the earlier role it may mean."""
    from difflib import get_close_matches

    names = {name: role["id"] for role in earlier.values() for name in role["aliases"]}
    names.update((known, known) for known in earlier)
    close = get_close_matches(role_id, names, n=1)
    hint = f"; did you mean {names[close[0]]!r}?" if close else ""
    needs = " and ".join(missing)
    return f"no earlier layer has a role with this id{hint} (a new role needs {needs})"


def merge(layers: Sequence[tuple[str, DatasetRecord]]) -> DatasetRecord:
    """Layer datasets in order: a role whose id exists replaces it in place, a new one is added.

    Roles given in part are completed before (:func:`complete_roles`). Clusters and synonyms
    are combined (a later one wins, and a tag some role lists wins over a synonym spelt the
    same); the last layer that lists meta skills gives them; the first layer with a
    ``[source]`` describes the whole.
    """
    roles: dict[str, RoleRecord] = {}
    clusters: dict[str, str] = {}
    synonyms: dict[str, str] = {}
    meta_skills: list[str] = []
    source = None
    for origin, record in layers:
        for role in record["roles"]:
            roles[role["id"]] = {**role, "origin": origin}
        clusters.update(record["clusters"])
        synonyms.update(record["synonyms"])
        meta_skills = record["meta_skills"] or meta_skills
        source = source or record["source"]
    tags = _tags(roles.values())
    return {
        "source": source,
        "meta_skills": meta_skills,
        "clusters": clusters,
        "synonyms": {synonym: tag for synonym, tag in synonyms.items() if synonym not in tags},
        "roles": list(roles.values()),
    }


def cross_problems(
    layers: Sequence[Layer], merged: DatasetRecord, *, every_role: bool = True
) -> list[Problem]:
    """Every problem between roles and files: ids used twice, names two roles claim and
    unknown clusters, then synonyms that miss (that a synonym points at a tag no role lists
    is only judged when no role was left out)."""
    from techpay.core.rules import consistency_problems

    names = _layered_names(layers)
    found = consistency_problems(
        [(role_id, aliases, clusters) for role_id, aliases, clusters, _, _ in names],
        merged["clusters"],
        {role_id: number for role_id, _, _, _, number in names},
    )
    origin_of = {role_id: path for role_id, _, _, path, _ in names}
    problems = [
        Problem(origin_of[role_id], message, role=role_id, field=field)
        for role_id, field, message in found
    ]
    return problems + _synonym_problems(layers, merged, every_role)


def _layered_names(layers: Sequence[Layer]) -> list[tuple[str, list[str], list[str], str, int]]:
    """Each role's id, aliases, clusters, file and layer, layered as :func:`merge` layers
    roles, but keeping every role of a layer that gives one id twice (a problem to report)."""
    names: list[tuple[str, list[str], list[str], str, int]] = []
    position: dict[str, int] = {}
    for number, (_, path, record) in enumerate(layers):
        given_here: set[str] = set()
        for role in record["roles"]:
            role_id = role["id"]
            entry = (role_id, role["aliases"], role["clusters"], path, number)
            if role_id in position and role_id not in given_here:
                names[position[role_id]] = entry
            else:
                position[role_id] = len(names)
                names.append(entry)
            given_here.add(role_id)
    return names


def _synonym_problems(
    layers: Sequence[Layer], merged: DatasetRecord, every_role: bool
) -> list[Problem]:
    from techpay.core.rules import synonym_problems

    tags, so_far = _tags(merged["roles"]), set[str]()
    problems: list[Problem] = []
    for _, path, record in layers:
        own = _tags(record["roles"])
        so_far |= own
        problems += [
            Problem(path, message, field=f"synonyms.{synonym}")
            for synonym, message in synonym_problems(record["synonyms"], tags | own, so_far)
            if every_role or synonym in tags  # a tag no valid role lists may be a left-out one's
        ]
    return problems


def _tags(roles: Iterable[RoleRecord]) -> set[str]:
    """Every tag the roles list, in skills or responsibilities.

    A layer's synonym may point at its own tags though a later layer replaces the roles that
    list them (a bundled synonym for an SRE tag stays valid when a user's file replaces the
    SRE), and may not shadow a tag of its own or an earlier layer; a tag a later layer lists
    wins over an earlier layer's synonym of the same spelling (see :func:`merge`).
    """
    tags: set[str] = set()
    for role in roles:
        tags.update(tag for skill in role["skills"] for tag in skill["tags"])
        tags.update(tag for duty in role["responsibility_tags"].values() for tag in duty)
    return tags
