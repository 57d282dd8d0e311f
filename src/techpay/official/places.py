"""Resolve the places people type: a state's name or postal code, a metro area's name or any
unique part of it, a BLS area code, or the nation.

Pure functions over the bundle's area records; the bundle is read by the caller.
"""

from __future__ import annotations

from techpay.core.errors import Ambiguous, NotFound

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from techpay.core.records import AreaRecord

NATION_NAMES = {"us", "usa", "united states", "national", "nation", "nationwide"}
_HINT = "type more of the name, a state's postal code, or a BLS area code"
_UNKNOWN_HINT = "try a state (CA, texas) or a metro area (austin, san jose)"


def words(text: str) -> list[str]:
    """Lower-case words: ``"Austin-Round Rock, TX"`` -> ``["austin", "round", "rock", "tx"]``."""
    # Without re, which would cost the fast path more than a place look-up does.
    lowered = text.lower()
    return "".join(c if c.isascii() and c.isalnum() else " " for c in lowered).split()


def slug(area: AreaRecord) -> str:
    """The name as one word for TAB completion: ``austin-round-rock-san-marcos-tx``."""
    return "-".join(words(area["name"]))


def resolve(query: str, areas: Mapping[str, AreaRecord]) -> AreaRecord:
    """The one area ``query`` names; :class:`NotFound` or :class:`Ambiguous` otherwise.

    In order: a BLS area code (7 digits, or a metro's 5-digit CBSA code); the nation; a postal
    code; a state's full name; a metro's full name; then every area whose name holds the typed
    words in order (the last one may be a prefix): one is an answer, several are ambiguous.
    """
    typed = words(query)
    key = " ".join(typed)
    if not typed:
        raise NotFound("place", query, [], _UNKNOWN_HINT)
    exact = _exact(key, areas)
    if exact is not None:
        return exact
    found = [area for area in areas.values() if _holds(words(area["name"]), typed)]
    if len(found) == 1:
        return found[0]
    if found:
        states = [area for area in found if area["type"] == "state"]
        if len(states) == 1:
            return states[0]
        raise Ambiguous(query, [f"{area['name']} ({area['code']})" for area in found], _HINT)
    raise NotFound("place", query, suggest(key, areas.values()), _UNKNOWN_HINT)


def _exact(key: str, areas: Mapping[str, AreaRecord]) -> AreaRecord | None:
    if key.isdigit() and len(key) in (5, 7):
        return areas.get(key.zfill(7))
    for area in areas.values():
        if key in NATION_NAMES and area["type"] == "national":
            return area
        if area["type"] == "state" and key in (
            " ".join(words(area["name"])),
            area["postal"] and area["postal"].lower(),
        ):
            return area
    for area in areas.values():
        if area["type"] == "metro" and key == " ".join(words(area["name"])):
            return area
    return None


def _holds(name: list[str], typed: list[str]) -> bool:
    """Whether the typed words occur in the name in order, the last as a prefix."""
    position = 0
    for index, word in enumerate(typed):
        last = index == len(typed) - 1
        while position < len(name) and not (
            name[position] == word or (last and name[position].startswith(word))
        ):
            position += 1
        if position == len(name):
            return False
        position += 1
    return True


def suggest(key: str, areas: Iterable[AreaRecord]) -> list[str]:
    """Up to three place names close to a misspelt one, closest first."""
    from difflib import SequenceMatcher

    scored = []
    for area in areas:
        first = " ".join(words(area["name"].replace(",", "-").split("-")[0]))
        score = max(
            SequenceMatcher(None, key, first).ratio(),
            SequenceMatcher(None, key, " ".join(words(area["name"]))).ratio(),
        )
        scored.append((-score, area["name"]))
    return [name for negative, name in sorted(scored)[:3] if -negative >= 0.6]


def completions(incomplete: str, areas: Iterable[AreaRecord]) -> list[str]:
    """PLACE completions: postal codes (in the case typed), then state names, then metro
    names, each as one word."""
    prefix = incomplete.lower()
    listed = list(areas)
    states = [area for area in listed if area["type"] == "state"]
    codes = [area["postal"] for area in states if area["postal"]]
    if incomplete == prefix:
        codes = [code.lower() for code in codes]
    names = [slug(area) for area in states]
    names += [slug(area) for area in listed if area["type"] == "metro"]
    return [name for name in [*codes, *names] if name.lower().startswith(prefix)]
