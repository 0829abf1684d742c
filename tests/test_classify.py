"""Clause labels through the public API: any text, the whole corpus, quantities and conditions."""

from __future__ import annotations

import pytest
from classify_helpers import label
from hypothesis import given, settings
from hypothesis import strategies as st

from clauses.models import CATEGORY_IDS, Condition, Precision, QuantityKind, Strength
from clauses.pipeline import analyze


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_any_text_gets_valid_labels(text):
    clause = label(text or " ")
    assert all(0 <= c.score <= 1 and c.id in CATEGORY_IDS for c in clause.categories)
    assert clause.strength in Strength and clause.precision in Precision
    assert (clause.strength == Strength.NONE) == (clause.obligors == [])


def test_every_clause_of_corpus_and_seeds_is_labelled(shared):
    analysis = analyze([shared / "corpus", shared / "seeds"])
    assert not analysis.failures, analysis.failures[:3]
    clauses = [c for a in analysis.agreements for c in a.clauses]
    assert len(clauses) > 1000
    for clause in clauses:
        assert clause.reasons, clause.id
        assert any(r.label == "strength" for r in clause.reasons)
        assert any(r.label == "precision" for r in clause.reasons)
    assert sum(bool(c.categories) for c in clauses) > 0.8 * len(clauses)


def test_money_durations_and_deadlines_are_quantities():
    clause = label("In 2025 Norway will provide EUR 1.5 billion and consult within 24 hours for ten years.")
    kinds = {(q.kind, q.value, q.unit) for q in clause.quantities}
    assert (QuantityKind.MONEY, 1.5e9, "EUR") in kinds
    assert (QuantityKind.DEADLINE, 24, "hours") in kinds
    assert (QuantityKind.DURATION, 10, "years") in kinds
    assert clause.precision == Precision.QUANTIFIED
    assert label("Норвегія надасть 2,5 млрд євро.").quantities[0].value == 2.5e9


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        (
            "Norway will, in accordance with its national legislation, provide aid.",
            Condition.LEGAL_PROCEDURES,
        ),
        (
            "Norway will provide aid subject to the availability of funds and within its means.",
            Condition.RESOURCES,
        ),
        ("At the request of Ukraine, Norway will send experts.", Condition.REQUEST),
        ("In the event of future armed attack, Norway will provide aid.", Condition.ATTACK),
        ("Norway will provide aid provided that the programme continues.", Condition.OTHER),
    ],
)
def test_conditions(text, condition):
    assert condition in label(text).conditions
