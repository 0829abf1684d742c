"""How precise a commitment is: quantified by a binding number, specific by a named system or programme."""

from __future__ import annotations

import re

from clauses.grammar import alternation, grammar
from clauses.models import (
    Precision,
    Quantity,
    QuantityKind,
    Strength,
)
from clauses.taxonomy import Hit

COMMITMENT_YEAR = re.compile(
    rf"\b(?:{alternation(grammar()['precision']['year_prepositions'])})\s+(?:19|20)\d\d\b"
)


def precision_of(
    text: str, hits: list[Hit], quantities: list[Quantity], strength: Strength
) -> tuple[Precision, str]:
    """Quantified by a binding number, specific by a named system/programme/mechanism, else general."""
    for quantity in quantities:
        if quantity.kind != QuantityKind.YEAR:
            return Precision.QUANTIFIED, quantity.text
    if strength != Strength.NONE:
        year = COMMITMENT_YEAR.search(text)
        if year:
            return Precision.QUANTIFIED, year.group()
    named = [h for h in hits if h.pattern.kind in ("name", "specific")]
    if named:
        return Precision.SPECIFIC, named[0].text
    return Precision.GENERAL, "no number, system or programme named"
