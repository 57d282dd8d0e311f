"""Whatever a data file says is shown literally: in messages, on stderr, in exports to a
terminal; Markdown rows stay rows and SVG stays XML."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import clean_env, examples, run_in_process, run_techpay, techpay_command
from techpay.render.export import markdown_text

# Sequences a terminal would act on: colour (CSI), retitle or clipboard (OSC ended by BEL),
# the 8-bit CSI, a carriage return that rewrites the line, a bidi override that reorders it.
SEQUENCES = {
    "csi": "\x1b[31m",
    "osc": "\x1b]0;owned\x07",
    "c1-csi": "\x9b31m",
    "cr": "\r",
    "bidi": "\u202e",
}
SHOWN_AS = {
    "\x1b[31m": b"\\x1b[31m",
    "\x1b]0;owned\x07": b"\\x1b]0;owned\\x07",
    "\x9b31m": b"\\x9b31m",
    "\r": b"\\r",
    "\u202e": b"\\u202e",
}
RAW = [raw.encode() for raw in ("\x1b", "\x07", "\x9b", "\r", "\u202e")]


def acts_on_terminal(output: bytes) -> list[bytes]:
    """The raw control bytes in ``output`` (a terminal's own CR before LF aside)."""
    return [raw for raw in RAW if raw in output.replace(b"\r\n", b"\n")]


def role(**fields: object) -> dict[str, object]:
    return {"id": "quantum-engineer", "title": "Q", "salary": {"min": 1, "max": 2}, **fields}


def data_file(tmp_path, document: dict[str, object]) -> str:
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("sequence", SEQUENCES.values(), ids=SEQUENCES.keys())
class TestMessages:
    """Messages quote data from files with its control characters written out."""

    def test_suggestions_built_from_titles(self, tmp_path, sequence):
        document = {"roles": [role(id="q", title=f"Quantum{sequence}X Engineer")]}
        result = run_in_process(
            "--no-bundled", "--data", data_file(tmp_path, document), "show", "quantum-enginer"
        )
        assert result.returncode == 1
        assert b"did you mean quantum" in result.stderr
        assert acts_on_terminal(result.stderr) == []
        if not sequence.isspace():  # names are normalised: white space joins words
            assert SHOWN_AS[sequence] in result.stderr

    @pytest.mark.parametrize(
        "document",
        [
            pytest.param({"roles": [role(**{"note{}": 1})]}, id="unknown-key"),
            pytest.param({"clusters": {"x{}": "X"}, "roles": [role()]}, id="clusters-key"),
            pytest.param({"synonyms": {"x{}": "y"}, "roles": [role()]}, id="synonyms-key"),
            pytest.param({"roles": [role(id="#{}")]}, id="id-starting-with-hash"),
            pytest.param({"roles": [role(rank="{}")]}, id="value"),
        ],
    )
    def test_field_paths_and_key_names(self, tmp_path, sequence, document):
        text = json.dumps(document).replace("{}", json.dumps(sequence)[1:-1])
        path = data_file(tmp_path, json.loads(text))
        checked = run_in_process("--no-bundled", "validate", path)
        used = run_in_process("--no-bundled", "--data", path, "list")
        assert (checked.returncode, used.returncode) == (1, 1)
        for output in (checked.stdout, used.stderr):
            assert acts_on_terminal(output) == []
            assert len(output.splitlines()) == 1
            if not sequence.isspace():  # a tag is normalised: white space joins words
                assert SHOWN_AS[sequence] in output


def on_terminal(*args: str) -> bytes:
    """What ``techpay ARGS`` writes to stdout when stdout is a terminal."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*techpay_command(), *args], stdout=follower, stderr=subprocess.DEVNULL, env=clean_env()
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal has no writer left
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return output.replace(b"\r\n", b"\n")


HOSTILE_TEXT = "".join(SEQUENCES.values()) + " \x00 \x7f \u2028 | \\ done"


class TestExports:
    """Exports show data literally on a terminal, and keep it exactly in files and pipes."""

    @pytest.fixture
    def hostile(self, tmp_path):
        document = {"roles": [role(title=f"T {HOSTILE_TEXT}", summary=HOSTILE_TEXT)]}
        return data_file(tmp_path, document)

    @pytest.mark.parametrize("output_format", ["csv", "markdown", "toml", "json"])
    def test_a_terminal_sees_escapes(self, hostile, output_format):
        shown = on_terminal("--no-bundled", "--data", hostile, "export", "-f", output_format)
        assert b"done" in shown
        assert acts_on_terminal(shown) == []
        assert b"\x00" not in shown

    def test_toml_on_a_terminal_is_still_the_same_data(self, hostile, tmp_path):
        shown = on_terminal("--no-bundled", "--data", hostile, "export")
        saved = tmp_path / "saved.toml"
        run_techpay("--no-bundled", "--data", hostile, "export", "-o", str(saved))
        assert tomllib.loads(shown.decode()) == tomllib.loads(saved.read_text(encoding="utf-8"))
        assert tomllib.loads(shown.decode())["roles"][0]["summary"] == HOSTILE_TEXT

    @pytest.mark.parametrize("output_format", ["csv", "toml"])
    def test_files_and_pipes_keep_the_data_exactly(self, hostile, tmp_path, output_format):
        saved = tmp_path / f"saved.{output_format}"
        args = ["--no-bundled", "--data", hostile, "export", "-f", output_format]
        run_techpay(*args, "-o", str(saved))
        piped = run_techpay(*args).stdout
        assert saved.read_bytes() == piped
        if output_format == "csv":
            assert HOSTILE_TEXT.replace("\r", "").encode() in piped.replace(b"\r", b"")
            assert b"\x1b[31m" in piped
        else:
            assert tomllib.loads(piped.decode())["roles"][0]["summary"] == HOSTILE_TEXT


@pytest.mark.parametrize("text", ["a\u2028b", "a\u2029b", "\u202eevil", "a\x85b", "\x9b31m"])
def test_plain_records_stay_one_line_of_literal_text(cli, tmp_path, text):
    """``--plain`` escapes every line boundary and control character, not only C0 ones."""
    path = data_file(tmp_path, {"roles": [role(title=text)]})
    out = cli("--no-bundled", "--data", path, "list", "--no-header").stdout
    assert len(out.splitlines()) == 1
    assert acts_on_terminal(out.encode()) == []
    assert not any(c in out for c in "\u2028\u2029\x85")


LINE_BREAKS = ["\r", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"]


class TestMarkdown:
    """A Markdown table keeps one row per role, whatever the titles hold."""

    @pytest.mark.parametrize("line_break", LINE_BREAKS)
    def test_a_line_break_in_a_title_does_not_split_the_row(self, tmp_path, line_break):
        roles = [role(title=f"Split{line_break}Title"), role(id="other", title="Other")]
        path = data_file(tmp_path, {"roles": roles})
        saved = tmp_path / "roles.md"
        run_techpay("--no-bundled", "--data", path, "export", "-f", "markdown", "-o", str(saved))
        piped = run_techpay("--no-bundled", "--data", path, "export", "-f", "markdown")
        for text in (saved.read_text(encoding="utf-8"), piped.stdout.decode()):
            assert len(text.splitlines()) == 4
            assert "| Split Title |" in text

    def test_control_characters_are_escaped_even_when_piped(self, cli, tmp_path):
        """A Markdown table is for people: ESC, BEL, NUL, DEL and the 8-bit CSI in a title
        are written as escapes, their backslash doubled as Markdown wants, in a file and a pipe."""
        title = "T \x1b[31m red \x1b]0;owned\x07 \x00 \x7f \x9b31m done"
        path = data_file(tmp_path, {"roles": [role(title=title, rank=1)]})
        args = ["--no-bundled", "--data", path, "export", "-f", "markdown"]
        saved = tmp_path / "roles.md"
        assert cli(*args, "-o", str(saved)).exit_code == 0
        for text in (cli(*args).stdout, saved.read_text(encoding="utf-8")):
            row = text.splitlines()[2]
            assert row.startswith(
                "| 1 | T \\\\x1b[31m red \\\\x1b]0;owned\\\\x07 \\\\x00 \\\\x7f"
                " \\\\x9b31m done | 1 - 2 |"
            )
            assert not any(chr(code) in text for code in [*range(0x20), 0x7F, 0x9B] if code != 10)

    @settings(max_examples=examples(200))
    @given(titles=st.lists(st.text(min_size=1), min_size=1, max_size=4))
    def test_every_role_is_one_row_of_the_same_width(self, titles):
        records = [
            {
                "rank": None,
                "title": title,
                "clusters": [],
                "skills": [],
                "responsibility_tags": {},
                "salary": {"min": 1, "max": 2, "open_ended": False},
            }
            for title in titles
        ]
        lines = markdown_text(records, [[]] * len(titles)).splitlines()  # type: ignore[arg-type]
        assert len(lines) == len(titles) + 2
        unescaped_pipes = [line.replace("\\\\", "").replace("\\|", "").count("|") for line in lines]
        assert set(unescaped_pipes) == {7}


class TestSvg:
    """Saved pictures are well-formed XML whatever the titles contain."""

    @settings(
        max_examples=examples(40),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(title=st.text(min_size=1, max_size=30))
    @example(title="not\ufffea character")
    @example(title="\uffff")
    @example(title="<b>&amp; ]]> \x00\x1b[31m \x9b\r\n\t\u202e")
    def test_show_and_chart_save_well_formed_svg(self, cli, tmp_path, title):
        assume(title.strip())
        path = tmp_path / "roles.json"
        path.write_text(json.dumps({"roles": [role(title=title)]}), encoding="utf-8")
        picture = tmp_path / "picture.svg"
        for command in (["show", "quantum-engineer"], ["chart"]):
            args = ["--no-bundled", "--data", str(path), *command, "--svg", str(picture)]
            result = cli(*args, "--force")
            if result.exit_code == 1:  # a title that is not text (a lone surrogate) is refused
                assert "must be valid Unicode text" in result.stderr
                return
            assert result.exit_code == 0, result.stderr
            ElementTree.parse(picture)


@given(text=st.text())
def test_literal_text_leaves_nothing_a_terminal_acts_on(text):
    """Shown literally, text holds no control character, and text without any is unchanged."""
    from techpay.core.errors import literal_text

    shown = literal_text(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert not any(c in shown for c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\ufffe\uffff")
    if all(c.isprintable() for c in text):
        assert shown == text


def _escaped_one_by_one(text: str, keep: str, unicode_escapes: bool) -> str:
    """literal_text as its rule says, a character at a time."""
    from techpay.core.errors import _UNSAFE_RANGES, _escape

    return "".join(
        _escape(ord(character), unicode_escapes)
        if any(low <= ord(character) <= high for low, high in _UNSAFE_RANGES)
        and character not in keep
        else character
        for character in text
    )


@given(text=st.text(), keep=st.sampled_from(["", "\n", "\n\t"]), unicode_escapes=st.booleans())
def test_the_table_filled_as_characters_come_escapes_as_the_rule_says(text, keep, unicode_escapes):
    from techpay.core.errors import literal_text

    expected = _escaped_one_by_one(text, keep, unicode_escapes)
    assert literal_text(text, keep, unicode_escapes=unicode_escapes) == expected
