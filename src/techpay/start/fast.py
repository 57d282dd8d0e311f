"""The fast path: answer from the cache before any framework loads.

It reads the command line with the grammar of the Typer app (``techpay.start.commandline``),
then runs the command's handler: the one the Typer command runs
(``techpay.commands.handlers``), so both print the same bytes. What it does not read with
certainty it hands back by returning None: the full Typer CLI then answers, and reports any
mistake in the command line. Help (``--help``,
``help COMMAND``) comes from a cache of the full CLI's text, and bash TAB completion of
role names is answered here too. tests/test_fast_path.py draws command lines from the
grammar and checks that both paths answer alike.
"""

from __future__ import annotations

import sys

from techpay.start.commandline import Request, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from techpay.commands.handlers import Data


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
