"""Plainly valid data, checked without pydantic: the common case of loading, made cheap.

Importing pydantic and building the models costs about 0.1 s, more than everything else a
run with an empty cache does for the bundled data: measured, a cold ``list --json`` took
16.6x an interpreter's start-up with them and 5.6x without; with 10,000 roles, pydantic's
import and validation took about 0.35 s of 1.9 s. So the loader first asks
:func:`plain_record`, which accepts a document only when every value is plainly what the
models of :mod:`techpay.core.models` want (the right type exactly, nothing to coerce, within
their limits) and builds the record that ``Dataset.model_validate(raw).to_record()`` would.
Anything else, however slightly off (a number written as text, a repeated tag, an unknown
key, a missing field), gives None and pydantic decides: every message about invalid data
still comes from the models.

The models are the one declaration of the format: :mod:`techpay.core.fastgen` writes them
out as :mod:`techpay.core.fastmodels`, a function per model made of the checks of
:mod:`techpay.core.fastvalues`, which holds a twin of each of the models' own validators.
tests/test_cold_path.py checks that the written-out models are the models' and that both
ways agree on the bundled data and on generated documents, field order and defaults included.
"""

from __future__ import annotations

from techpay.core.fastmodels import dataset
from techpay.core.fastvalues import NotPlain

TYPE_CHECKING = False
if TYPE_CHECKING:
    from techpay.core.records import DatasetRecord


def plain_record(raw: dict[str, object]) -> DatasetRecord | None:
    """The record of a plainly valid document, as the models would give it; else None."""
    try:
        record: DatasetRecord = dataset(raw)  # type: ignore[assignment]
    except NotPlain:
        return None
    return record
