"""The handlers of the commands about the data: about, validate, export, init, schema (see
``techpay.commands.handlers``)."""

from __future__ import annotations

import os
import sys

from techpay.commands.output import emit, is_terminal, note, warn
from techpay.core.errors import EXIT_ERROR, UsageError, literal_text
from techpay.core.queries import select
from techpay.core.selection import Selection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from techpay.commands.handlers import Data
    from techpay.core.records import DatasetRecord, RoleRecord

STDOUT = "-"


def about(data: Data, *, json_output: bool) -> None:
    from techpay.core.queries import official_median
    from techpay.official.bundle import open_bundle
    from techpay.official.estimates import LABEL, average_premium
    from techpay.official.worth import provenance

    everything = data.catalog()
    roles = everything.roles
    without = [role["id"] for role in roles if official_median(role) is None]
    document = {
        "source": everything.record["source"],
        "roles": len(roles),
        "official": official_provenance(open_bundle().meta()),
        "official_premium": {
            "label": LABEL,
            "average_percent": average_premium(roles),
            "roles_counted": len(roles) - len(without),
            "roles_without_official_figures": without,
        },
        "worth": provenance(),
    }

    def view() -> object:
        from techpay.render import views

        return views.about_view(document)

    emit(json_output, lambda: document, view)


OFFICIAL_CAVEATS = [
    "Wage and salary workers only: the self-employed are not included.",
    "Straight-time gross pay, as BLS defines its wages: the base rate, commissions,"
    " production bonuses and tips are in; overtime, shift differentials, nonproduction"
    " bonuses (year-end, holiday) and benefits are not.",
    "Some wages BLS flags as top-coded (equal to or greater than {top_code} a year,"
    " {top_code_hourly} an hour) and gives no number for; but BLS publishes wages above that"
    " amount too, so a flagged wage is shown as at least the larger of that amount and the"
    " highest percentile published below it.",
    "Where BLS publishes an hourly wage, the annual wage is that hourly wage times 2,080"
    " hours (a full-time year), however the occupation is paid.",
    "Where BLS published an occupation's wages hourly only (actors, dancers, musicians),"
    " they are shown per hour, never annualised.",
    "BLS cannot vouch for the data or analyses derived from these data after the data have"
    " been retrieved from BLS.gov.",
]


def official_provenance(meta: dict[str, str]) -> dict[str, object]:
    """The bundle's facts as ``about`` shows them."""
    import json

    return {
        "source": meta.get("source"),
        "release": meta.get("release"),
        "release_code": meta.get("release_code"),
        "published": meta.get("published"),
        "retrieved": meta.get("retrieved"),
        "upstream": meta.get("upstream"),
        "source_files": json.loads(meta.get("source_files", "{}")),
        "not": official_caveats(meta),
    }


def official_caveats(meta: dict[str, str]) -> list[str]:
    """What the official figures are not, with the release's own top code."""
    top_code = f"${int(meta.get('top_code', '239200')):,}"
    hourly = f"${meta.get('top_code_hourly', '115.00')}"
    return [text.format(top_code=top_code, top_code_hourly=hourly) for text in OFFICIAL_CAVEATS]


def validate(data: Data, *, files: list[str], json_output: bool) -> int | None:
    from techpay.commands.offerfiles import offers_files, offers_problems
    from techpay.core.comparisons import mixed_currencies_warning
    from techpay.core.dataset import check_layers
    from techpay.render.data import dumps

    offers = offers_files(files)
    roles = [path for path in files if path not in offers]
    merged, problems = check_layers(roles, bundled=data.bundled)
    for path in offers:
        problems += offers_problems(path, data.catalog())
    mixed = mixed_currencies_warning(merged["roles"])
    if mixed:  # worth knowing, not a problem: the files stay valid
        warn(mixed)
    if json_output:
        sys.stdout.write(dumps([problem.as_dict() for problem in problems]))
    else:
        sys.stdout.writelines(f"{problem}\n" for problem in problems)
    if problems:
        count, in_files = len(problems), len({problem.file for problem in problems})
        note(f"{count} problem{'s' if count > 1 else ''} in {in_files} file(s).")
        return EXIT_ERROR
    note(f"{len(files)} file{'s' if len(files) > 1 else ''} valid.")
    return None


