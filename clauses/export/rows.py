"""Classified agreements as flat rows, one list of dicts per table of the export.

Every export (SQLite, Excel) reads these rows, so a column means the same in each.
"""

from __future__ import annotations

from typing import Any

from clauses.commitments import obligors
from clauses.match import Alignment
from clauses.models import Agreement, Quantity, QuantityKind
from clauses.quantities import deadline_words

Row = dict[str, Any]


def agreement_rows(agreements: list[Agreement]) -> list[Row]:
    return [
        {
            "id": a.id,
            "title": a.title,
            "parties": a.parties,
            "signed": a.signed.isoformat() if a.signed else None,
            "kind": a.kind.value,
            "version": a.version,
            "language": a.language,
            "source": a.source,
            "duration_years": a.duration_years,
            "clauses": len(a.clauses),
        }
        for a in agreements
    ]


def clause_rows(agreements: list[Agreement]) -> list[Row]:
    return [
        {
            "id": clause.id,
            "agreement_id": agreement.id,
            "position": position,
            "path": clause.path,
            "heading": " > ".join(clause.heading),
            "text": clause.text,
            "parent": clause.parent,
            "kind": agreement.kind.value,
            "strength": clause.strength.value,
            "precision": clause.precision.value,
            "categories": clause.category_ids,
            "conditions": [c.value for c in clause.conditions],
            "obligors": obligors(clause, agreement),
        }
        for agreement in agreements
        for position, clause in enumerate(agreement.clauses, start=1)
    ]


def category_rows(agreements: list[Agreement]) -> list[Row]:
    return [
        {
            "clause_id": clause.id,
            "category": label.id,
            "top_category": label.id.split("/")[0],
            "score": label.score,
            "evidence": label.evidence,
        }
        for agreement in agreements
        for clause in agreement.clauses
        for label in clause.categories
    ]


def obligor_rows(agreements: list[Agreement]) -> list[Row]:
    """One row per party taking a clause's commitment, ``ALL`` expanded as ``clauses who`` does."""
    return [
        {"clause_id": clause.id, "party": party, "as_written": party if party in clause.obligors else "ALL"}
        for agreement in agreements
        for clause in agreement.clauses
        for party in obligors(clause, agreement)
    ]


def quantity_rows(agreements: list[Agreement]) -> list[Row]:
    rows = []
    for agreement in agreements:
        for clause in agreement.clauses:
            years = [q for q in clause.quantities if q.kind == QuantityKind.YEAR]
            for position, quantity in enumerate(clause.quantities, start=1):
                rows.append({"clause_id": clause.id, "position": position, **_quantity(quantity, years)})
    return rows


def _quantity(quantity: Quantity, years: list[Quantity]) -> Row:
    """The quantity as found, and the columns a query wants: amount and currency, year, deadline."""
    money = quantity.kind == QuantityKind.MONEY
    if quantity.kind == QuantityKind.YEAR:
        year: int | None = int(quantity.value)
    else:  # an amount is dated by the year its clause names, when it names exactly one
        year = int(years[0].value) if money and len(years) == 1 else None
    return {
        "kind": quantity.kind.value,
        "value": quantity.value,
        "unit": quantity.unit,
        "text": quantity.text,
        "amount": quantity.value if money else None,
        "currency": quantity.unit if money else None,
        "year": year,
        "deadline": deadline_words(quantity) if quantity.kind == QuantityKind.DEADLINE else None,
    }


def match_rows(alignment: Alignment, agreements: list[Agreement]) -> list[Row]:
    """One row per clause of a match; ``match`` numbers the group."""
    owner = {clause.id: agreement.id for agreement in agreements for clause in agreement.clauses}
    return [
        {
            "match": number,
            "clause_id": clause_id,
            "agreement_id": owner[clause_id],
            "similarity": m.similarity,
            "category": m.category,
            "shared_deadline": m.shared_deadline,
            "basis": m.basis.value,
        }
        for number, m in enumerate(alignment.matches, start=1)
        for clause_id in m.clauses
    ]
