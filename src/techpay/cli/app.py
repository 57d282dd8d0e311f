"""The Typer application: its global options, and running a command's handler.

The root command and its error handling are in ``techpay.cli.root``; the help command in
``techpay.cli.help_command``.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from techpay import __version__
from techpay.cli.root import TechpayGroup
from techpay.cli.wording import TechpayTyper
from techpay.commands import handlers, output
from techpay.core.dataset import data_files
from techpay.start import dataentry

if TYPE_CHECKING:
    from typer._click import Command

    from techpay.commands.handlers import Handler
    from techpay.core.dataset import Catalog

SortKey = Literal["rank", "salary", "min", "max", "name", "official"]


app = TechpayTyper(
    name="techpay",
    cls=TechpayGroup,
    help=(
        "Explore the highest paying tech jobs of 2026: salary ranges, what each role does,"
        " the skills it needs, and how roles compare.\n\n"
        "Two sources, each labelled: the roles' US average salary ranges (USD per year) from"
        " the article the dataset is built from, and the official wage statistics (BLS OEWS,"
        " May 2025) of the occupation behind each role, for the nation, every state and every"
        " metro area: where it pays (where, map), where an offer sits there (offer), and"
        " any occupation (occupations, occupation). What techpay works out from both is"
        " labelled an estimate. Your own data files can be layered over the bundled data with"
        " --data or TECHPAY_DATA.\n\n"
        "For scripts, every command that prints results takes --json; the others need none:"
        " export writes JSON with --format json, schema prints JSON, init writes a TOML file"
        " to edit, and help prints text."
    ),
    epilog=(
        "\b\nExamples:\n"
        "  techpay list --sort salary\n"
        "  techpay show sre\n"
        "  techpay compare sre devops\n"
        "  techpay filter --skill python --min-salary 150k\n"
        "  techpay where sre --metros\n"
        "  techpay offer sre 165k --in austin --in 'san jose'\n"
        "  techpay list --json | jq -r '.[] | [.title, .salary.midpoint] | @tsv'\n"
        "  techpay --data my-roles.toml list"
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"techpay {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    data_file: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            "-d",
            metavar="FILE",
            help=(
                "Layer a TOML (or .json) data file over the bundled data: its roles replace"
                " those with the same id and add the others. Repeat for more; later files win."
                " Files in TECHPAY_DATA (separated by ':', ';' on Windows) come first."
            ),
        ),
    ] = None,
    no_bundled: Annotated[
        bool, typer.Option("--no-bundled", help="Start from no roles instead of the bundled data.")
    ] = False,
    pager: Annotated[
        bool, typer.Option("--pager", help="Page long tables through $PAGER (on a terminal).")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Explore the highest paying tech jobs of 2026."""
    output.PAGE_VIEWS = pager


def data_options(ctx: typer.Context) -> handlers.Data:
    """The global data options, from the root's parsed parameters (also there during TAB
    completion, when Typer does not run the root callback) and TECHPAY_DATA."""
    params = ctx.find_root().params
    files = data_files(params.get("data_file") or [], os.environ)
    return handlers.Data(files, not params.get("no_bundled"), dataentry.entry_for)


def catalog(ctx: typer.Context) -> Catalog:
    """The dataset the commands work on: the bundled data with the user's layers."""
    options = data_options(ctx)
    return dataentry.load_catalog(options.files, bundled=options.bundled)


def answer(ctx: typer.Context, handler: Handler, **params: Any) -> int:
    """Run a command's handler (``techpay.commands``) on the data the global options name."""
    return handlers.run(handler, data_options(ctx), params)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI on ``argv`` (default: the process's arguments); return the exit code."""
    code: int = click_command().main(args=argv, prog_name="techpay", standalone_mode=False)
    return code


@functools.cache
def click_command() -> Command:
    """The Click command Typer builds from the app (every command's signature and type hints:
    about 30 ms), once per process: a process that runs the CLI again (the tests) reuses it."""
    return typer.main.get_command(app)
