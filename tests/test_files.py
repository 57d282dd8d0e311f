"""Output paths: every way a path cannot be written is one specific line, never a bug
report; what is at a path is never replaced unless it is a regular file and --force was
given; and a closed or full standard output is said in one line."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import clean_env, examples, run_techpay, techpay_command
from techpay.core import files
from techpay.core.errors import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from techpay.render import export_sqlite

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and devices")

# Every command that writes to a path it is given, as the arguments that name the path.
WRITERS = {
    "export": lambda path: ["export", "-o", path],
    "export-sqlite": lambda path: ["export", "-f", "sqlite", "-o", path],
    "init": lambda path: ["init", path],
    "chart-svg": lambda path: ["chart", "--svg", path],
    "show-html": lambda path: ["show", "sre", "--html", path],
}
writers = pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run in an empty directory holding a file and a directory, so paths read as typed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    return tmp_path


def refused(result, message: str, code: int = EXIT_ERROR) -> bool:
    """The command failed with exactly ``techpay: message`` and printed nothing else (a
    usage error may add where to read more)."""
    hint = r"( \(see 'techpay [a-z]+ --help'\))?" if code == EXIT_USAGE else ""
    expected = f"techpay: {re.escape(message)}{hint}\n"
    return (result.exit_code, result.stdout) == (code, "") and bool(
        re.fullmatch(expected, result.stderr)
    )


def failed(result, message: str) -> bool:
    """The command failed with exactly ``techpay: message`` (after drawing, perhaps)."""
    return (result.exit_code, result.stderr) == (EXIT_ERROR, f"techpay: {message}\n")


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def read_terminal(leader: int) -> bytes:
    """Everything written to a pseudo-terminal until its last writer closes it."""
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: no writer left
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return output


def character_device(path: Path, minor: int) -> Path:
    """A memory device node (1, minor) of our own: 3 is a null device, 7 a full one."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, AttributeError):
        pytest.skip("creating device nodes needs privileges")
    return path


