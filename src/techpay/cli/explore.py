"""Commands that explore the roles: list, show, compare, filter, chart.

Each declares its command line and passes what it read to its handler in
``techpay.commands.explore``, which the fast path runs too.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import (
    ForceFlag,
    HtmlOption,
    JsonFlag,
    LimitOption,
    NoHeaderFlag,
    OfficialFlag,
    PlaceOption,
    PlainFlag,
    ReverseFlag,
    SortOption,
    SvgOption,
    role_argument,
    selection_options,
)
from techpay.commands import explore


@app.command("list")
def list_roles(
    ctx: typer.Context,
    sort: SortOption = "rank",
    reverse: ReverseFlag = False,
    limit: LimitOption = None,
    official: OfficialFlag = False,
    place: PlaceOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """List the roles with their salary ranges.

    Roles come in the article's order unless --sort says otherwise.

    \b
    Examples:
      techpay list --sort salary --limit 3
      techpay list --sort name --reverse
      techpay list --official --sort official
      techpay list --in texas
      techpay list --json | jq '.[] | select(.salary.min >= 150000) | .id'
    """
    return answer(
        ctx,
        explore.list_roles,
        sort=sort,
        reverse=reverse,
        limit=limit,
        official=official,
        place=place,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )


@app.command()
def show(
    ctx: typer.Context,
    role: Annotated[str, role_argument("Id, alias, title or unique prefix, e.g. sre.")],
    place: PlaceOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
    force: ForceFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Show everything about one role.

    Salary range and midpoint, summary, why it pays, responsibilities, skills with their
    tags, clusters, every name the role answers to, and the three roles closest to it by
    skill tags (Jaccard overlap). ROLE can be an id, an alias, the
    title or a prefix that fits only one role, in any case.

    \b
    Examples:
      techpay show sre
      techpay show sre --in austin
      techpay show "machine learning engineer"
      techpay show cyber --json
    """
    return answer(
        ctx,
        explore.show,
        role=role,
        place=place,
        plain=plain,
        no_header=no_header,
        svg=svg,
        html=html,
        force=force,
        json_output=json_output,
    )


@app.command()
def compare(
    ctx: typer.Context,
    roles: Annotated[list[str], role_argument("Two or more roles; the first is the baseline.")],
    official: OfficialFlag = False,
    place: PlaceOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    svg: SvgOption = None,
    html: HtmlOption = None,
    force: ForceFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Compare two or more roles side by side.

    Salary ranges and midpoints, and each role's difference from the first one (the
    baseline): min, max and midpoint in dollars, the midpoint also in percent. Then
    responsibilities, skills, the skill tags every role shares and those only one has.

    \b
    Examples:
      techpay compare sre devops
      techpay compare mle ds ai-pm
      techpay compare sre devops --in "san jose"
      techpay compare em ai-pm --json | jq '.salary_differences'
    """
    return answer(
        ctx,
        explore.compare,
        roles=roles,
        official=official,
        place=place,
        plain=plain,
        no_header=no_header,
        svg=svg,
        html=html,
        force=force,
        json_output=json_output,
    )


@app.command("filter")
@selection_options()
def filter_roles(
    ctx: typer.Context,
    limit: LimitOption = None,
    place: PlaceOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
    **selection: Any,
) -> int:
    """Find the roles that meet every criterion given.

    AMOUNT is a yearly figure: 150000, 150k, $150,000 or 1.2m. Skill tags are the
    ones 'techpay show' lists (python, kubernetes, aws, ...); clusters are ai, cloud,
    security and leadership. With no criteria, every role matches.

    \b
    Examples:
      techpay filter --skill python --min-salary 150k
      techpay filter --cluster ai --cluster leadership
      techpay filter --max-salary 190k --sort salary --limit 3
      techpay filter --text "incident response" --json
    """
    return answer(
        ctx,
        explore.filter_roles,
        limit=limit,
        place=place,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
        **selection,
    )


@app.command()
@selection_options(sort="salary")
def chart(
    ctx: typer.Context,
    limit: LimitOption = None,
    official: Annotated[
        bool,
        typer.Option(
            "--official",
            help=(
                "Under each range, draw the official 10th-90th percentile and median of the"
                " role's occupation (BLS OEWS), on the same axis."
            ),
        ),
    ] = False,
    place: PlaceOption = None,
    svg: SvgOption = None,
    html: HtmlOption = None,
    force: ForceFlag = False,
    json_output: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the numbers drawn instead: each role's min, max, midpoint and"
            " open_ended, and the axis ticks of an 80-column chart.",
        ),
    ] = False,
    **selection: Any,
) -> int:
    """Draw the salary ranges as bars on one dollar axis.

    Each bar runs from the range's min to its max with the midpoint marked; an open-ended
    range ("$240,000+") runs off the end. Takes the selection options of 'techpay filter';
    sorted by salary unless --sort says otherwise. It fits the terminal's width.

    \b
    Examples:
      techpay chart
      techpay chart --cluster ai --sort rank
      techpay chart --limit 3
      techpay chart --svg chart.svg
      techpay chart --official --in seattle
      techpay chart --json | jq -r '.roles[] | "\\(.midpoint) \\(.title)"'
    """
    return answer(
        ctx,
        explore.chart,
        limit=limit,
        official=official,
        place=place,
        svg=svg,
        html=html,
        force=force,
        json_output=json_output,
        **selection,
    )
