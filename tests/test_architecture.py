"""The layers import downward only, and the core never imports a UI framework."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import techpay

PACKAGE = Path(techpay.__file__).parent

# What each module may import at run time (imports under TYPE_CHECKING are free).
ALLOWED = {
    "errors": set(),
    "names": set(),
    "records": set(),
    "files": {"errors"},
    "models": {"names", "records", "pydantic"},
    "dataset": {"errors", "names", "records", "models", "pydantic"},
    "queries": {"errors", "names", "records"},
    "career": {"errors", "queries", "records"},
    "render.data": {"queries", "records"},
    "render.export": {"queries", "records", "render.data", "tomli_w"},
    "render.views": {"queries", "records", "rich"},
    "render.career": {"records", "render.views", "rich"},
    "render.plain": {"queries", "records"},
    "render.chart": {"queries", "records", "render.views", "rich"},
    "cli": {"cli", "cli.app", "cli.career", "cli.explore", "cli.manage"},
    "cli.career": {"career", "cli.app", "errors", "output", "queries", "render.career", "typer"},
    "output": {"errors", "files", "render"},
    "answers": {
        "career",
        "dataset",
        "output",
        "queries",
        "records",
        "render",
        "render.chart",
        "render.plain",
    },
    "cache": {"dataset", "errors", "queries", "records", "render", "render.data"},
    "fast": {"answers", "cache", "cli", "dataset", "errors", "output", "queries"},
    "cli.app": {"cache", "dataset", "errors", "output", "queries", "records", "typer"},
    "cli.explore": {"answers", "cli.app", "output", "queries", "render.chart", "typer"},
    "cli.manage": {
        "cli.app",
        "dataset",
        "errors",
        "files",
        "models",
        "output",
        "queries",
        "render",
        "typer",
    },
    "launcher": {"errors", "cli", "fast", "output"},
    "__main__": {"launcher"},
}
THIRD_PARTY = {"pydantic", "rich", "typer", "tomli_w"}


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
            if node.module == "techpay":
                found.update(f"techpay.{alias.name}" for alias in node.names)
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
def test_each_module_imports_only_its_lower_layers(path):
    name = module_name(path)
    if name in {"", "render"}:
        return  # package markers hold no imports
    assert name in ALLOWED, f"new module {name}: give it a place in the layers"
    assert runtime_imports(path) <= ALLOWED[name]


def test_json_output_does_not_load_rich_typer_or_pydantic_modules_it_does_not_need():
    """Rendering JSON from records needs none of the UI frameworks."""
    code = (
        "import sys, techpay.render.data, techpay.queries;"
        "print(sorted(m for m in ('rich', 'typer', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
