"""Every console example in the README prints what the README says it prints.

The examples run as a user would type them (bash, the installed command, 80 columns, no
colour); ``python scripts/readme_examples.py --update`` rewrites the README when the output
changes on purpose.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "readme_examples", ROOT / "scripts/readme_examples.py"
)
assert _spec is not None
assert _spec.loader is not None
readme = importlib.util.module_from_spec(_spec)
sys.modules["readme_examples"] = readme  # dataclasses look their module up by name
_spec.loader.exec_module(readme)

LINES = readme.README.read_text(encoding="utf-8").splitlines()
EXAMPLES = readme.examples(LINES)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return readme.workspace(LINES, tmp_path_factory.mktemp("readme"))


def test_the_readme_has_examples_and_the_files_they_read():
    assert len(EXAMPLES) >= 30
    assert {"local-bands.toml", "broken.toml", "inverted.toml"} <= set(readme.files(LINES))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: f"line{example.line + 1}")
def test_the_example_prints_what_the_readme_shows(example, workspace):
    if "jq" in example.runnable and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    status, actual = readme.run(example, workspace, str(Path(sys.executable).parent))
    if not example.output:
        assert status == 0, f"$ {example.command} failed: {actual}"
        return
    shown = actual[: len(example.expected)] if example.partial else actual
    assert shown == example.expected, "run: python scripts/readme_examples.py --update"
