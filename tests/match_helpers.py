"""Small factories for the match and commitments tests: agreements built by hand from the models."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from clauses.models import Agreement, CategoryLabel, Clause, Kind, Strength


def clause(
    agreement_id: str, path: str, text: str, categories: tuple[str, ...] = (), **labels: object
) -> Clause:
    return Clause(
        id=f"{agreement_id}:{path}",
        path=path,
        text=text,
        categories=[CategoryLabel(id=c, score=1.0) for c in categories],
        **labels,
    )


def agreement(
    agreement_id: str,
    texts: list[str | tuple[str, tuple[str, ...]]],
    parties: tuple[str, ...] = ("UA",),
    kind: Kind = Kind.AGREEMENT,
    signed: dt.date | None = None,
) -> Agreement:
    """An agreement whose clauses are the texts (optionally with their categories), paths 1, 2, 3..."""
    clauses = []
    for number, entry in enumerate(texts, start=1):
        text, categories = (entry, ()) if isinstance(entry, str) else entry
        clauses.append(clause(agreement_id, str(number), text, categories))
    return Agreement(id=agreement_id, title=agreement_id, parties=list(parties), kind=kind, signed=signed,
                     clauses=clauses)  # fmt: skip


def commitment(
    agreement_id: str, path: str, text: str, category: str, strength: Strength, *obligors: str
) -> Clause:
    return clause(agreement_id, path, text, (category,), strength=strength, obligors=list(obligors))


KEYWORD_CATEGORIES = (
    ("consultations", re.compile(r"within 24 hours", re.I)),
    ("sanctions", re.compile(r"sanction", re.I)),
    ("accountability", re.compile(r"accountab|tribunal|reparation|compensat", re.I)),
)


def corpus_agreement(path: Path) -> Agreement:
    """A corpus text as one clause per paragraph, categorised by keyword (a stand-in for classify)."""
    agreement_id = path.stem
    clauses = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if len(line.split()) < 6:  # headings and titles are context, not clauses
            continue
        categories = tuple(name for name, pattern in KEYWORD_CATEGORIES if pattern.search(line))
        clauses.append(clause(agreement_id, str(number), line.strip(), categories))
    return Agreement(id=agreement_id, title=agreement_id, clauses=clauses)
