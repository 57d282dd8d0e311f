"""Multi-part offers (issue 19): reading the terms, each year's pay, who leads and when one
offer overtakes another, and the offers file."""

from __future__ import annotations

import itertools
import json
import tomllib
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from techpay.core.compensation import crossovers, cumulative, leaders, plan
from techpay.core.errors import DataError
from techpay.core.offerfile import OFFERS_STARTER, OffersFile, read_offers
from techpay.core.terms import (
    BACK,
    CLIFF,
    EVEN,
    FRONT,
    RAISE_BOUNDS,
    STOCK_GROWTH_BOUNDS,
    ValueRefused,
    Vesting,
    parse_bonus,
    parse_share,
    parse_vest,
)

RAISE = {"low": RAISE_BOUNDS[0], "high": RAISE_BOUNDS[1]}
GROWTH = {"low": STOCK_GROWTH_BOUNDS[0], "high": STOCK_GROWTH_BOUNDS[1]}


def column(rows, name):
    return [row[name] for row in rows]


class TestShares:
    @pytest.mark.parametrize(
        ("text", "share"),
        [("10%", 0.1), ("10", 0.1), ("-50%", -0.5), ("2.5%", 0.025), (" 5 % ", 0.05),
         ("100%", 1.0), ("0", 0.0), ("+3%", 0.03), ("0.5%", 0.005)],
    )  # fmt: skip
    def test_a_percentage_is_read_as_a_fraction(self, text, share):
        assert parse_share(text, **RAISE) == share

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("150%", "'150%' must be -50% to 100%"),
            ("-51%", "'-51%' must be -50% to 100%"),
            ("nan", "'nan' must be a percentage, like 10% or 2.5%"),
            ("inf", "'inf' must be a percentage, like 10% or 2.5%"),
            ("-inf%", "'-inf%' must be a percentage, like 10% or 2.5%"),
            ("ten", "'ten' must be a percentage, like 10% or 2.5%"),
            ("", "'' must be a percentage, like 10% or 2.5%"),
            ("1e5", "'1e5' must be a percentage, like 10% or 2.5%"),
            ("0.05", "'0.05' is ambiguous: write 5% or 0.05%"),
        ],
    )
    def test_a_refusal_names_the_value_and_the_rule(self, text, message):
        with pytest.raises(ValueRefused) as refused:
            parse_share(text, **RAISE)
        assert str(refused.value) == message
        assert message.endswith(refused.value.rule)  # the rule alone, for a data file

    def test_each_option_states_its_own_bounds(self):
        assert parse_share("1000%", **GROWTH) == 10.0
        assert parse_share("-100%", **GROWTH) == -1.0
        with pytest.raises(ValueError, match=r"^'1001%' must be -100% to 1000%$"):
            parse_share("1001%", **GROWTH)

    @settings(max_examples=examples(100))
    @given(tenths=st.integers(min_value=-500, max_value=1000), sign=st.sampled_from(["%", ""]))
    def test_any_decimal_percentage_in_bounds_reads_as_that_decimal(self, tenths, sign):
        text = f"{Decimal(tenths) / 10}{sign}"
        if not sign and 0 < abs(tenths) < 10:
            return  # 0.5 without % is ambiguous, and refused
        assert parse_share(text, **RAISE) == float(Decimal(tenths) / 1000)

    @settings(max_examples=examples(200))
    @given(text=st.text(max_size=30))
    def test_any_text_is_a_share_in_bounds_or_one_line_naming_it(self, text):
        try:
            share = parse_share(text, **RAISE)
        except ValueRefused as refused:
            message = str(refused)
        else:
            assert RAISE["low"] <= share <= RAISE["high"]
            return
        assert "\n" not in message
        assert message.startswith(repr(text))


