"""What pay is worth: `net`, and `offer --in` after tax and housing, against the figures of
taxsim-py 0.4.1 (tax year 2025) and Census's SPM geographic adjustments (2024)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from techpay.core.amounts import TAXES, whole_dollars, whole_take_home
from techpay.core.paths import bundled_file
from techpay.official import housing, taxes
from techpay.official.worth import Worth, tax_state

# taxsim-py 0.4.1, tax year 2025, single, wages only, $150,000: state income tax.
STATE_TAX_150K = {"CA": 9_705, "NY": 8_433, "IL": 7_284, "CO": 5_878, "MN": 9_006,
                  "OR": 12_822, "MA": 7_180, "DC": 9_875, "TX": 0, "WA": 0}  # fmt: skip


def net(cli_json, *args: str) -> dict:
    return cli_json("net", *args)


def only_place(document: dict) -> dict:
    (place,) = document["places"]
    return place


@pytest.mark.parametrize(("state", "expected"), sorted(STATE_TAX_150K.items()))
def test_the_state_income_tax_on_150k_is_taxsims(cli_json, state, expected):
    tax = only_place(net(cli_json, "150k", "--in", state))["tax"]
    assert round(tax["state_income_tax"]) == expected
    assert round(tax["federal_income_tax"]) == 25_067
    assert tax["social_security"] == 9_300
    assert tax["medicare"] == 2_175
    assert tax["state"] == ("DC" if state == "DC" else state)
    assert tax["year"] == 2025


def test_married_filing_jointly_with_one_earner_in_california(cli_json):
    tax = only_place(net(cli_json, "150000", "--in", "CA", "--filing", "joint"))["tax"]
    assert (round(tax["federal_income_tax"]), round(tax["state_income_tax"])) == (15_898, 5_549)
    assert tax["filing"] == "joint"


def test_300k_in_california_itemises_and_pays_the_additional_medicare_tax(cli_json):
    tax = only_place(net(cli_json, "$300,000", "--in", "california"))["tax"]
    assert round(tax["federal_income_tax"]) == 66_226  # state income tax deducted
    assert round(tax["state_income_tax"]) == 23_775
    assert tax["social_security"] == 10_918.20  # 6.2% of the 2025 wage base, $176,100
    assert tax["medicare"] == 5_250  # 1.45% of $300,000, and 0.9% of $100,000 over $200,000
    texas = only_place(net(cli_json, "300k", "--in", "TX"))["tax"]
    assert round(texas["federal_income_tax"]) == 69_035  # the standard deduction


def test_take_home_is_wages_less_every_tax(cli_json):
    tax = only_place(net(cli_json, "170k", "--in", "austin"))["tax"]
    paid = tax["federal_income_tax"] + tax["social_security"] + tax["medicare"]
    assert tax["state_income_tax"] == 0
    assert tax["take_home"] == 170_000 - paid  # to the cent: each tax is, and so is the rest
    assert round(tax["federal_income_tax"]) == 29_867


def test_without_a_place_no_state_tax_is_counted_and_it_says_so(cli):
    result = cli("net", "165k")
    assert result.exit_code == 0
    assert "$28,667" in result.stdout
    assert "no state income tax counted" in result.stdout
    document = json.loads(cli("net", "165k", "--json").stdout)
    place = only_place(document)
    assert place["tax"]["state"] is None
    assert place["tax"]["state_income_tax"] is None
    assert place["housing"]["index"] == 1.0


def test_the_housing_index_is_censuss_renter_adjustment(cli_json):
    document = net(cli_json, "165k", "--in", "austin", "--in", "san jose")
    austin, san_jose = document["places"]
    assert austin["housing"]["index"] == pytest.approx(1.1276, abs=1e-4)
    assert austin["housing"]["rent_index"] == 1.288
    assert san_jose["housing"]["index"] == pytest.approx(1.5170, abs=1e-4)
    assert austin["housing"]["year"] == 2024
    assert austin["housing"]["fallback"] is None
    for place in document["places"]:
        after = place["tax"]["take_home"] / place["housing"]["index"]
        assert place["after_housing"] == round(after / 100) * 100


def test_a_metro_area_spanning_states_is_taxed_in_the_state_named_first(cli_json):
    place = only_place(net(cli_json, "200k", "--in", "nyc"))
    assert place["tax"]["state"] == "NY"
    assert "named first" in place["tax_note"]
    jersey = only_place(net(cli_json, "200k", "--in", "nyc", "--tax-state", "nj"))
    assert jersey["tax"]["state"] == "NJ"
    assert jersey["tax"]["state_income_tax"] != place["tax"]["state_income_tax"]


def test_a_tax_state_alone_is_that_states_figures(cli_json):
    place = only_place(net(cli_json, "150k", "--tax-state", "ca"))
    assert place["area"]["name"] == "California"
    assert round(place["tax"]["state_income_tax"]) == 9_705


def test_a_territory_alone_is_an_error(cli):
    result = cli("net", "100k", "--in", "guam")
    assert result.exit_code == 1
    assert result.stderr == "techpay: no tax tables for Guam: they cover the 50 states and DC\n"


def test_a_territory_has_no_tax_figures_and_says_why(cli_json):
    place = net(cli_json, "100k", "--in", "PR", "--in", "TX")["places"][0]
    assert place["tax"] is None
    assert place["after_housing"] is None
    assert "50 states and DC" in place["tax_absent"]


def test_an_area_without_its_own_housing_figure_names_the_fallback(cli_json):
    place = only_place(net(cli_json, "100k", "--in", "Albany, GA"))
    assert "metro remainder" in place["housing"]["fallback"]
    assert place["housing"]["basis"] == "Georgia Metro"


def test_a_state_says_how_its_housing_figure_is_formed(cli_json):
    place = only_place(net(cli_json, "100k", "--in", "TX"))
    assert "weighted by their employment" in place["housing"]["basis"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["net", "165k", "--filing", "widowed"], "--filing must be one of: single, joint"),
        (["net", "165k", "--in", "nyc", "--tax-state", "ZZ"], "'ZZ' is not the postal code"),
        (["net", "-5"], "negative"),
        (["net", "0"], "more than zero"),
        (["net", "lots"], "not an amount"),
        (["net", "165k", "--in", "atlantis"], "atlantis"),
    ],
)
def test_bad_input_is_one_line_and_a_usage_error(cli, args, words):
    result = cli(*args)
    assert result.exit_code in (1, 2)
    assert words in result.stderr
    assert result.stdout == ""


def test_net_plain_is_a_header_and_a_line_per_place(cli):
    result = cli("net", "150k", "--in", "CA", "--in", "TX", "--plain")
    header, california, texas = result.stdout.splitlines()
    assert header.split("\t")[:5] == ["area_code", "place", "tax_state", "filing", "wages"]
    assert california.split("\t")[6] == "9704.98"
    assert texas.split("\t")[6] == "0.0"


def test_offer_in_two_places_gives_the_pay_to_match_the_first(cli_json):
    document = cli_json("offer", "sre", "165k", "--in", "austin", "--in", "san jose")
    nation, austin, san_jose = document["places"]
    assert austin["equivalent"] == 165_000
    assert nation["equivalent"] is None
    wanted = austin["tax"]["take_home"] / austin["housing"]["index"]
    worth = Worth()
    san_jose_area = san_jose["area"]
    plan = worth.plan("CA")
    exact = taxes.wages_for(plan, wanted * san_jose["housing"]["index"])
    assert san_jose["equivalent"] == -(-exact // 100) * 100  # rounded up: enough
    assert taxes.take_home(plan, exact) >= wanted * san_jose["housing"]["index"]
    assert taxes.take_home(plan, exact - 1) < wanted * san_jose["housing"]["index"]
    assert 230_000 < san_jose["equivalent"] < 260_000
    assert worth.equivalent(san_jose_area, wanted) == san_jose["equivalent"]
    assert document["sources"]["tax"].startswith("taxsim-py 0.4.1")


def test_offer_without_places_answers_as_before(cli_json):
    document = cli_json("offer", "sre", "165k")
    assert set(document) == {"offer", "role", "occupation", "source", "release",
                             "article_range", "places"}  # fmt: skip
    assert "tax" not in document["places"][0]


def test_offer_in_places_shows_take_home_and_the_pay_to_match(cli):
    result = cli("offer", "sre", "165k", "--in", "austin", "--in", "san jose")
    assert result.exit_code == 0
    assert "Pay to match" in result.stdout
    assert "as well as on $165,000 in Austin-Round Rock-San Marcos, TX" in result.stdout
    assert "tax year 2025" in result.stdout


def test_each_recoded_area_names_the_same_place_in_both_sources():
    """RECODED is ours: the OEWS area and Census's entry share their first place name."""
    oews = sqlite3.connect(bundled_file("oews.sqlite"))
    tables = taxes.open_tables()
    for area, code in housing.RECODED.items():
        (name,) = oews.execute("SELECT name FROM area WHERE code = ?", (area,)).fetchone()
        (census,) = tables.execute("SELECT name FROM housing WHERE code = ?", (code,)).fetchone()
        places = name.split(",")[0].split("-")
        assert any(place in census for place in places), (name, census)