class TestPathsThatCannotBeWritten:
    """Each is one line naming the path and what is wrong, exit 1 (2 for an empty name)."""

    @writers
    @pytest.mark.parametrize(
        ("path", "directory"), [("nodir/out.x", "nodir"), ("a/b/c/out.x", "a/b/c")]
    )
    def test_a_missing_directory_is_named(self, cli, here, writer, path, directory):
        result = cli(*writer(path))
        assert refused(result, f"cannot write {path}: there is no directory {directory}")
        assert listing(here) == ["adir", "afile"]

    @writers
    @pytest.mark.parametrize(
        ("path", "in_the_way"), [("afile/out.x", "afile"), ("afile/sub/out.x", "afile/sub")]
    )
    def test_a_file_where_a_directory_should_be_is_named(self, cli, here, writer, path, in_the_way):
        result = cli(*writer(path))
        assert refused(result, f"cannot write {path}: {in_the_way} is not a directory")

    @writers
    @pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
    @pytest.mark.parametrize("path", ["adir", ".", "adir/.."])
    def test_a_directory_is_refused_even_with_force(self, cli, here, writer, force, path):
        result = cli(*writer(path), *force)
        assert refused(
            result,
            f"cannot write {path}: it is a directory; techpay writes files, character devices"
            " and FIFOs",
        )
        assert listing(here / "adir") == []

    @writers
    @pytest.mark.parametrize("path", ["adir/", "newdir/", "afile/"])
    def test_a_name_ending_with_a_slash_is_refused(self, cli, here, writer, path):
        message = f"cannot write {path}: the name ends with a slash, so it names a directory"
        assert refused(cli(*writer(path), "--force"), message)

    @writers
    def test_an_empty_name_is_a_usage_error(self, cli, here, writer):
        result = cli(*writer(""))
        assert refused(result, "the output file name is empty", EXIT_USAGE)
        assert listing(here) == ["adir", "afile"]

    @writers
    @pytest.mark.parametrize("path", ["n" * 300, "d/" * 3000 + "x", "adir/" + "n" * 256])
    def test_a_name_too_long_is_said_briefly(self, cli, here, writer, path):
        result = cli(*writer(path))
        assert (result.exit_code, result.stdout) == (EXIT_ERROR, "")
        assert result.stderr.startswith(f"techpay: cannot write {path[:40]}")
        assert result.stderr.endswith(": file name too long\n")
        assert result.stderr.count("\n") == 1
        assert len(result.stderr) < 200

    @writers
    def test_a_directory_we_may_not_write_in_is_named(self, cli, here, writer, monkeypatch):
        monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
        result = cli(*writer("adir/out.x"))
        assert refused(result, "cannot write adir/out.x: no permission to create files in adir")

    @writers
    @pytest.mark.parametrize(
        ("number", "reason"),
        [
            (errno.EROFS, "read-only file system"),
            (errno.EACCES, "permission denied"),
            (errno.EDQUOT, "disk quota exceeded"),
        ],
    )
    def test_what_the_system_refuses_is_said_in_its_words(
        self, cli, here, writer, monkeypatch, number, reason
    ):
        """The refusal comes when the file is made (as on a read-only mount, for root too)."""

        def refuse(*args, **kwargs):
            raise OSError(number, os.strerror(number))

        monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
        result = cli(*writer("out.x"), "--force")
        assert failed(result, f"cannot write out.x: {reason}")

    @writers
    def test_a_full_disk_keeps_the_old_file_and_leaves_nothing_behind(
        self, cli, here, writer, monkeypatch
    ):
        """A disk that fills up as the file is synced: the file as it was, no temporary."""

        def full(descriptor):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(files.os, "fsync", full)
        result = cli(*writer("afile"), "--force")
        assert failed(result, "cannot write afile: no space left on device")
        assert (here / "afile").read_text(encoding="utf-8") == "mine"
        assert listing(here) == ["adir", "afile"]

    @pytest.mark.parametrize(
        "args",
        [["export", "-o"], ["export", "-f", "sqlite", "-o"], ["init"], ["chart", "--svg"]],
        ids=" ".join,
    )
    def test_a_full_device_says_so(self, cli, here, args):
        full = character_device(here / "full", 7)
        result = cli(*args, str(full))
        assert failed(result, f"cannot write {full}: no space left on device")

    def test_sqlite_failing_to_write_says_which_file(self, cli, here, monkeypatch):
        def full(record, roles, tags, path):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(export_sqlite, "write_sqlite", full)
        result = cli("export", "-f", "sqlite", "-o", "roles.db")
        assert refused(result, "cannot write roles.db: database or disk is full")
        assert listing(here) == ["adir", "afile"]


STDOUT_COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["show", "sre"],
    ["compare", "sre", "devops"],
    ["chart"],
    ["export", "-f", "csv"],
    ["init", "-"],
    ["--help"],
    ["--version"],
]


