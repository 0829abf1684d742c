"""Amounts of money compared like with like: each with the period the text gives it, per year.

Denmark's EUR 8.5 billion fund "covers 2023-2028"; Germany's EUR 7.1 billion is "for 2024". Put side
by side as they stand, the fund looks largest; per year it is EUR 1.4 billion. The period of an
amount is the span of years or the year said in the same part of its sentence (between semicolons
or ", and"); an amount with no period said is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from clauses.brief.facts import commits
from clauses.models import Agreement, Clause, Quantity, QuantityKind

_PART = re.compile(r";|,\s+and\s+|\.\s")
_SPAN = re.compile(r"\b(20\d\d)\s*(?:[-–—]|to|until|through)\s*(20\d\d)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")


class Amount(NamedTuple):
    quantity: Quantity
    clause: Clause
    agreement: Agreement
    first: int
    last: int

    @property
    def per_year(self) -> float:
        return self.quantity.value / (self.last - self.first + 1)

    @property
    def period(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def amounts(signed: Sequence[Agreement]) -> tuple[list[Amount], int]:
    """Money committed in the signed texts, each with its period, and how many had none said."""
    dated: list[Amount] = []
    undated = 0
    for agreement in signed:
        for clause in agreement.clauses:
            if not commits(clause):
                continue
            for quantity in clause.quantities:
                if quantity.kind != QuantityKind.MONEY:
                    continue
                period = _period(clause.text, quantity.text)
                if period is None:
                    undated += 1
                else:
                    dated.append(Amount(quantity, clause, agreement, *period))
    return dated, undated


def _period(text: str, said: str) -> tuple[int, int] | None:
    """The span of years or the year nearest the amount in its part of the sentence."""
    at = text.find(said)
    if at < 0:
        return None
    starts = [0, *(m.end() for m in _PART.finditer(text) if m.end() <= at)]
    ends = [m.start() for m in _PART.finditer(text) if m.start() >= at + len(said)]
    begin, end = starts[-1], ends[0] if ends else len(text)
    found = [(m.start(), m.end(), int(m[1]), int(m[2])) for m in _SPAN.finditer(text, begin, end)]
    found += [
        (m.start(), m.end(), int(m[1]), int(m[1]))
        for m in _YEAR.finditer(text, begin, end)
        if not any(s <= m.start() < e for s, e, _, _ in found)
    ]
    valid = [f for f in found if f[2] <= f[3]]
    if not valid:
        return None
    nearest = min(valid, key=lambda f: max(f[0] - (at + len(said)), at - f[1], 0))
    return nearest[2], nearest[3]