def test_every_state_and_metro_area_has_a_housing_figure_or_a_reason():
    oews = sqlite3.connect(bundled_file("oews.sqlite"))
    worth = Worth()
    missing = []
    for code, kind, name, postal in oews.execute("SELECT code, type, name, postal FROM area"):
        area = {"code": code, "type": kind, "name": name, "postal": postal}
        if postal in ("PR", "GU", "VI"):
            assert worth.housing(area) is None
            continue
        if worth.housing(area) is None:
            missing.append(name)
    assert missing == []


def test_the_tables_record_their_sources():
    facts = taxes.provenance(taxes.open_tables())
    assert facts["tax_year"] == "2025"
    assert facts["tax_wheel_sha256"].startswith("fddb23fe")
    assert facts["housing_year"] == "2024"
    assert facts["housing_wheel_sha256"].startswith("c9834a76")
    assert float(facts["tax_largest_difference"]) <= 0.05


@pytest.mark.parametrize("name", ["Kansas City, MO-KS", "New York-Newark-Jersey City, NY-NJ"])
def test_the_state_named_first(name):
    area = {"code": "0000001", "type": "metro", "name": name, "postal": None}
    state, note = tax_state(area)
    assert state == name.split(", ")[1][:2]
    assert "named first" in note


@settings(max_examples=examples(100), deadline=None)
@given(
    st.sampled_from(sorted(taxes.STATE_FIPS)),
    st.sampled_from(taxes.FILINGS),
    st.integers(min_value=1_000, max_value=5_000_000),
)
def test_the_pay_to_match_a_take_home_is_the_least_that_reaches_it(state, filing, wages):
    plan = Worth(filing).plan(state)
    wanted = taxes.take_home(plan, wages)
    found = taxes.wages_for(plan, wanted)
    assert found is not None
    assert found <= wages
    assert taxes.take_home(plan, found) >= wanted
    assert found == 0 or taxes.take_home(plan, found - 1) < wanted


