"""Skill questions as people ask them: the role they would expect first, and what a move asks.

The tags are ours, taken from each role's skills and responsibilities as the article words
them; these queries hold them (and the synonyms) to what a reader of the article expects.
"""

from __future__ import annotations

import pytest

# (what a person types after 'techpay match', the role they would expect first)
NATURAL_QUERIES = [
    ("ml python", "machine-learning-engineer"),
    ("machine learning", "machine-learning-engineer"),
    ("mlops", "machine-learning-engineer"),
    ("python sql docker kubernetes", "machine-learning-engineer"),
    ("k8s", "machine-learning-engineer"),
    ("pytorch", "ai-research-scientist"),
    ("deep learning transformers", "ai-research-scientist"),
    ("linear algebra, probability", "ai-research-scientist"),
    ("terraform aws", "cloud-solutions-architect"),
    ("disaster recovery", "cloud-solutions-architect"),
    ("azure networking", "cloud-solutions-architect"),
    ("threat modeling", "cybersecurity-architect"),
    ("zero trust", "cybersecurity-architect"),
    ("gdpr hipaa", "cybersecurity-architect"),
    ("pentest siem", "cybersecurity-architect"),
    ("statistics r", "data-scientist"),
    ("ab testing", "data-scientist"),
    ("data visualization", "data-scientist"),
    ("jenkins github actions", "devops-engineer"),
    ("prometheus", "devops-engineer"),
    ("solidity", "blockchain-developer"),
    ("smart contracts rust", "blockchain-developer"),
    ("stakeholder roadmap", "software-engineering-manager"),
    ("mentoring agile", "software-engineering-manager"),
    ("market research", "ai-product-manager"),
    ("product strategy", "ai-product-manager"),
    ("ai ethics", "ai-product-manager"),
    ("slo incident response", "site-reliability-engineer"),
    ("debugging distributed systems", "site-reliability-engineer"),
]


@pytest.mark.parametrize(("query", "expected"), NATURAL_QUERIES)
def test_the_role_a_person_expects_comes_first(cli_json, query, expected):
    result = cli_json("match", *query.split())
    assert result["unknown"] == [], query
    assert result["matches"][0]["id"] == expected, [m["id"] for m in result["matches"]]


def test_ml_python_puts_the_ml_engineer_first_with_both_skills(cli_json):
    first = cli_json("match", "ml", "python")["matches"][0]
    assert first["id"] == "machine-learning-engineer"
    assert first["matched"] == ["python", "machine-learning"]


def test_terraform_counts_as_infrastructure_as_code(cli_json):
    """Terraform is the article's example of an infrastructure-as-code tool: knowing it
    leaves no infrastructure as code to learn, for the architect or for DevOps."""
    result = cli_json("match", "terraform", "aws")
    assert result["skills"] == ["infrastructure-as-code", "aws"]
    ids = [found["id"] for found in result["matches"]]
    assert ids[0] == "cloud-solutions-architect"
    assert "devops-engineer" in ids
    for found in result["matches"]:
        assert "infrastructure-as-code" not in found["missing"], found["id"]


def test_devops_to_ml_engineer_names_machine_learning_and_keeps_monitoring(cli_json):
    move = cli_json("path", "devops", "mle")
    assert "machine-learning" in move["gain"]
    assert "monitoring" in move["keep"]
    assert "monitoring" not in move["leave"]


def test_devops_to_ml_engineer_as_people_read_it(cli):
    out = cli("path", "devops", "mle").stdout
    assert "machine-learning" in out.split("Gain")[1].split("Leave")[0]
    assert "monitoring" not in out.split("Leave")[1].split("New responsibilities")[0]


