"""Reading data sources: bounded, once per stream, never waiting forever.

A data file may be a pipe (``--data <(cmd)``), a FIFO or a device as well as a regular file.
Whatever it is, at most the size limit is read (a device has no size to check beforehand), a
pipe nobody writes to ends in an error instead of a hang, and a stream, which can be read
only once, gives the same bytes to every reader in the process.
"""

from __future__ import annotations

import os
import stat

from techpay.core.errors import DataError, Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

WAIT_FOR_DATA_SECONDS = 30.0  # for a pipe or device given as a data file to give anything
STREAM_CHUNK = 1 << 20

# What each stream read gave, or the error it raised: by (name, device, inode), or for a
# standard input that is no file (a test runner's stand-in) the object itself.
_STREAMS_READ: dict[object, bytes | DataError | OSError] = {}
STDIN_NAME = "<stdin>"  # standard input, as messages name it


def read_source(path: str, limit: int) -> bytes:
    """The bytes of a data file, or of a pipe or device given as one; at most ``limit``.

    Raises :class:`DataError` for too much data or a silent pipe, and OSError otherwise.
    The fast path and then the full CLI may both load the data in one run: what a stream
    gave (or the error it raised) is kept for the rest of the process, so both see the same.
    """
    info = os.stat(path)
    if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
        return _read_limited(path, limit)
    return _once((path, info.st_dev, info.st_ino), lambda: _read_limited(path, limit))


def read_stdin(limit: int) -> bytes:
    """Standard input, read to its end (at most ``limit`` bytes), once per process like any
    stream; a terminal is refused rather than waited on, and a pipe nobody writes to ends in
    an error as a silent FIFO does."""
    import sys

    stdin = sys.stdin
    if stdin is None:
        raise _problem(STDIN_NAME, "standard input is closed: pipe the file in (... - < FILE)")
    if stdin.isatty():
        raise _problem(STDIN_NAME, "standard input is a terminal: pipe the file in (... - < FILE)")
    try:
        descriptor = stdin.fileno()
    except (OSError, ValueError):  # not a file (a test runner's stand-in): read it as it is
        return _once(stdin, lambda: _read_stand_in(stdin, limit))
    info = os.fstat(descriptor)
    return _once(
        (STDIN_NAME, info.st_dev, info.st_ino),
        lambda: _read_all(STDIN_NAME, descriptor, limit, chunk=STREAM_CHUNK, patient=True),
    )


def _once(stream: object, read: Callable[[], bytes]) -> bytes:
    """What ``read`` gives, or the error it raises, the first time a stream is read."""
    if stream not in _STREAMS_READ:
        try:
            _STREAMS_READ[stream] = read()
        except (DataError, OSError) as error:
            _STREAMS_READ[stream] = error
    outcome = _STREAMS_READ[stream]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _read_stand_in(stdin: Any, limit: int) -> bytes:
    data = stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise _too_much(STDIN_NAME, limit)
    return bytes(data)


def _read_limited(path: str, limit: int) -> bytes:
    # Opened without blocking: opening a FIFO would otherwise wait for a writer, forever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            return _read_all(path, descriptor, limit, chunk=STREAM_CHUNK, patient=True)
        if info.st_size > limit:
            raise _problem(path, f"file is {info.st_size:,} bytes; the limit is {_amount(limit)}")
        chunk = max(info.st_size + 1, 1 << 16)  # some files (in /proc) say they are empty
        return _read_all(path, descriptor, limit, chunk=chunk, patient=False)
    finally:
        os.close(descriptor)


def _read_all(path: str, descriptor: int, limit: int, *, chunk: int, patient: bool) -> bytes:
    """Everything up to the end, or an error as soon as there is more than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while data := _next_chunk(path, descriptor, min(chunk, limit + 1), patient=patient):
        size += len(data)
        if size > limit:
            raise _too_much(path, limit)
        chunks.append(data)
    return b"".join(chunks)


def _next_chunk(path: str, descriptor: int, wanted: int, *, patient: bool) -> bytes:
    """The next bytes, empty at the end; a stream gets :data:`WAIT_FOR_DATA_SECONDS` to
    give something (or to be closed by its writer)."""
    while True:
        if patient and not _wait_for_data(descriptor):
            waited = f"nothing to read after {WAIT_FOR_DATA_SECONDS:g} seconds"
            raise _problem(path, f"{waited}; is anything writing to it?")
        try:
            return os.read(descriptor, wanted)
        except BlockingIOError:  # woken, but the data went elsewhere: wait again
            continue


def _wait_for_data(descriptor: int) -> bool:
    """Whether the stream has data or its writer has gone (poll waits for a FIFO's first
    writer, where a read would report the end at once)."""
    import select

    if not hasattr(select, "poll"):  # Windows: no FIFOs to wait for; reads block instead
        return True
    poller = select.poll()
    poller.register(descriptor, select.POLLIN)
    return bool(poller.poll(int(WAIT_FOR_DATA_SECONDS * 1000)))


def _too_much(path: str, limit: int) -> DataError:
    return _problem(path, f"more than {_amount(limit)} to read; that is the limit")


def _problem(path: str, message: str) -> DataError:
    return DataError([Problem(path, message)])


def _amount(size: int) -> str:
    mib, rest = divmod(size, 1024 * 1024)
    return f"{size:,} bytes" if rest else f"{mib} MiB"


class RepeatedKey(Exception):
    """A JSON object names a key twice (TOML refuses that, and so do we)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An ``object_pairs_hook`` for :func:`json.loads` that refuses a repeated key."""
    unique = dict(pairs)
    if len(unique) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RepeatedKey(key)
            seen.add(key)
    return unique


def repeated_key_problem(path: str, text: str, key: str) -> Problem:
    """The problem of a repeated key, with its line and column when they can be found."""
    import json

    found = _first_repeated_key(text)
    if found is None:
        return Problem(path, f"key {json.dumps(key)} appears twice in one object")
    key, position = found
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    message = f"key {json.dumps(key)} appears twice in one object"
    return Problem(path, message, line=line, column=column)


def _first_repeated_key(text: str) -> tuple[str, int] | None:
    """The first key that an object of this JSON text names twice, and where it is.

    A scan of the keys and brackets with a set of keys per open object: in JSON a string
    followed by ``:`` is a key, and no quote appears outside a string. The parser already
    found a repeated key, so the text is valid JSON up to the first one.
    """
    import json
    import re

    objects: list[set[str] | None] = []  # per open bracket: an object's keys, or None
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"(\s*:)?|[{}\[\]]', text):
        mark = token[0]
        if mark in ("{", "["):
            objects.append(set() if mark == "{" else None)
        elif mark in ("}", "]"):
            objects.pop()
        elif token[1] and objects and (keys := objects[-1]) is not None:
            key = json.loads(token[0][: -len(token[1])])
            if key in keys:
                return key, token.start()
            keys.add(key)
    return None
