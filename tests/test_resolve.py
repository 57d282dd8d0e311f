"""Roles are found by id, alias, title or a unique prefix, in any case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay.core.dataset import load_bundled
from techpay.core.errors import AmbiguousRole, RoleNotFound

CATALOG = load_bundled()


@pytest.mark.parametrize(
    ("query", "role_id"),
    [
        ("sre", "site-reliability-engineer"),
        ("SRE", "site-reliability-engineer"),
        ("devops", "devops-engineer"),
        ("mle", "machine-learning-engineer"),
        ("ml-engineer", "machine-learning-engineer"),
        ("ds", "data-scientist"),
        ("em", "software-engineering-manager"),
        ("ai-pm", "ai-product-manager"),
        ("cloud-architect", "cloud-solutions-architect"),
        ("security-architect", "cybersecurity-architect"),
        ("blockchain", "blockchain-developer"),
        ("Site Reliability Engineer", "site-reliability-engineer"),
        ("  machine learning ENGINEER ", "machine-learning-engineer"),
        ("site", "site-reliability-engineer"),
        ("cyber", "cybersecurity-architect"),
        ("block", "blockchain-developer"),
    ],
)
def test_names_people_type(query, role_id):
    assert CATALOG.resolve(query)["id"] == role_id


@given(st.sampled_from(CATALOG.roles), st.data())
def test_every_id_alias_and_title_finds_its_role_in_any_case(role, data):
    name = data.draw(st.sampled_from([role["id"], *role["aliases"], role["title"]]))
    typed = data.draw(st.sampled_from([name, name.upper(), name.title(), f"  {name} "]))
    assert CATALOG.resolve(typed)["id"] == role["id"]


def test_an_ambiguous_prefix_lists_the_candidates_in_article_order():
    with pytest.raises(AmbiguousRole) as caught:
        CATALOG.resolve("ai")
    assert caught.value.candidates == ["ai-research-scientist", "ai-product-manager"]
    assert str(caught.value) == (
        "'ai' could be any of: ai-research-scientist, ai-product-manager; type more of the name"
    )


def test_a_prefix_of_several_names_of_one_role_is_not_ambiguous():
    """'dev' starts both 'devops' and 'devops-engineer', which are the same role."""
    assert CATALOG.resolve("dev")["id"] == "devops-engineer"


@pytest.mark.parametrize(
    ("query", "suggestions"),
    [
        ("sre2", ["sre"]),
        ("devosp", ["devops"]),
        ("reliability", ["site-reliability-engineer"]),
        ("manager", ["eng-manager", "ai-product-manager"]),
        ("data-scientst", ["data-scientist", "ai-scientist"]),
    ],
)
def test_unknown_names_suggest_the_closest(query, suggestions):
    with pytest.raises(RoleNotFound) as caught:
        CATALOG.resolve(query)
    assert caught.value.suggestions == suggestions


def test_no_suggestion_points_to_the_list():
    with pytest.raises(
        RoleNotFound, match=r"^no role matches 'zzz'; run 'techpay list' to see every role$"
    ):
        CATALOG.resolve("zzz")


def test_an_empty_name_matches_nothing():
    with pytest.raises(RoleNotFound):
        CATALOG.resolve("   ")


def test_names_lists_ids_and_aliases_for_completion():
    names = CATALOG.names()
    assert names[:4] == [
        "ai-research-scientist",
        "ai-researcher",
        "research-scientist",
        "ai-scientist",
    ]
    assert "sre" in names
    assert len(names) == len(set(names))
