"""Writing a dataset out: TOML and JSON documents that load back, CSV, Markdown (SQLite:
:mod:`techpay.render.export_sqlite`).

Each role's skill tags and premium estimate come computed, beside the roles, in their order
(see ``techpay.commands.manage``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from techpay.core.errors import literal_text
from techpay.core.queries import salary_midpoint
from techpay.render.data import dumps

if TYPE_CHECKING:
    from collections.abc import Sequence

    from techpay.core.records import DatasetRecord, RoleRecord

FORMATS = ("toml", "json", "csv", "markdown", "sqlite")
LIST_SEPARATOR = "; "  # joins list fields in CSV and Markdown cells


def _without_nulls(value: Any) -> Any:
    """TOML has no null: leave out every key whose value is None."""
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def toml_text(document: DatasetRecord) -> str:
    """The dataset as a TOML data file (``techpay --data`` reads it back unchanged)."""
    import tomli_w

    header = "# A techpay dataset, written by 'techpay export'.\n\n"
    return header + tomli_w.dumps(_without_nulls(document))


def json_text(document: DatasetRecord) -> str:
    """The dataset as a JSON data file: the same structure as the TOML one."""
    return dumps(_without_nulls(document))


CSV_COLUMNS = (
    "id",
    "rank",
    "title",
    "aliases",
    "clusters",
    "summary",
    "salary_min",
    "salary_max",
    "salary_midpoint",
    "currency",
    "open_ended",
    "why_it_pays",
    "responsibilities",
    "skills",
    "tags",
    "occupation_code",
    "occupation_title",
    "occupation_match",
    "official_occupation",
    "official_release",
    "official_employment",
    "official_p10",
    "official_p25",
    "official_median",
    "official_p75",
    "official_p90",
    "official_mean",
    "premium_percent_estimate",
)


def _flat_row(role: RoleRecord, tags: Sequence[str], premium: float | None) -> dict[str, object]:
    salary = role["salary"]
    return {
        "id": role["id"],
        "rank": role["rank"],
        "title": role["title"],
        "aliases": LIST_SEPARATOR.join(role["aliases"]),
        "clusters": LIST_SEPARATOR.join(role["clusters"]),
        "summary": role["summary"],
        "salary_min": salary["min"],
        "salary_max": salary["max"],
        "salary_midpoint": salary_midpoint(salary),
        "currency": salary["currency"],
        "open_ended": str(salary["open_ended"]).lower(),
        "why_it_pays": role["why_it_pays"],
        "responsibilities": LIST_SEPARATOR.join(role["responsibilities"]),
        "skills": LIST_SEPARATOR.join(skill["text"] for skill in role["skills"]),
        "tags": LIST_SEPARATOR.join(tags),
        **_occupation_cells(role, premium),
    }


def _occupation_cells(role: RoleRecord, premium: float | None) -> dict[str, object]:
    """Our occupation mapping and BLS's national figures for it, each under its own name;
    empty where there are none (a wage BLS did not publish stays empty, never a number)."""
    occupation, official = role["occupation"], role.get("official")
    wages = official["annual_wages"] if official else None
    return {
        "occupation_code": occupation["code"] if occupation else None,
        "occupation_title": occupation["title"] if occupation else None,
        "occupation_match": occupation["match"] if occupation else None,
        "official_occupation": official["occupation"]["code"] if official else None,
        "official_release": f"{official['source']} {official['release']}" if official else None,
        "official_employment": official["employment"] if official else None,
        "official_p10": wages["p10"] if wages else None,
        "official_p25": wages["p25"] if wages else None,
        "official_median": wages["median"] if wages else None,
        "official_p75": wages["p75"] if wages else None,
        "official_p90": wages["p90"] if wages else None,
        "official_mean": wages["mean"] if wages else None,
        "premium_percent_estimate": premium,
    }


def csv_text(
    roles: list[RoleRecord], tags: Sequence[Sequence[str]], premiums: Sequence[float | None]
) -> str:
    """One row per role; list fields joined with ``"; "``."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    found = zip(roles, tags, premiums, strict=True)
    writer.writerows(_flat_row(role, tagged, premium) for role, tagged, premium in found)
    return buffer.getvalue()


def _cell(text: str) -> str:
    """A Markdown table cell: on one line whatever the text holds (CR, LF, U+2028 and every
    other line boundary become spaces), every other control character written as an escape
    (a table is for people, in a file or a pipe too), its pipes and backslashes escaped."""
    one_line = literal_text(" ".join(text.splitlines()))
    return one_line.replace("\\", "\\\\").replace("|", "\\|")


def markdown_text(roles: list[RoleRecord], tags: Sequence[Sequence[str]]) -> str:
    """A Markdown table fit for a README."""
    lines = [
        "| # | Role | Salary (USD/yr) | Midpoint | Clusters | Skill tags |",
        "|---:|---|---:|---:|---|---|",
    ]
    for role, tagged in zip(roles, tags, strict=True):
        salary = role["salary"]
        top = f"{salary['max']:,}{'+' if salary['open_ended'] else ''}"
        cells = [
            str(role["rank"] or ""),
            _cell(role["title"]),
            f"{salary['min']:,} - {top}",
            f"{salary_midpoint(salary):,}",
            _cell(", ".join(role["clusters"])),
            _cell(", ".join(tagged)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def for_terminal(rendered: str, output_format: str) -> str:
    """An export as a terminal should show it: every control character but line breaks and
    tabs written as an escape, so data cannot act on the terminal. TOML stays TOML (such a
    character can only be inside a string, where ``\\u009b`` reads back as the same data)."""
    return literal_text(rendered, keep="\n\t", unicode_escapes=output_format == "toml")


STARTER = """\
# A techpay data file. Check it with:   techpay validate {name}
# Use it with:                           techpay --data {name} list
# Or for every command:                  export TECHPAY_DATA={name}
#
# Each [[roles]] entry adds a role, or changes the bundled role with the same id (run
# 'techpay list --json' to see the ids): the fields it gives replace the bundled ones,
# the rest are kept, and 'replace = true' on it replaces the whole role instead.
# Only id, title and salary are required (of a new role: a change needs only the id).

[[roles]]
id = "platform-engineer"              # lower-case words joined by hyphens
title = "Platform Engineer"
salary = {{ min = 135000, max = 180000, currency = "USD" }}   # whole units per year

# Everything below is optional.
rank = 11                             # where it sorts in the default order
aliases = ["platform", "pe"]          # other names 'techpay show' accepts
summary = "Builds the internal platform that product teams deploy on."
clusters = ["cloud"]                  # ai, cloud, security, leadership, or your own [clusters]
why_it_pays = "Every team ships faster on a good platform."
responsibilities = [
  "Run the internal developer platform.",
  "Automate infrastructure provisioning.",
]
skills = [
  {{ text = "Kubernetes operations.", tags = ["kubernetes"] }},
  {{ text = "Terraform.", tags = ["infrastructure-as-code"] }},
]

# To add your own clusters:
# [clusters]
# fintech = "financial technology"
"""


def starter_text(name: str) -> str:
    """A commented data file with one example role; it validates as it is."""
    return STARTER.format(name=name)
