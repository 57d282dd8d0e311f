"""Commands about the data: about, validate, export, init, schema (handlers in
``techpay.commands.manage``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, TextIO

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import (
    ClusterOption,
    ForceFlag,
    JsonFlag,
    MaxSalaryOption,
    MinSalaryOption,
    ReverseFlag,
    SkillOption,
    SortOption,
    TextOption,
)
from techpay.commands import manage
from techpay.core.files import CannotWrite
from techpay.render import export

if TYPE_CHECKING:
    from collections.abc import Callable

    from techpay.core.records import DatasetRecord, RoleRecord

ExportFormat = Literal["toml", "json", "csv", "markdown", "sqlite"]
STDOUT = "-"


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(metavar="FILE", help="Data files to check.")],
    json_output: JsonFlag = False,
) -> int:
    """Check data files without using them, and report every problem.

    Each file is checked on its own (TOML syntax as FILE:LINE:COL, fields as
    FILE: role 'id' -> field), then all of them together, layered in order over the bundled
    data (unless --no-bundled), for names two roles claim or clusters nobody defines.
    Exits 0 when all are valid, 1 otherwise. Salaries in more than one currency are
    valid, with a warning: they are never compared or converted.

    \b
    Examples:
      techpay validate my-roles.toml
      techpay --no-bundled validate base.toml extra.toml
      techpay validate my-roles.toml --json | jq '.[].message'
    """
    return answer(ctx, manage.validate, files=files, json_output=json_output)


@app.command("export")
def export_roles(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help=(
                "toml and json: data files that --data reads back; csv: one row per role;"
                " markdown: a table; sqlite: normalised tables (needs -o)."
            ),
        ),
    ] = "toml",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    force: ForceFlag = False,
    min_salary: MinSalaryOption = None,
    max_salary: MaxSalaryOption = None,
    skill: SkillOption = None,
    cluster: ClusterOption = None,
    text: TextOption = None,
    sort: SortOption = "rank",
    reverse: ReverseFlag = False,
) -> int:
    """Write the dataset, or the roles the options select, in another format.

    Takes the selection options of 'techpay filter'. Files are written atomically (a
    temporary file, then a rename); an existing FILE is only replaced with --force, and
    keeps its permissions. A character device or FIFO (/dev/null, /dev/stdout) is written
    to directly; a directory, socket or block device is refused. There is no --json:
    --format json writes JSON.

    \b
    Examples:
      techpay export -o roles-copy.toml
      techpay export --format csv --cluster ai > ai-roles.csv
      techpay export --format markdown --sort salary
      techpay export --format sqlite -o techpay.db && sqlite3 techpay.db 'select * from roles'
    """
    return answer(
        ctx,
        manage.export_roles,
        output_format=output_format,
        output=output,
        force=force,
        min_salary=min_salary,
        max_salary=max_salary,
        skill=skill,
        cluster=cluster,
        text=text,
        sort=sort,
        reverse=reverse,
    )


def _is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (what a file or pipe gets stays byte-exact data)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # no stream, or a closed one
        return False


def _sqlite_writer(
    record: DatasetRecord, roles: list[RoleRecord], output: str
) -> Callable[[str], None]:
    """What writes the SQLite file; SQLite's own failures (a full disk) say which file."""

    def write(path: str) -> None:
        import sqlite3

        try:
            export.write_sqlite(record, roles, path)
        except sqlite3.Error as error:
            raise CannotWrite(output, str(error)) from None

    return write


@app.command()
def init(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(metavar="FILE", help="Where to write the starter file ('-': stdout).")
    ] = "techpay-roles.toml",
    force: ForceFlag = False,
) -> int:
    """Write a commented starter data file with one example role.

    The file validates as it is; edit it, then use it with --data or TECHPAY_DATA.
    It is TOML, for people to edit, so there is no --json.

    \b
    Examples:
      techpay init
      techpay init my-roles.toml && techpay --data my-roles.toml show platform
    """
    return answer(ctx, manage.init, path=path, force=force)


@app.command()
def schema(ctx: typer.Context) -> int:
    """Print the JSON Schema of the data file format (TOML or JSON).

    Data files larger than the size limit are refused before they are parsed.
    The schema is JSON already, so there is no --json.

    \b
    Examples:
      techpay schema > techpay.schema.json
      techpay schema | jq '.["$defs"].Role.required'
    """
    return answer(ctx, manage.schema)


@app.command()
def about(ctx: typer.Context, json_output: JsonFlag = False) -> int:
    """Where the numbers come from, and what they are not.

    The salary ranges are the article's; the occupation mapping is ours, with a confidence
    for each match; the official figures are BLS's (OEWS), with the release, its publication
    date and every source file's SHA-256. Also shows how far the article's range midpoints
    sit above the official medians on average, over the roles that have one.

    \b
    Examples:
      techpay about
      techpay about --json | jq '.official.release, .official_premium'
    """
    return answer(ctx, manage.about, json_output=json_output)


OFFICIAL_CAVEATS = [
    "Wage and salary workers only: the self-employed are not included.",
    "Base pay: no bonuses, equity or other compensation.",
    "Wages at or above $239,200 a year ($115.00 an hour) are top-coded: BLS gives no number.",
    "Annual wages are hourly wages times 2,080 hours where BLS collected hourly rates.",
    "BLS cannot vouch for the data or analyses derived from these data after the data have"
    " been retrieved from BLS.gov.",
]


def official_provenance(meta: dict[str, str]) -> dict[str, object]:
    """The bundle's facts as ``about`` shows them."""
    import json

    return {
        "source": meta.get("source"),
        "release": meta.get("release"),
        "release_code": meta.get("release_code"),
        "published": meta.get("published"),
        "retrieved": meta.get("retrieved"),
        "upstream": meta.get("upstream"),
        "source_files": json.loads(meta.get("source_files", "{}")),
        "not": OFFICIAL_CAVEATS,
    }