def run_with_stdout(args: list[str], stdout, **env: str | None) -> subprocess.CompletedProcess:
    """Run the installed command with ``stdout`` as its standard output (None: closed)."""
    return subprocess.run(
        [*techpay_command(), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL if stdout is None else stdout,
        stderr=subprocess.PIPE,
        preexec_fn=(lambda: os.close(1)) if stdout is None else None,
        env=clean_env(**env),
        timeout=60,
        check=False,
    )


class TestStandardOutput:
    """A closed or full stdout is one line on stderr and exit 1, on both paths."""

    @pytest.mark.parametrize("fast", [None, "1"], ids=["fast", "full-cli"])
    @pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=" ".join)
    def test_a_closed_stdout_is_said_in_one_line(self, args, fast):
        result = run_with_stdout(args, None, TECHPAY_NO_FAST=fast)
        assert (result.returncode, result.stderr) == (
            EXIT_ERROR,
            b"techpay: cannot write to standard output: it is closed\n",
        )

    @pytest.mark.parametrize("unbuffered", [None, "1"], ids=["buffered", "unbuffered"])
    @pytest.mark.parametrize("fast", [None, "1"], ids=["fast", "full-cli"])
    @pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=" ".join)
    def test_a_full_stdout_is_said_in_one_line(self, args, fast, unbuffered):
        if not Path("/dev/full").is_char_device():
            pytest.skip("no full device to write to")
        with open("/dev/full", "wb") as full:  # opened for writing only, never replaced
            result = run_with_stdout(args, full, TECHPAY_NO_FAST=fast, PYTHONUNBUFFERED=unbuffered)
        assert (result.returncode, result.stderr) == (
            EXIT_ERROR,
            b"techpay: cannot write to standard output: no space left on device\n",
        )

    def test_a_command_that_prints_nothing_needs_no_stdout(self, tmp_path):
        out = tmp_path / "roles.toml"
        result = run_with_stdout(["export", "-o", str(out)], None)
        assert (result.returncode, result.stderr) == (
            EXIT_OK,
            f"techpay: Wrote 10 roles to {out}.\n".encode(),
        )
        assert out.read_text(encoding="utf-8").startswith("# A techpay dataset")

    @pytest.mark.parametrize("fast", [None, "1"], ids=["fast", "full-cli"])
    def test_with_stdout_closed_no_file_takes_its_place(self, tmp_path, fast):
        """A file opened later (the data, a cache) never answers as /dev/stdout."""
        data = tmp_path / "mine.toml"
        assert run_techpay("export", "-o", str(data)).returncode == EXIT_OK
        before = data.read_bytes()
        result = run_with_stdout(
            ["--data", str(data), "export", "-o", "/dev/stdout"], None, TECHPAY_NO_FAST=fast
        )
        assert (result.returncode, result.stderr) == (
            EXIT_OK,
            b"techpay: Wrote 10 roles to /dev/stdout.\n",
        )
        assert data.read_bytes() == before


