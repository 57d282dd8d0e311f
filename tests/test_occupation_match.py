"""Wherever a role's official figures appear, the occupation they are for is named and,
where it fits the role less than well (our judgement: high, medium or low), how well.

The SRE's figures are Software Developers' (15-1252), a low match; the DevOps engineer's the
same occupation, a medium match; the engineering manager's (11-3021) a high match, so no word
on it; the cybersecurity architect's are Information Security Analysts' (15-1212) standing
in for an O*NET breakout, so at best medium though the role's code is a high match.
"""

from __future__ import annotations

import json

import pytest

SRE_LABEL = "Software Developers (15-1252), a low match for Site Reliability Engineer"


def flat(text: str) -> str:
    """Table text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


@pytest.mark.parametrize(
    "argv",
    [
        ["offer", "sre", "165k", "--in", "austin"],
        ["where", "sre"],
        ["where", "sre", "--metros"],
        ["map", "sre"],
    ],
)
def test_the_tables_of_one_occupation_name_it_and_its_match(cli, argv):
    result = cli(*argv)
    assert result.exit_code == 0, result.stderr
    assert SRE_LABEL in flat(result.stdout)


@pytest.mark.parametrize("argv", [["offer", "sre", "165k"], ["where", "sre"], ["map", "sre"]])
def test_their_json_says_it_too(cli_json, argv):
    assert cli_json(*argv)["occupation"] == {
        "code": "15-1252",
        "title": "Software Developers",
        "match": "low",
        "for_role": "Site Reliability Engineer",
    }


def test_the_map_is_titled_by_the_occupation_not_the_role(cli):
    first = cli("map", "sre").stdout.splitlines()[0]
    assert first.startswith("Median annual wage by state: Software Developers (15-1252)")


@pytest.mark.parametrize(
    ("role", "caption"),
    [
        ("em", "Computer and Information Systems Managers (11-3021); BLS OEWS"),
        ("devops", "Software Developers (15-1252), a medium match for DevOps Engineer;"),
        ("cybersecurity", "Information Security Analysts (15-1212), a medium match for"
                          " Cybersecurity Architect;"),
    ],
)  # fmt: skip
def test_a_high_match_needs_no_word_and_a_stand_in_is_at_best_medium(cli, role, caption):
    assert caption in flat(cli("where", role).stdout)


def test_an_occupation_code_has_no_match(cli, cli_json):
    assert cli_json("where", "15-1252")["occupation"]["match"] is None
    assert "Software Developers (15-1252); BLS OEWS" in flat(cli("where", "15-1252").stdout)


def test_list_in_a_place_marks_each_local_median(cli):
    out = cli("list", "--in", "texas").stdout
    assert "$121,210 (15-1221)" in out  # AI research scientist: a high match
    assert "$122,090 (15-2051, medium)" in out  # ML engineer: data scientists' figures
    assert "how well it fits the role where not high" in flat(out)


def test_compare_in_a_place_marks_each_local_median(cli):
    out = cli("compare", "sre", "devops", "--in", "austin").stdout
    assert "$134,120 (15-1252, low)" in out
    assert "$134,120 (15-1252, medium)" in out


def test_chart_official_names_the_occupation_under_each_range(cli):
    lines = cli("chart", "--official").stdout.splitlines()
    under = {lines[index - 1].split("  ")[0]: line.split("  ")[1].strip()
             for index, line in enumerate(lines) if line.startswith("  1")}  # fmt: skip
    assert under["Cybersecurity Architect"] == "15-1212, medium"
    assert under["Software Engineering Manager"] == "11-3021"
    assert under["Site Reliability Engineer"] == "15-1252, low"


def test_the_role_json_carries_the_match_as_before(cli):
    sre = json.loads(cli("show", "sre", "--in", "austin", "--json").stdout)
    assert sre["occupation"]["match"] == "low"


def test_list_and_compare_official_say_whose_figures_and_that_the_premium_is_an_estimate(cli):
    for argv in (["list", "--official"], ["compare", "sre", "cybersecurity", "--official"]):
        out = flat(cli(*argv).stdout)
        assert (
            "Official median: of the role's occupation, United States; BLS OEWS, May 2025." in out
        )
        assert "The premium (how far the range midpoint is above that median) is an estimate" in out


def test_a_stand_in_occupation_is_a_medium_match_in_every_command(cli):
    """Cybersecurity architect: 15-1212's wages stand in; never 'high' where they are shown."""
    assert "$129,180 (+45.1%, medium match)" in cli("compare", "sre", "cybersecurity",
                                                    "--official").stdout  # fmt: skip
    row = next(line for line in cli("list", "--official").stdout.splitlines()
               if "Cybersecurity" in line)  # fmt: skip
    assert row.split()[-2:] == ["+45.1%", "(medium)"]


def test_list_official_plain_carries_the_official_fields(cli):
    lines = cli("list", "--official", "--plain").stdout.splitlines()
    assert lines[0].split("\t")[-3:] == ["official_median", "premium_percent_estimate", "match"]
    sre = next(line for line in lines if line.split("\t")[1] == "site-reliability-engineer")
    assert sre.split("\t")[-3:] == ["135980", "19.5", "low"]
    blockchain = next(line for line in lines if line.split("\t")[1] == "blockchain-developer")
    assert blockchain.split("\t")[-3:] == ["", "", ""]


def test_lines_sorted_by_the_official_median_carry_it(cli):
    lines = cli("list", "--sort", "official", "--plain").stdout.splitlines()
    assert lines[0].split("\t")[-3] == "official_median"
    medians = [int(line.split("\t")[-3]) for line in lines[1:] if line.split("\t")[-3]]
    assert medians == sorted(medians, reverse=True)
