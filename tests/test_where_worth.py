"""`where --sort take-home|real` and `map --by take-home|real`: the places ranked by what the
occupation's median leaves after tax (tax year 2025), or by that over the housing index
(2024), with the figures `net` gives for the same wage in the same place."""

from __future__ import annotations

import pytest

from conftest import run_in_process
from techpay.core.amounts import whole_take_home

# What `where` printed as JSON before these sorts, and still prints without them.
LEGACY_KEYS = ["role", "occupation", "source", "release", "areas", "sort", "min_employment",
               "places", "not_published"]  # fmt: skip
ESTIMATE_KEYS = ["source", "release", "occupation", "area", "employment", "annual_wages",
                 "hourly_wages", "location_quotient", "absent"]  # fmt: skip
WORTH_KEYS = ["wages", "wages_absent", "tax", "tax_note", "tax_absent", "housing",
              "housing_absent", "after_housing"]  # fmt: skip
EVERY_STATE = ("--top", "60", "--min-employment", "0")


def by_postal(document: dict, postal: str) -> dict:
    (place,) = [place for place in document["places"] if place["area"]["postal"] == postal]
    return place


def one_line_usage_error(*args: str) -> str:
    """What techpay says on stderr, as the installed command answers (the fast path first)."""
    result = run_in_process(*args)
    assert result.returncode == 2, result
    assert result.stdout == b""
    (line,) = result.stderr.decode().splitlines()
    return line


class TestTheFigures:
    def test_texas_take_home_is_the_median_less_the_taxes_net_gives(self, cli_json):
        median = by_postal(cli_json("where", "sre", *EVERY_STATE), "TX")["annual_wages"]["median"]
        assert median == 132_150  # BLS OEWS, May 2025, Software Developers in Texas
        (net,) = cli_json("net", str(median), "--in", "TX")["places"]
        tax = net["tax"]
        paid = tax["federal_income_tax"] + tax["social_security"] + tax["medicare"]
        assert tax["state_income_tax"] == 0
        assert tax["take_home"] == pytest.approx(median - paid, abs=0.02)  # each tax in cents

        texas = by_postal(cli_json("where", "sre", "--sort", "take-home", *EVERY_STATE), "TX")
        worth = texas["worth"]
        assert worth["wages"] == median
        assert worth["tax"] == tax
        assert worth["housing"] == net["housing"]
        assert worth["after_housing"] == net["after_housing"]

    def test_a_metro_area_is_taxed_as_net_taxes_it(self, cli_json):
        where = cli_json("where", "sre", "--sort", "real", "--in", "nyc", "--in", "austin")
        for place in where["places"]:
            median = str(place["worth"]["wages"])
            (net,) = cli_json("net", median, "--in", place["area"]["code"])["places"]
            assert {key: place["worth"][key] for key in net if key != "area"} == {
                key: value for key, value in net.items() if key != "area"
            }
        nyc = where["places"][0]["worth"]
        assert nyc["tax"]["state"] == "NY"
        assert "the state named first (not NJ)" in nyc["tax_note"]

    def test_joint_filing_and_another_tax_state(self, cli_json):
        single = cli_json("where", "sre", "--sort", "take-home", "--in", "nyc")
        joint = cli_json(
            "where", "sre", "--sort", "take-home", "--in", "nyc", "--filing", "joint",
            "--tax-state", "nj",
        )  # fmt: skip
        assert (single["filing"], joint["filing"]) == ("single", "joint")
        tax = joint["places"][0]["worth"]["tax"]
        assert (tax["filing"], tax["state"]) == ("joint", "NJ")
        assert tax["take_home"] > single["places"][0]["worth"]["tax"]["take_home"]
        (net,) = cli_json("net", "166830", "--in", "nyc", "--filing", "joint", "--tax-state", "NJ")[
            "places"
        ]
        assert tax == net["tax"]


