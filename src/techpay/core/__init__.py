"""The core: the data model, loading and validating role data, resolving names, and the
queries over roles. Neither Typer nor Rich is imported here."""
