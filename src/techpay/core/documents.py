"""Reading one data file into a document: TOML or JSON, bounded in size, every failure a
problem naming the file (and the line and column of a syntax error)."""

from __future__ import annotations

from techpay.core.errors import DataError, Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

BUNDLED_NAME = "roles.toml"
MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real dataset; keeps a wrong file from hanging us


def bundled_path() -> str:
    """Where the bundled ``roles.toml`` is (see :func:`techpay.core.paths.bundled_file`)."""
    from techpay.core.paths import bundled_file, packaged_file

    found = bundled_file(BUNDLED_NAME)
    if found is None:
        missing = packaged_file(BUNDLED_NAME)
        raise DataError([Problem(missing, "the bundled dataset is missing; reinstall techpay")])
    return found


STDIN = "-"  # a file named so is standard input, where a command says it reads it


def shown_name(path: str) -> str:
    """How messages and answers name a file read with ``stdin``: ``-`` is ``<stdin>``."""
    from techpay.core.sources import STDIN_NAME

    return STDIN_NAME if path == STDIN else path


def read_document(
    path: str,
    top: str = "expected a table of settings and [[roles]] at the top",
    quick: Callable[[str], dict[str, Any] | None] | None = None,
    stdin: bool = False,
) -> dict[str, Any]:
    """Parse one data file (TOML, or JSON when it ends in ``.json``); with ``stdin``, ``-``
    is standard input (JSON when it starts with ``{``, which no TOML document does).

    Any failure is a :class:`DataError` naming the file, and the line and column for syntax;
    ``top`` is the problem with a document that is not a table (a JSON list or number).
    ``quick`` reads a TOML text that is plainly in a simple form (without importing a TOML
    parser) or gives None; the parser reads the rest.
    """
    # Not needed when the data comes from the cache.
    from techpay.core.sources import STDIN_NAME, read_source, read_stdin

    from_stdin = stdin and path == STDIN
    name = STDIN_NAME if from_stdin else path
    try:
        content = read_stdin(MAX_FILE_BYTES) if from_stdin else read_source(path, MAX_FILE_BYTES)
        # A byte order mark, as some Windows editors write, says "UTF-8"; it is not content.
        text = content.decode("utf-8-sig")
    except FileNotFoundError:
        raise DataError([Problem(name, "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(name, "is a directory, not a data file")]) from None
    except OSError as error:
        raise DataError([Problem(name, f"cannot read: {error.strerror}")]) from None
    except UnicodeDecodeError as error:
        raise DataError([Problem(name, f"not UTF-8 text ({error.reason})")]) from None
    is_json = text.lstrip().startswith("{") if from_stdin else path.lower().endswith(".json")
    return _parsed(name, text, is_json, top, quick)


def _parsed(
    path: str,
    text: str,
    is_json: bool,
    top: str,
    quick: Callable[[str], dict[str, Any] | None] | None,
) -> dict[str, Any]:
    quickly = None if quick is None or is_json else quick(text)
    parsed = _parse_within_limits(path, text, is_json) if quickly is None else quickly
    if not isinstance(parsed, dict):
        raise DataError([Problem(path, top)])
    return parsed


def _parse_within_limits(path: str, text: str, is_json: bool) -> Any:
    """Parse TOML or JSON; the limits the parsers and Python's ``int`` keep are problems with
    the file (one line naming it), not internal errors."""
    import sys

    parse = _parse_json if is_json else _parse_toml
    try:
        return parse(path, text)
    except RecursionError:
        message = "data nested deeper than the parser allows (is this a techpay data file?)"
        raise DataError([Problem(path, message)]) from None
    except ValueError as error:
        if "integer string conversion" not in str(error):
            raise
        digits = sys.get_int_max_str_digits()
        message = f"an integer too long to convert (over {digits:,} digits)"
        raise DataError([Problem(path, message)]) from None


# From this size on, a data file is parsed by tomli, compiled, when it is installed: the same
# parser as tomllib (TOML 1.0), about twice as fast, but about 20 ms to import. Measured on
# a 10,000-role file (2.2 MB): 0.38-0.47 s against tomllib's 0.60-0.95 s; the import is
# worth it from about 150 KB (700 roles). tomllib still words every error.
LARGE_TOML_CHARACTERS = 256 * 1024


def _parse_toml(path: str, text: str) -> dict[str, Any]:
    import re
    import tomllib

    try:
        document = _parsed_quickly(text)
        return tomllib.loads(text) if document is None else document
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if not where:
            raise DataError([Problem(path, message)]) from None
        line, column = int(where[1]), int(where[2])
        problem = Problem(path, message[: where.start()], line=line, column=column)
        raise DataError([problem]) from None


def _parsed_quickly(text: str) -> dict[str, Any] | None:
    """A large file's document, parsed by compiled tomli; None for a small file, without
    tomli, or for a file tomli refuses (tomllib then says where, and why)."""
    if len(text) < LARGE_TOML_CHARACTERS:
        return None
    try:
        import tomli
    except ImportError:
        return None
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError:
        return None


def _parse_json(path: str, text: str) -> Any:
    import json

    from techpay.core.sources import RepeatedKey, repeated_key_problem, unique_keys

    try:
        return json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as error:
        problem = Problem(path, error.msg, line=error.lineno, column=error.colno)
        raise DataError([problem]) from None
    except RepeatedKey as repeated:
        raise DataError([repeated_key_problem(path, text, repeated.key)]) from None
