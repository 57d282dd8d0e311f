"""Exports for spreadsheets and SQL: the roles' CSV carries every national percentile, and
``export --official`` writes BLS's estimates for the occupations and places asked for, with
the release, the source and BLS's reason for every figure it did not publish."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from techpay.core.errors import EXIT_ERROR, EXIT_USAGE
from techpay.official.bundle import open_bundle

SOFTWARE_DEVELOPERS = "15-1252"
# 15-1252 in the nation, Texas and Austin, as BLS published them (May 2025)
NATIONAL = ["0000000", "National", "national", "1687890"]
NATIONAL += ["82460", "105210", "135980", "171980", "214670", "148100", ""]
TEXAS = ["4800000", "Texas", "state", "163880"]
TEXAS += ["82600", "103350", "132150", "162530", "183680", "136450", "1.07"]
AUSTIN = ["0012420", "Austin-Round Rock-San Marcos, TX", "metro", "31960"]
AUSTIN += ["96110", "104000", "134120", "168730", "209890", "143630", "2.28"]
NOTES = [""] * 20 + ["BLS OEWS", "May 2025"]  # no reasons, bounds, hourly wages; source, release
FOOTNOTE_8 = "Estimate not released."
FOOTNOTE_5 = "This wage is equal to or greater than $115.00 per hour or $239,200 per year."


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_roles_csv_carries_the_25th_and_75th_percentiles(cli):
    """Every national figure of the role's occupation, not four of them."""
    rows = rows_of(cli("export", "--format", "csv").stdout)
    sre = next(row for row in rows if row["id"] == "site-reliability-engineer")
    wages = [sre[f"official_{name}"] for name in ("p10", "p25", "median", "p75", "p90", "mean")]
    assert wages == ["82460", "105210", "135980", "171980", "214670", "148100"]


class TestCsv:
    def test_a_row_per_place_with_every_figure_the_source_and_the_release(self, cli):
        """The nation, then states, then metro areas, whatever order --in named them in."""
        result = cli("export", "--official", "--occupation", "15-1252", "--in", "austin",
                     "--in", "TX", "--in", "us")  # fmt: skip
        assert result.exit_code == 0, result.stderr
        lines = list(csv.reader(io.StringIO(result.stdout)))
        assert lines[0][:13] == [
            "occupation_code", "occupation_title", "area_code", "area_name", "area_type",
            "employment", "p10", "p25", "median", "p75", "p90", "mean", "location_quotient",
        ]  # fmt: skip
        assert lines[0][-2:] == ["source", "release"]
        occupation = [SOFTWARE_DEVELOPERS, "Software Developers"]
        assert lines[1:] == [
            [*occupation, *NATIONAL, *NOTES],
            [*occupation, *TEXAS, *NOTES],
            [*occupation, *AUSTIN, *NOTES],
        ]
        assert result.stderr == ""

    def test_every_place_by_default_and_the_states_alone_with_states(self, cli):
        bundle = open_bundle()
        every = rows_of(cli("export", "--official", "--occupation", "15-1252").stdout)
        states = bundle.estimates(SOFTWARE_DEVELOPERS, "state")
        metros = bundle.estimates(SOFTWARE_DEVELOPERS, "metro")
        assert len(every) == 1 + len(states) + len(metros)
        assert [row["area_type"] for row in every[:2]] == ["national", "state"]
        assert every[-1]["area_type"] == "metro"
        only_states = rows_of(
            cli("export", "--official", "--occupation", "15-1252", "--states").stdout
        )
        assert {row["area_type"] for row in only_states} == {"state"}
        assert len(only_states) == len(states)
        assert [row["area_code"] for row in only_states] == sorted(
            s["area"]["code"] for s in states
        )

    def test_a_figure_bls_did_not_publish_is_empty_with_bls_reason(self, cli):
        """East Arkansas has 30 software developers: BLS released no wages for them."""
        text = cli("export", "--official", "--occupation", "15-1252", "--in", "0500002").stdout
        (row,) = rows_of(text)
        assert (row["employment"], row["location_quotient"]) == ("30", "0.04")
        for wage in ("p10", "p25", "median", "p75", "p90", "mean"):
            assert (row[wage], row[f"{wage}_reason"], row[f"{wage}_at_least"]) == (
                "",
                FOOTNOTE_8,
                "",
            )
        assert row["employment_reason"] == ""

    def test_a_top_coded_wage_has_its_lower_bound(self, cli):
        """Chief executives in Eastern Ohio: the 90th percentile is top-coded (footnote 5);
        the bound is the one the bundle gives for it."""
        text = cli("export", "--official", "--occupation", "11-1011", "--in", "3900003").stdout
        (row,) = rows_of(text)
        record = open_bundle().estimate("11-1011", "3900003")
        assert record is not None
        assert (row["p90"], row["p90_reason"]) == ("", FOOTNOTE_5)
        assert row["p90_at_least"] == str(record["absent"]["p90"]["at_least"])
        assert row["median"] == "165290"

    def test_the_selection_options_pick_the_roles_occupations(self, cli):
        """The ai cluster's four roles have three occupations; the cloud cluster's
        architect is paid as 15-1241 (its O*NET code has no wages of its own)."""
        rows = rows_of(cli("export", "--official", "--cluster", "ai", "--in", "us").stdout)
        assert [row["occupation_code"] for row in rows] == ["11-3021", "15-1221", "15-2051"]
        rows = rows_of(cli("export", "--official", "--cluster", "cloud", "--in", "us").stdout)
        assert [row["occupation_code"] for row in rows] == ["15-1241", "15-1252"]

    def test_a_role_names_its_occupation(self, cli):
        by_role = cli("export", "--official", "--occupation", "sre", "--in", "TX").stdout
        by_code = cli("export", "--official", "--occupation", "15-1252.00", "--in", "TX").stdout
        assert by_role == by_code
        assert rows_of(by_role)[0]["median"] == "132150"

    def test_a_place_without_figures_is_named_on_stderr(self, cli):
        result = cli("export", "--official", "--occupation", "29-1211", "--in", "CA", "--in", "us")
        assert [row["area_name"] for row in rows_of(result.stdout)] == ["National"]
        assert result.stderr == (
            "techpay: BLS published no figures for 29-1211 in California: it has no row\n"
        )


