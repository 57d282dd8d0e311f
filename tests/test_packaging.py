"""techpay installs from a built wheel, with the dataset inside, and runs outside the repo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from techpay.core.documents import bundled_path

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("techpay-*.whl")
    return built


def test_the_wheel_carries_the_dataset(wheel):
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "techpay/data/roles.toml" in names
    packaged = zipfile.ZipFile(wheel).read("techpay/data/roles.toml")
    assert packaged == (ROOT / "data" / "roles.toml").read_bytes()


def test_the_wheel_carries_the_official_data_within_six_megabytes(wheel):
    """The OEWS bundle and its checksum ship byte for byte, and add at most 6 MB."""
    import zipfile

    archive = zipfile.ZipFile(wheel)
    for name in ("oews.sqlite", "oews.sqlite.sha256"):
        assert archive.read(f"techpay/data/{name}") == (ROOT / "data" / name).read_bytes()
    added = sum(
        archive.getinfo(f"techpay/data/{name}").compress_size
        for name in ("oews.sqlite", "oews.sqlite.sha256")
    )
    assert added <= 6 * 1024 * 1024


def test_the_wheel_carries_the_tax_and_housing_tables_within_two_megabytes(wheel):
    """The worth tables ship byte for byte, and add at most 2 MB (issue 18's limit)."""
    import zipfile

    archive = zipfile.ZipFile(wheel)
    name = "techpay/data/worth.sqlite"
    assert archive.read(name) == (ROOT / "data" / "worth.sqlite").read_bytes()
    assert archive.getinfo(name).compress_size <= 2 * 1024 * 1024


def test_a_fresh_venv_runs_the_wheel_outside_the_repo(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [str(bin_dir / "techpay"), "list", "--json"],
        cwd=outside,
        capture_output=True,
        check=True,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)},
    )
    roles = json.loads(result.stdout)
    assert len(roles) == 10
    assert roles[0]["salary"]["stated"] == "$160,000 to $240,000+"
    assert roles[0]["official"]["annual_wages"]["median"] == 140_300  # from the packaged bundle
    where = subprocess.run(
        [str(bin_dir / "techpay"), "where", "sre", "--in", "austin", "--json"],
        cwd=outside,
        capture_output=True,
        check=True,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)},
    )
    assert json.loads(where.stdout)["places"][0]["annual_wages"]["median"] == 134_120
    net = subprocess.run(
        [str(bin_dir / "techpay"), "net", "150k", "--in", "CA", "--json"],
        cwd=outside,
        capture_output=True,
        check=True,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)},
    )
    assert round(json.loads(net.stdout)["places"][0]["tax"]["state_income_tax"]) == 9_705
    where = subprocess.run(
        [
            str(bin_dir / "python"),
            "-c",
            "from techpay.core.documents import bundled_path; print(bundled_path())",
        ],
        cwd=outside,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(env_dir)  # the packaged copy, not a checkout's


def test_the_development_install_reads_the_checkouts_file():
    """An editable install has no packaged copy on its path; it uses data/roles.toml."""
    path = Path(bundled_path())
    if "site-packages" in path.parts:
        pytest.skip("techpay is installed from a wheel here")
    assert path == ROOT / "data" / "roles.toml"
