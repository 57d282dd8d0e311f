"""A hostile import cannot replace good data with bad (issue 22): empty or cut releases,
values BLS never writes, odd release codes, signals, files that are not files, endless
lines, a data directory that fights back, and sources that contradict themselves.

Every source here is built in BLS's formats in a temporary folder (see
tests/test_official_import.py); each failed import leaves the data directory byte for byte
as it was.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import clean_env, interrupted_import, run_techpay
from techpay.core.errors import EXIT_ERROR
from techpay.official import bundle, integrity, tabfiles
from test_official_import import (
    AREA_COLUMNS,
    AREAS,
    DATA,
    THIS_YEAR,
    a_manifest,
    data_lines,
    imported,
    installed,
    national,
    refused,
    series,
    small_file,
    snapshot,
    upstream_database,
    write_release,
)

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX")


def data_with(number: int, value: str) -> str:
    """The data file with the value on line ``number`` (from 1) replaced."""
    lines = data_lines(THIS_YEAR)
    fields = lines[number - 1].split("\t")
    fields[3] = value
    lines[number - 1] = "\t".join(fields)
    return "".join(lines)


def database_with(path: Path, sql: str, *parameters: object) -> Path:
    upstream_database(path)
    database = sqlite3.connect(path)
    database.execute(sql, parameters)
    database.commit()
    database.close()
    return path


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """A data directory of this test's own; the techpay folder in it."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "techpay"


@pytest.fixture
def previous(cli, data_home, tmp_path):
    """A release imported before the bad one; what the data directory holds with it."""
    imported(cli, write_release(tmp_path / "previous"))
    return snapshot(data_home)


def a_dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


class TestEmptyAndCutReleases:
    """Item 1: a release with no national estimates is refused, --force or not; one that
    lists areas it has no estimates for (a file cut at a line end) unless --force."""

    @pytest.mark.parametrize("force", [[], ["--force"]])
    def test_a_data_file_with_only_its_header(self, cli, data_home, tmp_path, previous, force):
        folder = write_release(tmp_path / "oe", oe_data_0_Current=data_lines(THIS_YEAR)[0])
        result = cli("official", "import", str(folder), *force)
        assert (result.exit_code, result.stderr) == (
            EXIT_ERROR,
            f"techpay: {folder / DATA}: no national estimates (an empty or cut-short release);"
            " the release in use is unchanged\n",
        )
        assert snapshot(data_home) == previous
        assert national(cli)["annual_wages"]["median"] == 140_000

    def test_an_upstream_database_with_an_empty_cell_table(
        self, cli, data_home, tmp_path, previous
    ):
        database = database_with(tmp_path / "oews.sqlite", "DELETE FROM cell")
        assert f"{database}: no national estimates" in refused(cli, database, data_home, previous)

    def test_a_data_file_cut_at_a_line_end(self, cli, data_home, tmp_path, previous):
        """BLS sorts by series id: metros, the nation, then the states; cut before the
        states, two of the four areas have nothing."""
        lines = data_lines(THIS_YEAR)
        cut = next(number for number, line in enumerate(lines) if line.startswith("OEUS"))
        folder = write_release(tmp_path / "oe", oe_data_0_Current="".join(lines[:cut]))
        stderr = refused(cli, folder, data_home, previous)
        assert stderr == (
            f"techpay: {folder / DATA}: no estimates for 2 of its 4 areas (California, ...);"
            " cut short? add --force to import it anyway; the release in use is unchanged\n"
        )
        imported(cli, folder, "--force")
        assert national(cli)["annual_wages"]["median"] == 140_000


ARABIC_INDIC, FULL_WIDTH = "\u0663\u0663\u0663", "\uff11\uff12\uff13"
NOT_NUMBERS = ["inf", "1e400", "1e308", "99999999999999999999", "nan", ARABIC_INDIC, FULL_WIDTH,
               "1_000", "1.5e5", "0x10", " ", "+5"]  # fmt: skip


