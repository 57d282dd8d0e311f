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

from dataclasses import dataclass

from techpay.core.terms import (
    EVEN,
    RAISE_BOUNDS,
    STOCK_GROWTH_BOUNDS,
    ValueRefused,
    Vesting,
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


@dataclass(frozen=True)
class OfferTerms:
    """One offer of a file, its values read (as :class:`~techpay.core.offerfile.OfferSpec`
    has them): amounts in whole dollars, rates as fractions."""

    name: str
    role: str
    place: str
    base: int
    bonus: Bonus | None = None
    sign_on: int = 0
    stock: int = 0
    vest: Vesting = EVEN
    refresh: int = 0
    raise_: float = 0.0
    stock_growth: float = 0.0
    filing: str = "single"

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


def _positive(text: str) -> int:
    amount = parse_dollars(text)
    if amount == 0:
        raise ValueRefused(text, "must be more than 0")
    return amount


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
    "base": ("base", _read(_positive)),
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


def read_offer_terms(path: str) -> list[OfferTerms]:
    """The offers in a file (TOML, or JSON when its name ends in ``.json``); a problem is a
    :class:`~techpay.core.errors.DataError` naming the file and the field, worded by the model
    (see :func:`techpay.core.offerfile.read_offers`)."""
    from techpay.core.documents import read_document

    raw = read_document(path, top="expected a table with [[offers]] at the top")
    found = plain_offers(raw)
    if found is not None:
        return found
    from techpay.core.offerfile import offers_of

    return [OfferTerms.of(spec) for spec in offers_of(raw, path)]
