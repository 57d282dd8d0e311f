"""The cache is never stale, survives damage, and never changes what techpay prints."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import time
from pathlib import Path

import pytest

from conftest import clean_env, run_techpay, techpay_command, within_memory
from techpay.core import dataset
from techpay.core.dataset import layer_paths
from techpay.start import cache, cachefile, dataentry

ROLE = (
    '[[roles]]\nid = "platform-engineer"\ntitle = "Platform Engineer"\n'
    "salary = {{ min = {low}, max = 180000 }}\n"
)


@pytest.fixture
def cache_home(tmp_path):
    """A private cache directory for real runs of the command."""
    return tmp_path / "cache"


def techpay(cache_home: Path, *args: str, **env: str):
    return run_techpay(*args, env=clean_env(XDG_CACHE_HOME=str(cache_home), **env))


def entries(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "techpay").glob("data-*"))


def test_a_run_leaves_one_entry_and_no_temporary_files(cache_home):
    assert techpay(cache_home, "list", "--json").returncode == 0
    assert len(entries(cache_home)) == 1
    assert [p.name for p in (cache_home / "techpay").iterdir() if p.name.startswith(".")] == []


def test_an_edited_data_file_is_never_served_stale(cache_home, tmp_path):
    data = tmp_path / "mine.toml"
    data.write_text(ROLE.format(low=135000), encoding="utf-8")
    first = techpay(cache_home, "--data", str(data), "show", "platform", "--json")
    assert json.loads(first.stdout)["salary"]["min"] == 135_000
    data.write_text(ROLE.format(low=145000), encoding="utf-8")  # same size, new content
    second = techpay(cache_home, "--data", str(data), "show", "platform", "--json")
    assert json.loads(second.stdout)["salary"]["min"] == 145_000


def test_invalid_data_is_reported_exactly_as_without_the_cache(cache_home, tmp_path):
    data = tmp_path / "bad.toml"
    data.write_text(ROLE.format(low=-1), encoding="utf-8")
    without = techpay(cache_home, "--data", str(data), "list", "--json", TECHPAY_NO_CACHE="1")
    for _ in range(2):  # and again, in case anything had been cached
        with_cache = techpay(cache_home, "--data", str(data), "list", "--json")
        assert (with_cache.returncode, with_cache.stdout, with_cache.stderr) == (
            without.returncode,
            without.stdout,
            without.stderr,
        )
    assert without.returncode == 1
    assert b"salary.min: must be more than 0" in without.stderr
    assert not any("bad" in str(p) for p in entries(cache_home))


def test_no_cache_means_no_files(cache_home):
    result = techpay(cache_home, "list", "--json", TECHPAY_NO_CACHE="1")
    assert result.returncode == 0
    assert not cache_home.exists()


def test_another_version_or_code_is_a_miss(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    layers = layer_paths([])
    dataentry.entry_for([])
    assert cache.read("data", dataentry.data_inputs(layers), layers) is not None
    monkeypatch.setattr(cache, "__version__", "999.0")
    assert cache.read("data", dataentry.data_inputs(layers), layers) is None
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "_code_stamp", lambda: (("models.py", 1, 2),))
    assert cache.read("data", dataentry.data_inputs(layers), layers) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty"])
def test_a_damaged_entry_is_ignored_and_rebuilt(cache_home, damage, monkeypatch):
    expected = techpay(cache_home, "list", "--json", TECHPAY_NO_CACHE="1").stdout
    techpay(cache_home, "list", "--json")
    (entry,) = entries(cache_home)
    content = entry.read_bytes()
    entry.write_bytes(
        {
            "garbage": b"\x00not a cache\xff" * 50,
            "truncated": content[: len(content) // 2],
            "flipped": content[:-40] + bytes([content[-40] ^ 0xFF]) + content[-39:],
            "empty": b"",
        }[damage]
    )
    for command in (["list", "--json"], ["list"], ["show", "sre", "--json"]):
        result = techpay(cache_home, *command)
        assert result.returncode == 0
        assert result.stderr == b""
    assert techpay(cache_home, "list", "--json").stdout == expected
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    layers = layer_paths([])
    rebuilt = dataentry.cached(layers)  # the entry was written again, whole
    assert rebuilt is not None
    assert len(rebuilt.record()["roles"]) == 10


def test_an_unwritable_cache_directory_is_harmless(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    result = techpay(blocker, "list", "--json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 10
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_concurrent_writers_leave_a_good_entry(cache_home):
    env = clean_env(XDG_CACHE_HOME=str(cache_home))
    processes = [
        subprocess.Popen([*techpay_command(), "list", "--json"], stdout=subprocess.PIPE, env=env)
        for _ in range(8)
    ]
    outputs = {process.communicate(timeout=120)[0] for process in processes}
    assert len(outputs) == 1
    assert len(json.loads(outputs.pop())) == 10
    assert len(entries(cache_home)) == 1
    assert not [p for p in (cache_home / "techpay").iterdir() if p.name.endswith(".tmp")]
    warm = techpay(cache_home, "list", "--json")
    assert warm.returncode == 0


def test_the_cache_lives_in_the_xdg_cache_directory(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == os.path.join(str(tmp_path), "techpay")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.directory() == os.path.join(str(tmp_path), ".cache", "techpay")
    monkeypatch.setenv("TECHPAY_NO_CACHE", "1")
    assert cache.directory() is None


def test_damage_only_the_fast_path_reads_is_repaired_by_it(cache_home, monkeypatch):
    """A damaged role-JSON section is rebuilt on the spot, not worked around forever."""
    techpay(cache_home, "list", "--json")
    (entry,) = entries(cache_home)
    content = bytearray(entry.read_bytes())
    content[content.index(b'"id": "site-reliability-engineer"') + 8] ^= 0x01  # in the JSON
    entry.write_bytes(bytes(content))
    assert json.loads(techpay(cache_home, "list", "--json").stdout)[0]["rank"] == 1
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    layers = layer_paths([])
    repaired = cache.read("data", dataentry.data_inputs(layers), layers)
    assert repaired is not None
    assert bytes(repaired.raw("json"))  # passes its checksum again


def data_entry(files: list[str]) -> dataentry.DataEntry | None:
    """The cached entry of the bundled data with these files over it, if it is fresh."""
    return dataentry.cached(layer_paths(files))


def data_key(files: list[str]) -> tuple[object, ...] | None:
    return cache.key(dataentry.data_inputs(layer_paths(files)))


def old_format_entry_of_the_wrong_shape() -> bytes:
    """The previous layout (a marshalled key and section table) with the right key and
    sections that are not (offset, length, checksum) triples."""
    table = dict.fromkeys(["names", "orders", "json", "json_spans", "record"], "abc")
    return marshal.dumps((data_key([]), table))


def header_without_its_sections() -> bytes:
    """A true header whose sections were never written: they lie past the end of the file."""
    blobs = {"names": b"x" * 100, "record": b"y" * 100}
    return cachefile.header(cache.encoded_key(data_key([])), blobs)


HOSTILE_ENTRIES = {
    "wrong shape": old_format_entry_of_the_wrong_shape,
    "a tuple claiming 2**31 items": lambda: b"(\xff\xff\xff\x7f",
    "a list claiming 2**31 items": lambda: b"[\xff\xff\xff\x7f",
    "a string claiming 2 GiB": lambda: b"s\xff\xff\xff\x7f",
    "a header claiming 4 GiB": lambda: cachefile.MAGIC + b"\xff" * 8 + bytes(4),
    "sections past the end": header_without_its_sections,
}


@pytest.mark.parametrize("content", HOSTILE_ENTRIES.values(), ids=HOSTILE_ENTRIES.keys())
def test_an_entry_of_any_shape_or_claimed_size_is_ignored_cheaply_and_rebuilt(
    cache_home, content, monkeypatch
):
    """What the file claims is checked against its size before anything is decoded; a run
    capped at 1 GiB of memory answers as if there were no cache, and repairs it."""
    expected = techpay(cache_home, "list", "--json", TECHPAY_NO_CACHE="1").stdout
    techpay(cache_home, "list", "--json")
    (entry,) = entries(cache_home)
    entry.write_bytes(content())
    env = clean_env(XDG_CACHE_HOME=str(cache_home))
    for command in (["show", "sre"], ["list", "--json"]):
        result = subprocess.run(
            [*techpay_command(), *command],
            capture_output=True,
            env=env,
            timeout=60,
            check=False,
            preexec_fn=within_memory(),
        )
        assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == expected
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    rebuilt = data_entry([])
    assert rebuilt is not None
    assert len(rebuilt.record()["roles"]) == 10


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("thing", ["fifo", "directory"])
def test_a_fifo_or_directory_where_the_entry_should_be_never_hangs_techpay(cache_home, thing):
    """Nothing ever writes to that FIFO: opening it to read must not wait for a writer."""
    expected = techpay(cache_home, "list", "--json", TECHPAY_NO_CACHE="1").stdout
    techpay(cache_home, "list", "--json")
    (entry,) = entries(cache_home)
    entry.unlink()
    os.mkfifo(entry) if thing == "fifo" else entry.mkdir()
    for _ in range(2):
        result = subprocess.run(
            [*techpay_command(), "list", "--json"],
            capture_output=True,
            env=clean_env(XDG_CACHE_HOME=str(cache_home)),
            timeout=30,
            check=False,
        )
        assert (result.returncode, result.stdout, result.stderr) == (0, expected, b"")
    assert entry.is_file() == (thing == "fifo")  # a FIFO is replaced; a directory stays


@pytest.fixture
def own_cache(monkeypatch, tmp_path):
    """A private cache directory for loads in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def platform_minimum(files: list[str]) -> int:
    role = dataentry.load_catalog(files).resolve("platform")
    return role["salary"]["min"]


