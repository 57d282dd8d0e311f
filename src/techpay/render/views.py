"""Human-readable views of one role (``show``) and of the dataset (``about``), drawn from
the answers their handlers computed (see :func:`techpay.commands.figures.show_answer`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from techpay.core.absence import no_figures
from techpay.render.axis import money
from techpay.render.layout import Fitted, hanging
from techpay.render.local import scaled_range
from techpay.render.official import distribution, provenance
from techpay.render.release import place_name, worth_facts
from techpay.render.style import HEADER, MUTED, bullets, literal, midpoint, new_table, salary_range

if TYPE_CHECKING:
    from rich.console import RenderableType


def _duties(role: dict[str, Any]) -> Table:
    """The responsibilities as bullets, each followed by the tags it implies (ours)."""
    tagged = role["responsibility_tags"]
    return hanging(
        "-",
        (
            Text.assemble(literal(duty), literal(f"  {', '.join(tagged[duty])}", MUTED))
            if tagged.get(duty)
            else literal(duty)
            for duty in role["responsibilities"]
        ),
    )


def role_view(answer: dict[str, Any]) -> RenderableType:
    """``show``: everything about one role, its official pay (nationally, and in a place
    when one was given), and the roles closest to it by skills."""
    role = answer["role"]
    salary, related = role["salary"], role["related"]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=HEADER, no_wrap=True)
    facts.add_column()
    salary_line = Text(f"{salary_range(salary)}  (midpoint {midpoint(salary)})", style="bold")
    facts.add_row("Salary", salary_line)
    if salary["note"]:
        facts.add_row("", literal(salary["note"], MUTED))
    if role["summary"]:
        facts.add_row("Summary", literal(role["summary"]))
    if role["why_it_pays"]:
        facts.add_row("Why it pays", literal(role["why_it_pays"]))
    _official_rows(facts, answer)
    if role["occupation"] is not None:
        occupation = role["occupation"]
        line = f"{occupation['code']} {occupation['title']} ({occupation['match']} match"
        line += f"; {occupation['note']})" if occupation["note"] else ")"
        facts.add_row("Occupation", literal(line))
    facts.add_row("Clusters", literal(", ".join(role["clusters"]) or "-"))
    facts.add_row("Names", literal(", ".join((role["id"], *role["aliases"]))))

    skills = new_table()
    skills.add_column("Skill")
    skills.add_column("Tags", style=MUTED)
    for skill in role["skills"]:
        skills.add_row(literal(skill["text"]), literal(", ".join(skill["tags"])))

    rank = f"  #{role['rank']}" if role["rank"] else ""
    title = Text.assemble(literal(role["title"], "bold underline"), (rank, MUTED))
    parts: list[RenderableType] = [title, Text(), Fitted(facts, fallback="under"), Text()]
    parts += [Text("Responsibilities", style=HEADER), _duties(role), Text()]
    parts.append(Fitted(skills, fallback="records"))
    if related:
        parts += [Text(), Text("Related roles (most shared skill tags)", style=HEADER)]
        shares = (
            Text.assemble(
                literal(other["title"]), (f"  shares {', '.join(other['shared'])}", MUTED)
            )
            for other in related
        )
        parts.append(hanging("-", shares))
    return Group(*parts)


def _official_rows(facts: Table, answer: dict[str, Any]) -> None:
    """``show``: the national distribution, the estimates, and the same for a place."""
    role = answer["role"]
    official = role["official"]
    if official is None:
        facts.add_row("Official pay", literal(f"n/a ({role['official_note']})"))
        return
    facts.add_row("Official pay", literal(provenance(official), MUTED))
    facts.add_row("", distribution(official))
    facts.add_row("Estimate", Text(_national_estimate(answer)))
    if "local" not in role:
        return
    where = place_name(role["local"]["area"])
    local = role["local"]["official"]
    if local is None:
        facts.add_row("Local pay", literal(no_figures(where)))
        return
    facts.add_row("Local pay", literal(provenance(local), MUTED))
    facts.add_row("", distribution(local))
    facts.add_row("Estimate", Text(_local_estimate(answer, where)))


HOURLY_ONLY_ESTIMATE = "none: BLS published hourly wages only, and the range is yearly"


def _not_comparable(role: dict[str, Any]) -> str:
    return f"none: the range is in {role['salary']['currency']}, the official figures in USD"


def _national_estimate(answer: dict[str, Any]) -> str:
    role = answer["role"]
    if not answer["comparable"]:
        return _not_comparable(role)
    if role["official"]["hourly_wages"] is not None:
        return HOURLY_ONLY_ESTIMATE
    middle = role["salary"]["midpoint"]
    placed = answer["placement"]["text"]
    found = None if role["estimates"] is None else role["estimates"]["premium_percent"]
    versus = (
        ""
        if found is None
        else f"; {abs(found):.1f}% {'above' if found >= 0 else 'below'} the median"
    )
    return f"the range midpoint, {money(middle)}, is {placed}{versus}"


def _local_estimate(answer: dict[str, Any], where: str) -> str:
    role = answer["role"]
    local = role["local"]
    if not answer["comparable"]:
        return _not_comparable(role)
    if local["official"]["hourly_wages"] is not None:
        return HOURLY_ONLY_ESTIMATE
    scaled = local["estimates"]["salary"]
    placed = local["estimates"]["midpoint_placement"]["text"]
    middle = role["salary"]["midpoint"]
    lines = [f"the range midpoint, {money(middle)}, is {placed} in {where}"]
    if scaled is not None:
        lines.append(
            f"the range scaled to {where}: {scaled_range(scaled)} (local median / national"
            f" median = {scaled['ratio']}; to the nearest $1,000)"
        )
    return "\n".join(lines)


def about_view(about: dict[str, Any]) -> RenderableType:
    """``about``: what the dataset is, where each kind of figure comes from, what it is not."""
    source = about["source"] or {}
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=HEADER, no_wrap=True)
    facts.add_column()
    facts.add_row("Dataset", literal(f"{about['roles']} roles"))
    if source:
        year = source.get("year")
        title = f"{source['title']}{f' (figures for {year})' if year else ''}"
        facts.add_row("Salary ranges", literal(title))
        if source.get("provenance"):
            facts.add_row("", literal(source["provenance"]))
        facts.add_row("", literal(source.get("figures") or "", MUTED))
    if source.get("official"):
        facts.add_row("Official pay", literal(source["official"]))
    official = about["official"]
    facts.add_row(
        "",
        literal(
            f"{official['source']}, {official['release']} (release {official['release_code']},"
            f" published by BLS {official['published']}, retrieved {official['retrieved']},"
            f" via {official['upstream']})",
            MUTED,
        ),
    )
    for name, file in official["source_files"].items():
        facts.add_row("", literal(f"{name}  sha256 {file['sha256'][:16]}...", MUTED))
    premium = about["official_premium"]
    if premium["average_percent"] is not None:
        left_out = ", ".join(premium["roles_without_official_figures"]) or "none"
        facts.add_row(
            "Premium",
            literal(
                f"estimate: range midpoints average {premium['average_percent']:+.1f}% against"
                f" the official median, over {premium['roles_counted']} roles"
                f" (without one: {left_out})"
            ),
        )
    for label, value in worth_facts(about["worth"]):
        facts.add_row(label, literal(value))
    if source.get("ours"):
        facts.add_row("Ours", literal(", ".join(source["ours"])))
    parts: list[RenderableType] = [Fitted(facts, fallback="under")]
    caveats = [*source.get("caveats", ()), *official["not"], *about["worth"]["not"]]
    if caveats:
        parts += [Text(), Text("What the numbers are not", style=HEADER)]
        parts.append(bullets(dict.fromkeys(caveats)))
    if source.get("attribution"):
        parts += [Text(), literal(source["attribution"], MUTED)]
    return Group(*parts)


def status_view(facts: dict[str, Any]) -> Table:
    """``official status`` for people: label and value lines that wrap to the width (a
    checksum or path longer than the line is folded onto the next)."""
    from techpay.render.release import status_facts

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=HEADER, no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in [*status_facts(facts), *worth_facts(facts["worth"])]:
        grid.add_row(label, Text(value))
    return grid
