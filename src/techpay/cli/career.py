"""Career commands: match, path, skills (handlers in ``techpay.commands.career``)."""

from __future__ import annotations

from typing import Annotated

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import (
    ClusterOption,
    JsonFlag,
    NoHeaderFlag,
    PlaceOption,
    PlainFlag,
    complete_role,
    complete_tag,
    role_argument,
)
from techpay.commands import career


@app.command(short_help="Rank the roles by the share of their skills you have.")
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
    place: PlaceOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Rank the roles by how much of their skill set you already have.

    Coverage is the share of a role's skill tags (those of its skills and responsibilities)
    you have. Ties go to the better-paid role (salary midpoint), then to the article's
    order. Words that make one skill are read as one (threat modeling); common spellings
    are understood (k8s, google cloud, ml, terraform); skills no role lists are reported
    with the closest tags. A word that names roles (a cluster such as ai or cloud, a role's
    name such as devops, sre or ml) lists those roles first, with the skills they ask for.

    \b
    Examples:
      techpay match python sql docker kubernetes
      techpay match "python, statistics" --top 3
      techpay match k8s terraform aws --json | jq '.matches[0]'
      techpay match python sql --in austin
    """
    return answer(
        ctx,
        career.match,
        skills=skills,
        top=top,
        place=place,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )


@app.command()
def path(
    ctx: typer.Context,
    start: Annotated[str, role_argument("The role you have.", "FROM")],
    goal: Annotated[str, role_argument("The role you want.", "TO")],
    place: PlaceOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """What moving from one role to another means.

    The salary change (min, max and midpoint, in dollars and percent; a pay cut is said
    plainly), the skill tags you keep, must gain and leave behind, and the
    responsibilities that are new.

    \b
    Examples:
      techpay path devops sre
      techpay path ds mle --json | jq '.gain'
      techpay path devops sre --in seattle
      techpay path devops sre --plain | grep ^gain
    """
    return answer(
        ctx,
        career.path,
        start=start,
        goal=goal,
        place=place,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )


@app.command(short_help="Every skill tag, and the roles that need it.")
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
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Every skill tag with the roles that need it, most-demanded first.

    Then the article's cross-role "skills that increase salaries", which are not tags.
    --cluster counts only the roles in those clusters; --role lists only that role's tags.

    \b
    Examples:
      techpay skills
      techpay skills --cluster cloud
      techpay skills --role sre --json | jq '.tags[] | .tag'
    """
    return answer(
        ctx,
        career.skills,
        role=role,
        cluster=cluster,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )
