"""Offers over the years on the command line (issue 19): ``offer ROLE BASE`` with the parts of
an offer, ``offers FILE``, and the offers file in ``init``, ``schema`` and ``validate``.

The issue's figures are worked out by hand: a back-loaded $400,000 grant vests 5%, 15%, 40%
and 40% of it; a 10% bonus on a base raised 5% is 15,000 then 15,750; shares falling 50% a
year are worth 100,000, 50,000, 25,000 and 12,500 of an even grant. Take-home is checked
against the tax tables' own figures, as ``net`` gives them.
"""

from __future__ import annotations

import json
import os
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import examples, run_techpay
from techpay.core.errors import EXIT_ERROR, EXIT_USAGE, DataError
from techpay.core.offerfile import OFFERS_STARTER, OffersFile
from techpay.core.offerplain import OfferTerms, plain_offers, read_offer_terms, simple_toml


def offer_json(cli, *args: str) -> dict:
    result = cli("offer", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def column(document: dict, name: str) -> list:
    return [row[name] for row in document["years"]]


def write(tmp_path, text: str, name: str = "offers.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def offer_table(name: str, base: str, place: str = "austin", **parts: str) -> str:
    lines = [f'[[offers]]\nname = "{name}"\nrole = "sre"\nplace = "{place}"\nbase = "{base}"']
    lines += [f'{key} = "{value}"' for key, value in parts.items()]
    return "\n".join(lines) + "\n"


class TestTheIssuesFigures:
    def test_a_back_loaded_grant(self, cli):
        document = offer_json(cli, "sre", "150000", "--stock", "400k", "--vest", "back",
                              "--years", "4")  # fmt: skip
        assert column(document, "equity") == [20_000, 60_000, 160_000, 160_000]
        assert column(document, "total") == [170_000, 210_000, 310_000, 310_000]
        assert document["totals"]["total"] == 1_000_000
        assert document["totals"]["equity"] == 400_000
        assert document["terms"]["vest"]["shares"] == [0.05, 0.15, 0.4, 0.4]

    def test_an_even_grant(self, cli):
        document = offer_json(cli, "sre", "150k", "--stock", "400k", "--vest", "even")
        assert column(document, "equity") == [100_000] * 4

    def test_a_schedule_that_does_not_sum_to_100_is_refused_naming_the_sum(self, cli):
        result = cli("offer", "sre", "150k", "--stock", "400k", "--vest", "10,20,30,30")
        assert result.exit_code == EXIT_USAGE
        assert result.stdout == ""
        assert "--vest: '10,20,30,30' sums to 90, not 100" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1

    def test_a_bonus_share_follows_the_raised_base(self, cli):
        document = offer_json(cli, "sre", "150k", "--bonus", "10%", "--raise", "5%")
        assert column(document, "bonus")[:2] == [15_000, 15_750]
        assert column(document, "base")[:2] == [150_000, 157_500]

    def test_falling_shares(self, cli):
        document = offer_json(cli, "sre", "150k", "--stock", "400k", "--vest", "even",
                              "--stock-growth", "-50%")  # fmt: skip
        assert column(document, "equity") == [100_000, 50_000, 25_000, 12_500]

    def test_the_take_home_of_a_170000_year_in_austin(self, cli):
        """Texas has no income tax: 170,000 less federal income tax, Social Security and
        Medicare, from the tax tables, as ``net`` gives them."""
        document = offer_json(cli, "sre", "150k", "--stock", "400k", "--vest", "back",
                              "--in", "austin")  # fmt: skip
        (austin,) = document["years"][0]["places"]
        net = json.loads(cli("net", "170k", "--in", "austin", "--json").stdout)
        tax = net["places"][0]["tax"]
        expected = 170_000 - tax["federal_income_tax"] - tax["social_security"] - tax["medicare"]
        assert tax["state_income_tax"] == 0
        assert austin["area"]["name"] == "Austin-Round Rock-San Marcos, TX"
        assert austin["take_home"] == pytest.approx(expected, abs=0.01)
        assert austin["take_home"] == tax["take_home"]
        assert austin["after_housing"] == net["places"][0]["after_housing"]

    def test_each_year_is_taxed_on_its_own_total_in_each_place(self, cli):
        document = offer_json(cli, "sre", "150k", "--stock", "400k", "--vest", "back",
                              "--in", "austin", "--in", "san jose")  # fmt: skip
        for row in document["years"]:
            for place in row["places"]:
                net = json.loads(cli("net", str(row["total"]), "--in", place["area"]["code"],
                                     "--json").stdout)  # fmt: skip
                assert place["take_home"] == net["places"][0]["tax"]["take_home"]
        totals = document["totals"]["places"]
        for index, total in enumerate(totals):
            homes = [row["places"][index]["take_home"] for row in document["years"]]
            assert total["take_home"] == pytest.approx(sum(homes), abs=0.01)


class TestOfferWithoutParts:
    def test_the_document_is_todays(self, cli):
        """No part given: none of the new keys (the README's examples pin the bytes)."""
        document = offer_json(cli, "sre", "150k", "--in", "austin")
        assert set(document) == {"offer", "role", "occupation", "source", "release",
                                 "article_range", "places", "filing", "sources"}  # fmt: skip
        assert set(offer_json(cli, "sre", "150k")) == {
            "offer", "role", "occupation", "source", "release", "article_range", "places"
        }  # fmt: skip

    def test_the_table_has_no_years(self, cli):
        result = cli("offer", "sre", "150k", "--in", "austin")
        assert "Year by year" not in result.stdout
        assert "base pay" not in result.stdout


class TestOfferWithParts:
    def test_the_table_lays_out_each_year_and_says_oews_is_base_pay_once(self, cli):
        result = cli("offer", "sre", "150k", "--stock", "400k", "--vest", "back",
                     "--in", "austin")  # fmt: skip
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        assert "Year by year: base $150,000; stock $400,000 vesting 5%, 15%, 40%, 40%" in out
        assert out.count("OEWS wages are base pay") == 1
        assert "Total  $600,000" in out
        assert "$1,000,000" in out
        assert "(1 + growth)^(k-1)" in out
        assert "The base alone, after tax and housing:" in out

    def test_without_a_place_the_nation_federal_and_payroll_taxes_only(self, cli):
        document = offer_json(cli, "sre", "150k", "--years", "2")
        assert [row["year"] for row in document["years"]] == [1, 2]
        (place,) = document["years"][0]["places"]
        assert place["area"]["type"] == "national"
        result = cli("offer", "sre", "150k", "--years", "2")
        assert "United States: no state income tax counted" in result.stdout

    def test_plain_adds_a_header_and_a_line_per_year_and_place(self, cli):
        result = cli("offer", "sre", "150k", "--stock", "400k", "--vest", "back",
                     "--in", "austin", "--plain")  # fmt: skip
        lines = result.stdout.splitlines()
        assert lines[3] == ("year\tbase\tbonus\tsign_on\tequity\ttotal\tarea_code\tplace\t"
                            "take_home\tafter_housing")  # fmt: skip
        assert lines[4].split("\t")[:6] == ["1", "150000", "0", "0", "20000", "170000"]
        assert len(lines) == 8
        no_header = cli("offer", "sre", "150k", "--stock", "400k", "--no-header", "--in", "CA")
        assert len(no_header.stdout.splitlines()) == 2 + 4

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--years", "0"], "--years"),
            (["--years", "11"], "--years"),
            (["--stock", "-5k"], "--stock: '-5k' must be at least 0"),
            (["--refresh", "lots"], "--refresh: 'lots'"),
            (["--raise", "150%"], "--raise: '150%' must be -50% to 100%"),
            (["--stock-growth", "-101%"], "--stock-growth: '-101%' must be -100% to 1000%"),
            (["--bonus", "10"], "--bonus: '10' is ambiguous: write 10% or $10"),
            (["--vest", "monthly"], "--vest: 'monthly' must be even, front, back, cliff"),
        ],
    )
    def test_a_bad_part_is_one_line_and_exit_2(self, cli, args, message):
        result = cli("offer", "sre", "150k", *args)
        assert result.exit_code == EXIT_USAGE
        assert result.stdout == ""
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1

    def test_help_explains_the_presets_and_how_shares_are_valued(self, cli):
        text = " ".join(cli("offer", "--help").stdout.split())
        for preset in ("even (25/25/25/25", "front (33/33/22/12)", "back (5/15/40/40)", "cliff"):
            assert preset in text
        assert "grant price times (1 + growth)^(k-1)" in text

    @settings(max_examples=examples(20), deadline=None)
    @given(
        stock=st.integers(min_value=0, max_value=2_000_000),
        vest=st.sampled_from(["even", "front", "back", "cliff", "10,20,30,40", "50,50"]),
        years=st.integers(min_value=4, max_value=10),
    )
    def test_without_growth_the_yearly_equity_adds_up_to_the_grant(self, stock, vest, years):
        from conftest import run_in_process

        result = run_in_process("offer", "sre", "150k", "--stock", str(stock), "--vest", vest,
                                "--years", str(years), "--json")  # fmt: skip
        document = json.loads(result.stdout)
        equity = column(document, "equity")
        assert sum(equity) == stock


