"""Commands that judge pay with the official figures: offer (is this offer good?) and map
(handlers in ``techpay.commands.official``)."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import (
    FilingOption,
    ForceFlag,
    HourlyFlag,
    HtmlOption,
    JsonFlag,
    NoHeaderFlag,
    PlainFlag,
    SvgOption,
    TaxStateOption,
    complete_place,
    complete_role,
    places_option,
)
from techpay.commands import official
from techpay.official.tiles import DEFAULT_BINS, MAX_BINS, MIN_BINS

Measure = Literal[
    "median", "p10", "p90", "mean", "employment", "concentration", "take-home", "real"
]  # MEASURES

RoleArgument = Annotated[
    str,
    typer.Argument(
        metavar="ROLE",
        help="A role (id, alias, title or prefix) or an occupation code such as 15-1252.",
        autocompletion=complete_role,
    ),
]


@app.command(short_help="Is this offer good? Placed in the official pay.")
def offer(
    ctx: typer.Context,
    role: RoleArgument,
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="The offer, US dollars a year: 150000, 150k or $150,000.",
        ),
    ],
    hourly: HourlyFlag = False,
    places: Annotated[
        list[str] | None,
        places_option(
            "Also judge it in a place: a state (CA, texas), a metro area (austin,"
            " 'san jose') or a BLS area code; repeat it for one row per place. Adds the"
            " take-home and housing there, and with two places or more the pay needed in"
            " each to live as well as in the first."
        ),
    ] = None,
    filing: FilingOption = "single",
    tax_state: TaxStateOption = None,
    bonus: Annotated[
        str | None,
        typer.Option(
            "--bonus",
            metavar="AMOUNT",
            help="A yearly bonus: an amount (15k) or a share of that year's base (10%).",
        ),
    ] = None,
    sign_on: Annotated[
        str | None,
        typer.Option("--sign-on", metavar="AMOUNT", help="A bonus paid once, in year 1."),
    ] = None,
    stock: Annotated[
        str | None,
        typer.Option("--stock", metavar="AMOUNT", help="An equity grant: its value when granted."),
    ] = None,
    vest: Annotated[
        str | None,
        typer.Option(
            "--vest",
            metavar="SCHEDULE",
            help=(
                "How the grant vests, by year: even (25/25/25/25, the default), front"
                " (33/33/22/12), back (5/15/40/40), cliff (nothing before the first"
                " anniversary, then monthly: by year the same as even), or yearly"
                " percentages summing to 100 (10,20,30,40)."
            ),
        ),
    ] = None,
    refresh: Annotated[
        str | None,
        typer.Option(
            "--refresh",
            metavar="AMOUNT",
            help="A further grant at each anniversary, vesting on the same schedule.",
        ),
    ] = None,
    raise_: Annotated[
        str | None,
        typer.Option("--raise", metavar="PCT", help="The base's yearly raise, -50% to 100%."),
    ] = None,
    stock_growth: Annotated[
        str | None,
        typer.Option(
            "--stock-growth",
            metavar="PCT",
            help="The share price's yearly change, -100% to 1000% (default 0%).",
        ),
    ] = None,
    years: Annotated[
        int | None,
        typer.Option(
            "--years",
            min=1,
            max=10,
            metavar="N",
            help="How many years to lay out, 1 to 10 (default 4).",
        ),
    ] = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Is this offer good? Where an amount sits in the official pay and the article's range.

    Places AMOUNT in the official wage distribution of the role's occupation (BLS OEWS),
    nationally and in each --in place: between two published percentiles by linear
    interpolation, else only below the 10th or above the 90th. With a role, also against
    the article's range: below, inside or above it, and how far from its midpoint; in a
    place against the range scaled to it (an estimate). In each --in place, also its
    take-home after tax (2025) and over the housing index (see 'techpay net'), and with
    two places or more the pay needed in each to live as well as on AMOUNT in the first.

    With the parts of an offer (--bonus, --sign-on, --stock, --vest, --refresh, --raise,
    --stock-growth, --years), AMOUNT is the base, and the offer is laid out year by year:
    base, bonus, sign-on, the equity vesting, the total, and in each --in place (without
    one, the nation) the take-home of that year's total, all of it taxed as wages in the
    year it is paid or vests, and that over the housing index; then the totals. Year k's
    base is AMOUNT raised k - 1 times; its vesting shares are valued at the grant price
    times (1 + growth)^(k-1). Only the base is placed in the official pay: OEWS wages are
    base pay, and total pay is never placed there. 'techpay offers FILE' compares offers.

    \b
    Examples:
      techpay offer sre 150k
      techpay offer sre 165k --in austin --in 'san jose'
      techpay offer 15-1254 45 --hourly --in CA
      techpay offer em '$210,000' --json
      techpay offer sre 150k --stock 400k --vest back --in austin
      techpay offer sre 150k --bonus 10% --raise 5% --stock 400k --stock-growth -10%
    """
    return answer(
        ctx,
        official.offer,
        role=role,
        amount=amount,
        hourly=hourly,
        places=places,
        filing=filing,
        tax_state=tax_state,
        bonus=bonus,
        sign_on=sign_on,
        stock=stock,
        vest=vest,
        refresh=refresh,
        raise_=raise_,
        stock_growth=stock_growth,
        years=years,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )


@app.command(name="map", short_help="A map of a role's official pay, state by state.")
def pay_map(
    ctx: typer.Context,
    role: RoleArgument,
    by: Annotated[
        Measure,
        typer.Option(
            "--by",
            case_sensitive=False,
            help=(
                "The measure each state is coloured by: median, p10, p90 or mean annual wage;"
                " employment; concentration (location quotient); take-home: the median's"
                " take-home after tax (2025, filing single); real: that take-home over the"
                " state's housing index (2024), in US-average housing dollars."
            ),
        ),
    ] = "median",
    bins: Annotated[
        int,
        typer.Option(
            "--bins",
            min=MIN_BINS,
            max=MAX_BINS,
            metavar="N",
            help="How many colour bins, each with about as many states.",
        ),
    ] = DEFAULT_BINS,
    places: Annotated[
        list[str] | None,
        typer.Option("--in", metavar="PLACE", hidden=True, autocompletion=complete_place),
    ] = None,
    svg: SvgOption = None,
    html: HtmlOption = None,
    force: ForceFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Draw the United States as a map of a role's official pay, state by state.

    One tile per state and DC (Puerto Rico, the Virgin Islands and Guam beside it), each
    coloured by the official median (or --by measure) of the role's occupation in that
    state (BLS OEWS), in bins with a legend of their ranges. Without colour (NO_COLOR, a
    pipe), each tile carries its bin's digit.

    \b
    Examples:
      techpay map sre
      techpay map em --by p90 --bins 7
      techpay map 15-1254 --by concentration
      techpay map sre --by real
      techpay map sre --svg map.svg
      techpay map sre --json | jq -r '.tiles[] | [.postal, .value] | @tsv'
    """
    return answer(
        ctx,
        official.pay_map,
        role=role,
        by=by,
        bins=bins,
        places=places,
        svg=svg,
        html=html,
        force=force,
        json_output=json_output,
    )
