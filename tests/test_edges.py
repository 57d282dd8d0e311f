"""The edges of the command line: a group named without its command, amounts that look
like options, amounts too long to be money. Both the full CLI and the fast path answer the
same, in one line."""

from __future__ import annotations

import pytest

from conftest import clean_env, run_techpay
from techpay.core.errors import EXIT_OK, EXIT_USAGE

HUGE = "9" * 5000


def test_a_group_without_its_command_prints_its_help_like_techpay_does(cli):
    result = cli("official")
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("Usage: techpay official [OPTIONS] COMMAND [ARGS]...\n")
    assert "  status  " in result.stdout
    assert "\\n" not in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("amount", "shown"),
    [("-150k", "'-150k'"), ("-1", "'-1'"), ("-inf", "'-inf'"), ("-$150,000", "'-$150,000'")],
)
def test_an_amount_that_looks_negative_gets_the_amount_message(cli, amount, shown):
    result = cli("offer", "sre", amount)
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        f"techpay: {shown} is negative; salaries are positive amounts"
        " (see 'techpay offer --help')\n"
    )


def test_an_unknown_option_is_still_one(cli):
    result = cli("offer", "sre", "-Z")
    assert result.stderr == "techpay: No such option: -Z (see 'techpay offer --help')\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["offer", "sre", HUGE],
        ["offer", "sre", HUGE, "--hourly"],
        ["filter", "--min-salary", HUGE],
    ],
)
def test_an_amount_thousands_of_digits_long_is_too_large_in_a_short_line(cli, argv):
    result = cli(*argv)
    assert result.exit_code == EXIT_USAGE
    assert "'999999999999'... (5,000 characters) is too large an amount; check it" in (
        result.stderr
    )
    assert len(result.stderr) < 200
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [["official"], ["offer", "sre", "-150k"], ["offer", "sre", HUGE, "--hourly"]],
)
def test_the_fast_path_answers_the_same(argv):
    fast = run_techpay(*argv)
    full = run_techpay(*argv, env=clean_env(TECHPAY_NO_FAST="1"))
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        full.returncode, full.stdout, full.stderr
    )  # fmt: skip


@pytest.mark.parametrize(("less", "seen"), [(None, "FRX"), ("-S", "-S")])
def test_the_pager_gets_less_frx_unless_less_is_set(tmp_path, less, seen):
    """``--pager`` on a terminal: $PAGER sees LESS=FRX (colours, quit when the page fits,
    keep the screen), as git sets it; a LESS the user set is left alone."""
    import os
    import subprocess

    from conftest import techpay_command

    told = tmp_path / "less.txt"
    pager = f"sh -c 'printf %s \"$LESS\" > {told}; cat > /dev/null'"
    primary, secondary = os.openpty()
    try:
        subprocess.run(
            [*techpay_command(), "--pager", "show", "sre"],
            stdin=secondary,
            stdout=secondary,
            stderr=subprocess.DEVNULL,
            env=clean_env(PAGER=pager, MANPAGER=None, LESS=less, TERM="xterm"),
            timeout=60,
            check=False,
        )
    finally:
        os.close(secondary)
        os.close(primary)
    assert told.read_text() == seen


def test_help_explains_a_command_of_a_group(cli):
    result = cli("help", "official", "reset")
    assert result.exit_code == EXIT_OK
    assert result.stdout == cli("official", "reset", "--help").stdout


def test_help_json_prints_the_readmes_json_section(cli):
    """What --json prints is documented wherever pip put techpay: the README is the
    package's description, and 'techpay help json' prints its JSON section."""
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## JSON output\n") : readme.index("\n## ", readme.index(
        "## JSON output\n"))]  # fmt: skip
    result = cli("help", "json")
    assert result.exit_code == EXIT_OK
    assert result.stdout == section.rstrip() + "\n"
    assert "'techpay help json' says what is in it" in " ".join(
        cli("list", "--help").stdout.split()
    )


