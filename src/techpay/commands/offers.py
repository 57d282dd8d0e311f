"""``offer`` (is this offer good?): what it prints, whichever front end read the command
line.

Each answer builds one document, the JSON one; the table, the plain lines and the map are
drawn from it, so every front end and format shows the same figures.
"""

from __future__ import annotations

from techpay.commands.output import emit, warn
from techpay.core.absence import no_figures, no_wages
from techpay.core.errors import UsageError
from techpay.official.judge import (
    ANNUALISED,
    against_range,
    hourly_placement,
    implausible,
    placement,
    read_amount,
)
from techpay.official.roles import occupation_facts
from techpay.render.release import place_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from techpay.core.dataset import Catalog
    from techpay.core.records import AreaRecord, EstimateRecord, RoleRecord
    from techpay.official.bundle import Bundle


def article_range(role: RoleRecord | None) -> dict[str, object] | None:
    """The article's range for the role, in US dollars; None for an occupation code or a
    range in another currency (the official figures are US dollars)."""
    from techpay.official.estimates import comparable, midpoint

    if role is None or not comparable(role):
        return None
    salary = role["salary"]
    return {"min": salary["min"], "max": salary["max"], "midpoint": midpoint(role),
            "open_ended": salary["open_ended"]}  # fmt: skip


def place_row(
    offered: tuple[int, int | None],
    role: RoleRecord | None,
    area: AreaRecord,
    local: EstimateRecord | None,
) -> dict[str, object]:
    """One place's answer: the official figures there, where the amount sits in them
    (an hourly offer among hourly wages where BLS published only those), and where it sits
    against the article's range (scaled to the place, an estimate, outside the nation)."""
    from techpay.official.estimates import local_range

    amount, cents = offered
    national = area["type"] == "national"
    salary = article_range(role) if national else None
    if role is not None and not national:
        salary = local_range(role, local)
    silence = _silence(local, cents)
    placed = None
    if local is not None and not silence:
        placed = hourly_placement(cents / 100, local) if cents else None
        placed = placed or placement(amount, local)
    hourly = cents is not None and local is not None and local["hourly_wages"] is not None
    return {
        "area": area,
        "official": local,
        "unit": "hour" if hourly else "year",
        "placement": placed,
        "note": silence,
        "range": salary,
        "range_is_estimate": salary is not None and not national,
        "against_range": None if salary is None else against_range(amount, salary),
    }


def _silence(local: EstimateRecord | None, cents: int | None) -> str | None:
    """What BLS said instead of wages, when it published none here (or only hourly ones,
    for a yearly offer: they are not converted)."""
    if local is None:
        return no_figures()
    if local["hourly_wages"] is not None:
        if cents is not None:
            return None
        return "BLS published only hourly wages here; give the offer as an hourly wage (--hourly)"
    absent = local["absent"].get("median")
    top_coded = absent is not None and absent["at_least"] is not None
    if not top_coded and all(value is None for value in local["annual_wages"].values()):
        return no_wages(absent["reason"] if absent else None)
    return None


def role_facts(role: RoleRecord) -> dict[str, object]:
    """The role an answer is about: its id, title and where its range comes from
    (``origin``: ``bundled`` for the article's, else the data file that gave it)."""
    return {"id": role["id"], "title": role["title"], "origin": role.get("origin", "bundled")}


def offer_document(
    bundle: Bundle,
    code: str,
    role: RoleRecord | None,
    offered: tuple[int, int | None],
    areas: Sequence[AreaRecord],
) -> dict[str, object]:
    """Every figure ``offer`` shows, with the release they are from."""
    amount, cents = offered
    rows = [place_row(offered, role, area, bundle.estimate(code, area["code"])) for area in areas]
    return {
        "offer": {
            "annual": amount,
            "hourly": None if cents is None else cents / 100,
            "annualised": None if cents is None else ANNUALISED,
        },
        "role": None if role is None else role_facts(role),
        "occupation": occupation_facts(code, bundle.occupation_title(code), role),
        "source": "BLS OEWS",
        "release": bundle.release,
        "article_range": article_range(role),
        "places": rows,
    }


