"""The fast path: answer from the cache before any framework loads.

It reads the command line with the grammar of the Typer app (``techpay.start.grammar``,
generated from ``techpay.cli``), then runs the command's handler: the one the Typer command
runs (``techpay.commands.handlers``), so both print the same bytes. What it does not read
with certainty (an unknown option, a value the grammar does not accept, a missing or extra
argument, and what :data:`HANDED_OVER` lists) it hands back by returning None: the full
Typer CLI then answers, and reports any mistake in the command line. Help (``--help``,
``help COMMAND``) comes from a cache of the full CLI's text, and bash TAB completion of
role names is answered here too. tests/test_fast_path.py draws command lines from the
grammar and checks that both paths answer alike.
"""

from __future__ import annotations

import sys

from techpay.start.grammar import COMMANDS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from techpay.commands.handlers import Data

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


def run(argv: Sequence[str], environ: Mapping[str, str]) -> int | None:
    """Answer ``argv`` and return the exit code, or None to let the full CLI answer."""
    if "_TECHPAY_COMPLETE" in environ:
        return complete(environ)
    if _asks_for_help(argv):
        return help_text(list(argv))
    request = parse(argv)
    if request is None:
        return None
    from techpay.commands import handlers, output
    from techpay.core.errors import TechpayError, UsageError

    output.PAGE_VIEWS = request.values["pager"]
    handler = handlers.handler(request.path)
    try:
        return handlers.run(handler, _data(request, environ), request.params())
    except UsageError as error:  # worded as the full CLI words it
        message = output.usage_message(str(error), f"techpay {request.path}")
        return output.report(message, error.exit_code)
    except TechpayError as error:
        return output.report(str(error), error.exit_code)


def _data(request: Request, environ: Mapping[str, str]) -> Data:
    """The data files, after the bundled data unless ``--no-bundled``, as the full CLI finds
    them, read through the cache."""
    from techpay.commands.handlers import Data
    from techpay.core.dataset import data_files
    from techpay.start.dataentry import entry_for

    files = data_files(request.values["data_file"] or [], environ)
    return Data(files, not request.values["no_bundled"], entry_for)


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


_HELP = ("--help", "-h")


def _asks_for_help(argv: Sequence[str]) -> bool:
    """``techpay``, ``techpay --help``, ``techpay WORD --help`` or ``techpay help [WORD]``.

    WORD need not be a command: the full CLI then reports it, and errors are not cached.
    """
    return (
        not argv
        or (len(argv) == 1 and argv[0] in (*_HELP, "help"))
        or (len(argv) == 2 and not argv[0].startswith("-") and argv[1] in _HELP)
        or (len(argv) == 2 and argv[0] == "help")
    )


def help_text(argv: list[str]) -> int:
    """Help from the cache, or from the full CLI (then cached).

    Help depends only on the code (techpay's, Typer's and Rich's), the arguments and the
    width it is formatted for, and the cache key holds them all, so the text printed is the
    one the full CLI would print.
    """
    from techpay.core.errors import CacheCorrupt
    from techpay.start import cache

    naming = [*argv, str(terminal_columns())]
    frameworks = _framework_files()
    entry = cache.read("help", frameworks, naming, extra=tuple(naming))
    if entry is not None:
        try:
            text = str(entry.raw("text"), "utf-8")
        except CacheCorrupt:
            pass
        else:
            sys.stdout.write(text)
            return 0
    # Only on a miss: contextlib and io.StringIO cost 4% of an interpreter start.
    import contextlib
    import io

    from techpay.cli import run as run_full

    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        code = run_full(argv)
    if code == 0:
        blob = captured.getvalue().encode("utf-8")
        cache.write("help", frameworks, naming, {"text": blob}, extra=tuple(naming))
    sys.stdout.write(captured.getvalue())
    return code


def _framework_files() -> list[str]:
    """Typer's and Rich's package files, found on the path without importing either: an
    upgrade writes them anew, and their stamps in the key then make the help texts cached
    with the old versions stale."""
    import os

    found = []
    for package in ("typer", "rich"):
        for folder in sys.path:
            marker = os.path.join(folder or os.curdir, package, "__init__.py")
            if os.path.isfile(marker):
                found.append(marker)
                break
    return found


def terminal_columns() -> int:
    """The width help is formatted for: ``shutil.get_terminal_size().columns``, without
    importing shutil (which costs a quarter of an interpreter start)."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def complete(environ: Mapping[str, str]) -> int | None:
    """Bash TAB completion of a role argument (``show``, ``compare``, ``path``, ...), as Typer
    prints it; anything else (options, places, tags) is the full CLI's."""
    if environ.get("_TECHPAY_COMPLETE") != "complete_bash":
        return None
    line, position = environ.get("COMP_WORDS", ""), environ.get("COMP_CWORD", "")
    if any(quote in line for quote in "\"'\\") or not position.isdigit():
        return None  # quoting: let Typer's own splitter read it
    if any(space.isspace() and space not in " \t\r\n" for space in line):
        return None  # Typer splits at these four spaces only
    words = line.split()
    if line.endswith(" "):
        words.append("")
    cursor = int(position)
    if not 1 <= cursor < len(words) or words[cursor].startswith("-"):
        return None
    request = parse(words[1:cursor], partial=True)
    if request is None or (request.completing or {}).get("complete") != "role":
        return None
    from techpay.core.errors import TechpayError

    try:
        names = _data(request, environ).entry().names()
    except TechpayError:
        return None
    typed = words[cursor]  # Typer keeps only what starts with it exactly (case too)
    found = [name for name in names.completions(typed) if name.startswith(typed)]
    sys.stdout.write("\n".join(found) + "\n")
    return 0
