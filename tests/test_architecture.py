"""The layers import downward only, and the core never imports a UI framework."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import techpay

PACKAGE = Path(techpay.__file__).parent

# Each module's layer. A module may import its own layer and those below it, never above
# (imports under TYPE_CHECKING are free). The start-up machinery sits beside the CLI: its cache
# below the CLI (which reads through it), the fast path and launcher above.
LAYERS = [
    ("base", {"core", "core.sqlite", "core.exact", "core.errors", "core.names", "core.records",
              "core.paths",
              "core.selection", "core.rules", "core.amounts", "core.absence", "core.terms",
              "core.compensation"}),
    ("models", {"core.models", "core.fastvalues", "core.fastmodels", "core.fastcheck"}),
    ("load", {"core.documents", "core.validation", "core.dataset", "core.layers", "core.files",
              "core.targets", "core.sources", "core.fasttypes", "core.fastgen", "core.offerfile",
              "core.offerplain",
              "official",
              "official.build", "official.bundle", "official.integrity", "official.places",
              "official.roles",
              "official.flat", "official.store", "official.tabfiles", "official.sources",
              "official.cells", "official.release", "official.installed", "official.install",
              "official.upstream", "official.taxes", "official.housing"}),
    ("queries", {"core.queries", "core.comparisons", "core.career", "official.estimates",
                 "official.tiles", "official.judge", "official.search", "official.worth"}),
    ("render", {"render", "render.data", "render.release", "render.axis", "render.export",
                "render.views", "render.career", "render.style", "render.tables", "render.local",
                "render.bars", "render.export_sqlite",
                "render.plain", "render.chart", "render.official", "render.layout", "render.map",
                "render.offer", "render.official_export", "render.worth", "render.offeryears",
                "render.offers", "render.offerchart"}),
    ("answers", {"commands", "commands.output", "commands.answers", "commands.offers",
                 "commands.figures",
                 "commands.places", "commands.occupations", "commands.explore",
                 "commands.career", "commands.official", "commands.manage", "commands.handlers",
                 "commands.official_export", "commands.worth", "commands.maps",
                 "commands.where", "commands.offeryears", "commands.offerfile",
                 "commands.offerfiles"}),
    ("cache", {"start", "start.cache", "start.cachefile", "start.dataentry"}),
    ("cli", {"cli", "cli.root", "cli.app", "cli.help_command", "cli.options", "cli.explore",
             "cli.career", "cli.official", "cli.pay", "cli.manage", "cli.wording",
             "cli.official_data", "cli.grammar", "cli.worth", "cli.offers"}),
    ("start-up", {"start.grammar", "start.commandline", "start.fast", "start.launcher",
                  "__main__"}),
]  # fmt: skip
RANK = {module: rank for rank, (_, modules) in enumerate(LAYERS) for module in modules}
# Who may use each third-party package at run time.
THIRD_PARTY_USERS = {
    "typer": lambda module: module.startswith("cli"),
    "rich": lambda module: (
        module.startswith("cli")
        or module
        in {
            "render.views",
            "render.style",
            "render.tables",
            "render.local",
            "render.bars",
            "render.career",
            "render.chart",
            "render.official",
            "render.layout",
            "render.map",
            "render.offer",
            "render.worth",
            "render.offeryears",
            "render.offers",
            "render.offerchart",
        }
    ),
    "pydantic": lambda module: (
        module
        in {"core.models", "core.validation", "core.fasttypes", "core.fastgen", "core.offerfile"}
    ),
    "tomli_w": lambda module: module == "render.export",
    "tomli": lambda module: module == "core.documents",
}
THIRD_PARTY = set(THIRD_PARTY_USERS)


def runtime_imports(path: Path) -> set[str]:
    """Modules imported outside ``if TYPE_CHECKING:`` blocks, as techpay-relative names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module.split(".")[0] == "techpay":  # the names may be modules
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    ours = {name.removeprefix("techpay.") for name in found if name.startswith("techpay.")}
    ours = {name for name in ours if is_module(name)}
    theirs = {name.split(".")[0] for name in found} & THIRD_PARTY
    return ours | theirs


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(part for part in parts if part != "__init__")