class TestValues:
    """Item 2: a value is a number as BLS writes it, or one of its symbols; anything else
    (a blank one too, item 9) is named with its file and line, never an internal error."""

    @pytest.mark.parametrize("value", NOT_NUMBERS)
    def test_in_the_data_file(self, cli, data_home, tmp_path, previous, value):
        folder = write_release(tmp_path / "oe", oe_data_0_Current=data_with(4, value))
        assert f"{DATA}:4: not a number or BLS symbol: {value.strip()!r};" in refused(
            cli, folder, data_home, previous
        )

    @pytest.mark.parametrize("value", [*NOT_NUMBERS, ""])
    def test_in_an_upstream_database(self, cli, data_home, tmp_path, previous, value):
        key = series("0000000", "151252", "")
        database = database_with(
            tmp_path / "oews.sqlite", "UPDATE cell SET v04 = ? WHERE key = ?", value, key
        )
        assert f"{database}: cell {key}, column v04: not a number or BLS symbol:" in refused(
            cli, database, data_home, previous
        )

    def test_a_footnote_code_in_an_upstream_database(self, cli, data_home, tmp_path, previous):
        key = series("0000000", "151252", "")
        database = database_with(
            tmp_path / "oews.sqlite", "UPDATE cell SET f15 = 'x' WHERE key = ?", key
        )
        assert f"cell {key}, column f15: not a footnote code: 'x'" in refused(
            cli, database, data_home, previous
        )

    def test_an_unknown_area_in_an_upstream_database(self, cli, data_home, tmp_path, previous):
        database = database_with(
            tmp_path / "oews.sqlite", "DELETE FROM area WHERE area_code = '5300000'"
        )
        assert "area 5300000 is not in table area" in refused(cli, database, data_home, previous)

    def test_numbers_as_bls_writes_them(self, cli, data_home, tmp_path):
        """Padded, with leading zeros and decimals: read as before."""
        lines = data_lines(THIS_YEAR)
        mean = next(
            n
            for n, line in enumerate(lines, 1)
            if line.startswith(series("0000000", "151252", "04"))
        )
        imported(
            cli, write_release(tmp_path / "oe", oe_data_0_Current=data_with(mean, "  0155000.00"))
        )
        assert national(cli)["annual_wages"]["mean"] == 155_000


class TestReleaseCodes:
    """Item 3: a release code is a year's May (``2025A01``), 1997 on, and not a year to come."""

    @pytest.mark.parametrize(
        "code", ["abc", "2025A02", "1990A01", "\uff12\uff10\uff12\uff15A01", ""]
    )
    def test_in_an_upstream_database(self, cli, data_home, tmp_path, previous, code):
        database = database_with(
            tmp_path / "oews.sqlite", "UPDATE meta SET value = ? WHERE name = 'release_code'", code
        )
        expected = (
            "no release"
            if not code
            else f"{database}: table meta: not a release code like 2025A01: {code!r}"
        )
        assert expected in refused(cli, database, data_home, previous)

    def test_a_year_to_come(self, cli, data_home, tmp_path, previous):
        release = small_file(["release_date", "description"], [("9999A01", "May 9999")])
        folder = write_release(tmp_path / "oe", oe_release=release)
        assert f"{folder / 'oe.release'}: release 9999A01 is of a year to come" in refused(
            cli, folder, data_home, previous
        )

    def test_an_abc_database_cannot_lock_out_real_releases(self, cli, data_home, tmp_path):
        database = database_with(
            tmp_path / "oews.sqlite", "UPDATE meta SET value = 'abc' WHERE name = 'release_code'"
        )
        assert cli("official", "import", str(database)).exit_code == EXIT_ERROR
        imported(cli, write_release(tmp_path / "oe"))


