"""Writing files without ever losing data: atomically, and never over a file unasked."""

from __future__ import annotations

import os
import tempfile
from typing import TYPE_CHECKING

from techpay.errors import TechpayError

if TYPE_CHECKING:
    from collections.abc import Callable


class WriteRefused(TechpayError):
    """The target exists and the user did not say --force."""

    def __init__(self, target: str) -> None:
        super().__init__(f"{target} exists; add --force to overwrite it")


def refuse_to_overwrite(target: str, force: bool) -> None:
    """Raise :class:`WriteRefused` if ``target`` exists and ``force`` was not given."""
    if not force and os.path.lexists(target):
        raise WriteRefused(target)


def write_atomically(target: str, produce: Callable[[str], None], *, force: bool = False) -> None:
    """Have ``produce`` write a temporary file beside ``target``, then move it into place.

    The temporary file is flushed to disk first, and the move is a single rename, so readers
    see the old file or the new one, never half of one; if ``produce`` fails the target is
    untouched. Without ``force`` an existing target is refused, also one that appears while
    we write (the final step is a hard link, which cannot replace a file).
    """
    refuse_to_overwrite(target, force)
    directory = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory
    )
    os.close(handle)
    try:
        produce(temporary)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        if force:
            os.replace(temporary, target)
        else:
            _link_without_clobbering(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def write_text_atomically(target: str, text: str, *, force: bool = False) -> None:
    """:func:`write_atomically` for text, written as UTF-8 with ``\\n`` line ends."""

    def produce(path: str) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    write_atomically(target, produce, force=force)


def _link_without_clobbering(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except FileExistsError:
        raise WriteRefused(target) from None
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(target):
            raise WriteRefused(target) from None
        os.replace(source, target)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
