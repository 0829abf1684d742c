"""The placement rules: where each clause of an agreement goes among the groups of those before it.

Agreements are folded in one by one against *groups* of already aligned clauses, so the cost
grows with agreements × groups, never with all pairs of agreements. An optimal assignment
(Hungarian, solved per connected component of the above-threshold graph, see
``clauses.assignment``) pairs the agreement's clauses one-to-one with the groups; a clause left
over that covers the rest of a paragraph whose other part was just matched joins that group (one
agreement split the paragraph in two); a group left over whose text the matched clause also
covers is merged (the reverse); a clause contained in a paragraph of its category, or setting the
same deadline as one, joins it; a clause left over whose best group a neighbouring clause of its
agreement just joined goes there too (the agreement rewrote one paragraph as two). The scores come
from :mod:`clauses.match.scores`, in either shape.
"""

from __future__ import annotations

from operator import attrgetter, itemgetter

from clauses.assignment import best_assignment
from clauses.match.key import (
    Item,
    as_items,
    containment,
    may_split,
    share_category,
    shared_category,
    split_similarity,
)
from clauses.match.scores import PART_FLOOR, Scores, near
from clauses.models import Basis, Clause
from clauses.similarity import Scorer

REPRESENTATIVES = 3
"""How many members of a group a new clause is compared with (the best score counts)."""

CONTAINMENT = 0.75
"""Share of a clause's words inside a longer paragraph of the same category to count it as included."""

MARGIN = 0.01
"""What a pair at the threshold counts for in the assignment (see ``_assign``)."""

CHOICES = 3
"""How many of its nearest groups a clause is assigned among (see ``_assign``)."""

NEIGHBOURS = 2
"""How far apart (in clauses) two clauses of one agreement may be to be two parts of one paragraph."""

_position = attrgetter("agreement", "index")


