"""``map`` (the pay map): what it prints, whichever front end read the command line.

The answer is one document, the JSON one; the map is drawn from it.
"""

from __future__ import annotations

from techpay.commands.offers import role_facts
from techpay.commands.output import emit
from techpay.core.absence import no_figures
from techpay.official.roles import occupation_facts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from techpay.commands.output import Pictures
    from techpay.core.dataset import Catalog
    from techpay.core.records import EstimateRecord, RoleRecord
    from techpay.official.bundle import Bundle
    from techpay.official.worth import Worth


def map_tiles(
    bundle: Bundle, code: str, measure: str, worth: Worth | None = None
) -> list[dict[str, Any]]:
    """A tile for every state and DC, and for each territory with figures, in grid order:
    its value for ``measure`` (None where BLS gave no number; a top-coded wage has the
    least it can be in ``at_least``). The measures of what the median is worth
    (``take-home``, ``real``: ``worth`` holds the tax tables) have no value where there is
    no median, a top-coded one, or no tax or housing figure; a territory is drawn where it
    has a median."""
    from techpay.official.tiles import TERRITORIES, measure_value, rank_value, tile, top_code

    found = {estimate["area"]["code"]: estimate for estimate in bundle.estimates(code, "state")}
    tiles = []
    for area in bundle.areas().values():
        position = tile(area["postal"]) if area["type"] == "state" else None
        estimate = found.get(area["code"])
        base = "median" if worth is not None else measure
        shown = None if estimate is None else rank_value(estimate, base)
        if position is None or (area["postal"] in TERRITORIES and shown is None):
            continue
        value: float | None = None
        rank: float | None = None
        at_least = None
        if estimate is not None and worth is not None:
            value, reason = _worth_value(worth, estimate, measure)
            rank = value
        else:
            reason = _reason(estimate, measure)
            if estimate is not None:
                rank = rank_value(estimate, measure)
                value = measure_value(estimate, measure)
                at_least = top_code(estimate, measure)
        tiles.append({
            "postal": area["postal"], "name": area["name"], "code": area["code"],
            "value": value, "at_least": at_least,
            "bin": None, "row": position[0], "column": position[1],
            "territory": area["postal"] in TERRITORIES, "rank": rank,
            "reason": reason,
        })  # fmt: skip
    return sorted(tiles, key=lambda found_tile: (found_tile["row"], found_tile["column"]))


def _worth_value(
    worth: Worth, estimate: EstimateRecord, measure: str
) -> tuple[int | None, str | None]:
    """A state's take-home on the median (whole dollars), or take-home over the housing
    index (to the nearest $100), and why there is none."""
    from techpay.commands.where import median_worth
    from techpay.core.amounts import whole_take_home

    found = median_worth(worth, estimate)
    tax = found["tax"]
    if measure == "take-home":
        value = None if tax is None else whole_take_home(tax)
    else:
        value = found["after_housing"]
    if value is not None:
        return value, None
    reasons = (found["wages_absent"], found["tax_absent"], found["housing_absent"])
    return None, next(reason for reason in reasons if reason)


def _reason(estimate: EstimateRecord | None, measure: str) -> str | None:
    """Why a tile has no number: BLS's footnote, or no estimate at all."""
    if estimate is None:
        return no_figures()
    name = {"employment": "employment", "concentration": "location_quotient"}.get(measure, measure)
    absent = estimate["absent"].get(name)
    return None if absent is None else absent["reason"]


def map_document(bundle: Bundle, code: str, role: RoleRecord | None, measure: str,
                 bins: int) -> dict[str, object]:  # fmt: skip
    """Every figure ``map`` draws: each tile's value, bin and position, and each bin's range."""
    from techpay.official.tiles import MEASURES, WORTH_MEASURES, bin_numbers, bin_ranges

    worth = None
    if measure in WORTH_MEASURES:  # a single filer, each state taxed as its own
        from techpay.official.worth import Worth

        worth = Worth()
        worth.every_state()
    tiles = map_tiles(bundle, code, measure, worth)
    ranked = [found for found in tiles if found["rank"] is not None]
    numbers = bin_numbers([found["rank"] for found in ranked], bins)
    for found, number in zip(ranked, numbers, strict=True):
        found["bin"] = number
    ranges = bin_ranges([found["rank"] for found in ranked], numbers)
    document: dict[str, object] = {
        "role": None if role is None else role_facts(role),
        "occupation": occupation_facts(code, bundle.occupation_title(code), role),
        "source": "BLS OEWS",
        "release": bundle.release,
        "measure": measure,
        "measure_name": MEASURES[measure],
        "bins": [
            {
                "bin": number,
                "low": low,
                "high": high,
                "tiles": count,
                "bounds": sum(
                    found["bin"] == number and found["value"] is None for found in ranked
                ),
            }
            for number, (low, high, count) in enumerate(ranges, start=1)
        ],
        "tiles": [
            {name: value for name, value in found.items() if name != "rank"} for found in tiles
        ],
        "not_published": [
            {"postal": found["postal"], "name": found["name"], "reason": found["reason"]}
            for found in tiles
            if found["rank"] is None
        ],
    }
    if worth is not None:  # whose the tax and housing figures are, and what they leave out
        from techpay.commands.worth import sources
        from techpay.official.taxes import EXCLUDED

        document |= {"filing": worth.filing, "sources": sources(worth), "excluded": list(EXCLUDED)}
    return document


def pay_map(
    catalog: Catalog | None,
    name: str,
    *,
    measure: str = "median",
    bins: int = 5,
    json_output: bool = False,
    pictures: Pictures | None = None,
) -> None:
    """``map``: the role's occupation's official pay (or ``measure``), state by state."""
    from techpay.commands.answers import note_an_old_release, occupation_code
    from techpay.official.bundle import open_bundle

    code, role = occupation_code(catalog, name)
    document = map_document(open_bundle(), code, role, measure, bins)

    def view() -> object:
        from techpay.render.map import PayMap

        return PayMap(document)

    emit(json_output, lambda: document, view, None, pictures)
    note_an_old_release(json_output)
