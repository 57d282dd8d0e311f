"""The start-up machinery run in this process: completion, the cache file's guards, and
the fast path's reading of the command line, case by case (the subprocess tests elsewhere
show the same behaviour end to end; these keep its every branch measured)."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from techpay.core.errors import CacheCorrupt
from techpay.start import cache, cachefile, commandline, dataentry, fast


def completion(words: str, cword: int, **env: str) -> tuple[int | None, str]:
    environ = {**os.environ, "_TECHPAY_COMPLETE": "complete_bash", "COMP_WORDS": words}
    environ |= {"COMP_CWORD": str(cword), **env}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = fast.complete(environ)
    return code, out.getvalue()


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("techpay show si", 2, "site-reliability-engineer\n"),
        ("techpay compare sre d", 3, "data-scientist\nds\ndevops-engineer\ndevops\n"),
        ("techpay path devops si", 3, "site-reliability-engineer\n"),
        ("techpay where si", 2, "site-reliability-engineer\n"),
        ("techpay --data", 1, None),  # the cursor is on an option
        ("techpay show --js", 2, None),
        ("techpay show sre x", 3, None),  # show takes one role
        ("techpay match py", 2, None),  # skills: the full CLI completes them
        ("techpay list --in a", 3, None),  # option values too
        ("techpay 'show' si", 2, None),  # quoting: Typer's splitter reads it
        ("techpay show si", 7, None),  # a cursor past the end
        ("techpay nosuch si", 2, None),
    ],
)
def test_completion_of_role_arguments(words, cword, expected):
    code, printed = completion(words, cword)
    assert (code, printed or None) == ((0, expected) if expected else (None, None))


def test_completion_needs_bash_and_a_cursor():
    assert fast.complete({"_TECHPAY_COMPLETE": "complete_zsh"}) is None
    assert completion("techpay show si", 2, COMP_CWORD="x") == (None, "")


def test_completion_of_a_line_ending_in_a_space_lists_every_name():
    code, printed = completion("techpay show ", 2)
    assert code == 0
    assert "site-reliability-engineer" in printed.split()


def test_completion_with_data_that_cannot_be_read_is_left_to_typer(tmp_path):
    missing = str(tmp_path / "missing.toml")
    assert completion(f"techpay --data {missing} show s", 4) == (None, "")


@pytest.mark.parametrize(
    ("argv", "path", "values"),
    [
        (["list"], "list", {"sort": "rank", "limit": None, "json_output": False}),
        (["list", "-s", "name", "-n", "2"], "list", {"sort": "name", "limit": 2}),
        (["list", "--sort=min", "--sort", "max"], "list", {"sort": "max"}),
        (["where", "sre", "--metros", "--states"], "where", {"metros": False, "role": "sre"}),
        (["compare", "sre", "--", "-x"], "compare", {"roles": ["sre", "-x"]}),
        (["occupations"], "occupations", {"words": None}),
        (["filter", "-k", "python", "-k", "sql"], "filter", {"skill": ["python", "sql"]}),
        (["filter", "--min-salary", "150k"], "filter", {"min_salary": 150_000}),
        (["-d", "a.toml", "list", "--data", "b.toml"], "list", {"data_file": ["a.toml", "b.toml"]}),
        (["official", "status"], "official status", {"json_output": False}),
        (["init"], "init", {"path": None, "offers": False}),
        (["init", "--offers"], "init", {"path": None, "offers": True}),
    ],
)
def test_the_fast_path_reads_a_line_as_typer_would(argv, path, values):
    request = commandline.parse(argv)
    assert request is not None
    assert request.path == path
    assert {name: request.values[name] for name in values} == values


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--no-such"],
        ["official"],
        ["official", "import", "x"],
        ["list", "--limit"],
        ["list", "--json=1"],
        ["list", "--limit", "x"],
        ["where", "sre", "--top", "1001"],
        ["filter", "--min-salary", "lots"],
        ["path", "devops"],
        ["show", "a", "b"],
    ],
)
def test_what_the_fast_path_will_not_read(argv):
    assert commandline.parse(argv) is None


def test_a_kind_of_value_the_fast_path_does_not_know_is_refused():
    assert commandline._value("0.5", {"kind": "float"}) is commandline._INVALID


def entry_file(tmp_path, blobs=None, key=b"key"):
    path = tmp_path / "entry"
    cachefile.store(str(path), key, blobs or {"names": b"abc", "json": b"[]"})
    return path


def test_an_entry_reads_back_what_was_stored(tmp_path):
    found = cachefile.open_entry(str(entry_file(tmp_path)), b"key")
    assert found is not None
    entry = cache.Entry(*found)
    assert bytes(entry.raw("names")) == b"abc"
    with pytest.raises(CacheCorrupt):
        entry.raw("nosuch")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # cut short: a section runs past the end
        lambda data: b"x" * len(data),  # not an entry at all
        lambda data: data[:20],  # the header alone, cut
        lambda data: data[:30] + bytes([data[30] ^ 1]) + data[31:],  # the table changed
    ],
)
def test_a_damaged_entry_is_not_opened(tmp_path, damage):
    path = entry_file(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    found = cachefile.open_entry(str(path), b"key")
    if found is not None:  # the damage was inside a section: its checksum tells
        with pytest.raises(CacheCorrupt):
            cache.Entry(*found).raw("names")


def test_another_key_a_folder_or_a_fifo_is_a_miss(tmp_path):
    path = entry_file(tmp_path)
    assert cachefile.open_entry(str(path), b"other") is None
    assert cachefile.open_entry(str(tmp_path), b"key") is None
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert cachefile.open_entry(str(fifo), b"key") is None
    assert cachefile.open_entry(str(tmp_path / "missing"), b"key") is None


def test_a_table_row_out_of_the_file_is_refused():
    row = bytes([1]) + b"n" + (10**6).to_bytes(8, "little") + (5).to_bytes(8, "little")
    assert cachefile._parse_table(row + bytes(4), 0, 100) is None
    assert cachefile._parse_table(row[:5], 0, 100) is None


def test_storing_where_nothing_can_be_written_is_harmless(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cachefile.store(str(blocked / "entry"), b"key", {"names": b"abc"})  # no error
    assert blocked.read_text() == "not a folder"


def test_a_marshalled_section_that_does_not_decode_is_corrupt():
    entry = cache.Entry.in_memory({"record": b"\xff not marshal"})
    with pytest.raises(CacheCorrupt):
        entry.section("record")


def test_a_damaged_entry_is_built_again_once():
    """A section found damaged while a command runs: the command runs again on data
    loaded afresh, and a second failure is reported, not retried for ever."""
    from techpay.commands.handlers import Data, run

    seen = []

    def handler(data, **params):
        seen.append(data._rebuild)
        if len(seen) < 3:
            raise CacheCorrupt("damaged")
        return 3

    with pytest.raises(CacheCorrupt):
        run(handler, Data([], True, dataentry.entry_for), {})
    assert seen == [False, True]
    assert run(handler, Data([], True, dataentry.entry_for), {}) == 3


def test_a_section_damaged_on_disk_is_rebuilt_by_load_catalog():
    from techpay.core.dataset import layer_paths

    dataentry.entry_for([])  # written to the tests' private cache directory
    layers = layer_paths([], bundled=True)
    path = cache.entry_path(cache.directory(), "data", layers)
    found = cachefile.open_entry(path, cache.encoded_key(cache.key(dataentry.data_inputs(layers))))
    assert found is not None, "the entry was written"
    offset, length, _ = found[1]["record"]
    found[0].close()
    with open(path, "r+b") as stream:  # one byte of the record changed: its CRC tells
        stream.seek(offset + length // 2)
        byte = stream.read(1)
        stream.seek(offset + length // 2)
        stream.write(bytes([byte[0] ^ 0xFF]))
    assert dataentry.load_catalog([]).resolve("sre")["id"] == "site-reliability-engineer"


def test_a_bundle_entry_that_cannot_be_read_means_hashing_again(monkeypatch):
    monkeypatch.setattr(cache, "read", lambda *args, **kwargs: cache.Entry(None, {}))
    assert cache._verified_before("bundle.sqlite", "0" * 64) is False


def test_help_cached_with_another_typer_or_rich_is_not_shown(monkeypatch, tmp_path):
    """An upgrade of Typer or Rich rewrites their files: help cached before is not used."""
    import techpay.cli

    marker = tmp_path / "__init__.py"
    marker.write_text("1")
    monkeypatch.setattr(fast, "_framework_files", lambda: [str(marker)])
    calls = []
    full = techpay.cli.run
    monkeypatch.setattr(techpay.cli, "run", lambda argv: calls.append(argv) or full(argv))
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet):
        fast.help_text(["list", "--help"])
        fast.help_text(["list", "--help"])
        assert calls == [["list", "--help"]]  # the second from the cache
        marker.write_text("22")  # "upgraded"
        fast.help_text(["list", "--help"])
    assert calls == [["list", "--help"]] * 2


def test_the_framework_files_are_typers_and_richs():
    found = [Path(path) for path in fast._framework_files()]
    assert [path.parent.name for path in found] == ["typer", "rich"]


def test_a_relative_xdg_folder_is_ignored(monkeypatch):
    from techpay.official import store

    monkeypatch.setenv("HOME", "/home/someone")
    assert cache.directory({"XDG_CACHE_HOME": "relative/dir", "HOME": "/home/someone"}) == (
        os.path.join(os.path.expanduser("~"), ".cache", "techpay")
    )
    assert store.data_directory({"XDG_DATA_HOME": "relative"}) == os.path.join(
        os.path.expanduser("~"), ".local", "share", "techpay"
    )