TWO = offer_table("Cash", "200k") + offer_table("Stock", "150k", stock="400k", vest="back")


class TestOffers:
    def test_one_offer_overtakes_another_in_the_year_the_running_totals_cross(self, cli, tmp_path):
        """Cash: 200,000 a year; Stock: 170,000, 210,000, 310,000, 310,000. Running:
        200/400/600/800 against 170/380/690/1,000 thousand: Stock is ahead from year 3."""
        document = json.loads(cli("offers", write(tmp_path, TWO), "--json").stdout)
        cash, stock = document["offers"]
        assert [step["total"] for step in cash["cumulative"]] == [200_000, 400_000, 600_000,
                                                                 800_000]  # fmt: skip
        assert [step["total"] for step in stock["cumulative"]] == [170_000, 380_000, 690_000,
                                                                  1_000_000]  # fmt: skip
        assert document["crossovers"] == [
            {"offer": "Stock", "overtakes": "Cash", "year": 3, "measure": measure}
            for measure in ("total", "take_home", "after_housing")
        ]
        leading = [row["total"] for row in document["leader_by_year"]]
        assert leading == ["Cash", "Cash", "Stock", "Stock"]
        table = cli("offers", write(tmp_path, TWO))
        assert "By take-home: Stock overtakes Cash in year 3." in table.stdout

    def test_within_a_shorter_horizon_nobody_overtakes_and_it_says_so(self, cli, tmp_path):
        path = write(tmp_path, TWO)
        document = json.loads(cli("offers", path, "--years", "2", "--json").stdout)
        assert document["crossovers"] == []
        assert len(document["offers"][0]["years"]) == 2
        table = cli("offers", path, "--years", "2").stdout
        assert "By pay: no offer overtakes another within 2 years." in " ".join(table.split())

    def test_each_offer_in_its_own_place_with_its_base_placed_there(self, cli, tmp_path):
        path = write(tmp_path, OFFERS_STARTER)
        document = json.loads(cli("offers", path, "--json").stdout)
        austin, san_jose = document["offers"]
        assert austin["area"]["name"] == "Austin-Round Rock-San Marcos, TX"
        assert san_jose["area"]["name"] == "San Jose-Sunnyvale-Santa Clara, CA"
        # Software Developers in Austin: median 134,120, 75th 168,730: 50 + 25 * 30,880 / 34,610
        assert austin["official"]["placement"]["percentile"] == 72.3
        assert austin["official"]["median"] == 134_120
        offer = json.loads(cli("offer", "sre", "165k", "--in", "austin", "--json").stdout)
        assert offer["places"][1]["placement"] == austin["official"]["placement"]
        # the same take-home as offer with the same parts there
        same = json.loads(cli("offer", "sre", "190k", "--bonus", "10%", "--stock", "400k",
                              "--vest", "back", "--in", "san jose", "--json").stdout)  # fmt: skip
        assert same["years"] == san_jose["years"]
        assert document["base_only"].startswith("OEWS wages are base pay")

    def test_running_totals_and_leaders_are_those_of_the_years(self, cli, tmp_path):
        document = json.loads(cli("offers", write(tmp_path, OFFERS_STARTER), "--json").stdout)
        for offer in document["offers"]:
            homes = [row["places"][0]["take_home"] for row in offer["years"]]
            running = [step["take_home"] for step in offer["cumulative"]]
            assert running == pytest.approx([sum(homes[: n + 1]) for n in range(len(homes))])
        for index, leading in enumerate(document["leader_by_year"]):
            best = max(document["offers"], key=lambda o: o["cumulative"][index]["take_home"])
            assert leading["take_home"] == best["name"]

    def test_plain_is_a_line_per_offer_and_year(self, cli, tmp_path):
        result = cli("offers", write(tmp_path, TWO), "--plain")
        header, *rows = result.stdout.splitlines()
        assert header.split("\t")[:3] == ["offer", "year", "occupation"]
        assert len(rows) == 8
        assert rows[4].split("\t")[:2] == ["Stock", "1"]
        fields = dict(zip(header.split("\t"), rows[6].split("\t"), strict=True))
        assert (fields["total"], fields["cumulative_total"]) == ("310000", "690000")
        assert cli("offers", write(tmp_path, TWO), "--no-header").stdout.count("\n") == 8

    def test_svg_saves_the_chart_of_running_take_home(self, cli, tmp_path):
        picture = tmp_path / "offers.svg"
        result = cli("offers", write(tmp_path, TWO), "--svg", str(picture))
        assert result.exit_code == 0, result.stderr
        svg = picture.read_text(encoding="utf-8")
        assert svg.startswith("<svg")
        assert "Running&#160;take-home" in svg or "Running take-home" in svg
        again = cli("offers", write(tmp_path, TWO), "--svg", str(picture))
        assert again.exit_code == EXIT_ERROR  # it exists: never overwritten without --force
        assert "add --force" in again.stderr
        refused = cli("offers", write(tmp_path, TWO), "--json", "--html", str(tmp_path / "x"))
        assert refused.exit_code == EXIT_USAGE
        assert not (tmp_path / "x").exists()

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (offer_table("A", "150k") + offer_table("a", "160k"),
             "FILE: offers[1].name: used by offers[0] too (got 'a')"),
            (offer_table("A", "150k").replace('place = "austin"\n', ""),
             "FILE: offers[0].place: required field is missing"),
            (offer_table("A", "150k", stock="-400k"),
             "FILE: offers[0].stock: must be at least 0 (got '-400k')"),
            (offer_table("A", "-5"), "FILE: offers[0].base: must be more than 0 (got '-5')"),
            (offer_table("A", "0"), "FILE: offers[0].base: must be more than 0 (got '0')"),
            (offer_table("A", "150k").replace('"sre"', '"nosuchrole"'),
             "FILE: offers[0].role: no role matches 'nosuchrole'"),
            (offer_table("A", "150k", place="atlantis"),
             "FILE: offers[0].place: no place matches 'atlantis'"),
            ("offers = []\n", "FILE: offers: must list at least one offer"),
        ],
    )  # fmt: skip
    def test_a_bad_file_is_one_line_with_its_field_and_exit_1(self, cli, tmp_path, text, message):
        path = write(tmp_path, text)
        result = cli("offers", path, "--svg", str(tmp_path / "never.svg"))
        assert result.exit_code == EXIT_ERROR
        assert result.stdout == ""
        assert result.stderr.replace(path, "FILE").startswith(f"techpay: {message}")
        assert len(result.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "never.svg").exists()

    @pytest.mark.parametrize("years", ["0", "11"])
    def test_the_horizon_is_1_to_10_years(self, cli, tmp_path, years):
        result = cli("offers", write(tmp_path, TWO), "--years", years)
        assert result.exit_code == EXIT_USAGE


