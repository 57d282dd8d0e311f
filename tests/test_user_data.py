"""Bringing your own data: layering, validate, export, init, schema, and never losing a file."""

from __future__ import annotations

import json
import sqlite3
import tomllib

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from techpay.core import documents, files
from techpay.core.dataset import as_document, load_file, load_layers
from techpay.core.errors import EXIT_ERROR, EXIT_USAGE, DataError
from techpay.core.models import Dataset
from techpay.render import export

SRE_RAISE = {
    "roles": [
        {
            "id": "site-reliability-engineer",
            "rank": 10,
            "title": "Site Reliability Engineer",
            "aliases": ["sre"],
            "clusters": ["cloud"],
            "salary": {"min": 150_000, "max": 199_000, "currency": "USD"},
        }
    ]
}
NEW_ROLE = {
    "roles": [
        {
            "id": "platform-engineer",
            "title": "Platform Engineer",
            "salary": {"min": 135_000, "max": 180_000},
        }
    ]
}


@pytest.fixture
def write(tmp_path):
    """Write a data document as TOML (or JSON, by the name's ending); return its path."""

    def write_file(name: str, document: dict) -> str:
        path = tmp_path / name
        text = json.dumps(document) if name.endswith(".json") else tomli_w.dumps(document)
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write_file


class TestLayering:
    def test_a_role_with_an_existing_id_replaces_it_in_place(self, cli_json, write):
        path = write("raise.toml", SRE_RAISE)
        roles = cli_json("--data", path, "list")
        assert len(roles) == 10
        sre = roles[9]
        assert (sre["id"], sre["salary"]["min"], sre["salary"]["max"]) == (
            "site-reliability-engineer",
            150_000,
            199_000,
        )
        assert sre["origin"] == path
        assert roles[0]["origin"] == "bundled"

    def test_a_new_id_is_added(self, cli_json, write):
        roles = cli_json("--data", write("new.toml", NEW_ROLE), "list")
        assert [role["id"] for role in roles][-1] == "platform-engineer"
        assert roles[-1]["rank"] is None

    def test_only_id_title_and_salary_are_required(self, cli_json, write):
        role = cli_json("--data", write("new.toml", NEW_ROLE), "show", "platform")
        assert role["summary"] is None
        assert role["skills"] == []

    def test_later_layers_win_and_the_environment_comes_first(self, cli, write, monkeypatch):
        first = write("first.toml", SRE_RAISE)
        second_doc = json.loads(json.dumps(SRE_RAISE))
        second_doc["roles"][0]["salary"]["max"] = 250_000
        second = write("second.json", second_doc)
        monkeypatch.setenv("TECHPAY_DATA", first)
        result = cli("--data", second, "show", "sre", "--json")
        assert json.loads(result.stdout)["salary"]["max"] == 250_000
        monkeypatch.setenv("TECHPAY_DATA", second)
        result = cli("--data", first, "show", "sre", "--json")
        assert json.loads(result.stdout)["salary"]["max"] == 199_000

    def test_no_bundled_starts_from_nothing(self, cli_json, write):
        roles = cli_json("--no-bundled", "--data", write("new.toml", NEW_ROLE), "list")
        assert [role["id"] for role in roles] == ["platform-engineer"]

    def test_no_data_at_all_is_an_error(self, cli):
        result = cli("--no-bundled", "list")
        assert (result.exit_code, result.stderr) == (
            EXIT_ERROR,
            "techpay: (no data): no roles to work on\n",
        )

    def test_a_missing_data_file_is_one_line(self, cli, tmp_path):
        missing = tmp_path / "nope.toml"
        result = cli("--data", str(missing), "list")
        assert (result.exit_code, result.stdout) == (EXIT_ERROR, "")
        assert result.stderr == f"techpay: {missing}: no such file\n"

    def test_a_syntax_error_names_file_line_and_column(self, cli, tmp_path):
        path = tmp_path / "broken.toml"
        path.write_text('[[roles]]\nid = "x"\nsalary = { min = 1, max = }\n', encoding="utf-8")
        result = cli("--data", str(path), "list")
        assert result.exit_code == EXIT_ERROR
        assert result.stderr == f"techpay: {path}:3:27: Invalid value\n"

    def test_a_schema_error_names_the_role_and_field(self, cli, write):
        doc = json.loads(json.dumps(SRE_RAISE))
        doc["roles"][0]["salary"]["max"] = -1
        path = write("bad.toml", doc)
        result = cli("--data", path, "list")
        assert result.stderr == (
            f"techpay: {path}: role 'site-reliability-engineer' -> salary.max:"
            " must be more than 0 (got -1)\n"
        )

    def test_an_alias_claimed_across_files_is_an_error(self, cli, write):
        doc = json.loads(json.dumps(NEW_ROLE))
        doc["roles"][0]["aliases"] = ["sre"]
        path = write("clash.toml", doc)
        result = cli("--data", path, "list")
        assert result.exit_code == EXIT_ERROR
        assert result.stderr == (
            f"techpay: {path}: role 'platform-engineer' -> aliases:"
            " 'sre' also names role 'site-reliability-engineer'\n"
        )

    def test_a_user_role_may_use_the_bundled_clusters(self, cli_json, write):
        doc = json.loads(json.dumps(NEW_ROLE))
        doc["roles"][0]["clusters"] = ["cloud"]
        roles = cli_json("--data", write("cloud.toml", doc), "filter", "--cluster", "cloud")
        assert "platform-engineer" in [role["id"] for role in roles]

    def test_files_over_the_size_limit_are_refused_unread(self, write, monkeypatch):
        path = write("big.toml", NEW_ROLE)
        monkeypatch.setattr(documents, "MAX_FILE_BYTES", 10)
        with pytest.raises(
            DataError, match=r"big\.toml: file is \d+ bytes; the limit is 10 bytes$"
        ):
            load_layers([path], bundled=False)


