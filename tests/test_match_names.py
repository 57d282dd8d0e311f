"""``match`` follows what people type about a role: its area, its name, common spellings."""

from __future__ import annotations

import pytest
import tomli_w

from techpay.core.career import match_roles, roles_named
from techpay.core.dataset import load_bundled
from techpay.core.errors import EXIT_ERROR

CATALOG = load_bundled()
ROLES = CATALOG.roles
SYNONYMS = CATALOG.record["synonyms"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # a role's name, as show opens it: alias, id, title, or the start of one in whole words
        ("ml", ["machine-learning-engineer"]),
        ("ML", ["machine-learning-engineer"]),
        ("machine learning", ["machine-learning-engineer"]),
        ("mle", ["machine-learning-engineer"]),
        ("devops", ["devops-engineer"]),
        ("sre", ["site-reliability-engineer"]),
        ("Site Reliability", ["site-reliability-engineer"]),
        ("data", ["data-scientist"]),
        ("web3", ["blockchain-developer"]),
        ("cyber", ["cybersecurity-architect"]),
        ("em", ["software-engineering-manager"]),
        # a cluster: every role in it
        (
            "ai",
            [
                "ai-research-scientist",
                "machine-learning-engineer",
                "data-scientist",
                "ai-product-manager",
            ],
        ),
        ("cloud", ["cloud-solutions-architect", "devops-engineer", "site-reliability-engineer"]),
        ("security", ["cybersecurity-architect", "blockchain-developer"]),
        ("leadership", ["software-engineering-manager", "ai-product-manager"]),
        # skills that merely share letters with a name name nothing
        ("r", []),
        ("python", []),
        ("s", []),
        ("so", []),
        ("engineer", []),
    ],
)
def test_which_roles_a_word_names(word, expected):
    assert roles_named(word, ROLES) == expected


@pytest.mark.parametrize(
    ("word", "role_id"),
    [
        ("ml", "machine-learning-engineer"),
        ("devops", "devops-engineer"),
        ("sre", "site-reliability-engineer"),
        ("ai", "ai-research-scientist"),
        ("cloud", "cloud-solutions-architect"),
        ("security", "cybersecurity-architect"),
        ("blockchain", "blockchain-developer"),
    ],
)
def test_match_lists_the_roles_a_word_names(cli_json, word, role_id):
    """`match ml` once left out the Machine Learning Engineer that `show ml` opens."""
    result = cli_json("match", word)
    assert role_id in [match["id"] for match in result["matches"]]
    assert result["unknown"] == []
    assert any(role_id in entry["roles"] for entry in result["named"])


def test_a_named_role_is_listed_with_the_skills_it_asks_for(cli_json):
    result = cli_json("match", "ml")
    assert result["skills"] == ["machine-learning"]  # the synonym still counts as the skill
    assert result["named"] == [{"name": "ml", "roles": ["machine-learning-engineer"]}]
    by_id = {match["id"]: match for match in result["matches"]}
    assert by_id["ai-product-manager"]["matched"] == ["machine-learning"]
    engineer = by_id["machine-learning-engineer"]
    assert engineer["coverage"] == 11.1
    assert engineer["matched"] == ["machine-learning"]


def test_a_named_role_is_listed_even_with_none_of_the_skills():
    engineer = match_roles(ROLES, ["devops", "python"], SYNONYMS)["matches"][0]
    assert engineer["id"] == "devops-engineer"
    assert (engineer["coverage"], engineer["matched"]) == (0.0, [])
    assert engineer["missing"][:3] == ["ci-cd", "scripting", "observability"]


def test_a_named_role_comes_first_then_coverage_ranks():
    """`match ml` is about the ML engineer: it heads the list, though the AI PM has
    machine learning as a larger share of its tags (1 of 8 against 1 of 9)."""
    matches = match_roles(ROLES, ["ml"], SYNONYMS)["matches"]
    assert [(match["id"], match["coverage"]) for match in matches] == [
        ("machine-learning-engineer", 11.1),
        ("ai-product-manager", 12.5),
        ("ai-research-scientist", 10.0),
    ]
    matches = match_roles(ROLES, ["devops", "python"], SYNONYMS)["matches"]
    assert [match["id"] for match in matches] == [
        "devops-engineer",
        "data-scientist",
        "machine-learning-engineer",
    ]


def test_the_table_lists_a_named_role(cli):
    result = cli("match", "sre")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "Site Reliability" in result.stdout


def test_words_that_name_nothing_are_still_reported(cli):
    result = cli("match", "cobol")
    assert result.exit_code == EXIT_ERROR
    assert result.stderr.startswith("techpay: no role lists 'cobol'")


def test_the_names_of_a_users_roles_count_too(cli_json, tmp_path):
    path = tmp_path / "platform.toml"
    role = {
        "id": "platform-engineer",
        "title": "Platform Engineer",
        "aliases": ["platform"],
        "salary": {"min": 135_000, "max": 180_000},
        "skills": [{"text": "Kubernetes.", "tags": ["kubernetes"]}],
    }
    path.write_text(tomli_w.dumps({"roles": [role]}), encoding="utf-8")
    result = cli_json("--data", str(path), "match", "platform")
    assert [match["id"] for match in result["matches"]] == ["platform-engineer"]


@pytest.mark.parametrize(
    ("typed", "tag"),
    [
        ("o11y", "observability"),
        ("gcloud", "gcp"),
        ("infra as code", "infrastructure-as-code"),
        ("data viz", "data-visualization"),
        ("pen test", "penetration-testing"),
        ("smart contract", "smart-contracts"),
        ("k8s", "kubernetes"),
    ],
)
def test_common_spellings_are_understood(cli_json, typed, tag):
    assert cli_json("match", typed)["skills"] == [tag]
