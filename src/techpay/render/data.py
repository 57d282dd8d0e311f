"""Machine-readable output: the JSON contract documented in the README.

Plain ``json`` on plain records, never Rich: the bytes are the same on a terminal, in a pipe
and under ``FORCE_COLOR``. Non-ASCII and control characters are escaped (``ensure_ascii``),
so the output is safe in any encoding and can never carry a terminal escape sequence.
"""

from __future__ import annotations

import json

from techpay.queries import official_premium, salary_midpoint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from techpay.records import Comparison, RelatedRole, RoleRecord


def dumps(payload: object) -> str:
    """Serialise a payload the one way techpay prints JSON: indented, ASCII, newline-ended."""
    return json.dumps(payload, indent=2, ensure_ascii=True) + "\n"


def role_object(role: RoleRecord) -> dict[str, object]:
    """One role as a JSON object: the record, with the salary midpoint added after max."""
    salary = role["salary"]
    salary_out: dict[str, object] = {"min": salary["min"], "max": salary["max"]}
    salary_out["midpoint"] = salary_midpoint(salary)
    salary_out.update(salary)
    official: dict[str, object] | None = None
    if role["official_pay"] is not None:
        official = {**role["official_pay"], "premium_percent": official_premium(role)}
    return {**role, "salary": salary_out, "official_pay": official}


def show_object(role: RoleRecord, related: list[RelatedRole]) -> dict[str, object]:
    """``show``: the role object, with the roles closest to it by skills."""
    return {**role_object(role), "related": related}


def role_list(roles: Iterable[RoleRecord]) -> list[dict[str, object]]:
    """An array of role objects (``list``, ``filter``)."""
    return [role_object(role) for role in roles]


def comparison_object(comparison: Comparison) -> dict[str, object]:
    """``compare``: the roles, the salary differences and the shared and unique tags."""
    return {**comparison, "roles": role_list(comparison["roles"])}


def array_item(text: str) -> str:
    """A value's JSON (as :func:`dumps` prints it) indented to stand inside an array."""
    return "  " + text.rstrip("\n").replace("\n", "\n  ")
