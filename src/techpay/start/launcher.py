"""The process around the CLI: exit codes, Ctrl-C, and readers that go away early.

Kept free of third-party imports so that it can answer before any framework loads.
"""

from __future__ import annotations

import io
import os
import sys

from techpay.core.errors import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_INTERRUPTED

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TextIO

    from _typeshed import ReadableBuffer


def main(argv: Sequence[str] | None = None) -> int:
    """Run techpay and return its exit code, quietly on Ctrl-C or a closed pipe."""
    _die_quietly_on_closed_pipe()
    _guard_stdout()
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
    except StdoutUnusable as error:
        from techpay.commands.output import report

        return report(f"cannot write to standard output: {error}", EXIT_ERROR)
    except Exception as error:  # a bug: say so briefly, unless asked for the traceback
        from techpay.commands.output import debugging, internal_error

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
    from techpay.commands.output import debugging

    if os.environ.get("TECHPAY_NO_FAST", "") not in ("", "0") or debugging(arguments):
        return None
    from techpay.start import fast

    return fast.run(arguments, os.environ)


def _die_quietly_on_closed_pipe() -> None:
    """Behave like native tools when the reader goes away (``techpay list | head -1``).

    With the default SIGPIPE action the process ends at once with status 141 and nothing on
    stderr, whichever write hit the closed pipe (ours, Rich's or the help printer's). Where
    there is no SIGPIPE (Windows), BrokenPipeError is caught below instead.
    """
    # The C module, not ``signal``: that wraps its constants in enums, and importing enum
    # costs a third of an interpreter start, on every run.
    import _signal  # type: ignore[import-not-found]  # no stub: the module behind signal

    if hasattr(_signal, "SIGPIPE"):
        _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit cannot fail a second time.

    A reader such as ``head`` closed the pipe; what is still buffered has nowhere to go.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class StdoutUnusable(BaseException):
    """Standard output cannot be written: it is closed, or its disk is full.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` on the way
    (the CLI's error handler, the fast path's fallback to the full CLI) takes it for a bug
    or tries again: nothing more can be printed, so the run ends with one message.
    """


class _GuardedStdout(io.FileIO):
    """File descriptor 1, failing once with :class:`StdoutUnusable` (a closed pipe stays a
    BrokenPipeError), then discarding what is left so the flush at exit stays quiet."""

    failed = False

    def write(self, data: ReadableBuffer, /) -> int:
        if self.failed:
            return len(memoryview(data))
        try:
            return super().write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            self.failed = True
            from techpay.core.targets import reason

            raise StdoutUnusable(reason(error)) from None


class _ClosedStdout(io.RawIOBase):
    """What stands in for stdout when the shell closed it (``techpay list >&-``)."""

    failed = False

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer, /) -> int:
        if self.failed:
            return len(memoryview(data))
        self.failed = True
        raise StdoutUnusable("it is closed")


def _guard_stdout() -> None:
    """Make a failed write to stdout say so in one line instead of looking like a bug.

    Only where stdout is a plain file descriptor without newline translation (not the
    Windows console); elsewhere writes behave as Python's own. Buffered or not (``-u``,
    ``PYTHONUNBUFFERED``) as it was.
    """
    original = sys.stdout
    if original is None:
        _hold_descriptor_one()
        layer: io.IOBase = io.BufferedWriter(_ClosedStdout())
    elif not _is_plain_descriptor_one(original):
        return
    else:
        raw = _GuardedStdout(original.fileno(), "w", closefd=False)
        buffered = type(original.buffer) is io.BufferedWriter
        layer = io.BufferedWriter(raw) if buffered else raw
    sys.stdout = io.TextIOWrapper(
        layer,
        encoding=getattr(original, "encoding", None) or "utf-8",
        errors=getattr(original, "errors", None) or "strict",
        newline="\n",
        line_buffering=getattr(original, "line_buffering", False),
        write_through=getattr(original, "write_through", False),
    )


def _hold_descriptor_one() -> None:
    """Put /dev/null on the closed descriptor 1, so that no file opened later (a cache, a
    data file) takes its number and is then written to, or replaced, as ``/dev/stdout``."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    if null != 1:
        os.dup2(null, 1)
        os.close(null)


def _is_plain_descriptor_one(stream: TextIO) -> bool:
    """Python's own stdout on a POSIX system, not one a host program put in its place."""
    if os.name != "posix" or type(getattr(stream, "buffer", None)) not in _PLAIN_LAYERS:
        return False
    try:
        return stream.fileno() == 1
    except (OSError, ValueError):
        return False


_PLAIN_LAYERS = (io.BufferedWriter, io.FileIO)
