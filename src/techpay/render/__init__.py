"""Formatting the answers the commands computed: ``data`` for machines (JSON), ``plain`` for
grep and awk, and the Rich views for people (``style`` and the modules built on it).

They are separate modules so that ``--json`` never pays for importing Rich.
"""
