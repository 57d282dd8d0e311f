"""Several offers side by side: ``offers FILE`` (handler in ``techpay.commands.offerfile``)."""

from __future__ import annotations

from typing import Annotated

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import (
    ForceFlag,
    HtmlOption,
    JsonFlag,
    NoHeaderFlag,
    PlainFlag,
    SvgOption,
)
from techpay.commands import offerfile


@app.command(short_help="Offers side by side, year by year, after tax and housing.")
def offers(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="An offers file, TOML (or .json), or - for standard input: 'techpay init"
            " --offers' writes one.",
        ),
    ],
    years: Annotated[
        int,
        typer.Option(
            "--years", min=1, max=10, metavar="N", help="How many years to lay out, 1 to 10."
        ),
    ] = 4,
    svg: SvgOption = None,
    html: HtmlOption = None,
    force: ForceFlag = False,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """Compare job offers year by year: pay, take-home and take-home after housing.

    FILE lists the offers, one [[offers]] table each: name, role (a role or an occupation
    code), place, base, and as 'techpay offer' takes them bonus, sign_on, stock, vest,
    refresh, raise, stock_growth, and filing ('techpay schema --offers' gives its JSON
    Schema; 'techpay validate FILE' checks it). For each offer: each year's base, bonus,
    sign-on, equity vesting and total; the take-home of that total in its place (all of it
    taxed as wages in the year it is paid or vests, 2025 tax tables) and that over the
    housing index; the running totals; and its base placed in the official pay of the
    role's occupation there (OEWS wages are base pay: total pay is never placed). Then who
    leads after each year, by pay, take-home and after housing, and the year one offer's
    running total overtakes another's, if it does within --years. Year k's vesting shares
    are valued at the grant price times (1 + stock_growth)^(k-1). --svg and --html save a
    chart of the running take-home of each offer, year by year.

    \b
    Examples:
      techpay init --offers offers.toml
      techpay offers offers.toml
      techpay offers offers.toml --years 6 --svg offers.svg
      techpay offers offers.toml --json | jq '.crossovers'
      techpay offers offers.toml --plain | cut -f1,2,13
      cat offers.toml | techpay offers -
    """
    return answer(
        ctx,
        offerfile.offers,
        file=file,
        years=years,
        svg=svg,
        html=html,
        force=force,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )
