"""Per partner, the documents it is party to by date: what it signed and what was said since."""

from __future__ import annotations

from collections.abc import Sequence

from clauses.brief.facts import chronological, commits, partners_of
from clauses.brief.model import PartnerTimeline, TimelineEntry
from clauses.commitments import obligors
from clauses.models import Agreement


def timelines(
    docs: Sequence[Agreement], rows: Sequence[str], categories: Sequence[str]
) -> list[PartnerTimeline]:
    """Per partner, what it signed and what was said since, by date (undated last)."""
    ordered = sorted(docs, key=chronological)
    lines = []
    for party in partners_of(rows):
        entries = [_entry(doc, party, categories) for doc in ordered if party in doc.parties]
        if entries:
            lines.append(PartnerTimeline(party=party, entries=entries))
    return lines


def _entry(doc: Agreement, party: str, categories: Sequence[str]) -> TimelineEntry:
    own = [c for c in doc.clauses if commits(c) and party in obligors(c, doc)]
    in_scope = [c for c in own if set(c.category_ids) & set(categories)]
    touched = [cat for cat in categories if any(cat in c.category_ids for c in in_scope)]
    said = (
        []
        if doc.kind.is_commitment_text
        else [c.id for c in sorted(in_scope, key=lambda c: c.strength.rank)[:2]]
    )
    return TimelineEntry(
        date=doc.signed,
        agreement=doc.id,
        title=doc.title,
        kind=doc.kind,
        signed=doc.kind.is_commitment_text,
        categories=touched,
        clauses=said,
    )
