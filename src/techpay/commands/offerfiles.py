"""The offers file in the commands about data files: ``init --offers`` writes the starter,
``schema --offers`` prints its JSON Schema, and ``validate`` checks a file that lists
``offers`` (see :mod:`techpay.core.offerfile`)."""

from __future__ import annotations

import sys

from techpay.commands.output import note
from techpay.core.errors import literal_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from techpay.core.dataset import Catalog
    from techpay.core.errors import Problem

STDOUT = "-"
STARTER_NAME = "offers.toml"


def init_offers(path: str | None, force: bool) -> None:
    """Write the commented starter offers file (``-``: to stdout), atomically, never over a
    file without ``force``."""
    import shlex

    from techpay.core.files import write_text_atomically
    from techpay.core.offerfile import OFFERS_STARTER

    path = STARTER_NAME if path is None else path
    if path == STDOUT:
        sys.stdout.write(OFFERS_STARTER)
        return
    write_text_atomically(path, OFFERS_STARTER, force=force)
    note(f"Wrote {literal_text(path)}. Try: techpay offers {literal_text(shlex.quote(path))}")


def offers_schema() -> dict[str, object]:
    """The JSON Schema of the offers file."""
    from techpay.core.documents import MAX_FILE_BYTES
    from techpay.core.offerfile import OffersFile

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **OffersFile.model_json_schema(by_alias=True),
        "x-techpay-max-file-bytes": MAX_FILE_BYTES,
    }


def offers_files(files: Sequence[str]) -> list[str]:
    """The files that are offers files: a table with ``offers`` and no ``roles`` at its top
    (one that cannot be read is left to the data files' checks, which report it); ``-``,
    standard input, is always taken for one (role files are read by name)."""
    from techpay.core.documents import STDIN, read_document
    from techpay.core.errors import DataError

    found = []
    for path in files:
        if path == STDIN:
            found.append(path)
            continue
        try:
            raw = read_document(path)
        except DataError:
            continue
        if "offers" in raw and "roles" not in raw:
            found.append(path)
    return found


def offers_problems(path: str, catalog: Catalog) -> list[Problem]:
    """Every problem of an offers file, each at its field path: its form, then each offer's
    role and place that names none (or several)."""
    from techpay.commands.answers import occupation_code
    from techpay.commands.places import find_place
    from techpay.core.documents import read_document, shown_name
    from techpay.core.errors import DataError, Problem, TechpayError
    from techpay.core.offerfile import check_offers
    from techpay.official.bundle import open_bundle

    top = "expected a table with [[offers]] at the top"
    try:
        raw = read_document(path, top=top, stdin=True)
    except DataError as error:
        return error.problems
    path = shown_name(path)
    problems = check_offers(raw, path)
    said = {problem.field for problem in problems}
    areas = open_bundle().areas()
    offers = raw.get("offers")
    for index, offer in enumerate(offers if isinstance(offers, list) else []):
        for field in ("role", "place"):
            name = offer.get(field) if isinstance(offer, dict) else None
            at = f"offers[{index}].{field}"
            if not isinstance(name, str) or at in said:
                continue
            try:
                if field == "role":
                    occupation_code(catalog, name)
                else:
                    find_place(name, areas)
            except TechpayError as error:
                problems.append(Problem(path, str(error), field=at))
    return sorted(problems, key=_offer_number)


def _offer_number(problem: Problem) -> int:
    """The offer a problem is in (``offers[2].role``: 2), to list them in file order; -1
    for the file as a whole."""
    field = problem.field or ""
    if not field.startswith("offers["):
        return -1
    return int(field[len("offers[") : field.index("]")])
