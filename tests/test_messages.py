"""Messages and help speak the user's language: rules about values, never pydantic or Python."""

from __future__ import annotations

import json
import re

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import PLAIN_ENV, examples
from techpay.cli import app
from techpay.core.dataset import check_layers
from techpay.core.errors import EXIT_ERROR, EXIT_USAGE

# Words that belong to pydantic or to Python, not to a person writing a data file.
JARGON = (
    "Input should",
    "String should",
    "Value error",
    "Field required",
    "Extra inputs",
    "pattern '",
    "^[",
    "dictionary",
    "tuple",
    "instance of",
    "valid integer",
    "valid boolean",
    "unable to",
    "True",
    "False",
    "None",
)
ROLE = {"id": "staff-engineer", "title": "Staff Engineer", "salary": {"min": 1, "max": 2}}


def problems_in(tmp_path, document: dict[str, object]) -> list[str]:
    """The problems ``validate`` reports for ``document`` on its own, as printed."""
    path = tmp_path / "roles.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    _, problems = check_layers([str(path)], bundled=False)
    return [str(problem).replace(str(path), "FILE") for problem in problems]


def with_role(**changes: object) -> dict[str, object]:
    return {"roles": [{**ROLE, **changes}]}


def with_salary(**changes: object) -> dict[str, object]:
    return with_role(salary={**ROLE["salary"], **changes})  # type: ignore[dict-item]


FIELD_RULES = [
    # patterns: ids, aliases, clusters, tags, currencies, occupation codes
    (
        with_role(id="Staff_Engineer"),
        "role 'Staff_Engineer' -> id: must be lowercase words joined by hyphens,"
        " like staff-engineer (got 'Staff_Engineer')",
    ),
    (
        with_role(aliases=["SE!"]),
        "role 'staff-engineer' -> aliases[0]: must be lowercase words joined by hyphens,"
        " like staff-engineer (got 'SE!')",
    ),
    (
        {"clusters": {"Platform Team": "x"}, "roles": [ROLE]},
        "clusters: each name must be lowercase words joined by hyphens, like staff-engineer"
        " (got 'Platform Team')",
    ),
    (
        with_role(skills=[{"text": "Go.", "tags": ["go!"]}]),
        "role 'staff-engineer' -> skills[0].tags[0]: must be a lowercase tag like python, c++,"
        " node.js or machine-learning (got 'go!')",
    ),
    (
        {"synonyms": {"golang!": "go"}, "roles": [ROLE]},
        "synonyms: each name must be a lowercase tag like python, c++, node.js or"
        " machine-learning (got 'golang!')",
    ),
    (
        with_salary(currency="usd"),
        "role 'staff-engineer' -> salary.currency: must be a three-letter currency code in"
        " capitals, like USD or EUR (got 'usd')",
    ),
    (
        with_role(occupation={"code": "151252", "title": "Developers", "match": "high"}),
        "role 'staff-engineer' -> occupation.code: must look like NN-NNNN.NN (O*NET-SOC) or"
        " NN-NNNN (SOC) (got '151252')",
    ),
    # bounds
    (with_salary(min=0), "role 'staff-engineer' -> salary.min: must be more than 0 (got 0)"),
    (with_role(rank=-3), "role 'staff-engineer' -> rank: must be more than 0 (got -3)"),
    (
        with_salary(min=5, max=1),
        "role 'staff-engineer' -> salary: min (5) is greater than max (1)",
    ),
    # strict numbers, text, true/false
    (with_role(rank="1"), "role 'staff-engineer' -> rank: must be a whole number (got '1')"),
    (with_role(rank=1.5), "role 'staff-engineer' -> rank: must be a whole number (got 1.5)"),
    (with_role(rank=True), "role 'staff-engineer' -> rank: must be a whole number (got true)"),
    (
        with_salary(max="2k"),
        "role 'staff-engineer' -> salary.max: must be a whole number (got '2k')",
    ),
    (with_role(title=5), "role 'staff-engineer' -> title: must be text (got 5)"),
    (with_role(title=None), "role 'staff-engineer' -> title: must be text (got null)"),
    (with_role(title="  "), "role 'staff-engineer' -> title: must not be empty (got '  ')"),
    (
        with_salary(open_ended="maybe"),
        "role 'staff-engineer' -> salary.open_ended: must be true or false (got 'maybe')",
    ),
    (
        with_salary(open_ended=[1]),
        "role 'staff-engineer' -> salary.open_ended: must be true or false (got a list)",
    ),
    (
        {"source": {"title": "x", "year": "2026a"}, "roles": [ROLE]},
        "source.year: must be a whole number (got '2026a')",
    ),
    (
        {"source": {"title": "x", "year": 2026.5}, "roles": [ROLE]},
        "source.year: must be a whole number (got 2026.5)",
    ),
    # choices
    (
        with_role(occupation={"code": "15-1252.00", "title": "Developers", "match": "sure"}),
        "role 'staff-engineer' -> occupation.match: must be 'high', 'medium' or 'low' (got 'sure')",
    ),
    # shapes: lists and tables
    (with_role(aliases="se"), "role 'staff-engineer' -> aliases: must be a list (got 'se')"),
    (with_role(skills={"a": 1}), "role 'staff-engineer' -> skills: must be a list (got a table)"),
    (with_role(salary=150000), "role 'staff-engineer' -> salary: must be a table (got 150000)"),
    (with_role(skills=["Go"]), "role 'staff-engineer' -> skills[0]: must be a table (got 'Go')"),
    ({"clusters": ["ai"], "roles": [ROLE]}, "clusters: must be a table (got a list)"),
    ({"roles": {"id": "x"}}, "roles: must be a list (got a table)"),
    # absent and unknown fields
    (with_role(title=...), "role 'staff-engineer' -> title: required field is missing"),
    (with_role(salery=1), "role 'staff-engineer' -> salery: unknown field"),
]