def test_the_commands_summaries_are_whole_sentences(cli):
    """No summary in 'techpay --help' is cut short with '...' at 80 columns."""
    listing = cli("--help").stdout.split("Commands:")[1].split("Examples:")[0]
    assert "..." not in listing
    assert "official     Keep the official figures (BLS OEWS) current." in listing


def test_the_overview_names_the_official_figures(cli):
    overview = " ".join(cli("--help").stdout.split())
    assert "the official wage statistics (BLS OEWS, May 2025)" in overview


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "sre", "--svg", "x.svg", "--json"], "--svg saves what is drawn, and --json"
                                                       " draws nothing"),
        (["compare", "sre", "devops", "--plain", "--html", "x.html"], "--html saves what is"
                                                                       " drawn, and --plain"
                                                                       " draws nothing"),
        (["chart", "--svg", "-"], "--svg writes a file; name one (--svg picture.svg)"),
        (["map", "sre", "--html", "-"], "--html writes a file; name one (--html"
                                        " picture.html)"),
    ],
)  # fmt: skip
def test_a_picture_of_nothing_drawn_or_to_stdout_is_refused(cli, tmp_path, monkeypatch, argv,
                                                            message):  # fmt: skip
    monkeypatch.chdir(tmp_path)
    result = cli(*argv)
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(f"techpay: {message} (see 'techpay {argv[0]} --help')")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--sort", "Salary"],
        ["where", "sre", "--sort", "MEDIAN"],
        ["occupations", "web", "--sort", "Employment"],
        ["map", "sre", "--by", "P90"],
    ],
)
def test_a_choice_is_read_in_any_case(cli, argv):
    lowered = [word.lower() for word in argv]
    assert cli(*argv, "--json").stdout == cli(*lowered, "--json").stdout
    result = run_techpay(*argv, "--json")  # the fast path reads it alike
    assert result.returncode == 0
    assert result.stdout.decode() == cli(*lowered, "--json").stdout


def test_every_choice_of_the_command_line_is_read_in_any_case():
    """The fast path reads every choice without regard to case; so must Typer."""
    import typing

    from typer.main import get_command

    from techpay.cli import app

    def walk(command):
        yield command
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    for command in walk(get_command(app)):
        for param in command.params:
            info = getattr(param, "type_descriptor", None)
            annotation = getattr(info, "annotation", None)
            if typing.get_origin(annotation) is list:
                (annotation,) = typing.get_args(annotation)
            if typing.get_origin(annotation) is typing.Literal:
                assert info.parameter_info.case_sensitive is False, (command.name, param.name)


def test_where_sorts_by_the_10th_percentile_as_map_measures_it(cli_json):
    places = cli_json("where", "sre", "--sort", "p10")["places"]
    lows = [place["annual_wages"]["p10"] for place in places]
    assert lows == sorted(lows, reverse=True)
    assert places[0]["area"]["name"] == "California"  # $105,060


@pytest.mark.parametrize(
    ("argv", "places"),
    [
        (["offer", "sre", "150k", "--in", "sf", "--in", "sf"],
         ["United States", "San Francisco-Oakland-Fremont, CA"]),
        (["offer", "sre", "150k", "--in", "us", "--in", "CA", "--in", "california"],
         ["United States", "California"]),
        (["where", "sre", "--in", "CA", "--in", "california", "--in", "us"],
         ["California", "United States"]),
    ],
)  # fmt: skip
def test_a_place_named_twice_is_one_place(cli, argv, places):
    lines = cli(*argv, "--plain").stdout.splitlines()[1:]
    assert [line.split("\t")[1] for line in lines] == places


@pytest.mark.parametrize("command", ["list", "filter", "chart"])
def test_list_filter_and_chart_keep_the_first_n_roles(cli_json, command):
    """One --limit, declared once, on every command that lists roles."""
    everything = cli_json(command, "--sort", "salary")
    first = cli_json(command, "--sort", "salary", "--limit", "2")
    roles = everything["roles"] if command == "chart" else everything
    kept = first["roles"] if command == "chart" else first
    assert [role["id"] for role in kept] == [role["id"] for role in roles[:2]]
