"""Career questions: match, path, skills, related roles, and the synonyms people type."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techpay.core.career import career_path, coverage, match_roles, related_roles, skill_demand
from techpay.core.dataset import load_bundled
from techpay.core.errors import EXIT_ERROR, UsageError
from techpay.core.queries import role_tags

CATALOG = load_bundled()
ROLES = CATALOG.roles
SYNONYMS = CATALOG.record["synonyms"]


class TestMatch:
    def test_python_sql_docker_kubernetes_puts_ml_engineer_first(self, cli_json):
        """The only role whose skills name all four, with what it still needs."""
        result = cli_json("match", "python", "sql", "docker", "kubernetes")
        first = result["matches"][0]
        assert first["id"] == "machine-learning-engineer"
        assert first["coverage"] == 44.4  # 4 of its 9 tags
        assert first["matched"] == ["python", "sql", "docker", "kubernetes"]
        assert first["missing"] == [
            "ci-cd",
            "data-pipelines",
            "machine-learning",
            "monitoring",
            "mlops",
        ]
        assert [m["id"] for m in result["matches"]] == [
            "machine-learning-engineer",
            "data-scientist",
        ]

    def test_ties_go_to_the_higher_midpoint_then_rank(self):
        """AI PM and Data Scientist both have communication as 1 of 8 tags: the AI PM's
        $180,000 midpoint beats $155,000 (EM has it as 1 of 7)."""
        matches = match_roles(ROLES, ["communication"], SYNONYMS)["matches"]
        assert [(m["id"], m["coverage"]) for m in matches] == [
            ("software-engineering-manager", 14.3),
            ("ai-product-manager", 12.5),
            ("data-scientist", 12.5),
        ]

    def test_skills_may_come_comma_separated_and_as_synonyms(self, cli_json):
        spread = cli_json("match", "python", "sql", "docker", "kubernetes")
        joined = cli_json("match", "python, sql, docker", "k8s")
        assert joined["matches"] == spread["matches"]
        assert joined["skills"] == ["python", "sql", "docker", "kubernetes"]

    def test_unknown_skills_are_reported_but_do_not_fail(self, cli):
        result = cli("match", "pythn", "python")
        assert result.exit_code == 0
        assert result.stderr == "techpay: no role lists 'pythn'; did you mean python?\n"
        assert "Data Scientist" in result.stdout

    def test_no_matching_skill_at_all_fails(self, cli):
        result = cli("match", "cobol")
        assert result.exit_code == EXIT_ERROR
        assert result.stderr.splitlines() == [
            "techpay: no role lists 'cobol'",
            "techpay: none of those skills is one a role lists; see 'techpay skills'",
        ]

    def test_top_limits_the_list(self, cli_json):
        assert len(cli_json("match", "python", "communication", "--top", "1")["matches"]) == 1

    @given(st.lists(st.sampled_from(sorted({t for r in ROLES for t in role_tags(r)})), max_size=8))
    def test_coverage_is_a_percentage(self, skills):
        """Above 0 but for a role a skill names (``machine-learning`` names its engineer)."""
        result = match_roles(ROLES, skills, SYNONYMS)
        named = {role_id for entry in result["named"] for role_id in entry["roles"]}
        for match in result["matches"]:
            assert 0 < match["coverage"] <= 100 or match["id"] in named

    @given(st.sampled_from(ROLES))
    def test_a_roles_own_tags_cover_it_fully(self, role):
        matches = match_roles(ROLES, role_tags(role), SYNONYMS)["matches"]
        assert {"id": role["id"], "coverage": 100.0} in [
            {"id": m["id"], "coverage": m["coverage"]} for m in matches
        ]

    def test_coverage_of_nothing_is_zero(self):
        assert coverage(0, 0) == 0.0


class TestPath:
    def test_devops_to_sre(self, cli_json):
        """$130,000-$175,000 to $140,000-$185,000: +$10,000 both ends, midpoint +6.6%."""
        move = cli_json("path", "devops", "sre")
        assert move["salary"] == {
            "id": "site-reliability-engineer",
            "currency": "USD",
            "min": 10_000,
            "max": 10_000,
            "midpoint": 10_000,
            "min_percent": 7.7,
            "max_percent": 5.7,
            "midpoint_percent": 6.6,
            "not_comparable": None,
        }
        assert move["gain"] == [
            "distributed-systems",
            "debugging",
            "slos",
            "incident-response",
            "resilience",
        ]
        assert move["keep"] == ["monitoring", "observability", "automation", "scripting"]
        assert move["leave"] == ["ci-cd", "infrastructure-as-code"]
        assert move["new_responsibilities"][0] == "Define service level objectives."

    def test_a_pay_cut_is_said_plainly(self, cli):
        out = cli("path", "em", "ds").stdout
        assert "a pay cut: midpoint -$45,000 (-22.5%)" in out

    def test_a_raise_is_said_too(self, cli):
        assert "a raise: midpoint +$10,000 (+6.6%)" in cli("path", "devops", "sre").stdout

    @given(st.lists(st.sampled_from(ROLES), min_size=2, max_size=2, unique_by=lambda r: r["id"]))
    def test_gained_one_way_is_lost_the_other(self, pair):
        first, second = pair
        assert career_path(first, second)["gain"] == career_path(second, first)["leave"]

    @given(st.sampled_from(ROLES))
    def test_staying_put_is_not_a_path(self, role):
        with pytest.raises(UsageError, match="named as both FROM and TO"):
            career_path(role, role)


class TestSkills:
    def test_most_demanded_first_then_a_to_z(self):
        demand = skill_demand(ROLES)
        counts = [len(entry["roles"]) for entry in demand]
        assert counts == sorted(counts, reverse=True)
        assert demand[0] == {
            "tag": "communication",
            "roles": ["data-scientist", "software-engineering-manager", "ai-product-manager"],
        }

    def test_meta_skills_are_shown_separately(self, cli_json, cli):
        result = cli_json("skills")
        assert result["meta_skills"][0] == "AI fluency regardless of specialization."
        assert "AI fluency regardless of specialization." not in [e["tag"] for e in result["tags"]]
        assert "Skills that increase salaries across roles" in cli("skills").stdout

    def test_role_and_cluster_narrow_it(self, cli_json):
        assert {e["tag"] for e in cli_json("skills", "--role", "sre")["tags"]} == {
            "distributed-systems",
            "monitoring",
            "observability",
            "debugging",
            "automation",
            "scripting",
            "slos",
            "incident-response",
            "resilience",
        }
        leadership = cli_json("skills", "--cluster", "leadership")["tags"]
        assert leadership[0] == {
            "tag": "communication",
            "roles": ["software-engineering-manager", "ai-product-manager"],
        }


class TestRelated:
    def test_sre_is_closest_to_devops(self, cli_json):
        related = cli_json("show", "sre")["related"]
        assert related[0] == {
            "id": "devops-engineer",
            "title": "DevOps Engineer",
            "similarity": 0.364,  # 4 shared of 11 tags in all
            "shared": ["scripting", "observability", "monitoring", "automation"],
        }
        assert len(related) <= 3

    def test_roles_sharing_nothing_are_not_related(self):
        blockchain = next(role for role in ROLES if role["id"] == "blockchain-developer")
        assert related_roles(blockchain, ROLES) == []

    def test_the_table_lists_them(self, cli):
        assert "- DevOps Engineer  shares scripting" in cli("show", "sre").stdout


class TestSynonyms:
    def test_filter_understands_them(self, cli_json):
        assert [r["id"] for r in cli_json("filter", "--skill", "k8s")] == [
            "machine-learning-engineer"
        ]
        assert [r["id"] for r in cli_json("filter", "--skill", "google cloud")] == [
            "cloud-solutions-architect"
        ]

    @pytest.mark.parametrize(
        ("synonyms", "message"),
        [
            ({"python": "sql"}, "'python' is a skill tag itself; a synonym may not shadow it"),
            ({"snake": "cobol"}, "points at 'cobol', which no role lists"),
        ],
    )
    def test_a_bad_synonym_is_refused(self, cli, tmp_path, synonyms, message):
        import tomli_w

        path = tmp_path / "syn.toml"
        path.write_text(tomli_w.dumps({"synonyms": synonyms, "roles": []}), encoding="utf-8")
        result = cli("validate", str(path))
        assert result.exit_code == EXIT_ERROR
        key = next(iter(synonyms))
        assert result.stdout == f"{path}: synonyms.{key}: {message}\n"


def test_the_json_of_each_career_command_parses(cli):
    for args in (["match", "python"], ["path", "ds", "mle"], ["skills"], ["show", "em"]):
        assert json.loads(cli(*args, "--json").stdout)
