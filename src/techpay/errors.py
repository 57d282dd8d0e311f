"""Errors the core raises; the CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1  # not found, ambiguous, invalid data
EXIT_USAGE = 2  # bad arguments or option values
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # the reader went away (like SIGPIPE in native tools)


def did_you_mean(suggestions: list[str]) -> str:
    """The hint after an unknown name: ``did you mean sre, devops?``."""
    return f"did you mean {', '.join(suggestions)}?"


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
        super().__init__(
            f"{query!r} could be any of: {', '.join(candidates)}; type more of the name"
        )


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
        """``FILE:LINE:COL: message`` for syntax, ``FILE: role 'id' -> field: message`` else."""
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        where = []
        if self.role is not None:
            where.append(
                f"role {self.role}" if self.role.startswith("#") else f"role {self.role!r}"
            )
        if self.field:
            where.append(self.field)
        return f"{self.file}: {' -> '.join(where)}{': ' if where else ''}{self.message}"

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
