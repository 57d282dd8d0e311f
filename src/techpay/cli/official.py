"""Commands on the official wage statistics (BLS OEWS): where, occupations, occupation
(handlers in ``techpay.commands.official``)."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import (
    FilingOption,
    JsonFlag,
    NoHeaderFlag,
    PlainFlag,
    TaxStateOption,
    complete_place,
    complete_role,
    places_option,
)
from techpay.commands import official
from techpay.official.estimates import DEFAULT_MIN_EMPLOYMENT, MAX_EMPLOYMENT, MAX_TOP

# PLACE_SORTS and WORTH_SORTS
PlaceSort = Literal[
    "median", "p10", "p90", "mean", "employment", "concentration", "take-home", "real"
]
OccupationSort = Literal["code", "median", "employment"]


@app.command()
def where(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE",
            help="A role (id, alias, title or prefix) or an occupation code such as 15-1252.",
            autocompletion=complete_role,
        ),
    ],
    metros: Annotated[
        bool, typer.Option("--metros/--states", help="Rank metro areas instead of states.")
    ] = False,
    sort: Annotated[
        PlaceSort,
        typer.Option(
            "--sort",
            "-s",
            case_sensitive=False,
            help=(
                "median, p10, p90 or mean: that annual wage, highest first (a top-coded wage by the"
                " least it can be; hourly-only wages after the annual ones);"
                " employment: most jobs first; concentration: highest location quotient first;"
                " take-home: the median's take-home after tax (2025), highest first; real: that"
                " take-home over the housing index (2024), what the median buys. With --in, the"
                " places stay in the order given, and take-home or real adds those columns."
            ),
        ),
    ] = "median",
    top: Annotated[
        int,
        typer.Option(
            "--top", "-n", min=1, max=MAX_TOP, metavar="N", help="Show the first N places."
        ),
    ] = 10,
    min_employment: Annotated[
        int,
        typer.Option(
            "--min-employment",
            min=0,
            max=MAX_EMPLOYMENT,
            metavar="N",
            help=(
                "Leave out places with fewer than N jobs in the occupation (default 100: smaller"
                " estimates are noisy, and so small a market is rarely one to move for);"
                " 0 keeps every place."
            ),
        ),
    ] = DEFAULT_MIN_EMPLOYMENT,
    places: Annotated[
        list[str] | None,
        places_option("Compare these places side by side instead of ranking; repeat it."),
    ] = None,
    filing: FilingOption = "single",
    tax_state: TaxStateOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Where a role pays most, and where its jobs are (BLS OEWS).

    Ranks states (or metro areas) by the official figures for the role's occupation:
    employment, median, 10th-90th percentile and location quotient (LQ: how concentrated
    the jobs are there, against the nation; 1.0 is average). --sort take-home ranks them
    by what the median leaves after tax (tax year 2025, single unless --filing joint), and
    --sort real by that over the housing index (see 'techpay net'): both estimates;
    --filing and --tax-state apply to these two only.

    \b
    Examples:
      techpay where sre
      techpay where em --metros --top 5
      techpay where sre --in austin --in seattle --in "san jose"
      techpay where sre --sort real --metros
      techpay where 15-1254 --sort employment --json
    """
    return answer(
        ctx,
        official.where,
        role=role,
        metros=metros,
        sort=sort,
        top=top,
        min_employment=min_employment,
        places=places,
        filing=filing,
        tax_state=tax_state,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )


@app.command(short_help="Search the official occupations (BLS OEWS).")
def occupations(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[WORDS]...",
            help=(
                "Words of the title or their stems (programming), words people use for an"
                " occupation (software, cloud, ml: a table of ours), or the start of a code."
            ),
        ),
    ] = None,
    sort: Annotated[
        OccupationSort,
        typer.Option(
            "--sort",
            "-s",
            case_sensitive=False,
            help="code (the default), or median or employment: highest first.",
        ),
    ] = "code",
    place: Annotated[
        str | None,
        typer.Option(
            "--in",
            metavar="PLACE",
            help="The figures in a place instead of the nation: a state (CA, texas) or a metro"
            " area (austin, nyc).",
            autocompletion=complete_place,
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", "-n", min=1, metavar="N", help="Show the first N."),
    ] = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Search the official occupations (BLS OEWS) by title words or code.

    Shows each occupation's median and employment, nationally or in a place. With no WORDS,
    lists all 830.

    \b
    Examples:
      techpay occupations software
      techpay occupations web developer
      techpay occupations data --sort median --in "san jose"
      techpay occupations 15-12
      techpay occupations actuar --json
    """
    return answer(
        ctx,
        official.occupations,
        words=words,
        sort=sort,
        place=place,
        top=top,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )


@app.command(short_help="One official occupation's wages, here and in a place.")
def occupation(
    ctx: typer.Context,
    code: Annotated[
        str,
        typer.Argument(
            metavar="OCCUPATION",
            help='A SOC code such as 15-1254, an O*NET code, or a title ("web developers").',
        ),
    ],
    place: Annotated[
        list[str] | None,
        places_option(
            "Also show its official figures in a place: a state (CA, texas), a metro area"
            " (austin, 'san jose') or a BLS area code. One place."
        ),
    ] = None,
    json_output: JsonFlag = False,
) -> int:
    """Show one official occupation's wage distribution, nationally and in a place.

    \b
    Examples:
      techpay occupation 15-1254
      techpay occupation "software developers"
      techpay occupation 15-2011 --in CA
    """
    return answer(ctx, official.occupation, code=code, place=place, json_output=json_output)