def test_the_same_pay_in_the_same_place_shows_the_same_take_home(cli):
    """$165,000 in Austin leaves $123,710.50 (JSON); every table shows it as net does: the
    pay less each tax rounded, $123,710 (not the cents rounded, $123,711)."""
    shown = cli("offer", "sre", "165k", "--in", "austin", "--years", "1").stdout
    assert "$123,711" not in shown
    assert shown.count("$123,710") == 4  # the nation and Austin for the base; year 1; total
    assert "$123,710" in cli("net", "165k", "--in", "austin").stdout


class TestStandardInput:
    """``offers -`` reads the offers from standard input: a real pipe, as a shell gives it."""

    def test_it_answers_as_for_the_file_and_names_it_stdin(self, tmp_path):
        path = write(tmp_path, TWO)
        piped = run_techpay("offers", "-", "--plain", input=TWO.encode())
        named = run_techpay("offers", path, "--plain")
        assert (piped.returncode, piped.stderr) == (0, b"")
        assert piped.stdout == named.stdout
        document = json.loads(run_techpay("offers", "-", "--json", input=TWO.encode()).stdout)
        assert document["file"] == "<stdin>"
        assert [offer["name"] for offer in document["offers"]] == ["Cash", "Stock"]

    def test_json_is_told_by_its_opening_brace(self):
        offers = [{"name": "Cash", "role": "sre", "place": "austin", "base": "200k"}]
        text = json.dumps({"offers": offers})
        document = json.loads(run_techpay("offers", "-", "--json", input=text.encode()).stdout)
        assert document["offers"][0]["years"][0]["total"] == 200_000

    def test_validate_reads_it_too(self):
        assert run_techpay("validate", "-", input=TWO.encode()).returncode == 0
        result = run_techpay("validate", "-", input=b'[[offers]]\nname = "A"\nrole = "sre"\n')
        assert result.returncode == EXIT_ERROR
        assert result.stdout.decode().splitlines() == [
            "<stdin>: offers[0].place: required field is missing",
            "<stdin>: offers[0].base: required field is missing",
        ]

    def test_a_closed_standard_input_is_said_to_be(self):
        closed = run_techpay("offers", "-", preexec_fn=lambda: os.close(0))  # as `<&-` does
        assert closed.returncode == EXIT_ERROR
        assert closed.stderr.startswith(b"techpay: <stdin>: standard input is closed")

    def test_a_problem_names_stdin_and_the_field(self):
        result = run_techpay("offers", "-", input=b'[[offers]]\nname = "A"\nrole = "sre"\n')
        assert result.returncode == EXIT_ERROR
        assert result.stderr.decode().startswith("techpay: <stdin>: offers[0].")
        assert len(result.stderr.splitlines()) == 1


