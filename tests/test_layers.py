"""Layering: a role a later file gives in part changes those fields and keeps the rest;
``replace = true`` replaces it whole; ``validate`` reports field problems and problems
between files in one run."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import sys
import time
from pathlib import Path

import pytest

from techpay.core.dataset import layer_paths
from techpay.core.errors import EXIT_ERROR
from techpay.start import cache, dataentry, fast

ROOT = Path(__file__).resolve().parent.parent
SRE = "site-reliability-engineer"
SRE_RESPONSIBILITIES = [
    "Define service level objectives.",
    "Conduct incident response.",
    "Automate recovery processes.",
    "Improve system resilience.",
]


def readme_file(name: str) -> str:
    """A data file the README shows, as tests/test_readme.py finds it."""
    script = ROOT / "scripts/readme_examples.py"
    spec = importlib.util.spec_from_file_location("readme_files", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme_files"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    lines = module.README.read_text(encoding="utf-8").splitlines()
    return module.files(lines)[name]


@pytest.fixture
def write(tmp_path):
    def write_file(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write_file


@pytest.fixture
def local_bands(write):
    return write("local-bands.toml", readme_file("local-bands.toml"))


def plain_terminal(monkeypatch) -> None:
    """The fast path draws for the terminal the ``cli`` fixture draws for."""
    for name, value in {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TECHPAY_DATA", raising=False)


def fast_path(*argv: str) -> tuple[int | None, str, str]:
    """Run the fast path (what ``techpay ...`` answers first) in-process."""
    out, err = io.BytesIO(), io.BytesIO()
    out_text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    err_text = io.TextIOWrapper(err, encoding="utf-8", newline="\n")
    with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
        code = fast.run(list(argv), os.environ)
        out_text.flush()
        err_text.flush()
    return code, out.getvalue().decode(), err.getvalue().decode()


class TestTheReadmeExample:
    def test_show_sre_keeps_what_the_file_does_not_change(self, cli_json, local_bands):
        sre = cli_json("--data", local_bands, "show", "sre")
        assert (sre["salary"]["min"], sre["salary"]["max"]) == (155_000, 205_000)
        assert sre["salary"]["stated"] is None  # the article's wording was of its own range
        assert sre["responsibilities"] == SRE_RESPONSIBILITIES
        assert sre["skills"][0]["tags"] == ["distributed-systems"]
        assert sre["summary"] == "Keeps production fast and available, and automates its recovery."
        assert sre["occupation"]["code"] == "15-1252.00"
        assert sre["official"]["annual_wages"]["median"] == 135_980
        assert sre["origin"] == local_bands

    def test_show_sre_prints_the_official_pay(self, cli, local_bands, monkeypatch):
        plain_terminal(monkeypatch)
        full = cli("--data", local_bands, "show", "sre")
        assert full.exit_code == 0
        assert "Official pay  Software Developers (15-1252), United States" in full.stdout
        assert "- Conduct incident response." in full.stdout
        assert fast_path("--data", local_bands, "show", "sre") == (0, full.stdout, "")

    def test_offer_sre_is_placed_on_both_paths(self, cli, local_bands, monkeypatch):
        plain_terminal(monkeypatch)
        full = cli("--data", local_bands, "offer", "sre", "165k", "--json")
        assert (full.exit_code, full.stderr) == (0, "")
        offer = json.loads(full.stdout)
        assert offer["role"]["id"] == SRE
        assert fast_path("--data", local_bands, "offer", "sre", "165k", "--json") == (
            0,
            full.stdout,
            "",
        )
        table = cli("--data", local_bands, "offer", "sre", "165k")
        assert table.exit_code == 0
        assert "$155,000 - $205,000" in table.stdout

    def test_the_new_role_is_added(self, cli_json, local_bands):
        platform = cli_json("--data", local_bands, "show", "platform")
        assert (platform["id"], platform["rank"], platform["origin"]) == (
            "platform-engineer",
            None,
            local_bands,
        )


class TestPartialRoles:
    def test_a_list_or_table_given_replaces_the_earlier_one_whole(self, cli_json, write):
        path = write(
            "mine.toml",
            f'[[roles]]\nid = "{SRE}"\nresponsibilities = ["Carry the pager."]\n'
            'occupation = { code = "15-1244", title = "Network and Computer Systems'
            ' Administrators", match = "medium" }\n',
        )
        sre = cli_json("--data", path, "show", "sre")
        assert sre["responsibilities"] == ["Carry the pager."]
        assert sre["occupation"] == {
            "code": "15-1244",
            "title": "Network and Computer Systems Administrators",
            "match": "medium",
            "pay_code": None,
            "note": None,
            "url": None,
        }
        assert sre["official"]["occupation"]["code"] == "15-1244"
        assert sre["salary"]["stated"] == "$140,000 to $185,000"  # not given: kept
        assert sre["aliases"] == ["sre"]
        assert len(sre["skills"]) == 4

    def test_responsibilities_given_anew_keep_the_tags_of_those_still_there(self, cli_json, write):
        """Responsibility tags are keyed by the duty's text: a file that gives the
        responsibilities again keeps the tags of the duties it still lists, and only those."""
        path = write(
            "mine.toml",
            f'[[roles]]\nid = "{SRE}"\n'
            'responsibilities = ["Conduct incident response.", "Carry the pager."]\n',
        )
        sre = cli_json("--data", path, "show", "sre")
        bundled = cli_json("show", "sre")["responsibility_tags"]
        assert sre["responsibility_tags"] == {
            "Conduct incident response.": bundled["Conduct incident response."]
        }

    def test_a_later_file_changes_what_an_earlier_file_gave(self, cli_json, write, local_bands):
        later = write("later.toml", '[[roles]]\nid = "platform-engineer"\nrank = 11\n')
        platform = cli_json("--data", local_bands, "--data", later, "show", "platform")
        assert (platform["rank"], platform["salary"]["min"]) == (11, 135_000)
        assert platform["origin"] == later

    def test_replace_true_replaces_the_role_whole(self, cli_json, write):
        path = write(
            "whole.toml",
            f'[[roles]]\nid = "{SRE}"\nreplace = true\ntitle = "SRE"\n'
            "salary = { min = 1, max = 2 }\n",
        )
        sre = cli_json("--data", path, "show", SRE)
        assert (sre["title"], sre["aliases"], sre["responsibilities"], sre["skills"]) == (
            "SRE",
            [],
            [],
            [],
        )
        assert (sre["summary"], sre["occupation"], sre["official"], sre["rank"]) == (
            None,
            None,
            None,
            None,
        )
        assert "replace" not in sre

    def test_replace_false_is_the_same_as_leaving_it_out(self, cli_json, write):
        path = write("keep.toml", f'[[roles]]\nid = "{SRE}"\nreplace = false\nrank = 3\n')
        sre = cli_json("--data", path, "show", SRE)
        assert (sre["rank"], sre["responsibilities"]) == (3, SRE_RESPONSIBILITIES)

    def test_a_partial_role_must_name_an_earlier_role(self, cli, write):
        path = write("typo.toml", '[[roles]]\nid = "site-reliability-enginer"\nrank = 3\n')
        result = cli("--data", path, "list")
        assert (result.exit_code, result.stdout) == (EXIT_ERROR, "")
        assert result.stderr == (
            f"techpay: {path}: role 'site-reliability-enginer' -> id: no earlier layer has a"
            f" role with this id; did you mean '{SRE}'? (a new role needs title and salary)\n"
        )

    def test_an_alias_given_as_the_id_suggests_the_role(self, cli, write):
        path = write("alias.toml", '[[roles]]\nid = "sre"\ntitle = "SRE"\n')
        result = cli("validate", path, "--json")
        assert json.loads(result.stdout) == [
            {
                "file": path,
                "line": None,
                "column": None,
                "role": "sre",
                "field": "id",
                "message": "no earlier layer has a role with this id; did you mean"
                f" '{SRE}'? (a new role needs salary)",
            }
        ]

    def test_without_earlier_layers_a_role_needs_every_required_field(self, cli, write):
        path = write("alone.toml", f'[[roles]]\nid = "{SRE}"\nrank = 3\n')
        result = cli("--no-bundled", "validate", path)
        assert result.stdout.splitlines() == [
            f"{path}: role '{SRE}' -> title: required field is missing",
            f"{path}: role '{SRE}' -> salary: required field is missing",
        ]

    def test_the_merged_role_is_validated_and_blamed_on_the_file(self, cli, write):
        path = write(
            "bad.toml",
            f'[[roles]]\nid = "{SRE}"\nsalary = {{ min = 300000 }}\nreplace = "yes"\n'
            'titel = "Typo"\n',
        )
        result = cli("validate", path)
        assert result.stdout.splitlines() == [
            f"{path}: role '{SRE}' -> salary.max: required field is missing",
            f"{path}: role '{SRE}' -> replace: must be true or false (got 'yes')",
            f"{path}: role '{SRE}' -> titel: unknown field",
        ]

    def test_a_file_with_clusters_of_its_own_may_use_the_bundled_ones(self, cli, write):
        path = write(
            "clusters.toml",
            '[clusters]\nplatform = "platform teams"\n\n[[roles]]\nid = "platform-engineer"\n'
            'title = "Platform Engineer"\nclusters = ["cloud", "platform"]\n'
            "salary = { min = 135000, max = 180000 }\n",
        )
        result = cli("validate", path)
        assert (result.exit_code, result.stdout) == (0, "")

    def test_the_schema_documents_replace(self, cli):
        role = json.loads(cli("schema").stdout)["$defs"]["Role"]
        assert role["properties"]["replace"]["type"] == "boolean"
        assert "only the fields it changes" in role["description"]


class TestValidateReportsEverything:
    DOC = (
        '[[roles]]\nid = "staff-engineer"\ntitle = "Staff Engineer"\n'
        "salary = { min = 190000, max = 180000 }\n\n"
        '[[roles]]\nid = "platform-engineer"\ntitle = "Platform Engineer"\n'
        'aliases = ["devops-engineer"]\nclusters = ["platfrom"]\n'
        "salary = { min = 135000, max = 180000 }\n"
    )

    def test_field_and_cross_file_problems_in_one_run(self, cli, write):
        path = write("mixed.toml", self.DOC)
        result = cli("validate", path)
        assert result.exit_code == EXIT_ERROR
        assert result.stdout.splitlines() == [
            f"{path}: role 'staff-engineer' -> salary: min (190000) is greater than max (180000)",
            f"{path}: role 'platform-engineer' -> aliases: 'devops-engineer' also names role"
            " 'devops-engineer'",
            f"{path}: role 'platform-engineer' -> clusters: unknown cluster 'platfrom'"
            " (known: ai, cloud, leadership, security)",
        ]
        assert result.stderr == "techpay: 3 problems in 1 file(s).\n"

    def test_json_lists_them_all_too(self, cli, write):
        path = write("mixed.toml", self.DOC)
        problems = json.loads(cli("validate", path, "--json").stdout)
        assert [(problem["role"], problem["field"]) for problem in problems] == [
            ("staff-engineer", "salary"),
            ("platform-engineer", "aliases"),
            ("platform-engineer", "clusters"),
        ]

    def test_across_files_as_well(self, cli, write):
        first = write("first.toml", self.DOC.split("\n\n")[0] + "\n")
        second = write("second.toml", "\n".join(self.DOC.split("\n\n")[1:]))
        result = cli("validate", first, second)
        assert [line.split(": role ")[0] for line in result.stdout.splitlines()] == [
            first,
            second,
            second,
        ]

    def test_a_name_two_files_claim_is_the_later_files_problem(self, cli, write):
        new_id = write(
            "id.toml", '[[roles]]\nid = "sre"\ntitle = "S"\nsalary = { min = 1, max = 2 }\n'
        )
        result = cli("validate", new_id)
        assert result.stdout == (f"{new_id}: role 'sre' -> id: 'sre' also names role '{SRE}'\n")
        first = write(
            "first.toml",
            '[[roles]]\nid = "platform-engineer"\ntitle = "P"\naliases = ["pe"]\n'
            "salary = { min = 1, max = 2 }\n",
        )
        second = write("second.toml", f'[[roles]]\nid = "{SRE}"\naliases = ["sre", "pe"]\n')
        result = cli("validate", first, second)
        assert result.stdout == (
            f"{second}: role '{SRE}' -> aliases: 'pe' also names role 'platform-engineer'\n"
        )

    def test_a_left_out_role_does_not_make_synonyms_point_at_nothing(self, cli, write):
        path = write(
            "pipes.toml",
            '[synonyms]\npipes = "data-pipelines"\n\n[[roles]]\nid = "a"\ntitle = ""\n'
            "salary = { min = 1, max = 2 }\n"
            'skills = [{ text = "Pipes.", tags = ["data-pipelines"] }]\n',
        )
        result = cli("--no-bundled", "validate", path)
        assert result.stdout == f"{path}: role 'a' -> title: must not be empty (got '')\n"


def test_a_layered_partial_role_is_cached_and_never_stale(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    data = tmp_path / "bands.toml"

    def save(low: int) -> None:
        text = f'[[roles]]\nid = "{SRE}"\nsalary = {{ min = {low}, max = 205000 }}\n'
        data.write_text(text, encoding="utf-8")
        an_hour_ago = time.time_ns() - 3600 * 1_000_000_000 + low  # a new time each save
        os.utime(data, ns=(an_hour_ago, an_hour_ago))

    def sre() -> tuple[int, list[str]]:
        role = dataentry.load_catalog([str(data)]).resolve("sre")
        return role["salary"]["min"], role["responsibilities"]

    def entry() -> dataentry.DataEntry | None:
        return dataentry.cached(layer_paths([str(data)]))

    save(155_000)
    assert sre() == (155_000, SRE_RESPONSIBILITIES)
    cached = entry()
    assert cached is not None
    assert cached.catalog().resolve("sre")["responsibilities"] == SRE_RESPONSIBILITIES
    assert sre() == (155_000, SRE_RESPONSIBILITIES)
    save(165_000)
    assert entry() is None  # the file changed: a miss
    assert sre() == (165_000, SRE_RESPONSIBILITIES)