@settings(max_examples=examples(300))
@given(
    text=st.text(max_size=30) | st.text(alphabet="0123456789,.%$km- ", max_size=5000),
    read=st.sampled_from([parse_bonus, parse_vest]),
)
def test_any_text_is_a_term_or_one_line_naming_it(text, read):
    """Never another exception (a long number is not converted), never a second line, and
    a long value cut short (a character may be shown as an escape up to 10 long)."""
    try:
        read(text)
    except ValueRefused as refused:
        message = str(refused)
    else:
        return
    assert "\n" not in message
    assert len(message) < 600


class TestBonus:
    @pytest.mark.parametrize(
        ("text", "bonus"),
        [("15k", ("amount", 15_000)), ("$15,000", ("amount", 15_000)),
         ("15000", ("amount", 15_000)), ("$150", ("amount", 150)), ("0", ("amount", 0)),
         ("10%", ("share", 0.1)),
         ("0%", ("share", 0.0)), ("200%", ("share", 2.0)), ("12.5%", ("share", 0.125))],
    )  # fmt: skip
    def test_an_amount_or_a_share_of_the_base(self, text, bonus):
        assert parse_bonus(text) == bonus

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("250%", "'250%' must be 0% to 200% of the base"),
            ("-10%", "'-10%' must be 0% to 200% of the base"),
            ("-5k", "'-5k' must be at least 0"),
            ("10", "'10' is ambiguous: write 10% or $10"),
            ("15 thousand", "'15 thousand' must be an amount, like 15k or $15,000, or a share"
             " of the base, like 10%"),
            ("$15,000.50", "'$15,000.50' is not a whole number of dollars"),
            ("nan", "'nan' must be an amount, like 15k or $15,000, or a share of the base,"
             " like 10%"),
        ],
    )  # fmt: skip
    def test_a_refusal_names_the_value(self, text, message):
        with pytest.raises(ValueRefused) as refused:
            parse_bonus(text)
        assert str(refused.value) == message


def whole_parts(cuts):
    """1 to 10 whole percentages summing to 100: the gaps between the cuts in 0..100."""
    return [high - low for low, high in itertools.pairwise([0, *sorted(cuts), 100])]


class TestVesting:
    def test_the_presets(self):
        assert parse_vest("even") is EVEN
        assert parse_vest(" Back ") is BACK
        assert [share * 100 for share in EVEN.shares] == [25, 25, 25, 25]
        assert [share * 100 for share in FRONT.shares] == [33, 33, 22, 12]
        assert [share * 100 for share in BACK.shares] == [5, 15, 40, 40]
        for preset in (EVEN, FRONT, BACK, CLIFF):
            assert sum(preset.shares) == 1

    def test_a_cliff_is_by_year_the_same_as_even_and_says_so(self):
        assert parse_vest("cliff").shares == EVEN.shares
        assert "nothing before the first anniversary" in CLIFF.description
        assert "same as even" in CLIFF.description

    def test_yearly_percentages(self):
        vest = parse_vest("10, 20,30%,40")
        assert vest == Vesting(
            "10,20,30,40",
            (Fraction(1, 10), Fraction(2, 10), Fraction(3, 10), Fraction(4, 10)),
            "10%, 20%, 30%, 40% in years 1 to 4",
        )
        assert parse_vest("100").shares == (1,)
        assert parse_vest("33.3,33.3,33.4").shares == tuple(
            Fraction(part) / 100 for part in ("33.3", "33.3", "33.4")
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("10,20,30,30", "'10,20,30,30' sums to 90, not 100"),
            ("0.25,0.25,0.25,0.25", "'0.25,0.25,0.25,0.25' sums to 1, not 100"),
            ("50,50,-10,10", "'50,50,-10,10' has a negative part (-10); each is 0 or more"),
            (",".join(["10"] * 11), f"'{','.join(['10'] * 11)}' has 11 yearly parts;"
             " a schedule has 1 to 10"),
            ("10,x,90", "'10,x,90' must be percentages: 'x' is not one"),
            ("10,,90", "'10,,90' must be percentages: an empty part is not one"),
            ("monthly", "'monthly' must be even, front, back, cliff or yearly percentages"
             " summing to 100: 10,20,30,40"),
        ],
    )  # fmt: skip
    def test_a_refusal_names_the_value(self, text, message):
        with pytest.raises(ValueRefused) as refused:
            parse_vest(text)
        assert str(refused.value) == message

    @settings(max_examples=examples(100))
    @given(cuts=st.lists(st.integers(min_value=0, max_value=100), max_size=9))
    def test_any_whole_percentages_summing_to_100_are_a_schedule(self, cuts):
        parts = whole_parts(cuts)
        vest = parse_vest(",".join(map(str, parts)))
        assert vest.shares == tuple(Fraction(part, 100) for part in parts)
        assert sum(vest.shares) == 1


