"""The fast path's grammar is the Typer app's command line, and nothing is left out of it.

Adding an option to a Typer command without regenerating the grammar fails here, with the
command to run; an option of a kind the fast path cannot read, a command without a
handler, or a handler that does not take exactly its command's parameters fails here by
name. Nothing else needs to change for the fast path to answer a new option.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from techpay.cli import grammar
from techpay.commands.handlers import HANDLERS, handler
from techpay.core.selection import Selection
from techpay.start import commandline
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
    assert path in HANDLERS or path in commandline.HANDED_OVER, (
        f"techpay {path}: add its handler to techpay.commands.handlers.HANDLERS, or say in"
        " techpay.start.commandline.HANDED_OVER why the full CLI must answer it"
    )


@pytest.mark.parametrize("path", sorted(HANDLERS))
def test_each_handler_takes_exactly_its_commands_parameters(path):
    """By name; or, the selection options, as ``**selection`` for a Selection."""
    command = COMMANDS[path]
    declared = [*command["arguments"], *command["options"]]
    declared = [name for name in declared if name not in GLOBALS]
    parameters = inspect.signature(handler(path)).parameters.values()
    taken = [parameter.name for parameter in parameters if parameter.kind != parameter.VAR_KEYWORD]
    rest = [parameter.name for parameter in parameters if parameter.kind == parameter.VAR_KEYWORD]
    assert taken[0] == "data"
    assert rest in ([], ["selection"])
    selected = sorted(set(declared) - set(taken)) if rest else []
    assert sorted(taken[1:] + selected) == sorted(declared), (
        f"techpay {path}: the handler {HANDLERS[path]} takes {sorted(taken[1:])},"
        f" the command declares {sorted(declared)}"
    )
    if rest:  # what it is handed makes a Selection
        options = command["options"]
        Selection.from_options({name: options[name].get("default") for name in selected})


def test_filter_chart_and_export_take_the_same_selection_options():
    """Declared once (``techpay.cli.options.selection_options``), the same on each."""
    selection = ["min_salary", "max_salary", "skill", "cluster", "text", "sort", "reverse"]
    for path in ("filter", "chart", "export"):
        options = COMMANDS[path]["options"]
        assert [name for name in options if name in selection] == selection
        assert [options[name] for name in selection[:5]] == [
            COMMANDS["filter"]["options"][name] for name in selection[:5]
        ]
        taken = inspect.signature(handler(path)).parameters
        assert not set(selection) & set(taken), f"techpay {path} takes **selection"


@pytest.mark.parametrize("path", ["", *PATHS])
def test_every_option_is_read_by_the_fast_path_or_handed_over_with_a_reason(path):
    """A new kind of value (a float, a date) is named here until the fast path reads it."""
    command = COMMANDS[path]
    for name, spec in [*command["arguments"].items(), *command["options"].items()]:
        spellings = spec.get("spellings", [name])
        if spec.get("eager"):
            assert spellings[0] in commandline.HANDED_OVER, (
                f"techpay {path} {spellings[0]} acts as it is read: say in"
                " techpay.start.commandline.HANDED_OVER why the full CLI answers it"
            )
        elif not spec.get("flag"):
            assert spec["kind"] in commandline.KINDS, (
                f"techpay {path} {spellings[0]}: the fast path cannot read a {spec['kind']!r};"
                " teach techpay.start.commandline._value, or hand the option over with a reason"
            )


def test_nothing_is_handed_over_that_does_not_exist():
    spellings = {
        spelling
        for command in COMMANDS.values()
        for spec in command["options"].values()
        for spelling in spec["spellings"]
    }
    assert set(commandline.HANDED_OVER) <= set(COMMANDS) | spellings


def test_a_new_kind_of_value_is_named(monkeypatch):
    """What a newcomer would see after adding ``--ratio FLOAT`` to ``list``."""
    changed = {**COMMANDS["list"]["options"], "ratio": {"spellings": ["--ratio"], "kind": "float"}}
    monkeypatch.setitem(COMMANDS, "list", {**COMMANDS["list"], "options": changed})
    with pytest.raises(AssertionError, match="techpay list --ratio: the fast path cannot read"):
        test_every_option_is_read_by_the_fast_path_or_handed_over_with_a_reason("list")
    assert commandline.parse(["list", "--ratio", "0.5"]) is None  # the full CLI answers it


def test_selection_options_are_declared_where_asked_and_passed_on_as_read():
    import typer
    from typer.testing import CliRunner

    from techpay.cli.options import selection_options

    toy, seen = typer.Typer(add_completion=False), {}

    @toy.command()
    @selection_options(after="first", sort="salary")
    def command(first: int = 1, last: bool = False, **selection: Any) -> None:
        seen.update(selection, first=first, last=last)

    names = [param.name for param in typer.main.get_command(toy).params]
    selection = ["min_salary", "max_salary", "skill", "cluster", "text", "sort", "reverse"]
    assert names == ["first", *selection, "last"]
    result = CliRunner().invoke(toy, ["--skill", "python", "-k", "sql", "--min-salary", "150k"])
    assert result.exit_code == 0, result.output
    assert seen == {
        "first": 1,
        "min_salary": 150000,
        "max_salary": None,
        "skill": ["python", "sql"],
        "cluster": None,
        "text": None,
        "sort": "salary",
        "reverse": False,
        "last": False,
    }
    chosen = Selection.from_options({name: seen[name] for name in selection})
    assert (chosen.skills, chosen.clusters, chosen.sort) == (["python", "sql"], [], "salary")
    with pytest.raises(TypeError):
        Selection.from_options({"top": 3})