@POSIX
class TestSignalsAndLeftovers:
    """Item 4: SIGTERM and SIGHUP clean up as Ctrl-C does; what a killed import leaves is
    shown by status and swept by the next import."""

    @pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
    def test_a_signal_halfway(self, data_home, tmp_path, previous, name):
        number = getattr(signal, name)
        with interrupted_import(write_release(tmp_path / "oe"), data_home, number) as process:
            stderr = process.stderr.read()  # type: ignore[union-attr]
            process.wait(timeout=60)
        assert (process.returncode, stderr) == (
            128 + number,
            f"techpay: terminated ({name}); the release in use is unchanged\n".encode(),
        )
        assert snapshot(data_home) == previous

    def test_a_killed_imports_files_are_shown_then_swept(self, cli, data_home, tmp_path, previous):
        leftover = data_home / f".upstream.sqlite.{a_dead_pid()}.partial"
        leftover.write_bytes(b"half a database")
        ours = data_home / f".upstream.sqlite.{os.getpid()}.partial.x"  # a running import's
        ours.write_bytes(b"")
        facts = json.loads(cli("official", "status", "--json").stdout)
        assert facts["leftovers"] == [str(leftover)]
        assert "Leftovers  1 file of an import that was killed" in cli("official", "status").stdout
        imported(cli, write_release(tmp_path / "again"))
        assert (leftover.exists(), ours.exists()) == (False, True)
        assert json.loads(cli("official", "status", "--json").stdout)["leftovers"] == []

    def test_an_oews_sqlite_folder_is_left_alone(self, cli, data_home, tmp_path):
        """An earlier layout's name taken by a folder: the import installs beside it."""
        (data_home / "oews.sqlite").mkdir(parents=True)
        imported(cli, write_release(tmp_path / "oe"))
        assert (data_home / "oews.sqlite").is_dir()
        assert national(cli)["release"] == f"May {THIS_YEAR}"

    def test_a_sum_file_that_cannot_be_replaced(self, cli, data_home, tmp_path):
        """The one step fails: nothing is installed, nothing new stays."""
        (data_home / "oews.sqlite.sha256").mkdir(parents=True)
        result = cli("official", "import", str(write_release(tmp_path / "oe")))
        assert result.exit_code == EXIT_ERROR
        assert result.stderr.startswith(f"techpay: {data_home}: cannot install the official data")
        assert sorted(path.name for path in data_home.iterdir()) == ["oews.sqlite.sha256"]
        assert national(cli)["release"] == "May 2025"


class TestReadersDuringAnInstall:
    """Item 5: the bundle and its sum are installed in one step; a reader looking at any
    moment sees the release before or the one after, verified, never one with the other's
    sum."""

    def test_at_every_step(self, cli, data_home, tmp_path, monkeypatch):
        imported(cli, write_release(tmp_path / "old", THIS_YEAR - 1))
        seen: list[str] = []

        def read() -> None:
            path = bundle.bundle_path()
            integrity.verify(path)
            seen.append(bundle.Bundle(path).release)

        for name in ("replace", "unlink", "rename"):
            real = getattr(os, name)

            def step(*arguments, real=real, **options):
                real(*arguments, **options)
                if str(data_home) in str(arguments[0]):
                    read()

            monkeypatch.setattr(os, name, step)
        imported(cli, write_release(tmp_path / "new"))
        assert seen
        assert set(seen) <= {f"May {THIS_YEAR - 1}", f"May {THIS_YEAR}"}
        assert seen[-1] == f"May {THIS_YEAR}"

    def test_a_release_imported_by_an_earlier_techpay_still_answers(self, cli, data_home, tmp_path):
        """oews.sqlite beside a sum that names it: read as before, replaced by an import."""
        imported(cli, write_release(tmp_path / "oe", THIS_YEAR - 1))
        old = installed(data_home)
        old.rename(data_home / "oews.sqlite")
        digest = hashlib.sha256((data_home / "oews.sqlite").read_bytes()).hexdigest()
        (data_home / "oews.sqlite.sha256").write_text(f"{digest}  oews.sqlite\n")
        assert national(cli)["release"] == f"May {THIS_YEAR - 1}"
        imported(cli, write_release(tmp_path / "new"))
        assert national(cli)["release"] == f"May {THIS_YEAR}"
        imported(cli, write_release(tmp_path / "new"))  # the earlier one goes now
        assert sorted(path.name for path in data_home.iterdir()) == sorted(
            ["oews.sqlite.sha256", installed(data_home).name]
        )


