"""The rules of a valid dataset that need no validation library: the patterns and limits of
values, and the checks that span roles or layers.

:mod:`techpay.core.models` builds its pydantic models on them, and
:mod:`techpay.core.fastcheck` checks plainly valid data by them without importing pydantic,
so both judge by the same rules.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

    RoleNameParts = tuple[str, Sequence[str], Sequence[str]]  # id, aliases, clusters

KEBAB_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Tags may carry the punctuation of real skill names: c++, c#, node.js.
TAG_PATTERN = r"^[a-z0-9+#.]+(?:-[a-z0-9+#.]+)*$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"
# What a value that does not match each pattern must be, as the person writing a data file
# would say it (the rejection reads "must be " + this).
PATTERN_MEANINGS = {
    KEBAB_PATTERN: "lowercase words joined by hyphens, like staff-engineer",
    TAG_PATTERN: "a lowercase tag like python, c++, node.js or machine-learning",
    CURRENCY_PATTERN: "a three-letter currency code in capitals, like USD or EUR",
}

# Far above any real yearly salary, in any currency: ten billion units leaves room for
# currencies with small units (yen, won, rupiah, dong). Higher is a typo (1e13 for 1e5), and
# would also be too large to chart sensibly or to store in SQLite.
MAX_SALARY = 10_000_000_000

# An occupation's code (O*NET-SOC 15-1252.00, or SOC 15-1252) and the SOC code of its wages.
SOC_CODE = r"^\d{2}-\d{4}(\.\d{2})?$"
PAY_CODE = r"^\d{2}-\d{4}$"


def consistency_problems(
    roles: Iterable[RoleNameParts],
    clusters: Collection[str] | None,
    layer: Mapping[str, int] | None = None,
) -> list[tuple[str, str, str]]:
    """Problems that span roles, as ``(role id, field, message)``.

    ``roles`` gives each role's id, aliases and clusters. Repeated ids and a name claimed by
    two roles are always problems; cluster ids are checked when ``clusters`` is given (a layer
    may use the clusters another layer defines, so only the merged dataset is checked). With
    ``layer`` (each role's layer), a name two layers claim is the later layer's problem.
    """
    problems: list[tuple[str, str, str]] = []
    owner: dict[str, str] = {}
    listed = list(roles)
    for role_id, _, _ in listed:
        if role_id in owner:
            problems.append((role_id, "id", "used by another role too"))
        owner[role_id] = role_id
    known = ", ".join(sorted(clusters or ())) or "none are defined"
    for role_id, aliases, role_clusters in listed:
        for alias in aliases:
            claimed_by = owner.setdefault(alias, role_id)
            if claimed_by == role_id:
                continue
            if layer is not None and layer[claimed_by] > layer[role_id]:
                field = "id" if alias == claimed_by else "aliases"
                problems.append((claimed_by, field, f"{alias!r} also names role {role_id!r}"))
            else:
                problems.append((role_id, "aliases", f"{alias!r} also names role {claimed_by!r}"))
        for cluster in role_clusters:
            if clusters is not None and cluster not in clusters:
                problems.append(
                    (role_id, "clusters", f"unknown cluster {cluster!r} (known: {known})")
                )
    return problems


def synonym_problems(
    synonyms: dict[str, str], tags: Collection[str], shadowed: Collection[str] | None = None
) -> list[tuple[str, str]]:
    """``(synonym, message)`` for synonyms that shadow a real tag (one of ``shadowed``,
    by default ``tags``) or point at no tag (none of ``tags``)."""
    problems = []
    for synonym, tag in synonyms.items():
        if synonym in (tags if shadowed is None else shadowed):
            problems.append(
                (synonym, f"{synonym!r} is a skill tag itself; a synonym may not shadow it")
            )
        elif tag not in tags:
            problems.append((synonym, f"points at {tag!r}, which no role lists"))
    return problems
