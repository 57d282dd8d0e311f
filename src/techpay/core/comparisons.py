"""Pure comparisons of roles: the differences between salaries (``compare``, ``path``), and
the currencies they are paid in, which are never compared with each other.

No I/O and no third-party imports: every function takes records and returns new values.
"""

from __future__ import annotations

from techpay.core.errors import UsageError
from techpay.core.queries import HOME_CURRENCY, currency_order, role_tags, salary_midpoint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from techpay.core.records import Comparison, RoleRecord, SalaryDifference


def compare_roles(roles: Sequence[RoleRecord]) -> Comparison:
    """Salary differences against the first role, and which tags are shared or unique."""
    if len(roles) < 2:
        raise UsageError("compare needs at least two roles")
    ids = [role["id"] for role in roles]
    repeated = sorted({role_id for role_id in ids if ids.count(role_id) > 1})
    if repeated:
        raise UsageError(f"{', '.join(repeated)} named more than once; compare different roles")
    baseline = roles[0]
    tag_lists = {role["id"]: role_tags(role) for role in roles}
    every = [set(tags) for tags in tag_lists.values()]
    shared = [tag for tag in tag_lists[baseline["id"]] if all(tag in tags for tags in every)]
    unique = {
        role_id: [
            tag
            for tag in tags
            if not any(tag in tag_lists[other] for other in tag_lists if other != role_id)
        ]
        for role_id, tags in tag_lists.items()
    }
    return {
        "baseline": baseline["id"],
        "roles": list(roles),
        "salary_differences": [salary_difference(baseline, role) for role in roles[1:]],
        "tags": {"shared": shared, "unique": unique},
    }


def salary_difference(baseline: RoleRecord, other: RoleRecord) -> SalaryDifference:
    """``other`` minus ``baseline``: min, max and midpoint, in units and in percent.

    Salaries in different currencies are not comparable (techpay has no exchange rates):
    every figure is then None and ``not_comparable`` says why.
    """
    base, then = baseline["salary"], other["salary"]
    if base["currency"] != then["currency"]:
        return {
            "id": other["id"],
            "currency": None,
            "min": None,
            "max": None,
            "midpoint": None,
            "min_percent": None,
            "max_percent": None,
            "midpoint_percent": None,
            "not_comparable": currencies_differ(base["currency"], then["currency"]),
        }
    base_mid, other_mid = salary_midpoint(base), salary_midpoint(then)
    return {
        "id": other["id"],
        "currency": base["currency"],
        "min": then["min"] - base["min"],
        "max": then["max"] - base["max"],
        "midpoint": other_mid - base_mid,
        "min_percent": _percent(then["min"] - base["min"], base["min"]),
        "max_percent": _percent(then["max"] - base["max"], base["max"]),
        "midpoint_percent": _percent(other_mid - base_mid, base_mid),
        "not_comparable": None,
    }


def currencies_differ(first: str, second: str) -> str:
    """Why two salaries are not compared."""
    return f"{first} and {second} are different currencies; techpay does not convert between them"


def currency_counts(roles: Iterable[RoleRecord]) -> dict[str, int]:
    """How many roles are paid in each currency, USD first, then the others by code."""
    counts: dict[str, int] = {}
    for role in roles:
        counts[role["salary"]["currency"]] = counts.get(role["salary"]["currency"], 0) + 1
    return dict(sorted(counts.items(), key=lambda item: currency_order(item[0])))


def mixed_currencies_warning(roles: Iterable[RoleRecord]) -> str | None:
    """What ``validate`` says of a dataset whose salaries are in several currencies."""
    counts = currency_counts(roles)
    if len(counts) < 2:
        return None
    listed = ", ".join(f"{count} in {currency}" for currency, count in counts.items())
    return (
        f"warning: salaries in {len(counts)} currencies ({listed}); they are never compared"
        f" or converted, orders by pay group them ({HOME_CURRENCY} first), and"
        f" --min-salary/--max-salary keep only {HOME_CURRENCY} roles"
    )


def _percent(change: int, base: int) -> float:
    return round(change * 100 / base, 1)
