"""Printing, shared by the Typer CLI and the fast path: data to stdout, messages to stderr."""

from __future__ import annotations

import sys

from techpay.render import data

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable


def emit(
    json_output: bool,
    payload: Callable[[], object],
    view: Callable[[], object],
    plain: Callable[[], str] | None = None,
) -> None:
    """Print a result: JSON, plain lines (when ``plain`` is given), or a Rich view. Only
    the one printed is built, and Rich is imported only for the view."""
    if json_output:
        sys.stdout.write(data.dumps(payload()))
    elif plain is not None:
        sys.stdout.write(plain())
    else:
        show_view(view)


PAGE_VIEWS = False  # set by the global --pager option


def show_view(view: Callable[[], object]) -> None:
    """Draw a Rich view on stdout (Rich is imported here, only when a view is drawn);
    through the user's pager when ``--pager`` was given and stdout is a terminal."""
    from techpay.render import views

    console = views.make_console(sys.stdout)
    if PAGE_VIEWS and console.is_terminal:
        with console.pager(styles=True):
            console.print(view())
    else:
        console.print(view())


def note(message: str) -> None:
    """A message for the person, not the pipe: stderr."""
    sys.stderr.write(f"{message}\n")


def report(message: str, exit_code: int) -> int:
    """Print an error as one line on stderr and hand back the exit code."""
    sys.stderr.write(f"techpay: {message}\n")
    return exit_code


def internal_error(error: BaseException) -> int:
    """A bug in techpay: one line, and how to see the traceback."""
    from techpay.errors import EXIT_ERROR

    name = type(error).__name__
    return report(
        f"internal error ({name}: {error}); this is a bug. Rerun with --debug for the traceback",
        EXIT_ERROR,
    )
