"""BLS's values as the bundle's rows: which datatypes are kept, how a value or symbol is
read, and an estimate's row (with its hourly figures where BLS published only those).

Both import paths (the upstream database and BLS's flat files, see
:mod:`techpay.official.build`) make their rows here, so they give the same rows.
"""

from __future__ import annotations

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


def soc(code: str) -> str:
    """``151252`` -> ``15-1252``."""
    return f"{code[:2]}-{code[2:]}"


def figure(text: str | None, footnote: str | None, datatype: str) -> tuple[int | None, str | None]:
    """A BLS value as ``(number, None)``, or ``(None, footnote code)`` when it has no number.

    Raises ValueError for text that is neither a number nor one of BLS's symbols.
    """
    text = (text or "").strip()
    if text in ("", "-", "#", "*"):
        code = (footnote or "").strip() or ("5" if text == "#" else "8")
        return None, code
    value = float(text)
    if value < 0:
        raise ValueError(text)
    return (round(value * 100) if datatype in CENTS else round(value)), None


def estimate_row(
    occupation: str, area: str, values: Mapping[str, tuple[str | None, str | None]]
) -> tuple[object, ...] | None:
    """One bundle row from BLS values keyed by datatype code, followed by its hourly
    figures (:func:`hourly_figures`); None when nothing is published."""
    numbers, absent = _figures(FIGURES, values, area)
    if all(number is None for number in numbers) and not absent:
        return None
    hourly = hourly_figures(values, absent)
    return (soc(occupation), area, *numbers, ",".join(absent) or None, hourly)


def hourly_figures(
    values: Mapping[str, tuple[str | None, str | None]], absent: list[str]
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
    values: Mapping[str, tuple[str | None, str | None]],
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
