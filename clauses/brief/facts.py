"""Small questions every part of the brief asks of the agreements: who, when, and does it commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from clauses.models import ALL_PARTIES, Agreement, Clause, Strength

UKRAINE = "UA"


def partners_of(rows: Iterable[str]) -> list[str]:
    return [p for p in rows if p != UKRAINE]


def commits(clause: Clause) -> bool:
    return clause.strength != Strength.NONE


def obligors_of(clause: Clause, agreement: Agreement) -> list[str]:
    """Who takes the commitment; ``ALL`` stands for every party of the agreement."""
    expanded: list[str] = []
    for code in clause.obligors:
        expanded.extend(agreement.parties if code == ALL_PARTIES else [code])
    return list(dict.fromkeys(expanded))


def chronological(agreement: Agreement) -> tuple[dt.date, str]:
    return (agreement.signed or dt.date.max, agreement.id)
