"""Data from anywhere: pipes read once, devices and FIFOs that never end or never start,
JSON that repeats a key, and a byte order mark."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import clean_env, run_techpay, techpay_command, within_memory
from techpay.core import documents
from techpay.core.documents import read_document
from techpay.core.errors import EXIT_ERROR, DataError

needs_dev_fd = pytest.mark.skipif(
    not os.path.exists("/dev/stdin") or not hasattr(os, "mkfifo"),
    reason="needs /dev/stdin, /dev/fd and FIFOs",
)

ROLE = b'[[roles]]\nid = "x-engineer"\ntitle = "X Engineer"\nsalary = { min = 1, max = 2 }\n'
INVALID = {
    "a missing title": b'[[roles]]\nid = "x-engineer"\nsalary = { min = 1, max = 2 }\n',
    "a syntax error": b'[[roles]]\nid = "x-engineer\n',
    "a salary upside down": ROLE.replace(b"min = 1, max = 2", b"min = 5, max = 2"),
    "an unknown key": ROLE + b'colour = "red"\n',
}


def same_problem(from_file: subprocess.CompletedProcess[bytes], path: Path, shown_as: str):
    """The file's report, with the path as the pipe is named."""
    return from_file.stderr.replace(str(path).encode(), shown_as.encode())


@needs_dev_fd
@pytest.mark.parametrize("content", INVALID.values(), ids=INVALID.keys())
@pytest.mark.parametrize("command", [["list", "--json"], ["show", "x-engineer"]])
def test_invalid_data_from_a_pipe_is_reported_as_from_a_file(tmp_path, content, command):
    """The pipe is read once, however many parts of techpay look at the data."""
    path = tmp_path / "data.toml"
    path.write_bytes(content)
    from_file = run_techpay("--data", str(path), *command)
    from_pipe = run_techpay("--data", "/dev/stdin", *command, input=content)
    assert from_file.returncode == EXIT_ERROR
    assert (from_pipe.returncode, from_pipe.stdout) == (EXIT_ERROR, b"")
    assert from_pipe.stderr == same_problem(from_file, path, "/dev/stdin")


@needs_dev_fd
def test_a_pipe_passed_as_a_descriptor_or_in_techpay_data_is_read_once(tmp_path):
    path = tmp_path / "data.toml"
    path.write_bytes(INVALID["a missing title"])
    from_file = run_techpay("--data", str(path), "list", "--json")
    read_end, write_end = os.pipe()
    os.write(write_end, INVALID["a missing title"])
    os.close(write_end)
    try:
        by_descriptor = run_techpay(
            "--data", f"/dev/fd/{read_end}", "list", "--json", pass_fds=(read_end,)
        )
    finally:
        os.close(read_end)
    assert by_descriptor.stderr == same_problem(from_file, path, f"/dev/fd/{read_end}")
    in_environment = run_techpay(
        "list", env=clean_env(TECHPAY_DATA="/dev/stdin"), input=INVALID["a missing title"]
    )
    assert in_environment.stderr == same_problem(from_file, path, "/dev/stdin")


@needs_dev_fd
@pytest.mark.parametrize("command", [["list"], ["show", "x-engineer"], ["compare", "x", "sre"]])
def test_valid_data_from_a_pipe_answers_as_from_a_file(tmp_path, command):
    path = tmp_path / "data.toml"
    path.write_bytes(ROLE)
    from_file = run_techpay("--data", str(path), *command)
    from_pipe = run_techpay("--data", "/dev/stdin", *command, input=ROLE)
    assert (from_pipe.returncode, from_pipe.stderr) == (0, b"")
    assert from_pipe.stdout == from_file.stdout


