"""What pay is worth: ``net`` (handler in ``techpay.commands.worth``)."""

from __future__ import annotations

from typing import Annotated

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import (
    FilingOption,
    HourlyFlag,
    JsonFlag,
    NoHeaderFlag,
    PlainFlag,
    TaxStateOption,
    places_option,
)
from techpay.commands import worth


@app.command(short_help="What a salary leaves after tax, and buys after housing.")
def net(
    ctx: typer.Context,
    amount: Annotated[
        str,
        typer.Argument(metavar="AMOUNT", help="US dollars a year: 165000, 165k or $165,000."),
    ],
    hourly: HourlyFlag = False,
    places: Annotated[
        list[str] | None,
        places_option(
            "A place to tax it in: a state (CA, texas), a metro area (austin, 'san jose') or a"
            " BLS area code; repeat it for a column per place."
        ),
    ] = None,
    filing: FilingOption = "single",
    tax_state: TaxStateOption = None,
    plain: PlainFlag = False,
    no_header: NoHeaderFlag = False,
    json_output: JsonFlag = False,
) -> int:
    """What a salary leaves after tax, and what that buys after housing, place by place.

    Federal and state income tax, Social Security and Medicare (with the additional
    Medicare tax) on a salary, tax year 2025, for a single earner with wages only (filing
    single, or jointly with one earner), from techpay's tables of taxsim-py 0.4.1; the
    take-home and the effective rate; the housing index there (Census SPM, 2024: 1 is the
    US average) and take-home over it, "in US-average housing dollars". Without --in:
    federal and payroll taxes only, no state income tax. Local income taxes, state payroll
    contributions (California SDI...), pre-tax deductions and credits for dependants are
    not included.

    \b
    Examples:
      techpay net 165k
      techpay net 165k --in austin --in 'san jose'
      techpay net 150k --in CA --filing joint
      techpay net 200k --in nyc --tax-state NJ
      techpay net 72.50 --hourly --in WA --json
    """
    return answer(
        ctx,
        worth.net,
        amount=amount,
        hourly=hourly,
        places=places,
        filing=filing,
        tax_state=tax_state,
        plain=plain,
        no_header=no_header,
        json_output=json_output,
    )
