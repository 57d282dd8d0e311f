"""The command line the Typer app in techpay.cli declares. Generated: do not edit.

Run ``python -m techpay.cli.grammar --write`` after changing a command: tests/test_grammar.py
fails until then. Read by techpay.start.fast, which answers from it without importing Typer.

Each command maps its parameter names (as the Python functions name them) to what the
parser needs: for arguments, ``nargs`` (-1: any number) and ``required``; for options,
the ``spellings``, ``flag`` (takes no value; ``off`` spells it false), ``multiple``
(repeatable), ``kind`` (text, int, choice, or the name of a parser such as amount),
``choices``, ``min``/``max``, ``default``, and ``global`` for the global options a command
also takes after its name. ``complete`` names what TAB completes (role, tag, cluster, place).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# fmt: off

COMMANDS: dict[str, Any] = {
    "": {
        "group": ["about", "chart", "compare", "export", "filter", "help", "init", "list", "map", "match", "occupation", "occupations", "offer", "official", "path", "schema", "show", "skills", "validate", "where"],
        "arguments": {
        },
        "options": {
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False},
            "version": {"spellings": ["--version", "-V"], "flag": True, "multiple": False, "default": False, "eager": True},
            "install_completion": {"spellings": ["--install-completion"], "flag": True, "multiple": False, "default": None, "eager": True},
            "show_completion": {"spellings": ["--show-completion"], "flag": True, "multiple": False, "default": None, "eager": True},
        },
    },
    "list": {
        "arguments": {
        },
        "options": {
            "sort": {"spellings": ["--sort", "-s"], "flag": False, "multiple": False, "default": "rank", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True, "multiple": False, "default": False},
            "limit": {"spellings": ["--limit", "-n"], "flag": False, "multiple": False, "default": None, "kind": "int", "min": 1, "max": None},
            "official": {"spellings": ["--official"], "flag": True, "multiple": False, "default": False},
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "show": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "default": None, "kind": "text", "complete": "role"},
        },
        "options": {
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "svg": {"spellings": ["--svg"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "html": {"spellings": ["--html"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "compare": {
        "arguments": {
            "roles": {"nargs": -1, "required": True, "default": None, "kind": "text", "complete": "role"},
        },
        "options": {
            "official": {"spellings": ["--official"], "flag": True, "multiple": False, "default": False},
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "svg": {"spellings": ["--svg"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "html": {"spellings": ["--html"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "filter": {
        "arguments": {
        },
        "options": {
            "min_salary": {"spellings": ["--min-salary"], "flag": False, "multiple": False, "default": None, "kind": "amount"},
            "max_salary": {"spellings": ["--max-salary"], "flag": False, "multiple": False, "default": None, "kind": "amount"},
            "skill": {"spellings": ["--skill", "-k"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "tag"},
            "cluster": {"spellings": ["--cluster", "-c"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "cluster"},
            "text": {"spellings": ["--text", "-t"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "sort": {"spellings": ["--sort", "-s"], "flag": False, "multiple": False, "default": "rank", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True, "multiple": False, "default": False},
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "chart": {
        "arguments": {
        },
        "options": {
            "min_salary": {"spellings": ["--min-salary"], "flag": False, "multiple": False, "default": None, "kind": "amount"},
            "max_salary": {"spellings": ["--max-salary"], "flag": False, "multiple": False, "default": None, "kind": "amount"},
            "skill": {"spellings": ["--skill", "-k"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "tag"},
            "cluster": {"spellings": ["--cluster", "-c"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "cluster"},
            "text": {"spellings": ["--text", "-t"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "sort": {"spellings": ["--sort", "-s"], "flag": False, "multiple": False, "default": "salary", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True, "multiple": False, "default": False},
            "official": {"spellings": ["--official"], "flag": True, "multiple": False, "default": False},
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "svg": {"spellings": ["--svg"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "html": {"spellings": ["--html"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "match": {
        "arguments": {
            "skills": {"nargs": -1, "required": True, "default": None, "kind": "text", "complete": "tag"},
        },
        "options": {
            "top": {"spellings": ["--top", "-n"], "flag": False, "multiple": False, "default": None, "kind": "int", "min": 1, "max": None},
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "path": {
        "arguments": {
            "start": {"nargs": 1, "required": True, "default": None, "kind": "text", "complete": "role"},
            "goal": {"nargs": 1, "required": True, "default": None, "kind": "text", "complete": "role"},
        },
        "options": {
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "skills": {
        "arguments": {
        },
        "options": {
            "role": {"spellings": ["--role", "-R"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "role"},
            "cluster": {"spellings": ["--cluster", "-c"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "cluster"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "where": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "default": None, "kind": "text", "complete": "role"},
        },
        "options": {
            "metros": {"spellings": ["--metros"], "off": ["--states"], "flag": True, "multiple": False, "default": False},
            "sort": {"spellings": ["--sort", "-s"], "flag": False, "multiple": False, "default": "median", "kind": "choice", "choices": ["median", "p90", "mean", "employment", "concentration"]},
            "top": {"spellings": ["--top", "-n"], "flag": False, "multiple": False, "default": 10, "kind": "int", "min": 1, "max": 1000},
            "min_employment": {"spellings": ["--min-employment"], "flag": False, "multiple": False, "default": 100, "kind": "int", "min": 0, "max": 10000000},
            "places": {"spellings": ["--in"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "occupations": {
        "arguments": {
            "words": {"nargs": -1, "required": False, "default": None, "kind": "text"},
        },
        "options": {
            "limit": {"spellings": ["--limit", "-n"], "flag": False, "multiple": False, "default": None, "kind": "int", "min": 1, "max": None},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "occupation": {
        "arguments": {
            "code": {"nargs": 1, "required": True, "default": None, "kind": "text"},
        },
        "options": {
            "place": {"spellings": ["--in"], "flag": False, "multiple": False, "default": None, "kind": "text", "complete": "place"},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "offer": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "default": None, "kind": "text", "complete": "role"},
            "amount": {"nargs": 1, "required": True, "default": None, "kind": "text"},
        },
        "options": {
            "hourly": {"spellings": ["--hourly"], "flag": True, "multiple": False, "default": False},
            "places": {"spellings": ["--in"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True, "multiple": False, "default": False},
            "no_header": {"spellings": ["--no-header"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "map": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "default": None, "kind": "text", "complete": "role"},
        },
        "options": {
            "by": {"spellings": ["--by"], "flag": False, "multiple": False, "default": "median", "kind": "choice", "choices": ["median", "p10", "p90", "mean", "employment", "concentration"]},
            "bins": {"spellings": ["--bins"], "flag": False, "multiple": False, "default": 5, "kind": "int", "min": 3, "max": 9},
            "places": {"spellings": ["--in"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "place"},
            "svg": {"spellings": ["--svg"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "html": {"spellings": ["--html"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True, "multiple": False, "default": False},
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "validate": {
        "arguments": {
            "files": {"nargs": -1, "required": True, "default": None, "kind": "text"},
        },
        "options": {
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "export": {
        "arguments": {
        },
        "options": {
            "output_format": {"spellings": ["--format", "-f"], "flag": False, "multiple": False, "default": "toml", "kind": "choice", "choices": ["toml", "json", "csv", "markdown", "sqlite"]},
            "output": {"spellings": ["--output", "-o"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True, "multiple": False, "default": False},
            "min_salary": {"spellings": ["--min-salary"], "flag": False, "multiple": False, "default": None, "kind": "amount"},
            "max_salary": {"spellings": ["--max-salary"], "flag": False, "multiple": False, "default": None, "kind": "amount"},
            "skill": {"spellings": ["--skill", "-k"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "tag"},
            "cluster": {"spellings": ["--cluster", "-c"], "flag": False, "multiple": True, "default": None, "kind": "text", "complete": "cluster"},
            "text": {"spellings": ["--text", "-t"], "flag": False, "multiple": False, "default": None, "kind": "text"},
            "sort": {"spellings": ["--sort", "-s"], "flag": False, "multiple": False, "default": "rank", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "init": {
        "arguments": {
            "path": {"nargs": 1, "required": False, "default": "techpay-roles.toml", "kind": "text"},
        },
        "options": {
            "force": {"spellings": ["--force"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "schema": {
        "arguments": {
        },
        "options": {
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "about": {
        "arguments": {
        },
        "options": {
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "help": {
        "arguments": {
            "name": {"nargs": 1, "required": False, "default": None, "kind": "text"},
        },
        "options": {
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "official import": {
        "arguments": {
            "path": {"nargs": 1, "required": True, "default": None, "kind": "text"},
        },
        "options": {
            "force": {"spellings": ["--force"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "official status": {
        "arguments": {
        },
        "options": {
            "json_output": {"spellings": ["--json"], "flag": True, "multiple": False, "default": False},
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
    "official reset": {
        "arguments": {
        },
        "options": {
            "data_file": {"spellings": ["--data", "-d"], "flag": False, "multiple": True, "default": None, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "multiple": False, "default": False, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "multiple": False, "default": False, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "multiple": False, "default": False, "global": True},
        },
    },
}