@pytest.mark.parametrize(("document", "expected"), FIELD_RULES)
def test_each_kind_of_invalid_value_is_named_as_a_rule(tmp_path, document, expected):
    """Every check a data file can fail is reported as the rule the value breaks, and the
    value it has, in the file's own terms (true, a list, a table)."""
    role = document["roles"][0] if isinstance(document["roles"], list) else {}
    if isinstance(role, dict) and role.get("title") is ...:
        del role["title"]
    assert problems_in(tmp_path, document) == [f"FILE: {expected}"]


def test_a_long_value_is_shortened_in_the_message(tmp_path):
    """A long wrong value is quoted by its start, so the message stays one readable line."""
    [problem] = problems_in(tmp_path, with_role(id="X" * 500))
    assert problem.endswith("(got 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX...')")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text("abc", max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)
FIELDS = st.sampled_from(
    [
        ("id",),
        ("rank",),
        ("title",),
        ("aliases",),
        ("clusters",),
        ("summary",),
        ("salary",),
        ("salary", "min"),
        ("salary", "currency"),
        ("salary", "open_ended"),
        ("salary", "note"),
        ("responsibilities",),
        ("skills",),
        ("occupation",),
        ("official_pay",),
        ("why_it_pays",),
    ]
)


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=FIELDS, value=JSON_VALUES)
def test_no_wrong_value_gets_a_programmers_message(tmp_path, field, value):
    """Whatever a role's field holds, each problem is one line in the user's words."""
    role = json.loads(json.dumps(ROLE))
    target = role
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = value
    for problem in problems_in(tmp_path, {"roles": [role]}):
        assert "\n" not in problem
        rule = re.sub(r" \(got .*\)$", "", problem)  # the value quoted may say anything
        assert not [word for word in JARGON if word in rule], problem


