"""The same mistake is met the same way, global options go anywhere, help is where it is
looked for, and --json is where the README says it is."""

from __future__ import annotations

import itertools
import json
import os

import pytest
import typer

from conftest import clean_env, run_in_process, run_techpay
from techpay.cli import app
from techpay.commands import answers, output
from techpay.core.errors import EXIT_ERROR, EXIT_OK, EXIT_USAGE
from techpay.core.offerfile import OFFERS_STARTER

GROUP = typer.main.get_command(app)
assert isinstance(GROUP, typer.core.TyperGroup)

# A valid command line for every command: what follows the command's name.
ARGUMENTS = {
    "list": [],
    "show": ["sre"],
    "compare": ["sre", "devops"],
    "filter": ["--cluster", "cloud"],
    "chart": [],
    "match": ["python"],
    "path": ["devops", "sre"],
    "skills": [],
    "where": ["sre", "--top", "3"],
    "occupations": ["web", "developer"],
    "occupation": ["15-1254"],
    "offer": ["sre", "150k", "--in", "austin"],
    "map": ["sre", "--bins", "3"],
    "net": ["165k", "--in", "austin"],
    "offers": ["OFFERS", "--years", "2"],
    "validate": ["USER"],
    "export": [],
    "init": ["-"],
    "schema": [],
    "about": [],
    "official": ["status"],
    "help": ["list"],
}
# Commands that print no results of their own to turn into JSON; the README and the
# overview say why each needs no --json.
WITHOUT_JSON = {"export", "init", "schema", "help"}


@pytest.fixture(scope="module")
def user_files(tmp_path_factory):
    """Two data files that both define platform-engineer, with different titles."""
    folder = tmp_path_factory.mktemp("layers")
    files = []
    for name, title in (("first.toml", "Platform Engineer"), ("second.toml", "Platform Lead")):
        path = folder / name
        path.write_text(
            f'[[roles]]\nid = "platform-engineer"\ntitle = "{title}"\naliases = ["platform"]\n'
            'clusters = ["cloud"]\nsalary = { min = 135000, max = 180000 }\n'
            '\n[clusters]\ncloud = "cloud infrastructure"\n',
            encoding="utf-8",
        )
        files.append(str(path))
    (folder / "offers.toml").write_text(OFFERS_STARTER, encoding="utf-8")  # "OFFERS"
    return files


def command_line(command: str, user_file: str) -> list[str]:
    offers = os.path.join(os.path.dirname(user_file), "offers.toml")
    named = {"USER": user_file, "OFFERS": offers}
    return [command, *(named.get(word, word) for word in ARGUMENTS[command])]


def outcome(result):
    return result.exit_code, result.stdout, result.stderr


def test_every_command_is_covered_here():
    assert set(ARGUMENTS) == set(GROUP.commands)


class TestTheSameRoleTwice:
    """``path`` meets the same role named twice as ``compare`` does: a usage error."""

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("sre", "sre"),
            ("sre", "site-reliability-engineer"),
            ("SRE", "Site Reliability Engineer"),
            ("site", "sre"),
            ("devops", "devops-engineer"),
        ],
    )
    def test_path_is_a_usage_error_like_compare(self, cli, first, second):
        role_id = "devops-engineer" if first == "devops" else "site-reliability-engineer"
        for json_flag in ([], ["--json"]):
            result = cli("path", first, second, *json_flag)
            assert outcome(result) == (
                EXIT_USAGE,
                "",
                f"techpay: {role_id} named as both FROM and TO; name two different roles"
                " (see 'techpay path --help')\n",
            )
            assert cli("compare", first, second, *json_flag).exit_code == EXIT_USAGE

    def test_two_different_roles_still_make_a_path(self, cli):
        assert cli("path", "sre", "devops").exit_code == EXIT_OK


