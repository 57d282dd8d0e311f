"""Find official occupations the way people name them: the words of a title and their stems
(``programming`` finds Computer Programmers), the start of a code, and the words people use
for an occupation that its title does not hold (a table of ours: ``software`` also finds Web
Developers).

Pure functions over (code, title) pairs; no I/O, and no ``re``, which would cost the fast path.
"""

from __future__ import annotations

from techpay.core.errors import Ambiguous, NotFound
from techpay.official.places import words as split

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    Occupation = tuple[str, str]

# Ours, not BLS's: words people use for occupations, as typed words, and the SOC occupations
# (as OEWS May 2025 codes them) each means. Such a word finds these occupations and those
# whose titles hold the word itself; any other word finds the titles holding a word it starts
# (or its stem starts). The roles' own mapping (occupation in data/roles.toml) agrees.
OCCUPATION_WORDS: dict[str, tuple[str, ...]] = {
    "software": ("15-1251", "15-1252", "15-1253", "15-1254"),
    "software engineer": ("15-1252",),
    "coder": ("15-1251", "15-1252", "15-1254"),
    "coding": ("15-1251", "15-1252", "15-1254"),
    "web": ("15-1254", "15-1255"),
    "frontend": ("15-1254", "15-1255"),
    "front end": ("15-1254", "15-1255"),
    "backend": ("15-1252", "15-1254"),
    "back end": ("15-1252", "15-1254"),
    "full stack": ("15-1252", "15-1254"),
    "fullstack": ("15-1252", "15-1254"),
    "data": ("15-1242", "15-1243", "15-2031", "15-2041", "15-2051"),
    "data engineer": ("15-1243", "15-1252"),
    "data analyst": ("15-2041", "15-2051"),
    "analytics": ("15-2031", "15-2041", "15-2051"),
    "cybersecurity": ("15-1212",),
    "cyber": ("15-1212",),
    "infosec": ("15-1212",),
    "cloud": ("15-1241", "15-1244"),
    "devops": ("15-1244", "15-1252"),
    "sre": ("15-1244", "15-1252"),
    "site reliability": ("15-1244", "15-1252"),
    "ai": ("15-1221", "15-2051"),
    "artificial intelligence": ("15-1221", "15-2051"),
    "ml": ("15-1221", "15-2051"),
    "machine learning": ("15-1221", "15-2051"),
    "it": ("11-3021", "15-1211", "15-1231", "15-1232", "15-1244"),
    "tech support": ("15-1231", "15-1232"),
    "help desk": ("15-1231", "15-1232"),
    "helpdesk": ("15-1231", "15-1232"),
    "sysadmin": ("15-1244",),
    "dba": ("15-1242",),
    "qa": ("15-1253",),
    "ux": ("15-1255",),
    "ui": ("15-1255",),
    "engineering manager": ("11-3021",),
    "it manager": ("11-3021",),
    "product manager": ("11-2021", "11-3021"),
    "cto": ("11-3021",),
    "cio": ("11-3021",),
}
_LONGEST = max(len(name.split()) for name in OCCUPATION_WORDS)
_ENDINGS = ("ments", "ment", "ings", "ing", "s")  # engineering -> engineer, nursing -> nurs


def stem(word: str) -> str:
    """The word without one common ending, keeping at least four letters:
    ``programming`` -> ``programm``, ``managers`` -> ``manager``, ``data`` -> ``data``."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def terms(typed: Sequence[str]) -> list[str]:
    """The typed words as search terms: the longest runs that are words of ours, else single
    words. ``["senior", "software", "engineer"]`` -> ``["senior", "software engineer"]``."""
    found, typed = [], list(typed)
    while typed:
        size = next(
            size
            for size in range(min(_LONGEST, len(typed)), 0, -1)
            if size == 1 or " ".join(typed[:size]) in OCCUPATION_WORDS
        )
        found.append(" ".join(typed[:size]))
        typed = typed[size:]
    return found


def ours_in(query: Sequence[str]) -> list[str]:
    """The terms of ``query`` read through our table of the words people use."""
    return [term for term in terms(split(" ".join(query))) if term in OCCUPATION_WORDS]


def search_occupations(occupations: Iterable[Occupation], query: Sequence[str]) -> list[Occupation]:
    """Occupations that every term of ``query`` finds (see :data:`OCCUPATION_WORDS`), or whose
    code starts with what was typed (``15-12`` or ``1512``), in code order."""
    typed = " ".join(query).strip().lower()
    if not typed:
        return list(occupations)
    digits = typed.replace("-", "")
    if digits.isdigit():
        return [
            (code, title) for code, title in occupations if code.replace("-", "").startswith(digits)
        ]
    wanted = terms(split(typed))
    return [
        (code, title)
        for code, title in occupations
        if all(_finds(term, code, split(title)) for term in wanted)
    ]


def _finds(term: str, code: str, title: list[str]) -> bool:
    if term in OCCUPATION_WORDS:
        if code in OCCUPATION_WORDS[term]:
            return True
        wanted = [stem(word) for word in term.split()]
        if not all(part in " ".join(title) for part in wanted):
            return False  # a quick test: a title without the letters has no such stem
        stems = {stem(word) for word in title}
        return all(part in stems for part in wanted)
    start = stem(term)
    return any(word.startswith(start) for word in title)


def find_occupation(name: str, occupations: Sequence[Occupation]) -> Occupation:
    """The one occupation a title (``"software developers"``) or search words name:
    :class:`Ambiguous` when they find several, :class:`NotFound` when none."""
    typed = split(name)
    exact = [found for found in occupations if split(found[1]) == typed]
    found = exact or search_occupations(occupations, typed)
    if len(found) == 1:
        return found[0]
    if found:
        hint = "type more of the title, or its code"
        raise Ambiguous(name, [f"{code} {title}" for code, title in found], hint)
    from difflib import get_close_matches

    titles = [title for _, title in occupations]
    close = get_close_matches(name.strip(), titles, n=3, cutoff=0.6)
    close = close or get_close_matches(name.strip().title(), titles, n=3, cutoff=0.6)
    raise NotFound("occupation", name, close, "search them with 'techpay occupations WORDS'")
