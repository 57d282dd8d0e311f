"""The housing index of a place: the Census Bureau's SPM geographic adjustment for renters,
2024 (from techpay's tables, ``worth.sqlite``).

The Supplemental Poverty Measure adjusts its thresholds by place: the renters' housing share
(0.443) times the area's median rent over the nation's, plus the rest (0.557). 1 is the
national average; San Jose's is 1.517, rural Alabama's 0.802. Census publishes it for metro
areas (by CBSA code, the codes OEWS uses) and for the metro and nonmetro remainder of each
state. An OEWS area finds its figure by its code; failing that by the code Census's file
gives the same area (:data:`RECODED`); failing that, the remainder of its state (a
fallback, said so). A state's figure is the mean of its OEWS areas' figures, weighted by
their employment (built by ``scripts/build_worth.py``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Mapping

    from techpay.core.records import AreaRecord, HousingRecord

    Entry = Mapping[str, object]

YEAR = 2024
SOURCE = "Census Bureau SPM geographic adjustments, 2024"
# Ours: OEWS areas (2023 delineations) that Census's 2024 file keys by the area's earlier
# CBSA code; tests/test_worth.py checks that each pair names the same place.
RECODED = {
    "0017410": "17460",  # Cleveland, OH (Cleveland-Elyria)
    "0019430": "19380",  # Dayton-Kettering-Beavercreek, OH (Dayton-Kettering)
    "0039150": "39140",  # Prescott Valley-Prescott, AZ
    "0030500": "15680",  # Lexington Park, MD (California-Lexington Park)
}


def _remainder(area: AreaRecord, fips: int) -> tuple[str, str]:
    """The SPM key and name of the state remainder an OEWS area falls back on."""
    if "nonmetropolitan" in area["name"].lower():
        return str(fips * 1000 + 2), "nonmetro"
    return str(fips * 1000 + 1), "metro"


def resolve(
    area: AreaRecord, fips: int, entries: Mapping[str, Entry]
) -> tuple[Entry, str | None] | None:
    """A metro or nonmetro area's SPM entry, and the fallback used to find it (None: its own
    figure). None when Census has no figure for it or its state's remainder."""
    code = area["code"]
    own = RECODED.get(code) or (code[2:] if code.startswith("00") else None)
    if own is not None and own in entries:
        return entries[own], None
    key, kind = _remainder(area, fips)
    if key in entries:
        entry = entries[key]
        return entry, f"no figure of its own: the {kind} remainder of its state ({entry['name']})"
    return None


def state_figures(
    rows: Iterable[tuple[str, str, str, str | None, str, int | None]], entries: Mapping[str, Entry]
) -> list[tuple[str, float, float, int, int, int]]:
    """Each state's figure from its OEWS areas ``(code, type, state FIPS, postal, name,
    employment)``: the employment-weighted means of the renters' adjustment and the rent
    index, how many areas count, how many of those by a fallback, and their employment."""
    sums: dict[str, list[float]] = {}
    for code, kind, fips, postal, name, employment in rows:
        area: AreaRecord = {"code": code, "type": kind, "name": name, "postal": postal}
        found = resolve(area, int(fips), entries)
        if found is None or not employment:
            continue
        entry, fallback = found
        total = sums.setdefault(fips, [0.0, 0.0, 0, 0, 0])
        total[0] += float(entry["renter"]) * employment  # type: ignore[arg-type]
        total[1] += float(entry["rent_index"]) * employment  # type: ignore[arg-type]
        total[2] += 1
        total[3] += fallback is not None
        total[4] += employment
    return [(fips, round(t[0] / t[4], 4), round(t[1] / t[4], 4), int(t[2]), int(t[3]), int(t[4]))
            for fips, t in sorted(sums.items())]  # fmt: skip


def national() -> HousingRecord:
    """The nation's housing index: 1, the national average, by definition."""
    return {
        "index": 1.0, "rent_index": 1.0, "year": YEAR, "source": SOURCE,
        "basis": "the national average, 1 by definition", "fallback": None,
    }  # fmt: skip


class Figures:
    """Census's figures as the tables hold them, each kind read in one query when first
    needed: every SPM area's (for metro areas), and each state's (:func:`state_figures`)."""

    def __init__(self, tables: sqlite3.Connection) -> None:
        self.tables = tables
        self._entries: dict[str, Entry] | None = None
        self._states: dict[str, tuple[float, float, int, int]] | None = None

    @property
    def entries(self) -> dict[str, Entry]:
        if self._entries is None:
            self._entries = {
                code: {"code": code, "name": name, "renter": renter, "rent_index": rent}
                for code, name, renter, rent in self.tables.execute(
                    "SELECT code, name, renter, rent_index FROM housing"
                )
            }
        return self._entries

    @property
    def states(self) -> dict[str, tuple[float, float, int, int]]:
        if self._states is None:
            self._states = {
                state: (renter, rent, count, fallbacks)
                for state, renter, rent, count, fallbacks in self.tables.execute(
                    "SELECT state, renter, rent_index, areas, fallbacks FROM housing_state"
                )
            }
        return self._states

    def of(self, area: AreaRecord, fips: int | None) -> HousingRecord | None:
        """The housing index of an OEWS area; None where Census publishes none for it."""
        base = national()
        if area["type"] == "national":
            return base
        if fips is None:
            return None
        if area["type"] == "state":
            return self._state(base, fips)
        found = resolve(area, fips, self.entries)
        if found is None:  # no figure of its own, and its state has no metro remainder
            state = self._state(base, fips)
            if state is not None:
                state["fallback"] = (
                    "no figure of its own, and Census gives its state no metro remainder:"
                    f" the state's figure, {state['basis']}"
                )
            return state
        entry, fallback = found
        base["index"] = round(float(entry["renter"]), 4)  # type: ignore[arg-type]
        base["rent_index"] = float(entry["rent_index"])  # type: ignore[arg-type]
        base["basis"], base["fallback"] = str(entry["name"]), fallback
        return base

    def _state(self, base: HousingRecord, fips: int) -> HousingRecord | None:
        """A state's figure: the employment-weighted mean of its areas' (see the module)."""
        row = self.states.get(f"{fips:02d}")
        if row is None:
            return None
        renter, rent, count, fallbacks = row
        how = f"the mean of its {count} OEWS areas' figures, weighted by their employment"
        if fallbacks:
            how += f" ({fallbacks} of them by a fallback)"
        return {**base, "index": renter, "rent_index": rent, "basis": how}