class TestPlan:
    def test_back_loaded_stock_the_issues_figures(self):
        rows = plan(150_000, stock=400_000, vest=BACK, years=4)
        assert column(rows, "year") == [1, 2, 3, 4]
        assert column(rows, "equity") == [20_000, 60_000, 160_000, 160_000]
        assert column(rows, "total") == [170_000, 210_000, 310_000, 310_000]
        assert sum(column(rows, "total")) == 1_000_000
        assert cumulative(rows) == [170_000, 380_000, 690_000, 1_000_000]

    def test_even_vesting(self):
        assert column(plan(150_000, stock=400_000), "equity") == [100_000] * 4

    def test_a_bonus_share_follows_the_raised_base(self):
        rows = plan(150_000, bonus=parse_bonus("10%"), raise_=parse_share("5%", **RAISE))
        assert column(rows, "base")[:2] == [150_000, 157_500]
        assert column(rows, "bonus")[:2] == [15_000, 15_750]

    def test_a_bonus_amount_stays_the_same(self):
        rows = plan(150_000, bonus=("amount", 15_000), raise_=0.05)
        assert column(rows, "bonus") == [15_000] * 4

    def test_falling_stock(self):
        rows = plan(150_000, stock=400_000, stock_growth=-0.5)
        assert column(rows, "equity") == [100_000, 50_000, 25_000, 12_500]

    def test_the_sign_on_bonus_is_paid_in_the_first_year_only(self):
        assert column(plan(100_000, sign_on=20_000, years=3), "sign_on") == [20_000, 0, 0]

    def test_refreshes_vest_from_their_own_year_at_their_own_price(self):
        rows = plan(0, stock=400_000, refresh=100_000, stock_growth=0.1, years=6)
        # The grant: 100,000 a year at 1.1 ** (k - 1); each refresh: 25,000 at 1.1 ** (k - j).
        expected = [
            100_000,
            110_000 + 25_000,
            121_000 + 27_500 + 25_000,
            133_100 + 30_250 + 27_500 + 25_000,
            33_275 + 30_250 + 27_500 + 25_000,  # the grant has vested; the year-2 refresh's last
            33_275 + 30_250 + 27_500 + 25_000,
        ]
        assert column(rows, "equity") == expected

    def test_a_schedule_ends_and_the_horizon_cuts_a_longer_one(self):
        assert column(plan(0, stock=1_000, vest=parse_vest("50,50"), years=4), "equity") == [
            500, 500, 0, 0
        ]  # fmt: skip
        long = parse_vest("10,10,10,10,10,10,10,10,10,10")
        assert column(plan(0, stock=1_000, vest=long, years=3), "equity") == [100] * 3

    def test_each_figure_is_rounded_half_a_dollar_up_at_its_end(self):
        # 1.5 and 2.5 dollars: to 2 and 3; 0.05 as 5/100, so 150,010 * 5% is exactly 7,500.5.
        assert column(plan(3, bonus=("share", 0.5), years=1), "bonus") == [2]
        assert column(plan(5, bonus=("share", 0.5), years=1), "bonus") == [3]
        assert column(plan(150_010, bonus=("share", 0.05), years=1), "bonus") == [7_501]
        assert column(plan(150_029, bonus=("share", 0.05), years=1), "bonus") == [7_501]
        assert column(plan(100_003, raise_=0.5, years=2), "base") == [100_003, 150_005]

    def test_a_grant_vests_to_the_dollar(self):
        # $123,457 evenly: 30,864.25 a year; the running totals rounded, 30,864 / 61,729 /
        # 92,593 / 123,457, so the years add up to the grant.
        assert column(plan(0, stock=123_457), "equity") == [30_864, 30_865, 30_864, 30_864]

    @pytest.mark.parametrize("years", [0, 11, -1])
    def test_the_horizon_is_1_to_10_years(self, years):
        with pytest.raises(ValueError, match=rf"^--years must be 1 to 10, not {years}$"):
            plan(100_000, years=years)

    @pytest.mark.parametrize(
        ("terms", "message"),
        [
            ({"base": -1}, "base must be at least 0, not -1"),
            ({"stock": -5}, "--stock must be at least 0, not -5"),
            ({"refresh": -5}, "--refresh must be at least 0, not -5"),
            ({"sign_on": -1_000}, "--sign-on must be at least 0, not -1,000"),
            ({"raise_": -1.5}, "--raise must be at least -100%, not -150%"),
            ({"stock_growth": float("nan")}, "--stock-growth must be a percentage, not nan"),
            ({"bonus": ("amount", -1)}, "--bonus must be at least 0, not -1"),
        ],
    )
    def test_negative_amounts_are_refused(self, terms, message):
        terms = {"base": 100_000, **terms}
        with pytest.raises(ValueError, match=r"^-*[a-z]") as refused:
            plan(**terms)
        assert str(refused.value) == message


