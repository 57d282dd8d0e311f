"""The command line the Typer app in techpay.cli declares. Generated: do not edit.

Run ``python -m techpay.cli.grammar --write`` after changing a command: tests/test_grammar.py
fails until then. Read by techpay.start.commandline for the fast path, without importing Typer.

Each command maps its parameter names (as the Python functions name them) to what the
parser needs: for arguments, ``nargs`` (-1: any number) and ``required``; for options,
the ``spellings``, ``flag`` (takes no value; ``off`` spells it false), ``multiple``
(repeatable), ``kind`` (text, int, choice, or the name of a parser such as amount),
``choices``, ``min``/``max``, ``default``, and ``global`` for the global options a command
also takes after its name. ``complete`` names what TAB completes (role, tag, cluster, place).
A key left out has its usual value: not a flag, not repeatable, no bound, and a default of
False for a flag and None otherwise.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# fmt: off

COMMANDS: dict[str, Any] = {
    "": {
        "group": ["about", "chart", "compare", "export", "filter", "help", "init", "list", "map", "match", "net", "occupation", "occupations", "offer", "offers", "official", "path", "schema", "show", "skills", "validate", "where"],
        "arguments": {
        },
        "options": {
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True},
            "pager": {"spellings": ["--pager"], "flag": True},
            "debug": {"spellings": ["--debug"], "flag": True},
            "version": {"spellings": ["--version", "-V"], "flag": True, "eager": True},
            "install_completion": {"spellings": ["--install-completion"], "flag": True, "default": None, "eager": True},
            "show_completion": {"spellings": ["--show-completion"], "flag": True, "default": None, "eager": True},
        },
    },
    "list": {
        "arguments": {
        },
        "options": {
            "sort": {"spellings": ["--sort", "-s"], "default": "rank", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True},
            "limit": {"spellings": ["--limit", "-n"], "kind": "int", "min": 1},
            "official": {"spellings": ["--official"], "flag": True},
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "show": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "svg": {"spellings": ["--svg"], "kind": "text"},
            "html": {"spellings": ["--html"], "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "compare": {
        "arguments": {
            "roles": {"nargs": -1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            "official": {"spellings": ["--official"], "flag": True},
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "svg": {"spellings": ["--svg"], "kind": "text"},
            "html": {"spellings": ["--html"], "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "filter": {
        "arguments": {
        },
        "options": {
            "min_salary": {"spellings": ["--min-salary"], "kind": "amount"},
            "max_salary": {"spellings": ["--max-salary"], "kind": "amount"},
            "skill": {"spellings": ["--skill", "-k"], "multiple": True, "kind": "text", "complete": "tag"},
            "cluster": {"spellings": ["--cluster", "-c"], "multiple": True, "kind": "text", "complete": "cluster"},
            "text": {"spellings": ["--text", "-t"], "kind": "text"},
            "sort": {"spellings": ["--sort", "-s"], "default": "rank", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True},
            "limit": {"spellings": ["--limit", "-n"], "kind": "int", "min": 1},
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "chart": {
        "arguments": {
        },
        "options": {
            "min_salary": {"spellings": ["--min-salary"], "kind": "amount"},
            "max_salary": {"spellings": ["--max-salary"], "kind": "amount"},
            "skill": {"spellings": ["--skill", "-k"], "multiple": True, "kind": "text", "complete": "tag"},
            "cluster": {"spellings": ["--cluster", "-c"], "multiple": True, "kind": "text", "complete": "cluster"},
            "text": {"spellings": ["--text", "-t"], "kind": "text"},
            "sort": {"spellings": ["--sort", "-s"], "default": "salary", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True},
            "limit": {"spellings": ["--limit", "-n"], "kind": "int", "min": 1},
            "official": {"spellings": ["--official"], "flag": True},
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "svg": {"spellings": ["--svg"], "kind": "text"},
            "html": {"spellings": ["--html"], "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "match": {
        "arguments": {
            "skills": {"nargs": -1, "required": True, "kind": "text", "complete": "tag"},
        },
        "options": {
            "top": {"spellings": ["--top", "-n"], "kind": "int", "min": 1},
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "path": {
        "arguments": {
            "start": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
            "goal": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "skills": {
        "arguments": {
        },
        "options": {
            "role": {"spellings": ["--role", "-R"], "kind": "text", "complete": "role"},
            "cluster": {"spellings": ["--cluster", "-c"], "multiple": True, "kind": "text", "complete": "cluster"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "where": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            "metros": {"spellings": ["--metros"], "off": ["--states"], "flag": True},
            "sort": {"spellings": ["--sort", "-s"], "default": "median", "kind": "choice", "choices": ["median", "p10", "p90", "mean", "employment", "concentration", "take-home", "real"]},
            "top": {"spellings": ["--top", "-n"], "default": 10, "kind": "int", "min": 1, "max": 1000},
            "min_employment": {"spellings": ["--min-employment"], "default": 100, "kind": "int", "min": 0, "max": 10000000},
            "places": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "filing": {"spellings": ["--filing"], "default": "single", "kind": "choice", "choices": ["single", "joint"]},
            "tax_state": {"spellings": ["--tax-state"], "kind": "text"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "occupations": {
        "arguments": {
            "words": {"nargs": -1, "required": False, "kind": "text"},
        },
        "options": {
            "sort": {"spellings": ["--sort", "-s"], "default": "code", "kind": "choice", "choices": ["code", "median", "employment"]},
            "place": {"spellings": ["--in"], "kind": "text", "complete": "place"},
            "top": {"spellings": ["--top", "-n"], "kind": "int", "min": 1},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "occupation": {
        "arguments": {
            "code": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "offer": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
            "amount": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "hourly": {"spellings": ["--hourly"], "flag": True},
            "places": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "filing": {"spellings": ["--filing"], "default": "single", "kind": "choice", "choices": ["single", "joint"]},
            "tax_state": {"spellings": ["--tax-state"], "kind": "text"},
            "bonus": {"spellings": ["--bonus"], "kind": "text"},
            "sign_on": {"spellings": ["--sign-on"], "kind": "text"},
            "stock": {"spellings": ["--stock"], "kind": "text"},
            "vest": {"spellings": ["--vest"], "kind": "text"},
            "refresh": {"spellings": ["--refresh"], "kind": "text"},
            "raise_": {"spellings": ["--raise"], "kind": "text"},
            "stock_growth": {"spellings": ["--stock-growth"], "kind": "text"},
            "years": {"spellings": ["--years"], "kind": "int", "min": 1, "max": 10},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "map": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            "by": {"spellings": ["--by"], "default": "median", "kind": "choice", "choices": ["median", "p10", "p90", "mean", "employment", "concentration", "take-home", "real"]},
            "bins": {"spellings": ["--bins"], "default": 5, "kind": "int", "min": 3, "max": 9},
            "places": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "svg": {"spellings": ["--svg"], "kind": "text"},
            "html": {"spellings": ["--html"], "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "net": {
        "arguments": {
            "amount": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "hourly": {"spellings": ["--hourly"], "flag": True},
            "places": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "filing": {"spellings": ["--filing"], "default": "single", "kind": "choice", "choices": ["single", "joint"]},
            "tax_state": {"spellings": ["--tax-state"], "kind": "text"},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "offers": {
        "arguments": {
            "file": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "years": {"spellings": ["--years"], "default": 4, "kind": "int", "min": 1, "max": 10},
            "svg": {"spellings": ["--svg"], "kind": "text"},
            "html": {"spellings": ["--html"], "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True},
            "plain": {"spellings": ["--plain"], "flag": True},
            "no_header": {"spellings": ["--no-header"], "flag": True},
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "validate": {
        "arguments": {
            "files": {"nargs": -1, "required": True, "kind": "text"},
        },
        "options": {
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "export": {
        "arguments": {
        },
        "options": {
            "output_format": {"spellings": ["--format", "-f"], "kind": "choice", "choices": ["toml", "json", "csv", "markdown", "sqlite"]},
            "output": {"spellings": ["--output", "-o"], "kind": "text"},
            "force": {"spellings": ["--force"], "flag": True},
            "min_salary": {"spellings": ["--min-salary"], "kind": "amount"},
            "max_salary": {"spellings": ["--max-salary"], "kind": "amount"},
            "skill": {"spellings": ["--skill", "-k"], "multiple": True, "kind": "text", "complete": "tag"},
            "cluster": {"spellings": ["--cluster", "-c"], "multiple": True, "kind": "text", "complete": "cluster"},
            "text": {"spellings": ["--text", "-t"], "kind": "text"},
            "sort": {"spellings": ["--sort", "-s"], "default": "rank", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            "reverse": {"spellings": ["--reverse", "-r"], "flag": True},
            "official": {"spellings": ["--official"], "flag": True},
            "occupation": {"spellings": ["--occupation"], "multiple": True, "kind": "text"},
            "places": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
            "states": {"spellings": ["--states"], "flag": True},
            "metros": {"spellings": ["--metros"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "init": {
        "arguments": {
            "path": {"nargs": 1, "required": False, "kind": "text"},
        },
        "options": {
            "offers": {"spellings": ["--offers"], "flag": True},
            "force": {"spellings": ["--force"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "schema": {
        "arguments": {
        },
        "options": {
            "offers": {"spellings": ["--offers"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "about": {
        "arguments": {
        },
        "options": {
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "help": {
        "arguments": {
            "names": {"nargs": -1, "required": False, "kind": "text"},
        },
        "options": {
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "official import": {
        "arguments": {
            "path": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "force": {"spellings": ["--force"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "official status": {
        "arguments": {
        },
        "options": {
            "json_output": {"spellings": ["--json"], "flag": True},
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
    "official reset": {
        "arguments": {
        },
        "options": {
            "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
            "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
            "pager": {"spellings": ["--pager"], "flag": True, "global": True},
            "debug": {"spellings": ["--debug"], "flag": True, "global": True},
        },
    },
}
