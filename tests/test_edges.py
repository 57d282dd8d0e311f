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
