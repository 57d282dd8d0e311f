"""Plain text for grep and awk (``--plain``): one record per line, tab-separated.

Nothing is wrapped or padded, and a tab, newline or other control character inside data is
written as an escape (``\\t``, ``\\n``, ``\\x1b``), so a record is always exactly one line.
"""

from __future__ import annotations

from techpay.errors import literal_text
from techpay.queries import official_median, salary_midpoint

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from techpay.records import RoleRecord


def field(value: object) -> str:
    """One field: ``None`` as empty, text with its separators and every other control
    character escaped (a backslash doubled, so each escape reads one way back)."""
    if value is None:
        return ""
    return literal_text(str(value).replace("\\", "\\\\"))


def line(*values: object) -> str:
    return "\t".join(field(value) for value in values) + "\n"


def roles_lines(roles: Iterable[RoleRecord]) -> str:
    """``list``/``filter``: rank, id, title, min, max, midpoint, currency, clusters."""
    return "".join(
        line(
            role["rank"],
            role["id"],
            role["title"],
            role["salary"]["min"],
            role["salary"]["max"],
            salary_midpoint(role["salary"]),
            role["salary"]["currency"],
            ",".join(role["clusters"]),
        )
        for role in roles
    )


def role_lines(role: RoleRecord) -> str:
    """``show``: ``field<TAB>value`` lines; list fields repeat the field name."""
    salary = role["salary"]
    lines = [
        line("id", role["id"]),
        line("rank", role["rank"]),
        line("title", role["title"]),
        line("salary_min", salary["min"]),
        line("salary_max", salary["max"]),
        line("salary_midpoint", salary_midpoint(salary)),
        line("currency", salary["currency"]),
        line("open_ended", str(salary["open_ended"]).lower()),
        line("summary", role["summary"]),
        line("why_it_pays", role["why_it_pays"]),
    ]
    median = official_median(role)
    if median is not None:
        lines.append(line("official_median", median))
    lines += [line("alias", alias) for alias in role["aliases"]]
    lines += [line("cluster", cluster) for cluster in role["clusters"]]
    lines += [line("responsibility", duty) for duty in role["responsibilities"]]
    lines += [line("skill", skill["text"], ",".join(skill["tags"])) for skill in role["skills"]]
    return "".join(lines)
