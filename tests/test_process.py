"""Behaviour that depends on the process: pipes, terminals, signals, the installed script."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import textwrap

import pytest

from conftest import clean_env, run_techpay, techpay_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes, ptys and signals")


def run_in_terminal(*args: str, **env_overrides: str | None) -> bytes:
    """Run the installed command with a pseudo-terminal as stdout; return what it printed."""
    controller, terminal = pty.openpty()
    env = clean_env(**({"TERM": "xterm-256color"} | env_overrides))
    with subprocess.Popen(
        [*techpay_command(), *args], stdout=terminal, stderr=subprocess.PIPE, env=env
    ) as process:
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the terminal's other side closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(controller)
    assert process.returncode == 0
    return b"".join(chunks).replace(b"\r\n", b"\n")


def test_the_installed_command_prints_the_article_figures():
    result = run_techpay("show", "sre", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["salary"]["min"] == 140_000


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run(
        [sys.executable, "-m", "techpay", "list", "--json"],
        capture_output=True,
        env=clean_env(),
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == run_techpay("list", "--json").stdout


@pytest.mark.parametrize(
    "args", [["list", "--json"], ["show", "sre", "--json"], ["compare", "sre", "devops", "--json"]]
)
def test_json_is_byte_identical_on_a_terminal_and_in_a_pipe(args):
    piped = run_techpay(*args).stdout
    assert run_in_terminal(*args) == piped
    assert run_in_terminal(*args, FORCE_COLOR="1") == piped


def test_tables_have_colour_only_on_a_terminal():
    assert b"\x1b[" in run_in_terminal("list")
    assert b"\x1b[" not in run_techpay("list").stdout


def test_no_color_turns_colour_off_on_a_terminal():
    assert b"\x1b[" not in run_in_terminal("list", NO_COLOR="1")


@pytest.mark.parametrize(
    "args", [["list", "--json"], ["list"], ["compare", "sre", "devops", "em"], ["--help"]]
)
def test_a_reader_that_goes_away_gets_no_traceback(args):
    """Like `techpay list | head -1`: techpay stops quietly, with the shell's 141."""
    env = clean_env()  # PYTHONUNBUFFERED unset: the failure then comes at the final flush
    with subprocess.Popen(
        [*techpay_command(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as process:
        process.stdout.close()  # type: ignore[union-attr]
        stderr = process.stderr.read()  # type: ignore[union-attr]
        process.wait(timeout=60)
    assert stderr == b""
    assert process.returncode in (-signal.SIGPIPE, 128 + signal.SIGPIPE)


def test_head_reads_the_first_line_quietly():
    result = subprocess.run(
        f"{techpay_command()[0]} list --json | head -c 1",
        shell=True,
        capture_output=True,
        env=clean_env(),
        check=False,
    )
    assert (result.stdout, result.stderr, result.returncode) == (b"[", b"", 0)


def test_ctrl_c_exits_130_without_a_traceback():
    """An interrupt while a command runs ends the process with 130 and nothing on stderr."""
    script = textwrap.dedent(
        """
        import sys, time
        import techpay.start.launcher

        def slow_command(arguments):
            print("ready", flush=True)
            time.sleep(60)
            return 0

        techpay.start.launcher._fast_path = slow_command
        sys.exit(techpay.start.launcher.main(["list"]))
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    ) as process:
        assert process.stdout.readline() == b"ready\n"  # type: ignore[union-attr]
        process.send_signal(signal.SIGINT)
        stderr = process.stderr.read()  # type: ignore[union-attr]
        process.wait(timeout=60)
    assert (process.returncode, stderr) == (130, b"")


def test_errors_are_one_line_on_stderr_with_nothing_on_stdout():
    result = run_techpay("show", "nosuchrole")
    assert result.returncode == 1
    assert result.stdout == b""
    assert (
        result.stderr
        == b"techpay: no role matches 'nosuchrole'; run 'techpay list' to see every role\n"
    )
