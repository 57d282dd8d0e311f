"""The techpay command line: parse arguments, call the core, print the result.

Errors are caught in one place, :func:`run`, and printed as one line on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from techpay import __version__, queries
from techpay.dataset import load_bundled
from techpay.errors import EXIT_OK, EXIT_USAGE, TechpayError
from techpay.render import data, views

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType

    from techpay.dataset import Catalog

SortKey = Literal["rank", "salary", "min", "max", "name"]


class TechpayGroup(typer.core.TyperGroup):
    """The root command; its ``main`` is the one place errors become exit codes.

    Both the real command and Typer's CliRunner call ``main``, so tests see exactly what
    users see: one line on stderr and the documented exit code, never a traceback.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        arguments = list(sys.argv[1:] if args is None else args) or ["--help"]
        try:
            result = super().main(
                args=arguments,
                prog_name=prog_name or "techpay",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = result if isinstance(result, int) else EXIT_OK
        except TechpayError as error:
            code = report(str(error), error.exit_code)
        except typer.TyperException as error:
            code = report(_usage_message(error), error.exit_code)
        except typer.Abort:
            code = report("aborted", EXIT_USAGE)
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    name="techpay",
    cls=TechpayGroup,
    help=(
        "Explore the highest paying tech jobs of 2026: salary ranges, what each role does,"
        " the skills it needs, and how roles compare.\n\n"
        "Figures are US average salary ranges (USD per year) from the article the dataset"
        " is built from. Every command takes --json for scripts."
    ),
    epilog=(
        "\b\nExamples:\n"
        "  techpay list --sort salary\n"
        "  techpay show sre\n"
        "  techpay compare sre devops\n"
        "  techpay filter --skill python --min-salary 150k\n"
        "  techpay list --json | jq -r '.[] | [.title, .salary.midpoint] | @tsv'"
    ),
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonFlag = Annotated[
    bool,
    typer.Option("--json", help="Print JSON instead of a table (schema in the README)."),
]
SortOption = Annotated[
    SortKey,
    typer.Option(
        "--sort",
        "-s",
        help=(
            "rank: the article's order; salary: by range midpoint, highest first (ties: higher"
            " max, then rank); min / max: by that end of the range, highest first; name: A-Z."
        ),
    ),
]
ReverseFlag = Annotated[bool, typer.Option("--reverse", "-r", help="Flip the order.")]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"techpay {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Explore the highest paying tech jobs of 2026."""


@app.command("list")
def list_roles(
    sort: SortOption = "rank",
    reverse: ReverseFlag = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Show at most N roles.")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """List the roles with their salary ranges.

    Roles come in the article's order unless --sort says otherwise.

    \b
    Examples:
      techpay list --sort salary --limit 3
      techpay list --sort name --reverse
      techpay list --json | jq '.[] | select(.salary.min >= 150000) | .id'
    """
    roles = queries.sort_roles(catalog().roles, sort, reverse)[:limit]
    emit(json_output, lambda: data.role_list(roles), lambda: views.roles_table(roles))


@app.command()
def show(
    role: Annotated[
        str, typer.Argument(metavar="ROLE", help="Id, alias, title or unique prefix, e.g. sre.")
    ],
    json_output: JsonFlag = False,
) -> None:
    """Show everything about one role.

    Salary range and midpoint, summary, why it pays, responsibilities, skills with their
    tags, clusters and every name the role answers to. ROLE can be an id, an alias, the
    title or a prefix that fits only one role, in any case.

    \b
    Examples:
      techpay show sre
      techpay show "machine learning engineer"
      techpay show cyber --json
    """
    found = catalog().resolve(role)
    emit(json_output, lambda: data.role_object(found), lambda: views.role_view(found))


@app.command()
def compare(
    roles: Annotated[
        list[str],
        typer.Argument(metavar="ROLE", help="Two or more roles; the first is the baseline."),
    ],
    json_output: JsonFlag = False,
) -> None:
    """Compare two or more roles side by side.

    Salary ranges and midpoints, and each role's difference from the first one (the
    baseline): min, max and midpoint in dollars, the midpoint also in percent. Then
    responsibilities, skills, the skill tags every role shares and those only one has.

    \b
    Examples:
      techpay compare sre devops
      techpay compare mle ds ai-pm
      techpay compare em ai-pm --json | jq '.salary_differences'
    """
    comparison = queries.compare_roles(catalog().resolve_all(roles))
    emit(
        json_output,
        lambda: data.comparison_object(comparison),
        lambda: views.comparison_view(comparison),
    )


def _amount(text: str) -> int:
    return queries.parse_amount(text)


@app.command("filter")
def filter_roles(
    min_salary: Annotated[
        int | None,
        typer.Option(
            "--min-salary",
            parser=_amount,
            metavar="AMOUNT",
            help="Keep roles whose whole range is at or above AMOUNT (min >= AMOUNT).",
        ),
    ] = None,
    max_salary: Annotated[
        int | None,
        typer.Option(
            "--max-salary",
            parser=_amount,
            metavar="AMOUNT",
            help=(
                "Keep roles whose whole range is at or below AMOUNT (max <= AMOUNT);"
                " open-ended ranges never are."
            ),
        ),
    ] = None,
    skill: Annotated[
        list[str] | None,
        typer.Option(
            "--skill",
            "-k",
            metavar="TAG",
            help="Keep roles with this skill tag; repeat to require all.",
        ),
    ] = None,
    cluster: Annotated[
        list[str] | None,
        typer.Option(
            "--cluster",
            "-c",
            metavar="NAME",
            help="Keep roles in this cluster; repeat to require all.",
        ),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            "-t",
            metavar="WORDS",
            help="Keep roles whose title, summary, duties or skills contain every word (any case).",
        ),
    ] = None,
    sort: SortOption = "rank",
    reverse: ReverseFlag = False,
    json_output: JsonFlag = False,
) -> None:
    """Find the roles that meet every criterion given.

    AMOUNT is a yearly figure: 150000, 150k, $150,000 or 1.2m. Skill tags are the
    ones 'techpay show' lists (python, kubernetes, aws, ...); clusters are ai, cloud,
    security and leadership. With no criteria, every role matches.

    \b
    Examples:
      techpay filter --skill python --min-salary 150k
      techpay filter --cluster ai --cluster leadership
      techpay filter --max-salary 190k --sort salary
      techpay filter --text "incident response" --json
    """
    everything = catalog()
    queries.check_known("skill tag", skill or [], queries.known_tags(everything.roles))
    queries.check_known("cluster", cluster or [], everything.record["clusters"])
    matches = queries.filter_roles(
        everything.roles,
        min_salary=min_salary,
        max_salary=max_salary,
        skills=skill or [],
        clusters=cluster or [],
        text=text,
    )
    roles = queries.sort_roles(matches, sort, reverse)
    if not roles and not json_output:
        views.make_console(sys.stderr, stderr=True).print("No roles match.")
        return
    emit(json_output, lambda: data.role_list(roles), lambda: views.roles_table(roles))


def catalog() -> Catalog:
    """The dataset the commands work on."""
    return load_bundled()


def emit(
    json_output: bool, payload: Callable[[], object], view: Callable[[], RenderableType]
) -> None:
    """Print a result: JSON written as plain text, or a Rich view. Only one is built."""
    if json_output:
        sys.stdout.write(data.dumps(payload()))
    else:
        views.make_console(sys.stdout).print(view())


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI on ``argv`` (default: the process's arguments); return the exit code."""
    command = typer.main.get_command(app)
    code: int = command.main(args=argv, prog_name="techpay", standalone_mode=False)
    return code


def _usage_message(error: typer.TyperException) -> str:
    context = getattr(error, "ctx", None)
    message = error.format_message().replace("Value error, ", "").rstrip(".")
    if context is None:
        return message
    return f"{message} (see '{context.command_path} --help')"


def report(message: str, exit_code: int) -> int:
    """Print one line to stderr and hand back the exit code."""
    sys.stderr.write(f"techpay: {message}\n")
    return exit_code
