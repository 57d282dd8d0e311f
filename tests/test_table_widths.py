"""Every table and view fits the terminal it is drawn in, from 40 to 120 columns.

A view gives way to a narrow terminal by dropping or wrapping its least important columns,
or by showing each row on its own, and never by splitting or truncating a word: an amount
of money or a skill tag always appears whole, exactly as it does when nothing has to wrap.
Output that is not a terminal carries no trailing spaces.
"""

from __future__ import annotations

import functools
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import PLAIN_ENV, clean_env, examples, run_techpay
from techpay.cli import app

WIDTHS = (40, 60, 80, 100, 120)
UNWRAPPED = 1000  # wide enough that nothing wraps: the source figures, whole
VIEWS = [
    ("list",),
    ("list", "--official"),
    ("list", "--in", "texas"),
    ("list", "--sort", "official", "--official", "--limit", "4"),
    ("filter", "--cluster", "ai"),
    ("filter", "--skill", "python", "--in", "CA"),
    ("show", "sre"),
    ("show", "ai-research-scientist"),
    ("show", "sre", "--in", "austin"),
    ("show", "em", "--in", "san jose"),
    ("compare", "sre", "devops"),
    ("compare", "mle", "ds", "ai-pm"),
    ("compare", "sre", "devops", "--official"),
    ("compare", "sre", "em", "--in", "seattle"),
    ("compare", "ai-researcher", "cyber", "blockchain", "--in", "texas", "--official"),
    ("match", "python", "sql", "docker", "kubernetes", "terraform", "aws"),
    ("match", "devops"),
    ("match", "cloud", "--in", "austin"),
    ("path", "devops", "sre"),
    ("path", "ds", "mle", "--in", "seattle"),
    ("skills",),
    ("skills", "--cluster", "cloud"),
    ("about",),
    ("where", "sre"),
    ("where", "em", "--metros"),
    ("where", "sre", "--in", "austin", "--in", "seattle", "--in", "san jose"),
    ("where", "sre", "--sort", "real"),
    ("where", "sre", "--sort", "take-home", "--metros"),
    ("where", "29-1022", "--sort", "real", "--in", "AL", "--in", "nyc", "--in", "PR"),
    ("occupations", "web"),
    ("occupations", "software"),
    ("occupation", "15-1252", "--in", "austin"),
    ("net", "165k", "--in", "austin", "--in", "san jose", "--in", "nyc"),
    ("net", "150k"),
    ("offer", "sre", "165k", "--in", "austin", "--in", "san jose"),
    ("occupation", "15-2011", "--in", "CA"),
    ("offer", "sre", "150k", "--in", "austin", "--in", "seattle", "--in", "san jose"),
    ("offer", "sre", "150k", "--in", "alaska", "--in", "guam"),
    ("offer", "27-2021", "200k", "--in", "CA"),
    ("map", "sre"),
    ("map", "27-2021", "--by", "p90"),
    ("map", "sre", "--by", "real"),
]
MONEY = re.compile(r"\$[0-9][0-9,.]*[km]?\+?")
GLYPHS = re.compile(r"[─━┄▶●┬╌◆]+")


@functools.cache
def draw(args: tuple[str, ...], width: int) -> str:
    """What techpay prints for ``args`` on a terminal ``width`` columns wide (piped)."""
    runner = CliRunner(env={**PLAIN_ENV, "COLUMNS": str(width)})
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def amounts(text: str) -> set[str]:
    """Every amount of money in ``text`` (without the punctuation of a sentence after it)."""
    return {found.rstrip(",.") for found in MONEY.findall(text)}


def words(text: str) -> set[str]:
    """Every word of ``text`` as written, rules and bars left out."""
    return {word for word in text.split() if not GLYPHS.fullmatch(word)}


@pytest.fixture(scope="module")
def unwrapped() -> dict[tuple[str, ...], str]:
    return {args: draw(args, UNWRAPPED) for args in VIEWS}


@pytest.fixture(scope="module")
def tags() -> set[str]:
    runner = CliRunner(env=PLAIN_ENV)
    listed = json.loads(runner.invoke(app, ["skills", "--json"]).stdout)["tags"]
    return {entry["tag"] for entry in listed}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
