"""The fast path answers exactly as the full CLI would, byte for byte, or not at all."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import capture, clean_env, examples, run_techpay
from techpay import cli
from techpay.core.offerfile import OFFERS_STARTER
from techpay.start import commandline, fast
from techpay.start.grammar import COMMANDS


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
    path.with_name("offers.toml").write_text(OFFERS_STARTER, encoding="utf-8")  # "OFFERS"
    return str(path)


ROLE_NAMES = [
    "sre",
    "SRE",
    "devops",
    "ai",
    "site",
    "em",
    "nosuch",
    "Data Scientist",
    "platform",
    "15-1299.08",
]
AMOUNTS = ["150k", "150000", "$150,000", "abc", "-5", "1.2m", "0", "45.50"]
# Values to draw for each text parameter, by what it completes or by its name.
TEXT = {
    "role": ROLE_NAMES,
    "place": ["CA", "austin", "san jose", "portland", "us", "0012420", "new york", "la", "york"],
    "tag": ["python", "sql", "k8s", "pythn"],
    "cluster": ["ai", "cloud", "cloudy"],
    "text": ["incident response", "pipelines", "zzz"],
    "amount": AMOUNTS,
    "code": ["15-1252", "15-1254", "99-9999", "sre", "15-1299.08", "software developers"],
    "words": ["web", "developer", "15-12", "zzz", "software"],
    "svg": ["out.svg"],
    "html": ["out.html", "out.svg"],
    "output": ["-", "out.csv"],
    "path": ["-", "starter.toml"],
    "files": ["USER", "nosuch.toml", "OFFERS"],
    "file": ["OFFERS", "nosuch.toml", "USER"],
    "bonus": ["10%", "15k", "10", "abc"],
    "sign_on": ["20k", "-1"],
    "stock": ["400k", "-5k", "x"],
    "vest": ["back", "10,20,30,40", "10,20,30,30", "monthly"],
    "refresh": ["50k", "-1"],
    "raise_": ["5%", "150%", "0.05"],
    "stock_growth": ["-50%", "x"],
}
# The commands the differential test draws: every command the fast path answers.
DRAWN = sorted(path for path in COMMANDS if path and path not in commandline.HANDED_OVER)


def values_for(name, spec):
    """The values worth trying for a parameter: good ones and a few the grammar refuses."""
    kind = spec["kind"]
    if kind == "choice":
        return [*spec["choices"], "pay"]
    if kind == "int":
        low = spec.get("min", 0)
        return [str(low), str(low + 2), str(low - 1), "05", "x", "+3", *(
            [str(spec["max"]), str(spec["max"] + 1)] if "max" in spec else []
        )]  # fmt: skip
    if kind == "amount":
        return AMOUNTS
    return TEXT.get(spec.get("complete", ""), TEXT.get(name, ["x"]))


@st.composite
def command_lines(draw, user_file: str):
    """A command line from the grammar: any command, any of its options in any spelling
    (short, long, --opt=value), repeated or not, with its arguments (or too few or too
    many), global options before or after the command, now and then an unknown option."""
    path = draw(st.sampled_from(DRAWN))
    command = COMMANDS[path]
    before: list[str] = []
    if draw(st.booleans()):
        before += ["--data", user_file] + (["--no-bundled"] if draw(st.booleans()) else [])
    pieces: list[list[str]] = []
    for name, spec in command["options"].items():
        if spec.get("global"):
            continue
        for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2]))):
            spelling = draw(st.sampled_from([*spec["spellings"], *spec.get("off", [])]))
            if spec.get("flag"):
                pieces.append([spelling])
                continue
            value = draw(st.sampled_from(values_for(name, spec)))
            if spelling.startswith("--") and draw(st.booleans()):
                pieces.append([f"{spelling}={value}"])
            else:
                pieces.append([spelling, value])
    arguments: list[str] = []
    for name, spec in command["arguments"].items():
        count = draw(st.integers(0, 3) if spec["nargs"] == -1 else st.sampled_from([1, 1, 1, 0]))
        arguments += [draw(st.sampled_from(values_for(name, spec))) for _ in range(count)]
    if draw(st.integers(0, 9)) == 0:
        arguments.append("extra")
    pieces += [[word] for word in arguments]
    if draw(st.integers(0, 9)) == 0:
        pieces.append([draw(st.sampled_from(["--bogus", "-Z", "--json=1", "-n5", "--"]))])
    if draw(st.integers(0, 5)) == 0:
        pieces.append(["--data", user_file])  # a global option after the command
    order = draw(st.permutations(range(len(pieces))))
    line = [*before, *path.split(), *(word for index in order for word in pieces[index])]
    return [placeholder(word, user_file) for word in line]


def placeholder(word: str, user_file: str) -> str:
    """``USER``: the user's data file; ``OFFERS``: an offers file beside it."""
    if word == "OFFERS":
        return os.path.join(os.path.dirname(user_file), "offers.toml")
    return user_file if word == "USER" else word