def save_in_place(path: Path, low: int) -> None:
    before = path.stat()
    path.write_text(ROLE.format(low=low), encoding="utf-8")
    # A save a second later, for file systems whose clock ticks are coarser than this test.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))


def save_by_rename(path: Path, low: int) -> None:
    fresh = path.with_suffix(".new")
    fresh.write_text(ROLE.format(low=low), encoding="utf-8")
    os.replace(fresh, path)  # what most editors do: a new file under the old name


def save_longer(path: Path, low: int) -> None:
    path.write_text(ROLE.format(low=low) + "# a comment\n", encoding="utf-8")


@pytest.mark.parametrize("save", [save_in_place, save_by_rename, save_longer])
def test_a_file_saved_while_it_loads_is_never_cached_as_its_old_content(
    own_cache, tmp_path, monkeypatch, save
):
    """The stamp is taken before reading and checked after: the run that loaded the old
    content may answer with it, but no later run does."""
    data = tmp_path / "mine.toml"
    data.write_text(ROLE.format(low=135000), encoding="utf-8")
    an_hour_ago = time.time_ns() - 3600 * 1_000_000_000
    os.utime(data, ns=(an_hour_ago, an_hour_ago))
    monkeypatch.setattr(cache, "SETTLE_NS", 0)  # the change of times counts as settled at once
    load_layers = dataset.load_layers

    def load_then_save(files: list[str], *, bundled: bool = True) -> dataset.Catalog:
        loaded = load_layers(files, bundled=bundled)
        save(data, 145000)
        return loaded

    monkeypatch.setattr(dataset, "load_layers", load_then_save)
    assert platform_minimum([str(data)]) == 135_000
    monkeypatch.setattr(dataset, "load_layers", load_layers)
    assert platform_minimum([str(data)]) == 145_000
    assert platform_minimum([str(data)]) == 145_000  # and from the cache, now it is written
    assert data_entry([str(data)]) is not None


def test_a_file_changed_moments_ago_is_not_cached_until_it_settles(
    own_cache, tmp_path, monkeypatch
):
    """Its times may not show a second save within the same clock tick; later runs cache it."""
    data = tmp_path / "mine.toml"
    data.write_text(ROLE.format(low=135000), encoding="utf-8")
    assert platform_minimum([str(data)]) == 135_000
    assert data_entry([str(data)]) is None
    monkeypatch.setattr(cache, "SETTLE_NS", 0)  # as if the next run came seconds later
    assert platform_minimum([str(data)]) == 135_000
    assert data_entry([str(data)]) is not None


def test_a_pipe_or_device_given_as_data_is_never_cached(own_cache):
    """It has no stamp that says what it holds."""
    assert cache.key(["/dev/null"]) is None
    assert cache.key([str(cache.__file__)]) is not None
