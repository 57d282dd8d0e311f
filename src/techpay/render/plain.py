"""Plain text for grep and awk (``--plain``): one record per line, tab-separated, after a
header row that names the fields (``--no-header`` leaves it out).

Nothing is wrapped or padded, and a tab, newline or other control character inside data is
written as an escape (``\\t``, ``\\n``, ``\\x1b``), so a record is always exactly one line.
Amounts are whole numbers; an open-ended range ("$240,000+") has ``open_ended`` true.
"""

from __future__ import annotations

from techpay.core.errors import literal_text
from techpay.core.queries import salary_midpoint
from techpay.render.release import place_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from techpay.core.records import EstimateRecord, MedianWorth, SalaryRecord, SkillDemand


def field(value: object) -> str:
    """One field: ``None`` as empty, text with its separators and every other control
    character escaped (a backslash doubled, so each escape reads one way back)."""
    if value is None:
        return ""
    return literal_text(str(value).replace("\\", "\\\\"))


def line(*values: object) -> str:
    return "\t".join(field(value) for value in values) + "\n"


def lines(header: Sequence[str], rows: Iterable[Sequence[object]], with_header: bool) -> str:
    """A header row naming the fields (unless ``with_header`` is false), then the rows."""
    return (line(*header) if with_header else "") + "".join(line(*row) for row in rows)


def flag(value: bool) -> str:
    return "true" if value else "false"


SALARY = ("min", "max", "midpoint", "currency", "open_ended")


def salary_fields(salary: SalaryRecord) -> list[object]:
    """min, max, midpoint, currency and open_ended: ``240000`` with ``true`` for
    "$240,000+", a range with no stated top."""
    return [
        salary["min"],
        salary["max"],
        salary_midpoint(salary),
        salary["currency"],
        flag(salary["open_ended"]),
    ]


# With --in: the place, the official median there, and the article's range scaled to it (an
# estimate, to the nearest 1,000); empty where there is none.
LOCAL = ("area_code", "place", "local_median", "local_min_estimate", "local_max_estimate")


def local_fields(local: dict[str, Any]) -> list[object]:
    """The ``LOCAL`` fields of a role's ``local`` object (its figures in a place)."""
    area, figures, scaled = local["area"], local["official"], local["estimates"]["salary"] or {}
    return [
        area["code"],
        place_name(area),
        None if figures is None else figures["annual_wages"]["median"],
        scaled.get("min"),
        scaled.get("max"),
    ]


def _in_place(role: dict[str, Any]) -> list[object]:
    """A role object's ``LOCAL`` fields, when a place was given."""
    return local_fields(role["local"]) if "local" in role else []


def roles_lines(answer: dict[str, Any], with_header: bool = True, official: bool = False) -> str:
    """``list``/``filter``: rank, id, title, the salary fields, clusters; with ``official``,
    the ``OFFICIAL`` fields; with a place, the ``LOCAL`` fields (``answer`` as
    :func:`techpay.commands.figures.roles_answer` gives it)."""
    in_place = answer["area"] is not None
    header = ("rank", "id", "title", *SALARY, "clusters", *(OFFICIAL if official else ()),
              *(LOCAL if in_place else ()))  # fmt: skip
    rows = (
        [role["rank"], role["id"], role["title"], *salary_fields(role["salary"]),
         ",".join(role["clusters"]),
         *(_official(role, answer["fits"][role["id"]]) if official else ()), *_in_place(role)]
        for role in answer["roles"]
    )  # fmt: skip
    return lines(header, rows, with_header)


# list --official: the official median (BLS), the premium over it (an estimate) and how
# well the occupation fits the role (ours); empty where there is no median.
OFFICIAL = ("official_median", "premium_percent_estimate", "match")


def _official(role: dict[str, Any], fit: str | None) -> list[object]:
    official, estimates = role["official"], role["estimates"]
    median = None if official is None else official["annual_wages"]["median"]
    premium = None if estimates is None else estimates["premium_percent"]
    return [median, premium, fit if median is not None else None]


