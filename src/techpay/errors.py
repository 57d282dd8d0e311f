"""Errors the core raises; the CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1  # not found, ambiguous, invalid data
EXIT_USAGE = 2  # bad arguments or option values
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # the reader went away (like SIGPIPE in native tools)


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
            message += f"; did you mean {', '.join(suggestions)}?"
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


class DataError(TechpayError):
    """A data file is unreadable, not TOML, or not a valid techpay dataset.

    ``problems`` holds one line per problem, each already naming the file and either
    ``LINE:COL`` (syntax) or the role and field path (schema).
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        message = problems[0]
        if len(problems) > 1:
            message += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
        super().__init__(message)
