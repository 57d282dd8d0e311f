"""Printing, shared by the Typer CLI and the fast path: data to stdout, messages to stderr."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, TextIO


def emit(
    json_output: bool,
    payload: Callable[[], object],
    view: Callable[[], object],
    plain: Callable[[], str] | None = None,
    pictures: Pictures | None = None,
) -> None:
    """Print a result: JSON, plain lines (when ``plain`` is given), or a Rich view. Only
    the one printed is built, and Rich is imported only for the view."""
    if json_output:
        from techpay.render import data

        sys.stdout.write(data.dumps(payload()))
    elif plain is not None:
        sys.stdout.write(plain())
    else:
        show_view(view, pictures)


PAGE_VIEWS = False  # set by the global --pager option


def show_view(view: Callable[[], object], pictures: Pictures | None = None) -> None:
    """Draw a Rich view on stdout (Rich is imported here, only when a view is drawn);
    through the user's pager when ``--pager`` was given and stdout is a terminal; and save
    what was drawn as SVG or HTML when asked."""
    from techpay.render.style import make_console

    console = make_console(sys.stdout, record=pictures is not None)
    if PAGE_VIEWS and console.is_terminal:
        import os

        # As git does: less shows colours (R), quits when the page fits (F), keeps the
        # screen (X), unless the user set LESS themselves.
        os.environ.setdefault("LESS", "FRX")
        with console.pager(styles=True):
            console.print(view())
    elif console.is_terminal:
        console.print(view())
    else:
        from techpay.render.layout import Trimmed

        console.print(Trimmed(view()))  # type: ignore[arg-type]
    if pictures is not None:
        # What was drawn, unless the terminal is narrower than a picture needs.
        wide_enough = console.width >= PICTURE_WIDTH
        pictures.save(console if wide_enough else _drawn_for_a_picture(view))


PICTURE_WIDTH = 80  # what every view is laid out for in full (the map needs 76)


def _drawn_for_a_picture(view: Callable[[], object]) -> Any:
    """The view drawn afresh at the width a picture needs, not the narrow terminal's."""
    import io

    from techpay.render.style import make_console

    picture = make_console(io.StringIO(), record=True)
    picture.width = PICTURE_WIDTH
    picture.print(view())
    return picture


def save_drawing(pictures: Pictures, view: Callable[[], object]) -> None:
    """Save ``view`` alone as the pictures asked for, drawn at the width a picture needs
    (not the terminal's): a command whose view holds more than its picture."""
    pictures.save(_drawn_for_a_picture(view))


def drawn_instead(json_output: bool, plain: bool) -> str | None:
    """The option that prints something other than a drawn view, if one was given."""
    return "--json" if json_output else "--plain" if plain else None


class Pictures:
    """Where to save a drawn view (``--svg``, ``--html``), and whether to overwrite."""

    def __init__(self, svg: str | None, html: str | None, force: bool) -> None:
        self.svg, self.html, self.force = svg, html, force

    @classmethod
    def wanted(
        cls, svg: str | None, html: str | None, force: bool, instead: str | None = None
    ) -> Pictures | None:
        """The pictures asked for, if any. A path that cannot or must not be written is
        refused at once, before anything is drawn, and so is one file asked for twice, a
        picture of a view that ``instead`` (``--json``, ``--plain``) means is not drawn, and
        ``-`` (a picture goes to a file: stdout has the answer)."""
        if svg is None and html is None:
            return None  # the usual case: nothing to check, nothing to import
        from techpay.core.errors import UsageError
        from techpay.core.targets import check_target, same_file, shown

        asked = "--svg" if svg is not None else "--html"
        if instead is not None:
            raise UsageError(f"{asked} saves what is drawn, and {instead} draws nothing")
        for kind, path in (("svg", svg), ("html", html)):
            if path == "-":
                raise UsageError(f"--{kind} writes a file; name one (--{kind} picture.{kind})")
        if svg and html and same_file(svg, html):
            message = f"--svg {shown(svg)} and --html {shown(html)} name the same file"
            raise UsageError(message)
        for path in (svg, html):
            if path is not None:
                check_target(path, force)
        return cls(svg, html, force)

    def save(self, console: Any) -> None:
        """Rich's own export of what was drawn, written atomically, never over a file
        without ``force``."""
        from techpay.core.errors import literal_text
        from techpay.core.files import write_text_atomically

        if self.svg is not None:
            svg = console.export_svg(title="techpay", clear=False)
            write_text_atomically(self.svg, svg, force=self.force)
            note(f"Saved {literal_text(self.svg)}.")
        if self.html is not None:
            write_text_atomically(self.html, console.export_html(clear=False), force=self.force)
            note(f"Saved {literal_text(self.html)}.")


def write_ascii(pieces: list[bytes | memoryview]) -> None:
    """Write ASCII pieces to stdout, straight to its byte buffer where newlines need no
    translation (everywhere but Windows), so large outputs are not copied again."""
    import os

    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or os.linesep != "\n":
        sys.stdout.write(b"".join(pieces).decode("ascii"))
        return
    sys.stdout.flush()
    buffer.writelines(pieces)


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (what a file or pipe gets stays byte-exact data)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # no stream, or a closed one
        return False


def note(message: str) -> None:
    """A message for the person, not the pipe: one line on stderr, marked as techpay's (data
    it quotes is already shown literally)."""
    sys.stderr.write(f"techpay: {message}\n")


def none_match(what: str) -> None:
    """An empty answer in a table: stdout stays empty (as grep's does), and stderr says so,
    in the same words for roles, places and occupations. ``--plain`` prints its header row
    and ``--json`` its empty document instead."""
    note(f"no {what} match")


def done(message: str) -> None:
    """What an action did (``official import``, ``official reset``): its answer, on stdout."""
    sys.stdout.write(f"{message}\n")


def warn(message: str) -> None:
    """One line on stderr, marked as techpay's: a warning, or an error's message. Whatever
    data the message quotes is shown literally (no escape sequence reaches the terminal)."""
    from techpay.core.errors import literal_text

    sys.stderr.write(f"techpay: {literal_text(message)}\n")


def report(message: str, exit_code: int) -> int:
    """Print an error as one line on stderr and hand back the exit code."""
    warn(message)
    return exit_code


def usage_message(message: str, command_path: str | None) -> str:
    """A usage error's line: what is wrong, and the help that explains the command."""
    from techpay.core.errors import literal_text

    message = literal_text(message.rstrip("."))
    return message if command_path is None else f"{message} (see '{command_path} --help')"


def debugging(arguments: Sequence[str]) -> bool:
    """Whether to show an internal error's traceback: ``--debug`` among the arguments, or
    ``TECHPAY_DEBUG`` set (and not ``0``)."""
    import os

    return "--debug" in arguments or os.environ.get("TECHPAY_DEBUG", "") not in ("", "0")


def internal_error(error: BaseException) -> int:
    """A bug in techpay: one line, and how to see the traceback."""
    from techpay.core.errors import EXIT_ERROR

    name = type(error).__name__
    return report(
        f"internal error ({name}: {error}); this is a bug. Rerun with --debug for the traceback",
        EXIT_ERROR,
    )
