"""Pydantic models: the only currency passed between the pipeline's stages.

The closed sets (category ids, strengths, precision, conditions) are the
contract of ``shared/taxonomy.md``: never rename a value.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, computed_field, create_model, field_validator

CATEGORY_IDS: tuple[str, ...] = (
    "air-defense",
    "maritime-black-sea",
    "intelligence",
    "training",
    "military-assistance",
    "defense-industry",
    "cyber",
    "hybrid-threats",
    "nato-integration",
    "eu-integration",
    "sanctions",
    "accountability",
    "reconstruction-economy",
    "energy-infrastructure",
    "demining",
    "cbrn",
    "consultations",
    "political-support",
    "humanitarian",
    "law-enforcement",
    "final-provisions",
)

SPECIAL_PARTIES: tuple[str, ...] = ("EU", "NATO", "G7")
"""Party codes allowed beside ISO 3166-1 alpha-2 country codes."""

ALL_PARTIES = "ALL"
"""Obligor code for a commitment every party of the agreement takes."""


class Strict(BaseModel):
    """Base for every model: unknown fields are an error, not silently kept; a number is finite.

    ``duration_years: .inf`` would otherwise be written as ``Infinity``, which is not JSON.
    """

    # Schemas are built on first use, not at import: ``clauses --help`` must stay fast.
    model_config = ConfigDict(extra="forbid", defer_build=True, allow_inf_nan=False)


class Strength(StrEnum):
    """How firmly a clause commits, read from its main verb (taxonomy.md)."""

    FIRM = "firm"
    INTENT = "intent"
    SUPPORT = "support"
    OPTIONAL = "optional"
    NONE = "none"

    @property
    def rank(self) -> int:
        """0 for the firmest; order used to pick the strongest commitment (the one ranking of strengths)."""
        return _STRENGTH_RANK[self]


_STRENGTH_RANK = {strength: rank for rank, strength in enumerate(Strength)}


class Precision(StrEnum):
    QUANTIFIED = "quantified"
    SPECIFIC = "specific"
    GENERAL = "general"


class Condition(StrEnum):
    LEGAL_PROCEDURES = "legal-procedures"
    RESOURCES = "resources"
    REQUEST = "request"
    ATTACK = "attack"
    OTHER = "other"


class Kind(StrEnum):
    """The form of a document: it decides how it is segmented and reported."""

    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    STATEMENT = "statement"
    FACT_SHEET = "fact-sheet"
    READOUT = "readout"
    NEWS = "news"

    @property
    def is_commitment_text(self) -> bool:
        """Signed texts, as opposed to statements, fact sheets, readouts and news reported apart."""
        return self in (Kind.AGREEMENT, Kind.DECLARATION)


class CategoryLabel(Strict):
    """One category a clause carries, with the score and the words that earned it."""

    model_config = ConfigDict(frozen=True)

    id: str
    score: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _known_id(cls, value: str) -> str:
        # A user taxonomy may add sub-categories written "parent/child".
        if value.split("/")[0] not in CATEGORY_IDS:
            raise ValueError(f"unknown category id {value!r}")
        return value


class Basis(StrEnum):
    """What a match between clauses rests on."""

    WORDING = "wording"  # words in common, the rarer the more they count (one language)
    CONCEPTS = "concepts"  # the same things named in two languages (systems, institutions, numbers...)
    DEADLINE = "deadline"  # the same deadline set in the same category, whatever the words


class QuantityKind(StrEnum):
    MONEY = "money"
    DURATION = "duration"
    DEADLINE = "deadline"
    COUNT = "count"
    YEAR = "year"
    PERCENT = "percent"


class Quantity(Strict):
    """A number that binds, kept structured so amounts can be compared across texts."""

    model_config = ConfigDict(frozen=True)

    kind: QuantityKind
    value: float
    unit: str = Field(
        description="currency code (EUR, USD, GBP...), time unit (hours, years) or thing counted"
    )
    text: str = Field(description="the words as they stand in the clause")


class Reason(Strict):
    """Why a label was given: shown by ``clauses analyze --explain``."""

    model_config = ConfigDict(frozen=True)

    label: str = Field(description="field the reason explains: category id, 'strength', 'obligors', ...")
    value: str
    evidence: str


class Clause(Strict):
    """One unit of an agreement: a numbered paragraph, list item, recital or sentence."""

    id: str = Field(description="stable: '<agreement id>:<path>'")
    path: str = Field(description="the document's own numbering, e.g. 'II.3.b' or 'Article 5.2'")
    heading: list[str] = Field(default_factory=list, description="trail of headings above the clause")
    text: str
    parent: str | None = Field(default=None, description="id of the clause that introduces this list item")
    categories: list[CategoryLabel] = Field(default_factory=list)
    strength: Strength = Strength.NONE
    precision: Precision = Precision.GENERAL
    conditions: list[Condition] = Field(default_factory=list)
    obligors: list[str] = Field(default_factory=list)
    negated: bool = Field(
        default=False,
        exclude_if=lambda negated: not negated,
        description="the main verb is negated ('will not provide'): no commitment to deliver, "
        "counted for no category in who and matrix",
    )
    quantities: list[Quantity] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)

    @property
    def category_ids(self) -> list[str]:
        return [label.id for label in self.categories]

    @computed_field(
        description="where a reader finds it, as the document numbers it: 'Part II, para 5, 1st bullet'"
    )
    @property
    def citation(self) -> str:
        from clauses.display import citation

        return citation(self.path, self.heading)


class ClauseRef(NamedTuple):
    agreement: str
    path: str


def split_clause_id(clause_id: str) -> ClauseRef:
    """'<agreement id>:<path>' → its two parts: an agreement id never holds ':', a path may."""
    agreement, _, path = clause_id.partition(":")
    return ClauseRef(agreement, path)


class AgreementMeta(Strict):
    """What a document is, without its clauses: the one declaration of an agreement's metadata.

    Front matter and ``load`` options are checked against it field by field (``AgreementFields``);
    reports that list documents extend it.
    """

    model_config = ConfigDict(coerce_numbers_to_str=True)  # front matter "version: 2" is "2"

    id: str = Field(description="slug, e.g. 'ua-ro-2024'")
    title: str
    parties: list[str] = Field(default_factory=list)
    signed: dt.date | None = None
    kind: Kind = Kind.AGREEMENT
    version: str | None = None
    language: str = "en"
    source: str = ""
    url: str | None = Field(default=None, description="where the text was published (front matter url)")
    duration_years: float | None = Field(default=None, ge=0)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str | None) -> str | None:
        if value is not None and (not value or any(ch.isspace() or ch == ":" for ch in value)):
            raise ValueError(f"id must be a slug without spaces or ':', got {value!r}")
        return value

    @field_validator("parties", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [code.strip() for code in value.split(",") if code.strip()]
        if isinstance(value, list):
            # YAML 1.1 reads an unquoted NO (Norway) as false.
            return ["NO" if item is False else item for item in value]
        return value

    @field_validator("parties")
    @classmethod
    def _party_codes(cls, value: list[str] | None) -> list[str] | None:
        for code in value or []:
            if not is_party_code(code):
                raise ValueError(f"unknown party code {code!r} (ISO 3166-1 alpha-2, EU, NATO or G7)")
        return value


AgreementFields: type[AgreementMeta] = create_model(
    "AgreementFields",
    __base__=AgreementMeta,
    __doc__="``AgreementMeta`` with every field optional: what a file or a ``load`` option may declare,\n"
    "checked by the same rules, unknown names refused.",
    **{name: (field.rebuild_annotation() | None, None) for name, field in AgreementMeta.model_fields.items()},
)


class Agreement(AgreementMeta):
    """A loaded document with its metadata and clauses."""

    clauses: list[Clause] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list,
        exclude_if=lambda notes: not notes,
        description="what the reader left out or added: hidden Word text, embedded documents",
    )

    def metadata(self) -> dict[str, Any]:
        """The fields of ``AgreementMeta``, for a listing that extends it with its own."""
        return {name: getattr(self, name) for name in AgreementMeta.model_fields}


def is_party_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code, or EU / NATO / G7."""
    from clauses.gazetteer import ISO_CODES

    return code in SPECIAL_PARTIES or code in ISO_CODES
