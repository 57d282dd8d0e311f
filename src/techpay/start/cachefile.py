"""The cache file's layout: written atomically, read without trusting anything in it.

A file is MAGIC, then three little-endian 32-bit numbers (the key's length, the section
table's length and the table's CRC), the key, the table, and the sections. The key is
compared byte for byte and the table has fixed-width fields, so nothing from the file is
decoded before it is known to be ours and to fit in the file: a damaged, truncated or
foreign file, or one claiming gigabytes, costs a few comparisons and is then rebuilt.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Table = dict[str, tuple[int, int, int]]  # section name -> (offset, length, CRC)

MAGIC = b"techpay\x00"
_PREFIX = len(MAGIC) + 12
_TABLE_ROW = 8 + 8 + 4  # a section's offset, length and CRC, after its name


def open_entry(path: str, key: bytes) -> tuple[Any, Table] | None:
    """The file mapped into memory and its section table, if it is a whole entry for
    exactly this key; anything else (a missing, short, foreign or damaged file, a FIFO or
    a directory) is None."""
    mapped = _map(path)
    if mapped is None:
        return None
    table = _section_table(mapped, key)
    if table is None:
        mapped.close()
        return None
    return mapped, table


def _map(path: str) -> Any:
    """The file mapped into memory, or None if it is not a non-empty regular file.

    Opened without blocking, so that a FIFO put where the file should be cannot hang us.
    """
    import mmap
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size < _PREFIX:
            return None
        return mmap.mmap(descriptor, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    finally:
        os.close(descriptor)


def _section_table(mapped: Any, expected_key: bytes) -> Table | None:
    """The table of sections, if the file starts with this key and every section lies
    within the file; otherwise None."""
    import zlib

    size = len(mapped)
    key_length, table_length, table_crc = (
        _number(mapped, len(MAGIC) + 4 * index, 4) for index in range(3)
    )
    table_start = _PREFIX + key_length
    table_end = table_start + table_length
    if mapped[: len(MAGIC)] != MAGIC or table_end > size:
        return None
    if mapped[_PREFIX:table_start] != expected_key:
        return None
    table_bytes = mapped[table_start:table_end]
    if zlib.crc32(table_bytes) != table_crc:
        return None
    return _parse_table(table_bytes, table_end, size)


def _parse_table(table_bytes: bytes, first: int, size: int) -> Table | None:
    table = {}
    cursor = 0
    while cursor < len(table_bytes):
        name_end = cursor + 1 + table_bytes[cursor]
        row_end = name_end + _TABLE_ROW
        if row_end > len(table_bytes):
            return None
        offset, length = _number(table_bytes, name_end, 8), _number(table_bytes, name_end + 8, 8)
        if not first <= offset <= offset + length <= size:
            return None
        name = table_bytes[cursor + 1 : name_end].decode("ascii", "replace")
        table[name] = (offset, length, _number(table_bytes, name_end + 16, 4))
        cursor = row_end
    return table


def _number(source: Any, start: int, width: int) -> int:
    return int.from_bytes(source[start : start + width], "little")


def store(path: str, key: bytes, blobs: dict[str, bytes]) -> None:
    """Write an entry atomically; failing to (read-only, full disk) is harmless: the next
    run builds it again."""
    temporary = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # A name no other writer uses (tempfile would cost more to import than this run).
        folder, name = os.path.split(path)
        temporary = os.path.join(folder, f".{name}-{os.getpid()}.tmp")
        with open(temporary, "xb") as stream:
            stream.write(header(key, blobs))
            for blob in blobs.values():
                stream.write(blob)
        os.replace(temporary, path)  # atomic, whole or not at all
        temporary = None
    except OSError:
        pass  # no cache this time
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)


def header(key: bytes, blobs: dict[str, bytes]) -> bytes:
    """The header of an entry with this key and these sections, in this order."""
    import zlib

    names = {name: name.encode("ascii") for name in blobs}
    table_length = sum(1 + len(name) + _TABLE_ROW for name in names.values())
    offset = _PREFIX + len(key) + table_length
    rows = []
    for name, blob in blobs.items():
        rows += [bytes([len(names[name])]), names[name], offset.to_bytes(8, "little")]
        rows += [len(blob).to_bytes(8, "little"), zlib.crc32(blob).to_bytes(4, "little")]
        offset += len(blob)
    table = b"".join(rows)
    numbers = (len(key), len(table), zlib.crc32(table))
    return b"".join([MAGIC, *(number.to_bytes(4, "little") for number in numbers), key, table])
