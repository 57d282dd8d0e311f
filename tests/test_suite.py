"""The suite itself: generated examples the same on every run, coverage of every process."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def drawn_in_a_run() -> list[str]:
    drawn: list[str] = []

    @given(st.text())
    def record(text: str) -> None:
        drawn.append(text)

    record()
    return drawn


def test_the_ci_profile_draws_the_same_examples_on_every_run():
    """So that two runs of the suite cover the same lines."""
    assert settings.default.max_examples == 50
    first = drawn_in_a_run()
    assert len(first) >= 10
    assert drawn_in_a_run() == first


def test_a_tests_own_count_scales_with_the_profile():
    assert examples(400) == 200
    assert settings.get_profile("nightly").max_examples == 1000  # 400 would be 4,000
    assert settings.get_profile("nightly").derandomize is False


def test_coverage_measures_every_process_the_tests_start():
    """The xdist workers and the installed command write data files of their own, which
    ``coverage combine`` joins: start/launcher.py runs only in such a process."""
    run = PYPROJECT["tool"]["coverage"]["run"]
    assert run["parallel"] is True
    assert run["patch"] == ["subprocess"]
    assert run["branch"] is True


def test_only_modules_that_never_run_are_left_out_of_coverage():
    (omitted,) = PYPROJECT["tool"]["coverage"]["run"]["omit"]
    module = ROOT / "src" / omitted.removeprefix("*/")
    assert module.name == "records.py"
    lines = module.read_text(encoding="utf-8").splitlines()
    imports = [line for line in lines if line.startswith(("import ", "from "))]
    assert imports == [
        "from __future__ import annotations",
        "from typing import NotRequired, TypedDict",
    ]
    for path in (ROOT / "src" / "techpay").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "techpay.core.records import" in line:  # only for type checking
                assert line.startswith("    "), f"{path.name} imports records at run time"


def test_the_readmes_test_command_runs_in_parallel_and_combines_coverage():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    command = readme[readme.index("<!-- ci: setup-and-test -->") + 2]
    assert "coverage run -m pytest -n auto --dist loadfile" in command
    assert command.endswith("&& coverage combine -q && coverage report")
