"""What the role and official-figure commands print, for their handlers.

Rich is imported only when a view is drawn, and the JSON renderer only when JSON is printed.
"""

from __future__ import annotations

from techpay.commands import places
from techpay.commands.output import emit, none_match, warn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from techpay.commands.output import Pictures
    from techpay.core.dataset import Catalog
    from techpay.core.records import Locality, RoleRecord


def roles(
    chosen: Sequence[RoleRecord],
    *,
    json_output: bool,
    official: bool = False,
    plain: bool = False,
    say_when_none: bool = False,
    locality: Locality | None = None,
    header: bool = True,
) -> None:
    """``list`` and ``filter``: a table, plain lines or JSON of the chosen roles; with
    ``locality`` (see :func:`in_place_order`), each role's official median in the place and
    its range scaled to it.

    With ``say_when_none`` (``filter``), an empty table is said on stderr, not drawn.
    """
    if say_when_none and not chosen and not json_output and not plain:
        none_match("roles")
        return
    from techpay.commands.figures import roles_answer

    answer = roles_answer(chosen, locality)

    def table() -> object:
        from techpay.render.tables import RolesTable

        return RolesTable(answer, official)

    def lines() -> str:
        from techpay.render.plain import roles_lines

        return roles_lines(answer, header, official)

    emit(json_output, lambda: answer["roles"], table, lines if plain else None)


def role(
    catalog: Catalog,
    name: str,
    *,
    json_output: bool,
    plain: bool = False,
    pictures: Pictures | None = None,
    place: str | None = None,
    header: bool = True,
) -> None:
    """``show``: one role, with the roles closest to it by skills; with ``place``, its
    official figures there too."""
    from techpay.commands.figures import show_answer
    from techpay.core.career import related_roles

    found = catalog.resolve(name)
    related = related_roles(found, catalog.roles)
    local = None if place is None else places.in_place(found, place)
    answer = show_answer(found, related, local)

    def view() -> object:
        from techpay.render.views import role_view

        return role_view(answer)

    def lines() -> str:
        from techpay.render.plain import role_lines

        return role_lines(answer["role"], header)

    emit(json_output, lambda: answer["role"], view, lines if plain else None, pictures)
    note_an_old_release(json_output)


def note_an_old_release(quiet: bool) -> None:
    """On stderr, unless ``quiet`` (JSON, plain lines): the official release in use is
    more than two years old, and how to update it."""
    if not quiet:
        from techpay.official.store import notice_for_bundle_in_use

        notice = notice_for_bundle_in_use()
        if notice is not None:
            warn(notice)


def comparison(
    catalog: Catalog,
    names: Sequence[str],
    *,
    json_output: bool,
    official: bool = False,
    pictures: Pictures | None = None,
    place: str | None = None,
    plain: bool = False,
    header: bool = True,
) -> None:
    """``compare``: the roles side by side, their salary differences and shared tags; with
    ``place``, their official medians there and their ranges scaled to it."""
    from techpay.commands.figures import comparison_answer
    from techpay.core.comparisons import compare_roles

    compared = compare_roles(catalog.resolve_all(names))
    locality = None if place is None else places.local_figures(compared["roles"], place)
    answer = comparison_answer(compared, locality)

    def view() -> object:
        from techpay.render.tables import ComparisonView

        return ComparisonView(answer, official)

    def lines() -> str:
        from techpay.render.plain import comparison_lines

        return comparison_lines(answer, header)

    emit(json_output, lambda: answer["comparison"], view, lines if plain else None, pictures)


def occupation_code(catalog: Catalog | None, name: str) -> tuple[str, RoleRecord | None]:
    """The official occupation a ROLE argument names: a SOC or O*NET code as typed (an O*NET
    breakout paid as a role with it is: :func:`techpay.official.roles.onet_pay_code`), the
    occupation of the role it names or, without a catalog (``occupation``), an occupation's
    title or words that find only it. The code must be one the release has."""
    from techpay.core.errors import NotFound, UsageError
    from techpay.official.bundle import open_bundle
    from techpay.official.estimates import soc_code
    from techpay.official.roles import missing_reason, pay_code

    code, role = soc_code(name), None
    if code is not None:
        code = _paid_as(name, code)
    elif catalog is None:
        from techpay.official.search import find_occupation

        code = find_occupation(name, open_bundle().occupations())[0]
    else:
        role = catalog.resolve(name)
        code = pay_code(role)
        if code is None:
            raise UsageError(f"{role['id']} has no official figures: {missing_reason(role)}")
    bundle = open_bundle()
    if bundle.occupation_title(code) is None:
        known = [known_code for known_code, _ in bundle.occupations()]
        close = [found for found in known if found[:5] == code[:5]][:3]
        hint = "search them with 'techpay occupations WORDS'"
        raise NotFound(f"occupation in {bundle.release}", code, close, hint)
    return code, role


def _paid_as(typed: str, soc: str) -> str:
    """The SOC occupation whose wages answer for a typed code: its own, or for an O*NET
    breakout (15-1299.08) the one that stands in for it, with a note saying so."""
    from techpay.core.errors import UsageError
    from techpay.official.roles import no_wages_reason, onet_pay_code

    detail = typed.strip().partition(".")[2]
    onet = f"{soc}.{detail}" if detail else soc
    code = onet_pay_code(onet)
    if code is None:
        raise UsageError(f"{onet} has no official figures: {no_wages_reason(onet)}")
    if code != soc:
        warn(
            f"BLS publishes no wages for O*NET occupation {onet} on its own; those of {code}"
            " stand in for it, as for the roles with it (a mapping of ours)"
        )
    return code
