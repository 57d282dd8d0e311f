"""--plain: every command that prints records prints them for grep and awk.

One record per line, tab-separated, after a header row naming the fields (``--no-header``
leaves it out, and implies --plain). Amounts are whole numbers; an open-ended range says so
in its own column, as does a wage BLS top-coded. Nothing is wrapped, padded or coloured.
"""

from __future__ import annotations

import pytest

from conftest import clean_env, run_techpay

# Each command that prints records, with the first fields of its header row.
COMMANDS = {
    ("list",): ["rank", "id", "title", "min", "max", "midpoint", "currency", "open_ended"],
    ("filter", "--cluster", "ai"): ["rank", "id", "title", "min", "max", "midpoint"],
    ("show", "sre"): ["field", "value", "tags"],
    ("compare", "sre", "devops"): ["id", "title", "min", "max", "midpoint", "currency"],
    ("match", "python", "sql"): ["id", "title", "coverage", "have", "to_learn", "min"],
    ("skills",): ["tag", "roles", "role_ids"],
    ("where", "sre"): ["area_code", "place", "employment", "p10", "p25", "median"],
    ("where", "sre", "--metros", "--top", "3"): ["area_code", "place", "employment"],
    ("occupations", "web"): ["code", "title", "employment", "p10", "p25", "median"],
}


def records(cli, *args: str) -> list[list[str]]:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def by_header(rows: list[list[str]]) -> list[dict[str, str]]:
    header, *data = rows
    return [dict(zip(header, row, strict=True)) for row in data]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
class TestEveryRecordCommand:
    def test_starts_with_a_header_row_naming_the_fields(self, cli, args):
        header = records(cli, *args, "--plain")[0]
        assert header[: len(COMMANDS[args])] == COMMANDS[args]

    def test_every_line_has_as_many_fields_as_the_header(self, cli, args):
        header, *rows = records(cli, *args, "--plain")
        assert rows
        assert {len(row) for row in rows if row[0] != "skill"} <= {len(header), 2}

    def test_no_header_leaves_out_only_the_header_row(self, cli, args):
        with_header = cli(*args, "--plain").stdout.splitlines()
        assert cli(*args, "--plain", "--no-header").stdout.splitlines() == with_header[1:]
        assert cli(*args, "--no-header").stdout.splitlines() == with_header[1:]

    def test_nothing_is_padded_wrapped_or_drawn(self, cli, args):
        output = cli(*args, "--plain").stdout
        assert "  " not in output.replace("\t", "|")
        assert not any(glyph in output for glyph in "─━$…")


class TestOpenEndedRanges:
    def test_list_marks_the_open_ended_range(self, cli):
        """ "$240,000+" is 240000 with open_ended true, not a bare 240000."""
        rows = {row["id"]: row for row in by_header(records(cli, "list", "--plain"))}
        assert rows["ai-research-scientist"]["max"] == "240000"
        assert rows["ai-research-scientist"]["open_ended"] == "true"
        assert rows["data-scientist"]["open_ended"] == "false"

    @pytest.mark.parametrize(
        "args",
        [("compare", "ai-researcher", "sre"), ("match", "pytorch", "python"), ("list",)],
        ids=" ".join,
    )
    def test_every_record_with_a_salary_says_whether_it_is_open_ended(self, cli, args):
        rows = by_header(records(cli, *args, "--plain"))
        assert {row["open_ended"] for row in rows} <= {"true", "false"}
        assert any(row["open_ended"] == "true" for row in rows)

    def test_show_says_so_too(self, cli):
        assert ["open_ended", "true"] in records(cli, "show", "ai-research-scientist", "--plain")


