"""Reading an offers file without pydantic when it is plainly valid: the common case, made
cheap (importing pydantic alone takes several times an interpreter's start-up).

:func:`plain_offers` accepts a document only when every value is plainly what
:class:`techpay.core.offerfile.OfferSpec` wants (the right type, each value read by the same
function of :mod:`techpay.core.terms`, no unknown key, names that differ) and gives the
offers the model would give. Anything else gives None, and :func:`read_offer_terms` lets
the model decide: every message about an invalid file comes from it.
tests/test_offers.py checks that both ways agree.
"""

from __future__ import annotations

from techpay.core.terms import (
    EVEN,
    RAISE_BOUNDS,
    STOCK_GROWTH_BOUNDS,
    ValueRefused,
    Vesting,
    parse_base,
    parse_bonus,
    parse_dollars,
    parse_share,
    parse_vest,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from techpay.core.offerfile import OfferSpec
    from techpay.core.records import OfferYear
    from techpay.core.terms import Bonus


class OfferTerms:
    """One offer of a file, its values read (as :class:`~techpay.core.offerfile.OfferSpec`
    has them): amounts in whole dollars, rates as fractions. A value, equal to another with
    the same terms (a plain class: see :class:`~techpay.core.terms.Vesting`)."""

    __slots__ = ("base", "bonus", "filing", "name", "place", "raise_", "refresh", "role",
                 "sign_on", "stock", "stock_growth", "vest")  # fmt: skip

    def __init__(
        self,
        name: str,
        role: str,
        place: str,
        base: int,
        bonus: Bonus | None = None,
        sign_on: int = 0,
        stock: int = 0,
        vest: Vesting = EVEN,
        refresh: int = 0,
        raise_: float = 0.0,
        stock_growth: float = 0.0,
        filing: str = "single",
    ) -> None:
        self.name, self.role, self.place, self.base = name, role, place, base
        self.bonus, self.sign_on, self.stock, self.vest = bonus, sign_on, stock, vest
        self.refresh, self.raise_, self.stock_growth = refresh, raise_, stock_growth
        self.filing = filing

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OfferTerms) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"OfferTerms{self._key()!r}"

    def parts(self) -> dict[str, Any]:
        """The terms :func:`techpay.core.compensation.plan` takes beside the base."""
        return {"bonus": self.bonus, "sign_on": self.sign_on, "stock": self.stock,
                "vest": self.vest, "refresh": self.refresh, "raise_": self.raise_,
                "stock_growth": self.stock_growth}  # fmt: skip

    def plan(self, years: int = 4) -> list[OfferYear]:
        """The offer's pay in each of its first ``years`` years."""
        from techpay.core.compensation import plan

        return plan(self.base, **self.parts(), years=years)

    @classmethod
    def of(cls, spec: OfferSpec) -> OfferTerms:
        """The terms of an offer the model read."""
        return cls(spec.name, spec.role, spec.place, spec.base, spec.bonus, spec.sign_on,
                   spec.stock, spec.vest, spec.refresh, spec.raise_, spec.stock_growth,
                   spec.filing)  # fmt: skip


class _NotPlain(Exception):
    """A value the model may read otherwise, or refuse: it decides."""


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise _NotPlain
    if not value.isprintable():  # the model words the problem
        raise _NotPlain
    return value


def _read(read: Callable[[str], Any]) -> Callable[[object], Any]:
    """A value read as the model reads it: text as written, a number as its repr."""

    def plainly(value: object) -> Any:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise _NotPlain
        try:
            return read(value if isinstance(value, str) else repr(value))
        except ValueRefused:
            raise _NotPlain from None

    return plainly


def _vest(value: object) -> Vesting:
    if not isinstance(value, str):
        raise _NotPlain  # a list of numbers: the model reads it
    return _read(parse_vest)(value)  # type: ignore[no-any-return]


def _filing(value: object) -> str:
    if value not in ("single", "joint"):
        raise _NotPlain
    return str(value)


