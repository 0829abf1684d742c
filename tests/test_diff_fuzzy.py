"""``clauses.diff.fuzzy``: the same pairs as taking every scored pair best first, and a limited search at scale."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from clauses.diff import fuzzy

WORDS = st.sampled_from(
    "Norway will shall provide fund train pilots radars demining in 2025 2026 the of".split()
)
TEXTS = st.lists(st.lists(WORDS, min_size=2, max_size=8).map(" ".join), max_size=12)


def tiebreak(i: int, j: int) -> tuple[int, int]:
    return (abs(i - j), i)


def reference(olds: list[str], news: list[str]) -> list[tuple[int, int, float]]:
    """Every pair scored, sorted best first, taken when both clauses are free: the definition."""
    pairs = [
        (fuzz.ratio(a, b) / 100, i, j)
        for i, a in enumerate(olds)
        for j, b in enumerate(news)
        if fuzz.ratio(a, b) >= fuzzy.MATCH_MIN * 100
    ]
    pairs.sort(key=lambda p: (-p[0], tiebreak(p[1], p[2]), p[1], p[2]))
    taken_old, taken_new, links = set(), set(), []
    for score, i, j in pairs:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            links.append((i, j, score))
    return links


@settings(max_examples=80, deadline=None)
@given(TEXTS, TEXTS)
def test_exhaustive_search_takes_the_pairs_of_the_definition(olds, news):
    found = fuzzy.fuzzy_pairs(olds, news, list(range(len(olds))), list(range(len(news))), tiebreak)
    assert found == reference(olds, news)


def schedule(rng: random.Random, size: int) -> list[str]:
    """Look-alike clauses (every pair above the match threshold), in our own words."""
    return [
        f"The Participants will deliver {rng.randint(2, 900)} field kits to depot {rng.randint(1, 99)} "
        f"before {rng.randint(2025, 2034)}, reporting every {rng.randint(2, 24)} months."
        for _ in range(size)
    ]


def test_limited_search_pairs_each_edited_clause_with_its_counterpart(monkeypatch):
    rng = random.Random(4)
    olds = schedule(rng, 120)
    news = [text.replace("deliver", "hand over") for text in olds]
    news.insert(60, "A clause about something else entirely, added in the new version.")
    moved = news.pop(10)
    news.insert(100, moved)  # far from its old place: found by its rare words, not its position
    monkeypatch.setattr(fuzzy, "PAIR_BUDGET", 1000)
    found = fuzzy.fuzzy_pairs(olds, news, list(range(len(olds))), list(range(len(news))), tiebreak)
    assert len(found) == len(olds)
    assert all(news[j] == olds[i].replace("deliver", "hand over") for i, j, _ in found)
