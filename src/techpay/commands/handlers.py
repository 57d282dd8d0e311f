"""Every command's handler, by command path, and how a command runs.

A handler takes the data the command reads (:class:`Data`) and the command's parameters
as keywords, named and valued as the Typer command declares them (the selection options as
``**selection``, which ``Selection.from_options`` makes one value); it prints the answer
and returns the exit code (None for 0). The Typer commands in ``techpay.cli`` and the
fast path in ``techpay.start.fast`` both call :func:`run`, so each command is defined
once; tests/test_grammar.py checks that every handler takes exactly its command's
parameters.

The data reaches a handler as :class:`Stored`, loaded by the :class:`Load` it is handed: the
start-up cache's (``techpay.start.dataentry.entry_for``), which sits above this layer.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Protocol

    from techpay.core.dataset import Catalog, RoleNames
    from techpay.core.records import DatasetRecord

    Handler = Callable[..., int | None]

    class Stored(Protocol):
        """The validated data as it is stored, each part read on first use. Reading a
        damaged part raises :class:`~techpay.core.errors.CacheCorrupt`."""

        def names(self) -> RoleNames: ...
        def record(self) -> DatasetRecord: ...
        def catalog(self) -> Catalog: ...

        def order(self, sort: str, reverse: bool = False) -> list[int]:
            """The roles' positions in a sort order of ``SORT_KEYS``."""

        def roles_json(self, order: Sequence[int]) -> list[bytes | memoryview]:
            """The pieces of the ``--json`` array of the roles at these positions."""

    class Load(Protocol):
        """Loads the data files (after the bundled data when ``bundled``); afresh, not from
        what is stored, when ``rebuild``."""

        def __call__(self, files: Sequence[str], *, bundled: bool, rebuild: bool) -> Stored: ...


# Command path -> module of techpay.commands and function. Named, not imported: a command
# loads only its own handler's module (the fast path is judged by what it imports).
HANDLERS = {
    "list": "explore.list_roles",
    "show": "explore.show",
    "compare": "explore.compare",
    "filter": "explore.filter_roles",
    "chart": "explore.chart",
    "match": "career.match",
    "path": "career.path",
    "skills": "career.skills",
    "where": "official.where",
    "occupations": "official.occupations",
    "occupation": "official.occupation",
    "offer": "official.offer",
    "map": "official.pay_map",
    "net": "worth.net",
    "offers": "offerfile.offers",
    "official status": "official.status",
    "about": "manage.about",
    "validate": "manage.validate",
    "export": "manage.export_roles",
    "init": "manage.init",
    "schema": "manage.schema",
}


def handler(path: str) -> Handler:
    """The handler of the command at ``path`` (``list``, ``official status``)."""
    import importlib

    module, name = HANDLERS[path].split(".")
    found: Handler = getattr(importlib.import_module(f"techpay.commands.{module}"), name)
    return found


class Data:
    """What a command reads: the user's data files layered over the bundled data (unless
    ``bundled`` is false), loaded by ``load`` when first asked for."""

    def __init__(
        self, files: Sequence[str], bundled: bool, load: Load, rebuild: bool = False
    ) -> None:
        self.files = list(files)
        self.bundled = bundled
        self._load = load
        self._rebuild = rebuild
        self._entry: Stored | None = None

    def entry(self) -> Stored:
        """The data as stored: parts read and decoded as they are used."""
        if self._entry is None:
            self._entry = self._load(self.files, bundled=self.bundled, rebuild=self._rebuild)
        return self._entry

    def catalog(self) -> Catalog:
        return self.entry().catalog()

    def afresh(self) -> Data:
        """The same data, loaded again instead of read from what is stored."""
        return Data(self.files, self.bundled, self._load, rebuild=True)


def run(handler: Handler, data: Data, params: Mapping[str, object]) -> int:
    """Run a handler and return its exit code; damaged stored data is loaded afresh, once."""
    from techpay.core.errors import CacheCorrupt

    try:
        return handler(data, **params) or 0
    except CacheCorrupt:
        return handler(data.afresh(), **params) or 0
