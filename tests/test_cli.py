"""What a user sees from each command (in-process, through Typer's CliRunner)."""

from __future__ import annotations

import json

import pytest

from techpay import __version__
from techpay import cli as cli_module
from techpay.core.errors import EXIT_ERROR, EXIT_USAGE

COMMANDS = ["list", "show", "compare", "filter"]


class TestList:
    def test_the_table_shows_every_role_with_its_range(self, cli):
        result = cli("list")
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert any(
            "AI Research Scientist" in line and "$160,000 - $240,000+" in line for line in lines
        )
        assert any(
            "Site Reliability Engineer" in line and "$140,000 - $185,000" in line for line in lines
        )
        assert result.stderr == ""

    def test_sort_salary_with_limit(self, cli_json):
        roles = cli_json("list", "--sort", "salary", "--limit", "3")
        assert [(r["id"], r["salary"]["midpoint"]) for r in roles] == [
            ("ai-research-scientist", 200_000),
            ("software-engineering-manager", 200_000),
            ("cybersecurity-architect", 187_500),
        ]

    def test_reverse(self, cli_json):
        assert cli_json("list", "--reverse")[0]["id"] == "site-reliability-engineer"
        assert cli_json("list", "-s", "salary", "-r", "-n", "1")[0]["id"] == "devops-engineer"

    def test_a_bad_sort_key_is_a_usage_error(self, cli):
        result = cli("list", "--sort", "pay")
        assert result.exit_code == EXIT_USAGE
        assert result.stdout == ""
        assert result.stderr == (
            "techpay: --sort must be one of: rank, salary, min, max, name, official"
            " (got 'pay') (see 'techpay list --help')\n"
        )

    def test_limit_must_be_positive(self, cli):
        result = cli("list", "--limit", "0")
        assert result.exit_code == EXIT_USAGE
        assert "--limit" in result.stderr
        assert len(result.stderr.splitlines()) == 1


class TestShow:
    def test_everything_about_a_role(self, cli):
        result = cli("show", "sre")
        assert result.exit_code == 0
        out = result.stdout
        for expected in [
            "Site Reliability Engineer",
            "$140,000 - $185,000  (midpoint $162,500)",
            "Downtime is expensive. Sometimes brutally so.",
            "- Define service level objectives.",
            "Monitoring and observability tools.",
            "monitoring, observability",
            "site-reliability-engineer, sre",
            "cloud",
        ]:
            assert expected in out

    def test_the_open_ended_range_and_its_note(self, cli):
        out = cli("show", "AI Research Scientist").stdout
        assert "$160,000 - $240,000+" in out
        assert "Top-tier labs and AI startups often exceed this with equity packages." in out

    def test_json_is_one_role_object(self, cli_json):
        role = cli_json("show", "em")
        assert role["id"] == "software-engineering-manager"
        assert role["salary"] == {
            "min": 170_000,
            "max": 230_000,
            "midpoint": 200_000,
            "currency": "USD",
            "open_ended": False,
            "stated": "$170,000 to $230,000",
            "note": None,
        }

    def test_an_unknown_role_suggests_names_and_exits_1(self, cli):
        result = cli("show", "devosp")
        assert result.exit_code == EXIT_ERROR
        assert result.stdout == ""
        assert result.stderr == "techpay: no role matches 'devosp'; did you mean devops?\n"

    def test_an_ambiguous_prefix_lists_candidates(self, cli):
        result = cli("show", "ai")
        assert result.exit_code == EXIT_ERROR
        assert result.stderr == (
            "techpay: 'ai' could be any of: ai-research-scientist, ai-product-manager;"
            " type more of the name\n"
        )

    def test_a_missing_argument_is_a_usage_error(self, cli):
        result = cli("show")
        assert result.exit_code == EXIT_USAGE
        assert result.stderr == "techpay: Missing argument 'ROLE' (see 'techpay show --help')\n"


