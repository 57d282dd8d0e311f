"""The options and arguments the commands share, each declared once, with their completion.

Commands import what they take from here; the application, its global options and error
handling are in ``techpay.cli.app``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

import typer

from techpay.cli.app import SortKey, catalog
from techpay.core import queries
from techpay.core.amounts import parse_amount
from techpay.core.errors import TechpayError

Command = TypeVar("Command", bound=Callable[..., Any])


def complete_tag(ctx: typer.Context, incomplete: str) -> list[str]:
    """TAB completion for skill tags."""
    try:
        return [tag for tag in queries.known_tags(catalog(ctx).roles) if tag.startswith(incomplete)]
    except TechpayError:
        return []


def complete_cluster(ctx: typer.Context, incomplete: str) -> list[str]:
    """TAB completion for cluster names."""
    try:
        return [name for name in catalog(ctx).record["clusters"] if name.startswith(incomplete)]
    except TechpayError:
        return []


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """TAB completion for ROLE: the ids and aliases that start with what was typed."""
    try:
        return catalog(ctx).role_names.completions(incomplete)
    except TechpayError:
        return []


def role_argument(help_text: str, metavar: str = "ROLE") -> Any:
    """A role argument: named ROLE (or FROM, TO) in help, completed from role names."""
    return typer.Argument(metavar=metavar, help=help_text, autocompletion=complete_role)


JsonFlag = Annotated[
    bool,
    typer.Option(
        "--json", help="Print JSON instead of a table ('techpay help json' says what is in it)."
    ),
]
SortOption = Annotated[
    SortKey,
    typer.Option(
        "--sort",
        "-s",
        case_sensitive=False,
        help=(
            "rank: the article's order; salary: by range midpoint, highest first (ties: higher"
            " max, then rank); min / max: by that end of the range, highest first; name: A-Z;"
            " official: by official median, highest first, roles without one last. Orders by"
            " pay sort each currency on its own: USD first, then the others by code."
        ),
    ),
]
ReverseFlag = Annotated[bool, typer.Option("--reverse", "-r", help="Flip the order.")]
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help="Keep the first N roles.")
]
SvgOption = Annotated[
    str | None, typer.Option("--svg", metavar="FILE", help="Also save what is drawn as SVG.")
]
HtmlOption = Annotated[
    str | None, typer.Option("--html", metavar="FILE", help="Also save what is drawn as HTML.")
]
ForceFlag = Annotated[
    bool, typer.Option("--force", help="Overwrite the file written if it exists.")
]
PlainFlag = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="One record per line, tab-separated, after a header row: for grep and awk.",
    ),
]
NoHeaderFlag = Annotated[
    bool, typer.Option("--no-header", help="--plain without its header row (implies --plain).")
]
OfficialFlag = Annotated[
    bool,
    typer.Option(
        "--official",
        help="Add the official median (BLS OEWS, May 2025) and the range's premium over it.",
    ),
]


def complete_place(incomplete: str) -> list[str]:
    """TAB completion for PLACE: postal codes, then state and metro names as one word."""
    from techpay.official.bundle import open_bundle
    from techpay.official.places import completions

    try:
        return completions(incomplete, open_bundle().areas().values())
    except TechpayError:
        return []


# What --in does, the one rule every command that shows roles follows (README: "Where it
# pays"). Declared once, here; where, offer and occupation take their own --in.
PlaceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--in",
        metavar="PLACE",
        help=(
            "Also show each role's figures in PLACE, a state (CA, texas), a metro area (austin,"
            " 'san jose') or a BLS area code: the official figures of its occupation there (BLS"
            " OEWS, as published) and the article's range scaled there (an estimate, to the"
            " nearest $1,000). Nothing shown without --in is replaced; --sort official sorts"
            " by the median there. One place."
        ),
        autocompletion=complete_place,
    ),
]


def places_option(help_text: str) -> Any:
    """A ``--in PLACE`` with its own help (``where``, ``offer``, ``occupation``): completed
    like ``PlaceOption``."""
    return typer.Option("--in", metavar="PLACE", help=help_text, autocompletion=complete_place)


def _amount(text: str) -> int:
    return parse_amount(text)


MinSalaryOption = Annotated[
    int | None,
    typer.Option(
        "--min-salary",
        parser=_amount,
        metavar="AMOUNT",
        help=(
            "Keep roles whose whole range is at or above AMOUNT (min >= AMOUNT). AMOUNT is US"
            " dollars: roles paid in other currencies are left out."
        ),
    ),
]
MaxSalaryOption = Annotated[
    int | None,
    typer.Option(
        "--max-salary",
        parser=_amount,
        metavar="AMOUNT",
        help=(
            "Keep roles whose whole range is at or below AMOUNT (max <= AMOUNT);"
            " open-ended ranges never are. AMOUNT is US dollars: roles paid in other"
            " currencies are left out."
        ),
    ),
]
SkillOption = Annotated[
    list[str] | None,
    typer.Option(
        "--skill",
        "-k",
        metavar="TAG",
        help="Keep roles with this skill tag; repeat to require all.",
        autocompletion=complete_tag,
    ),
]
ClusterOption = Annotated[
    list[str] | None,
    typer.Option(
        "--cluster",
        "-c",
        metavar="NAME",
        help="Keep roles in this cluster; repeat to require all.",
        autocompletion=complete_cluster,
    ),
]
TextOption = Annotated[
    str | None,
    typer.Option(
        "--text",
        "-t",
        metavar="WORDS",
        help="Keep roles whose title, summary, duties or skills contain every word (any case).",
    ),
]


# The selection options (README: `techpay filter`), by the names the commands' parameters
# have, with their defaults: declared here once, for filter, chart and export.
SELECTION_OPTIONS: dict[str, tuple[Any, Any]] = {
    "min_salary": (MinSalaryOption, None),
    "max_salary": (MaxSalaryOption, None),
    "skill": (SkillOption, None),
    "cluster": (ClusterOption, None),
    "text": (TextOption, None),
    "sort": (SortOption, "rank"),
    "reverse": (ReverseFlag, False),
}


def selection_options(
    *, after: str = "ctx", sort: SortKey = "rank"
) -> Callable[[Command], Command]:
    """Give a command the selection options, after its parameter ``after``.

    The command takes them as ``**selection`` and passes them on to its handler as they
    are: Typer reads the parameters off the signature this sets, and calls the command
    with each by name. ``sort`` is the default order.
    """

    def declare(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        kept = [
            parameter
            for parameter in signature.parameters.values()
            if parameter.kind is not inspect.Parameter.VAR_KEYWORD
        ]
        at = [parameter.name for parameter in kept].index(after) + 1
        declared = [
            inspect.Parameter(
                name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=annotation,
                default=sort if name == "sort" else default,
            )
            for name, (annotation, default) in SELECTION_OPTIONS.items()
        ]
        command.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[*kept[:at], *declared, *kept[at:]]
        )
        return command

    return declare


# What pay is worth (net, offer, where): an hourly amount, the filing status and the state
# that taxes.
HourlyFlag = Annotated[
    bool,
    typer.Option(
        "--hourly", help="AMOUNT is an hourly wage (72.50): annualised as BLS does, x 2,080."
    ),
]
Filing = Literal["single", "joint"]

FilingOption = Annotated[
    Filing,
    typer.Option(
        "--filing",
        case_sensitive=False,
        help="single, or joint: married filing jointly with one earner.",
    ),
]
TaxStateOption = Annotated[
    str | None,
    typer.Option(
        "--tax-state",
        metavar="XX",
        help=(
            "Tax every place as living in this state (a postal code): for a metro area"
            " spanning states, taxed in the state its name names first unless you say."
        ),
    ),
]
