"""Human-readable official figures (BLS OEWS): the distribution, places, occupations.

Every figure is shown with its source and release; what techpay derives is called an estimate.
A wage BLS top-coded reads ``>= $X``, X the least it can be (see
:func:`techpay.official.bundle.at_least`); one BLS published hourly only reads ``$24.80/hr``;
one it did not publish reads ``n/a``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from techpay.official.estimates import comparable, local_range, midpoint, place, premium
from techpay.official.roles import missing_reason, wage_match
from techpay.render.axis import money
from techpay.render.layout import DROP, WRAP, Fitted, Flow
from techpay.render.release import occupation_label
from techpay.render.views import HEADER, MUTED, literal, new_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from techpay.core.records import AreaRecord, EstimateRecord, Locality, RoleRecord

HOURLY_ONLY = 4  # BLS's footnote: wages reported hourly or annually, as the job is paid
PERCENTILE_LABELS = (("p10", "10th"), ("p25", "25th"), ("median", "median"), ("p75", "75th"),
                     ("p90", "90th"))  # fmt: skip


def wage(estimate: EstimateRecord, name: str) -> str:
    """``$135,980``; ``>= $776,140`` when top-coded (at least that); ``$24.80/hr`` where BLS
    published it hourly only; ``n/a`` when not published."""
    value = estimate["annual_wages"][name]  # type: ignore[literal-required]
    if value is not None:
        return money(value)
    absent = estimate["absent"].get(name)
    if absent is not None and absent["at_least"] is not None:
        return f">= {money(absent['at_least'])}"
    hourly = estimate["hourly_wages"]
    if hourly is not None and (rate := hourly[name]) is not None:  # type: ignore[literal-required]
        return f"${rate:,.2f}/hr"
    return "n/a"


def count(value: int | None) -> str:
    return "n/a" if value is None else f"{value:,}"


def place_name(area: AreaRecord) -> str:
    return "United States" if area["type"] == "national" else area["name"]


def provenance(estimate: EstimateRecord) -> str:
    """``Software Developers (15-1252), United States; BLS OEWS, May 2025``."""
    occupation = estimate["occupation"]
    where = place_name(estimate["area"])
    source = f"{estimate['source']}, {estimate['release']}"
    return f"{occupation['title']} ({occupation['code']}), {where}; {source}"


def distribution(estimate: EstimateRecord) -> RenderableType:
    """The five percentiles, then mean, employment and (for a place) location quotient."""
    figures = [f"{label} {wage(estimate, name)}" for name, label in PERCENTILE_LABELS]
    figures.append(f"mean {wage(estimate, 'mean')}")
    jobs = [f"employment {count(estimate['employment'])}"]
    if estimate["location_quotient"] is not None:
        jobs.append(f"location quotient {estimate['location_quotient']:.2f}")
    flow = Flow([figures[:3], figures[3:], jobs])
    reasons = _reasons(estimate)
    return Group(flow, literal(reasons, MUTED)) if reasons else flow


def _reasons(estimate: EstimateRecord) -> str:
    """BLS's footnotes for the figures without a number, each once."""
    by_reason: dict[str, list[str]] = {}
    hourly_only = estimate["hourly_wages"] is not None
    for name, absent in estimate["absent"].items():
        if hourly_only and absent["footnote"] == HOURLY_ONLY:
            name = "annual wages not published"  # the hourly ones are shown
        names = by_reason.setdefault(absent["reason"], [])
        names += [name] * (name not in names)
    return " ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items())


def add_official_rows(facts: Table, role: RoleRecord, area: AreaRecord | None,
                      local: EstimateRecord | None) -> None:  # fmt: skip
    """``show``: the national distribution, the estimates, and the same for a place."""
    official = role.get("official")
    if official is None:
        facts.add_row("Official pay", literal(f"n/a ({missing_reason(role)})"))
        return
    facts.add_row("Official pay", literal(provenance(official), MUTED))
    facts.add_row("", distribution(official))
    facts.add_row("Estimate", Text(_national_estimate(role, official)))
    if area is None:
        return
    where = place_name(area)
    if local is None:
        facts.add_row(
            "Local pay", literal(f"BLS published no figures for this occupation in {where}")
        )
        return
    facts.add_row("Local pay", literal(provenance(local), MUTED))
    facts.add_row("", distribution(local))
    facts.add_row("Estimate", Text(_local_estimate(role, local, where)))