class TestGlobalOptionsAfterTheCommand:
    """--data, --no-bundled, --pager and --debug mean the same after the command."""

    @pytest.mark.parametrize("command", sorted(ARGUMENTS))
    @pytest.mark.parametrize(
        "options",
        [["--debug"], ["--pager"], ["--data", "USER"], ["-d", "USER"], ["--no-bundled"]],
    )
    def test_after_is_the_same_as_before(self, cli, user_files, command, options):
        options = [user_files[0] if word == "USER" else word for word in options]
        words = command_line(command, user_files[0])
        before = cli(*options, *words)
        after = cli(*words, *options)
        assert "No such option" not in after.stderr
        assert outcome(after) == outcome(before)

    @pytest.mark.parametrize(
        ("argv", "title"),
        [
            (["--data", "FIRST", "show", "platform", "--data", "SECOND"], "Platform Lead"),
            (["--data", "SECOND", "show", "platform", "-d", "FIRST"], "Platform Engineer"),
            (["show", "platform", "-d", "SECOND", "--data", "FIRST"], "Platform Engineer"),
            (["show", "-d", "FIRST", "platform", "-d", "SECOND"], "Platform Lead"),
            (["--no-bundled", "show", "platform", "-d", "FIRST"], "Platform Engineer"),
        ],
    )
    def test_data_files_layer_in_command_line_order(self, cli, user_files, argv, title):
        first, second = user_files
        words = [{"FIRST": first, "SECOND": second}.get(word, word) for word in argv]
        assert json.loads(cli(*words, "--json").stdout)["title"] == title

    def test_techpay_data_still_comes_first(self, user_files):
        env = clean_env(TECHPAY_DATA=user_files[1])
        result = run_techpay("show", "platform", "--data", user_files[0], "--json", env=env)
        assert json.loads(result.stdout)["title"] == "Platform Engineer"

    def test_no_bundled_after_the_command_drops_the_bundled_roles(self, cli, user_files):
        roles = json.loads(cli("list", "--no-bundled", "--data", user_files[0], "--json").stdout)
        assert [role["id"] for role in roles] == ["platform-engineer"]

    def test_pager_after_the_command_asks_for_the_pager(self, cli):
        cli("show", "sre", "--pager")
        assert output.PAGE_VIEWS is True
        cli("show", "sre")
        assert output.PAGE_VIEWS is False

    def test_debug_after_the_command_shows_the_traceback(self, cli, monkeypatch):
        def broken(*args, **kwargs):
            raise RuntimeError("deliberately broken")

        monkeypatch.setattr(answers, "roles", broken)
        quiet = cli("list")
        assert (quiet.exit_code, quiet.stderr.count("\n")) == (EXIT_ERROR, 1)
        with pytest.raises(RuntimeError, match="deliberately broken"):
            cli("list", "--debug")

    @pytest.mark.parametrize(
        "argv",
        [
            ["list", "--data", "FIRST", "--json"],
            ["list", "--sort", "salary", "-d", "FIRST"],
            ["show", "platform", "--data", "FIRST"],
            ["show", "platform", "--json", "--data", "SECOND", "--data", "FIRST"],
            ["compare", "sre", "platform", "-d", "FIRST", "--json"],
            ["filter", "--cluster", "cloud", "--no-bundled", "--data", "FIRST"],
            ["list", "--pager", "--json"],
            ["list", "--debug"],
        ],
    )
    def test_the_command_prints_once_and_as_if_the_options_came_first(self, user_files, argv):
        """Whichever path answers it (the fast path hands these over), the output is the
        full CLI's, once, and the same as with the options before the command."""
        first, second = user_files
        words = [{"FIRST": first, "SECOND": second}.get(word, word) for word in argv]
        answered = run_in_process(*words)
        full = run_in_process(*words, env=clean_env(TECHPAY_NO_FAST="1"))
        assert answered.returncode == EXIT_OK, answered.stderr
        assert (answered.stdout, answered.stderr) == (full.stdout, full.stderr)
        assert run_in_process(*_globals_first(words)).stdout == answered.stdout

    @pytest.mark.parametrize("command", sorted(ARGUMENTS))
    def test_no_command_has_an_option_spelt_like_a_global_one(self, command):
        own = [
            spelling
            for param in GROUP.commands[command].params
            if not getattr(param, "hidden", False)
            for spelling in param.opts
        ]
        assert not set(own) & (GLOBAL_VALUES | GLOBAL_FLAGS)

    @pytest.mark.parametrize("command", sorted(ARGUMENTS))
    def test_a_commands_help_points_to_the_global_options_once(self, cli, command):
        text = cli(command, "--help").stdout
        assert text.count("--data FILE") == 1
        assert "Global options: --data FILE, --no-bundled, --pager and --debug" in text
        assert "-d, --data" not in text

    def test_the_overview_lists_them_once(self, cli):
        text = cli("--help").stdout
        assert text.count("-d, --data FILE") == 1
        assert "--pager and --debug work before or after the command" in " ".join(text.split())


