"""The fast path: answer the everyday commands from the cache, before any framework loads.

It understands a strict subset of the command line: ``list``, ``show``, ``compare``,
``filter``, ``where``, ``occupations``, ``occupation``, ``offer`` and ``map`` with the options
listed in ``_COMMANDS``, the global ``--data``/``--no-bundled`` before the command, and bash
TAB completion of role names. Whatever it is not sure of (an unknown or repeated option, a value
it cannot read, a name that does not resolve, a cache miss) it hands back by returning None,
and the full Typer CLI answers instead, errors included. Both paths use the same queries and
renderers, so their output is the same byte for byte; tests/test_fast_path.py checks it.
"""

from __future__ import annotations

import sys

from techpay.core.errors import TechpayError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from techpay.start.cache import Entry

# Per command: options that take a value (long and short spellings), and flags.
_GLOBAL_VALUES = {"--data": "data", "-d": "data"}
_GLOBAL_FLAGS = {"--no-bundled": "no_bundled"}
_SORTING = {"--sort": "sort", "-s": "sort"}
_FLAGS = {"--json": "json", "--reverse": "reverse", "-r": "reverse"}
_COMMANDS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "list": (
        {**_SORTING, "--limit": "limit", "-n": "limit", "--in": "place"},
        {**_FLAGS, "--official": "official"},
    ),
    "show": ({"--in": "place"}, {"--json": "json"}),
    "where": (
        {
            **_SORTING,
            "--top": "top",
            "-n": "top",
            "--min-employment": "min_employment",
            "--in": "place",
        },
        {"--json": "json", "--metros": "metros", "--states": "states"},
    ),
    "occupations": ({"--limit": "limit", "-n": "limit"}, {"--json": "json"}),
    "occupation": ({"--in": "place"}, {"--json": "json"}),
    "offer": (
        {"--in": "place"},
        {"--json": "json", "--plain": "plain", "--no-header": "no_header", "--hourly": "hourly"},
    ),
    "map": ({"--by": "by", "--bins": "bins"}, {"--json": "json"}),
    "compare": ({"--in": "place"}, {"--json": "json"}),
    "filter": (
        {
            **_SORTING,
            "--min-salary": "min_salary",
            "--max-salary": "max_salary",
            "--skill": "skill",
            "-k": "skill",
            "--cluster": "cluster",
            "-c": "cluster",
            "--text": "text",
            "-t": "text",
            "--in": "place",
        },
        _FLAGS,
    ),
}
# The options of those commands that the fast path leaves to the full CLI, and why. Every
# option the Typer commands declare is either understood above or listed here:
# tests/test_fast_path.py fails, naming the option, when one is neither.
_GLOBAL_AFTER = "a global option after the command: the full CLI places it"
_HANDED_OVER = {
    "--plain": "plain lines and their header row come from the full CLI",
    "--no-header": "goes with --plain",
    "--svg": "pictures are saved by the full CLI, which checks the paths first",
    "--html": "pictures are saved by the full CLI, which checks the paths first",
    "--force": "goes with --svg and --html",
    "--data": _GLOBAL_AFTER,
    "-d": _GLOBAL_AFTER,
    "--no-bundled": _GLOBAL_AFTER,
    "--pager": _GLOBAL_AFTER,
    "--debug": _GLOBAL_AFTER,
}
_HANDED_OVER_BY_COMMAND = {
    "compare": {"--official": "the official column of compare is drawn by the full CLI"},
    "map": {"--in": "map refuses --in; the full CLI says so"},
}
_REPEATABLE = {"data", "skill", "cluster", "place"}