def role_lines(role: dict[str, Any], with_header: bool = True) -> str:
    """``show``: ``field<TAB>value`` lines of a role object; list fields repeat the field
    name; a skill's line, and a responsibility's, adds its tags. With a place, the ``LOCAL``
    fields after the official median."""
    salary = role["salary"]
    rows: list[Sequence[object]] = [
        ("id", role["id"]),
        ("rank", role["rank"]),
        ("title", role["title"]),
        ("salary_min", salary["min"]),
        ("salary_max", salary["max"]),
        ("salary_midpoint", salary_midpoint(salary)),
        ("currency", salary["currency"]),
        ("open_ended", flag(salary["open_ended"])),
        ("summary", role["summary"]),
        ("why_it_pays", role["why_it_pays"]),
    ]
    median = None if role["official"] is None else role["official"]["annual_wages"]["median"]
    if median is not None:
        rows.append(("official_median", median))
    if "local" in role:
        found = zip(LOCAL, local_fields(role["local"]), strict=True)
        rows += [(name, value) for name, value in found if value is not None]
    rows += [("alias", alias) for alias in role["aliases"]]
    rows += [("cluster", cluster) for cluster in role["clusters"]]
    tagged = role["responsibility_tags"]
    rows += [
        ("responsibility", duty, ",".join(tagged.get(duty, ())))
        for duty in role["responsibilities"]
    ]
    rows += [("skill", skill["text"], ",".join(skill["tags"])) for skill in role["skills"]]
    return lines(("field", "value", "tags"), rows, with_header)


PATH_CHANGE = ("min", "max", "midpoint", "min_percent", "max_percent", "midpoint_percent")


def path_lines(document: dict[str, Any], with_header: bool = True) -> str:
    """``path``: ``field<TAB>value`` lines, as ``show`` prints: the two roles' ids, the
    salary change (TO minus FROM, in ``currency``; empty, with ``not_comparable`` saying
    why, between currencies), then a line per tag kept, gained and left and per new
    responsibility; with a place, the ``LOCAL`` fields of each role, ``from_`` and ``to_``."""
    change = document["salary"]
    rows: list[Sequence[object]] = [
        ("from_id", document["from_id"]),
        ("to_id", document["to_id"]),
        ("currency", change["currency"]),
        *((name, change[name]) for name in PATH_CHANGE),
    ]
    if change["not_comparable"] is not None:
        rows.append(("not_comparable", change["not_comparable"]))
    if "local" in document:
        area = document["local"]["area"]
        rows.append(("area_code", area["code"]))
        rows.append(("place", place_name(area)))
        for side in ("from", "to"):
            found = zip(LOCAL[2:], local_fields(document["local"][side][0])[2:], strict=True)
            rows += [(f"{side}_{name}", value) for name, value in found]
    for kind in ("keep", "gain", "leave"):
        rows += [(kind, tag) for tag in document[kind]]
    rows += [("new_responsibility", duty) for duty in document["new_responsibilities"]]
    return lines(("field", "value"), rows, with_header)


def comparison_lines(answer: dict[str, Any], with_header: bool = True) -> str:
    """``compare``: one role per line, the baseline first; its salary fields, then its
    difference from the baseline (the article's ranges; empty for the baseline, and where
    the currencies differ, which ``not_comparable`` then explains); with a place, the
    ``LOCAL`` fields (``answer`` as :func:`techpay.commands.figures.comparison_answer`
    gives it)."""
    comparison, locality = answer["comparison"], answer["area"]
    header = ("id", "title", *SALARY, "difference_min", "difference_max",
              "difference_midpoint", "difference_midpoint_percent", "not_comparable",
              *(LOCAL if locality else ()))  # fmt: skip
    differences = {found["id"]: found for found in comparison["salary_differences"]}
    rows = []
    for role in comparison["roles"]:
        difference = differences.get(role["id"])
        change: list[object] = [None] * 5
        if difference is not None:
            change = [difference["min"], difference["max"], difference["midpoint"],
                      difference["midpoint_percent"], difference["not_comparable"]]  # fmt: skip
        rows.append([role["id"], role["title"], *salary_fields(role["salary"]), *change,
                     *_in_place(role)])  # fmt: skip
    return lines(header, rows, with_header)


