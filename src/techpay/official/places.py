"""Resolve the places people type: a state's name or postal code, a metro area's name or any
unique part of it, a name people use for a metro area (a table of ours), a BLS area code, or
the nation.

Pure functions over the bundle's area records; the bundle is read by the caller.
"""

from __future__ import annotations

from techpay.core.errors import Ambiguous, NotFound

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from techpay.core.records import AreaRecord

NATION_NAMES = {"us", "usa", "u s", "u s a", "united states", "united states of america",
                "national", "nation", "nationwide"}  # fmt: skip
# Ours, not BLS's: names people use for metro areas, as typed words, and the BLS area codes
# (of the 2025 delineations) each means. A name that means several areas lists them. "la" and
# "dc" are also postal codes: the metro area is what people mean by them, and a note says how
# to ask for Louisiana or the District of Columbia. A code the release in use lacks is skipped.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "nyc": ("0035620",),
    "sf": ("0041860",),
    "san fran": ("0041860",),
    "bay area": ("0041860", "0041940"),
    "silicon valley": ("0041940",),
    "la": ("0031080",),
    "l a": ("0031080",),
    "dc": ("0047900",),
    "d c": ("0047900",),
    "washington d c": ("0047900",),
    "twin cities": ("0033460",),
    "dfw": ("0019100",),
    "atl": ("0012060",),
    "philly": ("0037980",),
    "nola": ("0035380",),
    "slc": ("0041620",),
    "research triangle": ("0039580", "0020500"),
}
_HINT = "type more of the name, a state's postal code, or a BLS area code"
_OURS_HINT = "a name of ours for several metro areas: name one of them"
_UNKNOWN_HINT = "try a state (CA, texas) or a metro area (austin, san jose)"


# Every ASCII character that is not a letter or a digit, as a space (for str.translate).
_SEPARATORS = {code: " " for code in range(128) if not chr(code).isalnum()}


def words(text: str) -> list[str]:
    """Lower-case words: ``"Austin-Round Rock, TX"`` -> ``["austin", "round", "rock", "tx"]``;
    any character that is not an ASCII letter or digit separates words."""
    # Without re, which would cost the fast path more than a place look-up does; translate
    # does ASCII text in one pass (a search splits some 830 titles).
    lowered = text.lower()
    if lowered.isascii():
        return lowered.translate(_SEPARATORS).split()
    return "".join(c if c.isascii() and c.isalnum() else " " for c in lowered).split()


# The words of each area name, split once per process: a look-up compares the typed words with
# every name (some 580), several times over, and a command may look up several places.
_NAME_WORDS: dict[str, tuple[list[str], str]] = {}


def name_words(name: str) -> list[str]:
    """:func:`words` of an area's name, split once and kept (do not change the list)."""
    return _split(name)[0]


def joined(name: str) -> str:
    """An area's name as its words joined by single spaces, kept as :func:`name_words`."""
    return _split(name)[1]


def _split(name: str) -> tuple[list[str], str]:
    found = _NAME_WORDS.get(name)
    if found is None:
        split = words(name)
        found = _NAME_WORDS[name] = (split, " ".join(split))
    return found


def slug(area: AreaRecord) -> str:
    """The name as one word for TAB completion: ``austin-round-rock-san-marcos-tx``."""
    return "-".join(words(area["name"]))


def resolve(query: str, areas: Mapping[str, AreaRecord]) -> AreaRecord:
    """The one area ``query`` names; :class:`NotFound` or :class:`Ambiguous` otherwise (see
    :func:`find`)."""
    return find(query, areas)[0]


def find(query: str, areas: Mapping[str, AreaRecord]) -> tuple[AreaRecord, str | None]:
    """The one area ``query`` names, and a note when the name also names another area: which
    was chosen and how to ask for the other. :class:`NotFound` or :class:`Ambiguous` otherwise.

    In order: a BLS area code (7 digits, or a metro's 5-digit CBSA code); the nation; a name of
    ours (:data:`NICKNAMES`); a postal code; a state's full name; a metro's full name; then
    every area whose name holds the typed words in order (the last one may be a prefix): one
    is an answer, several are ambiguous.
    """
    key = " ".join(words(query))
    if not key:
        raise NotFound("place", query, [], _UNKNOWN_HINT)
    found = named(key, areas)
    if len(found) == 1:
        return found[0], _note(query, key, found[0], areas)
    if found:
        found.sort(key=lambda area: area["type"] != "state")  # states first, then by code
        hint = _OURS_HINT if key in NICKNAMES else _HINT
        raise Ambiguous(query, [f"{area['name']} ({area['code']})" for area in found], hint)
    raise NotFound("place", query, suggest(key, areas.values()), _UNKNOWN_HINT)


