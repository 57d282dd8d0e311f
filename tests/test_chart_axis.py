"""The chart's axis: every tick labelled, and never more ticks than the width can hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from techpay.core.models import MAX_SALARY
from techpay.render.axis import Scale, tick_labels
from techpay.render.bars import ASCII, UNICODE, axis

WIDTHS = [40, 60, 80, 100, 120]


def tick_columns(marks: str, tick: str) -> list[int]:
    return [column for column, glyph in enumerate(marks) if glyph == tick]


def label_spans(labels: str) -> list[tuple[int, int]]:
    """Where each label starts and ends (labels are separated by at least one space; the
    space inside ``EUR 120k`` is not a separator)."""
    labels = labels.replace("EUR ", "EUR_")
    spans: list[tuple[int, int]] = []
    start = None
    for column, char in enumerate(labels + " "):
        if char != " " and start is None:
            start = column
        elif char == " " and start is not None:
            spans.append((start, column))
            start = None
    return spans


def assert_every_tick_is_labelled(scale: Scale, glyphs: tuple[str, ...] = UNICODE) -> None:
    """One label per tick, each over its own tick's column, none touching the next."""
    marks, labels = axis(scale, glyphs)
    ticks = tick_columns(marks, glyphs[5])
    spans = label_spans(labels)
    assert len(ticks) == len(spans) >= 1, (marks, labels)
    for column, (start, end) in zip(ticks, spans, strict=True):
        assert start <= column < end, (marks, labels)


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_bundled_chart_labels_every_tick_at_each_width(cli, columns):
    """At 80 columns the axis once had 9 ticks and 7 labels; at 40, 5 and 3."""
    from typer.testing import CliRunner

    from conftest import PLAIN_ENV
    from techpay.cli import app

    runner = CliRunner(env={**PLAIN_ENV, "COLUMNS": str(columns)})
    lines = runner.invoke(app, ["chart"], catch_exceptions=False).stdout.splitlines()
    marks, labels = lines[-3], lines[-2]
    ticks = tick_columns(marks, "┬")
    spans = label_spans(labels)
    assert len(ticks) == len(spans) >= 3
    assert all(start <= column < end for column, (start, end) in zip(ticks, spans, strict=True))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("low", "high", "open_ended"),
    [
        (130_000, 175_000, False),  # a narrow band
        (160_000, 240_000, True),  # the article's open-ended top
        (1, MAX_SALARY, False),  # the whole allowed range
        (55_000, 56_000, False),  # almost nothing between
        (9_000_000, 12_000_000_000, False),  # yen-sized and beyond
        (100_000, 100_000, False),  # a single figure
    ],
)
def test_every_tick_is_labelled_for_these_ranges(width, low, high, open_ended):
    salaries = [{"min": low, "max": high, "open_ended": open_ended}]
    for currency in ("USD", "EUR"):
        assert_every_tick_is_labelled(Scale(salaries, width, currency))  # type: ignore[arg-type]


@settings(max_examples=examples(300), deadline=None)
@given(
    width=st.integers(min_value=20, max_value=200),
    low=st.integers(min_value=1, max_value=MAX_SALARY),
    spread=st.integers(min_value=0, max_value=MAX_SALARY),
    open_ended=st.booleans(),
    ascii_only=st.booleans(),
)
def test_any_range_at_any_width_gets_a_labelled_bounded_axis(
    width, low, spread, open_ended, ascii_only
):
    """Whatever the data: at least two ticks, each labelled, never more than half the width."""
    salaries = [{"min": low, "max": min(low + spread, MAX_SALARY), "open_ended": open_ended}]
    scale = Scale(salaries, width)  # type: ignore[arg-type]
    assert_every_tick_is_labelled(scale, ASCII if ascii_only else UNICODE)
    assert 2 <= len(tick_labels(scale)) <= width // 2


def test_the_tick_count_is_bounded_even_beyond_the_schema():
    """The scale never builds a tick per step of a huge span (1e14 once never finished)."""
    scale = Scale([{"min": 1, "max": 10**14, "open_ended": False}], 80)  # type: ignore[arg-type]
    assert len(scale.ticks()) <= 40
    assert_every_tick_is_labelled(scale)


def test_a_mistyped_huge_salary_is_refused_before_the_chart(cli, tmp_path):
    """max = 1e13 (a typo) is a data error naming the field, not a minute of drawing."""
    path = tmp_path / "typo.toml"
    path.write_text(
        '[[roles]]\nid = "typo"\ntitle = "Typo"\nsalary = { min = 100000, max = 10000000000000 }\n',
        encoding="utf-8",
    )
    result = cli("--data", str(path), "chart")
    assert result.exit_code == 1
    assert result.stderr == (
        f"techpay: {path}: role 'typo' -> salary.max: must be at most 10,000,000,000 a year"
        " (got 10000000000000)\n"
    )