class TestCompare:
    def test_side_by_side(self, cli):
        result = cli("compare", "sre", "devops")
        assert result.exit_code == 0
        out = result.stdout
        assert "Site Reliability Engineer" in out
        assert "DevOps Engineer" in out
        assert "midpoint -$10,000 (-6.2%)" in out
        assert "min -$10,000, max -$10,000" in out
        assert "Skill tags shared by all: monitoring, observability, automation, scripting" in out

    def test_json_has_roles_differences_and_tags(self, cli_json):
        comparison = cli_json("compare", "devops", "sre")
        assert comparison["baseline"] == "devops-engineer"
        assert [role["id"] for role in comparison["roles"]] == [
            "devops-engineer",
            "site-reliability-engineer",
        ]
        assert comparison["salary_differences"] == [
            {
                "id": "site-reliability-engineer",
                "currency": "USD",
                "min": 10_000,
                "max": 10_000,
                "midpoint": 10_000,
                "min_percent": 7.7,
                "max_percent": 5.7,
                "midpoint_percent": 6.6,
                "not_comparable": None,
            }
        ]
        assert comparison["tags"]["unique"]["site-reliability-engineer"] == [
            "distributed-systems",
            "debugging",
            "slos",
            "incident-response",
            "resilience",
        ]

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["sre"],
                "techpay: compare needs at least two roles (see 'techpay compare --help')\n",
            ),
            (
                ["sre", "Site Reliability Engineer"],
                "techpay: site-reliability-engineer named more than once;"
                " compare different roles (see 'techpay compare --help')\n",
            ),
        ],
    )
    def test_it_needs_two_different_roles(self, cli, args, message):
        result = cli("compare", *args)
        assert result.exit_code == EXIT_USAGE
        assert result.stderr == message

    def test_an_unknown_role_among_several(self, cli):
        result = cli("compare", "sre", "nosuch")
        assert result.exit_code == EXIT_ERROR
        assert result.stderr.startswith("techpay: no role matches 'nosuch'")


class TestFilter:
    def test_min_salary_150k_gives_the_five_roles(self, cli_json):
        roles = cli_json("filter", "--min-salary", "150k")
        assert [r["id"] for r in roles] == [
            "ai-research-scientist",
            "machine-learning-engineer",
            "cybersecurity-architect",
            "software-engineering-manager",
            "ai-product-manager",
        ]

    @pytest.mark.parametrize("amount", ["150000", "150k", "$150,000"])
    def test_amount_spellings_agree(self, cli_json, amount):
        assert len(cli_json("filter", "--min-salary", amount)) == 5

    def test_skill_and_salary(self, cli_json):
        roles = cli_json("filter", "--skill", "python", "--min-salary", "150k")
        assert [r["id"] for r in roles] == ["machine-learning-engineer"]

    def test_sorted_table(self, cli):
        result = cli("filter", "--cluster", "ai", "--sort", "salary")
        assert result.exit_code == 0
        out = result.stdout
        assert out.index("AI Research Scientist") < out.index("Machine Learning Engineer")
        assert out.index("AI Product Manager") < out.index("Data Scientist")
        assert "DevOps" not in out

    def test_no_match_says_so_on_stderr(self, cli):
        result = cli("filter", "--min-salary", "1m")
        assert (result.exit_code, result.stdout, result.stderr) == (
            0, "", "techpay: no roles match\n"
        )  # fmt: skip

    def test_no_match_in_json_is_an_empty_array(self, cli):
        result = cli("filter", "--min-salary", "1m", "--json")
        assert (result.exit_code, result.stdout) == (0, "[]\n")

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                ["--min-salary", "abc"],
                "techpay: --min-salary: 'abc' is not an amount; write it like"
                " 150000, 150k or $150,000 (see 'techpay filter --help')\n",
            ),
            (
                ["--min-salary", "-5"],
                "techpay: --min-salary: '-5' is negative; salaries are positive"
                " amounts (see 'techpay filter --help')\n",
            ),
            (
                ["--skill", "pythn"],
                "techpay: no role has the skill tag 'pythn'; did you mean python?"
                " (see 'techpay filter --help')\n",
            ),
            (
                ["--cluster", "cloudy"],
                "techpay: no role has the cluster 'cloudy'; did you mean cloud?"
                " (see 'techpay filter --help')\n",
            ),
        ],
    )
    def test_bad_values_are_usage_errors(self, cli, args, message):
        result = cli("filter", *args)
        assert (result.exit_code, result.stdout, result.stderr) == (EXIT_USAGE, "", message)


