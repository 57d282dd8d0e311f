"""The handlers of the commands that explore the roles: list, show, compare, filter, chart.

Each takes the data and the command's parameters as ``techpay.cli.explore`` declares them
(see ``techpay.commands.handlers``); the selection options as ``**selection``.
"""

from __future__ import annotations

from techpay.commands import places
from techpay.commands.output import Pictures, drawn_instead, emit, none_match
from techpay.core.selection import Selection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from techpay.commands.handlers import Data
    from techpay.core.records import Locality, RoleRecord


def list_roles(
    data: Data,
    *,
    official: bool,
    place: list[str] | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
    **selection: Any,
) -> None:
    chosen = Selection.from_options(selection)
    _print_roles(data, chosen, official, place, plain, no_header, json_output, "list")


def filter_roles(
    data: Data,
    *,
    place: list[str] | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
    **selection: Any,
) -> None:
    chosen = Selection.from_options(selection)
    _print_roles(data, chosen, False, place, plain, no_header, json_output, "filter")


def _print_roles(
    data: Data,
    selection: Selection,
    official: bool,
    place: list[str] | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
    command: str,
) -> None:
    """The selected roles. JSON without a place is cut from the cache's pre-rendered
    text (the reason ``list --json`` answers in twice an interpreter's start-up)."""
    entry, where = data.entry(), places.one_place(place)
    # Lines for grep and cut carry what they are sorted by.
    official = official or ((plain or no_header) and selection.sort == "official")
    if where is not None:
        from techpay.commands import answers

        record = entry.record()
        chosen, locality = places.in_place_order(
            record["roles"], record["clusters"], selection, record["synonyms"], where
        )
        answers.roles(
            chosen,
            json_output=json_output,
            official=official,
            plain=plain or no_header,
            say_when_none=command == "filter",
            locality=locality,
            header=not no_header,
        )
        return
    if selection.narrows():
        from techpay.core.queries import select

        record = entry.record()
        position = {role_id: index for index, role_id in enumerate(entry.names().ids)}
        chosen = select(record["roles"], record["clusters"], selection, record["synonyms"])
        order = [position[role["id"]] for role in chosen]
    else:
        order = entry.order(selection.sort, selection.reverse)[: selection.limit]
    if json_output:
        from techpay.commands.output import write_ascii

        write_ascii(entry.roles_json(order))
        return
    from techpay.commands import answers

    roles = entry.record()["roles"]
    answers.roles(
        [roles[index] for index in order],
        json_output=json_output,
        official=official,
        plain=plain or no_header,
        say_when_none=command == "filter",
        header=not no_header,
    )


def show(
    data: Data,
    *,
    role: str,
    place: list[str] | None,
    plain: bool,
    no_header: bool,
    svg: str | None,
    html: str | None,
    force: bool,
    json_output: bool,
) -> None:
    from techpay.commands import answers

    where = places.one_place(place)
    pictures = Pictures.wanted(svg, html, force, drawn_instead(json_output, plain or no_header))
    answers.role(
        data.catalog(),
        role,
        json_output=json_output,
        plain=plain or no_header,
        pictures=pictures,
        place=where,
        header=not no_header,
    )


def compare(
    data: Data,
    *,
    roles: list[str],
    official: bool,
    place: list[str] | None,
    plain: bool,
    no_header: bool,
    svg: str | None,
    html: str | None,
    force: bool,
    json_output: bool,
) -> None:
    from techpay.commands import answers

    where = places.one_place(place)
    pictures = Pictures.wanted(svg, html, force, drawn_instead(json_output, plain or no_header))
    answers.comparison(
        data.catalog(),
        roles,
        json_output=json_output,
        official=official,
        pictures=pictures,
        place=where,
        plain=plain or no_header,
        header=not no_header,
    )


def chart(
    data: Data,
    *,
    official: bool,
    place: list[str] | None,
    svg: str | None,
    html: str | None,
    force: bool,
    json_output: bool,
    **selection: Any,
) -> None:
    pictures = Pictures.wanted(svg, html, force, drawn_instead(json_output, False))
    chosen = Selection.from_options(selection)
    from techpay.core.queries import select

    where = places.one_place(place)
    catalog = data.catalog()
    clusters, synonyms = catalog.record["clusters"], catalog.record["synonyms"]
    locality: Locality | None = None
    if where is None:
        roles: list[RoleRecord] = select(catalog.roles, clusters, chosen, synonyms)
    else:
        found = places.in_place_order(catalog.roles, clusters, chosen, synonyms, where)
        roles, locality = found
    if not roles and not json_output:
        none_match("roles")
        return
    from techpay.commands.figures import chart_answer
    from techpay.render.axis import axis_ticks

    national = {role["id"]: role.get("official") for role in roles} if official else None
    answer = chart_answer(roles, axis_ticks(roles), national, locality)

    def view() -> object:
        from techpay.render.chart import SalaryChart

        return SalaryChart(answer)

    emit(json_output, lambda: answer["chart"], view, None, pictures)
