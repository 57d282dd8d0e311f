"""The offers file: job offers to compare, one ``[[offers]]`` table each, in TOML or JSON.

A pydantic model checks it, reading each value with the same functions as the command
line's options (:mod:`techpay.core.terms`), so ``150k``, ``10%`` and ``back`` mean the same
in both; a file's problems are worded as a role file's are (``FILE: offers[1].name: ...``,
or ``FILE:LINE:COL: ...`` for its syntax), through the same helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from techpay.core.compensation import plan
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
    percent,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from techpay.core.errors import Problem
    from techpay.core.records import OfferYear

OFFERS_STARTER = """\
# Job offers to compare, one [[offers]] table each. name, role, place and base are
# required; the rest may be left out. Amounts are written 150000, "150k" or "$150,000";
# percentages "10%" (a bare number is percentage points: 10 is 10%).
#
# role          a role (sre) or an occupation code (15-1252), as techpay offer takes it
# place         a place, as --in takes it: a metro area or a state
# base          the yearly base salary
# bonus         a yearly bonus: an amount ("15k") or a share of that year's base ("10%")
# sign_on       a bonus paid once, in the first year
# stock         the equity grant's value when granted
# vest          how the grant vests, by year: "even" (25% a year, the default),
#               "front" (33/33/22/12), "back" (5/15/40/40), "cliff" (nothing before the
#               first anniversary; by year the same as even), or yearly percentages
#               summing to 100, such as "10,20,30,40"
# refresh       a further grant of this value at each anniversary, vesting the same way
# raise         the base's yearly raise, "-50%" to "100%" (default 0%)
# stock_growth  the stock price's yearly change, "-100%" to "1000%" (default 0%)
# filing        "single" (the default) or "joint"

[[offers]]
name = "Austin"
role = "sre"
place = "austin"
base = "165k"
stock = "200k"
vest = "even"

[[offers]]
name = "San Jose"
role = "sre"
place = "san jose"
base = "190k"
bonus = "10%"
stock = "400k"
vest = "back"
"""

_AMOUNT_RULE = 'must be an amount, like 150000, "150k" or "$150,000"'
_BONUS_RULE = 'must be an amount, like "15k", or a share of the base, like "10%"'
_PERCENTAGE_RULE = 'must be a percentage, like "10%" or "2.5%"'

Read = TypeVar("Read")
# What the model keeps of a bonus (see parse_bonus): pydantic reads this at run time.
Bonus = tuple[Literal["amount", "share"], float]


def _reading(read: Callable[[str], Read], rule: str) -> Callable[[object], Read]:
    """A validator that reads a file's text or number as the command line reads an option:
    a refusal is the rule alone (the problem adds the value, as the file wrote it)."""

    def validate(value: object) -> Read:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(rule)
        try:
            return read(value if isinstance(value, str) else repr(value))
        except ValueRefused as refused:
            raise ValueError(refused.rule) from None

    return validate


def _vest(value: object) -> Vesting:
    """A preset's name, yearly percentages as text (``"10,20,30,40"``), or a list of them."""
    if isinstance(value, list) and all(
        isinstance(part, int | float) and not isinstance(part, bool) for part in value
    ):
        value = ",".join(map(repr, value))
    return _reading(parse_vest, "must be a schedule's name or yearly percentages")(value)


def _bonus_as_written(bonus: Bonus) -> str:
    """``"10%"`` or ``"$15,000"``: text either way, so that even ``"$150"`` reads back."""
    return percent(bonus[1]) if bonus[0] == "share" else f"${int(bonus[1]):,}"


def _percentage(low: float, high: float) -> PlainValidator:
    return PlainValidator(
        _reading(lambda text: parse_share(text, low=low, high=high), _PERCENTAGE_RULE)
    )


# What ``techpay schema --offers`` says of each value: the spellings the readers take.
_AMOUNT = WithJsonSchema(
    {"type": ["integer", "string"], "description": 'US dollars: 150000, "150k" or "$150,000"'}
)
_RATE = WithJsonSchema(
    {"type": ["number", "string"], "description": 'a percentage: "5%" (a bare number is points: 5)'}
)
_BONUS = WithJsonSchema(
    {
        "type": ["integer", "string"],
        "description": 'an amount ("15k") or a share of that year\'s base ("10%")',
    }
)
_VEST = WithJsonSchema({
    "anyOf": [
        {"enum": ["even", "front", "back", "cliff"]},
        {"type": "string", "pattern": "^[0-9., %]+$"},
        {"type": "array", "items": {"type": "number", "minimum": 0}, "minItems": 1,
         "maxItems": 10},
    ],
    "description": "a preset, or yearly percentages summing to 100: \"10,20,30,40\"",
})  # fmt: skip


