"""The root command: the global options a command also takes after its name, and the one
place errors become exit codes (:meth:`TechpayGroup.main`), each printed as one line on stderr.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence
from typing import Any

import typer

# The Click that typer vendors: its context, and the parser's errors (``_usage_message``
# words them).
from typer._click import Context as ParserContext
from typer._click import Parameter
from typer._click.exceptions import NoArgsIsHelpError, NoSuchOption
from typer._click.exceptions import UsageError as ParserUsageError
from typer.core import TyperOption

from techpay.cli.wording import value_problem
from techpay.commands import output
from techpay.commands.output import debugging, internal_error, report, usage_message
from techpay.core.errors import EXIT_OK, EXIT_USAGE, TechpayError, UsageError

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


def _negative_amount(error: typer.TyperException, arguments: Sequence[str]) -> str | None:
    """``offer sre -150k``, ``net -150k``: the parser takes the amount for options (``-1``,
    then ``-5``...); say what is wrong with it as an amount instead (``-1``, ``-$150,000``,
    ``-inf``)."""
    if not isinstance(error, NoSuchOption):
        return None
    name, context = error.option_name, error.ctx
    amounts = ("offer", "net")  # the commands whose argument is an amount
    if (
        context is None
        or context.command.name not in amounts
        or name[1:2] not in set("0123456789$.i")
    ):
        return None
    from techpay.core.amounts import parse_amount

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