class TestOptionValues:
    """A wrong option value names the option and the rule, as a person would say it."""

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["list", "--limit", "0"], "--limit must be at least 1 (got 0)"),
            (["list", "-n", "-2"], "--limit must be at least 1 (got -2)"),
            (["list", "--limit", "ten"], "--limit must be a whole number (got 'ten')"),
            (["list", "--limit", "1.5"], "--limit must be a whole number (got '1.5')"),
            (["match", "python", "--top", "0"], "--top must be at least 1 (got 0)"),
            (["where", "sre", "--top", "5000"], "--top must be at most 1,000 (got 5000)"),
            (
                ["list", "--sort", "pay"],
                "--sort must be one of: rank, salary, min, max, name, official (got 'pay')",
            ),
            (
                ["export", "--format", "xml"],
                "--format must be one of: toml, json, csv, markdown, sqlite (got 'xml')",
            ),
            (
                ["filter", "--min-salary", "lots"],
                "--min-salary: 'lots' is not an amount; write it like 150000, 150k or $150,000",
            ),
        ],
    )
    def test_the_message_states_the_rule(self, cli, args, message):
        result = cli(*args)
        assert (result.exit_code, result.stdout) == (EXIT_USAGE, "")
        assert result.stderr == f"techpay: {message} (see 'techpay {args[0]} --help')\n"


def parameter_rows(lines: list[str]) -> list[str]:
    """The lines of the Arguments and Options sections that start a row."""
    rows, inside = [], False
    for line in lines:
        if line in ("Arguments:", "Options:"):
            inside = True
        elif not line.startswith(" "):
            inside = False
        elif inside and line.startswith("  ") and not line.startswith("   "):
            rows.append(line)
    return rows


def commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


class TestHelp:
    """Help names each value by what it is (ROLE, N, FILE), never by a Python type."""

    @pytest.mark.parametrize("command", ["", *commands()])
    def test_every_value_has_a_plain_name(self, cli, command):
        """In every command's usage line and its Arguments and Options, a value is a word in
        capitals (ROLE, ROLE..., [FILE], N) or the choices themselves (rank|salary), and no
        bounds are written as formulas."""
        lines = cli(*command.split(), "--help").stdout.splitlines()
        usage = lines[0].split("[OPTIONS]")[-1].split()
        assert all(re.fullmatch(r"\[?[A-Z]+\]?(\.\.\.)?|COMMAND|\[ARGS\]\.\.\.", w) for w in usage)
        rows = [line.strip() for line in parameter_rows(lines)]
        names = [row.split("  ")[0] for row in rows]
        for name in names:
            assert re.fullmatch(
                r"[A-Z]+(\.\.\.)?|(-\w, )?--[a-z-]+( [A-Z]+| [a-z0-9-]+(\|[a-z0-9-]+)+)?", name
            ), (command, name)
        assert not [line for line in lines if "x>=" in line or "x<=" in line]

    @pytest.mark.parametrize(
        ("command", "usage"),
        [
            ("show", "Usage: techpay show [OPTIONS] ROLE"),
            ("compare", "Usage: techpay compare [OPTIONS] ROLE..."),
            ("path", "Usage: techpay path [OPTIONS] FROM TO"),
            ("match", "Usage: techpay match [OPTIONS] SKILL..."),
            ("validate", "Usage: techpay validate [OPTIONS] FILE..."),
            ("init", "Usage: techpay init [OPTIONS] [FILE]"),
            ("occupations", "Usage: techpay occupations [OPTIONS] [WORDS]..."),
            ("list", "Usage: techpay list [OPTIONS]"),
        ],
    )
    def test_the_usage_line_names_arguments_plainly(self, cli, command, usage):
        assert cli(command, "--help").stdout.splitlines()[0] == usage

    @pytest.mark.parametrize(
        ("command", "row"),
        [
            ("list", "  -n, --limit N                   Keep the first N roles.  [at least 1]"),
            ("match", "  -n, --top N  Show the N best matches.  [at least 1]"),
            ("compare", "  ROLE...  Two or more roles; the first is the baseline."),
            ("validate", "  FILE...  Data files to check."),
            ("show", "  ROLE  Id, alias, title or unique prefix, e.g. sre."),
            ("path", "  FROM  The role you have."),
            ("list", "  -s, --sort rank|salary|min|max|name|official"),
            ("export", "  -f, --format toml|json|csv|markdown|sqlite"),
        ],
    )
    def test_values_are_named_by_what_they_are(self, cli, command, row):
        assert row in cli(command, "--help").stdout.splitlines()