def both_paths_in(tmp_path, argv):
    """Each path in a folder of its own, so files one writes do not change what the other
    finds; the same relative names in both, so messages naming them agree."""
    results = []
    for name, function, args in (
        ("fast", fast.run, (argv, os.environ)),
        ("full", cli.run, (argv,)),
    ):
        folder = tmp_path / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        with contextlib.chdir(folder):
            results.append(capture(function, *args))
    return results


@settings(
    max_examples=examples(400),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_the_fast_path_prints_what_the_full_cli_prints(user_file, tmp_path, data):
    """Command lines drawn from the grammar: wherever the fast path answers, it answers as
    the full CLI does (exit code, stdout, stderr); where it hands over, it prints nothing."""
    argv = data.draw(command_lines(user_file))
    (fast_code, fast_out, fast_err), (full_code, full_out, full_err) = both_paths_in(tmp_path, argv)
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
        ["list", "--plain"],
        ["list", "--official", "--sort", "official", "--no-header"],
        ["list", "--sort=salary", "--limit=3", "--sort", "min"],
        ["show", "sre", "--json"],
        ["show", "Data Scientist"],
        ["show", "sre", "--plain"],
        ["compare", "sre", "devops", "--json"],
        ["compare", "em", "ai-pm"],
        ["compare", "sre", "devops", "--official"],
        ["compare", "sre", "devops", "--plain"],
        ["filter", "--skill", "python", "--json"],
        ["filter", "--min-salary", "150k", "--cluster", "ai", "--sort", "salary"],
        ["filter", "--max-salary", "1", "--json"],
        ["filter", "--max-salary", "1"],
        ["filter", "-k", "python", "-k", "sql", "--plain"],
        ["--no-bundled", "--data", "USER", "list", "--json"],
        ["list", "--json", "--data", "USER"],
        ["show", "sre", "--in", "CA", "--json"],
        ["show", "sre", "--in", "austin"],
        ["list", "--in", "texas", "--json"],
        ["list", "--in", "tx", "--official", "-n", "3"],
        ["filter", "--cluster", "ai", "--in", "CA"],
        ["compare", "sre", "devops", "--in", "san jose", "--json"],
        ["match", "python", "sql", "docker", "kubernetes"],
        ["match", "python, statistics", "--top", "3", "--json"],
        ["match", "python", "sql", "--in", "austin", "--plain"],
        ["match", "pythn"],
        ["path", "devops", "sre"],
        ["path", "ds", "mle", "--json"],
        ["path", "devops", "sre", "--in", "seattle"],
        ["skills"],
        ["skills", "--cluster", "cloud", "--plain"],
        ["skills", "--role", "sre", "--json"],
        ["chart"],
        ["chart", "--cluster", "ai", "--sort", "rank", "--json"],
        ["chart", "--official", "--in", "seattle"],
        ["about"],
        ["about", "--json"],
        ["where", "sre", "--json"],
        ["where", "em", "--metros", "--top", "3", "--sort", "p90"],
        ["where", "sre", "--in", "austin", "--in", "TX", "--json"],
        ["where", "15-1254", "--min-employment", "0", "-n", "4", "--json"],
        ["where", "sre", "--metros", "--states", "--plain"],
        ["where", "sre", "--sort", "real", "--json"],
        ["where", "em", "--sort", "take-home", "--metros", "--filing", "joint", "--plain"],
        ["where", "sre", "--sort", "real", "--in", "nyc", "--in", "PR", "--tax-state", "nj"],
        ["occupations", "web", "--json"],
        ["occupations", "15-12", "-n", "3"],
        ["occupation", "15-2011", "--in", "CA", "--json"],
        ["occupations", "software", "--sort", "median", "--in", "new york", "--top", "2"],
        ["occupation", "software developers", "--in", "la"],
        ["where", "15-1299.08", "--in", "nyc", "--json"],
        ["where", "15-1299.07"],
        ["where", "sre", "--in", "york"],
        ["offer", "sre", "150k", "--json"],
        ["offer", "sre", "$150,000", "--in", "austin", "--in", "seattle"],
        ["offer", "15-1254", "45.50", "--hourly", "--in", "CA", "--plain"],
        ["offer", "sre", "150k", "--no-header"],
        ["offer", "27-2021", "200k", "--in", "CA"],
        ["map", "sre"],
        ["map", "em", "--by", "p90", "--bins", "7", "--json"],
        ["map", "15-1254", "--by", "concentration", "--bins", "3"],
        ["map", "sre", "--by", "real"],
        ["map", "em", "--by", "take-home", "--json"],
        ["official", "status", "--json"],
        ["export", "--format", "csv", "--cluster", "ai"],
        ["export", "--official", "--occupation", "15-1252", "--in", "TX", "--in", "austin"],
        ["export", "--official", "--cluster", "ai", "--states", "-f", "json"],
        ["export", "--official", "--occupation", "sre", "--in", "guam", "--in", "us"],
        ["validate", "USER"],
        ["schema"],
        ["init", "-"],
        ["offer", "sre", "150k", "--stock", "400k", "--vest", "back", "--in", "austin"],
        ["offer", "sre", "150k", "--bonus", "10%", "--raise", "5%", "--json"],
        ["offer", "sre", "150k", "--stock", "400k", "--refresh", "50k", "--plain"],
        ["offers", "OFFERS"],
        ["offers", "OFFERS", "--years", "6", "--json"],
        ["offers", "OFFERS", "--plain"],
        ["validate", "OFFERS", "USER"],
        ["schema", "--offers"],
        ["init", "--offers", "-"],
    ],
)
def test_the_commands_are_answered_fast_and_the_same(argv, user_file, tmp_path):
    """Every read-only command, with its options, never needs the full CLI."""
    argv = [placeholder(word, user_file) for word in argv]
    fast_result, full_result = both_paths_in(tmp_path, argv)
    assert fast_result[0] is not None
    assert fast_result == full_result


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "nosuch"],
        ["show", "ai"],
        ["filter", "--skill", "pythn"],
        ["compare", "sre"],
        ["compare", "sre", "sre"],
        ["show", "sre", "--in", "portland"],
        ["occupation", "99-9999"],
        ["offer", "sre", "0"],
        ["offer", "sre", "11m"],
        ["offer", "sre", "5001", "--hourly"],
        ["offer", "sre", "150k", "--in", "portland"],
        ["map", "sre", "--in", "CA"],
        ["where", "sre", "--tax-state", "TX"],
        ["where", "sre", "--sort", "real", "--tax-state", "ZZ"],
        ["export", "--format", "sqlite"],
        ["validate", "nosuch.toml"],
        ["--data", "nosuch.toml", "list"],
        ["occupation", "Value error, 1"],  # the user's words, kept as typed
        ["export", "-c", "Value error, x"],
        ["export", "--in", "TX"],
        ["export", "--official", "--format", "markdown"],
        ["export", "--official", "--format", "sqlite"],
        ["export", "--official", "--in", "portland"],
        ["export", "--official", "--occupation", "99-9999"],
        ["offer", "sre", "150k", "--vest", "10,20,30,30"],
        ["offer", "sre", "150k", "--stock", "-5k"],
        ["offers", "nosuch.toml"],
    ],
)
def test_errors_are_reported_fast_and_worded_as_the_full_cli_words_them(argv, tmp_path):
    fast_result, full_result = both_paths_in(tmp_path, argv)
    assert fast_result[0] not in (None, 0)
    assert fast_result == full_result


