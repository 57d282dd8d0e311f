"""The handlers of the career commands: match, path, skills (see
``techpay.commands.handlers``)."""

from __future__ import annotations

from techpay.commands import places
from techpay.commands.output import emit, warn
from techpay.core import career
from techpay.core.errors import EXIT_ERROR, did_you_mean
from techpay.core.queries import role_tags, select
from techpay.core.selection import Selection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from techpay.commands.handlers import Data


def match(
    data: Data,
    *,
    skills: list[str],
    top: int | None,
    place: list[str] | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> int | None:
    where = places.one_place(place)
    everything = data.catalog()
    result = career.match_roles(everything.roles, skills, everything.record["synonyms"])
    result["matches"] = result["matches"][:top]
    for unknown in result["unknown"]:
        hint = f"; {did_you_mean(unknown['suggestions'])}" if unknown["suggestions"] else ""
        warn(f"no role lists {unknown['skill']!r}{hint}")
    if not result["matches"] and not json_output:
        raise career.NoSkillMatches(
            "none of those skills is one a role lists; see 'techpay skills'"
        )
    from techpay.commands.figures import match_answer

    matched = [everything.resolve(found["id"]) for found in result["matches"]]
    locality = None if where is None else places.local_figures(matched, where)
    answer = match_answer(result, matched, locality)

    def view() -> object:
        from techpay.render.career import match_view
        from techpay.render.local import with_local_table

        return with_local_table(match_view(result), answer)

    def lines() -> str:
        from techpay.render.plain import match_lines

        return match_lines(answer, not no_header)

    emit(json_output, lambda: answer["document"], view, lines if plain or no_header else None)
    return None if result["matches"] else EXIT_ERROR


def path(
    data: Data,
    *,
    start: str,
    goal: str,
    place: list[str] | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> None:
    from techpay.commands.figures import path_answer

    where = places.one_place(place)
    everything = data.catalog()
    first, second = everything.resolve(start), everything.resolve(goal)
    move = career.career_path(first, second)
    locality = None if where is None else places.local_figures([first, second], where)
    answer = path_answer(move, first, second, locality)

    def view() -> object:
        from techpay.render.career import path_view
        from techpay.render.local import with_local_table

        return with_local_table(path_view(move, first, second), answer)

    def lines() -> str:
        from techpay.render.plain import path_lines

        return path_lines(answer["document"], not no_header)

    emit(json_output, lambda: answer["document"], view, lines if plain or no_header else None)


def skills(
    data: Data,
    *,
    role: str | None,
    cluster: list[str] | None,
    plain: bool,
    no_header: bool,
    json_output: bool,
) -> None:
    everything = data.catalog()
    roles = select(everything.roles, everything.record["clusters"], Selection(clusters=cluster))
    only = role_tags(everything.resolve(role)) if role else None
    demand = career.skill_demand(roles, only)
    meta_skills = everything.record["meta_skills"]
    titles = {entry["id"]: entry["title"] for entry in everything.roles}

    def view() -> object:
        from techpay.render.career import skills_view

        return skills_view(demand, titles, meta_skills)

    def lines() -> str:
        from techpay.render.plain import skills_lines

        return skills_lines(demand, not no_header)

    payload = {"tags": demand, "meta_skills": meta_skills}
    emit(json_output, lambda: payload, view, lines if plain or no_header else None)