def test_a_data_error_on_the_command_line_is_worded_the_same(cli, tmp_path):
    """Using a broken file reports the first problem exactly as ``validate`` words it."""
    path = tmp_path / "roles.toml"
    path.write_text('[[roles]]\nid = "x"\ntitle = "X"\nsalary = { min = 0, max = 2 }\n')
    result = cli("--data", str(path), "list")
    assert result.exit_code == EXIT_ERROR
    assert (
        result.stderr == f"techpay: {path}: role 'x' -> salary.min: must be more than 0 (got 0)\n"
    )


class TestOneRuleForEachKindOfMessage:
    """An answer on stdout; every note, warning and error on stderr, one line starting
    ``techpay: ``; an empty table is a note, stdout left empty for grep and wc -l."""

    @pytest.mark.parametrize(
        ("args", "said"),
        [
            (["filter", "--min-salary", "1m"], "techpay: no roles match\n"),
            (["where", "sre", "--min-employment", "10000000"], "techpay: no places match\n"),
            (["occupations", "zzzz"], "techpay: no occupations match\n"),
        ],
        ids=["roles", "places", "occupations"],
    )
    def test_nothing_matches_is_a_note_and_stdout_stays_empty(self, cli, args, said):
        result = cli(*args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", said)

    @pytest.mark.parametrize(
        "args",
        [
            ["filter", "--min-salary", "1m"],
            ["where", "sre", "--min-employment", "10000000"],
            ["occupations", "zzzz"],
        ],
        ids=["roles", "places", "occupations"],
    )
    def test_plain_prints_its_header_row_even_for_no_records(self, cli, args):
        result = cli(*args, "--plain")
        assert (result.exit_code, result.stderr, result.stdout.count("\n")) == (0, "", 1)

    def test_a_place_without_figures_is_a_note_with_the_prefix(self, cli):
        result = cli("where", "sre", "--in", "guam", "--in", "CA")
        assert result.exit_code == 0
        assert result.stderr == "techpay: BLS published no figures for 15-1252 in Guam.\n"
        assert "California" in result.stdout

    def test_a_saved_picture_is_a_note_with_the_prefix(self, cli, tmp_path):
        picture = tmp_path / "chart.svg"
        result = cli("chart", "--svg", str(picture))
        assert result.stderr == f"techpay: Saved {picture}.\n"

    def test_official_status_wraps_to_the_terminal(self):
        runner = CliRunner(env={**PLAIN_ENV, "COLUMNS": "50"})
        shown = runner.invoke(app, ["official", "status"]).stdout
        assert shown.startswith("Release    May 2025 (2025A01), bundled\n")
        assert max(len(line) for line in shown.splitlines()) <= 50


class TestOneVocabulary:
    """People read 10th, 90th and mean, in tables and in the notes under them; JSON keeps
    its keys (p10, p90). A missing figure is explained in the same words everywhere."""

    def test_a_footnote_under_a_distribution_names_the_figure_as_the_table_does(self, cli):
        shown = " ".join(cli("occupation", "27-2021", "--in", "st. louis").stdout.split())
        assert "90th >= $776,140" in shown
        assert "90th: This wage is equal to or greater than $115.00 per hour" in shown
        assert "p90" not in shown

    @pytest.mark.parametrize(
        "args", [["occupation", "15-1252"], ["show", "sre"]], ids=["occupation", "show"]
    )
    def test_no_figures_in_a_place_is_said_in_one_way(self, cli, args):
        shown = " ".join(cli(*args, "--in", "guam").stdout.split())
        assert "Local pay BLS published no figures for this occupation in Guam" in shown

    def test_json_keeps_its_keys(self, cli):
        found = json.loads(cli("occupation", "27-2021", "--in", "st. louis", "--json").stdout)
        assert found["local"]["official"]["absent"]["p90"]["footnote"] == 5
