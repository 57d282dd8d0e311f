"""Career questions over the roles' skill tags: match, path, skill demand, related roles.

Pure functions, like ``techpay.core.queries``: records in, JSON-ready records out.
"""

from __future__ import annotations

from techpay.core.comparisons import salary_difference
from techpay.core.errors import TechpayError, UsageError
from techpay.core.names import normalise_name
from techpay.core.queries import (
    closest,
    currency_order,
    known_tags,
    rank_order,
    role_tags,
    salary_midpoint,
    skill_tag,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from techpay.core.records import (
        CareerPath,
        MatchResult,
        NamedRoles,
        RelatedRole,
        RoleMatch,
        RoleRecord,
        SkillDemand,
        UnknownSkill,
    )

RELATED_COUNT = 3
MOST_WORDS = 5  # in one skill or name typed as words ("google cloud platform" is three)


def split_skills(words: Iterable[str], is_one: Callable[[str], bool] = bool) -> list[str]:
    """Skills as typed: ``"python, sql" docker``, ``threat modeling``.

    Commas separate skills; within them, the longest run of words that ``is_one`` accepts
    (a skill, a synonym or a role's name) is one skill, whether the words came as one
    argument or several; any other word is a skill of its own.
    """
    skills: list[str] = []
    for part in " ".join(words).split(","):
        pieces = part.split()
        start = 0
        while start < len(pieces):
            end = min(len(pieces), start + MOST_WORDS)
            while end > start + 1 and not is_one(" ".join(pieces[start:end])):
                end -= 1
            skills.append(" ".join(pieces[start:end]))
            start = end
    return skills


def coverage(matched: int, total: int) -> float:
    """Matched tags as a percentage of the role's tags (0 for a role with no tags)."""
    return round(matched * 100 / total, 1) if total else 0.0


def match_roles(
    roles: Sequence[RoleRecord], typed: Iterable[str], synonyms: Mapping[str, str]
) -> MatchResult:
    """Rank roles by how much of their skill set the person already has.

    Roles a word names come first (see :func:`roles_named`): ``match ml`` is about the
    Machine Learning Engineer, listed with the skills it asks for even when it has none of
    them. Then highest coverage first; ties go to USD roles, then other currencies by code
    (amounts in different currencies are never compared), then the higher salary midpoint,
    then the better rank. Roles that use none of the skills and that no word names are left
    out. Skills no role lists, and that name no role, are reported in ``unknown`` with the
    closest tags.
    """
    known = known_tags(roles)
    known_set = set(known)
    words = split_skills(
        typed,
        lambda text: skill_tag(text, synonyms) in known_set or bool(roles_named(text, roles)),
    )
    named: list[NamedRoles] = [
        {"name": normalise_name(word), "roles": ids}
        for word in dict.fromkeys(words)
        if (ids := roles_named(word, roles))
    ]
    listed = {role_id for entry in named for role_id in entry["roles"]}
    wanted = list(dict.fromkeys(skill_tag(word, synonyms) for word in words))
    naming_words = {entry["name"] for entry in named}
    unknown: list[UnknownSkill] = [
        {"skill": tag, "suggestions": closest(tag, known)}
        for tag in wanted
        if tag not in known and tag not in naming_words
    ]
    have = set(wanted) & set(known)
    matches: list[RoleMatch] = []
    for role in roles:
        tags = role_tags(role)
        matched = [tag for tag in tags if tag in have]
        if matched or role["id"] in listed:
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
            match["id"] not in listed,
            -match["coverage"],
            currency_order(match["salary"]["currency"]),
            -salary_midpoint(match["salary"]),
            rank_order(by_id[match["id"]]),
        )
    )
    return {"skills": wanted, "unknown": unknown, "named": named, "matches": matches}


def roles_named(word: str, roles: Sequence[RoleRecord]) -> list[str]:
    """The ids of the roles a word typed into ``match`` is about, in dataset order.

    People type a role's area as a skill (ml, devops, sre, ai, cloud, security), so a word
    names every role of the cluster with that id; else the role whose id, alias or title it
    is; else the one role that has a name beginning with it as whole words (``ml`` begins
    ``ml-engineer``, ``machine learning`` begins ``machine-learning-engineer``; ``r`` begins
    no name, though ``research-scientist`` starts with the letter).
    """
    key = normalise_name(word)
    in_cluster = [role["id"] for role in roles if key in role["clusters"]]
    if in_cluster or not key:
        return in_cluster
    names = {
        role["id"]: (role["id"], *role["aliases"], normalise_name(role["title"])) for role in roles
    }
    exact = [role_id for role_id, own in names.items() if key in own]
    if exact:
        return exact
    begun = [role_id for role_id, own in names.items() if any(n.startswith(f"{key}-") for n in own)]
    return begun if len(begun) == 1 else []


def career_path(start: RoleRecord, goal: RoleRecord) -> CareerPath:
    """Moving from ``start`` to ``goal``: tags kept, gained and left behind, the duties that
    are new, and the salary change (goal minus start). The same role twice is a usage
    error, as in ``compare``: there is no move to describe."""
    if start["id"] == goal["id"]:
        raise UsageError(f"{start['id']} named as both FROM and TO; name two different roles")
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
