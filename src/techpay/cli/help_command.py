"""The help command: ``techpay help COMMAND`` explains a command as its ``--help`` does, and
``techpay help json`` prints the README's section on JSON output."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from techpay.core.errors import TechpayError, UsageError


def help_command(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="COMMAND...",
            help="The command to explain (a group's command after it); none: techpay itself.",
        ),
    ] = None,
) -> None:
    """Explain a command: the same text as 'techpay COMMAND --help'.

    \b
    Examples:
      techpay help list
      techpay help official reset
      techpay help json       (what --json prints, field by field)
      techpay help
    """
    if names == [JSON_TOPIC]:
        typer.echo(json_help())
        return
    explained = ctx.find_root()
    for name in names or []:
        group = explained.command
        if not isinstance(group, typer.core.TyperGroup):
            raise UsageError(f"{explained.command_path} has no command {name!r}")
        # An unknown name fails here as 'techpay NAME' would: a usage error with suggestions.
        _, command, _ = group.resolve_command(explained, [name])
        assert command is not None
        explained = typer.Context(command, info_name=name, parent=explained)
    typer.echo(explained.get_help(), color=explained.find_root().color)


JSON_TOPIC = "json"


def json_help() -> str:
    """``techpay help json``: the README's section on JSON output. Installed, the README is
    the package's own description; in a checkout, the README beside the source. Either
    way there is no second copy to keep in step."""
    readme = _readme()
    start = readme.find("\n## JSON output\n")
    if start < 0:
        raise TechpayError("this installation of techpay carries no description of its JSON")
    end = readme.find("\n## ", start + 1)
    return readme[start + 1 : end if end > 0 else None].rstrip()


def _readme() -> str:
    from importlib.metadata import PackageNotFoundError, metadata

    checkout = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir)
    try:
        with open(os.path.join(checkout, "README.md"), encoding="utf-8") as stream:
            return stream.read()
    except OSError:
        pass
    try:
        # The description is the message's body; PackageMetadata's protocol does not name it.
        return str(metadata("techpay").get_payload() or "")  # type: ignore[attr-defined]
    except PackageNotFoundError:
        return ""