# --- Skills typed as words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "skills"),
    [
        (["threat", "modeling"], ["threat-modeling"]),
        (["threat modeling"], ["threat-modeling"]),
        (["github", "actions", "python"], ["ci-cd", "python"]),
        (["python sql"], ["python", "sql"]),
        (["python, sql", "docker"], ["python", "sql", "docker"]),
        (["google", "cloud", "platform"], ["gcp"]),
        # a comma keeps words apart: "data" names the Data Scientist, "visualization" is a
        # synonym of data-visualization
        (["data, visualization"], ["data", "data-visualization"]),
    ],
)
def test_words_that_make_one_skill_are_read_as_one(cli_json, typed, skills):
    assert cli_json("match", *typed)["skills"] == skills


# --- Tags of responsibilities: ours, beside the article's words ------------------------------


def test_show_gives_each_responsibility_its_tags(cli):
    out = cli("show", "mle").stdout
    assert "- Monitor model performance.  machine-learning, monitoring" in out
    plain = cli("show", "mle", "--plain").stdout.splitlines()
    assert "responsibility\tMonitor model performance.\tmachine-learning,monitoring" in plain


def test_the_articles_responsibilities_are_unchanged_and_the_tags_beside_them(cli_json):
    role = cli_json("show", "devops")
    assert role["responsibilities"] == [
        "Maintain CI/CD pipelines.",
        "Automate infrastructure provisioning.",
        "Monitor system health.",
        "Reduce deployment risk.",
    ]
    assert role["responsibility_tags"] == {
        "Maintain CI/CD pipelines.": ["ci-cd"],
        "Automate infrastructure provisioning.": ["infrastructure-as-code", "automation"],
        "Monitor system health.": ["monitoring"],
    }


def test_tags_of_a_responsibility_the_role_does_not_have_are_refused(cli, tmp_path):
    path = tmp_path / "typo.toml"
    path.write_text(
        '[[roles]]\nid = "platform-engineer"\ntitle = "P"\nsalary = { min = 1, max = 2 }\n'
        'responsibilities = ["Run the platform."]\n'
        '[roles.responsibility_tags]\n"Run the platfrom." = ["kubernetes"]\n',
        encoding="utf-8",
    )
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}: role 'platform-engineer' -> responsibility_tags: 'Run the platfrom.' is not"
        " one of the role's responsibilities"
    )


def test_sqlite_export_has_the_tags_of_each_responsibility(cli, tmp_path):
    import sqlite3

    path = tmp_path / "roles.db"
    assert cli("export", "-f", "sqlite", "-o", str(path)).exit_code == 0
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT r.text, t.tag FROM responsibility_tags t JOIN responsibilities r"
        " USING (role_id, position) WHERE role_id = 'machine-learning-engineer'"
        " AND position = 2 ORDER BY t.tag"
    ).fetchall()
    connection.close()
    assert rows == [
        ("Monitor model performance.", "machine-learning"),
        ("Monitor model performance.", "monitoring"),
    ]


# --- Layers: a user's roles and the bundled synonyms -----------------------------------------


def test_replacing_a_role_leaves_the_bundled_synonyms_for_its_tags_valid(cli_json, tmp_path):
    """`slo` is the SRE's `slos`; a file that replaces the SRE without it still loads."""
    path = tmp_path / "sre.toml"
    path.write_text(
        '[[roles]]\nid = "site-reliability-engineer"\ntitle = "SRE"\n'
        "salary = { min = 150000, max = 190000 }\n",
        encoding="utf-8",
    )
    roles = cli_json("--data", str(path), "list")
    assert roles[-1]["salary"]["min"] == 150_000


def test_a_users_tag_wins_over_a_bundled_synonym_spelt_the_same(cli_json, tmp_path):
    """A file written before `terraform` became a synonym keeps its `terraform` tag."""
    path = tmp_path / "tf.toml"
    path.write_text(
        '[[roles]]\nid = "platform-engineer"\ntitle = "Platform Engineer"\n'
        "salary = { min = 135000, max = 180000 }\n"
        'skills = [{ text = "Terraform.", tags = ["terraform"] }]\n',
        encoding="utf-8",
    )
    result = cli_json("--data", str(path), "match", "terraform")
    assert result["skills"] == ["terraform"]
    assert [found["id"] for found in result["matches"]] == ["platform-engineer"]