class Request:
    """A command line the fast path understood."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.values: dict[str, list[str]] = {}
        self.flags: set[str] = set()
        self.arguments: list[str] = []

    def value(self, name: str, default: str | None = None) -> str | None:
        given = self.values.get(name)
        return given[-1] if given else default


def run(argv: Sequence[str], environ: Mapping[str, str]) -> int | None:
    """Answer ``argv`` and return the exit code, or None to let the full CLI answer."""
    if "_TECHPAY_COMPLETE" in environ:
        return complete(environ)
    if _asks_for_help(argv):
        return help_text(list(argv))
    request = parse(argv)
    if request is None:
        return None
    from techpay.start.cache import CacheCorrupt
    from techpay.start.fast_answers import ANSWERS

    for rebuild in (False, True):
        try:
            return ANSWERS[request.command](request, _open(request, environ, rebuild=rebuild))
        except CacheCorrupt:
            continue  # a damaged entry: build it again, once
        except (TechpayError, ValueError):
            return None  # the full CLI reports it, exactly as it always does
    return None


def parse(argv: Sequence[str]) -> Request | None:
    """The request ``argv`` makes, or None if it is anything but plain and certain."""
    words = list(argv)
    globals_ = Request("")
    while words and words[0].startswith("-"):
        if not _take_option(words, globals_, _GLOBAL_VALUES, _GLOBAL_FLAGS):
            return None
    if not words or words[0] not in _COMMANDS:
        return None
    request = Request(words.pop(0))
    request.values, request.flags = globals_.values, globals_.flags
    values, flags = _COMMANDS[request.command]
    while words:
        if words[0] == "-" or not words[0].startswith("-"):
            request.arguments.append(words.pop(0))
        elif words[0] == "--" or not _take_option(words, request, values, flags):
            return None
    return request


def _take_option(
    words: list[str], request: Request, values: dict[str, str], flags: dict[str, str]
) -> bool:
    word = words.pop(0)
    spelling, has_value, attached = word.partition("=")
    if spelling in flags and not has_value:
        request.flags.add(flags[spelling])
        return True
    name = values.get(spelling)
    if name is None or (has_value and not spelling.startswith("--")):
        return False  # unknown, or a short option with '=': leave it to the full parser
    if not has_value:
        if not words:
            return False
        attached = words.pop(0)
    if name in request.values and name not in _REPEATABLE:
        return False
    request.values.setdefault(name, []).append(attached)
    return True


def _open(request: Request, environ: Mapping[str, str], rebuild: bool = False) -> Entry:
    """The data, from the cache or (on a miss) loaded, validated and cached here."""
    from techpay.core.dataset import data_files
    from techpay.start import cache

    files = data_files(request.values.get("data", []), environ)
    return cache.entry_for(files, bundled="no_bundled" not in request.flags, rebuild=rebuild)


_HELP = ("--help", "-h")


def _asks_for_help(argv: Sequence[str]) -> bool:
    """``techpay``, ``techpay --help`` or ``techpay WORD --help``, exactly.

    WORD need not be a command: the full CLI then reports it, and errors are not cached.
    """
    return (
        not argv
        or (len(argv) == 1 and argv[0] in _HELP)
        or (len(argv) == 2 and not argv[0].startswith("-") and argv[1] in _HELP)
    )


def help_text(argv: list[str]) -> int:
    """Help from the cache, or from the full CLI (then cached).

    Help depends only on the code, the arguments and the width it is formatted for, and the
    cache key holds all three, so the text printed is the one the full CLI would print.
    """
    import contextlib
    import io

    from techpay.start import cache

    naming = [*argv, str(terminal_columns())]
    entry = cache.read("help", [], naming, extra=tuple(naming))
    if entry is not None:
        with contextlib.suppress(cache.CacheCorrupt):
            sys.stdout.write(str(entry.raw("text"), "utf-8"))
            return 0
    from techpay.cli import run as run_full

    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        code = run_full(argv)
    if code == 0:
        text = captured.getvalue().encode("utf-8")
        cache.write("help", [], naming, {"text": text}, extra=tuple(naming))
    sys.stdout.write(captured.getvalue())
    return code


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
    """Bash TAB completion of role names for ``show`` and ``compare``, as Typer prints it."""
    if environ.get("_TECHPAY_COMPLETE") != "complete_bash":
        return None
    line, position = environ.get("COMP_WORDS", ""), environ.get("COMP_CWORD", "")
    if any(quote in line for quote in "\"'\\") or not position.isdigit():
        return None  # quoting: let Typer's own splitter read it
    words = line.split()
    if line.endswith(" "):
        words.append("")
    cursor = int(position)
    if not 1 <= cursor < len(words) or words[cursor].startswith("-"):
        return None
    request = parse(words[1:cursor])
    if request is None or request.command not in ("show", "compare"):
        return None
    if request.command == "show" and request.arguments:
        return None
    try:
        completions = _open(request, environ).names().completions(words[cursor])
    except TechpayError:
        return None
    sys.stdout.write("\n".join(completions) + "\n")
    return 0