HOURLY_ONLY_ESTIMATE = "none: BLS published hourly wages only, and the range is yearly"


def _national_estimate(role: RoleRecord, official: EstimateRecord) -> str:
    if not comparable(role):
        return f"none: the range is in {role['salary']['currency']}, the official figures in USD"
    if official["hourly_wages"] is not None:
        return HOURLY_ONLY_ESTIMATE
    middle = midpoint(role)
    placed = place(middle, official["annual_wages"])["text"]
    found = premium(role)
    versus = (
        ""
        if found is None
        else f"; {abs(found):.1f}% {'above' if found >= 0 else 'below'} the median"
    )
    return f"the range midpoint, {money(middle)}, is {placed}{versus}"


def _local_estimate(role: RoleRecord, local: EstimateRecord, where: str) -> str:
    if not comparable(role):
        return f"none: the range is in {role['salary']['currency']}, the official figures in USD"
    if local["hourly_wages"] is not None:
        return HOURLY_ONLY_ESTIMATE
    scaled = local_range(role, local)
    placed = place(midpoint(role), local["annual_wages"])["text"]
    lines = [f"the range midpoint, {money(midpoint(role))}, is {placed} in {where}"]
    if scaled is not None:
        lines.append(
            f"the range scaled to {where}: {scaled_range(scaled)} (local median / national"
            f" median = {scaled['ratio']}; to the nearest $1,000)"
        )
    return "\n".join(lines)


def where_table(estimates: Sequence[EstimateRecord], occupation: dict[str, Any]) -> RenderableType:
    """``where``: one row per place, and whose figures they are (``occupation`` as
    :func:`techpay.official.roles.occupation_facts` gives it)."""
    table = new_table()
    table.add_column("Place")
    table.add_column("Employment", justify="right", no_wrap=True)
    table.add_column("Median", justify="right", no_wrap=True)
    table.add_column("10th - 90th", justify="right", no_wrap=True)
    table.add_column("LQ", justify="right", no_wrap=True)
    for estimate in estimates:
        lq = estimate["location_quotient"]
        table.add_row(
            literal(place_name(estimate["area"])),
            count(estimate["employment"]),
            wage(estimate, "median"),
            f"{wage(estimate, 'p10')} - {wage(estimate, 'p90')}",
            "-" if lq is None else f"{lq:.2f}",
        )
    if not estimates:
        return Text("No places match.")
    first = estimates[0]
    caption = literal(
        f"{occupation_label(occupation)}; {first['source']},"
        f" {first['release']}. LQ: location quotient, the share of local jobs in this occupation"
        " over the national share.",
        MUTED,
    )
    return Group(Fitted(table, WHERE_STEPS, fallback="records"), Text(), caption)


# ``where`` on a narrow terminal: the columns least needed to choose a place go first, then
# the spread wraps between its ends, and goes last.
WHERE_STEPS = (
    (DROP, "LQ"),
    (DROP, "Employment"),
    (WRAP, "10th - 90th"),
    (DROP, "10th - 90th"),
)


def occupations_table(found: Sequence[EstimateRecord], ours: Sequence[str] = ()) -> RenderableType:
    """``occupations``: code, title, median and employment, nationally or in one place;
    ``ours``: the words searched for through techpay's table of the words people use."""
    table = new_table()
    table.add_column("Code", no_wrap=True)
    table.add_column("Occupation")
    table.add_column("Median", justify="right", no_wrap=True)
    table.add_column("Employment", justify="right", no_wrap=True)
    for estimate in found:
        table.add_row(
            estimate["occupation"]["code"],
            literal(estimate["occupation"]["title"]),
            wage(estimate, "median"),
            count(estimate["employment"]),
        )
    if not found:
        return Text("No occupations match.")
    area = found[0]["area"]
    where = "National figures" if area["type"] == "national" else f"Figures for {area['name']}"
    caption = f"{where}; {found[0]['source']}, {found[0]['release']}."
    if ours:
        caption += (
            f" Found for {', '.join(repr(term) for term in ours)} by techpay's own table of the"
            " words people use for occupations, as well as by title."
        )
    fitted = Fitted(table, [(DROP, "Employment")], fallback="records")
    return Group(fitted, Text(), literal(caption, MUTED))


