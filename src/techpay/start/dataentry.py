"""The data's cache entry: what it holds, how it is built, and how commands read it.

An entry of the start-up cache (:mod:`techpay.start.cache`) holds the validated dataset
with each role's national official figures, the role names, every sort order of
``SORT_KEYS`` and the pre-rendered JSON of every role, each in a section of its own: a
TAB completion reads the names; ``list --json`` reads the sort orders and the JSON. The
command handlers read it as :class:`DataEntry`, handed to them by the start-up code
(they never import it: see ``techpay.commands.handlers.Stored``).
"""

from __future__ import annotations

import marshal

from techpay.core.errors import CacheCorrupt
from techpay.start import cache, cachefile

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from techpay.core.dataset import Catalog, RoleNames
    from techpay.core.records import DatasetRecord


class DataEntry:
    """The data's sections of a cache entry, each read and decoded on first use."""

    def __init__(self, entry: cache.Entry) -> None:
        self.entry = entry

    def names(self) -> RoleNames:
        from techpay.core.dataset import RoleNames

        names: tuple[dict[str, list[str]], list[str], list[str]] = self.entry.section("names")
        return RoleNames(*names)

    def record(self) -> DatasetRecord:
        """The whole validated dataset."""
        record: DatasetRecord = self.entry.section("record")
        return record

    def order(self, sort: str, reverse: bool = False) -> list[int]:
        """The roles' positions in a sort order of ``SORT_KEYS``, found when it was built."""
        name = f"{sort}:reverse" if reverse else sort
        return list(memoryview(self.entry.section("orders")[name]).cast("I"))

    def catalog(self) -> Catalog:
        from techpay.core.dataset import Catalog

        return Catalog(self.record(), self.names())

    def roles_json(self, order: Sequence[int]) -> list[bytes | memoryview]:
        """The pieces of the JSON array of the roles at these positions, exactly as
        ``--json`` prints it, taken from the pre-rendered text without copying it."""
        if not order:
            return [b"[]\n"]
        text, spans = self.entry.raw("json"), self.entry.raw("json_spans").cast("I")
        rank = memoryview(self.entry.section("orders")["rank"]).cast("I")
        if list(rank[: len(order)]) == list(order):  # the default order, maybe cut short
            return [b"[\n", text[spans[2 * order[0]] : spans[2 * order[-1] + 1]], b"\n]\n"]
        pieces: list[bytes | memoryview] = [b"[\n"]
        for count, index in enumerate(order):
            item = text[spans[2 * index] : spans[2 * index + 1]]
            pieces += [b",\n", item] if count else [item]
        pieces.append(b"\n]\n")
        return pieces


def entry_for(files: Sequence[str], *, bundled: bool = True, rebuild: bool = False) -> DataEntry:
    """The dataset's entry: from a fresh cache file, or loaded, validated and then cached.

    Raises :class:`~techpay.core.errors.DataError` for invalid data, exactly as loading does.
    """
    from techpay.core.dataset import layer_paths

    layers = layer_paths(files, bundled=bundled)
    entry = None if rebuild else cached(layers)
    return entry or _load_and_store(files, data_inputs(layers), layers, bundled=bundled)


def cached(layers: Sequence[str]) -> DataEntry | None:
    """The fresh cached entry of these data layers, if there is one."""
    entry = cache.read("data", data_inputs(layers), layers)
    return None if entry is None else DataEntry(entry)


def load_catalog(files: Sequence[str], *, bundled: bool = True) -> Catalog:
    """The catalog of the dataset, through the cache."""
    try:
        return entry_for(files, bundled=bundled).catalog()
    except CacheCorrupt:
        return entry_for(files, bundled=bundled, rebuild=True).catalog()


def data_inputs(layers: Sequence[str]) -> list[str]:
    """What a data entry depends on: the data layers, and the official-data bundle (the
    roles carry their official figures)."""
    from techpay.official.bundle import bundle_path

    return [*layers, bundle_path()]


def _load_and_store(
    files: Sequence[str], inputs: Sequence[str], layers: Sequence[str], *, bundled: bool
) -> DataEntry:
    """Load the data, and cache it only if no input changed from before reading it to
    after: an entry must never hold other content than its stamp names."""
    import time

    taken_at_ns = time.time_ns()
    stamp = cache.key(inputs)  # before reading, so a save during the load shows up below
    blobs = _built(files, inputs[-1], bundled=bundled)
    folder = cache.directory()
    unchanged = (
        stamp is not None and cache.settled(stamp, taken_at_ns) and cache.key(inputs) == stamp
    )
    if folder is not None and unchanged:
        path = cache.entry_path(folder, "data", layers)
        cachefile.store(path, cache.encoded_key(stamp), blobs)
    return DataEntry(cache.Entry.in_memory(blobs))


def _built(files: Sequence[str], bundle: str, *, bundled: bool) -> dict[str, bytes]:
    """The sections of the data's entry, loaded and built with the cyclic garbage collector
    paused (and then as it was).

    Parsing and validating allocate hundreds of thousands of dicts and lists that all stay
    alive, and every so many allocations a collection walks them all again for nothing
    (records hold no cycles). Measured on a cold load of 10,000 roles: ~14% saved while
    pydantic validated it, ~4% (~50 ms) with :mod:`techpay.core.fastcheck`.
    """
    import gc

    from techpay.core.dataset import load_layers

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _sections(_with_official(load_layers(files, bundled=bundled), bundle))
    finally:
        if was_enabled:
            gc.enable()


def _with_official(catalog: Catalog, bundle: str) -> Catalog:
    """The catalog with each role's national official figures, from a verified bundle."""
    from techpay.official.bundle import open_bundle
    from techpay.official.roles import attach

    cache.verify_bundle(bundle)
    attach(catalog.roles, open_bundle(bundle))
    return catalog


def _sections(catalog: Catalog) -> dict[str, bytes]:
    """The sections of a data entry: marshalled values, and the role JSON as raw ASCII."""
    import array

    from techpay.commands.figures import role_object
    from techpay.core.queries import SORT_KEYS, reversed_order, sort_roles
    from techpay.render import data

    roles = catalog.roles
    position = {role["id"]: index for index, role in enumerate(roles)}
    positions: dict[str, list[int]] = {}
    for sort_key in SORT_KEYS:
        ordered = sort_roles(roles, sort_key)
        positions[sort_key] = [position[role["id"]] for role in ordered]
        reverse = reversed_order(ordered, sort_key)
        positions[f"{sort_key}:reverse"] = [position[role["id"]] for role in reverse]
    orders = {sort_key: array.array("I", order).tobytes() for sort_key, order in positions.items()}
    # Each role as an item of a --json array, laid out in rank order with the separators
    # in place: list --json in the default order is then one slice of the file.
    rank_order = positions["rank"]
    spans = array.array("I", bytes(8 * len(roles)))  # role index -> (start, end) in the text
    pieces: list[bytes] = []
    cursor = 0
    for index in rank_order:
        if pieces:
            pieces.append(b",\n")
            cursor += 2
        item = data.item_json(role_object(roles[index])).encode("ascii")
        spans[2 * index], spans[2 * index + 1] = cursor, cursor + len(item)
        pieces.append(item)
        cursor += len(item)
    names = catalog.role_names
    record: Any = catalog.record
    return {
        "names": marshal.dumps((names.index, names.ids, names.typed)),
        "orders": marshal.dumps(orders),
        "json": b"".join(pieces),
        "json_spans": spans.tobytes(),
        "record": marshal.dumps(record),
    }
