"""The techpay command line (Typer). Importing this package registers every command.

The import order is the order of the commands in ``techpay --help``: exploring first, then
the career questions, then managing data files, then ``help``.
"""

# isort: off
from techpay.cli import explore
from techpay.cli import career
from techpay.cli import official
from techpay.cli import pay
from techpay.cli import worth
from techpay.cli import offers
from techpay.cli import official_data
from techpay.cli import manage

# isort: on
from techpay.cli.app import app, run
from techpay.cli.help_command import help_command

app.command("help")(help_command)  # last in the list, after the commands it explains

__all__ = [
    "app",
    "career",
    "explore",
    "manage",
    "offers",
    "official",
    "official_data",
    "pay",
    "run",
    "worth",
]
