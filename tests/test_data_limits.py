"""Data past the limits of the parsers or of a sane salary: one line naming the file, exit 1."""

from __future__ import annotations

import json

import pytest

from conftest import run_techpay
from techpay.core.models import MAX_SALARY

ROLE_TOML = '[[roles]]\nid = "x"\ntitle = "X"\nsalary = {{ min = 1, max = {max} }}\n'
ROLE_JSON = '{{"roles": [{{"id": "x", "title": "X", "salary": {{"min": 1, "max": {max}}}}}]}}'


def data_file(tmp_path, suffix: str, max_salary: str) -> str:
    template = ROLE_JSON if suffix == ".json" else ROLE_TOML
    path = tmp_path / f"roles{suffix}"
    path.write_text(template.format(max=max_salary), encoding="utf-8")
    return str(path)


def nested_file(tmp_path, suffix: str, depth: int) -> str:
    nested = "[" * depth + "]" * depth
    path = tmp_path / f"deep{suffix}"
    text = f'{{"x": {nested}}}' if suffix == ".json" else f"x = {nested}\n"
    path.write_text(text, encoding="utf-8")
    return str(path)


COMMANDS = [("validate", "{path}"), ("--data", "{path}", "list"), ("--data", "{path}", "chart")]


def run_each(command_templates, path):
    for template in command_templates:
        yield [part.format(path=path) for part in template]


@pytest.mark.parametrize("suffix", [".toml", ".json"])
@pytest.mark.parametrize("digits", [4301, 5000, 20_000])
def test_an_integer_too_long_to_convert_is_a_data_error(cli, tmp_path, suffix, digits):
    path = data_file(tmp_path, suffix, "9" * digits)
    for args in run_each(COMMANDS, path):
        result = cli(*args)
        assert result.exit_code == 1
        assert f"{path}: an integer too long to convert (over 4,300 digits)\n" in result.stdout + (
            result.stderr
        )
        assert "internal error" not in result.stderr


@pytest.mark.parametrize("suffix", [".toml", ".json"])
@pytest.mark.parametrize("depth", [1_000, 5_000, 100_000])
def test_data_nested_deeper_than_the_parser_allows_is_a_data_error(cli, tmp_path, suffix, depth):
    path = nested_file(tmp_path, suffix, depth)
    result = cli("--data", path, "list")
    assert result.exit_code == 1
    assert result.stderr == (
        f"techpay: {path}: data nested deeper than the parser allows"
        " (is this a techpay data file?)\n"
    )


def test_the_real_command_reports_deep_nesting_without_a_traceback(tmp_path):
    path = nested_file(tmp_path, ".toml", 100_000)
    result = run_techpay("--data", path, "show", "sre")
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"techpay: {path}: data nested deeper")
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("suffix", [".toml", ".json"])
@pytest.mark.parametrize(
    "max_salary", [str(MAX_SALARY + 1), "10000000000000", "100000000000000", str(2**63)]
)
@pytest.mark.parametrize(
    "command",
    [
        ("chart",),
        ("compare", "x", "sre"),
        ("path", "sre", "x"),
        ("export", "--format", "sqlite", "-o", "{tmp}/out.db"),
    ],
)
def test_salaries_too_large_to_draw_store_or_compare_are_refused(
    cli, tmp_path, suffix, max_salary, command
):
    """Above the schema's bound every command says which field, instead of failing later."""
    path = data_file(tmp_path, suffix, max_salary)
    args = [part.format(tmp=tmp_path) for part in command]
    result = cli("--data", path, *args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"techpay: {path}: role 'x' -> salary.max: must be at most 10,000,000,000 a year"
        f" (got {max_salary})\n"
    )
    assert not (tmp_path / "out.db").exists()


def test_the_largest_allowed_salary_still_works_everywhere(cli, tmp_path):
    path = data_file(tmp_path, ".toml", str(MAX_SALARY))
    for args in (["chart"], ["compare", "x", "sre", "--json"], ["path", "sre", "x"]):
        assert cli("--data", path, *args).exit_code == 0
    stored = cli("--data", path, "export", "--format", "sqlite", "-o", str(tmp_path / "ok.db"))
    assert stored.exit_code == 0


def test_the_schema_states_the_bound(cli):
    schema = json.loads(cli("schema").stdout)
    salary = schema["$defs"]["Salary"]
    assert salary["properties"]["min"]["maximum"] == MAX_SALARY == 10_000_000_000
    assert salary["properties"]["max"]["maximum"] == MAX_SALARY
    assert "10,000,000,000" in salary["description"]
