"""One rule for ``--in PLACE``: each role's official figures in the place and its range
scaled there (an estimate, to the nearest $1,000) are added, nothing is replaced, an order
by official median is by the median shown, and one place is taken (a second is refused).

Texas medians (BLS OEWS, May 2025) of the bundled roles' occupations: 11-3021 $171,530
(em, ai-pm), 15-1241 $133,310 (cloud architect), 15-1252 $132,150 (sre, devops), 15-1212
$129,890 (cyber), 15-2051 $122,090 (mle, ds), 15-1221 $121,210 (ai research); blockchain
has no official occupation.
"""

from __future__ import annotations

import contextlib
import io
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay import cli as full_cli
from techpay.official.estimates import local_range
from techpay.start import fast

TEXAS_BY_MEDIAN = [
    ("software-engineering-manager", 171_530),
    ("ai-product-manager", 171_530),
    ("cloud-solutions-architect", 133_310),
    ("devops-engineer", 132_150),
    ("site-reliability-engineer", 132_150),
    ("cybersecurity-architect", 129_890),
    ("machine-learning-engineer", 122_090),  # ties: the article's order
    ("data-scientist", 122_090),
    ("ai-research-scientist", 121_210),
]


def medians_in(roles):
    return [
        (role["id"], (role["local"]["official"] or {"annual_wages": {"median": None}})[
            "annual_wages"]["median"])
        for role in roles
    ]  # fmt: skip


class TestSortedByWhatIsShown:
    def test_list_sorts_by_the_local_median_highest_first(self, cli_json):
        roles = cli_json("list", "--in", "texas", "--sort", "official")
        assert medians_in(roles) == [*TEXAS_BY_MEDIAN, ("blockchain-developer", None)]

    def test_reversed_lowest_first_and_roles_without_one_stay_last(self, cli_json):
        roles = cli_json("list", "--in", "texas", "--sort", "official", "--reverse")
        expected = [*reversed(TEXAS_BY_MEDIAN), ("blockchain-developer", None)]
        # ties keep the article's order within them, reversed with the rest
        assert [median for _, median in medians_in(roles)] == [m for _, m in expected]
        assert roles[-1]["id"] == "blockchain-developer"

    def test_the_limit_keeps_the_places_highest(self, cli_json):
        roles = cli_json("list", "--in", "tx", "--sort", "official", "--limit", "3")
        assert [role["id"] for role in roles] == [
            "software-engineering-manager", "ai-product-manager", "cloud-solutions-architect"
        ]  # fmt: skip

    def test_the_table_shows_them_in_that_order(self, cli):
        out = cli("list", "--in", "texas", "--sort", "official").stdout
        shown = [line.split("(")[0].split()[-1] for line in out.splitlines() if "(1" in line]
        assert shown == [f"${median:,}" for _, median in TEXAS_BY_MEDIAN]

    def test_filter_and_chart_too(self, cli_json):
        roles = cli_json("filter", "--cluster", "ai", "--in", "texas", "--sort", "official")
        assert [role["id"] for role in roles] == [
            "ai-product-manager", "machine-learning-engineer", "data-scientist",
            "ai-research-scientist",
        ]  # fmt: skip
        charted = cli_json("chart", "--cluster", "ai", "--in", "texas", "--sort", "official")
        assert [role["id"] for role in charted["roles"]] == [role["id"] for role in roles]

    def test_other_orders_are_the_articles_range_which_is_still_shown(self, cli_json):
        by_salary = cli_json("list", "--in", "texas", "--sort", "salary")
        assert [role["id"] for role in by_salary] == [
            role["id"] for role in cli_json("list", "--sort", "salary")
        ]


