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

from techpay.core.absence import no_figures
from techpay.core.amounts import whole_take_home
from techpay.render.axis import money
from techpay.render.layout import DROP, WRAP, Fitted, Flow, Footnotes
from techpay.render.release import occupation_label, place_name
from techpay.render.style import HEADER, MUTED, literal, new_table
from techpay.render.worth import HOUSING_WORDS, filing_words, place_notes, signed

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import RenderableType

    from techpay.core.records import AreaRecord, EstimateRecord, MedianWorth

HOURLY_ONLY = 4  # BLS's footnote: wages reported hourly or annually, as the job is paid
PERCENTILE_LABELS = (("p10", "10th"), ("p25", "25th"), ("median", "median"), ("p75", "75th"),
                     ("p90", "90th"))  # fmt: skip
FIGURE_NAMES = dict(PERCENTILE_LABELS)  # a figure's name for people, by its JSON key


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
    for key, absent in estimate["absent"].items():
        name = FIGURE_NAMES.get(key, key.replace("_", " "))  # 90th, not p90
        if hourly_only and absent["footnote"] == HOURLY_ONLY:
            name = "annual wages not published"  # the hourly ones are shown
        names = by_reason.setdefault(absent["reason"], [])
        names += [name] * (name not in names)
    return " ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items())


def where_table(
    estimates: Sequence[EstimateRecord],
    occupation: dict[str, Any],
    worth: Mapping[str, Any] | None = None,
) -> RenderableType:
    """``where``: one row per place, and whose figures they are (``occupation`` as
    :func:`techpay.official.roles.occupation_facts` gives it). With ``worth``
    (``--sort take-home|real``: ``filing``, ``sources`` and each place's figures in
    ``places``), the median's take-home, the housing index and take-home over it too, and
    whose figures those are."""
    # Ranked by what the median leaves (``worth``), the jobs' count and concentration give
    # way to take-home, the housing index and after housing (the JSON keeps them all).
    shown = ["Place", "Median", "10th - 90th"]
    if worth is None:
        shown[1:1] = ["Employment"]
        shown.append("LQ")
    else:
        shown += ["Take-home", "Housing", "After housing"]
    table = new_table()
    table.add_column("Place")
    for header in shown[1:]:
        table.add_column(header, justify="right", no_wrap=True)
    for number, estimate in enumerate(estimates):
        lq = estimate["location_quotient"]
        cells: dict[str, Text | str] = {
            "Place": literal(place_name(estimate["area"])),
            "Employment": count(estimate["employment"]),
            "Median": wage(estimate, "median"),
            "10th - 90th": f"{wage(estimate, 'p10')} - {wage(estimate, 'p90')}",
            "LQ": "-" if lq is None else f"{lq:.2f}",
        }
        if worth is not None:
            extra = worth_cells(worth["places"][number])
            cells.update(zip(("Take-home", "Housing", "After housing"), extra, strict=True))
        table.add_row(*(cells[header] for header in shown))
    first = estimates[0]
    whose = literal(
        f"{occupation_label(occupation)}; {first['source']}, {first['release']}.", MUTED
    )
    quotient = Text(
        "LQ: location quotient, the share of local jobs in this occupation over the national"
        " share.",
        MUTED,
    )
    steps = WHERE_STEPS if worth is None else WORTH_STEPS
    fitted = Fitted(table, steps, fallback="records")
    footnotes = Footnotes(fitted, [(None, whose), ("LQ", quotient)])
    if worth is None:
        return Group(fitted, Text(), footnotes)
    areas = [estimate["area"] for estimate in estimates]
    return Group(fitted, Text(), footnotes, worth_caption(worth, areas))


def worth_cells(found: MedianWorth) -> list[str]:
    """Take-home, housing index (``*``: a fallback, said under the table) and after
    housing, each ``n/a`` where it cannot be computed."""
    tax, housing = found["tax"], found["housing"]
    index = "n/a" if housing is None else f"{housing['index']:.3f}"
    if housing is not None and housing["fallback"]:
        index += "*"
    after = found["after_housing"]
    return [
        "n/a" if tax is None else signed(whole_take_home(tax)),
        index,
        "n/a" if after is None else f"~{money(after)}",
    ]


def worth_caption(worth: Mapping[str, Any], areas: Sequence[AreaRecord]) -> Text:
    """Whose the take-home and housing figures are, that they are estimates, what they leave
    out, and each place's notes (the same note for several places said once)."""
    sources = worth["sources"]
    filing = filing_words(worth["filing"])
    rows = [{"area": area, **found} for area, found in zip(areas, worth["places"], strict=True)]
    excluded: list[str] = next(
        (row["tax"]["excluded"] for row in rows if row["tax"] is not None), []
    )
    lines = [
        "Take-home, an estimate: the median less federal and state income tax, Social"
        f" Security and Medicare, {filing}, wages only; {sources['tax']}"
        f" ({sources['tax_tables']}).",
    ]
    if excluded:
        lines.append(f"Not included: {'; '.join(excluded)}.")
    lines += [HOUSING_WORDS, f"Housing: {sources['housing']}."]
    if any(area["type"] == "state" for area in areas):
        lines.append(
            "A state's housing index: the mean of its OEWS areas' figures, weighted by their"
            " employment."
        )
    said: dict[str, list[str]] = {}
    for row in rows:
        notes = [row["wages_absent"]] if row["wages_absent"] else []
        # a state's basis differs only in its count of areas: said once, above
        notes += place_notes(row, state_basis=False)
        for note in notes:
            said.setdefault(note, []).append(place_name(row["area"]))
    for note, names in said.items():
        whose = "Every place" if len(names) == len(rows) > 1 else "; ".join(names)
        lines.append(f"{whose}: {note}.")
    return literal("\n".join(lines), MUTED)


# ``where`` on a narrow terminal: the columns least needed to choose a place go first, then
# the spread wraps between its ends, and goes last.
WHERE_STEPS = (
    (DROP, "LQ"),
    (DROP, "Employment"),
    (WRAP, "10th - 90th"),
    (DROP, "10th - 90th"),
)
# With the worth columns, the spread goes before the place names wrap.
WORTH_STEPS = ((DROP, "10th - 90th"),)


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
            facts.add_row("Local pay", literal(no_figures(where)))
        else:
            facts.add_row("Local pay", literal(provenance(local), MUTED))
            facts.add_row("", distribution(local))
    occupation = national["occupation"]
    title = Text.assemble(
        literal(occupation["title"], "bold underline"), (f"  {occupation['code']}", MUTED)
    )
    return Group(title, Text(), Fitted(facts, fallback="under"))
