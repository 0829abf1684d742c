"""The third alignment pass: one-to-one fuzzy pairs of the clauses left unmatched, best pairs first.

Every pair scoring at least ``MATCH_MIN`` is a candidate and candidates are taken greedily, best
first. Scoring every old clause against every new one is quadratic, which is fine for the few dozen
clauses a real revision leaves unmatched but not for thousands (6,000 clauses all edited are 36
million pairs). Above ``PAIR_BUDGET`` pairs, each clause is only scored against the clauses at about
the same relative place on the other side and those sharing a rare word with it (a moved clause keeps
its names and numbers); the clauses still unmatched after that get the full search if few enough.
Candidates live in numpy arrays, never as a Python object per pair.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from clauses.text.tokens import words

MATCH_MIN = 0.65
"""Similarity from which two clauses are one clause reworded rather than a removal and an addition."""
PAIR_BUDGET = 2_000_000
"""Pairs scored exhaustively (about two seconds); above it the search is limited as the module says."""
WINDOW = 25
"""Clauses on each side of the same relative place scored in the limited search."""
RARE = 3
"""A word found in at most this many unmatched clauses (both sides together) is rare enough to pair on."""
CHUNK = 256
"""Old clauses scored per cdist call: the score matrix in memory stays CHUNK × new clauses."""


def fuzzy_pairs(
    olds: list[str], news: list[str], free_old: list[int], free_new: list[int], tiebreak
) -> list[tuple[int, int, float]]:
    """(old index, new index, similarity) of the pairs taken, best first.

    ``tiebreak(i, j)`` orders pairs of equal score (it must not depend on which side is called old).
    """
    if len(free_old) * len(free_new) <= PAIR_BUDGET:
        return _greedy(*_all_pairs(olds, news, free_old, free_new), tiebreak)
    taken = _greedy(*_nearby_pairs(olds, news, free_old, free_new), tiebreak)
    used_old = {i for i, _, _ in taken}
    used_new = {j for _, j, _ in taken}
    left_old = [i for i in free_old if i not in used_old]
    left_new = [j for j in free_new if j not in used_new]
    if left_old and left_new and len(left_old) * len(left_new) <= PAIR_BUDGET:
        taken += _greedy(*_all_pairs(olds, news, left_old, left_new), tiebreak)
    return taken


Candidates = tuple[np.ndarray, np.ndarray, np.ndarray]


def _all_pairs(olds: list[str], news: list[str], free_old: list[int], free_new: list[int]) -> Candidates:
    """Every pair scoring at least MATCH_MIN, as arrays (old indices, new indices, scores 0..100)."""
    rows, cols, scores = [], [], []
    choices = [news[j] for j in free_new]
    new_index = np.asarray(free_new, dtype=np.int64)
    for start in range(0, len(free_old), CHUNK):
        block = free_old[start : start + CHUNK]
        matrix = _scores([olds[i] for i in block], choices)
        r, c = np.nonzero(matrix >= MATCH_MIN * 100)
        rows.append(np.asarray(block, dtype=np.int64)[r])
        cols.append(new_index[c])
        scores.append(matrix[r, c])
    return _joined(rows), _joined(cols), _joined(scores, np.float64)


def _nearby_pairs(olds: list[str], news: list[str], free_old: list[int], free_new: list[int]) -> Candidates:
    """Pairs at about the same relative place, or sharing a rare word, that score at least MATCH_MIN.

    The same relative place: ranks r and s among the unmatched clauses with |r/n_old − s/n_new| within
    WINDOW clauses of the longer side, a band scored a block of CHUNK old clauses at a time.
    """
    n_old, n_new = len(free_old), len(free_new)
    reach = WINDOW / max(n_old, n_new)
    rows, cols, scores = [], [], []
    for start in range(0, n_old, CHUNK):
        ranks = np.arange(start, min(n_old, start + CHUNK))
        low = max(0, int(np.floor((ranks[0] / n_old - reach) * n_new)))
        high = min(n_new, int(np.ceil((ranks[-1] / n_old + reach) * n_new)) + 1)
        matrix = _scores([olds[free_old[r]] for r in ranks], [news[s] for s in free_new[low:high]])
        inside = np.abs(ranks[:, None] / n_old - np.arange(low, high)[None, :] / n_new) <= reach
        r, c = np.nonzero(inside & (matrix >= MATCH_MIN * 100))
        rows.append(np.asarray(free_old)[ranks[r]])
        cols.append(np.asarray(free_new)[low + c])
        scores.append(matrix[r, c])
    banded = set(zip(_joined(rows).tolist(), _joined(cols).tolist(), strict=True))
    extra = sorted(_sharing_rare_words(olds, news, free_old, free_new) - banded)
    cutoff = MATCH_MIN * 100
    found = [(i, j, fuzz.ratio(olds[i], news[j], score_cutoff=cutoff)) for i, j in extra]
    found = [(i, j, score) for i, j, score in found if score >= cutoff]
    rows.append(np.asarray([i for i, _, _ in found], dtype=np.int64))
    cols.append(np.asarray([j for _, j, _ in found], dtype=np.int64))
    scores.append(np.asarray([score for _, _, score in found], dtype=np.float64))
    return _joined(rows), _joined(cols), _joined(scores, np.float64)


def _scores(queries: list[str], choices: list[str]) -> np.ndarray:
    """fuzz.ratio of every query against every choice (0..100; 0 below MATCH_MIN)."""
    return process.cdist(
        queries, choices, scorer=fuzz.ratio, score_cutoff=MATCH_MIN * 100, dtype=np.float64, workers=1
    )


def _sharing_rare_words(
    olds: list[str], news: list[str], free_old: list[int], free_new: list[int]
) -> set[tuple[int, int]]:
    holders: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, texts, free in ((0, olds, free_old), (1, news, free_new)):
        for k in free:
            for word in set(words(texts[k])):
                holders[word][side].append(k)
    return {
        (i, j)
        for old_side, new_side in holders.values()
        if len(old_side) + len(new_side) <= RARE
        for i in old_side
        for j in new_side
    }


def _joined(parts: list[np.ndarray], dtype=np.int64) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _greedy(rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, tiebreak) -> list[tuple[int, int, float]]:
    """Best pair first; a pair is taken when neither of its clauses is taken yet.

    Pairs of one score are ordered by ``tiebreak``, computed only for those whose clauses are both
    still free (in a schedule of look-alike clauses, thousands of pairs share a score).
    """
    order = np.lexsort((cols, rows, -scores))  # by score, then old and new index
    rows, cols, scores = rows[order], cols[order], scores[order]
    taken_old = np.zeros(int(rows.max(initial=-1)) + 1, dtype=bool)
    taken_new = np.zeros(int(cols.max(initial=-1)) + 1, dtype=bool)
    links: list[tuple[int, int, float]] = []
    starts = [0, *(np.flatnonzero(np.diff(scores)) + 1).tolist(), len(scores)]
    for start, end in zip(starts, starts[1:], strict=False):
        group_rows, group_cols = rows[start:end], cols[start:end]
        free = np.flatnonzero(~taken_old[group_rows] & ~taken_new[group_cols])
        pairs = list(zip(group_rows[free].tolist(), group_cols[free].tolist(), strict=True))
        if len(pairs) > 1:
            pairs.sort(key=lambda pair: tiebreak(*pair))
        for i, j in pairs:
            if not taken_old[i] and not taken_new[j]:
                taken_old[i] = taken_new[j] = True
                links.append((i, j, float(scores[start]) / 100))
    return links
