"""What an import reads a release into, and what the readers of its sources share.

The readers of BLS's flat files (:mod:`techpay.official.flat`, :mod:`techpay.official.tabfiles`)
and of the upstream database (:mod:`techpay.official.build`) all stop on a
:class:`SourceError` naming the file (and line) in the source's terms; they live above this
module, which imports none of them.
"""

from __future__ import annotations

import os
import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import IO

ALL_INDUSTRIES = "000000"
DETAILED = 3  # BLS display level of a detailed occupation
AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}
SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS)"
RELEASE_CODE = re.compile(r"(\d{4})A01", re.ASCII)  # the May estimates of a year
FIRST_YEAR = 1997  # OEWS's first estimates in BLS's time series


class SourceError(Exception):
    """The source is not a BLS OEWS release in a layout we read; the message says where."""


class Release:
    """Everything a bundle is built from: the release's facts and its rows, and how
    messages name where its facts (``origin``) and its estimates (``data``) come from."""

    def __init__(
        self,
        meta: Mapping[str, str],
        footnotes: Iterable[tuple[int, str]],
        areas: Iterable[tuple[str, str, str, str]],
        occupations: Iterable[tuple[str, str]],
        estimates: Iterable[tuple[object, ...]],
        *,
        origin: str = "",
        data: str = "",
    ) -> None:
        self.meta = dict(meta)  # release, release_code, published, sources, ...
        self.footnotes = footnotes  # (code, text)
        self.areas = areas  # (area code, type N/S/M, state FIPS code, name)
        self.occupations = occupations  # (code like 15-1252, title)
        # rows in the estimate table's column order, each followed by its hourly row's
        # figures (see techpay.official.cells.estimate_row), or None
        self.estimates = estimates
        self.origin, self.data = origin, data


def check_release_code(code: object, where: str) -> str:
    """A release code as BLS writes it, ``2025A01`` (a year's May estimates, 1997 on)."""
    found = RELEASE_CODE.fullmatch(code) if isinstance(code, str) else None
    if found is None or int(found[1]) < FIRST_YEAR:
        raise SourceError(f"{where}: not a release code like 2025A01: {code!r}")
    return str(code)


def check_areas(areas: Iterable[tuple[str, str, str, str]], source: str) -> None:
    """Every area has a type techpay knows (nation, state, metro)."""
    for code, kind, _, _ in areas:
        if kind not in AREA_TYPES:
            raise SourceError(f"{source}: area {code} has an unknown area type {kind!r}")


def top_code(footnotes: Mapping[int, str]) -> dict[str, str]:
    """The top code, from BLS's own words in footnote 5 ("... $115.00 per hour or $239,200
    per year"), so that a new release brings its own; empty when the footnote says none."""
    found = re.search(r"\$([\d.]+) per hour or \$([\d,]+) per year", footnotes.get(5, ""))
    if found is None:
        return {}
    return {"top_code": found[2].replace(",", ""), "top_code_hourly": found[1]}


def open_source_file(path: str, label: str) -> IO[bytes]:
    """A source file opened for reading, without blocking: a FIFO, a device or a folder
    is refused (opening a FIFO would wait for a writer forever), and so is a link that
    leads nowhere; ``label`` names the file in messages."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise SourceError(f"{label}: cannot read it ({error.strerror or error})") from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise SourceError(f"{label}: not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def check_regular_file(path: str, label: str) -> None:
    """:func:`open_source_file`, then closed: for sources another library opens."""
    open_source_file(path, label).close()