class TestTheOffersFile:
    def test_init_writes_the_starter_and_never_over_a_file(self, cli, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        assert cli("init", "--offers").exit_code == 0
        assert (tmp_path / "offers.toml").read_text(encoding="utf-8") == OFFERS_STARTER
        again = cli("init", "--offers")
        assert again.exit_code == EXIT_ERROR
        assert "add --force" in again.stderr
        assert cli("init", "--offers", "--force").exit_code == 0
        assert cli("init", "--offers", "-").stdout == OFFERS_STARTER
        assert cli("init", "--offers", "mine.toml").exit_code == 0
        assert cli("validate", "mine.toml").exit_code == 0

    def test_schema_is_the_offers_files(self, cli):
        schema = json.loads(cli("schema", "--offers").stdout)
        spec = schema["$defs"]["OfferSpec"]
        assert spec["required"] == ["name", "role", "place", "base"]
        assert spec["properties"]["vest"]["default"] == "even"
        assert "raise" in spec["properties"]
        assert json.loads(cli("schema").stdout)["$defs"].get("OfferSpec") is None

    def test_validate_reports_every_problem_of_an_offers_file_with_its_field(self, cli, tmp_path):
        text = offer_table("A", "0", stock="-5k", vest="10,20,30,30").replace(
            'place = "austin"\n', ""
        )
        path = write(tmp_path, text)
        result = cli("validate", path)
        assert result.exit_code == EXIT_ERROR
        assert result.stdout.replace(path, "FILE").splitlines() == [
            "FILE: offers[0].place: required field is missing",
            "FILE: offers[0].base: must be more than 0 (got '0')",
            "FILE: offers[0].stock: must be at least 0 (got '-5k')",
            "FILE: offers[0].vest: sums to 90, not 100 (got '10,20,30,30')",
        ]
        both = cli("validate", path, write(tmp_path, OFFERS_STARTER, "good.toml"))
        assert both.stdout.count("\n") == 4

    def test_unknown_names_are_reported_beside_the_other_problems(self, cli, tmp_path):
        text = offer_table("A", "150k", place="atlantis").replace('"sre"', '"nosuchrole"')
        path = write(tmp_path, text + offer_table("B", "-1", place="mordor"))
        lines = cli("validate", path).stdout.replace(path, "FILE").splitlines()
        assert [line.split(":")[1].strip() for line in lines] == [
            "offers[0].role", "offers[0].place", "offers[1].base", "offers[1].place"]  # fmt: skip
        result = cli("offers", write(tmp_path, text + offer_table("B", "1k", place="mordor")))
        assert result.exit_code == EXIT_ERROR
        assert "offers[0].role: no role matches 'nosuchrole'" in result.stderr
        assert "(and 2 more problems; see 'techpay validate')" in result.stderr


# Documents the plain reader and the model must read alike: each field drawn from values of
# every kind, mostly good ones (so that many documents are valid), now and then a bad one.
GOOD = {
    "name": ["A", "B", "C d"],
    "role": ["sre", "15-1252"],
    "place": ["austin", "CA"],
    "base": ["150k", 150_000, 150_000.0, "$150,000"],
    "bonus": ["10%", "15k", 15_000, "0%", None],
    "sign_on": ["20k", 0, 20_000],
    "stock": ["400k", 400_000, 0],
    "vest": ["even", "BACK", "cliff", "10,20,30,40", "50%, 50%", [25, 25, 50]],
    "refresh": ["50k", 0],
    "raise": ["5%", 5, -50, "2.5%"],
    "stock_growth": ["-50%", "1000%", -10, 0],
    "filing": ["single", "joint"],
}
BAD = {
    "name": [" A ", "", 5],
    "role": ["", None],
    "place": [" ", []],
    "base": [0, "-5", True, "abc"],
    "bonus": [10, "250%", "x"],
    "sign_on": [-1, "x"],
    "stock": ["-5k", 1e300],
    "vest": ["10,20,30,30", 5, "monthly"],
    "refresh": [-5],
    "raise": [0.05, "150%"],
    "stock_growth": ["1001%", True],
    "filing": ["Single", "married"],
}
REQUIRED = {"name", "role", "place", "base"}


@st.composite
def offers_documents(draw):
    offers = []
    for number in range(draw(st.integers(min_value=0, max_value=3))):
        keys = draw(st.sets(st.sampled_from(sorted(GOOD))))
        if draw(st.integers(0, 9)):
            keys |= REQUIRED
        offer = {}
        for key in sorted(keys):
            bad = draw(st.integers(0, 19)) == 0
            offer[key] = draw(st.sampled_from((BAD if bad else GOOD)[key]))
        if "name" in offer and offer["name"] in GOOD["name"] and draw(st.integers(0, 4)):
            offer["name"] = f"{offer['name']} {number}"  # mostly different names
        offers.append(offer)
    if draw(st.integers(0, 19)) == 0:
        return {"offers": offers, "roles": []}
    return {"offers": offers}


class TestThePlainReader:
    @settings(max_examples=examples(400))
    @given(raw=offers_documents())
    def test_it_reads_what_the_model_reads_or_leaves_it_to_the_model(self, raw):
        found = plain_offers(raw)
        try:
            model = [OfferTerms.of(spec) for spec in OffersFile.model_validate(raw).offers]
        except ValidationError:  # the model refuses: the plain reader must too
            assert found is None
            return
        if found is not None:
            assert found == model

    def test_the_starter_is_read_without_the_model(self):
        assert plain_offers(tomllib.loads(OFFERS_STARTER)) is not None

    def test_a_file_it_does_not_read_is_the_models_to_read_or_refuse(self, tmp_path):
        listed = write(tmp_path, offer_table("A", "150k") + "vest = [25, 25, 50]\n")
        (offer,) = read_offer_terms(listed)
        assert [float(share) for share in offer.vest.shares] == [0.25, 0.25, 0.5]
        with pytest.raises(DataError) as caught:
            read_offer_terms(write(tmp_path, offer_table("A", "0")))
        assert str(caught.value).endswith("offers[0].base: must be more than 0 (got '0')")


# Lines of an offers file, plain and less so: what the simple reader must read as tomllib
# does, or leave to it.
LINES = [
    "[[offers]]", "[[ offers ]]  # the next", "[offers]", "[[offer]]", "", "   ", "# a comment",
    'name = "Austin"', 'name="San Jose"   # where', 'role = "sre"', 'base = 150000',
    "base = 0", "base = -5", "base = 0150", "base = 150_000", "base = +5", "base = 1.5",
    'bonus = "10%"', 'bonus = "a#b"', 'place = "caf\u00e9"', 'place = "a\tb"', "place = 'x'",
    'place = "a\\"b"', 'place = "x" "y"', 'name = ""', "stock = 99999999999999999999",
    'a.b = "x"', '"name" = "x"', "vest = [25, 75]", 'name = "x"\r', "name = \"x\" # \x01",
    'offers = "x"', "1 = 2", "name =", "= 5",
]  # fmt: skip


class TestTheSimpleTomlReader:
    @settings(max_examples=examples(600))
    @given(
        tables=st.lists(
            st.tuples(
                st.sampled_from(["[[offers]]", "[[offers]]", "[[ offers ]]  # the next", "#"]),
                st.lists(st.sampled_from(LINES), max_size=6, unique=True),
            ),
            max_size=3,
        )
    )
    def test_it_reads_as_tomllib_does_or_leaves_it_to_tomllib(self, tables):
        text = "\n".join(line for header, lines in tables for line in [header, *lines])
        quick = simple_toml(text)
        try:
            parsed = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            assert quick is None
            return
        assert quick is None or quick == parsed

    def test_the_starter_is_read_without_a_toml_parser(self):
        assert simple_toml(OFFERS_STARTER) == tomllib.loads(OFFERS_STARTER)
