"""Rich views of the career questions: match, path, skills."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from techpay.render.axis import short_money
from techpay.render.layout import DROP, Fitted, hanging
from techpay.render.style import HEADER, MUTED, literal, new_table, salary_range, signed_money
from techpay.render.tables import difference_figures

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from techpay.core.records import (
        CareerPath,
        MatchResult,
        RoleRecord,
        SalaryDifference,
        SalaryRecord,
        SkillDemand,
    )


def match_view(result: MatchResult) -> RenderableType:
    """``match``: roles by how much of their skill set is covered."""
    grid = new_table()
    grid.add_column("Role", style="bold")
    grid.add_column("Covered", justify="right", no_wrap=True)
    grid.add_column("You have")
    grid.add_column("To learn", style=MUTED)
    grid.add_column("Salary", justify="right", no_wrap=True)
    for match in result["matches"]:
        grid.add_row(
            literal(match["title"]),
            f"{match['coverage']:g}%",
            literal(", ".join(match["matched"]) or "-"),
            literal(", ".join(match["missing"]) or "-"),
            short_range(match["salary"]),
        )
    return Fitted(grid, fallback="records")


def short_range(salary: SalaryRecord) -> str:
    """``$150k-$210k``: a range in thousands, for narrow columns."""
    currency, plus = salary["currency"], "+" if salary["open_ended"] else ""
    return f"{short_money(salary['min'], currency)}-{short_money(salary['max'], currency)}{plus}"


def path_view(path: CareerPath, start: RoleRecord, goal: RoleRecord) -> RenderableType:
    """``path``: the salary change, then the skills and duties that change."""
    title = Text.assemble(
        literal(start["title"], "bold"), (" -> ", MUTED), literal(goal["title"], "bold")
    )
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=HEADER, no_wrap=True)
    facts.add_column()
    facts.add_row("Salary", f"{salary_range(start['salary'])} -> {salary_range(goal['salary'])}")
    facts.add_row("Change", salary_change(path["salary"]))
    for label, tags in (("Keep", path["keep"]), ("Gain", path["gain"]), ("Leave", path["leave"])):
        facts.add_row(label, literal(", ".join(tags) or "-"))
    duties = hanging("-", (literal(duty) for duty in path["new_responsibilities"]))
    return Group(
        title,
        Text(),
        Fitted(facts, fallback="under"),
        Text(),
        Text("New responsibilities", style=HEADER),
        duties if path["new_responsibilities"] else Text("-"),
    )


def salary_change(difference: SalaryDifference) -> Text:
    """``a raise: midpoint +$10,000 (+6.6%), min ...``; or why there is no figure."""
    figures = difference_figures(difference)
    if figures is None:
        return literal(f"not comparable: {difference['not_comparable']}", "bold")
    currency, (minimum, maximum, middle), (min_percent, max_percent, mid_percent) = figures
    verdict = "a raise" if middle > 0 else "a pay cut" if middle < 0 else "no change in pay"
    return Text(
        f"{verdict}: midpoint {signed_money(middle, currency)} ({mid_percent:+.1f}%),"
        f" min {signed_money(minimum, currency)} ({min_percent:+.1f}%),"
        f" max {signed_money(maximum, currency)} ({max_percent:+.1f}%)",
        style="bold",
    )


def skills_view(
    demand: Sequence[SkillDemand], titles: dict[str, str], meta_skills: Sequence[str]
) -> RenderableType:
    """``skills``: each tag with the roles that need it, then the article's meta skills."""
    grid = new_table()
    grid.add_column("Skill tag", style="bold", no_wrap=True)
    grid.add_column("Roles", justify="right", no_wrap=True)
    grid.add_column("Needed by")
    for entry in demand:
        names = ", ".join(titles[role_id] for role_id in entry["roles"])
        grid.add_row(literal(entry["tag"]), str(len(entry["roles"])), literal(names))
    parts: list[RenderableType] = [Fitted(grid, [(DROP, "Roles")], fallback="records")]
    if meta_skills:
        parts += [Text(), Text("Skills that increase salaries across roles", style=HEADER)]
        parts.append(hanging("-", (literal(skill) for skill in meta_skills)))
    return Group(*parts)
