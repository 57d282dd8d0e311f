"""What the role commands print, whichever front end read the command line.

The Typer commands (``techpay.cli``) and the fast path (``techpay.fast``) both end here, so
each command's output is defined once. Rich is imported only when a view is drawn, and the
JSON renderer only when JSON is printed.
"""

from __future__ import annotations

from techpay.output import emit, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from techpay.dataset import Catalog
    from techpay.output import Pictures
    from techpay.records import RoleRecord


def roles(
    chosen: Sequence[RoleRecord],
    *,
    json_output: bool,
    official: bool = False,
    plain: bool = False,
    say_when_none: bool = False,
) -> None:
    """``list`` and ``filter``: a table, plain lines or JSON of the chosen roles.

    With ``say_when_none`` (``filter``), an empty table is "No roles match." on stderr.
    """
    if say_when_none and not chosen and not json_output:
        note("No roles match.")
        return

    def table() -> object:
        from techpay.render.chart import RolesTable

        return RolesTable(chosen, official)

    def lines() -> str:
        from techpay.render.plain import roles_lines

        return roles_lines(chosen)

    def payload() -> object:
        from techpay.render import data

        return data.role_list(chosen)

    emit(json_output, payload, table, lines if plain else None)


def role(
    catalog: Catalog,
    name: str,
    *,
    json_output: bool,
    plain: bool = False,
    pictures: Pictures | None = None,
) -> None:
    """``show``: one role, with the roles closest to it by skills."""
    from techpay.career import related_roles

    found = catalog.resolve(name)
    related = related_roles(found, catalog.roles)

    def view() -> object:
        from techpay.render import views

        return views.role_view(found, related)

    def lines() -> str:
        from techpay.render.plain import role_lines

        return role_lines(found)

    def payload() -> object:
        from techpay.render import data

        return data.show_object(found, related)

    emit(json_output, payload, view, lines if plain else None, pictures)


def comparison(
    catalog: Catalog,
    names: Sequence[str],
    *,
    json_output: bool,
    official: bool = False,
    pictures: Pictures | None = None,
) -> None:
    """``compare``: the roles side by side, their salary differences and shared tags."""
    from techpay.queries import compare_roles

    compared = compare_roles(catalog.resolve_all(names))

    def view() -> object:
        from techpay.render.chart import ComparisonView

        return ComparisonView(compared, official)

    def payload() -> object:
        from techpay.render import data

        return data.comparison_object(compared)

    emit(json_output, payload, view, None, pictures)