class TestTheOrder:
    @pytest.mark.parametrize("areas", [(), ("--metros",)])
    def test_by_real_is_the_order_of_after_housing(self, cli_json, areas):
        document = cli_json("where", "sre", "--sort", "real", "--top", "1000", *areas)
        assert document["sort"] == "real"
        after = [place["worth"]["after_housing"] for place in document["places"]]
        known = [value for value in after if value is not None]
        assert len(known) > 40
        assert after[: len(known)] == known  # those without one last
        assert known == sorted(known, reverse=True)

    def test_by_take_home_is_the_order_of_take_home(self, cli_json):
        document = cli_json("where", "sre", "--sort", "take-home", *EVERY_STATE)
        taxes = [place["worth"]["tax"] for place in document["places"]]
        take_home = [tax["take_home"] for tax in taxes if tax is not None]
        assert take_home == sorted(take_home, reverse=True)
        assert taxes[: len(take_home)] == [tax for tax in taxes if tax is not None]
        # what a median is worth is not the order of the medians
        medians = [place["annual_wages"]["median"] for place in document["places"]]
        assert medians != sorted(medians, key=lambda median: -(median or 0))

    def test_top_and_min_employment_apply_after_the_ranking(self, cli_json):
        every = cli_json("where", "sre", "--sort", "real", "--metros", "--top", "1000")
        first = cli_json("where", "sre", "--sort", "real", "--metros", "--top", "5")
        assert first["places"] == every["places"][:5]
        assert all(place["employment"] >= 100 for place in every["places"])

    def test_a_top_coded_median_has_no_take_home_and_sorts_last(self, cli_json):
        document = cli_json("where", "29-1022", "--sort", "take-home", *EVERY_STATE)
        alabama = by_postal(document, "AL")
        assert alabama["absent"]["median"]["at_least"] == 239_200
        worth = alabama["worth"]
        assert (worth["wages"], worth["tax"], worth["after_housing"]) == (None, None, None)
        assert worth["wages_absent"] == (
            "its median is top-coded (at least $239,200): a bound has no take-home"
        )
        assert worth["housing"]["index"] > 0  # still known
        last = [place for place in document["places"] if place["worth"]["tax"] is None]
        assert document["places"][-len(last) :] == last
        assert [place["area"]["name"] for place in last] == sorted(
            place["area"]["name"] for place in last
        )

    def test_wages_published_hourly_only_have_no_annual_median(self, cli, cli_json):
        document = cli_json("where", "27-2011", "--sort", "real", "--in", "NY")
        worth = document["places"][0]["worth"]
        assert worth["tax"] is None
        assert worth["wages_absent"] == (
            "BLS published its wages hourly only: no annual median to tax"
        )
        out = " ".join(cli("where", "27-2011", "--sort", "real").stdout.split())
        assert out.count("BLS published its wages hourly only") == 1  # for them all at once

    def test_a_territory_has_no_tax_figure_and_sorts_last(self, cli_json):
        document = cli_json("where", "sre", "--sort", "take-home", *EVERY_STATE)
        assert document["places"][-1]["area"]["postal"] == "PR"
        worth = document["places"][-1]["worth"]
        assert worth["wages"] == 79_380
        assert worth["tax"] is None
        assert worth["tax_absent"].startswith("no tax tables for Puerto Rico")

    def test_places_given_stay_in_the_order_given(self, cli_json):
        given = ("san jose", "austin", "PR", "seattle")
        args = [word for place in given for word in ("--in", place)]
        document = cli_json("where", "sre", "--sort", "real", *args)
        assert document["sort"] is None
        assert [place["area"]["name"][:6] for place in document["places"]] == [
            "San Jo", "Austin", "Puerto", "Seattl"
        ]  # fmt: skip
        assert cli_json("where", "sre", "--sort", "take-home", *args) == document


class TestTheJson:
    @pytest.mark.parametrize(
        "args",
        [
            (),
            ("--sort", "p90", "--metros"),
            ("--sort", "employment"),
            ("--in", "austin", "--in", "PR"),
        ],
    )
    def test_unchanged_without_the_new_sorts(self, cli_json, args):
        document = cli_json("where", "sre", *args)
        assert list(document) == LEGACY_KEYS
        for place in document["places"]:
            assert list(place) == ESTIMATE_KEYS

    def test_with_them_each_place_has_its_worth(self, cli_json):
        document = cli_json("where", "sre", "--sort", "real")
        assert list(document) == [*LEGACY_KEYS, "filing", "sources"]
        assert set(document["sources"]) == {"tax", "tax_tables", "housing"}
        assert "taxsim-py" in document["sources"]["tax"]
        for place in document["places"]:
            assert list(place) == [*ESTIMATE_KEYS, "worth"]
            assert list(place["worth"]) == WORTH_KEYS
            assert place["worth"]["wages"] == place["annual_wages"]["median"]
        plain = cli_json("where", "sre")
        assert [place["area"] for place in plain["places"]] != [
            place["area"] for place in document["places"]
        ]


