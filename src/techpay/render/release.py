"""An official-data release's facts as lines for people (``techpay official status``), and
the occupation whose figures answer, as every caption names it."""

from __future__ import annotations

from techpay.core.errors import literal_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from techpay.core.records import AreaRecord


def shown(value: object) -> str:
    """A value from a release's files as text, shown literally (they are not ours)."""
    return literal_text(str(value))


def status_facts(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """The facts for people, as labels and values, data text escaped (a release's files are
    not ours)."""
    recorded = facts["sha256"] == facts["sha256_recorded"]
    published = facts["published"]
    rows = [
        ("Release", f"{shown(facts['release'])} ({shown(facts['release_code'])}),"
                    f" {facts['answering']}"),
        ("Published", "not recorded in the files imported" if published in (None, "unknown")
                      else f"{shown(published)} by BLS"),
        ("Imported", shown(facts["imported"] or "no: the release techpay ships")),
        ("Path", shown(facts["path"])),
        ("SHA-256", f"{facts['sha256']}{'' if recorded else ' (not the one recorded for it)'}"),
    ]  # fmt: skip
    rows += [
        ("Source", f"{shown(name)}  sha256 {shown(entry.get('sha256'))}")
        for name, entry in facts["source_files"].items()
    ]
    if facts["leftovers"]:
        count = len(facts["leftovers"])
        files, them = ("files", "them") if count > 1 else ("file", "it")
        rows.append((
            "Leftovers",
            f"{count} {files} of an import that was killed (the next import or"
            f" 'techpay official reset' removes {them})",
        ))  # fmt: skip
    if facts["answering"] == "imported":
        bundled = shown(facts["bundled"]["release"])
        rows.append(("Bundled", f"{bundled}: 'techpay official reset' goes back to it"))
    return rows


def occupation_label(occupation: dict[str, Any]) -> str:
    """``Software Developers (15-1252)``; where the occupation stands in for a role it fits
    less than well, also how well: ``..., a low match for Site Reliability Engineer``
    (``occupation`` as :func:`techpay.official.roles.occupation_facts` gives it)."""
    label = f"{occupation['title']} ({occupation['code']})"
    match, role = occupation.get("match"), occupation.get("for_role")
    if match is not None and match != "high" and role:
        label += f", a {match} match for {role}"
    return label


def place_name(area: AreaRecord) -> str:
    """A place as people read it: "United States" for the nation (BLS calls it "National",
    and the JSON keeps BLS's names), else BLS's name for the area."""
    return "United States" if area["type"] == "national" else area["name"]


def worth_facts(worth: dict[str, Any]) -> list[tuple[str, str]]:
    """Where the tax tables and housing index come from, as labels and values."""
    tax, housing = worth["taxes"], worth["housing"]
    return [
        ("Taxes", f"{tax['source']}, tax year {tax['tax_year']}; wheel sha256"
                  f" {tax['wheel_sha256'][:16]}...; tables within ${tax['largest_difference']}"
                  " of it at every whole-dollar wage to $1,000,000"),
        ("Housing", f"{housing['source']}; from"
                    f" {housing['package']}, wheel sha256 {housing['wheel_sha256'][:16]}..."),
    ]  # fmt: skip
