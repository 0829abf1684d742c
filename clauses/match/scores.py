"""Similarities between clauses and groups within category blocks: the wording ratio (rapidfuzz
``cdist`` on the scoring keys) blended with the rarity of the words shared, or across languages the
concepts shared (``clauses.similarity.Scorer``, fitted on all the clauses aligned).

Two shapes answer the same three questions (:class:`Scores`), so the placement rules are written
once for both: :class:`Near`, an agreement's clauses against the groups of an n-way alignment
(sparse), and :class:`PairScores`, one pair's slice of a dense matrix that :class:`Pool` scores for
every pair of agreements at once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from clauses.match.key import UNCATEGORISED, Item, as_items, is_heading, scoring_words
from clauses.similarity import Profile, Scorer

if TYPE_CHECKING:
    import numpy as np

    from clauses.models import Agreement

NEAREST = 12
"""Of each clause, only its nearest groups of a block are kept (fewer when several tie): a clause has
a counterpart or two, and keeping all would make folding in each agreement cost as much as all before."""

PART_FLOOR = 0.4
"""Lowest similarity at which a clause is examined as one part of a split paragraph."""

CATEGORY_FLOOR = 0.3
"""Lowest similarity kept inside a named category: a sentence folded into a long paragraph scores ~0.35."""

PARALLEL_CELLS = 10_000
"""Below this many cells a ``cdist`` runs on one thread: starting the pool costs more than it saves."""

CHUNK_CELLS = 1 << 20
"""Most cells (bytes) of one :func:`match_pairs` scoring round, unless one agreement's clauses × all
later clauses are more (22 MB for 1,000 agreements of 150 clauses). Small rounds also score less:
a round's clauses are scored against all from its first agreement, so within the round both ways."""


class Scores(Protocol):
    """An agreement's items' similarities (0..1) to the groups; 0.0 below the block's cutoff."""

    def above(self, floor: float) -> dict[tuple[int, int], float]:
        """{(item, group): similarity} from ``floor``, in (item, group) order."""
        ...

    def groups(self, item: int, floor: float = 0.0) -> list[int]:
        """The groups near ``item`` (above the cutoff, and from ``floor``), in order."""
        ...

    def value(self, item: int, group: int) -> float:
        """The similarity of ``item`` to ``group``."""
        ...


class Near:
    """An agreement's items' similarities to the groups, sorted by (item, group), as three parallel lists."""

    __slots__ = ("items", "group_ids", "values")

    def __init__(self, items: list[int], group_ids: list[int], values: list[float]) -> None:
        self.items, self.group_ids, self.values = items, group_ids, values

    @classmethod
    def of(cls, scores: dict[tuple[int, int], float]) -> Near:
        ordered = sorted(scores.items())
        return cls([i for (i, _), _ in ordered], [g for (_, g), _ in ordered], [v for _, v in ordered])

    def above(self, floor: float) -> dict[tuple[int, int], float]:
        return {
            (item, group): value
            for item, group, value in zip(self.items, self.group_ids, self.values, strict=True)
            if value >= floor
        }

    def value(self, item: int, group: int) -> float:
        start, stop = bisect_left(self.items, item), bisect_right(self.items, item)
        for g, v in zip(self.group_ids[start:stop], self.values[start:stop], strict=True):
            if g == group:
                return v
        return 0.0

    def groups(self, item: int, floor: float = 0.0) -> list[int]:
        start, stop = bisect_left(self.items, item), bisect_right(self.items, item)
        return [
            g for g, v in zip(self.group_ids[start:stop], self.values[start:stop], strict=True) if v >= floor
        ]


def near(
    items: list[Item], columns: Callable[[str], list[tuple[int, Item]]], threshold: float, scorer: Scorer
) -> Near:
    """Similarities between the items and the groups of their blocks (the best over a group's columns).

    ``columns(block)`` gives the (group, clause) columns a block's items are scored against, a
    group's columns together. Pairs of a named category count from ``CATEGORY_FLOOR`` (a sentence
    inside a long paragraph scores low but is a counterpart); uncategorised pairs only from
    ``PART_FLOOR``; of each item only its ``NEAREST`` groups of the block.
    """
    import numpy as np

    scores: dict[tuple[int, int], float] = {}
    by_block: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for block in item.blocks:
            by_block.setdefault(block, []).append(i)
    for block, item_indexes in sorted(by_block.items()):
        block_columns = columns(block)
        if not block_columns:
            continue
        groups = [group for group, _ in block_columns]
        starts = np.flatnonzero(np.r_[True, np.diff(groups) != 0])
        rows = [items[i] for i in item_indexes]
        ratios = cdist([r.key for r in rows], [c.key for _, c in block_columns], 0)
        similarity = scorer.score([r.number for r in rows], [c.number for _, c in block_columns], ratios)
        best = np.floor(np.maximum.reduceat(similarity, starts, axis=1) * 100 + 1e-9)
        if best.shape[1] > NEAREST:
            kth = -np.partition(-best, NEAREST - 1, axis=1)[:, NEAREST - 1 : NEAREST]
            best[best < kth] = 0
        best[best < cutoff(block, threshold)] = 0
        for row, col in zip(*best.nonzero(), strict=True):
            pair = (item_indexes[row], groups[starts[col]])
            scores[pair] = max(scores.get(pair, 0.0), int(best[row, col]) / 100)
    return Near.of(scores)


