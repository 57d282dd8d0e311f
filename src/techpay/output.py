"""Printing, shared by the Typer CLI and the fast path: data to stdout, messages to stderr."""

from __future__ import annotations

import sys

from techpay.render import data

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


def emit(json_output: bool, payload: Callable[[], object], view: Callable[[], object]) -> None:
    """Print a result: JSON written as plain text, or a Rich view. Only one is built, and
    Rich is imported only for the view."""
    if json_output:
        sys.stdout.write(data.dumps(payload()))
    else:
        show_view(view)


def show_view(view: Callable[[], object]) -> None:
    """Draw a Rich view on stdout (Rich is imported here, only when a view is drawn)."""
    from techpay.render import views

    views.make_console(sys.stdout).print(view())


def note(message: str) -> None:
    """A message for the person, not the pipe: stderr."""
    sys.stderr.write(f"{message}\n")


def report(message: str, exit_code: int) -> int:
    """Print an error as one line on stderr and hand back the exit code."""
    sys.stderr.write(f"techpay: {message}\n")
    return exit_code