def match_lines(answer: dict[str, Any], with_header: bool = True) -> str:
    """``match``: id, title, coverage in percent, the tags had and to learn, the salary;
    with a place, the ``LOCAL`` fields of each role (``answer`` as
    :func:`techpay.commands.figures.match_answer` gives it)."""
    result, locality = answer["document"], answer["area"]
    header = ("id", "title", "coverage", "have", "to_learn", *SALARY, *(LOCAL if locality else ()))
    local = result["local"]["matches"] if locality else [None] * len(result["matches"])
    rows = (
        [match["id"], match["title"], f"{match['coverage']:g}", ",".join(match["matched"]),
         ",".join(match["missing"]), *salary_fields(match["salary"]),
         *([] if found is None else local_fields(found))]
        for match, found in zip(result["matches"], local, strict=True)
    )  # fmt: skip
    return lines(header, rows, with_header)


def skills_lines(demand: Iterable[SkillDemand], with_header: bool = True) -> str:
    """``skills``: each tag, how many roles list it, and their ids."""
    rows = ([entry["tag"], len(entry["roles"]), ",".join(entry["roles"])] for entry in demand)
    return lines(("tag", "roles", "role_ids"), rows, with_header)


WAGES = ("p10", "p25", "median", "p75", "p90", "mean")


def wage_fields(estimate: EstimateRecord) -> list[object]:
    """The six wages, then ``top_coded``: the wages BLS top-coded, whose field holds the
    least the wage can be; a wage BLS did not release is empty. The wages are annual, or
    hourly where BLS published them hourly only (``unit``, see :func:`wage_unit`)."""
    hourly = estimate["hourly_wages"]
    if hourly is not None:
        return [*(cents(hourly[name]) for name in WAGES), ""]  # type: ignore[literal-required]
    wages: list[object] = []
    top_coded = []
    for name in WAGES:
        value = estimate["annual_wages"][name]  # type: ignore[literal-required]
        absent = estimate["absent"].get(name)
        if value is None and absent is not None and absent["at_least"] is not None:
            value = absent["at_least"]
            top_coded.append(name)
        wages.append(value)
    return [*wages, ",".join(top_coded)]


def cents(value: float | None) -> str | None:
    """An hourly wage as BLS writes it, to the cent: ``24.80``."""
    return None if value is None else f"{value:.2f}"


def wage_unit(estimate: EstimateRecord) -> str:
    """``hour`` where the wage fields hold hourly wages (BLS published no annual ones),
    else ``year``."""
    return "year" if estimate["hourly_wages"] is None else "hour"


def places_lines(
    estimates: Iterable[EstimateRecord], with_header: bool = True, worth: bool = False
) -> str:
    """``where``: one place per line: its BLS area code and name, employment, the wages,
    the location quotient; with ``worth`` (``--sort take-home|real``), then the median's
    take-home, the housing index and take-home over it, as ``offer --in --plain`` has them
    (empty where there is none)."""
    header = ("area_code", "place", "employment", *WAGES, "top_coded", "location_quotient",
              "unit", *(WORTH if worth else ()))  # fmt: skip
    rows = (
        [estimate["area"]["code"], place_name(estimate["area"]), estimate["employment"],
         *wage_fields(estimate), estimate["location_quotient"], wage_unit(estimate),
         *(_worth_fields(estimate["worth"]) if worth else ())]  # type: ignore[typeddict-item]
        for estimate in estimates
    )  # fmt: skip
    return lines(header, rows, with_header)


WORTH = ("take_home", "housing_index", "after_housing")


def _worth_fields(worth: MedianWorth) -> tuple[object, ...]:
    tax, found = worth["tax"], worth["housing"]
    return (
        None if tax is None else tax["take_home"],
        None if found is None else found["index"],
        worth["after_housing"],
    )


def occupations_lines(estimates: Iterable[EstimateRecord], with_header: bool = True) -> str:
    """``occupations``: one occupation per line: code, title, national employment, wages."""
    header = ("code", "title", "employment", *WAGES, "top_coded", "unit")
    rows = (
        [estimate["occupation"]["code"], estimate["occupation"]["title"],
         estimate["employment"], *wage_fields(estimate), wage_unit(estimate)]
        for estimate in estimates
    )  # fmt: skip
    return lines(header, rows, with_header)