# Terms of any offer, within the options' bounds.
schedules = st.lists(st.integers(min_value=0, max_value=100), max_size=9).map(
    lambda cuts: parse_vest(",".join(map(str, whole_parts(cuts))))
)
percentages = st.integers(min_value=-500, max_value=1000).map(lambda tenths: tenths / 1000)
amounts = st.integers(min_value=0, max_value=5_000_000)
shares = st.integers(min_value=0, max_value=200).map(lambda points: points / 100)
bonuses = st.none() | st.tuples(st.just("amount"), amounts) | st.tuples(st.just("share"), shares)
terms = st.fixed_dictionaries(
    {
        "base": amounts,
        "bonus": bonuses,
        "sign_on": amounts,
        "stock": amounts,
        "vest": schedules,
        "refresh": amounts,
        "raise_": percentages,
        "stock_growth": percentages,
    }
)


class TestPlanProperties:
    @settings(max_examples=examples(200))
    @given(stock=amounts, vest=schedules, years=st.integers(min_value=1, max_value=10))
    def test_without_growth_or_refresh_the_equity_adds_up_to_the_grant(self, stock, vest, years):
        """Exactly, and each year within a dollar of its share of the grant."""
        if years < len(vest.shares):
            return
        equity = column(plan(0, stock=stock, vest=vest, years=years), "equity")
        assert sum(equity) == stock  # each year's is the running total rounded, less the last
        for share, vested in zip(vest.shares, equity, strict=False):
            assert abs(vested - stock * share) < 1

    @settings(max_examples=examples(200))
    @given(offer=terms, years=st.integers(min_value=1, max_value=10))
    def test_each_total_is_the_sum_of_its_parts(self, offer, years):
        for row in plan(years=years, **offer):
            assert row["total"] == row["base"] + row["bonus"] + row["sign_on"] + row["equity"]

    @settings(max_examples=examples(200))
    @given(offer=terms, years=st.integers(min_value=1, max_value=10))
    def test_a_shorter_horizon_is_the_start_of_a_longer_one(self, offer, years):
        assert plan(years=years, **offer) == plan(years=10, **offer)[:years]


