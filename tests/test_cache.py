"""The cache is never stale, survives damage, and never changes what techpay prints."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import clean_env, run_techpay, techpay_command
from techpay import cache
from techpay.dataset import layer_paths

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
    cache.entry_for([])
    assert cache.read("data", cache.data_inputs(layers), layers) is not None
    monkeypatch.setattr(cache, "__version__", "999.0")
    assert cache.read("data", cache.data_inputs(layers), layers) is None
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "_code_stamp", lambda: (("models.py", 1, 2),))
    assert cache.read("data", cache.data_inputs(layers), layers) is None


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
    rebuilt = cache.read(
        "data", cache.data_inputs(layers), layers
    )  # the entry was written again, whole
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
    repaired = cache.read("data", cache.data_inputs(layers), layers)
    assert repaired is not None
    assert bytes(repaired.raw("json"))  # passes its checksum again
