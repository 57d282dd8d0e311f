"""Run the README's console examples and compare (or, with --update, rewrite) their output.

A console example is a line ``$ COMMAND`` inside a ```console block; the lines after it, up
to the next ``$`` line or the block's end, are what it prints (stdout and stderr together).
A line ``...`` ends what is compared: the output must start with the lines before it. An
example with no lines after it is run, and must succeed (exit 0). Files the examples read are the
README's ```toml blocks whose first line is ``# NAME.toml``.

Each command runs under bash in a fresh folder, with those files, at 80 columns, without
colour, with a private cache. tests/test_readme.py runs every example through this module.

    python scripts/readme_examples.py            # report the examples that drift
    python scripts/readme_examples.py --update   # rewrite their output in README.md
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "LC_ALL": "C.UTF-8"}
_COMMENT = re.compile(r"\s{2,}#\s.*$")  # `$ techpay list   # the article's order`


@dataclass
class Example:
    line: int  # the README line of the command (0-based)
    command: str  # as shown, comment included
    output: list[str]  # the lines shown after it
    end: int  # the README line after the shown output

    @property
    def runnable(self) -> str:
        return _COMMENT.sub("", self.command)

    @property
    def partial(self) -> bool:
        return "..." in self.output

    @property
    def expected(self) -> list[str]:
        return self.output[: self.output.index("...")] if self.partial else self.output


def examples(lines: list[str]) -> list[Example]:
    """Every console example in the README, in order."""
    found: list[Example] = []
    inside = False
    for number, line in enumerate(lines):
        if line.startswith("```"):
            inside = line.strip() == "```console"
            if found and found[-1].end == -1:
                found[-1].end = number
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            if found and found[-1].end == -1:
                found[-1].end = number
            found.append(Example(number, line[2:], [], -1))
        elif found and found[-1].end == -1:
            found[-1].output.append(line)
    return found


def files(lines: list[str]) -> dict[str, str]:
    """The data files the README shows: ```toml blocks that start with ``# NAME.toml``."""
    found: dict[str, str] = {}
    for number, line in enumerate(lines):
        if line.strip() == "```toml" and lines[number + 1].startswith("# "):
            name = lines[number + 1][2:].strip()
            end = lines.index("```", number + 1)
            found[name] = "\n".join(lines[number + 1 : end]) + "\n"
    return found


def run(example: Example, folder: Path, bin_dir: str) -> tuple[int, list[str]]:
    """The example's exit status there, and what it prints, line by line, trailing spaces
    removed."""
    env = {**os.environ, **ENV, "XDG_CACHE_HOME": str(folder / ".cache")}
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    for name in ("FORCE_COLOR", "TECHPAY_DATA", "TECHPAY_NO_CACHE", "TECHPAY_NO_FAST"):
        env.pop(name, None)
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", example.runnable + " 2>&1"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, [line.rstrip() for line in result.stdout.splitlines()]


def workspace(lines: list[str], root: Path) -> Path:
    for name, text in files(lines).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def main() -> int:
    update = "--update" in sys.argv[1:]
    lines = README.read_text(encoding="utf-8").splitlines()
    bin_dir = str(Path(sys.executable).parent)
    drifted = 0
    with tempfile.TemporaryDirectory() as folder:
        root = workspace(lines, Path(folder))
        for example in reversed(examples(lines)):  # from the end: line numbers stay true
            _, actual = run(example, root, bin_dir)
            shown = actual[: len(example.expected)] if example.partial else actual
            if example.output and shown != example.expected:
                drifted += 1
                print(f"README.md:{example.line + 1}: $ {example.command}")
                if update:
                    rest = example.output[len(example.expected) :] if example.partial else []
                    lines[example.line + 1 : example.end] = shown + rest
    if update and drifted:
        README.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{drifted} example(s) {'rewritten' if update else 'drift'}")
    return 1 if drifted and not update else 0


if __name__ == "__main__":
    sys.exit(main())