class TestRoundedEstimates:
    def test_a_scaled_range_is_to_the_nearest_thousand(self, cli, cli_json):
        """Austin: 140,000, 185,000 and 162,500 times 134,120 / 135,980 are 138,085,
        182,469 and 160,277."""
        salary = cli_json("show", "sre", "--in", "austin")["local"]["estimates"]["salary"]
        assert (salary["min"], salary["max"], salary["midpoint"]) == (138_000, 182_000, 160_000)
        assert "to the nearest $1,000" in salary["label"]
        out = " ".join(cli("show", "sre", "--in", "austin").stdout.split())
        assert "$138,000 - $182,000" in out
        assert "to the nearest $1,000" in out

    def test_every_range_shown_in_a_place_is_a_multiple_of_1000(self, cli_json):
        for place in ("texas", "san jose", "CA", "0012420"):
            for role in cli_json("list", "--in", place):
                salary = role["local"]["estimates"]["salary"]
                if salary is not None:
                    assert [salary[end] % 1000 for end in ("min", "max", "midpoint")] == [0] * 3

    def test_the_tables_print_them_so(self, cli):
        out = cli("list", "--in", "texas", "--limit", "1").stdout
        assert "$138,000 - $207,000+" in out  # 160,000 and 240,000 times 121,210 / 140,910
        assert "nearest $1,000" in " ".join(out.split())
        offer = cli("offer", "sre", "150k", "--in", "austin", "--plain").stdout
        assert offer.splitlines()[-1].split("\t")[6:12] == [
            "138000", "182000", "inside", "-10000", "-6.2", "year"
        ]  # fmt: skip

    @given(
        low=st.integers(1_000, 500_000),
        width=st.integers(0, 500_000),
        national=st.integers(20_000, 239_200),
        here=st.integers(20_000, 239_200),
    )
    def test_local_range_rounds_each_figure_to_its_nearest_thousand(
        self, low, width, national, here
    ):
        role = {
            "salary": {"min": low, "max": low + width, "currency": "USD", "open_ended": False},
            "official": {"annual_wages": {"median": national}},
        }
        local = {"annual_wages": {"median": here}}
        scaled = local_range(role, local)  # type: ignore[arg-type]
        ratio = here / national
        exact = {"min": low * ratio, "max": (low + width) * ratio,
                 "midpoint": (2 * low + width + 1) // 2 * ratio}  # fmt: skip
        for name, value in exact.items():
            assert scaled[name] % 1000 == 0
            assert abs(scaled[name] - value) <= 500


LOCAL = ["area_code", "place", "local_median", "local_min_estimate", "local_max_estimate"]


class TestPlainCarriesThePlace:
    def test_list_and_filter(self, cli):
        lines = cli("list", "--in", "texas", "--plain").stdout.splitlines()
        assert lines[0].split("\t")[-5:] == LOCAL
        sre = next(line for line in lines if "\tsite-reliability-engineer\t" in line)
        assert sre.split("\t")[-5:] == ["4800000", "Texas", "132150", "136000", "180000"]
        blockchain = next(line for line in lines if "\tblockchain-developer\t" in line)
        assert blockchain.split("\t")[-5:] == ["4800000", "Texas", "", "", ""]
        filtered = cli("filter", "--skill", "python", "--in", "texas", "--no-header").stdout
        mle = filtered.splitlines()[0].split("\t")
        assert (mle[1], mle[-5:]) == (
            "machine-learning-engineer",
            ["4800000", "Texas", "122090", "152000", "213000"],
        )

    def test_show(self, cli):
        lines = cli("show", "sre", "--in", "austin", "--plain").stdout.splitlines()
        assert lines[12:17] == [
            "area_code\t0012420",
            "place\tAustin-Round Rock-San Marcos, TX",
            "local_median\t134120",
            "local_min_estimate\t138000",
            "local_max_estimate\t182000",
        ]

    def test_compare_and_match(self, cli):
        lines = cli("compare", "sre", "em", "--in", "san jose", "--plain").stdout.splitlines()
        assert lines[0].split("\t")[-5:] == LOCAL
        assert [line.split("\t")[-3:] for line in lines[1:]] == [
            ["213110", "219000", "290000"],
            ["291660", "283000", "383000"],  # 170,000 and 230,000 times 291,660 / 175,140
        ]
        matched = cli("match", "python", "sql", "--in", "austin", "--plain").stdout.splitlines()
        assert matched[0].split("\t")[-5:] == LOCAL
        assert matched[1].split("\t")[-3:] == ["127360", "159000", "222000"]

    def test_without_a_place_the_lines_are_as_they_were(self, cli):
        assert cli("list", "--plain").stdout.splitlines()[0].split("\t")[-1] == "clusters"


REPEATED = [
    ["list", "--in", "texas", "--in", "CA"],
    ["filter", "--in", "texas", "--in", "CA"],
    ["show", "sre", "--in", "texas", "--in", "CA"],
    ["compare", "sre", "em", "--in", "texas", "--in", "CA"],
    ["chart", "--in", "texas", "--in", "CA"],
    ["match", "python", "--in", "texas", "--in", "CA"],
    ["path", "devops", "sre", "--in", "texas", "--in", "CA"],
    ["occupation", "15-1252", "--in", "texas", "--in", "CA"],
    ["list", "--in", "texas", "--in", "texas", "--json"],
]


def both_paths(argv):
    """The fast path's and the full CLI's exit code, stdout and stderr."""
    results = []
    for function, args in ((fast.run, (argv, os.environ)), (full_cli.run, (argv,))):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = function(*args)
        results.append((code, out.getvalue(), err.getvalue()))
    return results


@pytest.mark.parametrize("argv", REPEATED)
def test_a_second_place_is_refused_not_silently_dropped(argv, cli):
    result = cli(*argv)
    assert result.exit_code == 2
    assert result.stdout == ""
    first, second = [argv[index + 1] for index, word in enumerate(argv) if word == "--in"]
    assert result.stderr == (
        f"techpay: --in takes one place here (got {first!r}, {second!r}); to set places side"
        " by side, use 'techpay where ROLE --in PLACE --in PLACE'"
        f" (see 'techpay {argv[0]} --help')\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        *REPEATED,
        ["list", "--in", "texas", "--sort", "official", "--plain"],
        ["list", "--in", "texas", "--sort", "official", "-r", "-n", "4"],
        ["chart", "--in", "austin", "--cluster", "cloud"],
        ["chart", "--official", "--in", "austin", "--json"],
        ["compare", "sre", "em", "--in", "austin", "--plain"],
        ["show", "sre", "--in", "austin", "--plain"],
    ],
)
def test_the_fast_path_answers_as_the_full_cli(argv, monkeypatch):
    for name, value in {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}.items():
        monkeypatch.setenv(name, value)
    fast_result, full_result = both_paths(argv)
    assert fast_result[0] is not None
    assert fast_result == full_result


