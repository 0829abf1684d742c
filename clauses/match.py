"""Align the clauses of several agreements: which paragraphs say the same thing, and which stand alone.

Each clause is scored on its *normalised* text: party names and adjectives become one
placeholder (so "Romania will train" meets "Germany will train"), list numbers and
punctuation go, and the words are sorted (a ``token_sort`` key scored with rapidfuzz's
plain ``ratio``, ten times faster in ``cdist`` than ``token_sort_ratio`` itself).

Clauses are compared only within a category block (clauses sharing a category, or both
uncategorised). Agreements are folded in one by one against *groups* of already aligned
clauses, so the cost grows with agreements × groups, never with all pairs of agreements:
within each block, one ``cdist`` call scores the agreement's clauses against up to
``REPRESENTATIVES`` members of each group, and an optimal assignment (Hungarian, solved
per connected component of the above-threshold graph, see ``clauses.assignment``) makes
the pairing one-to-one. A clause left over that covers the rest of a paragraph whose
other part was just matched joins that group (one agreement split the paragraph in two);
a group left over whose text the matched clause also covers is merged (the reverse).

Every pair of agreements (:func:`match_pairs`) is aligned the same way, but scored up front:
one ``cdist`` per block over a run of agreements' clauses against all later ones, spread into
one dense matrix from which each pair slices its own scores.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from pydantic import Field

from clauses.assignment import best_assignment
from clauses.collector import cycle_collector_paused
from clauses.models import Agreement, Clause, QuantityKind, Strict
from clauses.quantities import deadline_words
from clauses.text.markers import strip_marker
from clauses.text.tokens import words

if TYPE_CHECKING:
    import numpy as np

DEFAULT_THRESHOLD = 0.6
"""Lowest similarity (0..1) at which two clauses count as counterparts."""

REPRESENTATIVES = 3
"""How many members of a group a new clause is compared with (the best score counts)."""

PART_FLOOR = 0.4
"""Lowest similarity at which a clause is examined as one part of a split paragraph."""

CATEGORY_FLOOR = 0.3
"""Lowest similarity kept inside a named category: a sentence folded into a long paragraph scores ~0.35."""

SPLIT_CONTAINMENT = 0.6
"""Share of a paragraph part's words that must occur in the whole for a split or merge."""

CONTAINMENT = 0.75
"""Share of a clause's words inside a longer paragraph of the same category to count it as included."""

SPLIT_GAIN = 0.08
"""How much closer to the whole the two parts together must come than the matched part alone."""

PARALLEL_CELLS = 10_000
"""Below this many cells a ``cdist`` runs on one thread: starting the pool costs more than it saves."""

CHUNK_CELLS = 1 << 20
"""Most cells (bytes) of one :func:`match_pairs` scoring round, unless one agreement's clauses × all
later clauses are more (22 MB for 1,000 agreements of 150 clauses). Small rounds also score less:
a round's clauses are scored against all from its first agreement, so within the round both ways."""

PARTY = "party"
UNCATEGORISED = ""
STOPWORDS = frozenset(
    "a an and are as at be by for from has have in into is it its of on or our such that the their "
    "these this those to which with".split()
)
"""Function words that make any two English clauses look alike; dropped from the scoring key."""


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


class Alignment(Strict):
    """Every match across the agreements, and each agreement's clauses without counterpart."""

    agreements: list[str]
    matches: list[Match] = Field(default_factory=list)
    unmatched: dict[str, list[str]] = Field(default_factory=dict)


def neutralise(text: str) -> list[str]:
    """The clause's words, lower-cased, with every party name or adjective replaced by one placeholder."""
    from clauses.gazetteer import mentions

    found = mentions(text)
    if found:
        parts: list[str] = []
        position = 0
        for mention in found:
            parts.append(text[position : mention.start])
            parts.append(f" {PARTY} ")
            position = mention.end
        parts.append(text[position:])
        text = "".join(parts)
    return words(text)