def occupation_view(national: EstimateRecord, local: EstimateRecord | None,
                    area: AreaRecord | None) -> RenderableType:  # fmt: skip
    """``occupation CODE``: the national distribution, and a place's."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style=HEADER, no_wrap=True)
    facts.add_column()
    facts.add_row("Official pay", literal(provenance(national), MUTED))
    facts.add_row("", distribution(national))
    if area is not None:
        where = place_name(area)
        if local is None:
            facts.add_row("Local pay", literal(f"BLS published no figures for it in {where}"))
        else:
            facts.add_row("Local pay", literal(provenance(local), MUTED))
            facts.add_row("", distribution(local))
    occupation = national["occupation"]
    title = Text.assemble(
        literal(occupation["title"], "bold underline"), (f"  {occupation['code']}", MUTED)
    )
    return Group(title, Text(), Fitted(facts, fallback="under"))


def local_cells(role: RoleRecord, local: EstimateRecord | None) -> tuple[str, str]:
    """``$134,120 (15-1252, low)`` and ``$138,000 - $182,000``: the median of the role's
    occupation in a place, with the occupation's code and how well it fits the role where
    not high, and the range scaled to it (an estimate); ``n/a`` where BLS published none (or
    the role has no official occupation)."""
    if local is None:
        return "n/a", "-"
    match = wage_match(role)
    fit = "" if match in (None, "high") else f", {match}"
    median = f"{wage(local, 'median')} ({local['occupation']['code']}{fit})"
    scaled = local_range(role, local)
    if scaled is None:
        return median, "-"
    return median, scaled_range(scaled)


def scaled_range(scaled: dict[str, object]) -> str:
    """A range scaled to a place (``local_range``): ``$138,000 - $207,000+``."""
    top = money(int(str(scaled["max"]))) + ("+" if scaled["open_ended"] else "")
    return f"{money(int(str(scaled['min'])))} - {top}"


def locality_caption(locality: Locality) -> Text:
    """Whose figures the local columns are, and what the estimate is."""
    area, figures = locality
    release = next((local["release"] for local in figures.values() if local), None)
    source = f"BLS OEWS, {release}" if release else "BLS OEWS (none published here)"
    return literal(
        f"Local median: of the role's occupation (its SOC code, and how well it fits the role"
        f" where not high), {place_name(area)}; {source}."
        f" Range there: {SCALED}.",
        MUTED,
    )


# What a range scaled to a place is, wherever one is shown.
SCALED = (
    "an estimate, the article's range scaled by the local over the national median of the"
    " role's occupation, to the nearest $1,000"
)


def local_table(roles: Sequence[RoleRecord], locality: Locality) -> RenderableType:
    """``match --in`` and ``path --in``: each role's official median in the place and its
    range scaled to it (an estimate)."""
    area, figures = locality
    table = new_table()
    table.add_column(f"In {place_name(area)}")
    table.add_column("Local median", justify="right", no_wrap=True)
    table.add_column("Range there (estimate)", justify="right", no_wrap=True)
    for role in roles:
        table.add_row(literal(role["title"]), *local_cells(role, figures.get(role["id"])))
    steps = [(WRAP, "Range there (estimate)")]
    return Group(Fitted(table, steps, fallback="records", title=True), locality_caption(locality))


def with_local_table(
    view: RenderableType, roles: Sequence[RoleRecord], locality: Locality | None
) -> RenderableType:
    """A view, followed by the roles' official medians in a place, when one was given."""
    if locality is None:
        return view
    return Group(view, Text(), local_table(roles, locality))