class TestValidate:
    def test_valid_files_exit_0(self, cli, write):
        result = cli("validate", write("a.toml", SRE_RAISE), write("b.json", NEW_ROLE))
        assert (result.exit_code, result.stdout, result.stderr) == (
            0,
            "",
            "techpay: 2 files valid.\n",
        )

    def test_it_reports_every_problem_in_every_file(self, cli, write, tmp_path):
        broken = tmp_path / "broken.toml"
        broken.write_text("title = \n", encoding="utf-8")
        doc = {
            "roles": [
                {"id": "a", "title": "", "salary": {"min": 5, "max": 1}},
                {"id": "b", "title": "B", "salary": {"min": 1, "max": 2}, "colour": "red"},
            ]
        }
        bad = write("bad.toml", doc)
        result = cli("validate", str(broken), bad)
        assert result.exit_code == EXIT_ERROR
        assert result.stdout.splitlines() == [
            f"{broken}:1:9: Invalid value",
            f"{bad}: role 'a' -> title: must not be empty (got '')",
            f"{bad}: role 'a' -> salary: min (5) is greater than max (1)",
            f"{bad}: role 'b' -> colour: unknown field",
        ]
        assert result.stderr == "techpay: 4 problems in 2 file(s).\n"

    def test_conflicts_between_files_are_found(self, cli, write):
        one = json.loads(json.dumps(NEW_ROLE))
        two = {
            "roles": [
                {
                    "id": "other",
                    "title": "O",
                    "aliases": ["platform-engineer"],
                    "salary": {"min": 1, "max": 2},
                }
            ]
        }
        second = write("two.toml", two)
        result = cli("validate", write("one.toml", one), second)
        assert result.stdout == (
            f"{second}: role 'other' -> aliases: 'platform-engineer' also names role"
            " 'platform-engineer'\n"
        )

    def test_every_cross_role_problem_in_one_file(self, cli, write):
        doc = {
            "clusters": {"ai": "artificial intelligence"},
            "roles": [
                {"id": "a", "title": "A", "salary": {"min": 1, "max": 2}, "clusters": ["nope"]},
                {"id": "a", "title": "A2", "salary": {"min": 1, "max": 2}},
            ],
        }
        path = write("dupes.toml", doc)
        result = cli("--no-bundled", "validate", path)
        assert result.stdout.splitlines() == [
            f"{path}: role 'a' -> id: used by another role too",
            f"{path}: role 'a' -> clusters: unknown cluster 'nope' (known: ai)",
        ]

    def test_json_lists_problem_objects(self, cli, write):
        doc = json.loads(json.dumps(SRE_RAISE))
        doc["roles"][0]["salary"]["max"] = 0
        path = write("bad.toml", doc)
        result = cli("validate", path, "--json")
        assert result.exit_code == EXIT_ERROR
        assert json.loads(result.stdout) == [
            {
                "file": path,
                "line": None,
                "column": None,
                "role": "site-reliability-engineer",
                "field": "salary.max",
                "message": "must be more than 0 (got 0)",
            }
        ]

    def test_json_is_an_empty_list_when_valid(self, cli, write):
        result = cli("validate", write("a.toml", NEW_ROLE), "--json")
        assert (result.exit_code, json.loads(result.stdout)) == (0, [])


