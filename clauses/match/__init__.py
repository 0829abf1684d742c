"""Align the clauses of several agreements: which paragraphs say the same thing, and which stand alone.

- :mod:`clauses.match.key`: a clause as the matcher sees it (the normalised scoring key, its
  category blocks and deadlines) and the word tests on two clauses (containment, split parts);
- :mod:`clauses.match.scores`: similarities by rapidfuzz ``cdist`` within category blocks, sparse
  against an n-way alignment's groups or dense for every pair of agreements at once;
- :mod:`clauses.match.rules`: the placement rules, written once: one-to-one assignment, split and
  merged paragraphs, containment, shared deadlines.

:func:`match` folds the agreements into groups one by one. :func:`match_pairs` aligns every pair
with the same rules: the first agreement's clauses are the groups the second's are placed among,
scored up front by one ``cdist`` per block over a run of agreements' clauses against all later ones.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

from pydantic import Field

from clauses.collector import cycle_collector_paused
from clauses.match.key import neutralise, normalise
from clauses.match.rules import Aligner
from clauses.match.scores import Pool, RoundScores, scorer_for
from clauses.models import Agreement, Basis, Strict

DEFAULT_THRESHOLD = 0.47
"""Lowest similarity (0..1) at which two clauses count as counterparts: wording blended with rarity, or
concepts across languages (see ``clauses.similarity``); measured on hand alignments by
``bench/eval_alignment.py``."""

__all__ = [
    "DEFAULT_THRESHOLD",
    "Alignment",
    "Match",
    "match",
    "match_pair",
    "match_pairs",
    "neutralise",
    "normalise",
]


class Match(Strict):
    """Clauses of different agreements that say the same thing."""

    clauses: list[str] = Field(description="clause ids, in the order of the agreements")
    agreements: list[str] = Field(description="ids of the agreements the clauses come from")
    similarity: float = Field(ge=0.0, le=1.0, description="mean similarity of the members to the group")
    category: str | None = Field(description="the category the clauses share; None when uncategorised")
    shared_deadline: str | None = Field(
        default=None,
        description="set (e.g. '24 hours') when a clause joined by the deadline it shares with the others in "
        "their category, not by its wording: a text in another language, or a sentence rewritten into a long paragraph",
    )
    basis: Basis = Field(
        default=Basis.WORDING,
        description="what the match rests on: wording (words in common, the rarer the more they count), "
        "concepts (clauses in different languages naming the same things) or deadline (shared_deadline)",
    )


class Alignment(Strict):
    """Every match across the agreements, and each agreement's clauses without counterpart."""

    agreements: list[str]
    matches: list[Match] = Field(default_factory=list)
    unmatched: dict[str, list[str]] = Field(default_factory=dict)


def match(
    agreements: list[Agreement],
    threshold: float = DEFAULT_THRESHOLD,
    rarity_of: list[Agreement] | None = None,
) -> Alignment:
    """Align the clauses of the agreements; the result does not depend on their order.

    How rare a word is (what a shared word counts for) is measured on the clauses of ``rarity_of``
    (default: the agreements aligned), which must hold the agreements aligned.
    """
    ordered = sorted(agreements, key=lambda a: a.id)
    corpus = sorted(rarity_of or ordered, key=lambda a: a.id)
    starts, start = {}, 0
    for agreement in corpus:
        starts[agreement.id], start = start, start + len(agreement.clauses)
    with cycle_collector_paused():  # aligning makes no reference cycles, only many short-lived objects
        aligner = Aligner(threshold, scorer_for(corpus))
        for position, agreement in enumerate(ordered):
            aligner.add(position, agreement.clauses, starts[agreement.id])
        return Alignment.model_validate(aligner.alignment(dict(enumerate(a.id for a in ordered))))


def match_pair(
    first: Agreement,
    second: Agreement,
    threshold: float = DEFAULT_THRESHOLD,
    rarity_of: list[Agreement] | None = None,
) -> Alignment:
    """Align two agreements (the pairwise case of :func:`match`)."""
    return match([first, second], threshold, rarity_of)


def match_pairs(agreements: list[Agreement], threshold: float = DEFAULT_THRESHOLD) -> Iterator[Alignment]:
    """Every pair of agreements aligned as ``match_pair(a, b, rarity_of=agreements)`` aligns it (the rarity
    of words measured on all the agreements), pairs in the order of sorted ids.

    One ``cdist`` per category block scores the clauses of a run of agreements against all later
    agreements' at once (see ``scores.CHUNK_CELLS``), and each pair only slices its scores out of that:
    calling ``match_pair`` on every pair would pay the per-call overhead of every block, pair by pair.
    """
    ordered = sorted(agreements, key=lambda a: a.id)
    pool = Pool(ordered, threshold)
    for first, last in pool.rounds():
        scores = pool.scores(first, last)
        for a in range(first, last):
            for b in range(a + 1, len(ordered)):
                yield _aligned_pair(pool, scores, a, b)


def _aligned_pair(pool: Pool, scores: RoundScores, first: int, second: int) -> Alignment:
    """One pair's alignment, made with the cycle collector paused as in ``cycle_collector_paused``.

    Not with it: entering a ``with`` block allocates, and any allocation while the collector runs
    can set it off, so each pair would still pay one collection (~20% of the time of all pairs
    of 30 agreements, once the caller keeps their alignments). Nothing is allocated here before
    the pause; the collector runs again before the caller gets the alignment.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        aligner = Aligner(pool.threshold, pool.scorer)
        aligner.seed(pool.items[first])
        aligner.place(second, pool.items[second], scores.pair(first, second))
        ids = {first: pool.ids[first], second: pool.ids[second]}
        return Alignment.model_validate(aligner.alignment(ids))
    finally:
        if was_enabled:
            gc.enable()
