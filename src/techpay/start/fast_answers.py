"""What the fast path answers, command by command, once ``techpay.start.fast`` has read the line.

Each answer takes the parsed request and the cache entry, and prints through the same
``techpay.commands.answers`` functions the Typer commands call; it returns None to hand the command
line to the full CLI when something is beyond it (a value it cannot read, say).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from techpay.start.cache import Entry
    from techpay.start.fast import Request


def _order(request: Request, entry: Entry) -> list[int]:
    from techpay.core.queries import SORT_KEYS

    sort = request.value("sort", "rank")
    if sort not in SORT_KEYS:
        raise ValueError(sort)
    name = f"{sort}:reverse" if "reverse" in request.flags else sort
    return list(memoryview(entry.section("orders")[name]).cast("I"))


def _answer_list(request: Request, entry: Entry) -> int | None:
    if request.arguments:
        return None
    order = _order(request, entry)
    limit = request.value("limit")
    if limit is not None:
        if not (limit.isascii() and limit.isdigit() and int(limit) >= 1):
            return None
        order = order[: int(limit)]
    return _print_roles(request, entry, order)


def _answer_filter(request: Request, entry: Entry) -> int | None:
    from techpay.core.queries import parse_amount, select

    if request.arguments:
        return None
    low, high = request.value("min_salary"), request.value("max_salary")
    record = entry.record()
    chosen = select(
        record["roles"],
        record["clusters"],
        synonyms=record["synonyms"],
        min_salary=None if low is None else parse_amount(low),
        max_salary=None if high is None else parse_amount(high),
        skills=request.values.get("skill", []),
        clusters=request.values.get("cluster", []),
        text=request.value("text"),
        sort=request.value("sort", "rank") or "rank",
        reverse="reverse" in request.flags,
    )
    position = {role_id: index for index, role_id in enumerate(entry.names().ids)}
    return _print_roles(request, entry, [position[role["id"]] for role in chosen])


def _print_roles(request: Request, entry: Entry, order: list[int]) -> int:
    """JSON from the pre-rendered text (the reason for this path); anything else as the
    full CLI prints it."""
    place = request.value("place")
    if "json" in request.flags and place is None:
        from techpay.commands.output import write_ascii
        from techpay.start.cache import roles_json

        write_ascii(roles_json(entry, order))
        return 0
    from techpay.commands import answers

    roles = entry.record()["roles"]
    answers.roles(
        [roles[index] for index in order],
        json_output="json" in request.flags,
        official="official" in request.flags,
        say_when_none=request.command == "filter",
        place=place,
    )
    return 0


def _answer_show(request: Request, entry: Entry) -> int | None:
    from techpay.commands import answers

    if len(request.arguments) != 1:
        return None
    answers.role(
        entry.catalog(),
        request.arguments[0],
        json_output="json" in request.flags,
        place=request.value("place"),
    )
    return 0


def _whole_number(text: str | None, default: int, low: int, high: int) -> int:
    """An option's whole number within bounds; ValueError (hand over) for anything else."""
    if text is None:
        return default
    if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
        raise ValueError(text)
    return int(text)


def _answer_where(request: Request, entry: Entry) -> int | None:
    from techpay.commands import answers
    from techpay.official.estimates import (
        DEFAULT_MIN_EMPLOYMENT,
        MAX_EMPLOYMENT,
        MAX_TOP,
        PLACE_SORTS,
    )

    sort = request.value("sort", "median") or "median"
    if (
        len(request.arguments) != 1
        or sort not in PLACE_SORTS
        or {"metros", "states"} <= request.flags
    ):
        return None
    answers.where(
        entry.catalog(),
        request.arguments[0],
        metros="metros" in request.flags,
        places=request.values.get("place", []),
        sort=sort,
        top=_whole_number(request.value("top"), 10, 1, MAX_TOP),
        min_employment=_whole_number(
            request.value("min_employment"), DEFAULT_MIN_EMPLOYMENT, 0, MAX_EMPLOYMENT
        ),
        json_output="json" in request.flags,
    )
    return 0


def _answer_occupations(request: Request, entry: Entry) -> int | None:
    from techpay.commands import answers

    limit = request.value("limit")
    answers.occupations(
        request.arguments,
        json_output="json" in request.flags,
        limit=None if limit is None else _whole_number(limit, 0, 1, 1 << 31),
    )
    return 0


def _answer_occupation(request: Request, entry: Entry) -> int | None:
    from techpay.commands import answers

    if len(request.arguments) != 1:
        return None
    answers.occupation(
        request.arguments[0], place=request.value("place"), json_output="json" in request.flags
    )
    return 0


def _answer_compare(request: Request, entry: Entry) -> int | None:
    from techpay.commands import answers

    answers.comparison(
        entry.catalog(),
        request.arguments,
        json_output="json" in request.flags,
        place=request.value("place"),
    )
    return 0


def _answer_offer(request: Request, entry: Entry) -> int | None:
    from techpay.commands import offers

    if len(request.arguments) != 2:
        return None
    offers.offer(
        entry.catalog(),
        *request.arguments,
        hourly="hourly" in request.flags,
        places=request.values.get("place", []),
        json_output="json" in request.flags,
        plain=bool({"plain", "no_header"} & request.flags),
        header="no_header" not in request.flags,
    )
    return 0


def _answer_map(request: Request, entry: Entry) -> int | None:
    from techpay.commands import offers
    from techpay.official.tiles import DEFAULT_BINS, MAX_BINS, MEASURES, MIN_BINS

    measure = request.value("by", "median") or "median"
    if len(request.arguments) != 1 or measure not in MEASURES:
        return None
    offers.pay_map(
        entry.catalog(),
        request.arguments[0],
        measure=measure,
        bins=_whole_number(request.value("bins"), DEFAULT_BINS, MIN_BINS, MAX_BINS),
        json_output="json" in request.flags,
    )
    return 0


ANSWERS = {
    "list": _answer_list,
    "filter": _answer_filter,
    "show": _answer_show,
    "compare": _answer_compare,
    "where": _answer_where,
    "occupations": _answer_occupations,
    "occupation": _answer_occupation,
    "offer": _answer_offer,
    "map": _answer_map,
}