class TestExport:
    def test_toml_export_loads_back_to_the_same_dataset(self, cli, tmp_path):
        out = tmp_path / "copy.toml"
        result = cli("export", "-o", str(out))
        assert (result.exit_code, result.stderr) == (0, f"techpay: Wrote 10 roles to {out}.\n")
        assert as_document(load_file(str(out))) == as_document(load_layers([]).record)

    def test_json_export_loads_back_to_the_same_dataset(self, cli, tmp_path):
        out = tmp_path / "copy.json"
        cli("export", "--format", "json", "-o", str(out))
        assert as_document(load_file(str(out))) == as_document(load_layers([]).record)

    def test_export_takes_the_selection_options(self, cli):
        text = cli("export", "--skill", "python", "--sort", "salary").stdout
        document = tomllib.loads(text)
        assert [role["id"] for role in document["roles"]] == [
            "machine-learning-engineer",
            "data-scientist",
        ]

    def test_export_then_validate_is_clean(self, cli, tmp_path):
        out = tmp_path / "copy.toml"
        cli("export", "-o", str(out))
        assert cli("--no-bundled", "validate", str(out)).exit_code == 0

    def test_csv_has_one_row_per_role(self, cli):
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(cli("export", "-f", "csv").stdout)))
        assert len(rows) == 10
        assert rows[1]["id"] == "machine-learning-engineer"
        assert rows[1]["salary_min"] == "150000"
        assert rows[1]["tags"] == (
            "python; sql; docker; kubernetes; ci-cd; data-pipelines; machine-learning;"
            " monitoring; mlops"
        )
        assert rows[0]["open_ended"] == "true"

    def test_markdown_is_a_table(self, cli):
        lines = cli("export", "-f", "markdown", "--cluster", "leadership").stdout.splitlines()
        assert lines[0].startswith("| # | Role |")
        assert lines[2] == (
            "| 8 | Software Engineering Manager | 170,000 - 230,000 | 200,000 | leadership |"
            " system-design, communication, agile, delivery-management, roadmaps, mentoring,"
            " stakeholders |"
        )
        assert len(lines) == 4

    def test_sqlite_has_normalised_tables(self, cli, tmp_path):
        out = tmp_path / "techpay.db"
        assert cli("export", "-f", "sqlite", "-o", str(out)).exit_code == 0
        db = sqlite3.connect(out)
        assert db.execute("SELECT count(*) FROM roles").fetchone() == (10,)
        assert db.execute(
            "SELECT role_id FROM role_skills WHERE tag = 'python' ORDER BY role_id"
        ).fetchall() == [("data-scientist",), ("machine-learning-engineer",)]
        assert db.execute(
            "SELECT text FROM responsibilities WHERE role_id = 'site-reliability-engineer'"
            " AND position = 1"
        ).fetchone() == ("Define service level objectives.",)
        assert db.execute(
            "SELECT salary_min, salary_max FROM roles WHERE id = 'data-scientist'"
        ).fetchone() == (
            130_000,
            180_000,
        )
        db.close()

    def test_sqlite_needs_a_file(self, cli):
        result = cli("export", "-f", "sqlite")
        assert (result.exit_code, result.stderr) == (
            EXIT_USAGE,
            "techpay: the sqlite format needs a file: add -o FILE (see 'techpay export --help')\n",
        )

    def test_an_existing_file_is_never_overwritten_without_force(self, cli, tmp_path):
        out = tmp_path / "keep.toml"
        out.write_bytes(b"precious")
        result = cli("export", "-o", str(out))
        assert (result.exit_code, result.stderr) == (
            EXIT_ERROR,
            f"techpay: {out} exists; add --force to overwrite it\n",
        )
        assert out.read_bytes() == b"precious"
        assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind
        assert cli("export", "-o", str(out), "--force").exit_code == 0
        assert tomllib.loads(out.read_text(encoding="utf-8"))["roles"][0]["rank"] == 1

    def test_a_write_that_fails_midway_leaves_the_original_untouched(self, tmp_path):
        out = tmp_path / "keep.db"
        out.write_bytes(b"precious")

        def produce(path):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("half a file")
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            files.write_atomically(str(out), produce, force=True)
        assert out.read_bytes() == b"precious"
        assert list(tmp_path.iterdir()) == [out]

    def test_a_file_that_appears_while_writing_is_not_clobbered(self, tmp_path):
        out = tmp_path / "race.txt"

        def produce(path):
            out.write_text("someone else's", encoding="utf-8")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("ours")

        with pytest.raises(files.WriteRefused):
            files.write_atomically(str(out), produce)
        assert out.read_text(encoding="utf-8") == "someone else's"


