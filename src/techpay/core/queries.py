"""Pure questions over roles: sort, select (filter) and their skill tags. Comparing roles is
in ``techpay.core.comparisons``; reading amounts in ``techpay.core.amounts``.

No I/O and no third-party imports: every function takes records and returns new values.
"""

from __future__ import annotations

from techpay.core.errors import UsageError, did_you_mean
from techpay.core.names import normalise_name
from techpay.core.selection import Selection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from techpay.core.records import RoleRecord, SalaryRecord

SORT_KEYS = ("rank", "salary", "min", "max", "name", "official")
SALARY_KEYS = ("salary", "min", "max")  # orders that compare amounts, so only within a currency
HOME_CURRENCY = "USD"  # the bundled data's, first in every order by pay; --min-salary's unit


def rank_order(role: RoleRecord) -> tuple[bool, int, str]:
    """The article's order; roles without a rank (user data may omit it) come last, by id."""
    rank = role["rank"]
    return (rank is None, rank or 0, role["id"])


def currency_order(currency: str) -> tuple[bool, str]:
    """USD first, then the other currencies by code: the order of groups wherever roles are
    ordered by pay (amounts in different currencies are never compared)."""
    return (currency != HOME_CURRENCY, currency)


def _currency(role: RoleRecord) -> tuple[bool, str]:
    return currency_order(role["salary"]["currency"])


_SORT_ORDERS: dict[str, Callable[[RoleRecord], tuple[object, ...]]] = {
    "rank": rank_order,
    "salary": lambda role: (
        *_currency(role),
        -salary_midpoint(role["salary"]),
        -role["salary"]["max"],
        *rank_order(role),
    ),
    "min": lambda role: (*_currency(role), -role["salary"]["min"], *rank_order(role)),
    "max": lambda role: (*_currency(role), -role["salary"]["max"], *rank_order(role)),
    "name": lambda role: (role["title"].casefold(), role["id"]),
    "official": lambda role: _by_median(role, official_median(role)),
}


def official_median(role: RoleRecord) -> int | None:
    """The national official median of the role's occupation, if published."""
    official = role.get("official")
    return None if official is None else official["annual_wages"]["median"]


def salary_midpoint(salary: SalaryRecord) -> int:
    """The middle of the range in whole units, halves rounded up.

    For an open-ended range ("$240,000+") the stated top is used.
    """
    return (salary["min"] + salary["max"] + 1) // 2


def sort_roles(
    roles: Iterable[RoleRecord],
    key: str = "rank",
    reverse: bool = False,
    medians: Mapping[str, int | None] | None = None,
) -> list[RoleRecord]:
    """Roles in the order ``key`` names; ``reverse`` flips the whole order.

    ``rank`` is the article's order; ``salary`` is by midpoint, highest first, ties going to the
    higher max, then the better rank; ``min``/``max`` are highest first; ``name`` is A to Z;
    ``official`` is by official median, highest first, roles without one last (also when
    reversed: a missing median is not a low one). The orders by pay sort each currency on its
    own: USD first, then the other currencies by code (also when reversed).

    ``medians`` (each role's official median in a place, by id) stands in for the national
    median in ``official``: a list shown with a place's medians is sorted by them.
    """
    if key not in _SORT_ORDERS:
        raise UsageError(f"unknown sort key {key!r}; use one of: {', '.join(SORT_KEYS)}")
    if key == "official" and medians is not None:
        ordered = sorted(roles, key=lambda role: _by_median(role, medians.get(role["id"])))
        known = [role for role in ordered if medians.get(role["id"]) is not None]
        unknown = [role for role in ordered if medians.get(role["id"]) is None]
        return known[::-1] + unknown if reverse else ordered
    ordered = sorted(roles, key=_SORT_ORDERS[key])
    return reversed_order(ordered, key) if reverse else ordered


def _by_median(role: RoleRecord, median: int | None) -> tuple[object, ...]:
    """Highest median first; roles without one last, never counted as zero."""
    return (median is None, -(median or 0), *rank_order(role))


def reversed_order(ordered: list[RoleRecord], key: str) -> list[RoleRecord]:
    """The reverse of an order ``sort_roles`` gave, without sorting again; roles without an
    official median stay last when sorting by it, and the orders by pay are reversed within
    each currency, whose groups keep their order."""
    if key in SALARY_KEYS:
        groups: dict[str, list[RoleRecord]] = {}
        for role in ordered:
            groups.setdefault(role["salary"]["currency"], []).append(role)
        return [role for group in groups.values() for role in group[::-1]]
    if key != "official":
        return ordered[::-1]
    known = [role for role in ordered if official_median(role) is not None]
    return known[::-1] + [role for role in ordered if official_median(role) is None]


