"""The timeline: every document by date, the partners it speaks for, what it signed or said."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from clauses.brief.facts import chronological, commits, partners_of
from clauses.brief.model import TimelineEntry
from clauses.commitments import obligors
from clauses.models import Agreement

MAX_CATEGORIES = 5
"""Categories named per entry: the ones most of its commitments are in."""


def timeline(
    docs: Sequence[Agreement], rows: Sequence[str], categories: Sequence[str]
) -> list[TimelineEntry]:
    """One entry per document, by date (undated last), under the partners in scope that it speaks for."""
    entries = []
    for doc in sorted(docs, key=chronological):
        partners = _issuers(doc, partners_of(rows))
        if partners:
            entries.append(_entry(doc, partners, categories))
    return entries


def _issuers(doc: Agreement, in_scope: Sequence[str]) -> list[str]:
    """A signed text's partners; a statement's, only those it names as saying something (a joint statement
    of France and Ukraine is France's, not Czechia's because Czechia is mentioned)."""
    partners = [p for p in in_scope if p in doc.parties]
    if doc.kind.is_commitment_text:
        return partners
    speaking = {p for clause in doc.clauses if commits(clause) for p in clause.obligors}
    return [p for p in partners if p in speaking] or partners


def _entry(doc: Agreement, partners: list[str], categories: Sequence[str]) -> TimelineEntry:
    theirs = [c for c in doc.clauses if commits(c) and set(partners) & set(obligors(c, doc))]
    counts = Counter(cat for c in theirs for cat in c.category_ids if cat in categories)
    main = sorted(counts, key=lambda cat: (-counts[cat], categories.index(cat)))[:MAX_CATEGORIES]
    in_scope = [c for c in theirs if set(c.category_ids) & set(categories)]
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
        parties=partners,
        categories=main,
        clauses=said,
    )