class TestInitAndSchema:
    def test_init_writes_a_starter_that_validates(self, cli, tmp_path):
        path = tmp_path / "mine.toml"
        result = cli("init", str(path))
        assert result.exit_code == 0
        assert "# Use it with:" in path.read_text(encoding="utf-8")
        assert cli("validate", str(path)).exit_code == 0
        role = json.loads(cli("--data", str(path), "show", "platform", "--json").stdout)
        assert role["salary"]["min"] == 135_000

    def test_init_refuses_to_overwrite(self, cli, tmp_path):
        path = tmp_path / "mine.toml"
        path.write_text("mine", encoding="utf-8")
        assert cli("init", str(path)).exit_code == EXIT_ERROR
        assert path.read_text(encoding="utf-8") == "mine"

    def test_init_to_stdout(self, cli):
        assert cli("init", "-").stdout.startswith("# A techpay data file.")

    def test_schema_is_the_models_json_schema(self, cli):
        schema = json.loads(cli("schema").stdout)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert set(schema["$defs"]["Role"]["required"]) == {"id", "title", "salary"}
        assert schema["$defs"]["Role"]["additionalProperties"] is False


# Valid datasets, for the round-trip property.
names = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda text: text.strip() == text and text)


@st.composite
def datasets(draw):
    ids = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    clusters = draw(st.dictionaries(names, texts, max_size=3))
    taken = set(ids)
    roles = []
    for role_id in ids:
        aliases = [a for a in draw(st.lists(names, max_size=2, unique=True)) if a not in taken]
        taken.update(aliases)
        low = draw(st.integers(1, 10**7))
        salary = {"min": low, "max": low + draw(st.integers(0, 10**6))}
        if draw(st.booleans()):
            salary |= {"open_ended": True, "note": draw(texts)}
        role = {"id": role_id, "title": draw(texts), "aliases": aliases, "salary": salary}
        role["clusters"] = (
            draw(st.lists(st.sampled_from(sorted(clusters)), unique=True)) if clusters else []
        )
        role["rank"] = draw(st.none() | st.integers(1, 100))
        role["responsibilities"] = draw(st.lists(texts, max_size=2))
        role["skills"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {"text": texts, "tags": st.lists(names, max_size=2, unique=True)}
                ),
                max_size=2,
            )
        )
        roles.append(role)
    meta_skills = draw(st.lists(texts, max_size=2))
    return Dataset.model_validate(
        {"clusters": clusters, "meta_skills": meta_skills, "roles": roles}
    ).to_record()


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(datasets())
def test_any_valid_dataset_round_trips_through_toml_and_json(tmp_path, record):
    """Export to TOML and to JSON, load each back: it validates and equals the original."""
    for name, text in (("d.toml", export.toml_text(record)), ("d.json", export.json_text(record))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert as_document(load_file(str(path))) == record
