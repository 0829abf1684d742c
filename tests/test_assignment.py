"""The optimal one-to-one assignment against brute force, and a case where first-come greedy fails."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from clauses.assignment import best_assignment


def brute_force(scores: dict[tuple[int, int], float], rows: int, columns: int) -> float:
    best = 0.0
    for chosen in itertools.permutations([*range(columns), *[None] * rows], rows):
        best = max(best, sum(scores.get((r, c), 0.0) for r, c in enumerate(chosen) if c is not None))
    return best


def test_optimal_where_first_come_greedy_fails() -> None:
    # Row 0 comes first and takes its best column 0; row 1 then has nothing left. Optimal: 0-1, 1-0.
    scores = {(0, 0): 0.80, (0, 1): 0.70, (1, 0): 0.85}
    assert sorted(best_assignment(scores)) == [(0, 1), (1, 0)]


@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.integers(1, 4).flatmap(
            lambda columns: st.dictionaries(
                st.tuples(st.integers(0, rows - 1), st.integers(0, columns - 1)),
                st.floats(0.01, 1.0),
            ).map(lambda scores: (rows, columns, scores))
        )
    )
)
def test_total_equals_brute_force_and_one_to_one(case: tuple[int, int, dict]) -> None:
    rows, columns, scores = case
    pairs = best_assignment(scores)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert all(pair in scores for pair in pairs)
    assert abs(sum(scores[p] for p in pairs) - brute_force(scores, rows, columns)) < 1e-9