class TestLeadersAndCrossovers:
    LINES: ClassVar = {"A": [10, 20, 30, 40], "B": [5, 20, 40, 45], "C": [10, 15, 35, 46]}

    def test_the_leader_each_year_and_none_for_a_tie(self):
        assert leaders(self.LINES) == [None, None, "B", "C"]
        assert leaders({"only": [1, 2]}) == ["only", "only"]
        assert leaders({}) == []

    def test_each_overtaking_with_its_year(self):
        assert crossovers(self.LINES) == [
            {"offer": "A", "overtakes": "C", "year": 2},  # equal the year before
            {"offer": "B", "overtakes": "C", "year": 2},
            {"offer": "B", "overtakes": "A", "year": 3},
            {"offer": "C", "overtakes": "A", "year": 3},
            {"offer": "C", "overtakes": "B", "year": 4},
        ]

    def test_an_offer_ahead_from_the_first_year_overtakes_nobody(self):
        assert crossovers({"A": [10, 20, 30], "B": [5, 10, 15]}) == []

    def test_lines_that_cross_twice_cross_twice(self):
        lines = {"A": [10, 12, 30, 31], "B": [5, 15, 20, 40]}
        assert crossovers(lines) == [
            {"offer": "B", "overtakes": "A", "year": 2},
            {"offer": "A", "overtakes": "B", "year": 3},
            {"offer": "B", "overtakes": "A", "year": 4},
        ]

    def test_lines_of_different_lengths_are_refused(self):
        with pytest.raises(ValueError, match=r"^every offer needs the same years, not \[2, 3\]$"):
            crossovers({"A": [1, 2], "B": [1, 2, 3]})

    @settings(max_examples=examples(300))
    @given(
        years=st.integers(min_value=1, max_value=10),
        count=st.integers(min_value=1, max_value=4),
        data=st.data(),
    )
    def test_a_crossover_is_exactly_where_the_difference_turns_positive(self, years, count, data):
        values = st.lists(st.integers(0, 50), min_size=years, max_size=years)
        lines = {f"offer {n}": data.draw(values) for n in range(count)}
        expected = [
            {"offer": name, "overtakes": other, "year": index + 1}
            for index in range(1, years)
            for name in lines
            for other in lines
            if name != other
            and lines[name][index - 1] - lines[other][index - 1] <= 0
            and lines[name][index] - lines[other][index] > 0
        ]
        assert crossovers(lines) == expected
        for index, leader in enumerate(leaders(lines)):
            ahead = [name for name in lines if all(
                lines[name][index] > lines[other][index] for other in lines if other != name
            )]  # fmt: skip
            assert [leader] == (ahead or [None])


