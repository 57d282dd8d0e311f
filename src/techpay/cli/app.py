"""The Typer application: global options, running a command's handler, and error handling.

Errors are caught in one place, :meth:`TechpayGroup.main`, and printed as one line on stderr.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

# The Click that typer vendors: its context, and the parser's errors (``_usage_message``
# words them).
from typer._click import Context as ParserContext
from typer._click import Parameter
from typer._click.exceptions import NoArgsIsHelpError, NoSuchOption
from typer._click.exceptions import UsageError as ParserUsageError
from typer.core import TyperOption

from techpay import __version__
from techpay.cli.wording import TechpayTyper, value_problem
from techpay.commands import handlers, output
from techpay.commands.output import debugging, internal_error, report, usage_message
from techpay.core.dataset import data_files
from techpay.core.errors import EXIT_OK, EXIT_USAGE, TechpayError, UsageError
from techpay.start import dataentry

if TYPE_CHECKING:
    from techpay.commands.handlers import Handler
    from techpay.core.dataset import Catalog

SortKey = Literal["rank", "salary", "min", "max", "name", "official"]


# The global options a command also takes after its name, as gh and kubectl allow.
ALSO_AFTER_THE_COMMAND = ("data_file", "no_bundled", "pager", "debug")


class TechpayGroup(typer.core.TyperGroup):
    """The root command; its ``main`` is the one place errors become exit codes.

    Both the real command and Typer's CliRunner call ``main``, so tests see exactly what
    users see: one line on stderr and the documented exit code, never a traceback.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        settings = [
            option
            for option in self.params
            if isinstance(option, TyperOption) and option.name in ALSO_AFTER_THE_COMMAND
        ]
        anywhere = _work_anywhere(settings)
        self.help = f"{self.help}\n\n{anywhere} 'techpay help COMMAND' explains a command."
        for command in self.commands.values():
            command.epilog = f"Global options: {anywhere} See 'techpay --help'."
            # In a group (techpay official ...), its commands take them after their names.
            for leaf in list(getattr(command, "commands", {}).values()) or [command]:
                leaf.params.extend(_after_the_command(option) for option in settings)
                leaf.epilog = command.epilog

    def parse_args(self, ctx: ParserContext, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except ParserUsageError as error:
            raise _told_where(error, ctx) from None

    def invoke(self, ctx: ParserContext) -> Any:
        """Every usage error names the help to read: the parser's (some come without a
        command, like a missing option value) and the core's (``compare sre sre``)."""
        try:
            return super().invoke(ctx)
        except ParserUsageError as error:
            raise _told_where(error, self._command_context(ctx)) from None
        except UsageError as error:
            raise ParserUsageError(str(error), self._command_context(ctx)) from error

    def _command_context(self, ctx: ParserContext) -> ParserContext:
        """A context naming the command being run (the root's, before there is one)."""
        name = ctx.invoked_subcommand
        command = self.get_command(ctx, name) if name else None
        return ctx if command is None else ParserContext(command, info_name=name, parent=ctx)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        arguments = list(sys.argv[1:] if args is None else args) or ["--help"]
        try:
            result = super().main(
                args=arguments,
                prog_name=prog_name or "techpay",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else EXIT_OK
        except TechpayError as error:
            code = report(str(error), error.exit_code)
        except NoArgsIsHelpError as error:  # a group without its command: its help, as for techpay
            sys.stdout.write(error.ctx.get_help() + "\n" if error.ctx else "")
            code = EXIT_OK
        except typer.TyperException as error:
            negative = _negative_amount(error, arguments)
            code = report(negative or _usage_message(error), error.exit_code)
        except typer.Abort:
            code = report("aborted", EXIT_USAGE)
        except Exception as error:
            if debugging(arguments):
                raise
            code = internal_error(error)
        if standalone_mode:
            sys.exit(code)
        return code


def _told_where(error: ParserUsageError, ctx: ParserContext) -> ParserUsageError:
    """The error, with the command whose help explains it when the parser gave none."""
    if error.ctx is None:
        error.ctx, error.cmd = ctx, ctx.command
    return error


def _after_the_command(option: TyperOption) -> TyperOption:
    """A copy of a global option for a command's own list: hidden from the command's help
    (the root's explains it) and recorded on the root, as if given before the command."""
    accepted = copy.copy(option)
    accepted.hidden, accepted.expose_value, accepted.callback = True, False, _record_on_root
    return accepted


def _record_on_root(ctx: ParserContext, option: Parameter, value: Any) -> Any:
    """A global option given after the command, merged into the root's value: a flag is
    set either way, and --data files given after the command layer over those before it."""
    if value:
        root = ctx.find_root().params
        before = root.get(option.name)
        root[option.name] = [*(before or []), *value] if isinstance(value, list) else value
        if option.name == "pager":
            output.PAGE_VIEWS = True
    return value


def _work_anywhere(options: list[TyperOption]) -> str:
    """The sentence saying which global options may also follow the command."""
    names = [f"{max(option.opts, key=len)} {option.metavar or ''}".strip() for option in options]
    return f"{', '.join(names[:-1])} and {names[-1]} work before or after the command."


app = TechpayTyper(
    name="techpay",
    cls=TechpayGroup,
    help=(
        "Explore the highest paying tech jobs of 2026: salary ranges, what each role does,"
        " the skills it needs, and how roles compare.\n\n"
        "Two sources, never mixed: the roles' US average salary ranges (USD per year) from"
        " the article the dataset is built from, and the official wage statistics (BLS OEWS,"
        " May 2025) of the occupation behind each role, for the nation, every state and every"
        " metro area: where it pays (where, map), where an offer sits there (offer), and"
        " any occupation (occupations, occupation). Your own data files can be layered over"
        " the bundled data with --data or TECHPAY_DATA.\n\n"
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


def help_command(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="COMMAND...",
            help="The command to explain (a group's command after it); none: techpay itself.",
        ),
    ] = None,
) -> None:
    """Explain a command: the same text as 'techpay COMMAND --help'.

    \b
    Examples:
      techpay help list
      techpay help official reset
      techpay help json       (what --json prints, field by field)
      techpay help
    """
    if names == [JSON_TOPIC]:
        typer.echo(json_help())
        return
    explained = ctx.find_root()
    for name in names or []:
        group = explained.command
        if not isinstance(group, typer.core.TyperGroup):
            raise UsageError(f"{explained.command_path} has no command {name!r}")
        # An unknown name fails here as 'techpay NAME' would: a usage error with suggestions.
        _, command, _ = group.resolve_command(explained, [name])
        assert command is not None
        explained = typer.Context(command, info_name=name, parent=explained)
    typer.echo(explained.get_help(), color=explained.find_root().color)


JSON_TOPIC = "json"


def json_help() -> str:
    """``techpay help json``: the README's section on JSON output. Installed, the README is
    the package's own description; in a checkout, the README beside the source. Either
    way there is no second copy to keep in step."""
    readme = _readme()
    start = readme.find("\n## JSON output\n")
    if start < 0:
        raise TechpayError("this installation of techpay carries no description of its JSON")
    end = readme.find("\n## ", start + 1)
    return readme[start + 1 : end if end > 0 else None].rstrip()


def _readme() -> str:
    from importlib.metadata import PackageNotFoundError, metadata

    checkout = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir)
    try:
        with open(os.path.join(checkout, "README.md"), encoding="utf-8") as stream:
            return stream.read()
    except OSError:
        pass
    try:
        # The description is the message's body; PackageMetadata's protocol does not name it.
        return str(metadata("techpay").get_payload() or "")  # type: ignore[attr-defined]
    except PackageNotFoundError:
        return ""


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
    command = typer.main.get_command(app)
    code: int = command.main(args=argv, prog_name="techpay", standalone_mode=False)
    return code


def _negative_amount(error: typer.TyperException, arguments: Sequence[str]) -> str | None:
    """``offer sre -150k``: the parser takes the amount for options (``-1``, then ``-5``...);
    say what is wrong with it as an amount instead (``-1``, ``-$150,000``, ``-inf``)."""
    if not isinstance(error, NoSuchOption):
        return None
    name, context = error.option_name, error.ctx
    if context is None or context.command.name != "offer" or name[1:2] not in set("0123456789$.i"):
        return None
    from techpay.core.queries import parse_amount

    typed = next((found for found in arguments if found.startswith(name)), name)
    try:
        parse_amount(typed)
    except ValueError as problem:
        return usage_message(str(problem), context.command_path)
    return None


def _usage_message(error: typer.TyperException) -> str:
    context = getattr(error, "ctx", None)
    message = value_problem(error) or error.format_message()
    if getattr(error, "param", None) is not None:  # pydantic's prefix on a value's error
        message = message.replace("Value error, ", "")
    return usage_message(message, None if context is None else context.command_path)
