"""The fast path answers exactly as the full CLI would, byte for byte, or not at all."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import clean_env, run_techpay
from techpay import cli
from techpay.start import fast


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


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch):
    """Both paths draw tables for the same 100-column, colourless output."""
    for name, value in {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TECHPAY_DATA", raising=False)


@pytest.fixture(scope="module")
def user_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "extra.toml"
    path.write_text(
        '[[roles]]\nid = "platform-engineer"\ntitle = "Platform Engineer"\nrank = 11\n'
        'aliases = ["platform"]\nclusters = ["cloud"]\nsalary = { min = 135000, max = 180000 }\n'
        'skills = [{ text = "Kubernetes.", tags = ["kubernetes"] }]\n'
        '\n[clusters]\ncloud = "cloud infrastructure"\n',
        encoding="utf-8",
    )
    return str(path)


def both_paths(argv):
    fast_result = capture(fast.run, argv, os.environ)
    full_result = capture(cli.run, argv)
    return fast_result, full_result


NAMES = [
    "sre",
    "SRE",
    "devops",
    "ai",
    "site",
    "em",
    "nosuch",
    "Data Scientist",
    "platform",
    "ai-pm",
]
AMOUNTS = ["150k", "150000", "$150,000", "abc", "-5", "1.2m", "0"]
SORTS = ["rank", "salary", "min", "max", "name", "pay"]


@st.composite
def command_lines(draw, user_file: str):
    words: list[str] = []
    if draw(st.booleans()):
        words += ["--data", user_file]
        if draw(st.booleans()):
            words.append("--no-bundled")
    command = draw(st.sampled_from(["list", "show", "compare", "filter"]))
    options: list[list[str]] = []
    if command in ("list", "filter"):
        if draw(st.booleans()):
            options.append([draw(st.sampled_from(["--sort", "-s"])), draw(st.sampled_from(SORTS))])
        if draw(st.booleans()):
            options.append([draw(st.sampled_from(["--reverse", "-r"]))])
    if command == "list" and draw(st.booleans()):
        options.append(["--limit", draw(st.sampled_from(["1", "3", "0", "x", "20"]))])
    if command == "filter":
        for flag, pool in (
            ("--min-salary", AMOUNTS),
            ("--max-salary", AMOUNTS),
            ("--skill", ["python", "sql", "kubernetes", "pythn"]),
            ("--cluster", ["ai", "cloud", "leadership", "cloudy"]),
            ("--text", ["incident response", "pipelines", "zzz"]),
        ):
            for _ in range(draw(st.integers(0, 2 if flag in ("--skill", "--cluster") else 1))):
                options.append([flag, draw(st.sampled_from(pool))])
    if command == "show":
        options.append([draw(st.sampled_from(NAMES))])
    if command == "compare":
        options += [
            [name] for name in draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3))
        ]
    if draw(st.booleans()):
        options.append(["--json"])
    order = draw(st.permutations(range(len(options))))
    return [*words, command, *(word for index in order for word in options[index])]


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_fast_path_prints_what_the_full_cli_prints(user_file, data):
    """Generated command lines: wherever the fast path answers, it matches the full CLI."""
    argv = data.draw(command_lines(user_file))
    (fast_code, fast_out, fast_err), (full_code, full_out, full_err) = both_paths(argv)
    if fast_code is None:
        assert (fast_out, fast_err) == (b"", b""), "a fast path that hands over prints nothing"
    else:
        assert (fast_code, fast_out, fast_err) == (full_code, full_out, full_err)


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--json"],
        ["list"],
        ["list", "--sort", "salary", "-r", "--limit", "4", "--json"],
        ["list", "-s", "name", "-n", "2"],
        ["show", "sre", "--json"],
        ["show", "Data Scientist"],
        ["compare", "sre", "devops", "--json"],
        ["compare", "em", "ai-pm"],
        ["filter", "--skill", "python", "--json"],
        ["filter", "--min-salary", "150k", "--cluster", "ai", "--sort", "salary"],
        ["filter", "--max-salary", "1", "--json"],
        ["filter", "--max-salary", "1"],
        ["--no-bundled", "--data", "USER", "list", "--json"],
        ["show", "sre", "--in", "CA", "--json"],
        ["show", "sre", "--in", "austin"],
        ["list", "--in", "texas", "--json"],
        ["list", "--in", "tx", "--official", "-n", "3"],
        ["filter", "--cluster", "ai", "--in", "CA"],
        ["compare", "sre", "devops", "--in", "san jose", "--json"],
        ["where", "sre", "--json"],
        ["where", "em", "--metros", "--top", "3", "--sort", "p90"],
        ["where", "sre", "--in", "austin", "--in", "TX", "--json"],
        ["where", "15-1254", "--min-employment", "0", "-n", "4", "--json"],
        ["occupations", "web", "--json"],
        ["occupations", "15-12", "-n", "3"],
        ["occupation", "15-2011", "--in", "CA", "--json"],
        ["offer", "sre", "150k", "--json"],
        ["offer", "sre", "$150,000", "--in", "austin", "--in", "seattle"],
        ["offer", "15-1254", "45.50", "--hourly", "--in", "CA", "--plain"],
        ["offer", "sre", "150k", "--no-header"],
        ["offer", "27-2021", "200k", "--in", "CA"],
        ["map", "sre"],
        ["map", "em", "--by", "p90", "--bins", "7", "--json"],
        ["map", "15-1254", "--by", "concentration", "--bins", "3"],
    ],
)
def test_common_commands_are_answered_fast_and_the_same(argv, user_file):
    """These everyday commands never need the full CLI, and print what it prints."""
    argv = [user_file if word == "USER" else word for word in argv]
    fast_result, full_result = both_paths(argv)
    assert fast_result[0] is not None
    assert fast_result == full_result


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "nosuch"],
        ["show", "ai"],
        ["filter", "--skill", "pythn"],
        ["filter", "--min-salary", "abc"],
        ["list", "--sort", "pay"],
        ["list", "--limit", "0"],
        ["compare", "sre"],
        ["list", "--json", "--json", "--bogus"],
        ["list", "-s=salary"],
        ["list", "--", "x"],
        ["--version"],
        ["validate", "x.toml"],
        ["show", "sre", "--in", "portland"],
        ["where", "sre", "--top", "0"],
        ["where", "sre", "--sort", "pay"],
        ["where", "sre", "--metros", "--states"],
        ["occupation", "99-9999"],
        ["offer", "sre", "0"],
        ["offer", "sre", "11m"],
        ["offer", "sre", "5001", "--hourly"],
        ["offer", "sre", "150k", "--in", "portland"],
        ["offer", "sre"],
        ["map", "sre", "--bins", "1"],
        ["map", "sre", "--by", "pay"],
        ["map", "sre", "--in", "CA"],
    ],
)
def test_anything_doubtful_is_left_to_the_full_cli(argv):
    """Errors, unknown options and other commands: the fast path hands over, silently."""
    assert capture(fast.run, argv, os.environ) == (None, b"", b"")


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h"], ["list", "--help"], ["export", "-h"]])
def test_help_from_the_cache_is_the_full_clis_help(argv):
    first = capture(fast.run, argv, os.environ)  # computed by the full CLI, then cached
    second = capture(fast.run, argv, os.environ)  # from the cache
    assert first == second == capture(cli.run, argv)
    assert first[0] == 0
    assert b"Usage: techpay" in first[1]


def test_help_is_cached_per_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    narrow = capture(fast.run, ["filter", "--help"], os.environ)
    monkeypatch.setenv("COLUMNS", "120")
    wide = capture(fast.run, ["filter", "--help"], os.environ)
    assert narrow != wide
    assert wide == capture(cli.run, ["filter", "--help"])


@pytest.mark.parametrize("columns", [None, "0", "abc", "57", "200"])
def test_help_width_is_what_shutil_would_say(monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS")
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert fast.terminal_columns() == shutil.get_terminal_size().columns


def complete(words: str, cword: int, **env: str) -> subprocess.CompletedProcess[bytes]:
    return run_techpay(
        env=clean_env(
            _TECHPAY_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword), **env
        )
    )


@pytest.mark.parametrize(
    ("words", "cword"),
    [
        ("techpay show si", 2),
        ("techpay show ", 2),
        ("techpay show zzz", 2),
        ("techpay compare sre d", 3),
        ("techpay --no-bundled --data USER show p", 5),
        ("techpay show --js", 2),
        ("techpay list --sort s", 3),
    ],
)
def test_completion_matches_typers(words, cword, user_file):
    words = words.replace("USER", user_file)
    fast_result = complete(words, cword)
    full_result = complete(words, cword, TECHPAY_NO_FAST="1")
    assert (fast_result.returncode, fast_result.stdout) == (
        full_result.returncode,
        full_result.stdout,
    )


def test_completion_of_a_role_name():
    assert complete("techpay show si", 2).stdout == b"site-reliability-engineer\n"
    assert (
        complete("techpay compare sre d", 3).stdout
        == b"data-scientist\nds\ndevops-engineer\ndevops\n"
    )


def test_a_warm_run_needs_no_framework():
    """With a fresh cache, --json and completion import neither Typer, pydantic nor Rich."""
    code = (
        "import sys, techpay.start.launcher\n"
        "techpay.start.launcher.main(sys.argv[1:])\n"
        "loaded = [m for m in ('typer', 'pydantic', 'rich') if m in sys.modules]\n"
        "sys.stderr.write(repr(sorted(loaded)))\n"
    )
    for argv in (
        ["list", "--json"],
        ["show", "sre", "--json"],
        ["filter", "--skill", "python", "--json"],
        ["show", "sre", "--in", "CA", "--json"],
        ["where", "sre", "--json"],
        ["occupations", "web", "--json"],
        ["offer", "sre", "150k", "--in", "austin", "--json"],
        ["map", "sre", "--json"],
    ):
        subprocess.run(
            [sys.executable, "-c", code, *argv], capture_output=True, env=clean_env(), check=True
        )
        warm = subprocess.run(
            [sys.executable, "-c", code, *argv], capture_output=True, env=clean_env(), check=True
        )
        assert warm.stderr == b"[]"
        assert json.loads(warm.stdout)
    table = subprocess.run(
        [sys.executable, "-c", code, "list"], capture_output=True, env=clean_env(), check=True
    )
    assert table.stderr == b"['rich']"  # a table needs Rich, and only Rich


def _declared_options(command: str) -> dict[str, bool]:
    """Each option spelling the Typer command declares, and whether it is a flag."""
    import typer

    root = typer.main.get_command(cli.app)
    declared = root.get_command(typer.Context(root), command)  # type: ignore[attr-defined]
    return {
        spelling: parameter.is_flag
        for parameter in declared.params
        if parameter.param_type_name == "option"
        for spelling in (*parameter.opts, *parameter.secondary_opts)
    }


@pytest.mark.parametrize("command", sorted(fast._COMMANDS))
def test_every_option_is_understood_by_the_fast_path_or_handed_over_with_a_reason(command):
    """An option added to a Typer command without teaching the fast path fails here, by name."""
    values, flags = fast._COMMANDS[command]
    handed_over = {**fast._HANDED_OVER, **fast._HANDED_OVER_BY_COMMAND.get(command, {})}
    for spelling, is_flag in _declared_options(command).items():
        if spelling in handed_over:
            continue
        assert spelling in values or spelling in flags, (
            f"techpay {command} {spelling}: add it to fast._COMMANDS (and answer it), or to"
            " fast._HANDED_OVER with the reason the full CLI must answer it"
        )
        assert (spelling in flags) == is_flag, f"techpay {command} {spelling}: flag or value?"
    stale = (set(values) | set(flags)) - set(_declared_options(command))
    assert not stale, f"the fast path reads options techpay {command} does not have: {stale}"
