"""How an import puts a bundle in place, and what it leaves behind when it cannot.

The bundle is written under a temporary name (``.NAME.PID.partial``), checked, moved to the
name its SHA-256 gives it, and then installed in one step: the sum file that names it
replaces the one in use (see :mod:`techpay.official.installed`). Until that step the release
in use answers, unchanged; after it, the new one. The bundle it replaced stays until the
next import, so that a reader that has just looked it up can still read it.

Temporary files go at the end of the import whatever happens: on an error, on Ctrl-C, and
on SIGTERM or SIGHUP, which the import turns into :class:`Terminated`. Those of an import
killed outright (SIGKILL, a power cut) are swept by the next import or reset, once the
process named in them is gone.
"""

from __future__ import annotations

import os
import re
import sys

from techpay.core.errors import OfficialDataError
from techpay.official.installed import SUM_NAME, is_bundle_name, named_bundle, named_by_sum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_PARTIAL = re.compile(r"\..*?\.(\d+)\.partial(?:\..*)?", re.ASCII)
_CAUGHT = ("SIGTERM", "SIGHUP")  # besides SIGINT (Ctrl-C), which Python turns into an error


class Terminated(OfficialDataError):
    """SIGTERM or SIGHUP during an import: nothing was installed."""

    def __init__(self, number: int, name: str) -> None:
        super().__init__(f"terminated ({name}); the release in use is unchanged")
        self.exit_code = 128 + number


class Scratch:
    """Names for temporary files in the data directory (made if need be); as a context
    manager, every one is removed at the end, whatever happens, and SIGTERM and SIGHUP
    end the import as Ctrl-C does."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.paths: list[str] = []
        self._handlers: dict[int, object] = {}

    def __call__(self, name: str) -> str:
        path = os.path.join(self.folder, f".{name}.{os.getpid()}.partial")
        self.paths += [path, f"{path}.{os.getpid()}.partial"]  # and build.write's own
        return path

    def __enter__(self) -> Scratch:
        os.makedirs(self.folder, exist_ok=True)
        self._catch_signals()
        return self

    def __exit__(self, *_: object) -> None:
        import signal

        try:
            for path in self.paths:
                if os.path.lexists(path):
                    os.unlink(path)
        finally:
            for number, handler in self._handlers.items():
                signal.signal(number, handler)  # type: ignore[arg-type]

    def _catch_signals(self) -> None:
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread can; an embedding program keeps its own
        for name in _CAUGHT:
            number = getattr(signal, name, None)
            if number is not None:
                self._handlers[number] = signal.signal(number, _terminate)


def _terminate(number: int, _frame: object) -> None:
    import signal

    raise Terminated(number, signal.Signals(number).name)


def install(built: str, sha256: str, scratch: Scratch) -> str:
    """Install the checked bundle ``built`` (whose SHA-256 is ``sha256``) in one step, and
    remove what it supersedes; returns its installed path."""
    folder = scratch.folder
    target = os.path.join(folder, named_by_sum(sha256))
    pointer = scratch(SUM_NAME)
    with open(pointer, "w", encoding="ascii", newline="\n") as stream:
        stream.write(f"{sha256}  {os.path.basename(target)}\n")
    with Lock(folder), _NoInterrupts():
        replaced = named_bundle(folder)
        existed = os.path.lexists(target)
        os.replace(built, target)
        try:
            os.replace(pointer, os.path.join(folder, SUM_NAME))  # the one step
        except BaseException:
            if not existed:
                os.unlink(target)
            raise
        remove(
            [*superseded(folder, {target, replaced or target}), *leftovers(folder)], strict=False
        )
    return target


def remove(paths: Iterable[str], *, strict: bool = True) -> list[str]:
    """Remove files; what was removed. Raises :class:`CannotRemove` naming the first that
    could not be (with ``strict``; else it stays, for a later import or reset)."""
    removed = []
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            if strict:
                raise CannotRemove(f"{path}: cannot remove it ({error.strerror})") from None
            continue
        removed.append(path)
    return removed


class CannotRemove(OfficialDataError):
    """A file of the data directory that could not be removed."""


def superseded(folder: str, keep: set[str]) -> Iterator[str]:
    """The bundles in the data directory besides those in ``keep``."""
    for name in _names(folder):
        path = os.path.join(folder, name)
        if is_bundle_name(name) and path not in keep:
            yield path


def leftovers(folder: str) -> Iterator[str]:
    """Temporary files of imports killed outright (of processes no longer running)."""
    for name in _names(folder):
        found = _PARTIAL.fullmatch(name)
        if found is not None and not _running(int(found[1])):
            yield os.path.join(folder, name)


def _names(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []


def _running(pid: int) -> bool:
    """Whether a process is running (where we cannot tell, it may be: its files stay)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # an open file cannot be removed there; no cheap check either
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


class Lock:
    """One install at a time in a data directory (where the platform can lock a folder):
    two imports finishing together each keep their own bundle until the switch."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.descriptor: int | None = None

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:
            return
        self.descriptor = os.open(self.folder, os.O_RDONLY)
        fcntl.flock(self.descriptor, fcntl.LOCK_EX)

    def __exit__(self, *_: object) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)  # which releases the lock


class _NoInterrupts:
    """Hold Ctrl-C, SIGTERM and SIGHUP off for a moment, where the platform can."""

    def __enter__(self) -> None:
        import signal

        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, _held())

    def __exit__(self, *_: object) -> None:
        import signal

        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _held())


def _held() -> set[int]:
    import signal

    names = ("SIGINT", *_CAUGHT)
    return {getattr(signal, name) for name in names if hasattr(signal, name)}