def offer(
    catalog: Catalog | None,
    name: str,
    amount: str,
    *,
    hourly: bool = False,
    places: Sequence[str] = (),
    filing: str = "single",
    tax_state: str | None = None,
    json_output: bool = False,
    plain: bool = False,
    header: bool = True,
    parts: dict[str, str | int | None] | None = None,
) -> None:
    """``offer``: where an amount sits in the official distribution of the role's
    occupation, nationally and in each place, and against the article's range; with places,
    what it leaves after tax and housing there (see :mod:`techpay.commands.worth`); with
    the parts of an offer (``parts``: the options' text), its pay year by year (see
    :mod:`techpay.commands.offeryears`)."""
    from techpay.commands.answers import note_an_old_release, occupation_code
    from techpay.commands.places import find_places
    from techpay.official.bundle import NATIONAL, open_bundle

    offered = read_amount(amount, hourly)
    terms = None
    if parts and any(value is not None for value in parts.values()):
        from techpay.commands.offeryears import read_terms

        terms = read_terms(**parts)  # type: ignore[arg-type]
    if tax_state is not None:
        from techpay.commands.worth import places_taxed

        places = places_taxed(places, tax_state)
    if not places and terms is None and filing.strip().lower() != "single":
        raise UsageError(
            "--filing applies with --in PLACE or the parts of an offer (what it leaves after tax)"
        )
    code, role = occupation_code(catalog, name)
    hint = implausible(amount, *offered)
    bundle = open_bundle()
    areas = find_places(places, bundle.areas(), first=[bundle.areas()[NATIONAL]])
    document = offer_document(bundle, code, role, offered, areas)
    if places or terms is not None:
        from techpay.commands.worth import add_worth

        worth = add_worth(document, filing, tax_state)
        if terms is not None:
            from techpay.commands.offeryears import add_years

            add_years(document, terms, worth)

    def view() -> object:
        from techpay.render.offer import offer_view

        return offer_view(document)

    lines = (lambda: offer_lines(document, header)) if plain else None
    if plain and "years" in document:
        from techpay.commands.offeryears import year_lines

        lines = lambda: offer_lines(document, header) + year_lines(document, header)  # noqa: E731
    if hint is not None:
        warn(hint)
    emit(json_output, lambda: document, view, lines)
    note_an_old_release(json_output or plain)


OFFER_FIELDS = ("area_code", "place", "amount", "percentile", "placement", "median",
                "range_min", "range_max", "against_range", "from_midpoint",
                "from_midpoint_percent", "unit")  # fmt: skip


def offer_lines(document: dict[str, Any], with_header: bool = True) -> str:
    """``offer --plain``: a header row (unless ``with_header`` is false), then one line per
    place: area code, place, amount, percentile (empty outside the published ones), where
    it sits, the median there, the range there, where the amount sits against it, the
    difference from its midpoint in dollars and percent, and the unit of the amount and
    median (``year``; ``hour`` for an hourly offer where BLS published only hourly wages)."""
    from techpay.render.plain import cents, lines

    rows = []
    for row in document["places"]:
        area, local, placed = row["area"], row["official"], row["placement"] or {}
        salary, against = row["range"] or {}, row["against_range"] or {}
        amount, median = document["offer"]["annual"], None
        if local is not None:
            median = local["annual_wages"]["median"]
        if row["unit"] == "hour":  # an hourly offer among the hourly wages BLS published
            amount = cents(document["offer"]["hourly"])
            median = cents(local["hourly_wages"]["median"])
        rows.append((
            area["code"], place_name(area),
            amount, placed.get("percentile"), placed.get("text") or row["note"], median,
            salary.get("min"), salary.get("max"), against.get("position"),
            against.get("from_midpoint"), against.get("from_midpoint_percent"), row["unit"],
        ))  # fmt: skip
    if "sources" in document:  # with places: what the offer leaves there
        from techpay.commands.worth import WORTH_FIELDS, worth_fields

        found = [worth_fields(row) for row in document["places"]]
        return lines(
            OFFER_FIELDS + WORTH_FIELDS,
            [(*a, *b) for a, b in zip(rows, found, strict=True)],
            with_header,
        )
    return lines(OFFER_FIELDS, rows, with_header)
