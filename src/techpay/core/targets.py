"""What is at an output path, and whether techpay may write there: checked before any
output is made (``techpay.core.files`` says what each kind of path gets). Every failure is
a :class:`TechpayError` that names the path and the reason.
"""

from __future__ import annotations

import os
import stat
import sys

from techpay.core.errors import TechpayError, UsageError

MISSING, REGULAR, STREAM, STDOUT = "missing", "regular", "stream", "stdout"
_REFUSED = {stat.S_IFDIR: "a directory", stat.S_IFSOCK: "a socket", stat.S_IFBLK: "a block device"}


class WriteRefused(TechpayError):
    """The target exists and the user did not say --force."""

    def __init__(self, target: str) -> None:
        super().__init__(f"{shown(target)} exists; add --force to overwrite it")


class CannotWrite(TechpayError):
    """An output path that cannot be written, and why, in words a person can act on."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"cannot write {shown(target)}: {reason}")


def shown(path: str) -> str:
    """``path`` as a one-line message prints it: shortened in the middle when very long."""
    return path if len(path) <= 100 else f"{path[:60]}...{path[-30:]}"


def reason(error: OSError) -> str:
    """What the system said, as the end of a sentence: ``no space left on device``."""
    text = error.strerror or os.strerror(error.errno or 0)
    return text[:1].lower() + text[1:]


def refuse_to_overwrite(target: str, force: bool) -> None:
    """Raise :class:`WriteRefused` if ``target`` exists and ``force`` was not given."""
    if not force and os.path.lexists(target):
        raise WriteRefused(target)


def check_target(target: str, force: bool) -> str:
    """Refuse, before any output is made, a path that must not or cannot be written.

    Returns what is at the path: ``MISSING``, ``REGULAR``, ``STREAM`` or ``STDOUT``.
    """
    if not target:
        raise UsageError("the output file name is empty")
    if target.endswith(("/", os.sep)):
        raise CannotWrite(target, "the name ends with a slash, so it names a directory")
    kind = _kind_of(target)
    if kind in (MISSING, REGULAR):
        refuse_to_overwrite(target, force)
        _check_directory(target)
    return kind


def _kind_of(target: str) -> str:
    """What is at ``target`` (following links), for :func:`check_target`."""
    if _is_standard_output(target):
        return STDOUT
    try:
        mode = os.stat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return MISSING  # also a link to nowhere; the directory check says the rest
    except OSError as error:
        raise CannotWrite(target, reason(error)) from None
    if stat.S_ISREG(mode):
        return REGULAR
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return STREAM
    what = _REFUSED.get(stat.S_IFMT(mode), "not a regular file")
    raise CannotWrite(target, f"it is {what}; techpay writes files, character devices and FIFOs")


def same_file(first: str, second: str) -> bool:
    """Whether two paths name one file: one path spelled two ways, a link and its file,
    or two hard links. Paths that do not exist yet are compared as resolved paths."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return _resolved(first) == _resolved(second)


def _is_standard_output(target: str) -> bool:
    try:
        return os.path.samestat(os.stat(target), os.fstat(sys.stdout.fileno()))
    except (AttributeError, OSError, ValueError):  # no such file, or no real stdout
        return False


def _check_directory(target: str) -> None:
    """The directory a new file would go in exists, is one, and lets us write in it."""
    real = os.path.realpath(target)
    directory = os.path.dirname(real)
    named = os.path.dirname(real if os.path.islink(target) else target) or "."
    try:
        mode = os.stat(directory).st_mode
    except FileNotFoundError:
        raise CannotWrite(target, f"there is no directory {shown(named)}") from None
    except NotADirectoryError:
        raise CannotWrite(target, f"{shown(named)} is not a directory") from None
    except OSError as error:
        raise CannotWrite(target, reason(error)) from None
    if not stat.S_ISDIR(mode):
        raise CannotWrite(target, f"{shown(named)} is not a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise CannotWrite(target, f"no permission to create files in {shown(named)}")


def _resolved(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))
