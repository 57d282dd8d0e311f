"""Spelling rules for the names people type: role ids, aliases, skill tags, clusters."""

from __future__ import annotations


def normalise_name(text: str) -> str:
    """Lower-case, trim, and join words with hyphens: ``" Site Reliability_Engineer"``
    becomes ``"site-reliability-engineer"``."""
    return "-".join(text.lower().replace("_", " ").split())
