"""How the command line words itself: help that names each value as a person would, and
usage errors that state the rule a value breaks (``--limit must be at least 1 (got 0)``).

Rules about values come from the same table as data-file problems
(:func:`techpay.core.validation.describe_error`), so a bound reads the same wherever it is broken.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import typer

from techpay.core.validation import as_written, describe_error

if TYPE_CHECKING:
    from typer._click import Context as ClickContext
    from typer._click import HelpFormatter, Parameter
    from typer.models import CommandFunctionType


class TechpayCommand(typer.core.TyperCommand):
    """A command whose help names each value as a person would (``ROLE...``, ``N``,
    ``rank|salary``), never as a Python type (``{ROLE}``, ``<list[str]>``, ``<int range>``)."""

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [_usage_name(param) for param in _arguments(self.get_params(ctx))]

    def format_options(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        params = [param for param in self.get_params(ctx) if not getattr(param, "hidden", False)]
        sections = {
            "Arguments": [_argument_help(param) for param in _arguments(params)],
            "Options": [_option_help(param) for param in params if not _is_argument(param)],
        }
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _is_argument(param: Parameter) -> bool:
    return param.param_type_name == "argument"


def _arguments(params: Sequence[Parameter]) -> list[Parameter]:
    return [param for param in params if _is_argument(param)]


def _value_name(param: Parameter) -> str:
    """What help calls the value: the declared metavar, N for a number, the choices, or the
    parameter's name in capitals."""
    if param.metavar:  # the bare name: help adds the brackets and dots the parameter needs
        return param.metavar.strip("[].")
    described = getattr(param, "type_descriptor", None)
    if getattr(described, "annotation", None) is int:
        return "N"
    choices = getattr(described, "choices", None)
    return "|".join(map(str, choices)) if choices else (param.name or "value").upper()


def _usage_name(argument: Parameter) -> str:
    """``ROLE``, ``ROLE...`` (one or more), ``[FILE]`` (optional)."""
    name = _value_name(argument)
    name = name if argument.required else f"[{name}]"
    return name if argument.nargs == 1 else f"{name}..."


def _argument_help(argument: Parameter) -> tuple[str, str]:
    name = _value_name(argument) + ("" if argument.nargs == 1 else "...")
    return name, _with_notes(argument, getattr(argument, "help", None) or "")


def _option_help(option: Parameter) -> tuple[str, str]:
    names = ", ".join(sorted(option.opts, key=lambda spelling: spelling.startswith("--")))
    if not getattr(option, "is_flag", False):
        names += f" {_value_name(option)}"
    return names, _with_notes(option, getattr(option, "help", None) or "")


def _with_notes(param: Parameter, text: str) -> str:
    """The help text, then its default and bounds in brackets: ``[default: rank]``."""
    notes = []
    shown = getattr(param, "show_default", False)
    if isinstance(shown, str):
        notes.append(f"default: {shown}")
    elif shown and param.default is not None and not getattr(param, "is_flag", False):
        notes.append(f"default: {param.default}")
    bounds = _bounds(getattr(param, "min", None), getattr(param, "max", None))
    if bounds:
        notes.append(bounds)
    if param.required and not _is_argument(param):  # the usage line shows required arguments
        notes.append("required")
    return f"{text}  [{'; '.join(notes)}]".strip() if notes else text


def _bounds(low: float | None, high: float | None) -> str | None:
    """A number's bounds in words: ``at least 1``, ``1 to 10``."""
    if low is not None and high is not None:
        return f"{low:,} to {high:,}"
    if low is not None:
        return f"at least {low:,}"
    return None if high is None else f"at most {high:,}"


class TechpayTyper(typer.Typer):
    """Typer whose commands are :class:`TechpayCommand` unless a command names another."""

    def command(
        self, *args: Any, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", TechpayCommand)
        return super().command(*args, **kwargs)


def value_problem(error: typer.TyperException) -> str | None:
    """A rejected option or argument value in the user's words: ``--limit must be at least 1
    (got 0)``; None when the error is not about a value."""
    # The parser's rejection is raised from pydantic's; re-raised later "from None", it keeps
    # that only as its context.
    param, cause = getattr(error, "param", None), error.__cause__ or error.__context__
    errors = getattr(cause, "errors", None)
    if param is None or not callable(errors) or not errors():
        return None
    detail = errors()[0]
    typed = str(detail.get("input", ""))
    got = typed if typed.isascii() and typed.lstrip("-").isdigit() else as_written(typed)
    name = _value_name(param) if _is_argument(param) else max(param.opts, key=len)
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if choices:
        return f"{name} must be one of: {', '.join(map(str, choices))} (got {got})"
    if detail["type"] == "value_error":  # our own parser's message names the value already
        return f"{name}: {describe_error(detail)}"
    return f"{name} {describe_error(detail)} (got {got})"
