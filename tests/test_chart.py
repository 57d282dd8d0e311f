"""The salary chart, the range column of wide tables, and saving what was drawn."""

from __future__ import annotations

import pytest

from conftest import clean_env, run_in_process, run_techpay
from techpay.core.errors import EXIT_ERROR
from techpay.render.axis import Scale, short_money

TITLES = ["AI Research Scientist", "DevOps Engineer", "Data Scientist"]


@pytest.mark.parametrize("columns", ["100", "60", "40"])
def test_the_chart_fits_the_terminal(columns):
    result = run_in_process("chart", env=clean_env(COLUMNS=columns))
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert all(len(line) <= int(columns) for line in lines)
    assert len(lines) == 10 + 3  # ten bars, the axis, its labels, the legend
    assert "$" in lines[11]


def test_bars_sit_on_one_axis_with_the_midpoint_and_an_open_end():
    lines = run_in_process("chart", env=clean_env(COLUMNS="100")).stdout.decode().splitlines()
    research = next(line for line in lines if line.startswith("AI Research Scientist"))
    assert research.rstrip().endswith("▶")  # "$240,000+": runs off the end
    assert "●" in research
    devops = next(line for line in lines if line.startswith("DevOps Engineer"))
    assert "▶" not in devops
    # DevOps ($130,000-$175,000) starts left of, and ends before, AI Research ($160,000-...).
    assert devops.index("━") < research.index("━")
    assert devops.rstrip()[-1] != "▶"


def test_an_ascii_terminal_gets_an_ascii_chart():
    out = run_techpay("chart", env=clean_env(PYTHONIOENCODING="ascii", COLUMNS="80")).stdout
    assert max(out) < 128
    assert b"=o=" in out.replace(b"==", b"=")
    assert b">" in out


def test_the_scale_and_its_tick_labels():
    salaries = [{"min": 130_000, "max": 175_000, "open_ended": False}]
    scale = Scale(salaries, 50)  # type: ignore[arg-type]
    assert scale.low <= 130_000 < 175_000 <= scale.high
    assert scale.column(scale.low) == 0
    assert scale.column(scale.high) == 49
    assert short_money(150_000) == "$150k"
    assert short_money(1_200_000) == "$1.2m"


def test_selection_and_sort_options(cli):
    out = cli("chart", "--cluster", "leadership", "--sort", "rank").stdout
    lines = out.splitlines()
    assert lines[0].startswith("Software Engineering Manager")
    assert lines[1].startswith("AI Product Manager")
    assert len(lines) == 2 + 3


def test_wide_tables_get_a_range_column():
    wide = run_in_process("list", env=clean_env(COLUMNS="130")).stdout.decode()
    narrow = run_in_process("list", env=clean_env(COLUMNS="100")).stdout.decode()
    assert "Range" in wide.splitlines()[0]
    assert "Range" not in narrow.splitlines()[0]
    assert (
        "Range"
        in run_in_process("compare", "sre", "devops", env=clean_env(COLUMNS="130")).stdout.decode()
    )


class TestPictures:
    def test_chart_saves_an_svg_of_what_was_drawn(self, cli, tmp_path):
        path = tmp_path / "chart.svg"
        result = cli("chart", "--svg", str(path))
        assert result.exit_code == 0
        assert result.stderr == f"techpay: Saved {path}.\n"
        svg = path.read_text(encoding="utf-8")
        assert svg.startswith("<svg")
        assert "Research" in svg

    def test_show_and_compare_save_html_and_svg(self, cli, tmp_path):
        page, picture = tmp_path / "sre.html", tmp_path / "cmp.svg"
        assert cli("show", "sre", "--html", str(page)).exit_code == 0
        assert "Site Reliability Engineer" in page.read_text(encoding="utf-8")
        assert cli("compare", "sre", "devops", "--svg", str(picture)).exit_code == 0
        assert picture.read_text(encoding="utf-8").startswith("<svg")

    def test_an_existing_picture_is_kept_without_force(self, cli, tmp_path):
        path = tmp_path / "keep.svg"
        path.write_text("mine", encoding="utf-8")
        result = cli("chart", "--svg", str(path))
        assert (result.exit_code, result.stdout) == (EXIT_ERROR, "")
        assert result.stderr == f"techpay: {path} exists; add --force to overwrite it\n"
        assert path.read_text(encoding="utf-8") == "mine"
        assert cli("chart", "--svg", str(path), "--force").exit_code == 0
        assert path.read_text(encoding="utf-8").startswith("<svg")


class TestLimit:
    def test_limit_keeps_the_first_roles_drawn(self, cli_json):
        drawn = cli_json("chart", "--limit", "3")["roles"]
        assert [role["id"] for role in drawn] == [
            "ai-research-scientist", "software-engineering-manager", "cybersecurity-architect"
        ]  # fmt: skip

    def test_with_a_place_it_keeps_the_places_highest(self, cli_json):
        drawn = cli_json("chart", "-n", "1", "--in", "texas", "--sort", "official")["roles"]
        assert [role["id"] for role in drawn] == ["software-engineering-manager"]
