"""Large data files are parsed by compiled tomli when installed: the same documents and the
same errors, worded by tomllib, as every other file."""

from __future__ import annotations

import string
import tomllib

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from techpay.core import documents
from techpay.core.errors import DataError

PADDING = "# " + "x" * 78 + "\n"


def large(text: str) -> str:
    """The text, made large enough for the fast parser by comment lines after it."""
    lines = documents.LARGE_TOML_CHARACTERS // len(PADDING) + 1
    return text + PADDING * lines


def read(tmp_path, text: str):
    path = tmp_path / "large.toml"
    path.write_text(text, encoding="utf-8")
    return documents.read_document(str(path))


KEYS = st.text(string.ascii_letters + string.digits + "-_ é", min_size=1, max_size=8)
VALUES = st.recursive(
    st.one_of(
        st.text(max_size=12).filter(lambda text: "\x7f" not in text),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.booleans(),
        st.floats(allow_nan=False),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEYS, inner, max_size=3)),
    max_leaves=12,
)


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(document=st.dictionaries(KEYS, VALUES, max_size=5))
def test_a_large_file_reads_as_tomllib_reads_it(tmp_path, document):
    text = large(tomli_w.dumps(document))
    assert read(tmp_path, text) == tomllib.loads(text)


@pytest.mark.parametrize(
    "broken",
    ['a = "no end\n', "a = 1\na = 2\n", "[t]\nx = 1\n[t]\n", "a = [1,,2]\n", "a = 1979-13-01\n"],
)
def test_a_large_broken_file_is_reported_as_tomllib_reports_it(tmp_path, broken):
    with pytest.raises(tomllib.TOMLDecodeError) as expected:
        tomllib.loads(large(broken))
    with pytest.raises(DataError) as found:
        read(tmp_path, large(broken))
    (problem,) = found.value.problems
    assert f"{problem.message} (at line {problem.line}, column {problem.column})" == str(
        expected.value
    )


def test_a_large_file_nested_too_deep_is_one_problem(tmp_path):
    with pytest.raises(DataError, match="nested deeper than the parser allows"):
        read(tmp_path, large("a = " + "[" * 5000 + "]" * 5000 + "\n"))


def test_only_a_large_file_takes_the_fast_parser():
    assert documents._parsed_quickly("a = 1\n") is None
    assert documents._parsed_quickly(large("a = 1\n")) == {"a": 1}
    assert documents._parsed_quickly(large("a = \n")) is None  # tomllib then says why
