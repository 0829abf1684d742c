"""Numbers found in clauses: the patterns stay linear on hostile runs of digits."""

from __future__ import annotations

import pytest
from hostile import finishes_within

from clauses.quantities import find_quantities


def test_money_and_durations_still_found():
    found = find_quantities(
        "Norway will provide NOK 1 500 000 over 10 years and EUR 2,5 billion within 48 hours."
    )
    assert [(q.kind.value, q.value, q.unit) for q in found] == [
        ("money", 1_500_000, "NOK"),
        ("duration", 10, "years"),
        ("money", 2.5e9, "EUR"),
        ("deadline", 48, "hours"),
    ]


@pytest.mark.parametrize("unit", ["111 ", "EUR 111 111 "])
def test_a_long_run_of_digit_groups_costs_linear_time(unit):
    text = "The Parties will contribute " + unit * (24_000 // len(unit)) + "euro."
    with finishes_within(3):  # 17 s with an unbounded group of thousands
        found = find_quantities(text)
    assert all(abs(q.value) < 1e40 for q in found)
