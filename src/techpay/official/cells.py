"""BLS's values as the bundle's rows: which datatypes are kept, how a value or symbol is
read, and an estimate's row (with its hourly figures where BLS published only those).

Both import paths (the upstream database and BLS's flat files, see
:mod:`techpay.official.build`) make their rows here, so they give the same rows.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

# BLS datatype codes of the figures kept, in the bundle's column order.
FIGURES = (
    ("employment", "01"),
    ("mean", "04"),
    ("p10", "11"),
    ("p25", "12"),
    ("median", "13"),
    ("p75", "14"),
    ("p90", "15"),
    ("lq", "17"),
)
# The hourly wages kept for an estimate whose annual wages BLS did not publish because the
# occupation is paid by the hour (footnote 4), in the hourly table's column order.
HOURLY = (
    ("mean", "03"),
    ("p10", "06"),
    ("p25", "07"),
    ("median", "08"),
    ("p75", "09"),
    ("p90", "10"),
)
HOURLY_ONLY = "4"  # BLS's footnote: wages reported hourly or annually, as the job is paid
CENTS = {code for _, code in HOURLY} | {"17"}  # kept in hundredths
# A value as BLS writes one: ASCII digits, perhaps a decimal point and decimals (no sign,
# exponent, digit group or other script's digits), and no more than twelve digits before
# the point, far above any employment or wage, and far below what SQLite can hold.
NUMBER = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,6})?", re.ASCII)
FOOTNOTE = re.compile(r"[0-9]{1,3}", re.ASCII)
SYMBOLS = ("-", "#", "*")


class BadValue(ValueError):
    """A value that is neither a number nor one of BLS's symbols (or a footnote code that
    is not one), in the column ``v`` or ``f`` + datatype code."""

    def __init__(self, column: str, text: object) -> None:
        super().__init__(f"{column}: {text!r}")
        self.column, self.text = column, text
        self.what = "not a footnote code" if column[0] == "f" else "not a number or BLS symbol"


def soc(code: str) -> str:
    """``151252`` -> ``15-1252``."""
    return f"{code[:2]}-{code[2:]}"


def figure(text: object, footnote: object, datatype: str) -> tuple[int | None, str | None]:
    """A BLS value as ``(number, None)``, or ``(None, footnote code)`` when it has no number:
    a symbol, or no value at all (None: BLS gave none for this datatype).

    Raises :class:`BadValue` for a value that is neither a number nor one of BLS's symbols
    (a blank one included), or a footnote that is not a footnote code.
    """
    if footnote is not None and not isinstance(footnote, str):
        raise BadValue(f"f{datatype}", footnote)
    footnote = (footnote or "").strip()
    if footnote and not FOOTNOTE.fullmatch(footnote):
        raise BadValue(f"f{datatype}", footnote)
    if text is None:
        return None, footnote or "8"
    stripped = text.strip() if isinstance(text, str) else text
    if stripped in SYMBOLS:
        return None, footnote or ("5" if stripped == "#" else "8")
    if not isinstance(stripped, str) or not NUMBER.fullmatch(stripped):
        raise BadValue(f"v{datatype}", stripped)
    number = float(stripped) * 100 if datatype in CENTS else float(stripped)
    return round(number), None


def estimate_row(
    occupation: str, area: str, values: Mapping[str, tuple[object, object]]
) -> tuple[object, ...] | None:
    """One bundle row from BLS values keyed by datatype code, followed by its hourly
    figures (:func:`hourly_figures`); None when nothing is published."""
    numbers, absent = _figures(FIGURES, values, area)
    if all(number is None for number in numbers) and not absent:
        return None
    hourly = hourly_figures(values, absent)
    return (soc(occupation), area, *numbers, ",".join(absent) or None, hourly)


def hourly_figures(
    values: Mapping[str, tuple[object, object]], absent: list[str]
) -> tuple[object, ...] | None:
    """The hourly mean and percentiles (in cents) and their absent list, for an estimate
    whose annual wages are absent because BLS published them hourly only; else None."""
    if not any(item.endswith(f":{HOURLY_ONLY}") for item in absent):
        return None
    numbers, missing = _figures(HOURLY, values, "")
    if all(number is None for number in numbers):
        return None
    return (*numbers, ",".join(missing) or None)


def _figures(
    kept: tuple[tuple[str, str], ...],
    values: Mapping[str, tuple[object, object]],
    area: str,
) -> tuple[list[int | None], list[str]]:
    """The numbers of the ``kept`` datatypes, and ``field:footnote`` for each without one."""
    numbers: list[int | None] = []
    absent = []
    for name, datatype in kept:
        text, footnote = values.get(datatype, (None, None))
        number, reason = figure(text, footnote, datatype)
        numbers.append(number)
        if reason is not None and not (name == "lq" and area == "0000000"):
            absent.append(f"{name}:{reason}")  # a nation has no location quotient: no reason
    return numbers, absent