def write(tmp_path, text, name="offers.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def problems(path):
    with pytest.raises(DataError) as caught:
        read_offers(path)
    return [str(problem).replace(path, "FILE") for problem in caught.value.problems]


OFFER = 'name = "A"\nrole = "sre"\nplace = "austin"\nbase = "150k"\n'


class TestOffersFile:
    def test_the_starter_is_commented_and_valid(self, tmp_path):
        assert OFFERS_STARTER.startswith("#")
        austin, san_jose = read_offers(write(tmp_path, OFFERS_STARTER))
        assert (austin.name, austin.role, austin.place) == ("Austin", "sre", "austin")
        assert (austin.base, austin.stock, austin.bonus) == (165_000, 200_000, None)
        assert austin.vest is EVEN
        assert (san_jose.place, san_jose.base, san_jose.stock) == ("san jose", 190_000, 400_000)
        assert (san_jose.bonus, san_jose.vest) == (("share", 0.1), BACK)
        assert column(san_jose.plan(), "total") == [229_000, 269_000, 369_000, 369_000]

    def test_every_field_in_the_spellings_of_the_options(self, tmp_path):
        text = (
            f'[[offers]]\n{OFFER}bonus = 15000\nsign_on = "$20,000"\nstock = 400_000\n'
            'vest = "10,20,30,40"\nrefresh = "50k"\nraise = "3%"\nstock_growth = -10\n'
            'filing = "joint"\n'
        )
        (offer,) = read_offers(write(tmp_path, text))
        assert (offer.bonus, offer.sign_on, offer.stock, offer.refresh) == (
            ("amount", 15_000), 20_000, 400_000, 50_000
        )  # fmt: skip
        assert (offer.vest.name, offer.raise_, offer.stock_growth, offer.filing) == (
            "10,20,30,40", 0.03, -0.1, "joint"
        )  # fmt: skip

    def test_json_by_its_suffix_with_a_list_for_a_schedule(self, tmp_path):
        offers = {"offers": [{"name": "A", "role": "sre", "place": "austin", "base": 150_000,
                              "vest": [12.5, 12.5, 25, 50], "bonus": None}]}  # fmt: skip
        (offer,) = read_offers(write(tmp_path, json.dumps(offers), "offers.json"))
        assert offer.vest.shares == (Fraction(1, 8), Fraction(1, 8), Fraction(1, 4), Fraction(1, 2))
        assert offer.bonus is None

    def test_a_dump_reads_back_as_the_same_offers(self):
        offers = OffersFile.model_validate(tomllib.loads(OFFERS_STARTER))
        dumped = offers.model_dump(by_alias=True, mode="json")
        assert dumped["offers"][1]["bonus"] == "10%"
        assert dumped["offers"][1]["vest"] == "back"
        assert OffersFile.model_validate(dumped) == offers

    def test_a_repeated_name_is_the_later_offers_problem(self, tmp_path):
        second = OFFER.replace('"A"', '" a "')
        path = write(tmp_path, f"[[offers]]\n{OFFER}[[offers]]\n{second}")
        assert problems(path) == ["FILE: offers[1].name: used by offers[0] too (got 'a')"]

    def test_each_wrong_value_is_a_problem_at_its_field(self, tmp_path):
        text = (
            '[[offers]]\nname = "A"\nrole = "sre"\nplace = " "\nbase = 0\nbonus = 10\n'
            'stock = "-5k"\nvest = "10,20,30,30"\nraise = 0.05\nstock_growth = true\n'
            'filing = "married"\nsalary = 5\n'
        )
        assert problems(write(tmp_path, text)) == [
            "FILE: offers[0].place: must not be empty (got ' ')",
            "FILE: offers[0].base: must be more than 0 (got 0)",
            "FILE: offers[0].bonus: is ambiguous: write 10% or $10 (got 10)",
            "FILE: offers[0].stock: must be at least 0 (got '-5k')",
            "FILE: offers[0].vest: sums to 90, not 100 (got '10,20,30,30')",
            "FILE: offers[0].raise: is ambiguous: write 5% or 0.05% (got 0.05)",
            'FILE: offers[0].stock_growth: must be a percentage, like "10%" or "2.5%" (got true)',
            "FILE: offers[0].filing: must be 'single' or 'joint' (got 'married')",
            "FILE: offers[0].salary: unknown field",
        ]

    def test_a_missing_field_and_an_empty_list(self, tmp_path):
        assert problems(write(tmp_path, '[[offers]]\nname = "A"\nrole = "sre"\nbase = 1\n')) == [
            "FILE: offers[0].place: required field is missing"
        ]
        assert problems(write(tmp_path, "offers = []\n")) == [
            "FILE: offers: must list at least one offer"
        ]
        assert problems(write(tmp_path, "")) == ["FILE: offers: required field is missing"]

    def test_a_syntax_error_has_its_line_and_column(self, tmp_path):
        path = write(tmp_path, f'[[offers]]\n{OFFER}bonus = "10%\n')
        with pytest.raises(DataError) as caught:
            read_offers(path)
        (problem,) = caught.value.problems
        assert (problem.file, problem.line, problem.column) == (path, 6, 13)
        json_path = write(tmp_path, '{"offers": [}', "offers.json")
        assert problems(json_path) == ["FILE:1:13: Expecting value"]

    def test_a_document_that_is_not_a_table_says_what_it_should_be(self, tmp_path):
        assert problems(write(tmp_path, "[1, 2]", "offers.json")) == [
            "FILE: expected a table with [[offers]] at the top"
        ]
