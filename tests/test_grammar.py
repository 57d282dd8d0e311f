"""The fast path's grammar is the Typer app's command line, and nothing is left out of it.

Adding an option to a Typer command without regenerating the grammar fails here, with the
command to run; an option of a kind the fast path cannot read, a command without a
handler, or a handler that does not take exactly its command's parameters fails here by
name. Nothing else needs to change for the fast path to answer a new option.
"""

from __future__ import annotations

import inspect

import pytest

from techpay.cli import grammar
from techpay.commands.handlers import HANDLERS, handler
from techpay.start import fast
from techpay.start.grammar import COMMANDS

GLOBALS = {"data_file", "no_bundled", "pager", "debug"}
PATHS = sorted(path for path in COMMANDS if path)


def test_the_grammar_is_the_typer_apps():
    with open(grammar.GENERATED, encoding="utf-8") as file:
        kept = file.read()
    assert kept == grammar.current(), (
        f"techpay/start/grammar.py is not the Typer app's command line: run '{grammar.REGENERATE}'"
    )


@pytest.mark.parametrize("path", PATHS)
def test_every_command_has_a_handler_or_a_reason_to_hand_over(path):
    assert path in HANDLERS or path in fast.HANDED_OVER, (
        f"techpay {path}: add its handler to techpay.commands.handlers.HANDLERS, or say in"
        " techpay.start.fast.HANDED_OVER why the full CLI must answer it"
    )


@pytest.mark.parametrize("path", sorted(HANDLERS))
def test_each_handler_takes_exactly_its_commands_parameters(path):
    command = COMMANDS[path]
    declared = [*command["arguments"], *command["options"]]
    declared = [name for name in declared if name not in GLOBALS]
    taken = list(inspect.signature(handler(path)).parameters)
    assert taken[0] == "data"
    assert sorted(taken[1:]) == sorted(declared), (
        f"techpay {path}: the handler {HANDLERS[path]} takes {sorted(taken[1:])},"
        f" the command declares {sorted(declared)}"
    )


@pytest.mark.parametrize("path", ["", *PATHS])
def test_every_option_is_read_by_the_fast_path_or_handed_over_with_a_reason(path):
    """A new kind of value (a float, a date) is named here until the fast path reads it."""
    command = COMMANDS[path]
    for name, spec in [*command["arguments"].items(), *command["options"].items()]:
        spellings = spec.get("spellings", [name])
        if spec.get("eager"):
            assert spellings[0] in fast.HANDED_OVER, (
                f"techpay {path} {spellings[0]} acts as it is read: say in"
                " techpay.start.fast.HANDED_OVER why the full CLI answers it"
            )
        elif not spec.get("flag"):
            assert spec["kind"] in fast.KINDS, (
                f"techpay {path} {spellings[0]}: the fast path cannot read a {spec['kind']!r};"
                " teach techpay.start.fast._value, or hand the option over with a reason"
            )


def test_nothing_is_handed_over_that_does_not_exist():
    spellings = {
        spelling
        for command in COMMANDS.values()
        for spec in command["options"].values()
        for spelling in spec["spellings"]
    }
    assert set(fast.HANDED_OVER) <= set(COMMANDS) | spellings


def test_a_new_kind_of_value_is_named(monkeypatch):
    """What a newcomer would see after adding ``--ratio FLOAT`` to ``list``."""
    changed = {**COMMANDS["list"]["options"], "ratio": {"spellings": ["--ratio"], "kind": "float"}}
    monkeypatch.setitem(COMMANDS, "list", {**COMMANDS["list"], "options": changed})
    with pytest.raises(AssertionError, match="techpay list --ratio: the fast path cannot read"):
        test_every_option_is_read_by_the_fast_path_or_handed_over_with_a_reason("list")
    assert fast.parse(["list", "--ratio", "0.5"]) is None  # meanwhile, the full CLI answers it
