"""Every command's handler, by command path, and how a command runs.

A handler takes the data the command reads (:class:`Data`) and the command's parameters
as keywords, named and valued as the Typer command declares them; it prints the answer
and returns the exit code (None for 0). The Typer commands in ``techpay.cli`` and the
fast path in ``techpay.start.fast`` both call :func:`run`, so each command is defined
once; tests/test_grammar.py checks that every handler takes exactly its command's
parameters.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from techpay.core.dataset import Catalog
    from techpay.start.cache import Entry

    Handler = Callable[..., int | None]

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
    ``bundled`` is false), loaded through the cache when first asked for."""

    def __init__(self, files: Sequence[str], bundled: bool = True, rebuild: bool = False) -> None:
        self.files = list(files)
        self.bundled = bundled
        self._rebuild = rebuild
        self._entry: Entry | None = None

    def entry(self) -> Entry:
        """The cache entry of the data: sections read and decoded as they are used."""
        if self._entry is None:
            from techpay.start.cache import entry_for

            self._entry = entry_for(self.files, bundled=self.bundled, rebuild=self._rebuild)
        return self._entry

    def catalog(self) -> Catalog:
        return self.entry().catalog()


def run(handler: Handler, files: Sequence[str], bundled: bool, params: Mapping[str, object]) -> int:
    """Run a handler and return its exit code; a damaged cache entry is built again, once."""
    from techpay.start.cache import CacheCorrupt

    try:
        return handler(Data(files, bundled), **params) or 0
    except CacheCorrupt:
        return handler(Data(files, bundled, rebuild=True), **params) or 0
