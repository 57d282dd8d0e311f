"""What the occupation commands print: ``occupations`` (search) and ``occupation`` (one).

Rich is imported only when a view is drawn, and the JSON renderer only when JSON is printed.
"""

from __future__ import annotations

from techpay.commands.answers import occupation_code
from techpay.commands.output import emit, none_match, warn
from techpay.commands.places import find_place

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from techpay.core.records import EstimateRecord
    from techpay.official.bundle import Bundle


def occupations(
    words: Sequence[str],
    *,
    json_output: bool,
    sort: str = "code",
    place: str | None = None,
    top: int | None = None,
    plain: bool = False,
    header: bool = True,
) -> None:
    """``occupations``: search the official occupations, with their national figures or,
    with ``place``, their figures there; in code order, or by ``sort`` (highest first)."""
    from techpay.official.bundle import NATIONAL, open_bundle
    from techpay.official.estimates import rank_places
    from techpay.official.search import ours_in, search_occupations

    bundle = open_bundle()
    area = bundle.areas()[NATIONAL] if place is None else find_place(place, bundle.areas())
    matches = search_occupations(bundle.occupations(), words)
    found = _figures(bundle, [code for code, _ in matches], area["code"])
    missing = len(matches) - len(found)
    if sort != "code":
        found = rank_places(found, sort)
    found = found[:top]
    if place is not None and missing:
        warn(f"BLS published no figures in {area['name']} for {missing} of the {len(matches)}"
             " occupations found")  # fmt: skip
    ours = ours_in(words)

    def view() -> object:
        from techpay.render.official import occupations_table

        return occupations_table(found, ours)

    def lines() -> str:
        from techpay.render.plain import occupations_lines

        return occupations_lines(found, header)

    if found or json_output or plain:
        emit(json_output, lambda: found, view, lines if plain else None)
    else:
        none_match("occupations")


def _figures(bundle: Bundle, codes: list[str], area: str) -> list[EstimateRecord]:
    """The figures of each occupation in the area, in the order given; those BLS did not
    publish there are left out."""
    if len(codes) > 20:  # many: one pass over every row of the area beats a look-up each
        everywhere = bundle.nationals(area)
        return [everywhere[code] for code in codes if code in everywhere]
    return [figures for code in codes if (figures := bundle.estimate(code, area))]


def occupation(name: str, *, place: str | None, json_output: bool) -> None:
    """``occupation CODE``: one official occupation's distribution, nationally and in a place."""
    from techpay.official.bundle import open_bundle

    code, _ = occupation_code(None, name)
    bundle = open_bundle()
    national = bundle.estimate(code)
    area = None if place is None else find_place(place, bundle.areas())
    local = None if area is None else bundle.estimate(code, area["code"])
    if national is None:
        from techpay.core.errors import NotFound

        raise NotFound("national figures for", code, [], "BLS published none in this release")

    def view() -> object:
        from techpay.render.official import occupation_view

        return occupation_view(national, local, area)

    def payload() -> object:
        document: dict[str, object] = {"national": national}
        if area is not None:
            document["local"] = {"area": area, "official": local}
        return document

    emit(json_output, payload, view)