_FIELDS: dict[str, tuple[str, Callable[[object], Any]]] = {
    "name": ("name", _text),
    "role": ("role", _text),
    "place": ("place", _text),
    "base": ("base", _read(parse_base)),
    "bonus": ("bonus", lambda value: None if value is None else _read(parse_bonus)(value)),
    "sign_on": ("sign_on", _read(parse_dollars)),
    "stock": ("stock", _read(parse_dollars)),
    "vest": ("vest", _vest),
    "refresh": ("refresh", _read(parse_dollars)),
    "raise": ("raise_", _read(lambda text: parse_share(text, low=RAISE_BOUNDS[0],
                                                       high=RAISE_BOUNDS[1]))),
    "stock_growth": ("stock_growth", _read(lambda text: parse_share(
        text, low=STOCK_GROWTH_BOUNDS[0], high=STOCK_GROWTH_BOUNDS[1]))),
    "filing": ("filing", _filing),
}  # fmt: skip
_REQUIRED = ("name", "role", "place", "base")


def _offer(raw: object) -> OfferTerms:
    if not isinstance(raw, dict) or not all(key in raw for key in _REQUIRED):
        raise _NotPlain
    values = {}
    for key, value in raw.items():
        if key not in _FIELDS:
            raise _NotPlain
        name, read = _FIELDS[key]
        values[name] = read(value)
    return OfferTerms(**values)


def plain_offers(raw: dict[str, object]) -> list[OfferTerms] | None:
    """The offers of a plainly valid document, as the model reads them; else None."""
    offers = raw.get("offers")
    if set(raw) != {"offers"} or not isinstance(offers, list) or not offers:
        return None
    try:
        found = [_offer(offer) for offer in offers]
    except _NotPlain:
        return None
    if len({offer.name.casefold() for offer in found}) != len(found):
        return None
    return found


_KEY_VALUE = r'([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"([^"\\]*)"|(0|-?[1-9][0-9]{0,17}))[ \t]*(?:#.*)?'
SIMPLE_TOML_CHARACTERS = 64 * 1024  # a file of offers is small; a larger one is parsed
_TABLE = r"\[\[[ \t]*offers[ \t]*\]\][ \t]*(?:#.*)?"


def simple_toml(text: str) -> dict[str, Any] | None:
    """An offers file written plainly, read without a TOML parser (importing one costs half
    an interpreter's start-up): comments, ``[[offers]]`` tables, and in them keys with a
    string (no escapes) or a whole number. Anything else (a large file, a control
    character, a key before the first table, a repeated key, any other line) gives None,
    and the parser reads it: what this reads, it reads as the parser does."""
    import re

    if len(text) > SIMPLE_TOML_CHARACTERS or re.search("[\x00-\x08\x0b-\x1f\x7f]", text):
        return None
    document: dict[str, Any] = {}
    table: dict[str, Any] | None = None
    for line in text.split("\n"):
        line = line.strip(" \t")
        if not line or line.startswith("#"):
            continue
        if re.fullmatch(_TABLE, line):
            table = {}
            document.setdefault("offers", []).append(table)
            continue
        found = re.fullmatch(_KEY_VALUE, line)
        if found is None or table is None or found[1] in table:
            return None
        table[found[1]] = found[2] if found[3] is None else int(found[3])
    return document


def read_offer_terms(path: str) -> list[OfferTerms]:
    """The offers in a file (TOML, or JSON when its name ends in ``.json``; ``-`` is standard
    input, JSON when it starts with ``{``); a problem is a
    :class:`~techpay.core.errors.DataError` naming the file and the field, worded by the model
    (see :func:`techpay.core.offerfile.read_offers`)."""
    from techpay.core.documents import read_document, shown_name

    top = "expected a table with [[offers]] at the top"
    raw = read_document(path, top=top, quick=simple_toml, stdin=True)
    found = plain_offers(raw)
    if found is not None:
        return found
    from techpay.core.offerfile import offers_of

    return [OfferTerms.of(spec) for spec in offers_of(raw, shown_name(path))]