@needs_dev_fd
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", [["--data", "{}", "list"], ["validate", "{}"]])
def test_an_endless_device_is_read_no_further_than_the_limit(device, command):
    """The 64 MiB limit holds for what is read, not only for what stat reports (nothing,
    for a device); the run stays well within 1 GiB."""
    result = subprocess.run(
        [*techpay_command(), *(word.format(device) for word in command)],
        capture_output=True,
        env=clean_env(),
        timeout=60,
        check=False,
        preexec_fn=within_memory(),
    )
    problem = f"{device}: more than 64 MiB to read; that is the limit"
    assert result.returncode == EXIT_ERROR
    if command[0] == "validate":
        assert result.stdout.decode() == f"{problem}\n"
    else:
        assert result.stderr.decode() == f"techpay: {problem}\n"


@needs_dev_fd
@pytest.mark.parametrize("size", [1001, 5000, 100_000])
def test_a_pipe_is_held_to_the_limit_whatever_stat_says(monkeypatch, size):
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 1000)
    read_end, write_end = os.pipe()

    def feed() -> None:
        try:
            os.write(write_end, b"#" * size)
        except BrokenPipeError:
            pass  # the reader stopped at the limit and went away: as it should
        finally:
            os.close(write_end)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        with pytest.raises(DataError, match=r"more than 1,000 bytes to read; that is the limit$"):
            read_document(f"/dev/fd/{read_end}")
    finally:
        os.close(read_end)
        writer.join()


# Runs techpay with a short wait for pipes (30 s in normal use).
WAITING_BRIEFLY = """
import sys
try:
    from techpay.core import sources
    sources.WAIT_FOR_DATA_SECONDS = 0.5
except ImportError:
    pass
from techpay.start.launcher import main
sys.exit(main(sys.argv[1:]))
"""


def techpay_waiting_briefly(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WAITING_BRIEFLY, *args],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=30,
        check=False,
    )


def hold_open_for_writing(fifo: Path, content: bytes, until: threading.Event) -> None:
    """A writer that opens the FIFO (which waits for a reader), writes, and stays."""

    def write() -> None:
        with fifo.open("wb") as stream:
            stream.write(content)
            stream.flush()
            until.wait(20)

    threading.Thread(target=write, daemon=True).start()


