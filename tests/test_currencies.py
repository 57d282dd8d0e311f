"""Salaries in different currencies are never subtracted, ranked or charted as one."""

from __future__ import annotations

import json

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from conftest import clean_env, run_in_process
from techpay.core.queries import currency_order, salary_midpoint, sort_roles

REASON = "USD and EUR are different currencies; techpay does not convert between them"
NO_FIGURES = {
    "currency": None,
    "min": None,
    "max": None,
    "midpoint": None,
    "min_percent": None,
    "max_percent": None,
    "midpoint_percent": None,
}


def role(role_id: str, low: int, high: int, currency: str, tags=("monitoring",)) -> dict:
    return {
        "id": role_id,
        "title": role_id.replace("-", " ").title(),
        "clusters": ["cloud"],
        "salary": {"min": low, "max": high, "currency": currency},
        "skills": [{"text": "Skills.", "tags": list(tags)}],
    }


# Numerically the euro and pound figures sit among (and above) the dollar ones: any order or
# difference that mixed them up would show.
FOREIGN = [
    role("berlin-sre", 150_000, 190_000, "EUR"),
    role("paris-sre", 120_000, 160_000, "EUR"),
    role("london-sre", 300_000, 400_000, "GBP"),
    role("tokyo-sre", 12_000_000, 18_000_000, "JPY"),
]


@pytest.fixture
def foreign(tmp_path):
    path = tmp_path / "foreign.toml"
    path.write_text(tomli_w.dumps({"roles": FOREIGN}), encoding="utf-8")
    return str(path)


class TestCompareAndPath:
    def test_compare_gives_no_figures_across_currencies(self, cli_json, foreign):
        result = cli_json("--data", foreign, "compare", "sre", "berlin-sre", "devops")
        assert result["salary_differences"][0] == {
            "id": "berlin-sre",
            **NO_FIGURES,
            "not_comparable": REASON,
        }
        assert result["salary_differences"][1]["midpoint"] == -10_000  # USD with USD still is

    def test_compare_within_one_currency_speaks_that_currency(self, cli, cli_json, foreign):
        difference = cli_json("--data", foreign, "compare", "berlin-sre", "paris-sre")
        assert difference["salary_differences"][0]["currency"] == "EUR"
        assert difference["salary_differences"][0]["midpoint"] == -30_000
        table = cli("--data", foreign, "compare", "berlin-sre", "paris-sre").stdout
        assert "midpoint -EUR 30,000 (-17.6%)" in table
        assert "$" not in table

    @pytest.mark.parametrize("other", ["berlin-sre", "london-sre", "tokyo-sre"])
    def test_the_compare_table_says_not_comparable(self, cli, foreign, other):
        out = cli("--data", foreign, "compare", "sre", other).stdout
        assert "not comparable" in out
        assert "midpoint -$" not in out
        assert "midpoint +$" not in out

    @pytest.mark.parametrize(("start", "goal"), [("sre", "berlin-sre"), ("berlin-sre", "em")])
    def test_path_gives_no_figures_across_currencies(self, cli, cli_json, foreign, start, goal):
        move = cli_json("--data", foreign, "path", start, goal)
        assert {key: move["salary"][key] for key in NO_FIGURES} == NO_FIGURES
        assert "different currencies" in move["salary"]["not_comparable"]
        out = cli("--data", foreign, "path", start, goal).stdout
        assert "Change  not comparable: " in out
        assert "raise" not in out
        assert "pay cut" not in out


class TestOrders:
    @pytest.mark.parametrize("key", ["salary", "min", "max"])
    def test_orders_by_pay_put_usd_first_then_other_currencies_by_code(
        self, cli_json, foreign, key
    ):
        listed = cli_json("--data", foreign, "list", "--sort", key)
        currencies = [entry["salary"]["currency"] for entry in listed]
        assert currencies == ["USD"] * 10 + ["EUR", "EUR", "GBP", "JPY"]
        assert [entry["id"] for entry in listed[10:12]] == ["berlin-sre", "paris-sre"]

    @pytest.mark.parametrize("key", ["salary", "min", "max"])
    def test_reverse_reverses_within_each_currency(self, cli_json, foreign, key):
        forward = cli_json("--data", foreign, "list", "--sort", key)
        backward = cli_json("--data", foreign, "list", "--sort", key, "--reverse")
        assert [entry["id"] for entry in backward] == [
            *[entry["id"] for entry in forward[:10]][::-1],
            "paris-sre",
            "berlin-sre",
            "london-sre",
            "tokyo-sre",
        ]

    @pytest.mark.parametrize("reverse", [[], ["--reverse"]])
    @pytest.mark.parametrize("key", ["salary", "min", "max", "rank", "name"])
    def test_the_fast_path_orders_the_same(self, foreign, key, reverse):
        argv = ["--data", foreign, "list", "--sort", key, *reverse]
        fast = run_in_process(*argv, env=clean_env(NO_COLOR="1"))
        full = run_in_process(*argv, env=clean_env(NO_COLOR="1", TECHPAY_NO_FAST="1"))
        assert fast.returncode == full.returncode == 0
        assert fast.stdout == full.stdout

    def test_match_ties_never_compare_currencies(self, cli_json, tmp_path):
        """Same coverage: the USD role first though its figure is the smallest, then the other
        currencies by code, each by its own midpoint."""
        austin = role("austin-sre", 50_000, 60_000, "USD")
        path = tmp_path / "ties.toml"
        path.write_text(tomli_w.dumps({"roles": [*FOREIGN, austin]}), encoding="utf-8")
        matches = cli_json("--data", str(path), "match", "monitoring")["matches"]
        full = [match["id"] for match in matches if match["coverage"] == 100.0]
        assert full == ["austin-sre", "berlin-sre", "paris-sre", "london-sre", "tokyo-sre"]


