"""``export --official``: BLS's official estimates for the chosen occupations and places, as
CSV, JSON or SQLite (the writers are in :mod:`techpay.render.official_export`).

Rows come from the bundle as they are written, never all at once. They are in occupation
code order, and for each occupation the nation, then the states, then the metro areas, each
in BLS's area code order, whatever order the options were given in.
"""

from __future__ import annotations

import sys

from techpay.commands.output import note, warn
from techpay.core.absence import no_figures
from techpay.core.errors import UsageError, literal_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from techpay.commands.handlers import Data
    from techpay.core.records import AreaRecord, EstimateRecord
    from techpay.core.selection import Selection
    from techpay.official.bundle import Bundle

STDOUT = "-"
AREA_TYPES = ("national", "state", "metro")  # the order rows are in, for each occupation
MAX_NAMED = 5  # occupations in a place without figures named one by one; more are counted


class Chosen:
    """The occupations and places asked for, and the rows they make, counted as written."""

    def __init__(
        self, bundle: Bundle, codes: list[str], types: list[str], areas: list[AreaRecord]
    ) -> None:
        self.bundle, self.codes, self.types = bundle, codes, types
        self.areas = [area for area in areas if area["type"] not in types]  # not said already
        self.written = 0
        self.unpublished: list[tuple[str, str]] = []  # (place, code): a place without figures

    def rows(self) -> Iterator[EstimateRecord]:
        """Every row, read from the bundle one occupation at a time."""
        self.written, self.unpublished = 0, []
        for code in self.codes:
            found = [row for kind in self.types for row in self.bundle.estimates(code, kind)]
            for area in self.areas:
                estimate = self.bundle.estimate(code, area["code"])
                if estimate is None:
                    self.unpublished.append((area["name"], code))
                found += [] if estimate is None else [estimate]
            for estimate in sorted(found, key=_area_order):
                self.written += 1
                yield estimate


def _area_order(estimate: EstimateRecord) -> tuple[int, str]:
    area = estimate["area"]
    return AREA_TYPES.index(area["type"]), area["code"]


def export_official(
    data: Data,
    *,
    output_format: str,
    output: str | None,
    force: bool,
    selection: Selection,
    occupations: Sequence[str],
    places: Sequence[str],
    states: bool,
    metros: bool,
) -> None:
    """Write the official estimates; a note on stderr says how many rows went where."""
    from techpay.official.bundle import open_bundle
    from techpay.render.official_export import FORMATS

    if output_format not in FORMATS:
        raise UsageError(f"--official writes csv, json or sqlite, not {output_format}")
    bundle = open_bundle()
    codes = occupation_codes(data, bundle, occupations, selection)
    chosen = Chosen(bundle, codes, *_places(bundle, places, states, metros))
    facts = {
        "source": "BLS OEWS",
        "release": bundle.release,
        "release_code": bundle.meta().get("release_code", ""),
        "published": bundle.meta().get("published", ""),
    }
    _write(chosen, facts, output_format, output, force)
    _note_unpublished(chosen.unpublished)


def _note_unpublished(unpublished: list[tuple[str, str]]) -> None:
    """Say which occupations in the places named have no row (how many, when many)."""
    if len(unpublished) > MAX_NAMED:
        warn(
            f"BLS published no figures for {len(unpublished):,} of the occupations in the"
            " --in places: they have no row"
        )
    else:
        for place, code in unpublished:
            warn(f"{no_figures(place, code)}: it has no row")


def occupation_codes(
    data: Data, bundle: Bundle, named: Sequence[str], selection: Selection
) -> list[str]:
    """The occupations asked for, in code order: those named (a code, or a role for its
    occupation) and those of the roles the selection keeps; every one when neither is given."""
    from techpay.commands.answers import occupation_code
    from techpay.official.estimates import soc_code

    if not named and not selection.narrows():
        return [code for code, _ in bundle.occupations()]
    codes = {occupation_code(None if soc_code(name) else data.catalog(), name)[0] for name in named}
    if selection.narrows():
        codes |= _codes_of_roles(data, selection)
    return sorted(codes)


def _codes_of_roles(data: Data, selection: Selection) -> set[str]:
    from techpay.core.queries import select
    from techpay.official.roles import pay_code

    everything = data.catalog()
    record = everything.record
    roles = select(everything.roles, record["clusters"], selection, record["synonyms"])
    return {code for role in roles if (code := pay_code(role)) is not None}


def _places(
    bundle: Bundle, places: Sequence[str], states: bool, metros: bool
) -> tuple[list[str], list[AreaRecord]]:
    """The area types wanted whole, and the places named; every area when none is given."""
    from techpay.commands.places import find_places

    if not places and not states and not metros:
        return list(AREA_TYPES), []
    types = [kind for kind, wanted in (("state", states), ("metro", metros)) if wanted]
    return types, find_places(places, bundle.areas())


def _write(
    chosen: Chosen, facts: dict[str, str], output_format: str, output: str | None, force: bool
) -> None:
    from techpay.core.files import write_atomically

    to_stdout = output is None or output == STDOUT
    if output_format == "sqlite":
        if to_stdout:
            raise UsageError("the sqlite format needs a file: add -o FILE")
        write_atomically(output, _sqlite_writer(chosen, facts, output), force=force)  # type: ignore[arg-type]
    else:
        chunks = _text(chosen, facts, output_format)
        if to_stdout:
            _to_stdout(chunks())
            return
        write_atomically(
            output,  # type: ignore[arg-type]
            _text_writer(chunks),
            force=force,
            terminal_text=lambda: "".join(_for_terminal(chunks())),
        )
    plural = "" if chosen.written == 1 else "s"
    release = f"{facts['source']} {facts['release']}"
    note(f"Wrote {chosen.written:,} row{plural} of {release} to {literal_text(output or '')}.")


def _text(chosen: Chosen, facts: dict[str, str], output_format: str) -> Callable[[], Iterator[str]]:
    """What makes the text, afresh each time it is called."""
    from techpay.render import official_export

    if output_format == "csv":
        return lambda: official_export.csv_chunks(chosen.rows(), facts["source"], facts["release"])
    return lambda: official_export.json_chunks(chosen.rows(), facts)


def _to_stdout(chunks: Iterator[str]) -> None:
    from techpay.commands.output import is_terminal

    if is_terminal(sys.stdout):
        chunks = _for_terminal(chunks)
    for chunk in chunks:
        sys.stdout.write(chunk)


def _for_terminal(chunks: Iterator[str]) -> Iterator[str]:
    """What a terminal is shown: data cannot act on it (see ``export.for_terminal``)."""
    from techpay.render.export import for_terminal

    return (for_terminal(chunk, "csv") for chunk in chunks)


def _text_writer(chunks: Callable[[], Iterator[str]]) -> Callable[[str], None]:
    def write(path: str) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(chunks())

    return write


def _sqlite_writer(chosen: Chosen, facts: dict[str, str], output: str) -> Callable[[str], None]:
    """What writes the SQLite file; SQLite's own failures (a full disk) say which file."""

    def write(path: str) -> None:
        import sqlite3

        from techpay.core.targets import CannotWrite
        from techpay.render.official_export import write_sqlite

        try:
            write_sqlite(chosen.rows(), facts, path)
        except sqlite3.Error as error:
            raise CannotWrite(output, str(error)) from None

    return write