@settings(max_examples=examples(200), deadline=None)
@given(
    st.sampled_from([*sorted(taxes.STATE_FIPS), None]),
    st.sampled_from(taxes.FILINGS),
    st.integers(min_value=0, max_value=3_000_000),
)
def test_the_taxes_and_the_take_home_add_up_to_the_cent_and_to_the_dollar(state, filing, wages):
    tax = taxes.taxes_on(Worth(filing).plan(state), wages, state, filing)
    paid = [tax[name] for name in TAXES if tax[name] is not None]
    assert round(tax["take_home"] * 100) == wages * 100 - sum(round(cents * 100) for cents in paid)
    # In whole dollars, each tax rounded on its own and the take-home what they leave: at
    # most half a dollar a tax from the take-home in cents.
    shown = whole_take_home(tax)
    assert shown == wages - sum(whole_dollars(amount) for amount in paid)
    assert abs(shown - tax["take_home"]) <= 0.5 * len(paid)


def test_whole_dollars_round_half_a_dollar_away_from_zero():
    assert [whole_dollars(amount) for amount in (2_392.5, 2_392.49, 0.5, -2.5, -2.49)] == [
        2_393, 2_392, 1, -3, -2]  # fmt: skip


def _dollars(cell: str) -> int:
    return int(cell.replace("$", "").replace(",", ""))


@pytest.mark.parametrize("wages", ["165k", "150k", "300k", "72,345", "1040002"])
def test_the_net_table_adds_up_and_a_tax_is_the_same_wherever_it_is_the_same(cli, cli_json, wages):
    """A reader who subtracts the taxes shown from the pay gets the take-home shown; and
    Medicare, the same in every state, is shown the same in every column."""
    places = ("--in", "austin", "--in", "san jose", "--in", "NY", "--in", "DC")
    result = cli("net", wages, *places)
    rows = {line[:18].strip(): line[18:].split() for line in result.stdout.splitlines()}
    pay = _dollars(wages.replace("k", "000"))
    taxed = [rows[label] for label in ("Federal income tax", "State income tax",
                                       "Social Security", "Medicare")]  # fmt: skip
    for column, home in enumerate(rows["Take-home"]):
        assert pay - sum(_dollars(row[column]) for row in taxed) == _dollars(home)
    assert len(set(rows["Medicare"])) == len(set(rows["Social Security"])) == 1
    for place, shown in zip(
        cli_json("net", wages, *places)["places"], rows["Medicare"], strict=True
    ):
        assert _dollars(shown) == whole_dollars(place["tax"]["medicare"])


def test_a_total_of_whole_dollars_is_the_sum_of_those_shown(cli, tmp_path):
    """offers: each offer's total take-home is the sum of its years as shown."""
    offers = tmp_path / "offers.toml"
    offers.write_text(
        '[[offers]]\nname = "A"\nrole = "sre"\nplace = "austin"\nbase = "165k"\nstock = "200k"\n'
        '[[offers]]\nname = "B"\nrole = "sre"\nplace = "san jose"\nbase = "190k"\n'
        'bonus = "10%"\nstock = "400k"\nvest = "back"\n',
        encoding="utf-8",
    )
    lines = cli("offers", str(offers)).stdout.splitlines()
    tables = 0
    for number, line in enumerate(lines):
        if line.strip().startswith("Year") and "Take-home" in line:
            column = line.split().index("Take-home")
            years = lines[number + 2 : number + 6]
            total = lines[number + 6]
            assert total.startswith("Total")
            shown = sum(_dollars(year.split()[column]) for year in years)
            assert _dollars(total.split()[column]) == shown
            tables += 1
    assert tables == 2