class Aligner:
    """Folds agreements in one at a time; holds the groups and a block → groups index.

    A group is numbered by its place in ``heads``, the clause that stands for it (its first
    member), or None once another group took it in; most groups stay one clause, so their later
    members, similarities (one per later member) and agreements are kept only where there are any.
    """

    def __init__(self, threshold: float, scorer: Scorer) -> None:
        self.threshold = threshold
        self.scorer = scorer
        self.basis: dict[int, Basis] = {}
        """Groups a clause joined across languages (by the concepts it shares): ``Basis.CONCEPTS``."""
        self.heads: list[Item | None] = []
        self.joined: dict[int, list[Item]] = {}
        self.similarities: dict[int, list[float]] = {}
        self.agreements: dict[int, set[int]] = {}
        self.shared_deadline: dict[int, str] = {}
        self.index: dict[str, list[int]] = {}
        self.by_deadline: dict[str, list[int]] = {}
        self.placed: dict[int, int] = {}
        """The agreement being folded in: its clauses' indexes → the groups they went to."""

    def add(self, position: int, clauses: list[Clause], start: int) -> None:
        """Fold in the agreement numbered ``position`` (its clauses numbered from ``start`` for the
        scorer), scored against the groups' representatives."""
        items = as_items(position, clauses, start)
        self.place(position, items, near(items, self._columns, self.threshold, self.scorer))

    def seed(self, items: list[Item]) -> None:
        """Start from one agreement: each of its clauses a group, numbered as the clauses are."""
        self.heads = list(items)
        for number, item in enumerate(items):
            self._index(number, item)

    def place(self, position: int, items: list[Item], scores: Scores) -> None:
        """Fold in one agreement's items, given their similarities to the groups."""
        self.placed = {}
        above = scores.above(self.threshold)
        assigned = dict(sorted(_assign(above, self.threshold)))
        for item_index, group_index in assigned.items():
            self._join(group_index, items[item_index], above[item_index, group_index])
        self._merge_covered_groups(items, assigned, scores, position)
        by_group = {group_index: items[item_index] for item_index, group_index in assigned.items()}
        for i, item in enumerate(items):
            if i in assigned:
                continue
            if (
                not self._join_split(item, scores.groups(i, PART_FLOOR), by_group)
                and not self._join_container(item, scores.groups(i))
                and not self._join_same_deadline(i, item, scores)
                and not self._join_second_part(i, item, scores)
            ):
                self._new_group(item)
        self._merge_same_deadline(position, items, scores)

    def _columns(self, block: str) -> list[tuple[int, Item]]:
        """The (group, clause) columns a block's clauses are scored against: up to ``REPRESENTATIVES`` members."""
        return [
            (g, member)
            for g in self.index.get(block, [])
            if self.heads[g] is not None
            for member in self._representatives(g)
        ]

    def _representatives(self, group: int) -> list[Item]:
        """The group's first ``REPRESENTATIVES`` members, without listing all (a group grows with the agreements)."""
        head = self.heads[group]
        assert head is not None
        return [head, *self.joined.get(group, ())[: REPRESENTATIVES - 1]]

    def _members(self, group: int) -> list[Item]:
        head = self.heads[group]
        assert head is not None
        return [head, *self.joined.get(group, ())]

    def _has(self, group: int, agreement: int) -> bool:
        """Whether a clause of the agreement is in the group."""
        head = self.heads[group]
        assert head is not None
        return head.agreement == agreement or agreement in self.agreements.get(group, ())

    def _join(self, group: int, item: Item, similarity: float) -> None:
        """Add a clause of the agreement being folded in to the group."""
        self._add(group, item, similarity)
        self.placed[item.index] = group

    def _add(self, group: int, item: Item, similarity: float) -> None:
        head = self.heads[group]
        assert head is not None
        if self.scorer.across(head.number, item.number):
            self.basis[group] = Basis.CONCEPTS
        if group in self.joined:
            self.joined[group].append(item)
            self.similarities[group].append(similarity)
            self.agreements[group].add(item.agreement)
        else:
            self.joined[group], self.similarities[group] = [item], [similarity]
            self.agreements[group] = {head.agreement, item.agreement}

    def _absorb(self, keep: int, gone: int, similarity: float) -> None:
        """Take the group ``gone`` (one clause) into ``keep``."""
        other = self.heads[gone]
        assert other is not None and gone not in self.joined
        self._add(keep, other, similarity)
        self.heads[gone] = None

    def _new_group(self, item: Item) -> None:
        self.heads.append(item)
        self.placed[item.index] = len(self.heads) - 1
        self._index(len(self.heads) - 1, item)

    def _index(self, group: int, item: Item) -> None:
        """Enter a new group, whose clause is ``item``, under its blocks and deadlines."""
        for block in item.blocks:
            self.index.setdefault(block, []).append(group)
        for deadline in item.deadlines:
            self.by_deadline.setdefault(deadline, []).append(group)

    def _join_split(self, item: Item, nearby: list[int], by_group: dict[int, Item]) -> bool:
        """Join the group whose paragraph this clause completes together with its matched neighbour."""
        for group in nearby:
            head, neighbour = self.heads[group], by_group.get(group)
            if head is None or neighbour is None:
                continue
            joined = split_similarity(head, neighbour, item)
            if joined is not None:
                self.similarities[group][-1] = joined
                self._join(group, item, joined)
                return True
        return False

    def _join_second_part(self, position: int, item: Item, scores: Scores) -> bool:
        """Join the group this clause is nearest to (from the threshold, in its own language) when a
        neighbouring clause of its agreement just joined it: one paragraph rewritten as two."""
        nearby = [(scores.value(position, g), g) for g in scores.groups(position, self.threshold)]
        if not nearby:
            return False
        similarity, group = max(nearby)
        head = self.heads[group]
        if (
            head is None
            or self.scorer.across(head.number, item.number)
            or not any(g == group and abs(i - item.index) <= NEIGHBOURS for i, g in self.placed.items())
        ):
            return False
        self._join(group, item, similarity)
        return True

    def _join_container(self, item: Item, nearby: list[int]) -> bool:
        """Join a group of the same (named) category whose paragraph contains this clause, or the reverse.

        Some partners folded a template sentence into a long paragraph of their own (the
        24-hour consultation inside a paragraph on the aggressor's accountability): the
        sentence is there, but a whole-text score cannot see it.
        """
        best: tuple[float, int] | None = None
        for group in nearby:
            head = self.heads[group]
            if (
                head is None
                or self._has(group, item.agreement)
                or not share_category(head.blocks, item.blocks)
            ):
                continue
            contained = containment(item.word_set, head.word_set)
            if contained >= CONTAINMENT and (best is None or contained > best[0]):
                best = (contained, group)
        if best is None:
            return False
        self._join(best[1], item, best[0])
        return True

    def _join_same_deadline(self, position: int, item: Item, scores: Scores) -> bool:
        """Join the first group of a shared named category whose clause sets the same deadline.

        Wording cannot pair a translation, or the 24-hour consultation a partner rewrote into a
        long paragraph of its own; the deadline it sets, in the same category, can. A group this
        agreement already joined with a clause that lacks the deadline takes this one too: the
        group's paragraph holds both (one-to-many).
        """
        for deadline in item.deadlines:
            for group in self.by_deadline.get(deadline, ()):
                head = self.heads[group]
                if (
                    head is None
                    or any(
                        m.agreement == item.agreement and deadline in m.deadlines
                        for m in self._members(group)
                    )
                    or not share_category(head.blocks, item.blocks)
                ):
                    continue
                self._join(group, item, scores.value(position, group))
                self.shared_deadline[group] = deadline
                return True
        return False

    def _merge_covered_groups(
        self, items: list[Item], assigned: dict[int, int], scores: Scores, position: int
    ) -> None:
        """A matched clause that also covers another group's paragraph (the others split it): merge."""
        for item_index, group in assigned.items():
            head = self.heads[group]
            if head is None or not may_split(items[item_index], head):
                continue
            for other in scores.groups(item_index, PART_FLOOR):
                head, other_head = self.heads[group], self.heads[other]
                if (
                    other == group
                    or head is None
                    or other_head is None
                    or other in self.joined
                    or other_head.agreement == position
                ):
                    continue
                joined = split_similarity(items[item_index], head, other_head)
                if joined is not None:
                    self.similarities[group][-1] = joined
                    self._absorb(group, other, joined)

    def _merge_same_deadline(self, position: int, items: list[Item], scores: Scores) -> None:
        """A paragraph that joined a group and sets a deadline the group lacks goes with the clause that sets it.

        One partner wrote the 24-hour consultation and the next steps as one paragraph, the
        others as two: wording pairs the paragraph with one of them, the deadline with the other.
        A clause still alone is taken in (the paragraph holds both); a group that other agreements
        already share is joined instead, and keeps its own members (their wording is what later
        agreements are matched against).
        """
        for group in sorted({self.placed[item.index] for item in items if item.deadlines}):
            if self.heads[group] is None:
                continue
            for item in [m for m in self._members(group) if m.agreement == position]:
                found = self._deadline_group(item, group, position)
                if found is None:
                    continue
                deadline, other = found
                if other not in self.joined:
                    self._absorb(group, other, scores.value(item.index, other))
                    self.shared_deadline[group] = deadline
                else:
                    self._move(item, group, other, scores.value(item.index, other))
                    self.shared_deadline[other] = deadline

    def _deadline_group(self, item: Item, group: int, position: int) -> tuple[str, int] | None:
        """The first deadline the item sets and its group lacks, with the first other group that sets it."""
        head = self.heads[group]
        assert head is not None
        for deadline in sorted(set(item.deadlines).difference(head.deadlines)):
            for other in self.by_deadline.get(deadline, ()):
                other_head = self.heads[other]
                if (
                    other != group
                    and other_head is not None
                    and not self._has(other, position)
                    and share_category(other_head.blocks, item.blocks)
                ):
                    return deadline, other
        return None

    def _move(self, item: Item, source: int, target: int, similarity: float) -> None:
        """Take ``item`` (not the head) out of the group ``source`` and into ``target``."""
        joined, head = self.joined[source], self.heads[source]
        assert head is not None
        place = next(i for i, member in enumerate(joined) if member is item)
        del joined[place]
        del self.similarities[source][place]
        if joined:
            self.agreements[source] = {head.agreement, *(member.agreement for member in joined)}
        else:
            del self.joined[source], self.similarities[source], self.agreements[source]
        self._join(target, item, similarity)

    def alignment(self, ids: dict[int, str]) -> dict[str, object]:
        """The alignment's fields (``Alignment``'s shape); ``ids`` names the agreements by number, in order.

        Returned unvalidated, so the caller validates every match with the alignment in one call.
        """
        heads, joined = self.heads, self.joined
        alone = [head for group, head in enumerate(heads) if head is not None and group not in joined]
        matches: list[tuple[tuple[int, int], dict[str, object]]] = []
        for group in joined:
            if len(self.agreements[group]) >= 2:
                matches.append(self._match(group, ids))
            else:  # a group a clause was moved out of, left with one agreement's clauses
                alone.extend(self._members(group))
                alone.sort(key=_position)  # else in order: groups are made in the order of the clauses
        matches.sort(key=itemgetter(0))
        unmatched: dict[str, list[str]] = {agreement_id: [] for agreement_id in ids.values()}
        for item in alone:
            unmatched[ids[item.agreement]].append(item.clause.id)
        return {"agreements": list(ids.values()), "matches": [m for _, m in matches], "unmatched": unmatched}

    def _match(self, group: int, ids: dict[int, str]) -> tuple[tuple[int, int], dict[str, object]]:
        """A group's match fields, keyed by its first member's position (matches are listed in that order)."""
        head, joined = self.heads[group], self.joined[group]
        assert head is not None
        deadline = self.shared_deadline.get(group)
        if len(joined) == 1 and deadline is None:  # most groups: a clause of each of two agreements
            first, second = (head, joined[0]) if head.agreement < joined[0].agreement else (joined[0], head)
            clauses, blocks = [first.clause.id, second.clause.id], (first.blocks, second.blocks)
            names = [ids[first.agreement], ids[second.agreement]]
        else:
            members = sorted([head, *joined], key=_position)
            first, clauses = members[0], [m.clause.id for m in members]
            blocks = _deciding_blocks(members, deadline)
            names = [ids[agreement] for agreement in sorted(self.agreements[group])]
        similarities = self.similarities[group]
        fields = {
            "clauses": clauses,
            "agreements": list(dict.fromkeys(names)),
            "similarity": round(min(sum(similarities) / len(similarities), 1.0), 3),
            "category": shared_category(blocks),
            "shared_deadline": deadline,
            "basis": Basis.DEADLINE if deadline else self.basis.get(group, Basis.WORDING),
        }
        return (first.agreement, first.index), fields


def _assign(above: dict[tuple[int, int], float], threshold: float) -> list[tuple[int, int]]:
    """The one-to-one pairs with the largest total margin over the threshold: one strong pair beats two
    weak ones (a plain total pairs two clauses at the threshold rather than one at 0.7 and none). Each
    clause is offered its ``CHOICES`` best groups only: the graph the assignment solves stays in small
    pieces however many groups there are."""
    best: dict[int, list[float]] = {}
    for (item, _), value in above.items():
        best.setdefault(item, []).append(value)
    floor = {item: sorted(values, reverse=True)[:CHOICES][-1] for item, values in best.items()}
    return best_assignment(
        {pair: value - threshold + MARGIN for pair, value in above.items() if value >= floor[pair[0]]}
    )


def _deciding_blocks(members: list[Item], deadline: str | None) -> tuple[tuple[str, ...], ...]:
    """The blocks the match's category is read from: of the members that set the deadline it was
    paired by (the parts of a split paragraph may carry other categories), else of all."""
    return tuple(m.blocks for m in members if deadline is None or deadline in m.deadlines)