def role_tags(role: RoleRecord) -> list[str]:
    """The role's skill tags, each once: its skills' in their order, then those its
    responsibilities imply (``responsibility_tags``)."""
    from_skills = (tag for skill in role["skills"] for tag in skill["tags"])
    from_duties = (tag for tags in role["responsibility_tags"].values() for tag in tags)
    return list(dict.fromkeys((*from_skills, *from_duties)))


def known_tags(roles: Iterable[RoleRecord]) -> list[str]:
    """Every skill tag any role lists, sorted."""
    return sorted({tag for role in roles for tag in role_tags(role)})


def closest(name: str, known: Iterable[str]) -> list[str]:
    """Up to three known names close to a misspelt one, closest first."""
    from difflib import get_close_matches

    return get_close_matches(name, sorted(set(known)), n=3)


def check_known(kind: str, given: Iterable[str], known: Iterable[str]) -> None:
    """Refuse a skill tag or cluster that no role has, suggesting the closest ones."""
    known_names = sorted(set(known))
    for name in given:
        if normalise_name(name) in known_names:
            continue
        close = closest(normalise_name(name), known_names)
        hint = did_you_mean(close) if close else f"known: {', '.join(known_names)}"
        raise UsageError(f"no role has the {kind} {name!r}; {hint}")


def filter_roles(
    roles: Iterable[RoleRecord],
    *,
    min_salary: int | None = None,
    max_salary: int | None = None,
    skills: Sequence[str] = (),
    clusters: Sequence[str] = (),
    text: str | None = None,
) -> list[RoleRecord]:
    """The roles that meet every criterion given.

    ``min_salary``: the whole range is at or above it (min >= X). ``max_salary``: the whole
    range is at or below it (max <= X; an open-ended range never is). Both are US dollars, so
    a role paid in another currency never meets either. ``skills``/``clusters``:
    the role has every one. ``text``: every word occurs, ignoring case, in the title, summary,
    responsibilities or skills.
    """
    wanted_tags = {normalise_name(tag) for tag in skills}
    wanted_clusters = {normalise_name(cluster) for cluster in clusters}
    words = text.casefold().split() if text else []

    def keep(role: RoleRecord) -> bool:
        salary = role["salary"]
        bounded = min_salary is not None or max_salary is not None
        if bounded and salary["currency"] != HOME_CURRENCY:
            return False
        if min_salary is not None and salary["min"] < min_salary:
            return False
        if max_salary is not None and (salary["open_ended"] or salary["max"] > max_salary):
            return False
        if not wanted_tags <= set(role_tags(role)) or not wanted_clusters <= set(role["clusters"]):
            return False
        haystack = searchable_text(role)
        return all(word in haystack for word in words)

    return [role for role in roles if keep(role)]


def skill_tag(text: str, synonyms: Mapping[str, str]) -> str:
    """A skill as typed, as a tag: normalised, synonyms applied (k8s -> kubernetes)."""
    tag = normalise_name(text)
    return synonyms.get(tag, tag)


def select(
    roles: Sequence[RoleRecord],
    known_clusters: Iterable[str],
    selection: Selection,
    synonyms: Mapping[str, str] | None = None,
) -> list[RoleRecord]:
    """The roles a selection keeps, in its order: unknown tags and clusters are errors."""
    skills = [skill_tag(skill, synonyms or {}) for skill in selection.skills]
    check_known("skill tag", skills, known_tags(roles))
    check_known("cluster", selection.clusters, known_clusters)
    matches = filter_roles(
        roles,
        min_salary=selection.min_salary,
        max_salary=selection.max_salary,
        skills=skills,
        clusters=selection.clusters,
        text=selection.text,
    )
    return sort_roles(matches, selection.sort, selection.reverse)[: selection.limit]


def searchable_text(role: RoleRecord) -> str:
    """The role's title, summary, responsibilities and skills as one case-folded string."""
    parts = [role["title"], role["summary"] or "", *role["responsibilities"]]
    parts += [skill["text"] for skill in role["skills"]]
    return "\n".join(parts).casefold()