def export_roles(
    data: Data,
    *,
    output_format: str | None,
    output: str | None,
    force: bool,
    official: bool,
    occupation: list[str] | None,
    places: list[str] | None,
    states: bool,
    metros: bool,
    **selection: Any,
) -> None:
    chosen = Selection.from_options(selection)
    if official:
        from techpay.commands.official_export import export_official

        export_official(
            data,
            output_format=output_format or "csv",
            output=output,
            force=force,
            selection=chosen,
            occupations=occupation or [],
            places=places or [],
            states=states,
            metros=metros,
        )
        return
    if occupation or places or states or metros:
        raise UsageError(
            "--occupation, --in, --states and --metros choose what --official exports:"
            " add --official"
        )
    _write_roles(data, chosen, output_format or "toml", output, force)


def _write_roles(
    data: Data, selection: Selection, output_format: str, output: str | None, force: bool
) -> None:
    """The roles the selection keeps, in a format of :data:`techpay.render.export.FORMATS`."""
    import functools

    from techpay.core.dataset import as_document
    from techpay.core.files import write_atomically, write_text_atomically
    from techpay.render import export

    everything = data.catalog()
    roles = select(
        everything.roles, everything.record["clusters"], selection, everything.record["synonyms"]
    )
    if output_format == "sqlite":
        if output is None or output == STDOUT:
            raise UsageError("the sqlite format needs a file: add -o FILE")
        write_atomically(output, _sqlite_writer(everything.record, roles, output), force=force)
    else:
        document = as_document({**everything.record, "roles": roles})
        rendered = {
            "toml": lambda: export.toml_text(document),
            "json": lambda: export.json_text(document),
            "csv": lambda: export.csv_text(roles, *_tags_and_premiums(roles)),
            "markdown": lambda: export.markdown_text(roles, _tags_and_premiums(roles)[0]),
        }[output_format]()
        if output is None or output == STDOUT:
            on_terminal = is_terminal(sys.stdout)
            sys.stdout.write(
                export.for_terminal(rendered, output_format) if on_terminal else rendered
            )
            return
        shown = functools.partial(export.for_terminal, output_format=output_format)
        write_text_atomically(output, rendered, force=force, for_terminal=shown)
    note(f"Wrote {len(roles)} role{'s' if len(roles) != 1 else ''} to {literal_text(output)}.")


def _tags_and_premiums(
    roles: list[RoleRecord],
) -> tuple[list[list[str]], list[float | None]]:
    """What export writes beside each role's record, in the roles' order: its skill tags,
    and its range midpoint's premium over the official median (an estimate)."""
    from techpay.core.queries import role_tags
    from techpay.official.estimates import premium

    return [role_tags(role) for role in roles], [premium(role) for role in roles]


def _sqlite_writer(
    record: DatasetRecord, roles: list[RoleRecord], output: str
) -> Callable[[str], None]:
    """What writes the SQLite file; SQLite's own failures (a full disk) say which file."""

    def write(path: str) -> None:
        import sqlite3

        from techpay.core.targets import CannotWrite
        from techpay.render.export_sqlite import write_sqlite

        try:
            write_sqlite(record, roles, _tags_and_premiums(roles)[0], path)
        except sqlite3.Error as error:
            raise CannotWrite(output, str(error)) from None

    return write


def init(data: Data, *, path: str | None, offers: bool, force: bool) -> None:
    from techpay.core.files import write_text_atomically
    from techpay.render.export import starter_text

    if offers:
        from techpay.commands.offerfiles import init_offers

        init_offers(path, force)
        return
    path = "techpay-roles.toml" if path is None else path
    if path == STDOUT:
        sys.stdout.write(starter_text("my-roles.toml"))
        return
    import shlex

    # The file names itself in a comment: a name that is not text (bytes the system gave
    # back as surrogates) is written with U+FFFD in their place.
    name = os.path.basename(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    write_text_atomically(path, starter_text(name), force=force)
    typed = literal_text(shlex.quote(path))
    note(f"Wrote {literal_text(path)}. Try: techpay --data {typed} show platform-engineer")


def schema(data: Data, *, offers: bool) -> None:
    from techpay.core.documents import MAX_FILE_BYTES
    from techpay.core.models import Dataset
    from techpay.render.data import dumps

    if offers:
        from techpay.commands.offerfiles import offers_schema

        sys.stdout.write(dumps(offers_schema()))
        return
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Dataset.model_json_schema(),
        "x-techpay-max-file-bytes": MAX_FILE_BYTES,
    }
    sys.stdout.write(dumps(document))
