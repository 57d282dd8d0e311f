"""Career questions over the roles' skill tags: match, path, skill demand, related roles.

Pure functions, like ``techpay.queries``: records in, JSON-ready records out.
"""

from __future__ import annotations

from techpay.errors import TechpayError
from techpay.queries import (
    closest,
    currency_order,
    known_tags,
    rank_order,
    role_tags,
    salary_difference,
    salary_midpoint,
    skill_tag,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from techpay.records import (
        CareerPath,
        MatchResult,
        RelatedRole,
        RoleMatch,
        RoleRecord,
        SkillDemand,
        UnknownSkill,
    )

RELATED_COUNT = 3


def split_skills(words: Iterable[str]) -> list[str]:
    """Skills as typed, one per argument or comma-separated: ``"python, sql" docker``."""
    return [part.strip() for word in words for part in word.split(",") if part.strip()]


def coverage(matched: int, total: int) -> float:
    """Matched tags as a percentage of the role's tags (0 for a role with no tags)."""
    return round(matched * 100 / total, 1) if total else 0.0


def match_roles(
    roles: Sequence[RoleRecord], typed: Iterable[str], synonyms: Mapping[str, str]
) -> MatchResult:
    """Rank roles by how much of their skill set the person already has.

    Highest coverage first; ties go to USD roles, then other currencies by code (amounts in
    different currencies are never compared), then the higher salary midpoint, then the
    better rank.
    Roles that use none of the skills are left out. Skills no role lists are reported in
    ``unknown`` with the closest tags.
    """
    known = known_tags(roles)
    wanted = list(dict.fromkeys(skill_tag(skill, synonyms) for skill in split_skills(typed)))
    unknown: list[UnknownSkill] = [
        {"skill": tag, "suggestions": closest(tag, known)} for tag in wanted if tag not in known
    ]
    have = set(wanted) & set(known)
    matches: list[RoleMatch] = []
    for role in roles:
        tags = role_tags(role)
        matched = [tag for tag in tags if tag in have]
        if matched:
            matches.append(
                {
                    "id": role["id"],
                    "title": role["title"],
                    "coverage": coverage(len(matched), len(tags)),
                    "matched": matched,
                    "missing": [tag for tag in tags if tag not in have],
                    "salary": role["salary"],
                }
            )
    by_id = {role["id"]: role for role in roles}
    matches.sort(
        key=lambda match: (
            -match["coverage"],
            currency_order(match["salary"]["currency"]),
            -salary_midpoint(match["salary"]),
            rank_order(by_id[match["id"]]),
        )
    )
    return {"skills": wanted, "unknown": unknown, "matches": matches}


def career_path(start: RoleRecord, goal: RoleRecord) -> CareerPath:
    """Moving from ``start`` to ``goal``: tags kept, gained and left behind, the duties that
    are new, and the salary change (goal minus start)."""
    start_tags, goal_tags = role_tags(start), role_tags(goal)
    return {
        "from_id": start["id"],
        "to_id": goal["id"],
        "keep": [tag for tag in goal_tags if tag in start_tags],
        "gain": [tag for tag in goal_tags if tag not in start_tags],
        "leave": [tag for tag in start_tags if tag not in goal_tags],
        "new_responsibilities": [
            duty for duty in goal["responsibilities"] if duty not in start["responsibilities"]
        ],
        "salary": salary_difference(start, goal),
    }


def skill_demand(
    roles: Sequence[RoleRecord], only: Iterable[str] | None = None
) -> list[SkillDemand]:
    """Every skill tag with the roles that list it, most-demanded first (then A-Z).

    ``only`` keeps just those tags (``skills --role`` passes the role's own).
    """
    needed_by: dict[str, list[str]] = {}
    for role in sorted(roles, key=rank_order):
        for tag in role_tags(role):
            needed_by.setdefault(tag, []).append(role["id"])
    wanted = set(needed_by) if only is None else set(only)
    demand: list[SkillDemand] = [
        {"tag": tag, "roles": ids} for tag, ids in needed_by.items() if tag in wanted
    ]
    return sorted(demand, key=lambda entry: (-len(entry["roles"]), entry["tag"]))


def related_roles(role: RoleRecord, roles: Sequence[RoleRecord]) -> list[RelatedRole]:
    """The roles whose skill tags overlap most with ``role``'s (Jaccard index), at most
    three, closest first; ties go to the better rank. Roles sharing no tag are not related."""
    tags = set(role_tags(role))
    related: list[tuple[float, tuple[bool, int, str], RelatedRole]] = []
    for other in roles:
        other_tags = role_tags(other)
        shared = [tag for tag in other_tags if tag in tags]
        if other["id"] == role["id"] or not shared:
            continue
        similarity = round(len(shared) / len(tags | set(other_tags)), 3)
        entry: RelatedRole = {
            "id": other["id"],
            "title": other["title"],
            "similarity": similarity,
            "shared": shared,
        }
        related.append((-similarity, rank_order(other), entry))
    related.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in related[:RELATED_COUNT]]


class NoSkillMatches(TechpayError):
    """None of the skills given is one any role lists."""
