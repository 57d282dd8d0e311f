"""Terminal manners: encodings, narrow terminals, --plain, internal errors, pager, completion."""

from __future__ import annotations

import sys

import pytest

from conftest import clean_env, run_in_process, run_techpay
from test_process import run_in_terminal

NON_ASCII = (
    '[[roles]]\nid = "cafe"\ntitle = "Caf\u00e9 Engineer \u2013 Z\u00fcrich"\n'
    "salary = { min = 1, max = 2 }\n"
)
COMMANDS = [
    ["list"],
    ["list", "--official"],
    ["show", "sre"],
    ["compare", "sre", "devops", "em"],
    ["filter", "--skill", "python"],
    ["match", "python", "sql"],
    ["path", "devops", "sre"],
    ["skills"],
    ["about"],
    ["--help"],
]


@pytest.fixture
def non_ascii_file(tmp_path):
    path = tmp_path / "utf.toml"
    path.write_text(NON_ASCII, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C"}])
def test_an_ascii_terminal_gets_no_encoding_error(env, non_ascii_file):
    for args in (["show", "cafe"], ["list"], ["list", "--plain"]):
        result = run_techpay("--data", non_ascii_file, *args, env=clean_env(**env))
        assert result.returncode == 0, result.stderr
        assert result.stderr == b""
    shown = run_techpay(
        "--data", non_ascii_file, "show", "cafe", env=clean_env(PYTHONIOENCODING="ascii")
    )
    assert b"Caf\\xe9 Engineer \\u2013 Z\\xfcrich" in shown.stdout
    table = run_techpay("list", env=clean_env(PYTHONIOENCODING="ascii")).stdout
    assert max(table) < 128  # ASCII borders, not box drawing


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_40_column_terminal_still_gets_everything(args):
    result = run_in_process(*args, env=clean_env(COLUMNS="40"))
    assert result.returncode == 0
    assert result.stderr == b""
    assert result.stdout.strip()


def test_force_color_colours_even_a_pipe():
    assert b"\x1b[" in run_in_process("list", env=clean_env(FORCE_COLOR="1")).stdout
    assert b"\x1b[" not in run_in_process("list").stdout


def test_dumb_terminals_get_no_escape_codes():
    assert b"\x1b" not in run_in_terminal("list", TERM="dumb")


class TestPlain:
    def test_one_role_per_line_tab_separated(self, cli):
        lines = cli("list", "--plain").stdout.splitlines()
        assert len(lines) == 11  # the header row, then the ten roles
        assert lines[10].split("\t") == [
            "10",
            "site-reliability-engineer",
            "Site Reliability Engineer",
            "140000",
            "185000",
            "162500",
            "USD",
            "false",
            "cloud",
        ]

    def test_filter_and_show(self, cli):
        assert (
            cli("filter", "--skill", "python", "--plain")
            .stdout.splitlines()[1]
            .startswith("2\tmachine-learning-engineer\t")
        )
        fields = [line.split("\t") for line in cli("show", "sre", "--plain").stdout.splitlines()]
        assert ["salary_midpoint", "162500"] in fields
        assert [
            "skill",
            "Monitoring and observability tools.",
            "monitoring,observability",
        ] in fields

    def test_separators_inside_data_are_escaped(self, cli, tmp_path):
        path = tmp_path / "tabs.toml"
        path.write_text(
            '[[roles]]\nid = "x"\ntitle = "A\\tB\\nC\\u001b[2J"\nsalary = { min = 1, max = 2 }\n',
            encoding="utf-8",
        )
        lines = cli("--no-bundled", "--data", str(path), "list", "--no-header").stdout.splitlines()
        assert lines == ["\tx\tA\\tB\\nC\\x1b[2J\t1\t2\t2\tUSD\tfalse\t"]


class TestInternalErrors:
    @pytest.fixture
    def broken(self, monkeypatch):
        from techpay.commands import answers

        def boom(*args, **kwargs):
            raise RuntimeError("boom")

        monkeypatch.setattr(answers, "roles", boom)

    def test_a_bug_is_one_line_and_a_hint(self, cli, broken):
        result = cli("list")
        assert result.exit_code == 1
        assert result.stderr == (
            "techpay: internal error (RuntimeError: boom); this is a bug."
            " Rerun with --debug for the traceback\n"
        )

    def test_debug_shows_the_traceback(self, cli, broken):
        with pytest.raises(RuntimeError, match="boom"):
            cli("--debug", "list")


def test_the_pager_is_used_only_when_asked_on_a_terminal():
    paged = run_in_terminal("--pager", "list", PAGER="cat", NO_COLOR="1")
    assert b"Site Reliability Engineer" in paged
    piped = run_techpay("--pager", "list", env=clean_env(PAGER="false"))
    assert b"Site Reliability Engineer" in piped.stdout  # not a terminal: no pager


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("techpay filter --skill py", 3, b"python\n"),
        ("techpay filter --cluster l", 3, b"leadership\n"),
        ("techpay list --sort s", 3, b"salary\n"),
        ("techpay export --format c", 3, b"csv\n"),
        ("techpay match python do", 3, b"docker\n"),
        (
            "techpay path devops s",
            3,
            b"solutions-architect\nsecurity-architect\nsmart-contract-developer\n"
            b"software-engineering-manager\nsem\nsite-reliability-engineer\nsre\n",
        ),
    ],
)
def test_completion_of_options_and_arguments(words, cword, expected):
    env = clean_env(_TECHPAY_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
    assert run_techpay(env=env).stdout == expected


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals")
