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
# (imports under TYPE_CHECKING are free). The start-up machinery sits beside the CLI, above it.
LAYERS = [
    ("base", {"core", "core.errors", "core.names", "core.records", "core.paths",
              "core.selection", "core.rules"}),
    ("models", {"core.models", "core.fastvalues", "core.fastmodels", "core.fastcheck"}),
    ("load", {"core.documents", "core.validation", "core.dataset", "core.layers", "core.files",
              "core.sources", "core.fasttypes", "core.fastgen", "official",
              "official.build", "official.bundle", "official.places", "official.roles",
              "official.flat", "official.store", "official.tabfiles", "official.sources",
              "official.cells"}),
    ("queries", {"core.queries", "core.career", "official.estimates", "official.tiles",
                 "official.judge", "official.search"}),
    ("render", {"render", "render.data", "render.release", "render.axis", "render.export",
                "render.views", "render.career",
                "render.plain", "render.chart", "render.official", "render.layout", "render.map",
                "render.offer", "render.official_export"}),
    ("answers", {"commands", "commands.output", "commands.answers", "commands.offers",
                 "commands.places", "commands.occupations", "commands.explore",
                 "commands.career", "commands.official", "commands.manage", "commands.handlers",
                 "commands.official_export", "start", "start.cache", "start.cachefile"}),
    ("cli", {"cli", "cli.app", "cli.options", "cli.explore", "cli.career", "cli.official",
             "cli.pay", "cli.manage", "cli.wording", "cli.official_data", "cli.grammar"}),
    ("start-up", {"start.grammar", "start.fast", "start.launcher", "__main__"}),
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
            "render.career",
            "render.chart",
            "render.official",
            "render.layout",
            "render.map",
            "render.offer",
        }
    ),
    "pydantic": lambda module: (
        module in {"core.models", "core.validation", "core.fasttypes", "core.fastgen"}
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