@st.composite
def records(draw):
    low = draw(st.integers(1, 10_000_000))
    return {
        "id": f"r{draw(st.integers(0, 10**6))}",
        "rank": None,
        "title": "T",
        "salary": {
            "min": low,
            "max": low + draw(st.integers(0, 10_000_000)),
            "currency": draw(st.sampled_from(["USD", "EUR", "GBP", "JPY", "CHF"])),
            "open_ended": draw(st.booleans()),
        },
    }


@given(roles=st.lists(records(), max_size=20, unique_by=lambda r: r["id"]), reverse=st.booleans())
def test_an_order_by_pay_keeps_currencies_together_and_apart(roles, reverse):
    """USD first, then by code; each currency sorted on its own, whichever direction."""
    ordered = sort_roles(roles, "salary", reverse)
    currencies = [entry["salary"]["currency"] for entry in ordered]
    assert currencies == sorted(currencies, key=currency_order)
    for currency in set(currencies):
        midpoints = [
            salary_midpoint(e["salary"]) for e in ordered if e["salary"]["currency"] == currency
        ]
        assert midpoints == sorted(midpoints, reverse=not reverse)


class TestFilter:
    @pytest.mark.parametrize(
        "bound", [["--min-salary", "100k"], ["--max-salary", "50m"], ["--min-salary", "1"]]
    )
    def test_salary_bounds_are_dollars_and_leave_other_currencies_out(
        self, cli_json, foreign, bound
    ):
        kept = cli_json("--data", foreign, "filter", *bound)
        assert kept
        assert {entry["salary"]["currency"] for entry in kept} == {"USD"}

    def test_without_a_salary_bound_every_currency_is_kept(self, cli_json, foreign):
        kept = cli_json("--data", foreign, "filter", "--cluster", "cloud")
        assert {entry["salary"]["currency"] for entry in kept} == {"USD", "EUR", "GBP", "JPY"}

    def test_the_help_says_amounts_are_dollars(self, cli):
        out = " ".join(cli("filter", "--help").stdout.split())
        assert "AMOUNT is US dollars: roles paid in other currencies are left out." in out


class TestValidate:
    def test_a_mixed_dataset_is_valid_with_a_warning(self, cli, foreign):
        result = cli("validate", foreign)
        assert result.exit_code == 0
        assert result.stderr.splitlines() == [
            "techpay: warning: salaries in 4 currencies (10 in USD, 2 in EUR, 1 in GBP,"
            " 1 in JPY); they are never compared or converted, orders by pay group them"
            " (USD first), and --min-salary/--max-salary keep only USD roles",
            "techpay: 1 file valid.",
        ]

    def test_the_json_problem_list_stays_empty(self, cli, foreign):
        result = cli("validate", foreign, "--json")
        assert result.exit_code == 0
        assert json.loads(result.stdout) == []
        assert result.stderr.startswith("techpay: warning: salaries in 4 currencies")

    def test_one_currency_is_no_warning(self, cli, tmp_path):
        path = tmp_path / "euros.toml"
        document = {"clusters": {"cloud": "cloud"}, "roles": FOREIGN[:2]}
        path.write_text(tomli_w.dumps(document), encoding="utf-8")
        assert cli("--no-bundled", "validate", str(path)).stderr == "techpay: 1 file valid.\n"
        dollars = tmp_path / "dollars.toml"
        dollars.write_text(tomli_w.dumps({"roles": [role("x", 1, 2, "USD")]}), encoding="utf-8")
        assert cli("validate", str(dollars)).stderr == "techpay: 1 file valid.\n"


class TestChart:
    def test_each_currency_gets_its_own_axis(self, cli, foreign):
        lines = cli("--data", foreign, "chart").stdout.splitlines()
        headings = [line for line in lines if line.startswith("Salaries in ")]
        assert headings == [
            "Salaries in USD",
            "Salaries in EUR",
            "Salaries in GBP",
            "Salaries in JPY",
        ]
        euro_axis = lines[lines.index("Salaries in EUR") + 4]
        assert "EUR 1" in euro_axis
        assert "$" not in euro_axis

    def test_one_currency_has_no_headings(self, cli):
        assert "Salaries in" not in cli("chart").stdout

    def test_the_range_column_draws_only_one_currency(self, foreign):
        result = run_in_process("--data", foreign, "list", env=clean_env(COLUMNS="140"))
        lines = result.stdout.decode().splitlines()
        berlin = next(line for line in lines if "Berlin Sre" in line)
        assert berlin.rstrip().endswith("EUR, not drawn")
