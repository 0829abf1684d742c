"""The diff's models: what changed between two versions, clause by clause, as JSON sees it."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Literal

from pydantic import Field

from clauses.diff.words import NumberChange, RedlineOp
from clauses.models import AgreementMeta, Strength, Strict


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    SPLIT = "split"
    MERGED = "merged"
    UNCHANGED = "unchanged"

    @property
    def mirror(self) -> ChangeKind:
        """The kind the same change has when the versions are swapped."""
        return _MIRROR.get(self, self)


_MIRROR = {
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
}

StrengthDirection = Literal["weakened", "strengthened"]
SHIFT_FILTERS: tuple[str, ...] = ("weakened", "strengthened")


class ObligorsChange(Strict):
    old: list[str]
    new: list[str]


class CategoryChange(Strict):
    gained: list[str] = Field(default_factory=list)
    lost: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list, description="categories of either version")


class Change(Strict):
    """One aligned unit: old clause ids, new clause ids and what happened between them."""

    kind: ChangeKind
    old: list[str] = Field(default_factory=list, description="clause ids in the old version")
    new: list[str] = Field(default_factory=list, description="clause ids in the new version")
    similarity: float = Field(ge=0.0, le=1.0)
    strength_change: StrengthDirection | None = None
    strength_from: Strength | None = None
    strength_to: Strength | None = None
    obligors_change: ObligorsChange | None = None
    numbers_changed: list[NumberChange] = Field(default_factory=list)
    categories: CategoryChange = Field(default_factory=CategoryChange)
    redline: list[RedlineOp] = Field(default_factory=list)


class StrengthShift(Strict):
    """A commitment that got weaker or stronger, as listed in the summary."""

    old: list[str]
    new: list[str]
    strength_from: Strength
    strength_to: Strength
    categories: list[str]
    text: str = Field(description="the new wording (start of it)")


class Renumbering(Strict):
    """Clauses with the same text under another number, told once for the whole document."""

    count: int
    pattern: Literal["offset", "restart", "format", "mixed"]
    offsets: dict[str, int] = Field(description="number shift (or old→new numbering style) → clauses")
    examples: list[NumberChange] = Field(description="a few old → new paths")


class DiffSummary(Strict):
    kinds: dict[str, int] = Field(description="changes per kind, every kind listed")
    categories: dict[str, int] = Field(description="changes (not unchanged) per category")
    weakened: list[StrengthShift] = Field(default_factory=list, description="most important first")
    strengthened: list[StrengthShift] = Field(default_factory=list, description="most important first")
    renumbering: Renumbering | None = None


class AgreementInfo(AgreementMeta):
    """An agreement's metadata and its number of clauses."""

    clauses: int


MetadataField = Literal["title", "parties", "date", "kind", "duration"]


class MetadataChange(Strict):
    """A document detail that differs between the versions: a change like any clause's, reported first."""

    field: MetadataField
    old: str | float | list[str] | None = Field(description="dates as YYYY-MM-DD, durations in years")
    new: str | float | list[str] | None
    added: list[str] = Field(default_factory=list, description="parties only: in the new version alone")
    removed: list[str] = Field(default_factory=list, description="parties only: in the old version alone")


class AgreementDiff(Strict):
    old: AgreementInfo
    new: AgreementInfo
    metadata_changes: list[MetadataChange] = Field(default_factory=list)
    summary: DiffSummary
    changes: list[Change]

    def only(self, filters: Sequence[str]) -> AgreementDiff:
        """The same diff with the changes limited to some kinds and/or weakened/strengthened."""
        wanted = set(filters)
        kept = [c for c in self.changes if c.kind.value in wanted or c.strength_change in wanted]
        return self.model_copy(update={"changes": kept})
