"""Commands about the data: about, validate, export, init, schema (handlers in
``techpay.commands.manage``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import ForceFlag, JsonFlag, places_option, selection_options
from techpay.commands import manage

ExportFormat = Literal["toml", "json", "csv", "markdown", "sqlite"]


@app.command(short_help="Check data files and report every problem in them.")
def validate(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(metavar="FILE", help="Data files to check.")],
    json_output: JsonFlag = False,
) -> int:
    """Check data files without using them, and report every problem.

    Each file is checked on its own (TOML syntax as FILE:LINE:COL, fields as
    FILE: role 'id' -> field), then all of them together, layered in order over the bundled
    data (unless --no-bundled), for names two roles claim or clusters nobody defines. An
    offers file (one with [[offers]], for 'techpay offers') is checked on its own, each
    problem at its field (FILE: offers[1].base); - reads one from standard input.
    Exits 0 when all are valid, 1 otherwise. Salaries in more than one currency are
    valid, with a warning: they are never compared or converted.

    \b
    Examples:
      techpay validate my-roles.toml
      techpay --no-bundled validate base.toml extra.toml
      techpay validate my-roles.toml --json | jq '.[].message'
      cat offers.toml | techpay validate -
    """
    return answer(ctx, manage.validate, files=files, json_output=json_output)


@app.command("export", short_help="Write the roles, or the official figures, to a file.")
@selection_options(after="force")
def export_roles(
    ctx: typer.Context,
    output_format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=(
                "toml (the default) and json: data files that --data reads back; csv: one row"
                " per role; markdown: a table; sqlite: normalised tables (needs -o). With"
                " --official: csv (the default), json or sqlite."
            ),
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    force: ForceFlag = False,
    official: Annotated[
        bool,
        typer.Option(
            "--official",
            help=(
                "Write BLS's official estimates (OEWS) instead of the roles: a row per"
                " occupation and place, with every figure, BLS's reason for each one missing,"
                " the source and the release."
            ),
        ),
    ] = False,
    occupation: Annotated[
        list[str] | None,
        typer.Option(
            "--occupation",
            metavar="CODE",
            help=(
                "With --official: this occupation (a SOC code such as 15-1252, or a role for"
                " its occupation); repeat it. The selection options add the occupations of the"
                " roles they keep; with neither, every occupation."
            ),
        ),
    ] = None,
    places: Annotated[
        list[str] | None,
        places_option(
            "With --official: this place (a state, a metro area, a BLS area code, or us for"
            " the nation); repeat it. Default: the nation, every state and every metro area."
        ),
    ] = None,
    states: Annotated[
        bool, typer.Option("--states", help="With --official: every state and territory.")
    ] = False,
    metros: Annotated[
        bool,
        typer.Option("--metros", help="With --official: every metro and nonmetropolitan area."),
    ] = False,
    **selection: Any,
) -> int:
    """Write the dataset, or the roles the options select, in another format; or, with
    --official, BLS's official estimates for spreadsheets and SQL.

    Takes the selection options of 'techpay filter'. With --official they pick the
    occupations of the roles they keep; rows are in occupation code order, and for each
    occupation the nation, the states, then the metro areas. Files are written atomically
    (a temporary file, then a rename); an existing FILE is only replaced with --force, and
    keeps its permissions. A character device or FIFO (/dev/null, /dev/stdout) is written
    to directly; a directory, socket or block device is refused. There is no --json:
    --format json writes JSON.

    \b
    Examples:
      techpay export -o roles-copy.toml
      techpay export --format csv --cluster ai > ai-roles.csv
      techpay export --format markdown --sort salary
      techpay export --format sqlite -o techpay.db && sqlite3 techpay.db 'select * from roles'
      techpay export --official -o oews.csv
      techpay export --official --occupation 15-1252 --in TX --in austin
      techpay export --official --cluster ai --states --format json -o ai-states.json
      techpay export --official --format sqlite -o oews.db
    """
    return answer(
        ctx,
        manage.export_roles,
        output_format=output_format,
        output=output,
        force=force,
        official=official,
        occupation=occupation,
        places=places,
        states=states,
        metros=metros,
        **selection,
    )


@app.command(short_help="Write a commented starter data file, or offers file.")
def init(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="FILE",
            help=(
                "Where to write the starter file ('-': stdout); default techpay-roles.toml,"
                " or offers.toml with --offers."
            ),
            show_default=False,
        ),
    ] = None,
    offers: Annotated[
        bool,
        typer.Option("--offers", help="Write a starter offers file for 'techpay offers' instead."),
    ] = False,
    force: ForceFlag = False,
) -> int:
    """Write a commented starter data file with one example role, or with --offers a
    starter offers file with two offers.

    The file validates as it is; edit it, then use it with --data or TECHPAY_DATA (an
    offers file: with 'techpay offers FILE'). It is TOML, for people to edit, so there is
    no --json.

    \b
    Examples:
      techpay init
      techpay init my-roles.toml && techpay --data my-roles.toml show platform
      techpay init --offers && techpay offers offers.toml
    """
    return answer(ctx, manage.init, path=path, offers=offers, force=force)


@app.command(short_help="Print the JSON Schema of the data file, or of the offers file.")
def schema(
    ctx: typer.Context,
    offers: Annotated[
        bool,
        typer.Option("--offers", help="The schema of the offers file ('techpay offers') instead."),
    ] = False,
) -> int:
    """Print the JSON Schema of the data file format (TOML or JSON), or with --offers of
    the offers file.

    Data files larger than the size limit are refused before they are parsed.
    The schema is JSON already, so there is no --json.

    \b
    Examples:
      techpay schema > techpay.schema.json
      techpay schema | jq '.["$defs"].Role.required'
      techpay schema --offers | jq '.["$defs"].OfferSpec.required'
    """
    return answer(ctx, manage.schema, offers=offers)


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
