"""The place ``--in`` names, for the commands that show roles: the one place given, the
official figures of each role's occupation there, and the roles in the order of what is
shown (an order by official median is by the median there)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from techpay.core.records import AreaRecord, EstimateRecord, Locality, RoleRecord
    from techpay.core.selection import Selection


def one_place(places: Sequence[str] | None) -> str | None:
    """The one ``--in`` given, if any: a command that shows one place's figures refuses a
    second rather than silently keep the last (``where`` and ``offer`` take several)."""
    if not places:
        return None
    if len(places) > 1:
        from techpay.core.errors import UsageError

        given = ", ".join(repr(place) for place in places)
        raise UsageError(
            f"--in takes one place here (got {given}); to set places side by side, use"
            " 'techpay where ROLE --in PLACE --in PLACE'"
        )
    return places[0]


def in_place_order(
    roles: Sequence[RoleRecord], clusters: Iterable[str], selection: Selection,
    synonyms: Mapping[str, str], place: str,
) -> tuple[list[RoleRecord], Locality]:  # fmt: skip
    """The roles a selection keeps, and their official figures in ``place``. The order by
    official median is by the median there, the one shown (roles without one last), and
    the limit is applied after it."""
    import copy

    from techpay.core.queries import select, sort_roles

    whole = copy.copy(selection)
    whole.limit = None
    chosen = select(roles, clusters, whole, synonyms)
    area, figures = local_figures(chosen, place)
    if selection.sort == "official":
        medians = {key: None if found is None else found["annual_wages"]["median"]
                   for key, found in figures.items()}  # fmt: skip
        chosen = sort_roles(chosen, "official", selection.reverse, medians)
    return chosen[: selection.limit], (area, figures)


def local_figures(chosen: Sequence[RoleRecord], place: str) -> Locality:
    """The place ``place`` names, and each role's official figures there (None for a role
    without an official occupation, or where BLS published none)."""
    from techpay.official.bundle import open_bundle
    from techpay.official.roles import pay_code

    bundle = open_bundle()
    area = find_place(place, bundle.areas())
    figures = {}
    for role in chosen:
        code = pay_code(role)
        figures[role["id"]] = None if code is None else bundle.estimate(code, area["code"])
    return area, figures


def find_place(place: str, areas: Mapping[str, AreaRecord]) -> AreaRecord:
    """The area ``place`` names; when the name also names an area of another kind (a state
    and a metro area), a note on stderr says which was chosen and how to ask for the other."""
    from techpay.commands.output import warn
    from techpay.official.places import find

    area, notice = find(place, areas)
    if notice is not None:
        warn(notice)
    return area


def find_places(
    places: Iterable[str], areas: Mapping[str, AreaRecord], first: Sequence[AreaRecord] = ()
) -> list[AreaRecord]:
    """The areas ``places`` name, after ``first``, each once: ``--in CA --in california``
    (or ``--in us`` beside the nation an answer always shows) is one place."""
    found: dict[str, AreaRecord] = {area["code"]: area for area in first}
    for place in places:
        area = find_place(place, areas)
        found.setdefault(area["code"], area)
    return list(found.values())


def in_place(role: RoleRecord, place: str) -> tuple[AreaRecord, EstimateRecord | None]:
    """The place ``place`` names, and the official figures of the role's occupation there.

    A role without an official occupation cannot be placed: that is an error, not an empty row.
    """
    from techpay.core.errors import UsageError
    from techpay.official.roles import missing_reason, pay_code

    if pay_code(role) is None:
        raise UsageError(
            f"--in needs official figures, and {role['id']} has none: {missing_reason(role)}"
        )
    area, figures = local_figures([role], place)
    return area, figures[role["id"]]
