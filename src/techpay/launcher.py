"""The process around the CLI: exit codes, Ctrl-C, and readers that go away early.

Kept free of third-party imports so that it can answer before any framework loads.
"""

from __future__ import annotations

import os
import signal
import sys

from techpay.errors import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run techpay and return its exit code, quietly on Ctrl-C or a closed pipe."""
    _die_quietly_on_closed_pipe()
    _tolerate_unencodable_output()
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        code = _fast_path(arguments)
        if code is None:
            from techpay.cli import run

            code = run(arguments)
        sys.stdout.flush()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:  # a bug: say so briefly, unless asked for the traceback
        from techpay.output import debugging, internal_error

        if debugging(arguments):
            raise
        return internal_error(error)
    return code


def _tolerate_unencodable_output() -> None:
    """On a stream that cannot encode some text (``PYTHONIOENCODING=ascii``), write
    ``\\xe9`` for ``é`` instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _fast_path(arguments: list[str]) -> int | None:
    """Answer from the cache without loading Typer, Rich or pydantic, when possible.

    ``TECHPAY_NO_FAST=1`` skips it (the tests use it to compare both paths).
    """
    from techpay.output import debugging

    if os.environ.get("TECHPAY_NO_FAST", "") not in ("", "0") or debugging(arguments):
        return None
    from techpay import fast

    return fast.run(arguments, os.environ)


def _die_quietly_on_closed_pipe() -> None:
    """Behave like native tools when the reader goes away (``techpay list | head -1``).

    With the default SIGPIPE action the process ends at once with status 141 and nothing on
    stderr, whichever write hit the closed pipe (ours, Rich's or the help printer's). Where
    there is no SIGPIPE (Windows), BrokenPipeError is caught below instead.
    """
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit cannot fail a second time.

    A reader such as ``head`` closed the pipe; what is still buffered has nowhere to go.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
