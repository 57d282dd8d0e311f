"""The command line the Typer app declares, written out for the fast path.

The Typer app is the one declaration of the command line: what users type, and what
``--help`` explains. The fast path must not import Typer, so this module reads every
command, argument and option off the app and writes them as plain data in
``techpay/start/grammar.py``: spellings, flag or value, repeatable, kind of value, choices,
bounds, default, and how TAB completes it. tests/test_grammar.py fails when the two differ.

    python -m techpay.cli.grammar          # print the grammar
    python -m techpay.cli.grammar --write  # bring techpay/start/grammar.py up to date
"""

from __future__ import annotations

import os
import sys
import typing
from typing import Any

import typer
from typer._click import Command, Parameter
from typer.core import TyperGroup as Group

from techpay.cli.root import ALSO_AFTER_THE_COMMAND

GENERATED = os.path.join(os.path.dirname(os.path.dirname(__file__)), "start", "grammar.py")
REGENERATE = "python -m techpay.cli.grammar --write"

_HEADER = f'''"""The command line the Typer app in techpay.cli declares. Generated: do not edit.

Run ``{REGENERATE}`` after changing a command: tests/test_grammar.py
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
'''


def describe(root: Group) -> dict[str, Any]:
    """Every command path (``list``, ``official status``) and the root's own options."""
    grammar: dict[str, Any] = {"": _command(root, root=True)}
    for name, command in root.commands.items():
        for path, leaf in _leaves(name, command):
            grammar[path] = _command(leaf)
    return grammar


def _leaves(path: str, command: Command) -> list[tuple[str, Command]]:
    if isinstance(command, Group):
        return [
            leaf
            for name, sub in command.commands.items()
            for leaf in _leaves(f"{path} {name}", sub)
        ]
    return [(path, command)]


def _command(command: Command, root: bool = False) -> dict[str, Any]:
    arguments = {}
    options = {}
    for param in command.params:
        if param.param_type_name == "argument":
            arguments[param.name] = _argument(param)
        else:
            options[param.name] = _option(param, root)
    described: dict[str, Any] = {"arguments": arguments, "options": options}
    if isinstance(command, Group):
        described["group"] = sorted(command.commands)
    return described


def _argument(param: Parameter) -> dict[str, Any]:
    described: dict[str, Any] = {"nargs": param.nargs, "required": param.required}
    if param.default is not None:
        described["default"] = param.default
    return described | _value(param)


def _option(param: Parameter, root: bool) -> dict[str, Any]:
    flag = bool(getattr(param, "is_flag", False))
    described: dict[str, Any] = {"spellings": list(param.opts)}
    if param.secondary_opts:
        described["off"] = list(param.secondary_opts)
    if flag:
        described["flag"] = True
    if param.multiple:
        described["multiple"] = True
    if param.default is not (False if flag else None):  # written only where it is not that
        described["default"] = param.default
    if not root and param.name in ALSO_AFTER_THE_COMMAND:
        described["global"] = True  # a global option given after the command
    elif param.callback is not None or param.is_eager:
        described["eager"] = True  # acts as it is read (--version, --install-completion)
    return described if flag else described | _value(param)


def _value(param: Parameter) -> dict[str, Any]:
    """What kind of value a parameter takes, from the annotation Typer converts to."""
    info = getattr(param, "type_descriptor", None)
    annotation = getattr(info, "annotation", str)
    parameter_info = getattr(info, "parameter_info", None)
    parser = getattr(parameter_info, "parser", None)
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
    described: dict[str, Any]
    if parser is not None:
        described = {"kind": parser.__name__.lstrip("_")}
    elif typing.get_origin(annotation) is typing.Literal:
        described = {"kind": "choice", "choices": list(typing.get_args(annotation))}
    elif annotation is int:
        bounds = {"min": param.min, "max": param.max}  # type: ignore[attr-defined]
        described = {"kind": "int"} | {name: at for name, at in bounds.items() if at is not None}
    elif annotation is str:
        described = {"kind": "text"}
    else:
        described = {"kind": getattr(annotation, "__name__", str(annotation))}
    completer = getattr(parameter_info, "autocompletion", None)
    if completer is not None:
        described["complete"] = completer.__name__.removeprefix("complete_")
    return described


def render(grammar: dict[str, Any]) -> str:
    """The module text: one line per parameter, so a change reads well in a diff; an option
    that many commands declare alike (the global options, --json, --plain...) is written once
    in ``SHARED``, and each run of them in a command on one line."""
    shared = _shared_options(grammar)
    lines = [_HEADER, "SHARED: dict[str, Any] = {"]
    lines += [f"    {_literal(name)}: {_literal(spec)}," for name, spec in shared.items()]
    lines += ["}", "", "", _SHARED_HELPER, "", "COMMANDS: dict[str, Any] = {"]
    for path, command in grammar.items():
        lines.append(f"    {_literal(path)}: {{")
        if "group" in command:
            lines.append(f'        "group": {_literal(command["group"])},')
        for part in ("arguments", "options"):
            lines.append(f"        {_literal(part)}: {{")
            run: list[str] = []
            for name, value in command[part].items():
                if shared.get(name) == value:
                    run.append(name)
                    continue
                lines += _run(run)
                run = []
                lines.append(f"            {_literal(name)}: {_literal(value)},")
            lines += _run(run)
            lines.append("        },")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


_SHARED_HELPER = '''def _shared(*names: str) -> dict[str, Any]:
    """The options of ``SHARED`` a command declares as they are."""
    return {name: SHARED[name] for name in names}
'''
SHARED_AT_LEAST = 3  # commands declaring an option alike before it is written once


def _shared_options(grammar: dict[str, Any]) -> dict[str, Any]:
    """Each option name's most usual spec, where at least SHARED_AT_LEAST commands declare it
    so, in the order first met."""
    from collections import Counter

    seen = Counter(
        (name, _literal(spec))
        for command in grammar.values()
        for name, spec in command["options"].items()
    )
    specs = {
        (name, _literal(spec)): spec
        for command in grammar.values()
        for name, spec in command["options"].items()
    }
    shared: dict[str, Any] = {}
    for (name, text), count in seen.most_common():
        if count >= SHARED_AT_LEAST and name not in shared:
            shared[name] = specs[(name, text)]
    order = list(dict.fromkeys(name for command in grammar.values() for name in command["options"]))
    return {name: shared[name] for name in order if name in shared}


def _run(names: list[str]) -> list[str]:
    """A run of shared options, as one line (none: no line)."""
    if not names:
        return []
    return [f"            **_shared({', '.join(map(_literal, names))}),"]


def _literal(value: object) -> str:
    """A Python literal, strings in double quotes as the code around it writes them."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(map(_literal, value)) + "]"
    if isinstance(value, str):
        import json

        return json.dumps(value)
    return repr(value)


def current() -> str:
    """The grammar of the Typer app as it is now."""
    from techpay.cli import app

    return render(describe(typing.cast(Group, typer.main.get_command(app))))


def main(argv: list[str]) -> int:
    text = current()
    from techpay.core.files import generate

    return generate(argv, text, GENERATED, REGENERATE)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
