"""Occupations are found as people name them (title words, stems, words of ours, titles), and
an O*NET code is paid by one mapping, whether a role has it or it is typed alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay.core.dataset import load_bundled
from techpay.core.errors import EXIT_ERROR, EXIT_USAGE
from techpay.official import roles, search
from techpay.official.bundle import open_bundle
from techpay.official.roles import ONET_PAY_CODES, onet_pay_code, pay_code
from techpay.official.search import find_occupation, search_occupations

BUNDLE = open_bundle()
OCCUPATIONS = BUNDLE.occupations()
TITLES = dict(OCCUPATIONS)
CATALOG = load_bundled()


def codes(found):
    return [estimate["occupation"]["code"] for estimate in found]


def test_software_finds_programmers_and_web_developers_too(cli, cli_json):
    found = cli_json("occupations", "software")
    assert [(o["occupation"]["code"], o["annual_wages"]["median"]) for o in found] == [
        ("15-1251", 100_390), ("15-1252", 135_980), ("15-1253", 104_300), ("15-1254", 92_650),
    ]  # fmt: skip
    out = " ".join(cli("occupations", "software").stdout.split())
    assert "Computer Programmers" in out
    assert "Web Developers" in out
    assert "Found for 'software' by techpay's own table of the words people use" in out


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("programming", "15-1251"),  # Computer Programmers: a stem of the title's word
        ("engineering", "17-2061"),  # Computer Hardware Engineers
        ("management", "11-3021"),  # Computer and Information Systems Managers
        ("developers", "15-1254"),
        ("cloud", "15-1241"),  # ours: Computer Network Architects
        ("ml", "15-2051"),  # ours: Data Scientists
        ("machine learning", "15-1221"),  # ours: Computer and Information Research Scientists
        ("devops", "15-1252"),
        ("cybersecurity", "15-1212"),
        ("engineering manager", "11-3021"),
        ("data", "15-2041"),  # ours: Statisticians
    ],
)
def test_stems_parts_and_words_people_use(typed, expected):
    assert expected in [code for code, _ in search_occupations(OCCUPATIONS, typed.split())]


def test_words_that_find_one_occupation_still_find_only_it(cli_json):
    assert codes(cli_json("occupations", "web", "developer")) == ["15-1254"]
    assert codes(cli_json("occupations", "software", "engineer")) == ["15-1252"]
    assert codes(cli_json("occupations", "ai")) == ["15-1221", "15-2051"]  # not Aircraft...


def test_sort_top_and_a_place(cli, cli_json):
    by_median = cli_json("occupations", "software", "--sort", "median")
    assert codes(by_median) == ["15-1252", "15-1253", "15-1251", "15-1254"]
    by_jobs = cli_json("occupations", "data", "--sort", "employment", "--top", "2")
    assert codes(by_jobs) == ["15-2051", "43-9021"]
    assert codes(cli_json("occupations", "software", "-n", "1")) == ["15-1251"]
    there = cli_json("occupations", "software", "--in", "san jose", "--sort", "median", "-n", "1")
    assert [(o["area"]["code"], o["annual_wages"]["median"]) for o in there] == [
        ("0041940", 213_110)
    ]
    out = " ".join(cli("occupations", "software", "--in", "san jose").stdout.split())
    assert "Figures for San Jose-Sunnyvale-Santa Clara, CA; BLS OEWS, May 2025." in out


def test_occupation_takes_a_title_or_words_that_find_only_one(cli, cli_json):
    assert cli_json("occupation", "software developers")["national"]["employment"] == 1_687_890
    assert cli_json("occupation", "Web Developers")["national"]["occupation"]["code"] == "15-1254"
    assert cli_json("occupation", "actuaries")["national"]["annual_wages"]["median"] == 130_000
    result = cli("occupation", "software")
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == (
        "techpay: 'software' could be any of: 15-1251 Computer Programmers; 15-1252 Software"
        " Developers; 15-1253 Software Quality Assurance Analysts and Testers; 15-1254 Web"
        " Developers; type more of the title, or its code\n"
    )


@given(st.sampled_from(OCCUPATIONS))
def test_every_title_and_code_finds_its_occupation(occupation):
    code, title = occupation
    assert find_occupation(title, OCCUPATIONS) == occupation
    assert find_occupation(title.upper(), OCCUPATIONS) == occupation
    assert occupation in search_occupations(OCCUPATIONS, [code])
    assert occupation in search_occupations(OCCUPATIONS, title.split())


def test_our_words_are_marked_ours_and_name_occupations_of_the_release():
    source = Path(search.__file__).read_text(encoding="utf-8")
    assert "# Ours, not BLS's: words people use for occupations" in source
    for name, found in search.OCCUPATION_WORDS.items():
        assert name == " ".join(search.split(name)), name
        assert found, name
        assert all(code in TITLES for code in found), name


@pytest.mark.parametrize(
    ("role_id", "word"),
    [
        ("ai-research-scientist", "ai"), ("machine-learning-engineer", "machine learning"),
        ("cloud-solutions-architect", "cloud"), ("cybersecurity-architect", "cybersecurity"),
        ("data-scientist", "data"), ("devops-engineer", "devops"),
        ("software-engineering-manager", "engineering manager"),
        ("ai-product-manager", "product manager"), ("site-reliability-engineer", "sre"),
    ],
)  # fmt: skip
def test_our_words_agree_with_the_roles_occupations(role_id, word):
    assert pay_code(CATALOG.resolve(role_id)) in search.OCCUPATION_WORDS[word]


# One mapping from an O*NET code to the wages that stand in for it.


def test_the_roles_agree_with_the_one_mapping():
    for role in CATALOG.roles:
        occupation = role["occupation"]
        assert occupation is not None
        assert pay_code(role) == onet_pay_code(occupation["code"]), role["id"]
    used = {role["occupation"]["code"] for role in CATALOG.roles}
    assert set(ONET_PAY_CODES) <= used  # every entry is a decision some role needed
    assert "# Ours, not O*NET's or BLS's" in Path(roles.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("onet", "role_id", "soc"),
    [
        ("15-1299.08", "cloud-architect", "15-1241"),
        ("15-1299.05", "cybersecurity", "15-1212"),
        ("15-2051.00", "ds", "15-2051"),
    ],
)
def test_a_bare_onet_code_is_paid_as_a_role_with_it_is(cli_json, cli, onet, role_id, soc):
    typed = cli_json("where", onet)["occupation"]
    as_role = cli_json("where", role_id)["occupation"]
    assert (typed["code"], typed["title"]) == (as_role["code"], as_role["title"])
    assert (typed["match"], typed["for_role"]) == (None, None)  # a code, not a role
    assert typed["code"] == soc
    assert cli_json("show", role_id)["official"]["occupation"]["code"] == soc
    assert cli_json("occupation", onet)["national"]["occupation"]["code"] == soc
    note = cli("where", onet).stderr
    assert note == (
        f"techpay: BLS publishes no wages for O*NET occupation {onet} on its own; those of"
        f" {soc} stand in for it, as for the roles with it (a mapping of ours)\n"
        if onet != "15-2051.00"
        else ""
    )


@pytest.mark.parametrize("command", ["where", "map", "occupation"])
def test_a_breakout_without_a_stand_in_has_no_figures_as_its_role_has_none(cli, command):
    result = cli(command, "15-1299.07")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(
        "techpay: 15-1299.07 has no official figures: BLS publishes no wages for O*NET"
        " occupation 15-1299.07 on its own, and 15-1299, the SOC occupation it is part of, is"
        " too broad to stand in for it"
    )
    assert cli("where", "blockchain").exit_code == EXIT_USAGE
    other = cli(command, "15-1299.01")  # a breakout no role has: no stand-in either
    assert other.exit_code == EXIT_USAGE
    assert "15-1299 is the SOC occupation it is part of" in other.stderr


def test_a_users_role_with_a_breakout_is_paid_by_the_same_mapping(cli_json, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[roles]]\nid = "platform-architect"\ntitle = "Platform Architect"\n'
        "salary = { min = 150000, max = 190000 }\n"
        'occupation = { code = "15-1299.08", title = "Computer Systems Engineers/Architects",'
        ' match = "medium" }\n',
        encoding="utf-8",
    )
    role = cli_json("--data", str(path), "show", "platform-architect")
    assert role["official"]["occupation"] == {
        "code": "15-1241",
        "title": "Computer Network Architects",
    }