@lru_cache(maxsize=1 << 18)
def normalise(text: str) -> str:
    """The scoring key: list marker and function words dropped, parties neutralised, words sorted.

    Cached: comparing every pair of n agreements would otherwise normalise each clause n-1 times.
    """
    words = neutralise(strip_marker(text))
    return " ".join(sorted(word for word in words if word not in STOPWORDS))


def match_pair(first: Agreement, second: Agreement, threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Align two agreements (the pairwise case of :func:`match`)."""
    return match([first, second], threshold)


def match_pairs(agreements: list[Agreement], threshold: float = DEFAULT_THRESHOLD) -> Iterator[Alignment]:
    """Every pair of agreements aligned as :func:`match_pair` aligns it, pairs in the order of sorted ids.

    One ``cdist`` per category block scores the clauses of a run of agreements against all later
    agreements' at once (see ``CHUNK_CELLS``), and each pair only slices its scores out of that:
    calling ``match_pair`` on every pair would pay the per-call overhead of every block, pair by pair.
    """
    ordered = sorted(agreements, key=lambda a: a.id)
    pool = _Pool(ordered, threshold)
    for first, last in pool.rounds():
        scores = pool.scores(first, last)
        for a in range(first, last):
            for b in range(a + 1, len(ordered)):
                yield _aligned_pair(pool, scores, a, b)


def match(agreements: list[Agreement], threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Align the clauses of the agreements; the result does not depend on their order."""
    ordered = sorted(agreements, key=lambda a: a.id)
    with cycle_collector_paused():  # aligning makes no reference cycles, only many short-lived objects
        aligner = _Aligner(threshold)
        for position, agreement in enumerate(ordered):
            aligner.add(position, agreement.clauses)
        return aligner.alignment(ordered)


def _aligned_pair(pool: _Pool, scores: _RoundScores, first: int, second: int) -> Alignment:
    """One pair's alignment, made with the cycle collector paused as in ``cycle_collector_paused``.

    Not with it: entering a ``with`` block allocates, and any allocation while the collector runs
    can set it off, so each pair would still pay one collection (~20% of the time of all pairs
    of 30 agreements, once the caller keeps their alignments). Nothing is allocated here before
    the pause; the collector runs again before the caller gets the alignment.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        aligner = _PairAligner(pool.items[first], pool.items[second], pool.threshold, pool.deadlines[first])
        aligner.place(scores.pair(first, second))
        return aligner.alignment(pool.ids[first], pool.ids[second])
    finally:
        if was_enabled:
            gc.enable()


@dataclass(slots=True)
class _Item:
    agreement: int
    index: int
    clause: Clause
    key: str
    blocks: tuple[str, ...]
    words: list[str] = field(init=False)
    word_set: frozenset[str] = field(init=False)
    deadlines: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.words = self.key.split()
        self.word_set = frozenset(self.words)
        self.deadlines = _deadlines(self.clause)


@dataclass(slots=True)
class _Group:
    blocks: tuple[str, ...]
    members: list[_Item]
    similarities: list[float]
    agreements: set[int]
    shared_deadline: str | None = None

    @property
    def representatives(self) -> list[str]:
        return [member.key for member in self.members[:REPRESENTATIVES]]


_position = attrgetter("agreement", "index")
_index = attrgetter("index")


def _blocks(clause: Clause) -> tuple[str, ...]:
    ids = sorted({label.id.split("/")[0] for label in clause.categories})
    return tuple(ids) or (UNCATEGORISED,)


def _items(position: int, clauses: list[Clause]) -> list[_Item]:
    return [_Item(position, i, c, normalise(c.text), _blocks(c)) for i, c in enumerate(clauses)]


class _Near:
    """An agreement's items' similarities to the groups, sorted by (item, group), as three parallel lists."""

    __slots__ = ("items", "group_ids", "values")

    def __init__(self, items: list[int], group_ids: list[int], values: list[float]) -> None:
        self.items, self.group_ids, self.values = items, group_ids, values

    @classmethod
    def of(cls, scores: dict[tuple[int, int], float]) -> _Near:
        ordered = sorted(scores.items())
        return cls([i for (i, _), _ in ordered], [g for (_, g), _ in ordered], [v for _, v in ordered])

    def above(self, floor: float) -> dict[tuple[int, int], float]:
        """{(item, group): similarity} from ``floor``, in (item, group) order."""
        return {
            (item, group): value
            for item, group, value in zip(self.items, self.group_ids, self.values, strict=True)
            if value >= floor
        }

    def value(self, item: int, group: int) -> float:
        """The similarity of ``item`` to ``group`` (0.0 below the block's cutoff)."""
        start, stop = bisect_left(self.items, item), bisect_right(self.items, item)
        for g, v in zip(self.group_ids[start:stop], self.values[start:stop], strict=True):
            if g == group:
                return v
        return 0.0

    def groups(self, item: int, floor: float = 0.0) -> list[int]:
        """The groups near ``item`` (from ``floor``), in order."""
        start, stop = bisect_left(self.items, item), bisect_right(self.items, item)
        return [
            g for g, v in zip(self.group_ids[start:stop], self.values[start:stop], strict=True) if v >= floor
        ]


def _cutoff(block: str, threshold: float) -> float:
    """Lowest similarity (0..100) a block keeps: see ``CATEGORY_FLOOR`` and ``PART_FLOOR``."""
    return (CATEGORY_FLOOR if block != UNCATEGORISED else min(threshold, PART_FLOOR)) * 100


class _Aligner:
    """Folds agreements in one at a time; holds the groups and a block → groups index."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.groups: list[_Group | None] = []
        self.index: dict[str, list[int]] = {}
        self.by_deadline: dict[str, list[int]] = {}
        self.placed: dict[int, int] = {}
        """The agreement being folded in: its clauses' indexes → the groups they went to."""

    def add(self, position: int, clauses: list[Clause]) -> None:
        items = _items(position, clauses)
        self.place(position, items, _Near.of(self._scores(items)))

    def place(self, position: int, items: list[_Item], near: _Near) -> None:
        """Fold in one agreement's items, given their similarities to the groups."""
        self.placed = {}
        scores = near.above(self.threshold)
        assigned = dict(sorted(best_assignment(scores)))
        for item_index, group_index in assigned.items():
            self._join(group_index, items[item_index], scores[item_index, group_index])
        self._merge_covered_groups(items, assigned, near, position)
        by_group = {group_index: items[item_index] for item_index, group_index in assigned.items()}
        for i, item in enumerate(items):
            if i in assigned:
                continue
            if (
                not self._join_split(item, near.groups(i, PART_FLOOR), by_group)
                and not self._join_container(item, near.groups(i))
                and not self._join_same_deadline(i, item, near)
            ):
                self._new_group(item)
        self._merge_same_deadline(position, items, near)

    def _scores(self, items: list[_Item]) -> dict[tuple[int, int], float]:
        """Similarities between the items and the groups of their blocks.

        Pairs of a named category from ``CATEGORY_FLOOR`` (a sentence inside a long paragraph
        scores low but is a counterpart); uncategorised pairs only from ``PART_FLOOR``.
        """
        scores: dict[tuple[int, int], float] = {}
        by_block: dict[str, list[int]] = {}
        for i, item in enumerate(items):
            for block in item.blocks:
                by_block.setdefault(block, []).append(i)
        for block, item_indexes in sorted(by_block.items()):
            group_indexes = [g for g in self.index.get(block, []) if self.groups[g] is not None]
            if not group_indexes:
                continue
            columns = [(g, rep) for g in group_indexes for rep in self.groups[g].representatives]
            keys = [items[i].key for i in item_indexes]
            matrix = _cdist(keys, [rep for _, rep in columns], _cutoff(block, self.threshold))
            for row, col in zip(*matrix.nonzero(), strict=True):
                key = (item_indexes[row], columns[col][0])
                scores[key] = max(scores.get(key, 0.0), int(matrix[row, col]) / 100)
        return scores

    def _join(self, group_index: int, item: _Item, similarity: float) -> None:
        group = self.groups[group_index]
        assert group is not None
        group.members.append(item)
        group.similarities.append(similarity)
        group.agreements.add(item.agreement)
        self.placed[item.index] = group_index

    def _new_group(self, item: _Item) -> None:
        self.groups.append(_Group(item.blocks, [item], [], {item.agreement}))
        self.placed[item.index] = len(self.groups) - 1
        for block in item.blocks:
            self.index.setdefault(block, []).append(len(self.groups) - 1)
        for deadline in item.deadlines:
            self.by_deadline.setdefault(deadline, []).append(len(self.groups) - 1)

    def _join_split(self, item: _Item, nearby: list[int], by_group: dict[int, _Item]) -> bool:
        """Join the group whose paragraph this clause completes together with its matched neighbour."""
        for group_index in nearby:
            group, neighbour = self.groups[group_index], by_group.get(group_index)
            if group is None or neighbour is None:
                continue
            joined = _split_similarity(group.members[0], neighbour, item)
            if joined is not None:
                group.similarities[-1] = joined
                self._join(group_index, item, joined)
                return True
        return False

    def _join_container(self, item: _Item, nearby: list[int]) -> bool:
        """Join a group of the same (named) category whose paragraph contains this clause, or the reverse.

        Some partners folded a template sentence into a long paragraph of their own (the
        24-hour consultation inside a paragraph on the aggressor's accountability): the
        sentence is there, but a whole-text score cannot see it.
        """
        best: tuple[float, int] | None = None
        for group_index in nearby:
            group = self.groups[group_index]
            if group is None or item.agreement in group.agreements:
                continue
            if not _share_category(group.blocks, item.blocks):
                continue
            contained = _containment(item.word_set, group.members[0].word_set)
            if contained >= CONTAINMENT and (best is None or contained > best[0]):
                best = (contained, group_index)
        if best is None:
            return False
        self._join(best[1], item, best[0])
        return True

    def _join_same_deadline(self, position: int, item: _Item, near: _Near) -> bool:
        """Join the first group of a shared named category whose clause sets the same deadline.

        Wording cannot pair a translation, or the 24-hour consultation a partner rewrote into a
        long paragraph of its own; the deadline it sets, in the same category, can. A group this
        agreement already joined with a clause that lacks the deadline takes this one too: the
        group's paragraph holds both (one-to-many).
        """
        for deadline in item.deadlines:
            for group_index in self.by_deadline.get(deadline, ()):
                group = self.groups[group_index]
                if (
                    group is None
                    or any(m.agreement == item.agreement and deadline in m.deadlines for m in group.members)
                    or not _share_category(group.blocks, item.blocks)
                ):
                    continue
                self._join(group_index, item, near.value(position, group_index))
                group.shared_deadline = deadline
                return True
        return False

    def _merge_covered_groups(
        self, items: list[_Item], assigned: dict[int, int], near: _Near, position: int
    ) -> None:
        """A matched clause that also covers another group's paragraph (the others split it): merge."""
        for item_index, group_index in assigned.items():
            group = self.groups[group_index]
            if group is None or not _may_split(items[item_index], group.members[0]):
                continue
            for other_index in near.groups(item_index, PART_FLOOR):
                group, other = self.groups[group_index], self.groups[other_index]
                if (
                    other_index == group_index
                    or group is None
                    or other is None
                    or len(other.members) > 1
                    or position in other.agreements
                ):
                    continue
                joined = _split_similarity(items[item_index], group.members[0], other.members[0])
                if joined is not None:
                    group.similarities[-1] = joined
                    self._absorb(group_index, other_index)

    def _merge_same_deadline(self, position: int, items: list[_Item], near: _Near) -> None:
        """A paragraph that joined a group and sets a deadline the group lacks goes with the clause that sets it.

        One partner wrote the 24-hour consultation and the next steps as one paragraph, the
        others as two: wording pairs the paragraph with one of them, the deadline with the other.
        A clause still alone is taken in (the paragraph holds both); a group that other agreements
        already share is joined instead, and keeps its own members (their wording is what later
        agreements are matched against).
        """
        for group_index in sorted({self.placed[item.index] for item in items if item.deadlines}):
            group = self.groups[group_index]
            if group is None:
                continue
            for item in [m for m in group.members if m.agreement == position]:
                found = self._deadline_group(item, group, group_index, position)
                if found is None:
                    continue
                deadline, other_index = found
                other = self.groups[other_index]
                assert other is not None
                if len(other.members) == 1:
                    group.members.extend(other.members)
                    group.similarities.extend([*other.similarities, near.value(item.index, other_index)])
                    group.agreements |= other.agreements
                    group.shared_deadline = deadline
                    self.groups[other_index] = None
                else:
                    self._move(item, group_index, other_index, near.value(item.index, other_index))
                    other.shared_deadline = deadline

    def _deadline_group(
        self, item: _Item, group: _Group, group_index: int, position: int
    ) -> tuple[str, int] | None:
        """The first deadline the item sets and its group lacks, with the first other group that sets it."""
        for deadline in sorted(set(item.deadlines).difference(group.members[0].deadlines)):
            for other_index in self.by_deadline.get(deadline, ()):
                other = self.groups[other_index]
                if (
                    other_index != group_index
                    and other is not None
                    and position not in other.agreements
                    and _share_category(other.blocks, item.blocks)
                ):
                    return deadline, other_index
        return None

    def _move(self, item: _Item, source: int, target: int, similarity: float) -> None:
        """Take ``item`` (not the first member) out of the group ``source`` and into ``target``."""
        group = self.groups[source]
        assert group is not None
        place = next(i for i, member in enumerate(group.members) if member is item)
        del group.members[place]
        if place - 1 < len(group.similarities):  # a joined member's similarity follows the first member's
            del group.similarities[place - 1]
        group.agreements = {member.agreement for member in group.members}
        self._join(target, item, similarity)

    def _absorb(self, keep: int, gone: int) -> None:
        kept, other = self.groups[keep], self.groups[gone]
        assert kept is not None and other is not None
        kept.members.extend(other.members)
        kept.similarities.extend(other.similarities or [kept.similarities[-1]])
        kept.agreements |= other.agreements
        self.groups[gone] = None

    def alignment(self, agreements: list[Agreement]) -> Alignment:
        ids = [a.id for a in agreements]
        matches: list[tuple[tuple[int, int], Match]] = []
        unmatched: dict[str, list[str]] = {agreement_id: [] for agreement_id in ids}
        alone: list[_Item] = []
        for group in self.groups:
            if group is None:
                continue
            if len(group.agreements) < 2:
                alone.extend(group.members)
                continue
            members = sorted(group.members, key=_position)
            similarity = sum(group.similarities) / len(group.similarities)
            match_ = Match(
                clauses=[m.clause.id for m in members],
                agreements=list(dict.fromkeys(ids[m.agreement] for m in members)),
                similarity=round(min(similarity, 1.0), 3),
                category=_shared_category(_deciding_blocks(members, group.shared_deadline)),
                shared_deadline=group.shared_deadline,
            )
            matches.append((_position(members[0]), match_))
        for item in sorted(alone, key=_position):
            unmatched[ids[item.agreement]].append(item.clause.id)
        matches.sort(key=itemgetter(0))
        return Alignment(agreements=ids, matches=[m for _, m in matches], unmatched=unmatched)


class _Pool:
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
        self.items = [_items(0, a.clauses) for a in ordered]
        self.deadlines = [_deadline_index(items) for items in self.items]
        self.starts = [0]
        entries: dict[str, list[tuple[int, int, str]]] = {}
        for position, items in enumerate(self.items):
            for item in items:
                for block in item.blocks:
                    entries.setdefault(block, []).append((position, self.starts[-1] + item.index, item.key))
            self.starts.append(self.starts[-1] + len(items))
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

    def scores(self, first: int, last: int) -> _RoundScores:
        """The similarities of the clauses of agreements [first, last) to those of every agreement from ``first``."""
        import numpy as np

        offset = self.starts[first]
        dense = np.zeros((self.starts[last] - offset, self.starts[-1] - offset), dtype=np.uint8)
        for block, (owners, numbers, keys) in self.blocks.items():
            start, stop = np.searchsorted(owners, [first, last]).tolist()
            if start == stop:
                continue
            # a pair sharing two categories is scored in both blocks, with the same similarity
            dense[np.ix_(numbers[start:stop] - offset, numbers[start:] - offset)] = _cdist(
                keys[start:stop], keys[start:], _cutoff(block, self.threshold)
            )
        return _RoundScores(dense, [start - offset for start in self.starts])


class _RoundScores:
    """One round's similarities in whole percent (0: below the block's cutoff, or no category shared)."""

    def __init__(self, dense: np.ndarray, starts: list[int]) -> None:
        self.dense, self.starts = dense, starts

    def pair(self, first: int, second: int) -> _PairScores:
        import numpy as np

        rows = slice(self.starts[first], self.starts[first + 1])
        columns = slice(self.starts[second], self.starts[second + 1])
        return _PairScores(np.ascontiguousarray(self.dense[rows, columns].T))


class _PairScores:
    """The second agreement's clauses (rows) × the first's (columns), in whole percent."""

    __slots__ = ("matrix",)

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = matrix

    def above(self, floor: int) -> dict[tuple[int, int], float]:
        """{(second's clause, first's clause): similarity} from ``floor`` percent, in that order."""
        import numpy as np

        rows, columns = np.nonzero(self.matrix >= floor)
        values = (self.matrix[rows, columns] / 100).tolist()
        return dict(zip(zip(rows.tolist(), columns.tolist(), strict=True), values, strict=True))

    def near(self, item: int, floor: int = 1) -> list[int]:
        """The first agreement's clauses near the second's ``item`` (from ``floor`` percent), in order."""
        return (self.matrix[item] >= floor).nonzero()[0].tolist()


class _PairAligner:
    """The pairwise case of :class:`_Aligner` on one pair's dense scores, without its group objects.

    The first agreement's clauses are the groups; only the groups that the second's clauses
    join (or that are absorbed) get any state. Every decision is ``_Aligner.place``'s, in the
    same order, so the result equals ``match_pair``'s (tested).
    """

    def __init__(
        self, first: list[_Item], second: list[_Item], threshold: float, by_deadline: dict[str, list[int]]
    ) -> None:
        self.first, self.second = first, second
        self.cut, self.part_cut = _percent(threshold), _percent(PART_FLOOR)
        self.gained: dict[int, list[_Item]] = {}
        """Group (first's clause) → the second's clauses that joined it, in order."""
        self.similarities: dict[int, list[float]] = {}
        self.merged: dict[int, list[int]] = {}
        """Group → the groups (first's clauses) it absorbed."""
        self.absorbed: set[int] = set()
        self.alone: list[int] = []
        """The second's clauses without counterpart."""
        self.by_deadline = by_deadline
        """Deadline → the first's clauses that set it (``_deadline_index``)."""
        self.deadline_joins: dict[int, str] = {}
        """Group → the deadline a second's clause joined it by."""

    def place(self, scores: _PairScores) -> None:
        above = scores.above(self.cut)
        assigned = dict(sorted(best_assignment(above)))
        for item_index, group in assigned.items():  # each group once: no need for _join
            self.gained[group] = [self.second[item_index]]
            self.similarities[group] = [above[item_index, group]]
        self._merge_covered_groups(assigned, scores)
        by_group = {group: self.second[item_index] for item_index, group in assigned.items()}
        for i in sorted(set(range(len(self.second))).difference(assigned)):
            item = self.second[i]
            if (
                not self._join_split(item, scores.near(i, self.part_cut), by_group)
                and not self._join_container(item, scores.near(i))
                and not self._join_same_deadline(i, item, scores)
            ):
                self.alone.append(i)
        self._merge_same_deadline(scores)

    def _join(self, group: int, item: _Item, similarity: float) -> None:
        self.gained.setdefault(group, []).append(item)
        self.similarities.setdefault(group, []).append(similarity)

    def _merge_covered_groups(self, assigned: dict[int, int], scores: _PairScores) -> None:
        """``_Aligner._merge_covered_groups``: a group with a second's clause is never absorbed."""
        for item_index, group in assigned.items():
            item, whole = self.second[item_index], self.first[group]
            if not _may_split(item, whole):
                continue
            for other in scores.near(item_index, self.part_cut):
                if other == group or other in self.absorbed or other in self.gained:
                    continue
                joined = _split_similarity(item, whole, self.first[other])
                if joined is not None:
                    similarities = self.similarities[group]
                    similarities[-1] = joined
                    similarities.append(joined)
                    self.merged.setdefault(group, []).append(other)
                    self.absorbed.add(other)

    def _merge_same_deadline(self, scores: _PairScores) -> None:
        """``_Aligner._merge_same_deadline``: the groups in order, each one's joined clauses in order."""
        if not self.by_deadline:
            return
        for group in sorted(self.gained):
            if group in self.absorbed:
                continue
            for item in list(self.gained[group]):
                for deadline in sorted(set(item.deadlines).difference(self.first[group].deadlines)):
                    other = self._first_with_deadline(deadline, item, group)
                    if other is not None:
                        self.merged.setdefault(group, []).append(other)
                        self.absorbed.add(other)
                        self.similarities[group].append(int(scores.matrix[item.index, other]) / 100)
                        self.deadline_joins[group] = deadline

    def _first_with_deadline(self, deadline: str, item: _Item, group: int) -> int | None:
        for other in self.by_deadline.get(deadline, ()):
            if (
                other != group
                and other not in self.absorbed
                and other not in self.gained
                and _share_category(self.first[other].blocks, item.blocks)
            ):
                return other
        return None

    def _join_split(self, item: _Item, nearby: list[int], by_group: dict[int, _Item]) -> bool:
        for group in nearby:
            neighbour = by_group.get(group)
            if neighbour is None:
                continue
            joined = _split_similarity(self.first[group], neighbour, item)
            if joined is not None:
                self.similarities[group][-1] = joined
                self._join(group, item, joined)
                return True
        return False

    def _join_container(self, item: _Item, nearby: list[int]) -> bool:
        best: tuple[float, int] | None = None
        for group in nearby:
            if group in self.absorbed or group in self.gained:
                continue
            whole = self.first[group]
            if not _share_category(whole.blocks, item.blocks):
                continue
            contained = _containment(item.word_set, whole.word_set)
            if contained >= CONTAINMENT and (best is None or contained > best[0]):
                best = (contained, group)
        if best is None:
            return False
        self._join(best[1], item, best[0])
        return True

    def _join_same_deadline(self, position: int, item: _Item, scores: _PairScores) -> bool:
        """``_Aligner._join_same_deadline``."""
        for deadline in item.deadlines:
            for group in self.by_deadline.get(deadline, ()):
                if (
                    group in self.absorbed
                    or any(deadline in m.deadlines for m in self.gained.get(group, ()))
                    or not _share_category(self.first[group].blocks, item.blocks)
                ):
                    continue
                self._join(group, item, int(scores.matrix[position, group]) / 100)
                self.deadline_joins[group] = deadline
                return True
        return False

    def alignment(self, first: str, second: str) -> Alignment:
        """The pair's alignment, its matches validated with it in one call (half the cost of one by one)."""
        ids = [first, second]
        agreements = list(dict.fromkeys(ids))
        matches: list[tuple[int, dict[str, object]]] = []
        for group, gained in self.gained.items():
            merged = self.merged.get(group)
            if merged is None and len(gained) == 1:  # most groups: one clause of each agreement, one score
                head, other = self.first[group], gained[0]
                clauses, blocks = [head.clause.id, other.clause.id], (head.blocks, other.blocks)
                similarity = self.similarities[group][0]
            else:
                members = [
                    *(self.first[g] for g in sorted([group, *(merged or ())])),
                    *sorted(gained, key=_index),
                ]
                head = members[0]
                clauses = [m.clause.id for m in members]
                blocks = _deciding_blocks(members, self.deadline_joins.get(group))
                similarity = sum(self.similarities[group]) / len(self.similarities[group])
            fields = {
                "clauses": clauses,
                "agreements": agreements,
                "similarity": round(min(similarity, 1.0), 3),
                "category": _shared_category(blocks),
                "shared_deadline": self.deadline_joins.get(group),
            }
            matches.append((head.index, fields))
        matches.sort(key=itemgetter(0))
        left = sorted(set(range(len(self.first))).difference(self.gained, self.absorbed))
        unmatched: dict[str, list[str]] = {agreement_id: [] for agreement_id in ids}
        unmatched[first].extend(self.first[group].clause.id for group in left)
        unmatched[second].extend(self.second[i].clause.id for i in self.alone)
        return Alignment.model_validate(
            {"agreements": ids, "matches": [m for _, m in matches], "unmatched": unmatched}
        )


def _cdist(rows: list[str], columns: list[str], cutoff: float) -> np.ndarray:
    from rapidfuzz import fuzz, process

    return process.cdist(
        rows,
        columns,
        scorer=fuzz.ratio,
        score_cutoff=cutoff,
        workers=-1 if len(rows) * len(columns) > PARALLEL_CELLS else 1,
        dtype="uint8",
    )


def _containment(first: frozenset[str], second: frozenset[str]) -> float:
    """Share of the smaller set of distinct words found in the larger (0 for fewer than 6 words)."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return len(short & long) / len(short) if len(short) >= 6 else 0.0


def _may_split(whole: _Item, part: _Item) -> bool:
    """Whether ``part`` is short enough beside ``whole`` for another clause to be the rest of it."""
    return len(part.words) <= 0.85 * len(whole.words)


def _split_similarity(whole: _Item, part: _Item, candidate: _Item) -> float | None:
    """Similarity of ``part`` + ``candidate`` to ``whole`` when the candidate is the rest of it, else None.

    The candidate must lie mostly inside the whole, and joining it to the part must bring the
    two markedly closer to the whole than the part alone (paraphrased halves rarely reach
    a high containment, so the gain is the stronger evidence).
    """
    size, words = len(whole.words), candidate.word_set
    if not _may_split(whole, part) or len(words) >= size:
        return None  # the matched part is already the whole paragraph, or the candidate is not a part
    if len(words) < 3 or len(words & whole.word_set) / len(words) < SPLIT_CONTAINMENT:
        return None
    from rapidfuzz import fuzz

    alone = fuzz.ratio(part.key, whole.key) / 100
    joined = fuzz.ratio(" ".join(sorted(part.words + candidate.words)), whole.key) / 100
    return joined if joined >= alone + SPLIT_GAIN else None


def _deadline_index(items: list[_Item]) -> dict[str, list[int]]:
    """Deadline → the indexes of the items that set it."""
    index: dict[str, list[int]] = {}
    for number, item in enumerate(items):
        for deadline in item.deadlines:
            index.setdefault(deadline, []).append(number)
    return index


def _deadlines(clause: Clause) -> tuple[str, ...]:
    """The deadlines a clause sets, as words ("24 hours"), sorted."""
    return tuple(sorted({deadline_words(q) for q in clause.quantities if q.kind == QuantityKind.DEADLINE}))


def _deciding_blocks(members: list[_Item], deadline: str | None) -> tuple[tuple[str, ...], ...]:
    """The blocks the match's category is read from: of the members that set the deadline it was
    paired by (the parts of a split paragraph may carry other categories), else of all."""
    return tuple(m.blocks for m in members if deadline is None or deadline in m.deadlines)


def _share_category(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two clauses share a named category (being both uncategorised is not enough)."""
    return bool((set(first) & set(second)) - {UNCATEGORISED})


@lru_cache(maxsize=4096)
def _shared_category(blocks: tuple[tuple[str, ...], ...]) -> str | None:
    """The first named category in every member's blocks (cached: the same few combinations recur)."""
    common = set(blocks[0]).intersection(*blocks[1:])
    common.discard(UNCATEGORISED)
    return min(common) if common else None


def _percent(similarity: float) -> int:
    """The lowest whole percent ``p`` with ``p / 100 >= similarity``: comparing percents compares as floats do."""
    return next(p for p in range(101) if p / 100 >= similarity)
