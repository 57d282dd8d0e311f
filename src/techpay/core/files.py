"""Writing output files without losing data, and without harming whatever is at the path.

What an output path gets, by what is there:

- nothing: a new file, written atomically (a temporary file beside it, synced, renamed);
- a regular file, or a link to one: refused unless ``--force``; with it, the file is
  replaced atomically and keeps its permission bits (a link stays a link);
- techpay's own standard output (``/dev/stdout``): the output, as with ``-``;
- a character device (``/dev/null``) or a FIFO: written to directly, as a shell
  redirection would. Nothing stored there is replaced, so no ``--force`` is needed; a FIFO
  that no program reads is an error at once, never a hang;
- a directory, a socket or a block device: refused, with or without ``--force``.

Every failure is a :class:`TechpayError` that names the path and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from typing import TYPE_CHECKING

from techpay.core.targets import STDOUT, STREAM, CannotWrite, WriteRefused, check_target, reason

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import BinaryIO


def write_atomically(
    target: str,
    produce: Callable[[str], None],
    *,
    force: bool = False,
    terminal_text: Callable[[], str] | None = None,
) -> None:
    """Have ``produce`` write a temporary file, then put it at ``target`` (see the module).

    A new or replaced file appears whole or not at all: the temporary file is beside the
    target, synced to disk, then renamed, and if ``produce`` fails the target is untouched.
    Without ``force`` an existing file is refused, also one that appears while we write
    (the final step is then a hard link, which cannot replace a file). A target that is a
    terminal gets ``terminal_text`` instead, when given.
    """
    kind = check_target(target, force)
    try:
        if kind in (STREAM, STDOUT):
            _write_through(target, produce, to_stdout=kind == STDOUT, terminal_text=terminal_text)
        else:
            _write_beside(target, produce, force)
    except OSError as error:
        raise CannotWrite(target, reason(error)) from None


def write_text_atomically(
    target: str,
    text: str,
    *,
    force: bool = False,
    for_terminal: Callable[[str], str] | None = None,
) -> None:
    """:func:`write_atomically` for text, written as UTF-8 with ``\\n`` line ends; a
    terminal (``-o /dev/tty``) gets ``for_terminal(text)`` when that is given."""

    def produce(path: str) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    shown = None if for_terminal is None else lambda: for_terminal(text)
    write_atomically(target, produce, force=force, terminal_text=shown)


def _write_beside(target: str, produce: Callable[[str], None], force: bool) -> None:
    final = os.path.realpath(target)  # through a link: its file is replaced, the link stays
    directory, name = os.path.split(final)
    before = _regular_file_status(final)
    # The name is cut so that the temporary one stays within the system's limit.
    handle, temporary = tempfile.mkstemp(prefix=f".{name[:64]}.", suffix=".tmp", dir=directory)
    os.close(handle)
    try:
        produce(temporary)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        _take_permissions(temporary, before)
        if force:
            _replace_regular_file(temporary, final, target)
        else:
            _link_without_clobbering(temporary, final, target)
        _sync_directory(directory)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _write_through(
    target: str,
    produce: Callable[[str], None],
    *,
    to_stdout: bool,
    terminal_text: Callable[[], str] | None,
) -> None:
    """Produce into a private temporary file, then copy it into a stream or stdout."""
    handle, temporary = tempfile.mkstemp(prefix=".techpay.", suffix=".tmp")
    os.close(handle)
    try:
        produce(temporary)
        with open(temporary, "rb") as written:
            if to_stdout:
                _copy_to_stdout(written, terminal_text)
            else:
                with _open_stream(target) as stream:
                    if terminal_text is not None and stream.isatty():
                        stream.write(terminal_text().encode("utf-8"))
                    else:
                        _copy(written, stream)
    finally:
        os.unlink(temporary)


def _copy_to_stdout(written: BinaryIO, terminal_text: Callable[[], str] | None) -> None:
    if terminal_text is not None and sys.stdout.isatty():
        sys.stdout.write(terminal_text())  # in the terminal's encoding, as any output
        return
    sys.stdout.flush()
    _copy(written, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _open_stream(target: str) -> BinaryIO:
    """A character device or FIFO, opened for writing. Without a reader a FIFO fails at
    once (ENXIO) instead of waiting for one."""
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(target, os.O_WRONLY | nonblocking | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise CannotWrite(target, "no program is reading from it") from None
        raise
    if nonblocking:
        os.set_blocking(descriptor, True)
    return open(descriptor, "wb")


def _copy(source: BinaryIO, destination: BinaryIO) -> None:
    while chunk := source.read(1 << 16):
        destination.write(chunk)


def _regular_file_status(path: str) -> os.stat_result | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


def _take_permissions(temporary: str, before: os.stat_result | None) -> None:
    """A replaced file keeps its owner (where we may set it) and its mode; a new file gets
    the mode any program would give it (0666 less the umask)."""
    if before is None:
        os.chmod(temporary, 0o666 & ~_umask())
        return
    with contextlib.suppress(OSError):  # only root may give a file to someone else
        os.chown(temporary, before.st_uid, before.st_gid)
    os.chmod(temporary, stat.S_IMODE(before.st_mode))


def _replace_regular_file(temporary: str, final: str, target: str) -> None:
    """Rename over ``final``, unless something other than a file appeared there meanwhile."""
    try:
        mode = os.lstat(final).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):
        raise CannotWrite(target, "it is no longer a regular file")
    os.replace(temporary, final)


def _link_without_clobbering(source: str, final: str, target: str) -> None:
    try:
        os.link(source, final)
    except FileExistsError:
        raise WriteRefused(target) from None
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(final):
            raise WriteRefused(target) from None
        os.replace(source, final)


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable; not every system can open a directory to sync it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def generate(argv: list[str], text: str, generated: str, regenerate: str) -> int:
    """The ``main`` of a script that generates a module (the fast path's grammar, the fast
    check of the models): ``--write`` writes ``text`` to ``generated``, no argument prints
    it; anything else is a usage error naming ``regenerate``, the command that writes it."""
    if argv == ["--write"]:
        write_text_atomically(generated, text, force=True)
        sys.stderr.write(f"Wrote {generated}\n")
    elif not argv:
        sys.stdout.write(text)
    else:
        sys.stderr.write(f"usage: {regenerate.removesuffix(' --write')} [--write]\n")
        return 2
    return 0