@pytest.mark.parametrize(
    "argv",
    [
        ["filter", "--min-salary", "abc"],
        ["list", "--sort", "pay"],
        ["list", "--limit", "0"],
        ["list", "--json", "--json", "--bogus"],
        ["list", "-s=salary"],
        ["list", "-n3"],
        ["list", "--json=yes"],
        ["list", "--", "x"],
        ["list", "--sort"],
        ["show"],
        ["show", "sre", "devops"],
        ["--version"],
        ["--debug", "list"],
        ["official", "reset"],
        ["official", "import", "x"],
        ["official"],
        ["nosuch"],
        ["where", "sre", "--top", "0"],
        ["where", "sre", "--sort", "pay"],
        ["offer", "sre"],
        ["map", "sre", "--bins", "1"],
        ["map", "sre", "--by", "pay"],
        ["list", "--limit", "9" * 5000],  # more digits than Python converts
        ["where", "sre", "--top", "9" * 5000],
    ],
)
def test_doubtful_command_lines_are_left_to_the_full_cli(argv):
    """Mistakes in the command line, and what HANDED_OVER lists: the fast path hands over,
    silently, and the full CLI reads (and reports) them."""
    assert capture(fast.run, argv, os.environ) == (None, b"", b"")


@pytest.mark.parametrize(
    "argv",
    [[], ["--help"], ["-h"], ["list", "--help"], ["export", "-h"], ["help"], ["help", "where"]],
)
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
        ("techpay path devops si", 3),
        ("techpay where si", 2),
        ("techpay offer sre 1", 3),
        ("techpay show sre x", 3),
        ("techpay show S", 2),  # Typer keeps only what starts with it, case and all
        ("techpay show Sre", 2),
        ("techpay show\u00a0s", 2),  # Typer splits at ASCII spaces only
        ("techpay compare sre\u2003s", 2),
        ("techpay where --top " + "9" * 5000 + " s", 4),
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
        ["where", "sre", "--sort", "real", "--json"],
        ["where", "sre", "--sort", "take-home", "--plain"],
        ["occupations", "web", "--json"],
        ["offer", "sre", "150k", "--in", "austin", "--json"],
        ["offer", "sre", "150k", "--stock", "400k", "--in", "austin", "--json"],
        ["map", "sre", "--json"],
        ["map", "sre", "--by", "real", "--json"],
        ["compare", "sre", "devops", "--json"],
        ["match", "python", "sql", "--json"],
        ["path", "devops", "sre", "--json"],
        ["skills", "--json"],
        ["chart", "--json"],
        ["about", "--json"],
        ["list", "--plain"],
        ["show", "sre", "--plain"],
        ["skills", "--plain"],
    ):
        subprocess.run(
            [sys.executable, "-c", code, *argv], capture_output=True, env=clean_env(), check=True
        )
        warm = subprocess.run(
            [sys.executable, "-c", code, *argv], capture_output=True, env=clean_env(), check=True
        )
        assert warm.stderr == b"[]", argv
        assert json.loads(warm.stdout) if "--json" in argv else warm.stdout.count(b"\t") > 5
    table = subprocess.run(
        [sys.executable, "-c", code, "list"], capture_output=True, env=clean_env(), check=True
    )
    assert table.stderr == b"['rich']"  # a table needs Rich, and only Rich


def test_cached_help_loads_only_what_it_prints():
    """Help found in the cache is written out; what a miss needs to capture the full CLI's
    help (contextlib, Typer) is not imported."""
    code = (  # what was loaded before techpay (by coverage, measuring) does not count
        "import sys\n"
        "before = set(sys.modules)\n"
        "import techpay.start.launcher\n"
        "techpay.start.launcher.main(sys.argv[1:])\n"
        "loaded = [m for m in ('typer', 'rich', 'contextlib')"
        " if m in sys.modules and m not in before]\n"
        "sys.stderr.write(repr(sorted(loaded)))\n"
    )
    for argv in (["--help"], ["list", "--help"]):
        run = [sys.executable, "-c", code, *argv]
        missed = subprocess.run(run, capture_output=True, env=clean_env(), check=True)
        cached = subprocess.run(run, capture_output=True, env=clean_env(), check=True)
        assert cached.stdout == missed.stdout
        assert b"Usage: techpay" in cached.stdout
        assert cached.stderr == b"[]", argv
