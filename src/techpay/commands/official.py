"""The handlers of the commands on the official figures: where, occupations, occupation,
offer, map and ``official status`` (see ``techpay.commands.handlers``)."""

from __future__ import annotations

from techpay.commands.output import Pictures, drawn_instead, emit
from techpay.core.errors import UsageError

# Each handler imports the module of its answer: a command loads only its own.

TYPE_CHECKING = False
if TYPE_CHECKING:
    from techpay.commands.handlers import Data


def where(
    data: Data,
    *,
    role: str,
    metros: bool,
    sort: str,
    top: int,
    min_employment: int,
    places: list[str] | None,
    filing: str,
    tax_state: str | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> None:
    from techpay.commands import where as ranking

    ranking.where(
        data.catalog(),
        role,
        metros=metros,
        places=places or [],
        sort=sort,
        top=top,
        min_employment=min_employment,
        json_output=json_output,
        plain=plain or no_header,
        header=not no_header,
        filing=filing,
        tax_state=tax_state,
    )


def occupations(
    data: Data,
    *,
    words: list[str] | None,
    sort: str,
    place: str | None,
    top: int | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> None:
    from techpay.commands import occupations as found

    found.occupations(
        words or [],
        json_output=json_output,
        sort=sort,
        place=place,
        top=top,
        plain=plain or no_header,
        header=not no_header,
    )


def occupation(data: Data, *, code: str, place: list[str] | None, json_output: bool) -> None:
    from techpay.commands import occupations as found
    from techpay.commands.places import one_place

    found.occupation(code, place=one_place(place), json_output=json_output)


def offer(
    data: Data,
    *,
    role: str,
    amount: str,
    hourly: bool,
    places: list[str] | None,
    filing: str,
    tax_state: str | None,
    bonus: str | None,
    sign_on: str | None,
    stock: str | None,
    vest: str | None,
    refresh: str | None,
    raise_: str | None,
    stock_growth: str | None,
    years: int | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> None:
    from techpay.commands import offers

    parts = {"bonus": bonus, "sign_on": sign_on, "stock": stock, "vest": vest,
             "refresh": refresh, "raise_": raise_, "stock_growth": stock_growth,
             "years": years}  # fmt: skip
    offers.offer(
        data.catalog(),
        role,
        amount,
        hourly=hourly,
        places=places or [],
        filing=filing,
        tax_state=tax_state,
        json_output=json_output,
        plain=plain or no_header,
        header=not no_header,
        parts=parts,
    )


def pay_map(
    data: Data,
    *,
    role: str,
    by: str,
    bins: int,
    places: list[str] | None,
    svg: str | None,
    html: str | None,
    force: bool,
    json_output: bool,
) -> None:
    if places:
        raise UsageError(
            "map draws every state; --in does not apply (try 'techpay where ROLE --in PLACE')"
        )
    from techpay.commands import maps

    maps.pay_map(
        data.catalog(),
        role,
        measure=by,
        bins=bins,
        json_output=json_output,
        pictures=Pictures.wanted(svg, html, force, drawn_instead(json_output, False)),
    )


def status(data: Data, *, json_output: bool) -> None:
    """``official status``: which release answers, and where it is."""
    from techpay.official import store
    from techpay.official.worth import provenance

    facts = {**store.status(), "worth": provenance()}

    def view() -> object:
        from techpay.render.views import status_view

        return status_view(facts)

    emit(json_output, lambda: facts, view)
