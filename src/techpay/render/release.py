"""An official-data release's facts as lines for people (``techpay official status``)."""

from __future__ import annotations

from techpay.core.errors import literal_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def shown(value: object) -> str:
    """A value from a release's files as text, shown literally (they are not ours)."""
    return literal_text(str(value))


def status_lines(facts: dict[str, Any]) -> list[str]:
    """The facts for people, data text escaped (a release's files are not ours)."""
    recorded = facts["sha256"] == facts["sha256_recorded"]
    lines = [
        f"Release    {shown(facts['release'])} ({shown(facts['release_code'])}),"
        f" {facts['answering']}",
        f"Published  {shown(facts['published'])} by BLS",
        f"Imported   {shown(facts['imported'] or 'no: the release techpay ships')}",
        f"Path       {shown(facts['path'])}",
        f"SHA-256    {facts['sha256']}{'' if recorded else ' (not the one recorded beside it)'}",
    ]
    lines += [
        f"Source     {shown(name)}  sha256 {shown(entry.get('sha256'))}"
        for name, entry in facts["source_files"].items()
    ]
    if facts["answering"] == "imported":
        bundled = shown(facts["bundled"]["release"])
        lines.append(f"Bundled    {bundled}: 'techpay official reset' goes back to it")
    return lines
