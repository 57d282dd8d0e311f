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
False for a flag and None otherwise. An option that many commands declare alike (the
global options, --json, --plain...) is written once in SHARED; ``_shared`` names a run of
them in a command.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# fmt: off

SHARED: dict[str, Any] = {
    "data_file": {"spellings": ["--data", "-d"], "multiple": True, "global": True, "kind": "text"},
    "no_bundled": {"spellings": ["--no-bundled"], "flag": True, "global": True},
    "pager": {"spellings": ["--pager"], "flag": True, "global": True},
    "debug": {"spellings": ["--debug"], "flag": True, "global": True},
    "sort": {"spellings": ["--sort", "-s"], "default": "rank", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
    "reverse": {"spellings": ["--reverse", "-r"], "flag": True},
    "limit": {"spellings": ["--limit", "-n"], "kind": "int", "min": 1},
    "official": {"spellings": ["--official"], "flag": True},
    "place": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
    "plain": {"spellings": ["--plain"], "flag": True},
    "no_header": {"spellings": ["--no-header"], "flag": True},
    "json_output": {"spellings": ["--json"], "flag": True},
    "svg": {"spellings": ["--svg"], "kind": "text"},
    "html": {"spellings": ["--html"], "kind": "text"},
    "force": {"spellings": ["--force"], "flag": True},
    "min_salary": {"spellings": ["--min-salary"], "kind": "amount"},
    "max_salary": {"spellings": ["--max-salary"], "kind": "amount"},
    "skill": {"spellings": ["--skill", "-k"], "multiple": True, "kind": "text", "complete": "tag"},
    "cluster": {"spellings": ["--cluster", "-c"], "multiple": True, "kind": "text", "complete": "cluster"},
    "text": {"spellings": ["--text", "-t"], "kind": "text"},
    "places": {"spellings": ["--in"], "multiple": True, "kind": "text", "complete": "place"},
    "filing": {"spellings": ["--filing"], "default": "single", "kind": "choice", "choices": ["single", "joint"]},
    "tax_state": {"spellings": ["--tax-state"], "kind": "text"},
}


def _shared(*names: str) -> dict[str, Any]:
    """The options of ``SHARED`` a command declares as they are."""
    return {name: SHARED[name] for name in names}


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
            **_shared("sort", "reverse", "limit", "official", "place", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "show": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            **_shared("place", "plain", "no_header", "svg", "html", "force", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "compare": {
        "arguments": {
            "roles": {"nargs": -1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            **_shared("official", "place", "plain", "no_header", "svg", "html", "force", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "filter": {
        "arguments": {
        },
        "options": {
            **_shared("min_salary", "max_salary", "skill", "cluster", "text", "sort", "reverse", "limit", "place", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "chart": {
        "arguments": {
        },
        "options": {
            **_shared("min_salary", "max_salary", "skill", "cluster", "text"),
            "sort": {"spellings": ["--sort", "-s"], "default": "salary", "kind": "choice", "choices": ["rank", "salary", "min", "max", "name", "official"]},
            **_shared("reverse", "limit", "official", "place", "svg", "html", "force", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "match": {
        "arguments": {
            "skills": {"nargs": -1, "required": True, "kind": "text", "complete": "tag"},
        },
        "options": {
            "top": {"spellings": ["--top", "-n"], "kind": "int", "min": 1},
            **_shared("place", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "path": {
        "arguments": {
            "start": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
            "goal": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            **_shared("place", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "skills": {
        "arguments": {
        },
        "options": {
            "role": {"spellings": ["--role", "-R"], "kind": "text", "complete": "role"},
            **_shared("cluster", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
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
            **_shared("places", "filing", "tax_state", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
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
            **_shared("plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "occupation": {
        "arguments": {
            "code": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            **_shared("place", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "offer": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
            "amount": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "hourly": {"spellings": ["--hourly"], "flag": True},
            **_shared("places", "filing", "tax_state"),
            "bonus": {"spellings": ["--bonus"], "kind": "text"},
            "sign_on": {"spellings": ["--sign-on"], "kind": "text"},
            "stock": {"spellings": ["--stock"], "kind": "text"},
            "vest": {"spellings": ["--vest"], "kind": "text"},
            "refresh": {"spellings": ["--refresh"], "kind": "text"},
            "raise_": {"spellings": ["--raise"], "kind": "text"},
            "stock_growth": {"spellings": ["--stock-growth"], "kind": "text"},
            "years": {"spellings": ["--years"], "kind": "int", "min": 1, "max": 10},
            **_shared("plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "map": {
        "arguments": {
            "role": {"nargs": 1, "required": True, "kind": "text", "complete": "role"},
        },
        "options": {
            "by": {"spellings": ["--by"], "default": "median", "kind": "choice", "choices": ["median", "p10", "p90", "mean", "employment", "concentration", "take-home", "real"]},
            "bins": {"spellings": ["--bins"], "default": 5, "kind": "int", "min": 3, "max": 9},
            **_shared("places", "svg", "html", "force", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "net": {
        "arguments": {
            "amount": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "hourly": {"spellings": ["--hourly"], "flag": True},
            **_shared("places", "filing", "tax_state", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "offers": {
        "arguments": {
            "file": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            "years": {"spellings": ["--years"], "default": 4, "kind": "int", "min": 1, "max": 10},
            **_shared("svg", "html", "force", "plain", "no_header", "json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "validate": {
        "arguments": {
            "files": {"nargs": -1, "required": True, "kind": "text"},
        },
        "options": {
            **_shared("json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "export": {
        "arguments": {
        },
        "options": {
            "output_format": {"spellings": ["--format", "-f"], "kind": "choice", "choices": ["toml", "json", "csv", "markdown", "sqlite"]},
            "output": {"spellings": ["--output", "-o"], "kind": "text"},
            **_shared("force", "min_salary", "max_salary", "skill", "cluster", "text", "sort", "reverse", "official"),
            "occupation": {"spellings": ["--occupation"], "multiple": True, "kind": "text"},
            **_shared("places"),
            "states": {"spellings": ["--states"], "flag": True},
            "metros": {"spellings": ["--metros"], "flag": True},
            **_shared("data_file", "no_bundled", "pager", "debug"),
        },
    },
    "init": {
        "arguments": {
            "path": {"nargs": 1, "required": False, "kind": "text"},
        },
        "options": {
            "offers": {"spellings": ["--offers"], "flag": True},
            **_shared("force", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "schema": {
        "arguments": {
        },
        "options": {
            "offers": {"spellings": ["--offers"], "flag": True},
            **_shared("data_file", "no_bundled", "pager", "debug"),
        },
    },
    "about": {
        "arguments": {
        },
        "options": {
            **_shared("json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "help": {
        "arguments": {
            "names": {"nargs": -1, "required": False, "kind": "text"},
        },
        "options": {
            **_shared("data_file", "no_bundled", "pager", "debug"),
        },
    },
    "official import": {
        "arguments": {
            "path": {"nargs": 1, "required": True, "kind": "text"},
        },
        "options": {
            **_shared("force", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "official status": {
        "arguments": {
        },
        "options": {
            **_shared("json_output", "data_file", "no_bundled", "pager", "debug"),
        },
    },
    "official reset": {
        "arguments": {
        },
        "options": {
            **_shared("data_file", "no_bundled", "pager", "debug"),
        },
    },
}
