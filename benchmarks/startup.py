"""Start-up benchmark: each techpay path against the bare interpreter, interleaved.

Every run of a path is paired with a run of ``python -c pass`` just before it, in the same
virtual environment, and the ratio of the two wall times is recorded; the table reports the
median, min and max of those ratios. Ratios, not milliseconds, so results from different
machines compare. Standard library only; generates the 1,000- and 10,000-role datasets it
needs in a temporary directory.

    python benchmarks/startup.py            # 20 rounds
    python benchmarks/startup.py --runs 5   # quicker, noisier
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Warm runs: (label, arguments, target as a ratio to ``python -c pass``). Every read-only
# command has a row: --json and --plain answers <= 3x, tables and charts <= 7x, completion
# and help <= 2x.
WARM = [
    ("list --json", ["list", "--json"], 3),
    ("list --plain", ["list", "--plain"], 3),
    ("list", ["list"], 7),
    ("list --official --sort official", ["list", "--official", "--sort", "official"], 7),
    ("show sre --json", ["show", "sre", "--json"], 3),
    ("show sre --plain", ["show", "sre", "--plain"], 3),
    ("show sre", ["show", "sre"], 7),
    ("compare sre devops --json", ["compare", "sre", "devops", "--json"], 3),
    ("compare sre devops", ["compare", "sre", "devops"], 7),
    ("compare sre devops --official", ["compare", "sre", "devops", "--official"], 7),
    ("filter --skill python --json", ["filter", "--skill", "python", "--json"], 3),
    ("filter --cluster ai --plain", ["filter", "--cluster", "ai", "--plain"], 3),
    ("filter --min-salary 150k", ["filter", "--min-salary", "150k"], 7),
    ("match python sql --json", ["match", "python", "sql", "--json"], 3),
    ("match python sql", ["match", "python", "sql"], 7),
    ("path devops sre --json", ["path", "devops", "sre", "--json"], 3),
    ("path devops sre", ["path", "devops", "sre"], 7),
    ("skills --json", ["skills", "--json"], 3),
    ("skills --plain", ["skills", "--plain"], 3),
    ("skills", ["skills"], 7),
    ("chart --json", ["chart", "--json"], 3),
    ("chart", ["chart"], 7),
    ("chart --official", ["chart", "--official"], 7),
    ("about --json", ["about", "--json"], 3),
    ("about", ["about"], 7),
    ("show sre --in CA --json", ["show", "sre", "--in", "CA", "--json"], 3),
    ("show sre --in CA", ["show", "sre", "--in", "CA"], 7),
    ("where sre --json", ["where", "sre", "--json"], 3),
    ("where sre --metros", ["where", "sre", "--metros"], 7),
    ("where sre --sort real --json", ["where", "sre", "--sort", "real", "--json"], 3),
    ("where sre --sort real", ["where", "sre", "--sort", "real"], 7),
    ("occupations web --json", ["occupations", "web", "--json"], 3),
    ("occupations web", ["occupations", "web"], 7),
    ("occupation 15-1252 --in TX", ["occupation", "15-1252", "--in", "TX"], 7),
    ("offer sre 150k --json", ["offer", "sre", "150k", "--json"], 3),
    ("offer sre 150k --in austin", ["offer", "sre", "150k", "--in", "austin"], 7),
    ("map sre", ["map", "sre"], 7),
    ("map sre --by real", ["map", "sre", "--by", "real"], 7),
    ("net 165k --in austin --json", ["net", "165k", "--in", "austin", "--json"], 3),
    ("net 165k --in austin", ["net", "165k", "--in", "austin"], 7),
    (
        "offer sre 165k --in austin --in 'san jose' --json",
        ["offer", "sre", "165k", "--in", "austin", "--in", "san jose", "--json"],
        3,
    ),
    (
        "offer sre 150k --stock 400k --json",
        ["offer", "sre", "150k", "--stock", "400k", "--json"],
        3,
    ),
    ("offers FILE --json", ["offers", "{offers}", "--json"], 3),
    ("offers FILE", ["offers", "{offers}"], 7),
    ("--help", ["--help"], 2),
    ("list --help", ["list", "--help"], 2),
]
TARGETS = {label: target for label, _, target in WARM} | {
    "complete": 2,
    "cold cache, 10 roles": 12,
    "1k roles: list --json (warm)": 3,
    "10k roles: list --json (warm)": 3,
}
PEAK_MEMORY_MB = 40  # for the official-data paths
# What no techpay path can beat, measured in the same run (no target): a console script
# (pip's wrapper imports re before techpay runs), and printing a one-cell Rich table from a
# bare interpreter (what importing Rich costs every table).
FLOORS = [
    ("floor: import re", "import re, sys"),
    (
        "floor: a one-cell Rich table",
        "from rich.console import Console; from rich.table import Table;"
        " table = Table(); table.add_column('a'); table.add_row('b'); Console().print(table)",
    ),
]


def write_dataset(path: Path, count: int) -> None:
    """A user dataset of ``count`` roles, each with the fields a real ladder would have."""
    clusters = ["ai", "cloud", "security", "leadership"]
    lines = [
        "[clusters]",
        'ai = "artificial intelligence"',
        'cloud = "cloud infrastructure"',
        'security = "cybersecurity"',
        'leadership = "technical leadership"',
        "",
    ]
    for number in range(count):
        low = 90_000 + (number * 7919) % 120 * 1000
        lines += [
            "[[roles]]",
            f'id = "role-{number:05d}"',
            f"rank = {number + 1}",
            f'title = "Engineer, level {number}"',
            f'aliases = ["r{number}"]',
            f'clusters = ["{clusters[number % 4]}"]',
            f"salary = {{ min = {low}, max = {low + 40_000} }}",
            'skills = [{ text = "Python and SQL.", tags = ["python", "sql"] }]',
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


OFFERS = """\
[[offers]]
name = "Austin"
role = "sre"
place = "austin"
base = "165k"
stock = "200k"

