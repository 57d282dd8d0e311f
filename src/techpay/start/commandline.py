"""The command line as the fast path reads it: with the grammar of the Typer app
(``techpay.start.grammar``), into the command's path and the parameters its handler takes.

What it does not read with certainty (an unknown option, a value the grammar does not
accept, a missing or extra argument, and what :data:`HANDED_OVER` lists) it does not read
at all: :func:`parse` returns None, and the full Typer CLI answers, and reports any mistake.
"""

from __future__ import annotations

from techpay.start.grammar import COMMANDS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

# What the fast path leaves to the full CLI, and why: commands by path, options by spelling.
# Every command and option of the grammar is read here or listed here: tests/test_grammar.py
# fails, naming it, when one is neither.
HANDED_OVER = {
    "official import": "changes the release in use, showing progress: rare, and slow itself",
    "official reset": "changes the release in use: rare",
    "help": "answered from the cache of help texts (help_text), which the full CLI fills",
    "--debug": "shows the traceback of an internal error, which the full CLI raises",
    "--version": "an eager option: the full CLI prints the version as it reads the line",
    "--install-completion": "Typer's own: installs the completion script",
    "--show-completion": "Typer's own: prints the completion script",
}
KINDS = ("text", "int", "choice", "amount")  # the kinds of value read here
_GLOBALS = ("data_file", "no_bundled", "pager", "debug")
_INVALID = object()


class Request:
    """A command line the fast path read: the command's path, every parameter's value
    (given or default, as Typer would pass it), and where TAB completion stands."""

    def __init__(self, path: str, values: dict[str, Any]) -> None:
        self.path = path
        self.values = values
        self.completing: dict[str, Any] | None = None  # the argument the next word fills

    def params(self) -> dict[str, Any]:
        """The handler's keywords: every parameter but the global options."""
        return {name: value for name, value in self.values.items() if name not in _GLOBALS}


def parse(argv: Sequence[str], partial: bool = False) -> Request | None:
    """The request ``argv`` makes, or None if the fast path cannot be sure of it.

    ``partial``: a line still being typed (TAB completion): arguments may be missing.
    """
    words = list(argv)
    values: dict[str, Any] = {}
    while words and words[0].startswith("-") and words[0] != "-":
        if not _take_option(words, COMMANDS[""]["options"], values):
            return None
    path = words.pop(0) if words else ""
    if path not in COMMANDS and words and f"{path} {words[0]}" in COMMANDS:
        path = f"{path} {words.pop(0)}"  # a command of a group: official status
    if not path or path not in COMMANDS or path in HANDED_OVER:
        return None
    before = values.pop("data_file", None) or []
    command = COMMANDS[path]
    given: list[str] = []
    while words:
        if words[0] == "--":
            given += words[1:]
            break
        if words[0].startswith("-") and words[0] != "-":
            if not _take_option(words, command["options"], values):
                return None
        else:
            given.append(words.pop(0))
    values["data_file"] = [*before, *(values.get("data_file") or [])] or None
    for name, option in command["options"].items():
        values.setdefault(name, option.get("default", False if option.get("flag") else None))
    request = Request(path, values)
    return request if _take_arguments(request, command["arguments"], given, partial) else None


def _take_option(words: list[str], options: dict[str, Any], values: dict[str, Any]) -> bool:
    """Read the option at the start of ``words`` into ``values``; False if unsure."""
    word = words.pop(0)
    spelling, equals, attached = word.partition("=") if word.startswith("--") else (word, "", "")
    found = _option_named(spelling, options)
    if found is None:
        return False  # unknown, or -n5 and -rn: the full parser reads those
    name, option, on = found
    if option.get("eager") or spelling in HANDED_OVER or (option.get("flag") and equals):
        return False
    if option.get("flag"):
        values[name] = on
        return True
    if not equals:
        if not words:
            return False
        attached = words.pop(0)
    value = _value(attached, option)
    if value is _INVALID:
        return False
    if option.get("multiple"):
        values[name] = [*(values.get(name) or []), value]
    else:
        values[name] = value  # given twice, the last one counts
    return True


def _option_named(spelling: str, options: dict[str, Any]) -> tuple[str, Any, bool] | None:
    """The option a spelling names, and whether it turns a flag on (``--metros``) or off
    (``--states``)."""
    for name, option in options.items():
        if spelling in option["spellings"]:
            return name, option, True
        if spelling in option.get("off", ()):
            return name, option, False
    return None


def _take_arguments(
    request: Request, arguments: dict[str, Any], given: list[str], partial: bool
) -> bool:
    """Give each argument its words, as the full parser would; False if unsure."""
    rest = list(given)
    for name, argument in arguments.items():
        if argument["nargs"] == -1:
            taken, rest = rest, []
            request.completing = request.completing or argument
        elif rest:
            taken = rest[:1]
            del rest[:1]
        else:
            taken = []
            request.completing = request.completing or argument
        if not taken and argument["required"] and not partial:
            return False
        converted = [_value(word, argument) for word in taken]
        if _INVALID in converted:
            return False
        if argument["nargs"] == -1:
            request.values[name] = converted or argument.get("default")
        else:
            request.values[name] = converted[0] if converted else argument.get("default")
    return not rest


def _value(text: str, spec: dict[str, Any]) -> Any:
    """An option's or argument's value, converted and checked as the grammar says."""
    kind = spec["kind"]
    if kind == "text":
        return text
    if kind == "choice":
        # Without regard to case, as the full CLI reads choices (cli.wording.TechpayCommand).
        found = [choice for choice in spec["choices"] if choice.casefold() == text.casefold()]
        return found[0] if found else _INVALID
    if kind == "int":
        if not (text.isascii() and text.isdigit()):
            return _INVALID
        try:
            number = int(text)
        except ValueError:  # more digits than Python converts: the full CLI says so
            return _INVALID
        low, high = spec.get("min"), spec.get("max")
        within = (low is None or number >= low) and (high is None or number <= high)
        return number if within else _INVALID
    if kind == "amount":
        from techpay.core.amounts import parse_amount
        from techpay.core.errors import TechpayError

        try:
            return parse_amount(text)
        except (TechpayError, ValueError):
            return _INVALID
    return _INVALID  # a kind this module does not read: the full CLI does