class TestWhatIsAtThePath:
    """Only a regular file is ever replaced; streams are written to, the rest refused."""

    @writers
    @pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
    def test_a_character_device_is_written_to_never_replaced(self, cli, here, writer, force):
        null = character_device(here / "null", 3)
        result = cli(*writer(str(null)), *force)
        assert result.exit_code == EXIT_OK
        assert result.stderr.startswith(("techpay: Wrote ", "techpay: Saved ")), result.stderr
        status = null.stat()
        assert stat.S_ISCHR(status.st_mode)
        assert status.st_rdev == os.makedev(1, 3)
        assert listing(here) == ["adir", "afile", "null"]

    @pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
    @pytest.mark.parametrize("args", [["export", "-f", "csv", "-o"], ["init"], ["chart", "--svg"]])
    def test_a_fifo_without_a_reader_is_an_error_not_a_hang(self, here, args, force):
        fifo = here / "fifo"
        os.mkfifo(fifo)
        result = run_techpay(*args, str(fifo), *force)  # times out if it hangs
        assert (result.returncode, result.stderr) == (
            EXIT_ERROR,
            f"techpay: cannot write {fifo}: no program is reading from it\n".encode(),
        )
        assert stat.S_ISFIFO(fifo.lstat().st_mode)

    @pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
    def test_a_fifo_with_a_reader_gets_the_output(self, cli, here, fmt):
        fifo = here / "fifo"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
        reader.start()
        try:
            # Until the reader's thread is waiting in open(), techpay finds no reader (the
            # test above): try again, as a user would, rather than race the thread.
            for _ in range(500):
                result = cli("export", "-f", fmt, "-o", str(fifo))
                if "no program is reading" not in result.stderr:
                    break
                time.sleep(0.01)
        finally:
            with contextlib.suppress(OSError):  # if nothing was written, end the reader's wait
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(timeout=30)
        assert result.exit_code == EXIT_OK
        assert received == [cli("export", "-f", fmt).stdout.encode()]
        assert stat.S_ISFIFO(fifo.lstat().st_mode)

    @writers
    @pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
    def test_a_socket_is_refused(self, cli, here, writer, force):
        with socket.socket(socket.AF_UNIX) as listener:
            listener.bind("sock")
            result = cli(*writer("sock"), *force)
        assert refused(
            result,
            "cannot write sock: it is a socket; techpay writes files, character devices and FIFOs",
        )
        assert stat.S_ISSOCK(os.lstat("sock").st_mode)

    @pytest.mark.parametrize(
        "own_stdout",
        # --force only where a wrong rename could not reach a system file (no new files in /proc)
        [["/dev/stdout"], ["/dev/fd/1"], ["/proc/self/fd/1", "--force"]],
        ids=" ".join,
    )
    @pytest.mark.parametrize("fmt", ["csv", "toml", "sqlite"])
    def test_its_own_stdout_is_the_output_itself(self, tmp_path, fmt, own_stdout):
        """Appended to a log through /dev/stdout: the log keeps what it had."""
        if not Path(own_stdout[0]).exists():
            pytest.skip(f"no {own_stdout[0]} here")
        log = tmp_path / "log"
        log.write_bytes(b"before\n")
        alone = run_techpay("export", "-f", fmt, "-o", str(tmp_path / f"alone.{fmt}"))
        assert alone.returncode == EXIT_OK
        with open(log, "ab") as appended:
            result = run_with_stdout(["export", "-f", fmt, "-o", *own_stdout], appended)
        assert (result.returncode, result.stderr) == (
            EXIT_OK,
            f"techpay: Wrote 10 roles to {own_stdout[0]}.\n".encode(),
        )
        written = log.read_bytes()
        assert written.startswith(b"before\n")
        if fmt != "sqlite":  # a database records when it was made
            assert written == b"before\n" + (tmp_path / f"alone.{fmt}").read_bytes()

    @pytest.mark.parametrize("fmt", ["csv", "markdown", "toml", "json"])
    @pytest.mark.parametrize("target", ["/dev/stdout", "the terminal's own name"])
    def test_a_terminal_named_as_the_output_shows_data_literally(self, tmp_path, fmt, target):
        """Written to a terminal by name, an export is shown as on stdout: an escape in the
        data is written out, not sent to the terminal."""
        hostile = tmp_path / "hostile.toml"
        hostile.write_text(
            '[[roles]]\nid = "q"\ntitle = "T \\u001b]0;owned\\u0007 \\u009b31m"\n'
            "salary = {min = 1, max = 2}\n",
            encoding="utf-8",
        )
        pty = pytest.importorskip("pty")
        leader, follower = pty.openpty()
        name = "/dev/stdout" if target == "/dev/stdout" else os.ttyname(follower)
        args = ["--no-bundled", "--data", str(hostile), "export", "-f", fmt, "-o", name]
        process = subprocess.Popen(
            [*techpay_command(), *args], stdout=follower, stderr=subprocess.PIPE, env=clean_env()
        )
        os.close(follower)
        shown = read_terminal(leader)
        assert process.wait(timeout=60) == EXIT_OK
        assert b"owned" in shown
        assert [raw for raw in (b"\x1b", b"\x07", "\x9b".encode()) if raw in shown] == []

    @writers
    @pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o444])
    def test_a_replaced_file_keeps_its_permission_bits(self, cli, here, writer, mode):
        target = here / "target"
        target.write_bytes(b"old")
        target.chmod(mode)
        assert cli(*writer("target"), "--force").exit_code == EXIT_OK
        assert target.read_bytes() != b"old"
        assert stat.S_IMODE(target.stat().st_mode) == mode
        assert listing(here) == ["adir", "afile", "target"]

    @writers
    @pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
    def test_a_new_file_gets_the_mode_the_umask_allows(self, cli, here, writer, umask):
        previous = os.umask(umask)
        try:
            assert cli(*writer("new")).exit_code == EXIT_OK
        finally:
            os.umask(previous)
        assert stat.S_IMODE((here / "new").stat().st_mode) == 0o666 & ~umask

    @writers
    def test_a_link_stays_a_link_and_its_file_is_replaced(self, cli, here, writer):
        (here / "real").write_bytes(b"old")
        (here / "real").chmod(0o600)
        (here / "link").symlink_to("real")
        assert refused(cli(*writer("link")), "link exists; add --force to overwrite it")
        assert cli(*writer("link"), "--force").exit_code == EXIT_OK
        assert os.readlink("link") == "real"
        assert (here / "real").read_bytes() != b"old"
        assert stat.S_IMODE((here / "real").stat().st_mode) == 0o600

    @given(mode=st.integers(min_value=0, max_value=0o777))
    @settings(max_examples=examples(40), deadline=None)
    def test_any_mode_survives_a_replacement(self, mode):
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder, "file")
            target.write_text("old", encoding="utf-8")
            target.chmod(mode)
            files.write_text_atomically(str(target), "new", force=True)
            assert stat.S_IMODE(target.stat().st_mode) == mode
            assert os.listdir(folder) == ["file"]