class TestWhatEachCommandShows:
    def test_compare_labels_the_national_difference_and_names_the_occupations(self, cli):
        out = cli("compare", "sre", "em", "--in", "austin").stdout
        assert "Difference (US)" in out
        flat = " ".join(out.split())
        assert "Local median $134,120 (15-1252, low) $176,990 (11-3021)" in flat
        assert "Difference" in cli("compare", "sre", "em").stdout
        assert "Difference (US)" not in cli("compare", "sre", "em").stdout

    def test_list_names_each_local_medians_occupation(self, cli):
        out = cli("list", "--in", "texas", "--limit", "2").stdout
        assert "$121,210 (15-1221)" in out
        assert "$122,090 (15-2051, medium)" in out
        assert (
            "Local median: of the role's occupation (its SOC code, and how well it fits the role"
            " where not high), Texas" in " ".join(out.split())
        )

    def test_chart_draws_the_range_scaled_to_the_place(self, cli, cli_json):
        out = cli("chart", "--in", "austin", "--cluster", "cloud").stdout
        lines = out.splitlines()
        assert lines[0].startswith("Cloud Solutions Architect")
        assert lines[1].startswith("  scaled (estimate)")
        assert lines[2].startswith("  official there")
        assert "the range scaled to Austin-Round Rock-San Marcos, TX: an estimate" in " ".join(
            out.split()
        )
        charted = cli_json("chart", "--in", "austin", "--cluster", "cloud")
        sre = next(role for role in charted["roles"] if role["id"] == "site-reliability-engineer")
        assert "official" not in sre
        assert sre["local"]["estimates"]["salary"]["min"] == 138_000
        assert sre["local"]["official"]["annual_wages"]["median"] == 134_120

    def test_chart_official_stays_national_beside_the_place(self, cli_json):
        charted = cli_json("chart", "--official", "--in", "seattle", "--cluster", "leadership")
        em = charted["roles"][0]
        assert em["official"]["area"]["name"] == "National"
        assert em["local"]["area"]["name"] == "Seattle-Tacoma-Bellevue, WA"

    @pytest.mark.parametrize("command", ["list", "filter", "show", "compare", "chart", "match"])
    def test_help_states_the_one_rule(self, cli, command):
        text = " ".join(cli(command, "--help").stdout.split())
        for part in ("nearest $1,000)", "Nothing shown without --in is replaced",
                     "--sort official sorts by the median there"):  # fmt: skip
            assert part in text.replace("│", "").replace("  ", " ")
