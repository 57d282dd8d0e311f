"""Errors the core raises; the CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1  # not found, ambiguous, invalid data
EXIT_USAGE = 2  # bad arguments or option values
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # the reader went away (like SIGPIPE in native tools)


# What a terminal could act on instead of showing: C0 controls (ESC, BEL, CR, ...), DEL, the
# 8-bit C1 controls (CSI U+009B, OSC U+009D), line and paragraph separators, the bidi controls
# that reorder what is shown, lone surrogates (unprintable) and the two code points XML forbids.
_UNSAFE_RANGES = (
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0x061C, 0x061C),
    (0x200E, 0x200F),
    (0x2028, 0x202E),
    (0x2066, 0x2069),
    (0xD800, 0xDFFF),
    (0xFFFE, 0xFFFF),
)
_NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(code: int, unicode_escapes: bool) -> str:
    named = _NAMED_ESCAPES.get(chr(code))
    if named:
        return named
    return f"\\x{code:02x}" if code < 0x100 and not unicode_escapes else f"\\u{code:04x}"


class _EscapeTable(dict[int, str]):
    """A translation table filled in as characters are met: each character maps to its
    escape if a terminal could act on it (and ``keep`` does not name it), else to itself.

    Filled lazily because the ranges hold over two thousand code points, and building
    the whole table cost about 2 ms a run, a seventh of an interpreter's start-up; a text
    meets a few dozen distinct characters.
    """

    def __init__(self, keep: str, unicode_escapes: bool) -> None:
        super().__init__()
        self.keep = keep
        self.unicode_escapes = unicode_escapes

    def __missing__(self, code: int) -> str:
        unsafe = any(first <= code <= last for first, last in _UNSAFE_RANGES)
        shown = chr(code)
        if unsafe and shown not in self.keep:
            shown = _escape(code, self.unicode_escapes)
        self[code] = shown
        return shown


# Translation tables by (characters kept, \\u escapes only); each is made on first use.
_ESCAPE_TABLES: dict[tuple[str, bool], _EscapeTable] = {}


def _escape_table(keep: str, unicode_escapes: bool) -> _EscapeTable:
    table = _ESCAPE_TABLES.get((keep, unicode_escapes))
    if table is None:
        table = _ESCAPE_TABLES[keep, unicode_escapes] = _EscapeTable(keep, unicode_escapes)
    return table


def literal_text(text: str, keep: str = "", *, unicode_escapes: bool = False) -> str:
    """Text from a data file as a terminal should show it: exactly what the file says.

    Every character a terminal could act on is written as an escape (``\\x1b``, ``\\r``,
    ``\\u202e``), so data can neither colour, move, retitle nor split what is printed;
    ``keep`` names the ones to leave alone (``"\\n"`` where the text is laid out in lines).
    ``unicode_escapes`` writes ``\\u001b`` for ``\\x1b``: the form TOML and JSON strings read.
    """
    return text.translate(_escape_table(keep, unicode_escapes))


def did_you_mean(suggestions: list[str]) -> str:
    """The hint after an unknown name: ``did you mean sre, devops?``."""
    return literal_text(f"did you mean {', '.join(suggestions)}?")


class TechpayError(Exception):
    """Base class for every error that is the user's to fix, not a bug."""

    exit_code = EXIT_ERROR


class UsageError(TechpayError):
    """The command line asked for something that cannot be done."""

    exit_code = EXIT_USAGE


class RoleNotFound(TechpayError):
    """No role answers to the name; carries the closest names as suggestions."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        message = f"no role matches {query!r}"
        if suggestions:
            message += f"; {did_you_mean(suggestions)}"
        else:
            message += "; run 'techpay list' to see every role"
        super().__init__(message)


class AmbiguousRole(TechpayError):
    """A prefix fits several roles; carries the names of the candidates."""

    def __init__(self, query: str, candidates: list[str]) -> None:
        self.query = query
        self.candidates = candidates
        names = literal_text(", ".join(candidates))
        super().__init__(f"{query!r} could be any of: {names}; type more of the name")


class Problem:
    """One thing wrong with a data file, located as precisely as the checker could."""

    __slots__ = ("column", "field", "file", "line", "message", "role")

    def __init__(
        self,
        file: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        role: str | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.message = message
        self.line = line
        self.column = column
        self.role = role
        self.field = field

    def __str__(self) -> str:
        """``FILE:LINE:COL: message`` for syntax, ``FILE: role 'id' -> field: message`` else;
        one line, whatever the file holds."""
        if self.line is not None:
            return literal_text(f"{self.file}:{self.line}:{self.column}: {self.message}")
        where = []
        if self.role is not None:
            # "#3" stands for the third role when it has no usable id; an id is quoted.
            by_position = self.role[:1] == "#" and self.role[1:].isdigit()
            where.append(f"role {self.role}" if by_position else f"role {self.role!r}")
        if self.field:
            where.append(self.field)
        located = f"{' -> '.join(where)}: " if where else ""
        return literal_text(f"{self.file}: {located}{self.message}")

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"

    def as_dict(self) -> dict[str, str | int | None]:
        """The problem as a JSON object (``validate --json``)."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "role": self.role,
            "field": self.field,
            "message": self.message,
        }


class DataError(TechpayError):
    """A data file is unreadable, not TOML, or not a valid techpay dataset."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        message = str(problems[0])
        if len(problems) > 1:
            more = len(problems) - 1
            message += (
                f" (and {more} more problem{'s' if more > 1 else ''}; see 'techpay validate')"
            )
        super().__init__(message)


class OfficialDataError(TechpayError):
    """The official-data bundle is missing, damaged or not in the layout techpay reads."""


class CacheCorrupt(TechpayError):
    """A stored copy of the data failed its length or checksum test: whoever reads it loads
    the data afresh (the start-up cache raises it; the command handlers recover from it)."""


class NotFound(TechpayError):
    """No occupation or place answers to what was typed; the message suggests the closest."""

    def __init__(self, kind: str, query: str, suggestions: list[str], hint: str) -> None:
        self.query = query
        self.suggestions = suggestions
        if not suggestions:
            advice = hint
        elif any("," in name for name in suggestions):  # place names hold commas
            advice = f"did you mean {'; '.join(suggestions)}?"
        else:
            advice = did_you_mean(suggestions)
        super().__init__(f"no {kind} matches {query!r}; {advice}")


class Ambiguous(TechpayError):
    """What was typed fits several places or occupations; carries the candidates."""

    def __init__(self, query: str, candidates: list[str], hint: str) -> None:
        self.query = query
        self.candidates = candidates
        shown = "; ".join(candidates[:8]) + ("; ..." if len(candidates) > 8 else "")
        super().__init__(f"{query!r} could be any of: {shown}; {hint}")