class TestEveryViewAtEveryWidth:
    def test_no_line_is_longer_than_the_width(self, args, width):
        """Each line fits the terminal, so none is cut off at its edge."""
        too_long = [line for line in draw(args, width).splitlines() if cell_len(line) > width]
        assert too_long == []

    def test_no_amount_of_money_is_split_or_truncated(self, args, width, unwrapped):
        """Every amount shown appears whole in the unwrapped view ($105,0… or a lone $ would
        not), and no dollar sign is left without its figure."""
        drawn = draw(args, width)
        assert amounts(drawn) <= amounts(unwrapped[args])
        assert not re.search(r"\$(?![0-9])", drawn)

    def test_no_word_is_split(self, args, width, unwrapped):
        """Lines break between words only: every word is one the unwrapped view has (not a
        lone comma, nor a word cut short with an ellipsis)."""
        drawn = words(draw(args, width))
        assert drawn - words(unwrapped[args]) == set()
        assert not any("…" in word for word in drawn)

    def test_no_tag_is_split(self, args, width, unwrapped, tags):
        """No piece of a skill tag (``infrastructure-as-c``, ``ode``) stands for the tag."""
        whole = {word.strip(",.;:()") for word in words(unwrapped[args])}
        pieces = {word.strip(",.;:()…") for word in words(draw(args, width))}
        fragments = {piece for piece in pieces - tags if any(piece in tag for tag in tags)}
        assert fragments - whole == set()

    def test_piped_output_has_no_trailing_spaces(self, args, width):
        """Rich pads cells with spaces; none reach the end of a line in a pipe."""
        assert [line for line in draw(args, width).splitlines() if line != line.rstrip()] == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", [("list",), ("list", "--official"), ("list", "--in", "texas")])
def test_list_keeps_every_salary_at_every_width(cli_json, args, width):
    """The salary ranges are what the table is for: whatever else goes, each role's min and
    max are shown, whole."""
    shown = amounts(draw(args, width))
    for role in cli_json("list"):
        salary = role["salary"]
        top = f"${salary['max']:,}" + ("+" if salary["open_ended"] else "")
        assert {f"${salary['min']:,}", top} <= shown, role["id"]


class TestHowTablesGiveWay:
    def test_list_drops_columns_before_cutting_titles_short(self):
        """At 80 columns list --official drops the midpoint, and titles take two lines at most."""
        drawn = draw(("list", "--official"), 80)
        assert "Midpoint" not in drawn
        assert "AI Research Scientist" in drawn
        assert "Machine Learning Engineer" in drawn

    def test_list_at_40_columns_shows_role_and_salary_range(self):
        header = draw(("list",), 40).splitlines()[0].split()
        assert header == ["Role", "Salary", "range"]

    def test_match_at_80_columns_keeps_tags_whole(self):
        """The example from the report: no ``infrastructure-as-c`` / ``ode``, no lone comma."""
        drawn = draw(("match", "python", "sql", "docker", "kubernetes", "terraform", "aws"), 80)
        assert "infrastructure-as-code" in drawn
        assert not [line for line in drawn.splitlines() if line.strip() == ","]

    def test_match_shows_each_role_as_a_record_when_columns_cannot_fit(self):
        drawn = draw(("match", "python", "sql"), 40)
        assert "Machine Learning Engineer\nCovered" in drawn
        assert "To learn" in drawn

    def test_related_roles_wrap_under_their_own_text(self):
        """A related role's line that wraps goes on indented, not at column 0."""
        lines = draw(("show", "sre"), 40).splitlines()
        related = lines[lines.index("Related roles (most shared skill tags)") + 1 :]
        assert related[0].startswith("- DevOps Engineer")
        assert all(line.startswith(("- ", "  ")) for line in related)

    def test_a_label_stays_with_its_figure(self):
        """The official distribution breaks between figures, never between 10th and $82,460."""
        drawn = draw(("show", "sre"), 40)
        for figure in ("10th $82,460", "median $135,980", "90th $214,670", "mean $148,100"):
            assert figure in drawn

    def test_compare_shows_one_role_after_the_other_when_side_by_side_cannot_fit(self):
        drawn = draw(("compare", "sre", "devops"), 40)
        assert "infrastructure-as-code" in drawn
        assert drawn.index("Site Reliability") < drawn.index("DevOps Engineer")

    def test_a_numbered_row_shown_as_a_record_says_what_it_numbers(self):
        lines = draw(("offer", "sre", "150k", "--stock", "400k"), 40).splitlines()
        assert "Year 1" in lines
        assert "Year 4" in lines
        assert "1" not in lines
        by_place = draw(
            ("offer", "sre", "150k", "--stock", "4k", "--in", "austin", "--in", "CA"), 40
        )
        assert "\n\n\n" not in by_place  # a record under an empty cell has no empty heading

    def test_a_record_has_no_label_without_a_value(self):
        drawn = draw(("offer", "sre", "165k", "--in", "austin", "--in", "san jose"), 60)
        matches = [line for line in drawn.splitlines() if line.startswith("Pay to match ")]
        assert matches == ["Pay to match   $165,000", "Pay to match   ~$252,400"]

    def test_net_shares_the_room_between_its_places(self):
        places = [word for place in ("austin", "san jose", "NY", "CA", "TX", "WA", "OR", "DC",
                                     "kansas city") for word in ("--in", place)]  # fmt: skip
        lines = draw(("net", "165k", *places), 200).splitlines()
        heading = lines[lines.index(next(line for line in lines if line.startswith("───"))) - 1]
        assert heading.endswith("Kansas City, MO-KS")  # on one line, not squeezed into three

    def test_compare_is_side_by_side_where_it_fits(self):
        header = draw(("compare", "sre", "devops"), 100).splitlines()[0]
        assert "Site Reliability Engineer" in header
        assert "DevOps Engineer" in header