GLOBAL_VALUES = {"--data", "-d"}
GLOBAL_FLAGS = {"--no-bundled", "--pager", "--debug"}


def _globals_first(words: list[str]) -> list[str]:
    """The command line with its global options moved before the command."""
    command, rest = words[0], words[1:]
    moved: list[str] = []
    kept: list[str] = []
    while rest:
        word = rest.pop(0)
        if word in GLOBAL_VALUES:
            moved += [word, rest.pop(0)]
        elif word in GLOBAL_FLAGS:
            moved.append(word)
        else:
            kept.append(word)
    return [*moved, command, *kept]


class TestHelpCommand:
    @pytest.mark.parametrize("command", sorted(ARGUMENTS))
    def test_help_command_is_command_help(self, cli, command):
        assert outcome(cli("help", command)) == outcome(cli(command, "--help"))

    def test_help_alone_is_the_overview(self, cli):
        assert outcome(cli("help")) == outcome(cli("--help"))

    @pytest.mark.parametrize("argv", [["help", "show"], ["help"]])
    def test_the_installed_command_agrees_with_its_cached_help(self, argv):
        """``techpay show --help`` comes from the fast path's cache; ``help show`` does not."""
        asked = run_techpay(*argv)
        cached = run_techpay(*argv[1:], "--help")
        assert (asked.returncode, asked.stdout) == (EXIT_OK, cached.stdout)

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("nosuch", "techpay: No such command 'nosuch' (see 'techpay --help')\n"),
            (
                "lst",
                "techpay: No such command 'lst'. Did you mean 'list'? (see 'techpay --help')\n",
            ),
            (
                "comapre",
                "techpay: No such command 'comapre'. Did you mean 'compare', 'map'?"
                " (see 'techpay --help')\n",
            ),
        ],
    )
    def test_an_unknown_command_is_a_one_line_usage_error(self, cli, name, message):
        assert outcome(cli("help", name)) == (EXIT_USAGE, "", message)


def options_taking_a_value():
    """Every (command, option) pair where the option needs a value, hidden ones included."""
    pairs = []
    for name, command in GROUP.commands.items():
        for param in command.params:
            if isinstance(param, typer.core.TyperOption) and not param.is_flag:
                pairs += [(name, spelling) for spelling in param.opts]
    return sorted(pairs)


class TestEveryUsageErrorNamesItsHelp:
    @pytest.mark.parametrize(("command", "option"), options_taking_a_value())
    def test_a_missing_value(self, cli, user_files, command, option):
        result = cli(*command_line(command, user_files[0]), option)
        assert outcome(result) == (
            EXIT_USAGE,
            "",
            f"techpay: Option '{option}' requires an argument (see 'techpay {command} --help')\n",
        )

    @pytest.mark.parametrize("option", ["--data", "-d"])
    def test_a_missing_value_before_the_command(self, cli, option):
        assert outcome(cli(option)) == (
            EXIT_USAGE,
            "",
            f"techpay: Option '{option}' requires an argument (see 'techpay --help')\n",
        )

    @pytest.mark.parametrize("command", ["list", "filter", "show"])
    def test_a_value_given_to_a_flag(self, cli, command):
        result = cli(command, "--json=yes")
        assert result.exit_code == EXIT_USAGE
        assert result.stderr.endswith(f" (see 'techpay {command} --help')\n")

    @pytest.mark.parametrize(
        "argv",
        [
            ["compare", "sre"],
            ["compare", "sre", "sre"],
            ["path", "em", "engineering-manager"],
            ["filter", "--skill", "pythn"],
            ["chart", "--cluster", "cloudy"],
            ["skills", "--cluster", "cloudy"],
            ["export", "--format", "sqlite"],
        ],
    )
    def test_a_usage_error_found_while_answering(self, cli, argv):
        result = cli(*argv)
        assert (result.exit_code, result.stderr.count("\n")) == (EXIT_USAGE, 1)
        assert result.stderr.endswith(f" (see 'techpay {argv[0]} --help')\n")