@pytest.fixture
def fifo(tmp_path):
    """A FIFO; afterwards a writer still waiting for a reader is released."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "roles.toml"
    os.mkfifo(path)
    yield path
    os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))


@pytest.mark.parametrize("command", [["--data", "{}", "list"], ["validate", "{}"]])
def test_a_fifo_nobody_writes_to_is_an_error_not_a_hang(fifo, command):
    result = techpay_waiting_briefly(*(word.format(fifo) for word in command))
    problem = f"{fifo}: nothing to read after 0.5 seconds; is anything writing to it?"
    assert result.returncode == EXIT_ERROR
    assert problem in (result.stdout + result.stderr).splitlines()[0]


def test_a_fifo_whose_writer_never_writes_or_closes_is_an_error_not_a_hang(fifo):
    done = threading.Event()
    hold_open_for_writing(fifo, b"", until=done)
    try:
        result = techpay_waiting_briefly("--data", str(fifo), "list")
    finally:
        done.set()
    assert result.returncode == EXIT_ERROR
    assert "nothing to read after 0.5 seconds" in result.stderr


def test_a_fifo_with_a_writer_is_read_like_a_file(fifo):
    done = threading.Event()
    hold_open_for_writing(fifo, ROLE, until=done)
    done.set()  # the writer closes once it has written: the end of the data
    result = run_techpay("--no-bundled", "--data", str(fifo), "list", "--json")
    assert result.returncode == 0, result.stderr
    assert [role["id"] for role in json.loads(result.stdout)] == ["x-engineer"]


REPEATED_KEYS = {
    "a role's title": (
        '{"roles": [{"id": "x",\n'
        '            "title": "X",\n'
        '            "salary": {"min": 1, "max": 2},\n'
        '            "title": "Y"}]}\n',
        "title",
        (4, 13),
    ),
    "a salary's min": (
        '{"roles": [{"id": "x", "title": "X",\n  "salary": {"min": 1,\n   "min": 2, "max": 3}}]}',
        "min",
        (3, 4),
    ),
    "a top-level table": (
        '{"clusters": {"ai": "AI"},\n "roles": [],\n "clusters": {}}',
        "clusters",
        (3, 2),
    ),
    "the second of two roles, after text with brackets and quotes": (
        '{"roles": [{"id": "a", "title": "{\\"id\\": [", "salary": {"min": 1, "max": 2}},\n'
        '           {"id": "b", "title": "B", "salary": {"min": 1, "max": 2}, "id": "c"}]}',
        "id",
        (2, 70),
    ),
    "a key spelt with an escape": (
        '{"roles": [{"id": "x", "title": "X",\n  "ti\\u0074le": "Y"}]}',
        "title",
        (2, 3),
    ),
}


@pytest.mark.parametrize(("text", "key", "where"), REPEATED_KEYS.values(), ids=REPEATED_KEYS.keys())
def test_a_json_object_that_repeats_a_key_is_refused_with_its_name_and_place(
    cli, tmp_path, text, key, where
):
    """TOML refuses a repeated key; JSON data must not let the last one win silently."""
    path = tmp_path / "roles.json"
    path.write_text(text, encoding="utf-8")
    line, column = where
    problem = f'{path}:{line}:{column}: key "{key}" appears twice in one object'
    result = cli("--data", str(path), "list")
    assert (result.exit_code, result.stderr) == (EXIT_ERROR, f"techpay: {problem}\n")
    result = cli("validate", str(path))
    assert (result.exit_code, result.stdout) == (EXIT_ERROR, f"{problem}\n")


def test_the_same_key_in_different_objects_is_fine(cli, tmp_path):
    path = tmp_path / "roles.json"
    roles = [{"id": name, "title": name.upper(), "salary": {"min": 1, "max": 2}} for name in "ab"]
    path.write_text(json.dumps({"roles": roles}), encoding="utf-8")
    assert cli("--no-bundled", "--data", str(path), "list").exit_code == 0


@pytest.mark.parametrize("name", ["roles.toml", "roles.json"])
def test_a_byte_order_mark_is_accepted(cli, tmp_path, name):
    """Some Windows editors start UTF-8 files with one; it is not part of the data."""
    plain, marked = tmp_path / f"plain-{name}", tmp_path / f"marked-{name}"
    if name.endswith(".json"):
        document = {"roles": [{"id": "x", "title": "X", "salary": {"min": 1, "max": 2}}]}
        plain.write_text(json.dumps(document), encoding="utf-8")
    else:
        plain.write_bytes(ROLE)
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    expected = cli("--no-bundled", "--data", str(plain), "list")
    assert expected.exit_code == 0
    result = cli("--no-bundled", "--data", str(marked), "list")
    assert (result.exit_code, result.stdout) == (0, expected.stdout)
    assert cli("validate", str(marked)).exit_code == 0
    from_command = run_techpay("--no-bundled", "--data", str(marked), "list")
    assert (from_command.returncode, from_command.stderr) == (0, b"")


def test_standard_input_from_a_terminal_is_refused_not_waited_on(monkeypatch):
    from techpay.core import sources

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(DataError, match="standard input is a terminal"):
        sources.read_stdin(1024)


def test_standard_input_is_read_once_and_bounded(monkeypatch):
    from techpay.core import sources

    class Piped(io.StringIO):
        def __init__(self, data: bytes) -> None:
            super().__init__()
            self.buffer = io.BytesIO(data)

    piped = Piped(b"[[offers]]\n")
    monkeypatch.setattr(sys, "stdin", piped)
    assert sources.read_stdin(1024) == b"[[offers]]\n"
    assert sources.read_stdin(1024) == b"[[offers]]\n"  # the same bytes again, not the end
    monkeypatch.setattr(sys, "stdin", Piped(b"x" * 2048))
    with pytest.raises(DataError, match="more than 1,024 bytes"):
        sources.read_stdin(1024)