@POSIX
class TestFilesThatAreNotFiles:
    """Item 6: a FIFO is refused without waiting on it; a link that leads nowhere is the
    source's problem, named."""

    def test_a_fifo_in_the_source_folder(self, data_home, tmp_path):
        folder = write_release(tmp_path / "oe", oe_area=None)
        os.mkfifo(folder / "oe.area")
        env = clean_env(XDG_DATA_HOME=str(data_home.parent))
        result = run_techpay("official", "import", str(folder), env=env)
        assert (result.returncode, result.stderr.decode()) == (
            EXIT_ERROR,
            f"techpay: {folder / 'oe.area'}: not a regular file; the release in use is unchanged\n",
        )

    def test_a_link_to_a_fifo_as_the_source(self, data_home, tmp_path):
        os.mkfifo(tmp_path / "pipe")
        (tmp_path / "oews.sqlite").symlink_to(tmp_path / "pipe")
        env = clean_env(XDG_DATA_HOME=str(data_home.parent))
        result = run_techpay("official", "import", str(tmp_path / "oews.sqlite"), env=env)
        assert result.returncode == EXIT_ERROR
        assert f"{tmp_path / 'oews.sqlite'}: not a regular file;" in result.stderr.decode()

    @pytest.mark.parametrize("link", ["dangling", "looping"])
    def test_a_bad_link_in_the_source(self, cli, data_home, tmp_path, previous, link):
        folder = write_release(tmp_path / "oe", oe_footnote=None)
        target = folder / ("nowhere" if link == "dangling" else "oe.footnote")
        (folder / "oe.footnote").symlink_to(target)
        stderr = refused(cli, folder, data_home, previous)
        reason = "No such file or directory" if link == "dangling" else "Too many levels"
        assert stderr.startswith(f"techpay: {folder / 'oe.footnote'}: cannot read it ({reason}")


class TestLines:
    """Item 7: a line longer than any of BLS's, or a run of blank lines, stops the import
    at once, in bounded memory."""

    def test_a_very_long_line(self, cli, data_home, tmp_path, previous):
        lines = data_lines(THIS_YEAR)
        lines.insert(3, "x" * (3 << 20) + "\n")
        folder = write_release(tmp_path / "oe", oe_data_0_Current="".join(lines))
        assert f"{DATA}:4: a line longer than 262,144 bytes;" in refused(
            cli, folder, data_home, previous
        )

    def test_blank_lines(self, cli, data_home, tmp_path, previous):
        lines = data_lines(THIS_YEAR)
        folder = write_release(tmp_path / "oe", oe_data_0_Current=lines[0] + "\n" * 10_000)
        assert f"{DATA}:102: more than 100 blank lines in a row" in refused(
            cli, folder, data_home, previous
        )

    def test_memory_stays_small_whatever_the_line(self, tmp_path):
        import tracemalloc

        folder = write_release(tmp_path / "oe", oe_data_0_Current="y" * (16 << 20))
        tracemalloc.start()
        try:
            with pytest.raises(tabfiles.SourceError, match="a line longer than"):
                for _ in tabfiles.lines(tabfiles.Folder(str(folder)), DATA, hashlib.sha256()):
                    pass
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 4 << 20


class TestReset:
    """Item 8: reset names what it cannot remove, in one line."""

    def test_an_oews_sqlite_folder(self, cli, data_home):
        (data_home / "oews.sqlite").mkdir(parents=True)
        result = cli("official", "reset")
        assert (result.exit_code, result.stderr) == (
            EXIT_ERROR,
            f"techpay: {data_home / 'oews.sqlite'}: cannot remove it (Is a directory)\n",
        )

    def test_a_data_directory_that_is_not_writable(self, cli, data_home, tmp_path, monkeypatch):
        imported(cli, write_release(tmp_path / "oe"))
        before = snapshot(data_home)

        def refuse(path, *_, **__):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(os, "unlink", refuse)
        result = cli("official", "reset")
        assert (result.exit_code, result.stderr) == (
            EXIT_ERROR,
            f"techpay: {data_home / 'oews.sqlite.sha256'}: cannot remove it (Permission denied)\n",
        )
        monkeypatch.undo()
        assert snapshot(data_home) == before