class TestJsonWhereItMeansSomething:
    @pytest.mark.parametrize("command", sorted(set(ARGUMENTS) - WITHOUT_JSON))
    def test_commands_that_print_results_take_json(self, cli, user_files, command):
        result = cli(*command_line(command, user_files[0]), "--json")
        assert result.exit_code == EXIT_OK, result.stderr
        json.loads(result.stdout)

    def test_the_others_are_named_with_a_reason(self, cli):
        without = {
            name
            for name, command in GROUP.commands.items()
            if not any("--json" in param.opts for param in command.params)
            and not isinstance(command, typer.core.TyperGroup)  # its commands answer
        }
        assert without == WITHOUT_JSON
        overview = " ".join(cli("--help").stdout.split())
        assert (
            "every command that prints results takes --json; the others need none: export"
            " writes JSON with --format json, schema prints JSON, init writes a TOML file"
            " to edit, and help prints text." in overview
        )

    @pytest.mark.parametrize("command", ["export", "init", "schema"])
    def test_their_help_says_there_is_no_json(self, cli, command):
        assert "there is no --json" in " ".join(cli(command, "--help").stdout.split()).lower()


class TestChartJson:
    def test_the_numbers_behind_each_bar(self, cli_json):
        chart = cli_json("chart")
        assert chart["roles"][0] == {
            "id": "ai-research-scientist",
            "title": "AI Research Scientist",
            "min": 160_000,
            "max": 240_000,
            "midpoint": 200_000,
            "open_ended": True,
        }
        assert [role["id"] for role in chart["roles"]] == [
            role["id"] for role in cli_json("list", "--sort", "salary")
        ]
        assert not any(role["open_ended"] for role in chart["roles"][1:])

    def test_the_ticks_are_the_axis_of_an_80_column_chart(self, cli_json):
        ticks = cli_json("chart")["ticks"]
        steps = {after - before for before, after in itertools.pairwise(ticks)}
        assert len(steps) == 1
        assert ticks == [125_000 + 25_000 * index for index in range(7)]
        picture = _chart_at(80).splitlines()
        assert sum(picture[-3].count(mark) for mark in "┬+") == len(ticks)

    @pytest.mark.parametrize("columns", ["40", "80", "200"])
    def test_json_does_not_depend_on_the_terminal(self, columns):
        result = run_in_process("chart", "--json", env=clean_env(COLUMNS=columns))
        assert json.loads(result.stdout)["ticks"][0] == 125_000
        assert result.stdout == run_in_process("chart", "--json").stdout

    @pytest.mark.parametrize(
        "options",
        [
            ["--cluster", "security"],
            ["--min-salary", "1m"],
            ["--text", "incident response"],
            ["--skill", "python", "--sort", "name", "--reverse"],
        ],
    )
    def test_it_takes_filters_selection(self, cli, cli_json, options):
        """The roles filter selects, in the same order (by salary unless --sort says)."""
        result = cli("chart", *options, "--json")
        chart = json.loads(result.stdout)
        assert (result.exit_code, result.stderr) == (EXIT_OK, "")
        sort = [] if "--sort" in options else ["--sort", "salary"]
        selected = [role["id"] for role in cli_json("filter", *options, *sort)]
        assert [role["id"] for role in chart["roles"]] == selected
        assert bool(chart["ticks"]) == bool(selected)


def _chart_at(columns: int) -> str:
    from typer.testing import CliRunner

    from conftest import PLAIN_ENV

    runner = CliRunner(env={**PLAIN_ENV, "COLUMNS": str(columns)})
    return runner.invoke(app, ["chart"], catch_exceptions=False).stdout
