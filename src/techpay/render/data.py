"""Machine-readable output: the JSON contract documented in the README.

Formatting only: each command computes its answer first (see :mod:`techpay.commands.figures`)
and prints the part of it the README documents through :func:`dumps`. Plain ``json`` on
plain records, never Rich: the bytes are the same on a terminal, in a pipe and under
``FORCE_COLOR``. Non-ASCII and control characters are escaped (``ensure_ascii``),
so the output is safe in any encoding and can never carry a terminal escape sequence.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def dumps(payload: object) -> str:
    """Serialise a payload the one way techpay prints JSON: indented, ASCII, newline-ended.

    The text is ``json.dumps(payload, indent=2, ensure_ascii=True)``'s, made by
    :func:`_member` (see there why), and by json itself for what that does not take.
    """
    return _json(payload, "\n") + "\n"


def item_json(payload: object) -> str:
    """A value's JSON as an item of an indented array, ``array_item(dumps(payload))``,
    laid out at that depth in the first place."""
    return "  " + _json(payload, "\n  ")


def _json(payload: object, indent: str) -> str:
    """The JSON of a value laid out at ``indent`` (a newline and the spaces of its depth)."""
    try:
        return _member(payload, indent)
    except (_Unusual, TypeError, RecursionError):  # json's text, or its error (a cycle, a type)
        return json.dumps(payload, indent=2, ensure_ascii=True).replace("\n", indent)


class _Unusual(Exception):
    """A value :func:`_member` leaves to json: another type (a subclass of str or int, a
    set, a date) or a float that is not finite. A key that is not text (which json writes
    as text, or refuses) is left to json by the TypeError of escaping it."""


# json's indented encoder is pure Python, a generator per container: it took 0.26-0.33 s of
# a cold load of 10,000 roles. This one joins each container's members in one go and leaves
# the text to json's C escaping: ~0.12 s for the same text. tests/test_cold_path.py compares
# the two on every role of the bundled data and on generated values.
_ESCAPED = json.encoder.encode_basestring_ascii
_INTEGER = int.__repr__
_FLOAT = float.__repr__
_INFINITY = float("inf")


def _member(value: Any, indent: str) -> str:
    """One value's JSON, as json.dumps(indent=2, ensure_ascii=True) writes it at ``indent``."""
    kind = type(value)
    if kind is str:
        return _ESCAPED(value)
    if value is None:
        return "null"
    if kind is dict or kind is list or kind is tuple:
        return _container(value, indent)
    if kind is int:
        return _INTEGER(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is float and value == value and value not in (_INFINITY, -_INFINITY):
        return _FLOAT(value)
    raise _Unusual


def _container(value: Any, indent: str) -> str:
    """A dict or list: empty on one line, else a member a line, one level deeper."""
    if not value:
        return "{}" if type(value) is dict else "[]"
    inner = indent + "  "
    if type(value) is dict:
        members = [_ESCAPED(key) + ": " + _member(item, inner) for key, item in value.items()]
        return "{" + inner + ("," + inner).join(members) + indent + "}"
    members = [_member(item, inner) for item in value]
    return "[" + inner + ("," + inner).join(members) + indent + "]"


def array_item(text: str) -> str:
    """A value's JSON (as :func:`dumps` prints it) indented to stand inside an array."""
    return "  " + text.rstrip("\n").replace("\n", "\n  ")
