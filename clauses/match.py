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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import Field

from clauses.assignment import best_assignment
from clauses.models import Agreement, Clause, Strict

DEFAULT_THRESHOLD = 0.6
"""Lowest similarity (0..1) at which two clauses count as counterparts."""

REPRESENTATIVES = 3
"""How many members of a group a new clause is compared with (the best score counts)."""

PART_FLOOR = 0.4

CATEGORY_FLOOR = 0.3
"""Lowest similarity kept inside a named category: a sentence folded into a long paragraph scores ~0.35."""
"""Lowest similarity at which a clause is examined as one part of a split paragraph."""

SPLIT_CONTAINMENT = 0.6
"""Share of a paragraph part's words that must occur in the whole for a split or merge."""

CONTAINMENT = 0.75
"""Share of a clause's words inside a longer paragraph of the same category to count it as included."""

SPLIT_GAIN = 0.08
"""How much closer to the whole the two parts together must come than the matched part alone."""

PARALLEL_CELLS = 50_000
"""Below this many cells a ``cdist`` runs on one thread: starting the pool costs more than it saves."""

PARTY = "party"
UNCATEGORISED = ""
LIST_MARKER = re.compile(r"^\s*(?:\(?[0-9ivxlcIVXLC]{1,6}[.)]|\(?[a-zA-Z][.)]|[•\-*–])\s+")
WORD = re.compile(r"\w+")
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


class Alignment(Strict):
    """Every match across the agreements, and each agreement's clauses without counterpart."""

    agreements: list[str]
    matches: list[Match] = Field(default_factory=list)
    unmatched: dict[str, list[str]] = Field(default_factory=dict)


def neutralise(text: str) -> str:
    """The clause's words, lower-cased, with every party name or adjective replaced by one placeholder."""
    from clauses.gazetteer import mentions

    parts: list[str] = []
    position = 0
    for mention in mentions(text):
        parts.append(text[position : mention.start])
        parts.append(f" {PARTY} ")
        position = mention.end
    parts.append(text[position:])
    return " ".join(WORD.findall("".join(parts).lower()))


@lru_cache(maxsize=1 << 18)
def normalise(text: str) -> str:
    """The scoring key: list marker and function words dropped, parties neutralised, words sorted.

    Cached: comparing every pair of n agreements would otherwise normalise each clause n-1 times.
    """
    words = neutralise(LIST_MARKER.sub("", text, count=1)).split()
    return " ".join(sorted(word for word in words if word not in STOPWORDS))