def scorer_for(agreements: list[Agreement]) -> Scorer:
    """The similarity of any two clauses of the agreements (numbered in order), fitted on all of them.

    Concepts are read only where the agreements are in more than one language; a clause's own
    parties are left out of them (every clause of one agreement names them).
    """
    from clauses.concepts import concepts

    mixed = len({a.language for a in agreements}) > 1
    profiles = []
    for agreement in agreements:
        own = {f"party:{code}" for code in agreement.parties}
        for clause in agreement.clauses:
            found = concepts(clause.text) - own if mixed else frozenset()
            profiles.append(
                Profile(scoring_words(clause.text), found, agreement.language, is_heading(clause.text))
            )
    return Scorer(profiles)


class Pool:
    """The clauses of all agreements by category block, for scoring every pair of agreements at once.

    Clauses are numbered in agreement order (agreement ``a`` holds ``starts[a]:starts[a + 1]``), and
    each block lists its entries (agreement position, clause number, key) in that order, so the
    entries of a run of agreements are one slice.
    """

    def __init__(self, ordered: list[Agreement], threshold: float) -> None:
        import numpy as np

        self.threshold = threshold
        self.count = len(ordered)
        self.ids = [a.id for a in ordered]
        self.scorer = scorer_for(ordered)
        self.starts = [0]
        for agreement in ordered:
            self.starts.append(self.starts[-1] + len(agreement.clauses))
        self.items = [
            as_items(position, a.clauses, self.starts[position]) for position, a in enumerate(ordered)
        ]
        entries: dict[str, list[tuple[int, int, str]]] = {}
        for position, agreement_items in enumerate(self.items):
            for item in agreement_items:
                for block in item.blocks:
                    entries.setdefault(block, []).append((position, item.number, item.key))
        self.blocks = {
            block: (np.array([e[0] for e in rows]), np.array([e[1] for e in rows]), [e[2] for e in rows])
            for block, rows in sorted(entries.items())
        }

    def rounds(self) -> Iterator[tuple[int, int]]:
        """Runs of agreements [first, last) whose clauses × all later clauses fit ``CHUNK_CELLS`` (or one agreement)."""
        total, first = self.starts[-1], 0
        for last in range(1, self.count + 1):
            if (
                last < self.count
                and (self.starts[last + 1] - self.starts[first]) * (total - self.starts[first]) > CHUNK_CELLS
            ):
                yield first, last
                first = last
        if first < self.count:
            yield first, self.count

    def scores(self, first: int, last: int) -> RoundScores:
        """The similarities of the clauses of agreements [first, last) to those of every agreement from ``first``."""
        import numpy as np

        offset = self.starts[first]
        dense = np.zeros((self.starts[last] - offset, self.starts[-1] - offset), dtype=np.uint8)
        for block, (owners, numbers, keys) in self.blocks.items():
            start, stop = np.searchsorted(owners, [first, last]).tolist()
            if start == stop:
                continue
            # a pair sharing two categories is scored in both blocks, with the same similarity
            ratios = cdist(keys[start:stop], keys[start:], 0)
            percent = np.floor(self.scorer.score(numbers[start:stop], numbers[start:], ratios) * 100 + 1e-9)
            percent[percent < cutoff(block, self.threshold)] = 0
            dense[np.ix_(numbers[start:stop] - offset, numbers[start:] - offset)] = percent
        return RoundScores(dense, [start - offset for start in self.starts])


class RoundScores:
    """One round's similarities in whole percent (0: below the block's cutoff, or no category shared)."""

    def __init__(self, dense: np.ndarray, starts: list[int]) -> None:
        self.dense, self.starts = dense, starts

    def pair(self, first: int, second: int) -> PairScores:
        """The second agreement's clauses (items) against the first's (its groups, by clause index)."""
        import numpy as np

        rows = slice(self.starts[first], self.starts[first + 1])
        columns = slice(self.starts[second], self.starts[second + 1])
        return PairScores(np.ascontiguousarray(self.dense[rows, columns].T))


class PairScores:
    """The second agreement's clauses (rows) × the first's (columns), in whole percent."""

    __slots__ = ("matrix",)

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = matrix

    def above(self, floor: float) -> dict[tuple[int, int], float]:
        import numpy as np

        rows, columns = np.nonzero(self.matrix >= _percent(floor))
        values = (self.matrix[rows, columns] / 100).tolist()
        return dict(zip(zip(rows.tolist(), columns.tolist(), strict=True), values, strict=True))

    def groups(self, item: int, floor: float = 0.0) -> list[int]:
        return (self.matrix[item] >= max(_percent(floor), 1)).nonzero()[0].tolist()

    def value(self, item: int, group: int) -> float:
        return int(self.matrix[item, group]) / 100


def cutoff(block: str, threshold: float) -> float:
    """Lowest similarity (0..100) a block keeps: see ``CATEGORY_FLOOR`` and ``PART_FLOOR``."""
    return (CATEGORY_FLOOR if block != UNCATEGORISED else min(threshold, PART_FLOOR)) * 100


def cdist(rows: list[str], columns: list[str], cutoff: float) -> np.ndarray:
    """Whole-percent similarities of every row key to every column key (0 below ``cutoff``)."""
    from rapidfuzz import fuzz, process

    return process.cdist(
        rows,
        columns,
        scorer=fuzz.ratio,
        score_cutoff=cutoff,
        workers=-1 if len(rows) * len(columns) > PARALLEL_CELLS else 1,
        dtype="uint8",
    )


@lru_cache(maxsize=64)
def _percent(similarity: float) -> int:
    """The lowest whole percent ``p`` with ``p / 100 >= similarity``: comparing percents compares as floats do."""
    return next(p for p in range(101) if p / 100 >= similarity)
