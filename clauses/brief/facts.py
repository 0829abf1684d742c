"""Small questions every part of the brief asks of the agreements: who, when, and does it commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from clauses.models import Agreement, Clause, Strength

UKRAINE = "UA"


def partners_of(rows: Iterable[str]) -> list[str]:
    return [p for p in rows if p != UKRAINE]


def commits(clause: Clause) -> bool:
    return clause.strength != Strength.NONE


def chronological(agreement: Agreement) -> tuple[dt.date, str]:
    return (agreement.signed or dt.date.max, agreement.id)
