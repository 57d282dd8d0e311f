"""Why a figure is missing: one phrase for each reason, defined here and used wherever a
missing figure is explained (tables, notes on stderr, JSON's notes and reasons).

- BLS published no estimate for the occupation in a place: :func:`no_figures`.
- BLS published the estimate without a figure, with its footnote: its own words, as its
  release gives them (5: top-coded, 4: hourly only, 8: :data:`NOT_RELEASED`, the words of
  its footnote 8 where a release's footnote file lacks them): :func:`no_wages`.
- techpay maps no official occupation to a role: :data:`NO_OCCUPATION`.

In a table a missing figure's cell is :data:`MISSING`; the reason is beside or under it.
"""

from __future__ import annotations

MISSING = "n/a"
NOT_RELEASED = "Estimate not released."  # BLS's footnote 8
NO_OCCUPATION = "no official occupation is mapped to this role"


def no_figures(place: str | None = None, occupation: str = "this occupation") -> str:
    """``BLS published no figures for 15-1252 in Guam``; ``... here`` without a place."""
    where = "here" if place is None else f"in {place}"
    return f"BLS published no figures for {occupation} {where}"


def no_wages(reason: str | None, place: str | None = None) -> str:
    """``BLS published no wages here (Estimate not released.)``: an estimate without a
    wage, and BLS's footnote for it."""
    where = "here" if place is None else f"in {place}"
    return f"BLS published no wages {where} ({reason or 'no reason given'})"
