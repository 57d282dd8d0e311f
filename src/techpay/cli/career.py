"""Career commands: match, path, skills."""

from __future__ import annotations

from typing import Annotated

import typer

from techpay import career, queries
from techpay.cli.app import (
    ClusterOption,
    JsonFlag,
    app,
    catalog,
    complete_role,
    complete_tag,
    role_argument,
)
from techpay.errors import EXIT_ERROR, did_you_mean
from techpay.output import emit, warn


@app.command()
def match(
    ctx: typer.Context,
    skills: Annotated[
        list[str],
        typer.Argument(
            metavar="SKILL",
            help="Skills you have: tags, synonyms, or 'a, b, c'.",
            autocompletion=complete_tag,
        ),
    ],
    top: Annotated[
        int | None, typer.Option("--top", "-n", min=1, help="Show the N best matches.")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Rank the roles by how much of their skill set you already have.

    Coverage is the share of a role's skill tags you have. Ties go to the better-paid role
    (salary midpoint), then to the article's order. Common spellings are understood (k8s,
    google cloud, ml); skills no role lists are reported with the closest tags. A word
    that names roles (a cluster such as ai or cloud, a role's name such as devops, sre or
    ml) lists those roles too, with the skills they ask for.

    \b
    Examples:
      techpay match python sql docker kubernetes
      techpay match "python, statistics" --top 3
      techpay match k8s terraform aws --json | jq '.matches[0]'
    """
    everything = catalog(ctx)
    result = career.match_roles(everything.roles, skills, everything.record["synonyms"])
    result["matches"] = result["matches"][:top]
    for unknown in result["unknown"]:
        hint = f"; {did_you_mean(unknown['suggestions'])}" if unknown["suggestions"] else ""
        warn(f"no role lists {unknown['skill']!r}{hint}")
    if not result["matches"] and not json_output:
        raise career.NoSkillMatches(
            "none of those skills is one a role lists; see 'techpay skills'"
        )

    def view() -> object:
        from techpay.render.career import match_view

        return match_view(result)

    emit(json_output, lambda: result, view)
    if not result["matches"]:
        raise typer.Exit(EXIT_ERROR)


@app.command()
def path(
    ctx: typer.Context,
    start: Annotated[str, role_argument("The role you have.", "FROM")],
    goal: Annotated[str, role_argument("The role you want.", "TO")],
    json_output: JsonFlag = False,
) -> None:
    """What moving from one role to another means.

    The salary change (min, max and midpoint, in dollars and percent; a pay cut is said
    plainly), the skill tags you keep, must gain and leave behind, and the
    responsibilities that are new.

    \b
    Examples:
      techpay path devops sre
      techpay path ds mle --json | jq '.gain'
    """
    everything = catalog(ctx)
    first, second = everything.resolve(start), everything.resolve(goal)
    move = career.career_path(first, second)

    def view() -> object:
        from techpay.render.career import path_view

        return path_view(move, first, second)

    emit(json_output, lambda: move, view)


@app.command()
def skills(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-R",
            metavar="ROLE",
            help="Only this role's tags.",
            autocompletion=complete_role,
        ),
    ] = None,
    cluster: ClusterOption = None,
    json_output: JsonFlag = False,
) -> None:
    """Every skill tag with the roles that need it, most-demanded first.

    Then the article's cross-role "skills that increase salaries", which are not tags.
    --cluster counts only the roles in those clusters; --role lists only that role's tags.

    \b
    Examples:
      techpay skills
      techpay skills --cluster cloud
      techpay skills --role sre --json | jq '.tags[] | .tag'
    """
    everything = catalog(ctx)
    roles = queries.select(everything.roles, everything.record["clusters"], clusters=cluster or [])
    only = queries.role_tags(everything.resolve(role)) if role else None
    demand = career.skill_demand(roles, only)
    meta_skills = everything.record["meta_skills"]
    titles = {entry["id"]: entry["title"] for entry in everything.roles}

    def view() -> object:
        from techpay.render.career import skills_view

        return skills_view(demand, titles, meta_skills)

    emit(json_output, lambda: {"tags": demand, "meta_skills": meta_skills}, view)