def test_json_is_one_document_with_the_release_and_official_objects(cli):
    text = cli("export", "--official", "--occupation", "15-1252", "--in", "TX", "-f", "json").stdout
    document = json.loads(text)
    assert {key: document[key] for key in ("source", "release", "release_code", "published")} == {
        "source": "BLS OEWS",
        "release": "May 2025",
        "release_code": "2025A01",
        "published": "2026-05-15",
    }
    (texas,) = document["rows"]
    assert texas["occupation"] == {"code": "15-1252", "title": "Software Developers"}
    assert texas["area"] == {"code": "4800000", "type": "state", "name": "Texas", "postal": "TX"}
    assert texas["annual_wages"] == {
        "p10": 82600, "p25": 103350, "median": 132150, "p75": 162530, "p90": 183680, "mean": 136450,
    }  # fmt: skip
    assert (texas["employment"], texas["location_quotient"], texas["absent"]) == (163880, 1.07, {})
    assert text.isascii()


def test_json_without_rows_is_still_a_document(cli):
    text = cli("export", "--official", "--occupation", "29-1211", "--in", "CA", "-f", "json").stdout
    assert json.loads(text)["rows"] == []


class TestSqlite:
    def test_every_estimate_of_the_release_with_a_meta_table(self, cli, tmp_path):
        """All 223,174 rows (830 occupations in 583 areas), streamed into the file."""
        path = tmp_path / "oews.db"
        result = cli("export", "--official", "--format", "sqlite", "-o", str(path))
        assert result.exit_code == 0, result.stderr
        assert result.stderr == f"techpay: Wrote 223,174 rows of BLS OEWS May 2025 to {path}.\n"
        with sqlite3.connect(path) as connection:
            count = "SELECT count(*), count(DISTINCT occupation_code), count(DISTINCT area_code)"
            assert connection.execute(f"{count} FROM estimates").fetchone() == (223_174, 830, 583)
            assert dict(connection.execute("SELECT name, value FROM meta")) == {
                "source": "BLS OEWS",
                "release": "May 2025",
                "release_code": "2025A01",
                "published": "2026-05-15",
            }
            national = connection.execute(
                "SELECT p25, median, p75 FROM estimates"
                " WHERE occupation_code = '15-1252' AND area_type = 'national'"
            ).fetchone()
            assert national == (105_210, 135_980, 171_980)
            austin = connection.execute(
                "SELECT median, location_quotient FROM estimates"
                " WHERE occupation_code = '15-1252' AND area_code = '0012420'"
            ).fetchone()
            assert austin == (134_120, 2.28)

    def test_needs_a_file(self, cli):
        result = cli("export", "--official", "--format", "sqlite")
        assert result.exit_code == EXIT_USAGE
        assert "the sqlite format needs a file: add -o FILE" in result.stderr


class TestMistakes:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--in", "TX"], "--occupation, --in, --states and --metros choose what --official"),
            (["--states"], "choose what --official exports: add --official"),
            (
                ["--official", "-f", "markdown"],
                "--official writes csv, json or sqlite, not markdown",
            ),
            (["--official", "-f", "toml"], "--official writes csv, json or sqlite, not toml"),
        ],
    )
    def test_options_that_do_not_go_together(self, cli, args, message):
        result = cli("export", *args)
        assert result.exit_code == EXIT_USAGE
        assert message in result.stderr
        assert result.stdout == ""

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--in", "nowhere"], "techpay: no place matches 'nowhere'"),
            (["--occupation", "99-9999"], "techpay: no occupation in May 2025 matches '99-9999'"),
        ],
    )
    def test_an_unknown_place_or_occupation_is_one_line(self, cli, args, message):
        result = cli("export", "--official", *args)
        assert result.exit_code == EXIT_ERROR
        assert result.stderr.startswith(message)
        assert len(result.stderr.splitlines()) == 1

    def test_an_existing_file_is_kept_without_force(self, cli, tmp_path):
        path = tmp_path / "oews.csv"
        path.write_text("mine\n", encoding="utf-8")
        args = ["export", "--official", "--occupation", "15-1252", "--in", "us", "-o", str(path)]
        assert cli(*args).exit_code == EXIT_ERROR
        assert path.read_text(encoding="utf-8") == "mine\n"
        assert cli(*args, "--force").exit_code == 0
        assert rows_of(path.read_text(encoding="utf-8"))[0]["median"] == "135980"


def test_hourly_only_wages_are_exported_as_hourly(cli):
    """Dancers (27-2031): BLS published hourly wages only; the export keeps them."""
    import csv
    import io

    out = cli("export", "--official", "--occupation", "27-2031", "--in", "us").stdout
    (nation,) = list(csv.DictReader(io.StringIO(out)))
    assert nation["median"] == ""
    assert (nation["hourly_median"], nation["hourly_p10"], nation["hourly_mean"]) == (
        "24.8", "14.88", "30.83"
    )  # fmt: skip
    software = cli("export", "--official", "--occupation", "15-1252", "--in", "us").stdout
    (row,) = list(csv.DictReader(io.StringIO(software)))
    assert (row["median"], row["hourly_median"]) == ("135980", "")
