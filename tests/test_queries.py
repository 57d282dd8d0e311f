"""Sorting, filtering, comparing and reading amounts: the pure core."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay.core.amounts import parse_amount
from techpay.core.comparisons import compare_roles
from techpay.core.dataset import load_bundled
from techpay.core.errors import UsageError
from techpay.core.queries import (
    SORT_KEYS,
    check_known,
    filter_roles,
    salary_midpoint,
    sort_roles,
)

ROLES = load_bundled().roles


def ids(roles):
    return [role["id"] for role in roles]


def by_id(role_id):
    return next(role for role in ROLES if role["id"] == role_id)


class TestSorting:
    def test_rank_is_the_articles_order(self):
        assert [role["rank"] for role in sort_roles(ROLES, "rank")] == list(range(1, 11))

    def test_salary_is_by_midpoint_highest_first_with_tie_breaks(self):
        """Midpoint first; the $200,000 tie goes to the higher max, the $180,000 tie to rank."""
        assert ids(sort_roles(ROLES, "salary")) == [
            "ai-research-scientist",  # 200,000, max 240,000
            "software-engineering-manager",  # 200,000, max 230,000
            "cybersecurity-architect",  # 187,500
            "machine-learning-engineer",  # 180,000, rank 2
            "ai-product-manager",  # 180,000, rank 9
            "blockchain-developer",  # 170,000
            "cloud-solutions-architect",  # 167,500
            "site-reliability-engineer",  # 162,500
            "data-scientist",  # 155,000
            "devops-engineer",  # 152,500
        ]

    def test_min_and_max_are_highest_first(self):
        assert ids(sort_roles(ROLES, "min"))[:2] == [
            "software-engineering-manager",
            "ai-research-scientist",
        ]
        assert ids(sort_roles(ROLES, "min"))[-2:] == ["data-scientist", "devops-engineer"]
        assert ids(sort_roles(ROLES, "max"))[0] == "ai-research-scientist"
        assert ids(sort_roles(ROLES, "max"))[-1] == "devops-engineer"

    def test_name_is_alphabetical_by_title(self):
        titles = [role["title"] for role in sort_roles(ROLES, "name")]
        assert titles[0] == "AI Product Manager"
        assert titles[-1] == "Software Engineering Manager"
        assert titles == sorted(titles, key=str.casefold)

    @pytest.mark.parametrize("key", [key for key in SORT_KEYS if key != "official"])
    def test_reverse_flips_any_order(self, key):
        assert sort_roles(ROLES, key, reverse=True) == sort_roles(ROLES, key)[::-1]

    def test_an_unknown_key_is_a_usage_error(self):
        with pytest.raises(UsageError, match="unknown sort key 'pay'"):
            sort_roles(ROLES, "pay")


class TestMidpoint:
    def test_midpoints_of_the_article(self):
        assert salary_midpoint(by_id("cloud-solutions-architect")["salary"]) == 167_500
        assert salary_midpoint(by_id("ai-research-scientist")["salary"]) == 200_000

    @given(st.integers(1, 10**9), st.integers(0, 10**9))
    def test_midpoint_lies_within_the_range(self, low, width):
        salary = {"min": low, "max": low + width}
        assert low <= salary_midpoint(salary) <= low + width  # type: ignore[arg-type]


class TestFiltering:
    def test_min_salary_keeps_ranges_starting_at_or_above(self):
        """The five roles whose ranges start at $150,000 or more."""
        assert ids(filter_roles(ROLES, min_salary=150_000)) == [
            "ai-research-scientist",
            "machine-learning-engineer",
            "cybersecurity-architect",
            "software-engineering-manager",
            "ai-product-manager",
        ]

    def test_max_salary_keeps_ranges_ending_at_or_below(self):
        assert ids(filter_roles(ROLES, max_salary=185_000)) == [
            "data-scientist",
            "devops-engineer",
            "site-reliability-engineer",
        ]

    def test_an_open_ended_range_is_never_below_a_ceiling(self):
        assert "ai-research-scientist" not in ids(filter_roles(ROLES, max_salary=10**9))

    def test_skills_must_all_match(self):
        assert ids(filter_roles(ROLES, skills=["python"])) == [
            "machine-learning-engineer",
            "data-scientist",
        ]
        assert ids(filter_roles(ROLES, skills=["python", "docker"])) == [
            "machine-learning-engineer"
        ]
        assert ids(filter_roles(ROLES, skills=["Python", " SQL "])) == ["machine-learning-engineer"]

    def test_clusters_must_all_match(self):
        assert ids(filter_roles(ROLES, clusters=["leadership"])) == [
            "software-engineering-manager",
            "ai-product-manager",
        ]
        assert ids(filter_roles(ROLES, clusters=["ai", "leadership"])) == ["ai-product-manager"]

    def test_text_needs_every_word_in_any_case(self):
        assert ids(filter_roles(ROLES, text="INCIDENT response")) == ["site-reliability-engineer"]
        assert ids(filter_roles(ROLES, text="terraform")) == ["cloud-solutions-architect"]
        assert ids(filter_roles(ROLES, text="pipelines")) == [
            "machine-learning-engineer",
            "devops-engineer",
        ]

    def test_criteria_combine(self):
        assert ids(filter_roles(ROLES, skills=["python"], min_salary=150_000)) == [
            "machine-learning-engineer"
        ]

    def test_no_criteria_keeps_everything(self):
        assert filter_roles(ROLES) == ROLES

    @given(st.integers(0, 300_000), st.integers(0, 300_000))
    def test_filtered_roles_really_meet_the_bounds(self, low, high):
        for role in filter_roles(ROLES, min_salary=low, max_salary=high):
            assert low <= role["salary"]["min"] <= role["salary"]["max"] <= high

    def test_unknown_tags_get_suggestions(self):
        with pytest.raises(
            UsageError, match=r"no role has the skill tag 'pythn'; did you mean python"
        ):
            check_known("skill tag", ["pythn"], ["python", "sql"])
        with pytest.raises(UsageError, match=r"known: ai, cloud$"):
            check_known("cluster", ["zzz"], ["cloud", "ai"])


class TestAmounts:
    @pytest.mark.parametrize(
        ("text", "amount"),
        [
            ("150000", 150_000),
            ("150k", 150_000),
            ("150K", 150_000),
            ("$150,000", 150_000),
            ("$150k", 150_000),
            ("1.2m", 1_200_000),
            ("162.5k", 162_500),
            (" 150_000 ", 150_000),
            ("0", 0),
        ],
    )
    def test_amounts_as_people_write_them(self, text, amount):
        assert parse_amount(text) == amount

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("abc", "'abc' is not an amount; write it like 150000, 150k or $150,000"),
            ("-5", "'-5' is negative; salaries are positive amounts"),
            ("1.2345k", "'1.2345k' is not a whole number of dollars"),
            ("15,00", "'15,00' is not an amount"),
            ("", "'' is not an amount"),
        ],
    )
    def test_bad_amounts_say_why(self, text, message):
        with pytest.raises(ValueError, match="^" + message.replace("$", r"\$").replace(".", r"\.")):
            parse_amount(text)

    @given(st.integers(0, 10**12))
    def test_every_way_of_writing_an_amount_reads_back(self, amount):
        writings = [str(amount), f"{amount:,}", f"${amount:,}", f"${amount}"]
        if amount % 1000 == 0:
            writings.append(f"{amount // 1000}k")
        assert {parse_amount(text) for text in writings} == {amount}


class TestCompare:
    def test_sre_against_devops(self):
        comparison = compare_roles([by_id("site-reliability-engineer"), by_id("devops-engineer")])
        assert comparison["baseline"] == "site-reliability-engineer"
        assert comparison["salary_differences"] == [
            {
                "id": "devops-engineer",
                "currency": "USD",
                "min": -10_000,
                "max": -10_000,
                "midpoint": -10_000,
                "min_percent": -7.1,
                "max_percent": -5.4,
                "midpoint_percent": -6.2,
                "not_comparable": None,
            }
        ]
        assert comparison["tags"]["shared"] == [
            "monitoring",
            "observability",
            "automation",
            "scripting",
        ]
        assert comparison["tags"]["unique"] == {
            "site-reliability-engineer": [
                "distributed-systems",
                "debugging",
                "slos",
                "incident-response",
                "resilience",
            ],
            "devops-engineer": ["ci-cd", "infrastructure-as-code"],
        }

    def test_three_roles_differ_from_the_first(self):
        comparison = compare_roles(
            [
                by_id("data-scientist"),
                by_id("machine-learning-engineer"),
                by_id("ai-product-manager"),
            ]
        )
        assert [
            (d["id"], d["midpoint"], d["midpoint_percent"])
            for d in comparison["salary_differences"]
        ] == [
            ("machine-learning-engineer", 25_000, 16.1),
            ("ai-product-manager", 25_000, 16.1),
        ]
        assert comparison["tags"]["shared"] == []

    def test_it_needs_two_different_roles(self):
        with pytest.raises(UsageError, match="at least two roles"):
            compare_roles([by_id("data-scientist")])
        with pytest.raises(UsageError, match="data-scientist named more than once"):
            compare_roles([by_id("data-scientist"), by_id("data-scientist")])
