"""The techpay command line (Typer). Importing this package registers every command."""

from techpay.cli import career, explore, manage
from techpay.cli.app import app, run

__all__ = ["app", "career", "explore", "manage", "run"]
