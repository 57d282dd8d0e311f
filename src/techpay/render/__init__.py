"""Formatting results: ``data`` for machines (JSON), ``views`` for people (Rich).

The two are separate modules so that ``--json`` never pays for importing Rich.
"""