def named(key: str, areas: Mapping[str, AreaRecord]) -> list[AreaRecord]:
    """The areas the typed words ``key`` name, first rule that names any (see :func:`find`)."""
    if key.isdigit() and len(key) in (5, 7) and key.zfill(7) in areas:
        return [areas[key.zfill(7)]]
    for area in areas.values():
        if key in NATION_NAMES and area["type"] == "national":
            return [area]
    ours = [areas[code] for code in NICKNAMES.get(key, ()) if code in areas]
    exact = ours or [
        area for area in areas.values() if area["type"] == "state" and _is_state(key, area)
    ]
    if exact:
        return exact
    # Only a name that holds the first typed word can hold them all: a cheap test first
    # (a typed word is letters and digits, so it stands as typed in the lower-cased name).
    first = key.partition(" ")[0]
    held = [area for area in areas.values() if first in area["name"].lower()]
    exact = [area for area in held if area["type"] == "metro" and key == joined(area["name"])]
    if exact:
        return exact
    typed = key.split()
    return [area for area in held if _holds(name_words(area["name"]), typed)]


def _is_state(key: str, area: AreaRecord) -> bool:
    postal = area["postal"] and area["postal"].lower()
    return key in (joined(area["name"]), postal)


def _note(query: str, key: str, chosen: AreaRecord, areas: Mapping[str, AreaRecord]) -> str | None:
    """When the name chosen also names an area of the other kind (a state and a metro area):
    which was chosen, and how to ask for the other."""
    if chosen["type"] == "metro" and key in NICKNAMES:
        others = [
            area for area in areas.values() if area["type"] == "state" and _is_state(key, area)
        ]
        chosen_as, other_as = "metro area; a name of ours", "state"
    elif chosen["type"] == "state" and key == joined(chosen["name"]):
        others = [
            area for area in areas.values() if area["type"] == "metro" and key in _cities(area)
        ]
        chosen_as, other_as = "state", "metro area"
    else:
        return None
    asks = [f"for {area['name']} ({other_as}), type --in {_ask(area, areas)}" for area in others]
    if not asks:
        return None
    return f"{query!r} is {chosen['name']} ({chosen_as}); {'; '.join(asks)}"


def _cities(area: AreaRecord) -> list[str]:
    """The places a metro area is named after: ``New York-Newark-Jersey City, NY-NJ`` ->
    ``["new york", "newark", "jersey city"]``."""
    before_states = area["name"].rpartition(", ")[0] or area["name"]
    return [" ".join(words(part)) for part in before_states.split("-") if words(part)]


def _ask(area: AreaRecord, areas: Mapping[str, AreaRecord]) -> str:
    """The shortest usual way to name ``area`` alone: a name of ours, the first city and its
    state, the whole name or, at last, the area code."""
    ours = [name for name, codes in NICKNAMES.items() if codes == (area["code"],)]
    first = _cities(area)[:1] if area["type"] == "metro" else []
    postal = words(area["name"].rpartition(", ")[2])[:1] if area["type"] == "metro" else []
    tried = [
        *(name for name in ours if min(len(word) for word in name.split()) > 1),
        *(" ".join(first + postal) for _ in first),
        " ".join(words(area["name"])),
    ]
    for name in tried:
        if named(name, areas) == [area] and not _also_a_state(name, area, areas):
            return f"'{name}'" if " " in name else name
    return area["code"]


def _also_a_state(name: str, area: AreaRecord, areas: Mapping[str, AreaRecord]) -> bool:
    """Whether naming ``area`` by ``name`` would itself need a note (``dc``, ``la``)."""
    return area["type"] == "metro" and any(
        other["type"] == "state" and _is_state(name, other) for other in areas.values()
    )


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
    """PLACE completions: postal codes (in the case typed), then state names, then our names
    for metro areas, then metro names, each as one word."""
    prefix = incomplete.lower()
    listed = list(areas)
    states = [area for area in listed if area["type"] == "state"]
    codes = [area["postal"] for area in states if area["postal"]]
    if incomplete == prefix:
        codes = [code.lower() for code in codes]
    names = [slug(area) for area in states]
    codes_known = {area["code"] for area in listed}
    names += [
        name.replace(" ", "-")
        for name, codes in NICKNAMES.items()
        if min(map(len, name.split())) > 1
        and set(codes) <= codes_known
        and not any(_is_state(name, area) for area in states)
    ]
    names += [slug(area) for area in listed if area["type"] == "metro"]
    return [name for name in [*codes, *names] if name.lower().startswith(prefix)]
