"""The techpay command line (Typer). Importing this package registers every command."""

from techpay.cli import explore, manage
from techpay.cli.app import app, run

__all__ = ["app", "explore", "manage", "run"]