class TestWhatIsShown:
    def test_the_columns_appear_only_when_sorted_by_them(self, cli):
        assert "Take-home" not in cli("where", "sre").stdout
        assert "Take-home" not in cli("where", "sre", "--in", "austin").stdout
        for args in (("--sort", "real"), ("--sort", "take-home", "--in", "austin")):
            out = cli("where", "sre", *args).stdout
            header = out.splitlines()[0].split()
            assert header[-4:] == ["Take-home", "Housing", "After", "housing"]

    def test_the_caption_says_whose_figures_and_that_they_are_estimates(self, cli):
        out = " ".join(cli("where", "sre", "--sort", "take-home", "--metros").stdout.split())
        assert "BLS OEWS, May 2025." in out
        assert "Take-home, an estimate: the median less federal and state income tax" in out
        assert "taxsim-py 0.4.1" in out
        assert "tax year 2025" in out
        assert "Census SPM geographic adjustment for renters, 2024" in out
        assert "an estimate, to the nearest $100" in out
        assert "Not included: local income taxes" in out
        assert (
            "New York-Newark-Jersey City, NY-NJ: taxed as living in NY, the state named first"
            " (not NJ)" in out
        )
        assert "Seattle-Tacoma-Bellevue, WA: taxed" not in out  # said only where it applies

    def test_a_note_every_place_shares_is_said_once(self, cli):
        out = cli("where", "sre", "--sort", "real", "--tax-state", "TX").stdout
        assert "Every place: taxed as living in TX (--tax-state)." in " ".join(out.split())

    def test_the_reason_a_place_has_no_figure_is_under_the_table(self, cli):
        out = " ".join(cli("where", "29-1022", "--sort", "real", "--in", "AL").stdout.split())
        assert "Alabama: its median is top-coded (at least $239,200)" in out

    def test_plain_adds_the_three_fields(self, cli, cli_json):
        lines = cli("where", "sre", "--sort", "real", "--plain").stdout.splitlines()
        header = lines[0].split("\t")
        assert header[-3:] == ["take_home", "housing_index", "after_housing"]
        document = cli_json("where", "sre", "--sort", "real")
        for line, place in zip(lines[1:], document["places"], strict=True):
            fields = line.split("\t")
            worth = place["worth"]
            assert fields[-3:] == [
                str(worth["tax"]["take_home"]),
                str(worth["housing"]["index"]),
                str(worth["after_housing"]),
            ]
        assert "take_home" not in cli("where", "sre", "--plain").stdout


class TestBadValues:
    @pytest.mark.parametrize(
        ("args", "words"),
        [
            (("--sort", "realz"), "--sort must be one of: median, p10"),
            (("--sort", "real", "--filing", "both"), "--filing must be one of: single, joint"),
            (("--sort", "real", "--tax-state", "ZZ"), "'ZZ' is not the postal code of a state"),
            (("--tax-state", "TX"), "--tax-state applies to --sort take-home or --sort real"),
            (("--filing", "joint"), "--filing applies to --sort take-home or --sort real"),
        ],
    )
    def test_a_bad_value_is_one_line_and_exit_2(self, args, words):
        line = one_line_usage_error("where", "sre", *args)
        assert line.startswith("techpay: ")
        assert words in line

    def test_map_by_a_bad_measure(self):
        assert "--by must be one of" in one_line_usage_error("map", "sre", "--by", "realz")


class TestTheMap:
    @pytest.mark.parametrize("measure", ["take-home", "real"])
    def test_each_state_has_the_figure_where_gives(self, cli_json, measure):
        document = cli_json("map", "sre", "--by", measure)
        assert document["measure"] == measure
        assert document["filing"] == "single"
        where = cli_json("where", "sre", "--sort", measure, *EVERY_STATE)
        worth = {place["area"]["postal"]: place["worth"] for place in where["places"]}
        for tile in document["tiles"]:
            found = worth.get(tile["postal"])
            if tile["value"] is None:
                assert tile["reason"]
                continue
            if measure == "real":
                assert tile["value"] == found["after_housing"]
            else:
                assert tile["value"] == whole_take_home(found["tax"])  # as tables show it
        by_bin = sorted((tile["bin"], tile["value"]) for tile in document["tiles"] if tile["bin"])
        assert [value for _, value in by_bin] == sorted(value for _, value in by_bin)

    def test_the_states_without_a_figure_say_why(self, cli_json):
        document = cli_json("map", "sre", "--by", "real")
        reasons = {found["postal"]: found["reason"] for found in document["not_published"]}
        assert reasons["AK"] == "BLS published no median: Estimate not released"
        assert reasons["PR"].startswith("no tax tables for Puerto Rico")

    def test_the_legend_says_what_it_is(self, cli):
        out = " ".join(cli("map", "sre", "--by", "real").stdout.split())
        assert out.startswith("Median annual wage after tax and housing by state:")
        assert "After tax, an estimate: the median less federal and state income tax" in out
        assert "After housing: take-home over the housing index" in out
        take_home = " ".join(cli("map", "sre", "--by", "take-home").stdout.split())
        assert take_home.startswith("Median annual wage after tax by state:")
        assert "After housing" not in take_home

    def test_the_other_measures_are_unchanged(self, cli_json):
        document = cli_json("map", "sre")
        assert "sources" not in document
        assert "filing" not in document