def match_pair(first: Agreement, second: Agreement, threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Align two agreements (the pairwise case of :func:`match`)."""
    return match([first, second], threshold)


def match(agreements: list[Agreement], threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """Align the clauses of the agreements; the result does not depend on their order."""
    ordered = sorted(agreements, key=lambda a: a.id)
    aligner = _Aligner(threshold)
    for position, agreement in enumerate(ordered):
        aligner.add(position, agreement.clauses)
    return aligner.alignment(ordered)


@dataclass
class _Item:
    agreement: int
    index: int
    clause: Clause
    key: str
    blocks: tuple[str, ...]


@dataclass
class _Group:
    blocks: tuple[str, ...]
    members: list[_Item] = field(default_factory=list)
    similarities: list[float] = field(default_factory=list)

    @property
    def representatives(self) -> list[str]:
        return [member.key for member in self.members[:REPRESENTATIVES]]

    @property
    def agreements(self) -> set[int]:
        return {member.agreement for member in self.members}


def _blocks(clause: Clause) -> tuple[str, ...]:
    ids = sorted({label.id.split("/")[0] for label in clause.categories})
    return tuple(ids) or (UNCATEGORISED,)


class _Aligner:
    """Folds agreements in one at a time; holds the groups and a block → groups index."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.groups: list[_Group | None] = []
        self.index: dict[str, list[int]] = {}

    def add(self, position: int, clauses: list[Clause]) -> None:
        items = [_Item(position, i, c, normalise(c.text), _blocks(c)) for i, c in enumerate(clauses)]
        near = self._scores(items)
        scores = {pair: score for pair, score in near.items() if score >= self.threshold}
        assigned = dict(sorted(best_assignment(scores)))
        for item_index, group_index in assigned.items():
            self._join(group_index, items[item_index], scores[item_index, group_index])
        parts: dict[int, list[int]] = {}
        for (item_index, group_index), score in sorted(near.items()):
            if score >= PART_FLOOR:
                parts.setdefault(item_index, []).append(group_index)
        self._merge_covered_groups(items, assigned, parts, position)
        by_group = {group_index: items[item_index] for item_index, group_index in assigned.items()}
        same_category: dict[int, list[int]] = {}
        for item_index, group_index in sorted(near):
            same_category.setdefault(item_index, []).append(group_index)
        for i, item in enumerate(items):
            if i in assigned:
                continue
            if not self._join_split(item, parts.get(i, []), by_group) and not self._join_container(
                item, same_category.get(i, [])
            ):
                self._new_group(item)

    def _scores(self, items: list[_Item]) -> dict[tuple[int, int], float]:
        """Similarities between the items and the groups of their blocks.

        Pairs of a named category from ``CATEGORY_FLOOR`` (a sentence inside a long paragraph
        scores low but is a counterpart); uncategorised pairs only from ``PART_FLOOR``.
        """
        from rapidfuzz import fuzz, process

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
            matrix = process.cdist(
                [items[i].key for i in item_indexes],
                [rep for _, rep in columns],
                scorer=fuzz.ratio,
                score_cutoff=(CATEGORY_FLOOR if block != UNCATEGORISED else min(self.threshold, PART_FLOOR))
                * 100,
                workers=-1 if len(item_indexes) * len(columns) > PARALLEL_CELLS else 1,
                dtype="uint8",
            )
            for row, col in zip(*matrix.nonzero(), strict=True):
                key = (item_indexes[row], columns[col][0])
                scores[key] = max(scores.get(key, 0.0), int(matrix[row, col]) / 100)
        return scores

    def _join(self, group_index: int, item: _Item, similarity: float) -> None:
        group = self.groups[group_index]
        assert group is not None
        group.members.append(item)
        group.similarities.append(similarity)

    def _new_group(self, item: _Item) -> None:
        self.groups.append(_Group(item.blocks, [item], []))
        for block in item.blocks:
            self.index.setdefault(block, []).append(len(self.groups) - 1)

    def _join_split(self, item: _Item, nearby: list[int], by_group: dict[int, _Item]) -> bool:
        """Join the group whose paragraph this clause completes together with its matched neighbour."""
        for group_index in nearby:
            group, neighbour = self.groups[group_index], by_group.get(group_index)
            if group is None or neighbour is None:
                continue
            joined = _split_similarity(group.members[0].key, neighbour.key, item.key)
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
            if not (set(group.blocks) & set(item.blocks)) - {UNCATEGORISED}:
                continue
            contained = _containment(item.key, group.members[0].key)
            if contained >= CONTAINMENT and (best is None or contained > best[0]):
                best = (contained, group_index)
        if best is None:
            return False
        self._join(best[1], item, best[0])
        return True

    def _merge_covered_groups(
        self, items: list[_Item], assigned: dict[int, int], candidates: dict[int, list[int]], position: int
    ) -> None:
        """A matched clause that also covers another group's paragraph (the others split it): merge."""
        for item_index, group_index in assigned.items():
            for other_index in candidates.get(item_index, []):
                group, other = self.groups[group_index], self.groups[other_index]
                if (
                    other_index == group_index
                    or group is None
                    or other is None
                    or position in other.agreements
                ):
                    continue
                joined = _split_similarity(items[item_index].key, group.members[0].key, other.members[0].key)
                if joined is not None:
                    group.similarities[-1] = joined
                    self._absorb(group_index, other_index)

    def _absorb(self, keep: int, gone: int) -> None:
        kept, other = self.groups[keep], self.groups[gone]
        assert kept is not None and other is not None
        kept.members.extend(other.members)
        kept.similarities.extend(other.similarities or [kept.similarities[-1]])
        self.groups[gone] = None

    def alignment(self, agreements: list[Agreement]) -> Alignment:
        ids = [a.id for a in agreements]
        matches: list[tuple[tuple[int, int], Match]] = []
        unmatched: dict[str, list[str]] = {agreement_id: [] for agreement_id in ids}
        for group in self.groups:
            if group is None:
                continue
            members = sorted(group.members, key=lambda m: (m.agreement, m.index))
            if len(group.agreements) < 2:
                unmatched[ids[members[0].agreement]].extend(m.clause.id for m in members)
                continue
            similarity = sum(group.similarities) / len(group.similarities)
            match_ = Match(
                clauses=[m.clause.id for m in members],
                agreements=list(dict.fromkeys(ids[m.agreement] for m in members)),
                similarity=round(min(similarity, 1.0), 3),
                category=_shared_category(members),
            )
            matches.append(((members[0].agreement, members[0].index), match_))
        for agreement_id, agreement in zip(ids, agreements, strict=True):
            order = {clause.id: i for i, clause in enumerate(agreement.clauses)}
            unmatched[agreement_id].sort(key=order.__getitem__)
        return Alignment(agreements=ids, matches=[m for _, m in sorted(matches)], unmatched=unmatched)


def _containment(first: str, second: str) -> float:
    """Share of the shorter text's distinct words found in the longer (0 for texts under 6 words)."""
    short, long = sorted((set(first.split()), set(second.split())), key=len)
    return len(short & long) / len(short) if len(short) >= 6 else 0.0


def _split_similarity(whole: str, part: str, candidate: str) -> float | None:
    """Similarity of ``part`` + ``candidate`` to ``whole`` when the candidate is the rest of it, else None.

    The candidate must lie mostly inside the whole, and joining it to the part must bring the
    two markedly closer to the whole than the part alone (paraphrased halves rarely reach
    a high containment, so the gain is the stronger evidence).
    """
    from rapidfuzz import fuzz

    whole_words, part_words, words = whole.split(), part.split(), set(candidate.split())
    if len(part_words) > 0.85 * len(whole_words) or len(words) >= len(whole_words):
        return None  # the matched part is already the whole paragraph, or the candidate is not a part
    if len(words) < 3 or len(words & set(whole_words)) / len(words) < SPLIT_CONTAINMENT:
        return None
    alone = fuzz.ratio(part, whole) / 100
    joined = fuzz.ratio(" ".join(sorted(f"{part} {candidate}".split())), whole) / 100
    return joined if joined >= alone + SPLIT_GAIN else None


def _shared_category(members: list[_Item]) -> str | None:
    common = set(members[0].blocks).intersection(*(m.blocks for m in members[1:]))
    named = sorted(common - {UNCATEGORISED})
    return named[0] if named else None