class TestJsonContract:
    REQUIRED = frozenset(
        {
            "id",
            "rank",
            "title",
            "aliases",
            "clusters",
            "summary",
            "salary",
            "responsibilities",
            "skills",
        }
    )

    def test_role_objects_have_the_documented_fields_and_types(self, cli_json):
        for role in cli_json("list"):
            assert role.keys() >= self.REQUIRED
            assert {"min", "max", "midpoint", "currency", "open_ended"} <= role["salary"].keys()
            assert all(isinstance(item, str) for item in role["responsibilities"])
            assert all(set(skill) == {"text", "tags"} for skill in role["skills"])
            assert isinstance(role["salary"]["open_ended"], bool)

    def test_list_and_filter_agree(self, cli_json):
        assert cli_json("list") == cli_json("filter")

    def test_json_holds_no_escape_codes_even_when_colour_is_forced(self, cli):
        plain = cli("list", "--json").stdout
        forced = cli_module_invoke(
            ["list", "--json"], {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"}
        )
        assert forced == plain
        assert "\x1b" not in plain


def cli_module_invoke(args, env):
    from typer.testing import CliRunner

    return CliRunner(env=env).invoke(cli_module.app, args, color=True).stdout


class TestHelp:
    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_command_has_help_with_examples(self, cli, command):
        result = cli(command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout
        assert f"techpay {command} " in result.stdout

    def test_no_arguments_prints_help(self, cli):
        result = cli()
        assert result.exit_code == 0
        assert "Usage: techpay [OPTIONS] COMMAND" in result.stdout
        assert all(command in result.stdout for command in COMMANDS)

    def test_version(self, cli):
        assert cli("--version").stdout == f"techpay {__version__}\n"

    def test_an_unknown_command(self, cli):
        result = cli("lsit")
        assert result.exit_code == EXIT_USAGE
        assert len(result.stderr.splitlines()) == 1
        assert "lsit" in result.stderr


HOSTILE_TITLE = "[bold red]Dev[/]Ops [link=https://example.com]x[/link]"
HOSTILE_SUMMARY = "clear\x1b[2J screen \x07 bell \x1b]52;c;aGk=\x07 clip \x9b1m"


class TestDataIsPrintedLiterally:
    """Markup and control characters in a user's data file never act on the terminal."""

    @pytest.fixture
    def hostile_file(self, tmp_path):
        import tomli_w

        role = {
            "id": "hostile",
            "title": HOSTILE_TITLE,
            "summary": HOSTILE_SUMMARY,
            "salary": {"min": 1, "max": 2},
        }
        path = tmp_path / "hostile.toml"
        path.write_text(tomli_w.dumps({"roles": [role]}), encoding="utf-8")
        return str(path)

    def test_markup_shows_as_typed(self, cli, hostile_file):
        out = cli("--data", hostile_file, "show", "hostile").stdout
        assert HOSTILE_TITLE in out

    def test_control_characters_are_made_visible(self, cli, hostile_file):
        out = cli("--data", hostile_file, "show", "hostile").stdout
        assert "clear\\x1b[2J screen \\x07 bell \\x1b]52;c;aGk=\\x07 clip \\x9b1m" in out
        for raw in ("\x1b", "\x07", "\x9b"):
            assert raw not in out

    def test_tables_show_them_literally_too(self, cli, hostile_file):
        out = cli("--data", hostile_file, "list").stdout
        assert "[bold red]Dev[/]Ops" in out

    def test_json_escapes_them(self, cli, hostile_file):
        out = cli("--data", hostile_file, "show", "hostile", "--json").stdout
        assert "\x1b" not in out
        assert "\x9b" not in out
        assert json.loads(out)["summary"] == HOSTILE_SUMMARY