class TestCompare:
    def test_one_role_per_line_with_its_difference_from_the_baseline(self, cli):
        rows = by_header(records(cli, "compare", "sre", "devops", "--plain"))
        assert [row["id"] for row in rows] == ["site-reliability-engineer", "devops-engineer"]
        assert rows[0]["difference_midpoint"] == ""
        assert rows[1]["difference_midpoint"] == "-10000"
        assert rows[1]["difference_midpoint_percent"] == "-6.2"

    def test_a_role_in_another_currency_says_why_it_has_no_difference(self, cli, tmp_path):
        path = tmp_path / "euro.toml"
        path.write_text(
            '[[roles]]\nid = "berlin-sre"\ntitle = "Berlin SRE"\n'
            'salary = { min = 80000, max = 100000, currency = "EUR" }\n',
            encoding="utf-8",
        )
        rows = by_header(records(cli, "--data", str(path), "compare", "sre", "berlin", "--plain"))
        assert rows[1]["difference_midpoint"] == ""
        assert rows[1]["currency"] == "EUR"
        assert rows[1]["not_comparable"]


class TestOfficialRecords:
    def test_where_gives_each_place_its_figures(self, cli):
        rows = by_header(records(cli, "where", "sre", "--top", "2", "--plain"))
        assert rows[0]["place"] == "California"
        assert rows[0]["median"] == "174410"
        assert rows[0]["location_quotient"] == "1.44"

    def test_a_top_coded_wage_is_named_in_top_coded(self, cli):
        """A wage BLS top-coded holds the top code, and top_coded names it: at least that."""
        rows = by_header(records(cli, "where", "27-2021", "--in", "CA", "--plain"))
        assert rows[0]["p90"] == "239200"
        assert rows[0]["top_coded"] == "p90"

    def test_where_in_places(self, cli):
        rows = by_header(records(cli, "where", "sre", "--in", "austin", "--in", "WA", "--plain"))
        assert [row["place"] for row in rows] == [
            "Austin-Round Rock-San Marcos, TX",
            "Washington",
        ]

    def test_occupations(self, cli):
        rows = by_header(records(cli, "occupations", "web", "--plain"))
        assert [(row["code"], row["median"]) for row in rows] == [
            ("15-1254", "92650"),
            ("15-1255", "104000"),
        ]


def test_separators_in_data_are_escaped_in_every_command(cli, tmp_path):
    """A tab, newline or escape inside a title cannot start a new field or record."""
    path = tmp_path / "tabs.toml"
    path.write_text(
        '[[roles]]\nid = "x"\ntitle = "A\\tB\\nC\\u001b[2J"\nsalary = { min = 1, max = 2 }\n'
        'skills = [{ text = "Go.", tags = ["go"] }]\n',
        encoding="utf-8",
    )
    for args in (("list",), ("compare", "x", "sre"), ("match", "go")):
        lines = cli("--data", str(path), *args, "--no-header").stdout.splitlines()
        mine = [line for line in lines if "A\\tB\\nC\\x1b[2J" in line]
        assert len(mine) == 1, args


def test_a_real_pipe_gets_the_same_lines():
    """The installed command writes the same records to a pipe, with no colour."""
    result = run_techpay("compare", "sre", "devops", "--plain", env=clean_env(FORCE_COLOR=None))
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0].startswith("id\ttitle\tmin\t")
    assert b"\x1b" not in result.stdout


class TestPathPlain:
    """``path --plain``: field and value lines, as ``show --plain`` prints."""

    def test_the_change_and_the_tags_as_fields(self, cli):
        result = cli("path", "devops", "sre", "--plain")
        assert result.exit_code == 0, result.stderr
        rows = [line.split("\t") for line in result.stdout.splitlines()]
        assert rows[:4] == [
            ["field", "value"],
            ["from_id", "devops-engineer"],
            ["to_id", "site-reliability-engineer"],
            ["currency", "USD"],
        ]
        assert ["midpoint", "10000"] in rows
        assert ["midpoint_percent", "6.6"] in rows
        assert [value for name, value in rows if name == "leave"] == [
            "ci-cd", "infrastructure-as-code"
        ]  # fmt: skip
        assert ["new_responsibility", "Define service level objectives."] in rows

    def test_no_header_and_a_place(self, cli):
        shown = cli("path", "devops", "sre", "--in", "austin", "--no-header").stdout
        assert shown.startswith("from_id\tdevops-engineer\n")
        assert "to_local_median\t134120\n" in shown
        assert "place\tAustin-Round Rock-San Marcos, TX\n" in shown
