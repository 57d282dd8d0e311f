"""Invalid data is refused with a message naming the file, the role and the field."""

from __future__ import annotations

import tomllib

import pytest
from pydantic import ValidationError

from techpay.core.dataset import as_document, load_file
from techpay.core.documents import bundled_path, read_document
from techpay.core.errors import DataError
from techpay.core.models import Dataset


@pytest.fixture
def raw():
    """The bundled data as parsed TOML, ready to be broken."""
    with open(bundled_path(), "rb") as handle:
        return tomllib.load(handle)


def problems_of(raw_data, tmp_path) -> list[str]:
    """Write ``raw_data`` as TOML and return the problems loading it reports."""
    import tomli_w

    path = tmp_path / "roles.toml"
    path.write_text(tomli_w.dumps(raw_data), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_file(str(path))
    return [str(problem).replace(str(path), "FILE") for problem in caught.value.problems]


def test_the_bundled_data_is_valid():
    """The file we ship validates (and round-trips through the models unchanged)."""
    document = as_document(load_file(bundled_path()))
    assert Dataset.model_validate(document).to_record() == document


def test_min_above_max_names_role_and_field(raw, tmp_path):
    raw["roles"][9]["salary"]["min"] = 200_000
    assert problems_of(raw, tmp_path) == [
        "FILE: role 'site-reliability-engineer' -> salary:"
        " min (200000) is greater than max (185000)"
    ]


@pytest.mark.parametrize("amount", [0, -5])
def test_amounts_must_be_positive(raw, tmp_path, amount):
    raw["roles"][0]["salary"]["max"] = amount
    assert problems_of(raw, tmp_path) == [
        f"FILE: role 'ai-research-scientist' -> salary.max: must be more than 0 (got {amount})"
    ]


def test_duplicate_ids_are_refused(raw, tmp_path):
    raw["roles"][1]["id"] = "ai-research-scientist"
    assert problems_of(raw, tmp_path) == [
        "FILE: role 'ai-research-scientist' -> id: used by another role too"
    ]


def test_an_alias_may_not_name_another_role(raw, tmp_path):
    raw["roles"][5]["aliases"].append("sre")
    assert problems_of(raw, tmp_path) == [
        "FILE: role 'site-reliability-engineer' -> aliases: 'sre' also names role 'devops-engineer'"
    ]


def test_an_alias_may_not_be_another_roles_id(raw, tmp_path):
    raw["roles"][0]["aliases"].append("data-scientist")
    assert problems_of(raw, tmp_path) == [
        "FILE: role 'ai-research-scientist' -> aliases: 'data-scientist' also names role"
        " 'data-scientist'"
    ]


def test_unknown_clusters_are_refused(raw, tmp_path):
    raw["roles"][2]["clusters"] = ["cloud", "quantum"]
    assert problems_of(raw, tmp_path) == [
        "FILE: role 'cloud-solutions-architect' -> clusters: unknown cluster 'quantum'"
        " (known: ai, cloud, leadership, security)"
    ]


def test_empty_titles_are_refused(raw, tmp_path):
    raw["roles"][3]["title"] = "   "
    assert problems_of(raw, tmp_path) == [
        "FILE: role 'cybersecurity-architect' -> title: must not be empty (got '   ')"
    ]


def test_unknown_and_missing_fields_are_named(raw, tmp_path):
    raw["roles"][4]["salery"] = raw["roles"][4].pop("salary")
    assert problems_of(raw, tmp_path) == [
        "FILE: role 'data-scientist' -> salary: required field is missing",
        "FILE: role 'data-scientist' -> salery: unknown field",
    ]


def test_every_problem_is_reported_not_only_the_first(raw, tmp_path):
    raw["roles"][0]["rank"] = 0
    raw["roles"][6]["skills"][0]["tags"] = ["Not A Tag!"]
    problems = problems_of(raw, tmp_path)
    assert problems == [
        "FILE: role 'ai-research-scientist' -> rank: must be more than 0 (got 0)",
        "FILE: role 'blockchain-developer' -> skills[0].tags[0]: must be a lowercase tag like"
        " python, c++, node.js or machine-learning (got 'not-a-tag!')",
    ]


def test_a_role_without_an_id_is_named_by_position(raw, tmp_path):
    del raw["roles"][2]["id"]
    assert problems_of(raw, tmp_path) == ["FILE: role #3 -> id: required field is missing"]


def test_tags_are_normalised_on_load():
    """Tags written loosely ("Machine Learning") are stored normalised."""
    role = {
        "id": "x",
        "rank": 1,
        "title": "X",
        "summary": "x",
        "salary": {"min": 1, "max": 2},
        "skills": [{"text": "ML.", "tags": [" Machine Learning", "C++"]}],
    }
    dataset = Dataset.model_validate({"roles": [role]})
    assert dataset.roles[0].skills[0].tags == ("machine-learning", "c++")


def test_models_are_frozen():
    dataset = Dataset.model_validate(as_document(load_file(bundled_path())))
    with pytest.raises(ValidationError):
        dataset.roles[0].title = "changed"  # type: ignore[misc]


def test_toml_syntax_errors_give_file_line_and_column(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('[[roles]]\nid = "x"\ntitle = "unterminated\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_document(str(path))
    assert str(caught.value) == f"{path}:3:22: Illegal character '\\n'"


def test_a_missing_file_is_one_clear_line(tmp_path):
    with pytest.raises(DataError, match=r"nope\.toml: no such file$"):
        read_document(str(tmp_path / "nope.toml"))


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1\.toml: not UTF-8 text"):
        read_document(str(path))


def test_a_directory_is_not_a_data_file(tmp_path):
    with pytest.raises(DataError, match=r": is a directory, not a data file$"):
        read_document(str(tmp_path))