[[offers]]
name = "San Jose"
role = "sre"
place = "san jose"
base = "190k"
bonus = "10%"
stock = "400k"
vest = "back"
"""


def write_offers(path: Path) -> None:
    """An offers file of two offers, for ``offers FILE`` (``{offers}`` in WARM)."""
    path.write_text(OFFERS, encoding="utf-8")


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - started


# Run from a small interpreter, so the child's peak is not the benchmark's own size (a
# forked child starts with its parent's pages). ru_maxrss is in KiB on Linux.
_PEAK = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_mb(python: str, command: list[str], env: dict[str, str]) -> float:
    """The largest resident set of one run of ``command``, in MB (Unix only; 0 elsewhere)."""
    try:
        import resource  # noqa: F401
    except ImportError:
        return 0.0
    result = subprocess.run(
        [python, "-c", _PEAK, *command], env=env, capture_output=True, text=True, check=True
    )
    return int(result.stdout) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="rounds per path (default 20)")
    options = parser.parse_args()

    python = sys.executable
    techpay = shutil.which("techpay", path=str(Path(python).parent)) or shutil.which("techpay")
    if techpay is None:
        sys.exit("techpay is not installed next to this interpreter")
    work = Path(tempfile.mkdtemp(prefix="techpay-bench-"))
    try:
        run(options.runs, python, techpay, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(runs: int, python: str, techpay: str, work: Path) -> None:
    for count in (1_000, 10_000):
        write_dataset(work / f"roles-{count}.toml", count)
    offers = work / "offers.toml"
    write_offers(offers)
    base = {key: value for key, value in os.environ.items() if not key.startswith("TECHPAY_")}
    base |= {"XDG_CACHE_HOME": str(work / "cache"), "COLUMNS": "100"}
    # As a user's install: output buffered, bytecode cached (pip compiles it when installing;
    # some machines set PYTHONDONTWRITEBYTECODE, which would recompile techpay on every run).
    base.pop("PYTHONUNBUFFERED", None)
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    cold_cache = work / "cold"
    complete = base | {
        "_TECHPAY_COMPLETE": "complete_bash",
        "COMP_WORDS": "techpay show si",
        "COMP_CWORD": "2",
    }

    def cold(env: dict[str, str]) -> dict[str, str]:
        shutil.rmtree(cold_cache, ignore_errors=True)
        return env | {"XDG_CACHE_HOME": str(cold_cache)}

    paths = [("complete", [techpay], lambda: complete)]
    paths += [
        (
            label,
            [techpay, *(word.replace("{offers}", str(offers)) for word in arguments)],
            lambda: base,
        )
        for label, arguments, _ in WARM
    ]
    paths += [(label, [python, "-c", code], lambda: base) for label, code in FLOORS]
    paths.append(("cold cache, 10 roles", [techpay, "list", "--json"], lambda: cold(base)))
    for count in (1_000, 10_000):
        data = ["--data", str(work / f"roles-{count}.toml"), "--no-bundled"]
        label = f"{count // 1000}k roles: list --json"
        paths.append((f"{label} (warm)", [techpay, *data, "list", "--json"], lambda: base))
        paths.append(
            (f"{label} (cold, seconds)", [techpay, *data, "list", "--json"], lambda: cold(base))
        )

    for _, command, env in paths:  # warm every cache once, and check each path works
        result = subprocess.run(command, env=env(), capture_output=True, check=False)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed: {result.stderr.decode()}")

    command_of = {name: command for name, command, _ in paths}
    env_of = {name: env for name, _, env in paths}
    ratios: dict[str, list[float]] = {name: [] for name, _, _ in paths}
    seconds: dict[str, list[float]] = {name: [] for name, _, _ in paths}
    bare: list[float] = []
    for _ in range(runs):
        for name, command, env in paths:
            prepared = env()
            baseline = timed([python, "-c", "pass"], prepared)
            elapsed = timed(command, prepared)
            bare.append(baseline)
            ratios[name].append(elapsed / baseline)
            seconds[name].append(elapsed)

    print(f"python -c pass: median {statistics.median(bare) * 1000:.1f} ms over {len(bare)} runs")
    print(f"{'path':<36} {'median':>7} {'min':>6} {'max':>6}  target   median ms  peak MB")
    for name, _, _ in paths:
        values = seconds[name] if "seconds" in name else ratios[name]
        unit = " s" if "seconds" in name else "x"
        target = TARGETS.get(name)
        verdict = f"<= {target}x" if target else "<= 1 s" if "seconds" in name else ""
        milliseconds = statistics.median(seconds[name]) * 1000
        peak = peak_mb(python, command_of[name], env_of[name]())
        print(
            f"{name:<36} {statistics.median(values):>6.2f}{unit} {min(values):>5.2f}{unit}"
            f" {max(values):>5.2f}{unit}  {verdict:<8} {milliseconds:>7.1f}  {peak:>7.1f}"
        )
    print(
        f"peak MB: the largest resident set of any run (target for official-data paths:"
        f" <= {PEAK_MEMORY_MB} MB)"
    )


if __name__ == "__main__":
    main()
