"""Clause alignment between two versions: which old clauses became which new ones.

Three passes, each on what the previous left unmatched:
1. identical normalised text (typography, list markers and spacing ignored), in order;
2. split and merge: one clause ≈ the concatenation of two to four consecutive clauses of the other side;
3. one-to-one fuzzy pairs (rapidfuzz ratio), best pairs first.
Every pass treats both sides alike, so swapping the versions mirrors the result.
"""

from __future__ import annotations

import bisect
import zlib
from collections import defaultdict, deque
from dataclasses import dataclass

from rapidfuzz import fuzz

from clauses.diff.fuzzy import fuzzy_pairs
from clauses.text.markers import strip_marker

SPLIT_MIN = 0.85
"""Similarity from which a clause and a run of clauses of the other side are the same text, cut differently."""
MAX_PIECES = 4
LENGTH_SLACK = 1.3
"""A run of pieces is only scored when its length is within this factor of the whole's length."""

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Link:
    """Old clause indices matched to new clause indices (one to one, one to many or many to one)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    same_text: bool


def comparable_text(text: str) -> str:
    """The text as compared: leading list marker dropped, quotes and dashes folded, spaces collapsed."""
    return strip_marker(" ".join(text.translate(_FOLD).split()))


def align(olds: list[str], news: list[str]) -> list[Link]:
    """Links between normalised old and new texts, in no particular order."""
    links = _identical(olds, news)
    free_old = _free(len(olds), links, "old")
    free_new = _free(len(news), links, "new")
    links += _splits_and_merges(olds, news, free_old, free_new)
    free_old = _free(len(olds), links, "old")
    free_new = _free(len(news), links, "new")
    links += _fuzzy_pairs(olds, news, free_old, free_new)
    return sorted(links, key=lambda link: (link.old[0], link.new[0]))


def _free(size: int, links: list[Link], side: str) -> list[int]:
    used = {i for link in links for i in getattr(link, side)}
    return [i for i in range(size) if i not in used]


def _identical(olds: list[str], news: list[str]) -> list[Link]:
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for j, text in enumerate(news):
        waiting[text].append(j)
    links = []
    for i, text in enumerate(olds):
        if waiting.get(text):
            links.append(Link((i,), (waiting[text].popleft(),), 1.0, True))
    return links


def _splits_and_merges(
    olds: list[str], news: list[str], free_old: list[int], free_new: list[int]
) -> list[Link]:
    """One clause against runs of consecutive unmatched clauses on the other side; best first."""
    candidates = [(score, (i,), run) for i, run, score in _runs_matching(olds, news, free_old, free_new)] + [
        (score, run, (j,)) for j, run, score in _runs_matching(news, olds, free_new, free_old)
    ]
    candidates.sort(key=lambda c: (-c[0], _symmetric_tiebreak(c[1], c[2], olds, news)))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    links = []
    for score, old_run, new_run in candidates:
        if taken_old.isdisjoint(old_run) and taken_new.isdisjoint(new_run):
            taken_old.update(old_run)
            taken_new.update(new_run)
            links.append(Link(tuple(old_run), tuple(new_run), score, False))
    return links


def _runs_matching(
    wholes: list[str], pieces: list[str], free_wholes: list[int], free_pieces: list[int]
) -> list[tuple[int, tuple[int, ...], float]]:
    """(whole, run of pieces, similarity) for each whole that a run of 2+ free consecutive pieces rebuilds."""
    free = set(free_pieces)
    pair_length = {s: len(pieces[s]) + len(pieces[s + 1]) + 1 for s in free_pieces if s + 1 in free}
    starts = sorted(pair_length, key=pair_length.__getitem__)
    shortest = [pair_length[s] for s in starts]
    found = []
    for i in free_wholes:
        whole = wholes[i]
        limit = len(whole) * LENGTH_SLACK
        best: tuple[float, tuple[int, ...]] | None = None
        for start in starts[: bisect.bisect_right(shortest, limit)]:  # runs not longer than the whole
            run, length = [start], len(pieces[start])
            while len(run) < MAX_PIECES and run[-1] + 1 in free and length < limit:
                run.append(run[-1] + 1)
                length += len(pieces[run[-1]]) + 1
                if len(whole) / LENGTH_SLACK <= length <= limit:
                    score = fuzz.ratio(whole, " ".join(pieces[k] for k in run)) / 100
                    if score >= SPLIT_MIN and (best is None or score > best[0]):
                        best = (score, tuple(run))
        if best is not None:
            found.append((i, best[1], best[0]))
    return found


def _fuzzy_pairs(olds: list[str], news: list[str], free_old: list[int], free_new: list[int]) -> list[Link]:
    def tiebreak(i: int, j: int) -> tuple[float, str, str]:
        return _symmetric_tiebreak((i,), (j,), olds, news)

    return [
        Link((i,), (j,), score, False)
        for i, j, score in fuzzy_pairs(olds, news, free_old, free_new, tiebreak)
    ]


def order_weight(link: Link, olds: list[str], news: list[str]) -> tuple[float, float, float]:
    """What makes a matched pair worth keeping in order: similarity, then closeness of position."""
    offset = abs(link.old[0] / max(len(olds), 1) - link.new[0] / max(len(news), 1))
    a = " ".join(olds[i] for i in link.old)
    b = " ".join(news[j] for j in link.new)
    return (link.similarity, -offset, float(zlib.crc32(f"{min(a, b)}\0{max(a, b)}".encode())))


def _symmetric_tiebreak(
    old_run: tuple[int, ...], new_run: tuple[int, ...], olds: list[str], news: list[str]
) -> tuple[float, str, str]:
    """Orders equal scores the same way whichever version is called old (for the mirror property)."""
    offset = abs(old_run[0] / max(len(olds), 1) - new_run[0] / max(len(news), 1))
    a = " ".join(olds[i] for i in old_run)
    b = " ".join(news[j] for j in new_run)
    return (offset, min(a, b), max(a, b))


def longest_increasing_run(pairs: list[tuple[int, int]], weights: list[tuple[float, ...]]) -> set[int]:
    """Indices (into ``pairs``, sorted by old position) of the pairs kept in order; the rest moved.

    The longest chain whose new positions increase; among equally long chains, the one with the
    largest summed ``weights`` (compared in order), so that the clause called moved is the less
    similar, farther displaced one, whichever version is called old. Only pairs lying on some
    longest chain are weighed, level by level, so nearly ordered versions cost O(n log n).
    """
    news = [new for _, new in pairs]
    ahead = _chain_lengths(news)
    behind = _chain_lengths([-new for new in reversed(news)])[::-1]
    longest = max(ahead, default=0)
    levels: dict[int, list[int]] = {}
    for k in range(len(pairs)):
        if ahead[k] + behind[k] - 1 == longest:
            levels.setdefault(ahead[k], []).append(k)
    best: dict[int, tuple[float, ...]] = {}
    previous: dict[int, int] = {}
    for level in range(1, longest + 1):
        for k in levels[level]:
            options = [p for p in levels.get(level - 1, []) if p < k and news[p] < news[k]]
            before = max(options, key=best.__getitem__, default=-1)
            base = best[before] if before != -1 else (0.0,) * len(weights[k])
            best[k] = tuple(a + b for a, b in zip(base, weights[k], strict=True))
            previous[k] = before
    kept: set[int] = set()
    k = max(levels.get(longest, []), key=best.__getitem__, default=-1)
    while k != -1:
        kept.add(k)
        k = previous[k]
    return kept


def _chain_lengths(values: list[int]) -> list[int]:
    """For each position, the length of the longest increasing chain of ``values`` ending there."""
    tails: list[int] = []
    lengths = []
    for value in values:
        place = bisect.bisect_left(tails, value)
        if place == len(tails):
            tails.append(value)
        else:
            tails[place] = value
        lengths.append(place + 1)
    return lengths
