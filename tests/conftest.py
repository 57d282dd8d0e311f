"""Shared helpers: run the CLI in-process (CliRunner) or as the installed command."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner

from techpay.cli import app
from techpay.cli.app import click_command

# Typer's CliRunner builds the Click command from the app on every invoke (about 30 ms: every
# command's signature and type hints), and the tests invoke it thousands of times: they get
# the one the CLI builds once per process.
_build = typer.testing._get_command
typer.testing._get_command = lambda typer_app: (
    click_command() if typer_app is app else _build(typer_app)
)

# Hypothesis profiles (HYPOTHESIS_PROFILE): "ci", the default, draws the same examples on every
# run (derandomized, no example database), so that two runs cover the same lines; "nightly"
# draws twenty times as many, anew each run. Each says what it needs outright: where a CI
# variable is set, Hypothesis's own default settings are derandomized.
settings.register_profile("ci", max_examples=50, derandomize=True, database=None)
settings.register_profile("nightly", max_examples=1000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(weight: int) -> int:
    """How many examples a test draws, given how many it would draw where the profile's
    default is Hypothesis's own 100: half as many under "ci", ten times as many nightly."""
    return max(1, weight * settings.default.max_examples // 100)


# Tables are checked at a fixed width, without colour, whatever the terminal running the tests.
PLAIN_ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "FORCE_COLOR": None}


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """Tests never read or write the user's real cache directory."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(autouse=True, scope="session")
def private_data(tmp_path_factory):
    """Tests never read or write the user's real data directory (an imported release)."""
    folder = tmp_path_factory.mktemp("xdg-data")
    previous = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["XDG_DATA_HOME"]
    else:
        os.environ["XDG_DATA_HOME"] = previous


# Tests run on a fixed day, so that no notice depends on when they run (the stale-release
# notice would appear from June 2027 on). Tests of the notice pass their own day.
TODAY = "2026-12-05"


@pytest.fixture(autouse=True, scope="session")
def fixed_today():
    """Tests see the same day whenever they run (``TECHPAY_TODAY``)."""
    previous = os.environ.get("TECHPAY_TODAY")
    os.environ["TECHPAY_TODAY"] = TODAY
    yield TODAY
    if previous is None:
        del os.environ["TECHPAY_TODAY"]
    else:
        os.environ["TECHPAY_TODAY"] = previous


@pytest.fixture
def cli():
    """Invoke techpay in-process; returns the Result (exit_code, stdout, stderr)."""
    runner = CliRunner(env=PLAIN_ENV)

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def cli_json(cli):
    """Invoke techpay with --json and return the parsed output."""

    def invoke(*args: str) -> Any:
        result = cli(*args, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return invoke


def techpay_command() -> list[str]:
    """The installed ``techpay`` script next to this interpreter."""
    script = Path(sys.executable).parent / "techpay"
    found = str(script) if script.exists() else shutil.which("techpay")
    if found is None:
        pytest.skip("the techpay command is not installed")
    return [found]


def clean_env(**overrides: str | None) -> dict[str, str]:
    """The environment for a real run: no colour forcing, buffered output, fixed width."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONUNBUFFERED", "FORCE_COLOR", "NO_COLOR", "TECHPAY_DATA"}
    }
    env["COLUMNS"] = "100"
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_techpay(*args: str, env: dict[str, str] | None = None, **kwargs: Any):
    """Run the installed command as a user would; capture bytes."""
    return subprocess.run(
        [*techpay_command(), *args],
        capture_output=True,
        env=clean_env() if env is None else env,
        timeout=60,
        check=False,
        **kwargs,
    )


def run_in_process(*args: str, env: dict[str, str] | None = None):
    """What ``run_techpay`` returns, answered in this process as the installed command
    answers (the fast path, then the full CLI), with ``env`` as the environment and stdout
    (not a terminal) and stderr captured as bytes: for tests of what techpay prints, where
    the process around it (encodings, terminals, signals, the script) is not in question."""
    from techpay.cli import run
    from techpay.start import launcher

    out, err = io.BytesIO(), io.BytesIO()
    out_text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    err_text = io.TextIOWrapper(err, encoding="utf-8", newline="\n")
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(clean_env() if env is None else env)
    try:
        with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
            code = launcher._fast_path(list(args))
            if code is None:
                code = run(list(args))
            out_text.flush()
            err_text.flush()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["techpay", *args], code, out.getvalue(), err.getvalue())


def within_memory(limit: int = 1 << 30):
    """A preexec_fn that caps the address space, so that a run that would eat the machine
    fails instead (Linux only: elsewhere the limit is not enforced)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("address-space limits are enforced on Linux only")
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def interrupted_import(folder: Path, data_home: Path, number: int) -> subprocess.Popen[bytes]:
    """An import that stops halfway through the data file; the signal ``number`` sent then."""
    script = textwrap.dedent(
        f"""
        import sys, time
        import techpay.start.launcher
        from techpay.official import flat, tabfiles

        real_lines = tabfiles.lines

        def slow_lines(folder, name, *arguments):
            for number, text in real_lines(folder, name, *arguments):
                if name == flat.DATA and number == 10:
                    print("halfway", flush=True)
                    time.sleep(60)
                yield number, text

        tabfiles.lines = slow_lines
        sys.exit(techpay.start.launcher.main(["official", "import", {str(folder)!r}]))
        """
    )
    env = clean_env(XDG_DATA_HOME=str(data_home.parent))
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdout is not None
    assert process.stdout.readline() == b"halfway\n"
    process.send_signal(number)
    return process


def capture(function, *args):
    """Run ``function`` with stdout and stderr captured as bytes (stdout has a .buffer)."""
    out, err = io.BytesIO(), io.BytesIO()
    out_text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    err_text = io.TextIOWrapper(err, encoding="utf-8", newline="\n")
    with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
        code = function(*args)
        out_text.flush()
        err_text.flush()
    return code, out.getvalue(), err.getvalue()
