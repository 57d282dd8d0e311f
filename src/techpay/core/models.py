"""Pydantic models of a techpay dataset: what a valid data file looks like.

Every model is frozen and forbids unknown fields, so a typo in a data file is an error, not a
silently ignored key. Only loading imports this module; the rest of techpay works on the
plain records that :meth:`Dataset.to_record` returns.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from techpay.core.names import normalise_name
from techpay.core.rules import (
    CURRENCY_PATTERN,
    KEBAB_PATTERN,
    MAX_SALARY,
    PAY_CODE,
    SOC_CODE,
    TAG_PATTERN,
)

if TYPE_CHECKING:
    from techpay.core.records import DatasetRecord


def _normalise(value: object) -> object:
    return normalise_name(value) if isinstance(value, str) else value


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(values)) == len(values):
        return values
    repeated = sorted(name for name, count in Counter(values).items() if count > 1)
    if repeated:
        raise ValueError(f"listed more than once: {', '.join(repeated)}")
    return values


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Name = Annotated[str, StringConstraints(pattern=KEBAB_PATTERN)]
Tag = Annotated[str, BeforeValidator(_normalise), StringConstraints(pattern=TAG_PATTERN)]
Names = Annotated[tuple[Name, ...], AfterValidator(_unique)]
Tags = Annotated[tuple[Tag, ...], AfterValidator(_unique)]
Amount = Annotated[int, Field(gt=0, strict=True)]


def _not_above_max_salary(amount: int) -> int:
    if amount > MAX_SALARY:
        raise ValueError(f"must be at most {MAX_SALARY:,} a year")
    return amount


SalaryAmount = Annotated[
    Amount, AfterValidator(_not_above_max_salary), Field(json_schema_extra={"maximum": MAX_SALARY})
]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Salary(_Frozen):
    """A yearly salary range in whole units of ``currency``, each end at most 10,000,000,000."""

    min: SalaryAmount
    max: SalaryAmount
    currency: Annotated[str, StringConstraints(pattern=CURRENCY_PATTERN)] = "USD"
    open_ended: bool = False
    stated: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Salary:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class Skill(_Frozen):
    """One skill as the source words it, with our normalised tags for searching."""

    text: Text
    tags: Tags = ()


def _code(pattern: str, shape: str) -> AfterValidator:
    def check(value: str | None) -> str | None:
        import re

        if value is not None and not re.fullmatch(pattern, value):
            raise ValueError(f"must look like {shape}")
        return value

    return AfterValidator(check)


class Occupation(_Frozen):
    """The closest official occupation and how close the match is (ours).

    ``code`` is an O*NET-SOC 2019 code (15-1252.00) or a SOC code (15-1252). The official
    wages are those of ``pay_code`` when given (a SOC occupation that stands in for the role),
    else of ``code``'s SOC occupation when it is one (a SOC code, or an O*NET code ending in
    .00); an O*NET breakout such as 15-1299.07 has none unless ``pay_code`` names one.
    """

    code: Annotated[
        str,
        _code(SOC_CODE, "NN-NNNN.NN (O*NET-SOC) or NN-NNNN (SOC)"),
        Field(json_schema_extra={"pattern": SOC_CODE}),
    ]
    title: Text
    match: Literal["high", "medium", "low"]
    pay_code: Annotated[
        str | None,
        _code(PAY_CODE, "NN-NNNN (a SOC occupation code)"),
        Field(json_schema_extra={"pattern": PAY_CODE}),
    ] = None
    note: Text | None = None
    url: Text | None = None


class Role(_Frozen):
    """One job role. In a file layered over others, a role whose id an earlier layer has
    may give only the fields it changes (the rest are kept), unless it says replace = true.
    ``responsibility_tags`` (ours) gives some of its responsibilities, each by its exact text,
    the skill tags that duty implies (``Monitor model performance.`` is monitoring and
    machine learning)."""

    id: Name
    rank: Annotated[int, Field(gt=0, strict=True)] | None = None
    title: Text
    aliases: Names = ()
    clusters: Names = ()
    summary: Text | None = None
    salary: Salary
    why_it_pays: Text | None = None
    responsibilities: tuple[Text, ...] = ()
    responsibility_tags: dict[Text, Tags] = Field(default_factory=dict)
    skills: tuple[Skill, ...] = ()
    occupation: Occupation | None = None
    # How the role is layered, not part of it: true replaces an earlier role of the same id
    # whole, instead of changing the fields given. Left out of the record.
    replace: StrictBool = Field(
        default=False,
        exclude=True,
        description="replace the earlier role with this id whole, not only the fields given",
    )

    @model_validator(mode="after")
    def _aliases_differ_from_id(self) -> Role:
        if self.id in self.aliases:
            raise ValueError(f"alias {self.id!r} repeats the role's own id")
        return self

    @field_validator("responsibility_tags")
    @classmethod
    def _tags_of_its_own_responsibilities(
        cls, tagged: dict[str, tuple[str, ...]], info: ValidationInfo
    ) -> dict[str, tuple[str, ...]]:
        if "responsibilities" not in info.data:
            return tagged  # they are invalid, and said so
        responsibilities = info.data["responsibilities"]
        for duty in tagged:
            if duty not in responsibilities:
                raise ValueError(f"{duty!r} is not one of the role's responsibilities")
        return tagged


class Source(_Frozen):
    """Where the figures come from. ``provenance`` says what is known of who published the
    source and when (for the bundled article: nothing; its text names no one and no date);
    ``year`` is the year its figures are for."""

    title: Text
    provenance: Text | None = None
    year: int | None = None
    region: Text | None = None
    figures: Text | None = None
    ours: tuple[Text, ...] = ()
    official: Text | None = None
    attribution: Text | None = None
    caveats: tuple[Text, ...] = ()


class Dataset(_Frozen):
    """A whole data file: its source, clusters, meta skills and roles.

    What spans roles (an id or alias used twice, an unknown cluster) is checked once the
    layers are merged (``techpay.core.layers``): a layer may use another's clusters.
    """

    source: Source | None = None
    meta_skills: tuple[Text, ...] = ()
    clusters: dict[Name, Text] = Field(default_factory=dict)
    synonyms: dict[Tag, Tag] = Field(default_factory=dict)
    roles: tuple[Role, ...]

    def to_record(self) -> DatasetRecord:
        """The dataset as plain JSON-ready data (see ``techpay.core.records``)."""
        record: DatasetRecord = self.model_dump(mode="json")  # type: ignore[assignment]
        return record