def _one_line(text: str) -> str:
    """A name or place is printed in tables: one line of printable text."""
    if not text.isprintable():
        raise ValueError("must be one line of printable text (no tab, line break or control)")
    return text


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_one_line)
]
Dollars = Annotated[int, PlainValidator(_reading(parse_dollars, _AMOUNT_RULE)), _AMOUNT]
# Each value is dumped as the file writes it (``"10%"``, ``"back"``), so that a dump reads back.
Rate = Annotated[float, PlainSerializer(percent, return_type=str), _RATE]
BonusTerm = Annotated[
    Bonus,
    PlainValidator(_reading(parse_bonus, _BONUS_RULE)),
    PlainSerializer(_bonus_as_written),
    _BONUS,
]
Schedule = Annotated[
    Vesting,
    PlainValidator(_vest),
    PlainSerializer(lambda vest: vest.name, return_type=str),
    _VEST,
]


class OfferSpec(BaseModel):
    """One offer as the file gives it, its values read: amounts in whole dollars, rates as
    fractions (0.1 for 10%), ``bonus`` as :func:`~techpay.core.terms.parse_bonus` reads it,
    ``vest`` a :class:`~techpay.core.terms.Vesting`."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "description": (
                'One job offer. Amounts are written 150000, "150k" or "$150,000";'
                ' percentages "10%" (a bare number is percentage points: 10 is 10%).'
            )
        },
    )

    name: Text
    role: Text
    place: Text
    base: Annotated[int, PlainValidator(_reading(parse_base, _AMOUNT_RULE)), _AMOUNT]
    bonus: BonusTerm | None = None
    sign_on: Dollars = 0
    stock: Dollars = 0
    vest: Schedule = Field(default_factory=lambda: EVEN, json_schema_extra={"default": "even"})
    refresh: Dollars = 0
    raise_: Annotated[Rate, _percentage(*RAISE_BOUNDS)] = Field(
        0.0, alias="raise", json_schema_extra={"default": "0%"}
    )
    stock_growth: Annotated[Rate, _percentage(*STOCK_GROWTH_BOUNDS)] = Field(
        0.0, json_schema_extra={"default": "0%"}
    )
    filing: Literal["single", "joint"] = "single"

    def plan(self, years: int = 4) -> list[OfferYear]:
        """The offer's pay in each of its first ``years`` years (see
        :func:`techpay.core.compensation.plan`)."""
        return plan(
            self.base,
            bonus=self.bonus,
            sign_on=self.sign_on,
            stock=self.stock,
            vest=self.vest,
            refresh=self.refresh,
            raise_=self.raise_,
            stock_growth=self.stock_growth,
            years=years,
        )


class OffersFile(BaseModel):
    """A whole offers file: one or more offers, each named differently (ignoring case)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    offers: tuple[OfferSpec, ...]

    @field_validator("offers")
    @classmethod
    def _some(cls, offers: tuple[OfferSpec, ...]) -> tuple[OfferSpec, ...]:
        if not offers:
            raise ValueError("must list at least one offer")
        return offers

    @model_validator(mode="after")
    def _names_differ(self) -> OffersFile:
        """A repeated name is the later offer's problem, at its ``name``."""
        first: dict[str, int] = {}
        repeated: list[InitErrorDetails] = []
        for index, offer in enumerate(self.offers):
            earlier = first.setdefault(offer.name.casefold(), index)
            if earlier != index:
                message = PydanticCustomError(
                    "value_error", "{error}", {"error": f"used by offers[{earlier}] too"}
                )
                location = ("offers", index, "name")
                repeated.append({"type": message, "loc": location, "input": offer.name})
        if repeated:
            raise ValidationError.from_exception_data(type(self).__name__, repeated)
        return self


def read_offers(path: str) -> list[OfferSpec]:
    """The offers in a file (TOML, or JSON when its name ends in ``.json``).

    A problem is a :class:`~techpay.core.errors.DataError`, as with a role file: naming the
    file, and the line and column of a syntax error or the field of a wrong value
    (``offers[1].name: used by offers[0] too (got 'Austin')``).
    """
    from techpay.core.documents import read_document

    raw = read_document(path, top="expected a table with [[offers]] at the top")
    return offers_of(raw, path)


def offers_of(raw: dict[str, object], path: str) -> list[OfferSpec]:
    """The offers of a document read from ``path``; its problems a
    :class:`~techpay.core.errors.DataError` (see :func:`read_offers`)."""
    from techpay.core.errors import DataError

    try:
        return list(OffersFile.model_validate(raw).offers)
    except ValidationError as error:
        raise DataError(offer_problems(error, raw, path)) from None


def offer_problems(error: ValidationError, raw: dict[str, object], path: str) -> list[Problem]:
    """Every problem of an offers document, at its field path."""
    from techpay.core.validation import schema_problems

    return schema_problems(error, raw, path)


def check_offers(raw: dict[str, object], path: str) -> list[Problem]:
    """Every problem of an offers document (``techpay validate``); none when it is valid."""
    try:
        OffersFile.model_validate(raw)
    except ValidationError as error:
        return offer_problems(error, raw, path)
    return []
