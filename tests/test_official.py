"""Official occupation codes and pay beside the article's figures, each labelled as whose."""

from __future__ import annotations

import pytest

from techpay.dataset import load_bundled
from techpay.errors import EXIT_ERROR
from techpay.queries import average_premium, official_premium, sort_roles

CATALOG = load_bundled()

# role id -> (O*NET-SOC code, match, BLS median May 2024 or None), from the reference table.
OFFICIAL = {
    "ai-research-scientist": ("15-1221.00", "high", 140_910),
    "machine-learning-engineer": ("15-2051.00", "medium", 112_590),
    "cloud-solutions-architect": ("15-1299.08", "medium", 130_390),
    "cybersecurity-architect": ("15-1299.05", "high", 124_910),
    "data-scientist": ("15-2051.00", "high", 112_590),
    "devops-engineer": ("15-1252.00", "medium", 133_080),
    "blockchain-developer": ("15-1299.07", "high", None),
    "software-engineering-manager": ("11-3021.00", "high", 171_200),
    "ai-product-manager": ("11-3021.00", "low", 171_200),
    "site-reliability-engineer": ("15-1252.00", "low", 133_080),
}


@pytest.mark.parametrize(("role_id", "expected"), OFFICIAL.items())
def test_every_role_has_the_reference_tables_figures(role_id, expected):
    role = CATALOG.resolve(role_id)
    code, match, median = expected
    assert (role["occupation"]["code"], role["occupation"]["match"]) == (code, match)
    assert role["occupation"]["url"] == f"https://www.onetonline.org/link/summary/{code}"
    if median is None:
        assert role["official_pay"] is None  # absent, not zero
    else:
        assert role["official_pay"]["median"] == median
        assert role["official_pay"]["period"] == "May 2024"
        assert role["official_pay"]["source"] == "BLS OEWS via the Occupational Outlook Handbook"


@pytest.mark.parametrize(
    ("role_id", "premium"),
    [
        ("software-engineering-manager", 16.8),  # midpoint $200,000 vs $171,200
        ("ai-research-scientist", 41.9),  # $200,000 vs $140,910
        ("ai-product-manager", 5.1),  # $180,000 vs $171,200
        ("devops-engineer", 14.6),  # $152,500 vs $133,080
    ],
)
def test_the_midpoint_premium_over_the_official_median(role_id, premium):
    assert official_premium(CATALOG.resolve(role_id)) == premium


def test_show_puts_both_figures_side_by_side(cli, cli_json):
    out = cli("show", "em").stdout
    assert "$171,200; the range midpoint, $200,000, is 16.8% above it (high match)" in out
    assert "11-3021.00 Computer and Information Systems Managers (high match)" in out
    role = cli_json("show", "em")
    assert role["official_pay"]["premium_percent"] == 16.8
    assert role["occupation"]["code"] == "11-3021.00"


def test_the_role_without_a_median_shows_na_and_sorts_last(cli, cli_json):
    assert "Official median  n/a" in cli("show", "blockchain").stdout
    listed = cli("list", "--official").stdout
    blockchain = next(line for line in listed.splitlines() if "Blockchain Developer" in line)
    assert blockchain.split()[-2:] == ["n/a", "-"]
    assert cli_json("show", "blockchain")["official_pay"] is None
    for reverse in ([], ["--reverse"]):
        ids = [role["id"] for role in cli_json("list", "--sort", "official", *reverse)]
        assert ids[-1] == "blockchain-developer"
    assert [r["id"] for r in sort_roles(CATALOG.roles, "official")][:2] == [
        "software-engineering-manager",
        "ai-product-manager",
    ]


def test_averages_leave_out_the_role_without_a_median(cli_json):
    assert average_premium(CATALOG.roles) == 30.7  # nine roles, not ten with a zero
    about = cli_json("about")
    assert about["official_premium"] == {
        "average_percent": 30.7,
        "roles_counted": 9,
        "roles_without_official_pay": ["blockchain-developer"],
    }


def test_compare_can_show_the_official_column(cli):
    out = cli("compare", "em", "ai-pm", "--official").stdout
    assert "$171,200 (+16.8%, high match)" in out
    assert "$171,200 (+5.1%, low match)" in out


def test_about_says_where_figures_come_from_and_what_they_are_not(cli):
    out = " ".join(cli("about").stdout.split())
    assert "BLS median annual wage, May 2024" in out
    assert "not total compensation" in out
    assert "US figures only." in out
    assert "Used under the CC BY 4.0 license." in out


def test_occupation_codes_are_validated(cli, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[roles]]\nid = "x"\ntitle = "X"\nsalary = { min = 1, max = 2 }\n'
        'occupation = { code = "15-1252", title = "Software Developers", match = "certain" }\n',
        encoding="utf-8",
    )
    result = cli("--no-bundled", "validate", str(path))
    assert result.exit_code == EXIT_ERROR
    assert result.stdout.splitlines() == [
        f"{path}: role 'x' -> occupation.code: should look like NN-NNNN.NN (an O*NET-SOC code)"
        " (got '15-1252')",
        f"{path}: role 'x' -> occupation.match: Input should be 'high', 'medium' or 'low'"
        " (got 'certain')",
    ]
