"""Numbers found in clauses: the patterns stay linear on hostile runs of digits."""

from __future__ import annotations

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


def test_a_long_run_of_digit_groups_costs_linear_time():
    text = "The Parties will contribute " + "111 " * 12_000 + "euro."
    with finishes_within(8):  # 17 s with an unbounded group of thousands
        found = find_quantities(text)
    assert all(abs(q.value) < 1e40 for q in found)
