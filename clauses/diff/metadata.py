"""The document's details compared: title, parties, date, kind and duration."""

from __future__ import annotations

from clauses.diff.align import comparable_text
from clauses.diff.models import MetadataChange
from clauses.models import Agreement


def metadata_changes(old: Agreement, new: Agreement) -> list[MetadataChange]:
    """Each detail that differs, in the order a reader checks them; typography and party order are no change."""
    changes = []
    if comparable_text(old.title) != comparable_text(new.title):
        changes.append(MetadataChange(field="title", old=old.title, new=new.title))
    added = [p for p in new.parties if p not in old.parties]
    removed = [p for p in old.parties if p not in new.parties]
    if added or removed:
        changes.append(
            MetadataChange(field="parties", old=old.parties, new=new.parties, added=added, removed=removed)
        )
    if old.signed != new.signed:
        changes.append(MetadataChange(field="date", old=_iso(old), new=_iso(new)))
    if old.kind != new.kind:
        changes.append(MetadataChange(field="kind", old=old.kind.value, new=new.kind.value))
    if old.duration_years != new.duration_years:
        changes.append(MetadataChange(field="duration", old=old.duration_years, new=new.duration_years))
    return changes


def _iso(agreement: Agreement) -> str | None:
    return agreement.signed.isoformat() if agreement.signed else None


def describe(change: MetadataChange) -> str:
    """One line for a reader: "parties: added FR, DE; removed G7" or "date: 2024-06-11 → 2024-06-13"."""
    if change.field == "parties":
        sides = (("added", change.added), ("removed", change.removed))
        return "parties: " + "; ".join(f"{word} {', '.join(codes)}" for word, codes in sides if codes)
    return f"{change.field}: {_value(change.old)} → {_value(change.new)}"


def _value(value: str | float | list[str] | None) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:g} years"
    return str(value)
