"""The bundled dataset says exactly what the article says."""

from __future__ import annotations

import pytest

from techpay.core.dataset import load_bundled

# (rank, id, title, min, max, open_ended), copied from the article.
ARTICLE_SALARIES = [
    (1, "ai-research-scientist", "AI Research Scientist", 160_000, 240_000, True),
    (2, "machine-learning-engineer", "Machine Learning Engineer", 150_000, 210_000, False),
    (3, "cloud-solutions-architect", "Cloud Solutions Architect", 145_000, 190_000, False),
    (4, "cybersecurity-architect", "Cybersecurity Architect", 155_000, 220_000, False),
    (5, "data-scientist", "Data Scientist", 130_000, 180_000, False),
    (6, "devops-engineer", "DevOps Engineer", 130_000, 175_000, False),
    (7, "blockchain-developer", "Blockchain Developer", 140_000, 200_000, False),
    (8, "software-engineering-manager", "Software Engineering Manager", 170_000, 230_000, False),
    (9, "ai-product-manager", "AI Product Manager", 150_000, 210_000, False),
    (10, "site-reliability-engineer", "Site Reliability Engineer", 140_000, 185_000, False),
]


@pytest.fixture(scope="module")
def catalog():
    return load_bundled()


def test_it_has_the_ten_roles_in_article_order(catalog):
    """It lists the article's ten roles, numbered as the article numbers them."""
    assert [(r["rank"], r["id"], r["title"]) for r in catalog.roles] == [
        row[:3] for row in ARTICLE_SALARIES
    ]


@pytest.mark.parametrize(
    ("rank", "role_id", "title", "low", "high", "open_ended"), ARTICLE_SALARIES
)
def test_every_salary_range_is_the_articles(catalog, rank, role_id, title, low, high, open_ended):
    """Each role's range is the article's "Average salary" line, in whole US dollars."""
    salary = catalog.resolve(role_id)["salary"]
    assert (salary["min"], salary["max"], salary["open_ended"]) == (low, high, open_ended)
    assert salary["currency"] == "USD"
    plus = "+" if open_ended else ""
    assert salary["stated"] == f"${low:,} to ${high:,}{plus}"


def test_responsibilities_are_the_articles_bullets(catalog):
    """Responsibilities are copied bullet for bullet."""
    assert catalog.resolve("ai-research-scientist")["responsibilities"] == [
        "Design model architectures.",
        "Run large-scale training experiments.",
        "Reduce inference cost and latency.",
        "Publish or patent novel methods.",
    ]
    assert catalog.resolve("blockchain-developer")["responsibilities"] == [
        "Develop smart contracts.",
        "Design decentralized applications.",
        "Conduct security audits.",
    ]
    assert catalog.resolve("cloud-solutions-architect")["responsibilities"][0] == (
        "Multi-cloud and hybrid strategies."
    )


def test_skills_are_the_articles_bullets_with_our_tags(catalog):
    """Skills keep the article's words; the tags beside them are ours."""
    mle = catalog.resolve("machine-learning-engineer")["skills"]
    assert [skill["text"] for skill in mle] == [
        "Python and SQL.",
        "Docker and Kubernetes.",
        "CI/CD workflows.",
        "Data pipeline engineering.",
    ]
    assert mle[1]["tags"] == ["docker", "kubernetes"]
    cloud = catalog.resolve("cloud-solutions-architect")["skills"][0]
    assert cloud == {
        "text": "AWS, Azure, or Google Cloud mastery.",
        "tags": ["aws", "azure", "gcp"],
    }
    em = catalog.resolve("software-engineering-manager")["skills"]
    assert [skill["text"] for skill in em] == [
        "Strong system design knowledge.",
        "Communication fluency.",
        "Agile delivery management.",
    ]


def test_every_tag_is_normalised(catalog):
    """Tags are lower-case and hyphenated, so they can be typed and compared."""
    for role in catalog.roles:
        for skill in role["skills"]:
            assert skill["tags"], f"{role['id']}: {skill['text']} has no tags"
            for tag in skill["tags"]:
                assert tag == tag.lower().strip()
                assert " " not in tag


def test_meta_skills_are_the_articles_five(catalog):
    """The cross-role "Skills That Increase Salaries" are kept, in order."""
    assert catalog.record["meta_skills"] == [
        "AI fluency regardless of specialization.",
        "Systems thinking across platforms.",
        "Security awareness embedded into design.",
        "Clear communication with executives.",
        "Adaptability in evolving tool ecosystems.",
    ]


def test_clusters_are_the_articles_four(catalog):
    """The four clusters of the article's closing, under our short ids."""
    assert catalog.record["clusters"] == {
        "ai": "artificial intelligence",
        "cloud": "cloud infrastructure",
        "security": "cybersecurity",
        "leadership": "technical leadership",
    }
    assert catalog.resolve("ai-pm")["clusters"] == ["ai", "leadership"]


def test_why_it_pays_quotes_the_article(catalog):
    """The one-line reason a role pays is the article's sentence."""
    assert catalog.resolve("cybersecurity-architect")["why_it_pays"] == (
        "Security leaders command high compensation because prevention costs less than recovery."
    )
    assert catalog.resolve("sre")["why_it_pays"] == "Downtime is expensive. Sometimes brutally so."


def test_source_says_what_the_figures_are_and_what_is_ours(catalog):
    """The source table names the article, the year, the region, and our own fields."""
    source = catalog.record["source"]
    assert source is not None
    assert source["year"] == 2026
    assert source["region"] == "US"
    assert "Average salary ranges" in (source["figures"] or "")
    assert set(source["ours"]) == {
        "id",
        "aliases",
        "summary",
        "skills.tags",
        "responsibility_tags",
        "clusters",
        "synonyms",
        "occupation",
    }


ARTICLE_NOT_IDENTIFIED = (
    "Not identified: the article's text names no publisher, no author and no date, and has no"
    " title line; the title here is the phrase it repeats. 2026 is the year it writes about,"
    " not a date of publication."
)


def test_the_article_is_said_to_be_unidentified(catalog, cli, cli_json):
    """The article's text names no publisher, author or date and has no title line: the
    data, `about` and the README say so, and give no year as if it were a publication date."""
    source = catalog.record["source"]
    assert source["title"] == "The highest paying tech jobs in 2026"
    assert source["provenance"] == ARTICLE_NOT_IDENTIFIED
    assert cli_json("about")["source"]["provenance"] == ARTICLE_NOT_IDENTIFIED
    shown = " ".join(cli("about").stdout.split())
    assert "The highest paying tech jobs in 2026 (figures for 2026)" in shown
    assert ARTICLE_NOT_IDENTIFIED in shown
    assert "(2026)" not in shown

    from pathlib import Path

    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text().split())
    assert "**The article is not identified**: its text names no publisher, no author" in readme