def is_module(name: str) -> bool:
    path = PACKAGE.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or path.is_dir()


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=module_name)
def test_each_module_imports_only_its_own_and_lower_layers(path):
    name = module_name(path)
    if name == "":
        return  # the package marker holds no imports
    assert name in RANK, f"new module {name}: give it a place in LAYERS"
    imports = runtime_imports(path)
    upward = {other for other in imports - THIRD_PARTY if RANK[other] > RANK[name]}
    assert not upward, f"{name} ({LAYERS[RANK[name]][0]}) imports a higher layer: {upward}"
    for package in imports & THIRD_PARTY:
        assert THIRD_PARTY_USERS[package](name), f"{name} may not import {package}"


def all_imports(path: Path) -> set[str]:
    """Every module a file names in an import, under TYPE_CHECKING or in a function too."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


LOWER = ("core", "official", "render", "commands")


@pytest.mark.parametrize(
    "path",
    sorted(path for package in LOWER for path in (PACKAGE / package).rglob("*.py")),
    ids=module_name,
)
def test_the_layers_below_the_start_up_code_never_import_it_or_the_cli(path):
    """The command handlers and what they use are handed the cache; they do not reach up."""
    upward = {
        name
        for name in all_imports(path)
        if name.split(".")[:2] in (["techpay", "start"], ["techpay", "cli"])
    }
    assert not upward, f"{module_name(path)} imports {sorted(upward)}"


def test_json_output_does_not_load_rich_typer_or_pydantic_modules_it_does_not_need():
    """Rendering JSON from records needs none of the UI frameworks."""
    code = (
        "import sys, techpay.render.data, techpay.core.queries;"
        "print(sorted(m for m in ('rich', 'typer', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# What the renderers may take from below them: they format an answer a command's handler
# computed, so they import no module that computes one. Besides each other (and the standard
# library, Rich and tomli_w), only records' types, showing data text literally, where a
# bar's midpoint marker goes and the order currencies are drawn in, the pay map's grid, and
# how cents are rounded to whole dollars.
RENDER_MAY_IMPORT = {
    "techpay.core.records": None,  # any name: types
    "techpay.core.errors": {"literal_text"},
    "techpay.core.absence": None,  # any name: the words for a missing figure
    "techpay.core.queries": {"salary_midpoint", "currency_order"},
    "techpay.core.amounts": {"whole_dollars", "whole_take_home"},  # cents to whole dollars
    "techpay.official.tiles": {"COLUMNS", "ROWS", "TERRITORIES", "is_wage"},
}


def runtime_names(path: Path) -> set[tuple[str, str | None]]:
    """Each techpay module imported outside ``if TYPE_CHECKING:``, with each name taken
    from it (None for ``import module``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[tuple[str, str | None]] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            return
        if isinstance(node, ast.Import):
            found.update((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.update((node.module, alias.name) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {(module, name) for module, name in found if module.split(".")[0] == "techpay"}


RENDERERS = sorted((PACKAGE / "render").glob("*.py"))


@pytest.mark.parametrize("path", RENDERERS, ids=module_name)
def test_renderers_only_format_what_the_commands_computed(path):
    """No renderer computes a figure, an estimate or a note: each command's handler builds
    its answer (``techpay.commands.figures``, ``offers``, ...) and the renderers format it."""
    for module, name in runtime_names(path):
        if module == "techpay.render" or module.startswith("techpay.render."):
            continue
        allowed = RENDER_MAY_IMPORT.get(module, set())
        assert allowed is None or name in allowed, (
            f"{module_name(path)} imports {name} from {module}: compute it in the command's"
            " handler and hand the renderer the value"
        )


def import_graph() -> dict[str, set[str]]:
    """Each techpay module and the techpay modules it imports at run time."""
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        graph[name] = {other for other in runtime_imports(path) - THIRD_PARTY if other != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (Tarjan's
    strongly connected components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.get(module, ()):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def test_the_cycle_finder_finds_a_loop_through_three_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_renderers_import_each_other_in_one_direction():
    """The Rich views build on shared names (``render.style``), never on each other both ways."""
    graph = import_graph()
    renderers = {name: imports for name, imports in graph.items() if name.startswith("render")}
    assert cycles(renderers) == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=module_name)
def test_every_module_stays_small(path):
    """A module past 300 lines is split along a seam that has a name."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 300, f"{module_name(path)} has {lines} lines: split it along a named seam"


def test_no_module_imports_itself_round_a_loop():
    """No import cycle among techpay's modules, at run time (lazy imports included): each
    module can be understood, and imported, after those it uses."""
    assert cycles(import_graph()) == []