class TestOneFileTwice:
    """--svg and --html naming one file is refused before anything is drawn or written."""

    @pytest.mark.parametrize(
        "second", ["pic", "./pic", "adir/../pic", "{here}/pic", "link", "hard"]
    )
    @pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
    @pytest.mark.parametrize(
        "command", [["chart"], ["show", "sre"], ["compare", "sre", "devops"]], ids=" ".join
    )
    def test_one_file_under_two_spellings_is_refused(self, cli, here, command, force, second):
        (here / "pic").write_text("mine", encoding="utf-8")
        (here / "link").symlink_to("pic")
        os.link(here / "pic", here / "hard")
        second = second.format(here=here)
        result = cli(*command, "--svg", "pic", "--html", second, *force)
        assert refused(result, f"--svg pic and --html {second} name the same file", EXIT_USAGE)
        assert (here / "pic").read_text(encoding="utf-8") == "mine"

    @pytest.mark.parametrize("second", ["new.svg", "./new.svg", "adir/../new.svg"])
    def test_a_file_not_there_yet_is_also_recognised(self, cli, here, second):
        result = cli("chart", "--svg", "new.svg", "--html", second)
        assert refused(result, f"--svg new.svg and --html {second} name the same file", EXIT_USAGE)
        assert listing(here) == ["adir", "afile"]

    def test_two_files_are_both_written(self, cli, here):
        assert cli("chart", "--svg", "a.svg", "--html", "a.html").exit_code == EXIT_OK
        assert (here / "a.svg").read_text(encoding="utf-8").startswith("<svg")
        assert "<html" in (here / "a.html").read_text(encoding="utf-8").lower()


def test_the_names_of_files_written_are_shown_literally(tmp_path):
    """A file name with an escape sequence in it cannot colour or move the terminal."""
    name = "e\x1b[31mX"
    env = clean_env()
    for args in (["export", "-o", name + "1"], ["init", name + "2"], ["chart", "--svg", name]):
        result = subprocess.run(
            [*techpay_command(), *args], cwd=tmp_path, env=env, capture_output=True, check=False
        )
        assert result.returncode == EXIT_OK, result.stderr
        assert b"\x1b" not in result.stderr
        assert b"e\\x1b[31mX" in result.stderr
        if args[0] == "init":
            assert b"--data 'e\\x1b[31mX2' show" in result.stderr  # quoted, to type back


def test_init_with_a_name_that_is_not_text_writes_the_file(tmp_path):
    """A file name of bytes that are not UTF-8 is written; the comment naming it says U+FFFD."""
    result = subprocess.run(
        [*map(os.fsencode, techpay_command()), b"init", b"roles-\xff.toml"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == EXIT_OK, result.stderr
    written = (tmp_path / os.fsdecode(b"roles-\xff.toml")).read_text(encoding="utf-8")
    assert "roles-\ufffd.toml" in written