@pytest.mark.parametrize(
    "args", [("list",), ("show", "sre"), ("compare", "sre", "devops"), ("where", "sre")]
)
def test_a_real_pipe_gets_no_trailing_spaces(args):
    """The installed command, its stdout a pipe: no line ends in a space."""
    result = run_techpay(*args, env=clean_env(COLUMNS="80"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines
    assert [line for line in lines if line != line.rstrip()] == []


@settings(max_examples=examples(60), deadline=None)
@given(args=st.sampled_from(VIEWS), width=st.integers(min_value=40, max_value=200))
def test_any_width_from_40_up(unwrapped, args, width):
    """Between the widths checked above too: lines fit, amounts and words stay whole."""
    drawn = draw(args, width)
    assert all(cell_len(line) <= width for line in drawn.splitlines())
    assert amounts(drawn) <= amounts(unwrapped[args])
    assert words(drawn) <= words(unwrapped[args])
    assert all(line == line.rstrip() for line in drawn.splitlines())


NARROW = (20, 30)
OFFERS = [args for args in VIEWS if args[0] == "offer"]


@pytest.mark.parametrize("width", NARROW)
@pytest.mark.parametrize("args", OFFERS, ids=" ".join)
class TestOffersOnTheNarrowestTerminals:
    """Below the table's least width each place is a block of its own; nothing is cut
    ("$23...", "~77...", "Californ..." at 20 and 30 columns were)."""

    def test_no_line_is_longer_than_the_width(self, args, width):
        assert [line for line in draw(args, width).splitlines() if cell_len(line) > width] == []

    def test_no_amount_or_word_is_cut(self, args, width):
        drawn, whole = draw(args, width), draw(args, UNWRAPPED)
        assert amounts(drawn) == amounts(whole)
        cut = words(drawn) - words(whole)  # only a word longer than the line is folded
        assert [piece for piece in cut if not longer_than(width, piece, whole)] == []
        assert "…" not in drawn


def longer_than(width: int, piece: str, whole: str) -> bool:
    return any(piece in word and cell_len(word) > width for word in words(whole))


def test_offer_keeps_the_difference_on_one_line_where_it_fits():
    """At 160 columns nothing needs to wrap: "inside +$2,500 +1.5%" is one line."""
    drawn = draw(("offer", "sre", "165k", "--in", "austin"), 160)
    assert "inside +$2,500 +1.5%" in drawn
    assert "inside +$5,000 +3.1%" in drawn


@pytest.mark.parametrize("width", NARROW)
def test_a_saved_map_is_drawn_at_the_width_it_needs(tmp_path, width):
    """On a terminal too narrow for the map, the picture is still the map, not the line
    that says how much room it needs."""
    picture = tmp_path / "map.svg"
    runner = CliRunner(env={**PLAIN_ENV, "COLUMNS": str(width)})
    result = runner.invoke(app, ["map", "sre", "--svg", str(picture)], catch_exceptions=False)
    assert "The map needs 32" in result.stdout
    saved = picture.read_text(encoding="utf-8")
    assert ("needs&#160;32" in saved, "Territories" in saved) == (False, True)


@pytest.mark.parametrize(
    ("args", "column", "said"),
    [
        (("list", "--in", "texas"), "Local median", "Local median:"),
        (("where", "sre"), "LQ", "LQ: location quotient"),
    ],
    ids=["list --in", "where"],
)
def test_footnotes_only_for_the_columns_shown(args, column, said):
    """A narrow terminal drops a column, and its footnote with it; a wide one keeps both."""
    narrow, wide = draw(args, 40), draw(args, 120)
    assert (column in narrow.splitlines()[0], said in narrow) == (False, False)
    assert (column in wide.splitlines()[0], said in " ".join(wide.split())) == (True, True)