class TestSourcesThatContradictThemselves:
    """Item 9: say precisely what is wrong, in the source's terms."""

    def test_an_area_listed_twice(self, cli, data_home, tmp_path, previous):
        areas = small_file(AREA_COLUMNS, [*AREAS, ("06", "0600000", "S", "Calif.")])
        folder = write_release(tmp_path / "oe", oe_area=areas)
        assert "oe.area:6: area '0600000' again (first on line 3)" in refused(
            cli, folder, data_home, previous
        )

    def test_an_occupation_listed_twice(self, cli, data_home, tmp_path, previous):
        columns = ["occupation_code", "occupation_name", "display_level"]
        rows = [("151252", "Software Developers", 3), ("151252", "Programmers", 3)]
        folder = write_release(tmp_path / "oe", oe_occupation=small_file(columns, rows))
        assert "oe.occupation:3: occupation '151252' again (first on line 2)" in refused(
            cli, folder, data_home, previous
        )

    def test_an_area_twice_in_an_upstream_database(self, cli, data_home, tmp_path, previous):
        database = database_with(
            tmp_path / "oews.sqlite", "INSERT INTO area VALUES ('06', '0600000', 'S', 'Calif.')"
        )
        assert f"{database}: table area: code '0600000' twice" in refused(
            cli, database, data_home, previous
        )

    def test_a_blank_value(self, cli, data_home, tmp_path, previous):
        folder = write_release(tmp_path / "oe", oe_data_0_Current=data_with(4, "    "))
        assert f"{DATA}:4: not a number or BLS symbol: ''" in refused(
            cli, folder, data_home, previous
        )

    def test_a_zip_member_declaring_more_than_it_holds(self, cli, data_home, tmp_path, previous):
        folder = write_release(tmp_path / "oe")
        archive = tmp_path / "oe.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as packed:
            for path in sorted(folder.iterdir()):
                packed.write(path, path.name)
        size = (folder / DATA).stat().st_size
        raw = bytearray(archive.read_bytes())
        entry = next(
            offset
            for offset in _central_entries(raw)
            if raw[offset + 46 : offset + 46 + len(DATA)] == DATA.encode()
        )
        raw[entry + 24 : entry + 28] = (0xFFFFFFF0).to_bytes(4, "little")
        archive.write_bytes(bytes(raw))
        assert f"{archive}:{DATA}: {size:,} bytes, not the 4,294,967,280 its archive declares;" in (
            refused(cli, archive, data_home, previous)
        )

    def test_a_wrong_file_sha256_in_the_manifest(self, cli, data_home, tmp_path, previous):
        database = upstream_database(tmp_path / "oews.sqlite")
        packed = tmp_path / "oews.sqlite.gz"
        packed.write_bytes(gzip.compress(database.read_bytes()))
        database.unlink()
        unpacked_sum = hashlib.sha256(gzip.decompress(packed.read_bytes())).hexdigest()
        manifest = a_manifest(file_sha256="1" * 64, database_sha256=unpacked_sum)
        (tmp_path / "manifest.json").write_text(json.dumps(manifest))
        packed_sum = hashlib.sha256(packed.read_bytes()).hexdigest()
        assert (
            f"{packed}: its SHA-256 is {packed_sum}, not {'1' * 64} as manifest.json"
            " (file_sha256) says"
        ) in refused(cli, packed, data_home, previous)

    def test_a_wrong_database_sha256_names_the_unpacked_database(
        self, cli, data_home, tmp_path, previous
    ):
        database = upstream_database(tmp_path / "oews.sqlite")
        unpacked_sum = hashlib.sha256(database.read_bytes()).hexdigest()
        packed = tmp_path / "oews.sqlite.gz"
        packed.write_bytes(gzip.compress(database.read_bytes()))
        database.unlink()
        (tmp_path / "manifest.json").write_text(json.dumps(a_manifest(database_sha256="2" * 64)))
        assert (
            f"{packed}: the database it unpacks to has SHA-256 {unpacked_sum}, not {'2' * 64}"
        ) in refused(cli, packed, data_home, previous)

    @pytest.mark.parametrize(
        ("changes", "problem"),
        [
            ({"sources": 5}, '"sources" is 5, not an object of BLS\'s files'),
            ({"sources": {}}, f'"sources" has no "{DATA}"'),
            ({"sources": {DATA: {"url": "x"}}}, f'"sources" / "{DATA}" has no "bytes"'),
            ({"retrieved": None}, '"retrieved" is missing, not text'),
        ],
    )
    def test_a_manifest_in_another_shape(
        self, cli, data_home, tmp_path, previous, changes, problem
    ):
        database = upstream_database(tmp_path / "oews.sqlite")
        manifest = a_manifest(**changes)
        manifest["database_sha256"] = hashlib.sha256(database.read_bytes()).hexdigest()
        (tmp_path / "manifest.json").write_text(json.dumps(manifest))
        assert f"manifest.json: not the database's manifest ({problem})" in refused(
            cli, database, data_home, previous
        )


def _central_entries(raw: bytearray):
    offset = raw.find(b"PK\x01\x02")
    while offset != -1:
        yield offset
        offset = raw.find(b"PK\x01\x02", offset + 4)
