"""What changed between two versions of one agreement, clause by clause.

``diff(old, new)`` aligns the clauses of the two versions (identical text first,
then split and merge candidates, then fuzzy one-to-one pairs), finds moves as the
matched clauses outside the longest run kept in order, and folds a renumbering of
the whole document into one summary fact. Each matched pair carries a word-level
redline and the meaning of the change: strength, obligors, numbers, categories.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from typing import Literal

from pydantic import Field

from clauses.diff_align import Link, align, longest_increasing_run, normalise, order_weight
from clauses.diff_words import NumberChange, RedlineOp, numbers_changed, redline
from clauses.models import Agreement, Clause, Kind, Strength, Strict
from clauses.text.markers import strip_marker


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    SPLIT = "split"
    MERGED = "merged"
    UNCHANGED = "unchanged"

    @property
    def mirror(self) -> ChangeKind:
        """The kind the same change has when the versions are swapped."""
        return _MIRROR.get(self, self)


_MIRROR = {
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
}

StrengthDirection = Literal["weakened", "strengthened"]
SHIFT_FILTERS: tuple[str, ...] = ("weakened", "strengthened")


class ObligorsChange(Strict):
    old: list[str]
    new: list[str]


class CategoryChange(Strict):
    gained: list[str] = Field(default_factory=list)
    lost: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list, description="categories of either version")


class Change(Strict):
    """One aligned unit: old clause ids, new clause ids and what happened between them."""

    kind: ChangeKind
    old: list[str] = Field(default_factory=list, description="clause ids in the old version")
    new: list[str] = Field(default_factory=list, description="clause ids in the new version")
    similarity: float = Field(ge=0.0, le=1.0)
    strength_change: StrengthDirection | None = None
    strength_from: Strength | None = None
    strength_to: Strength | None = None
    obligors_change: ObligorsChange | None = None
    numbers_changed: list[NumberChange] = Field(default_factory=list)
    categories: CategoryChange = Field(default_factory=CategoryChange)
    redline: list[RedlineOp] = Field(default_factory=list)


class StrengthShift(Strict):
    """A commitment that got weaker or stronger, as listed in the summary."""

    old: list[str]
    new: list[str]
    strength_from: Strength
    strength_to: Strength
    categories: list[str]
    text: str = Field(description="the new wording (start of it)")


class Renumbering(Strict):
    """Clauses with the same text under another number, told once for the whole document."""

    count: int
    pattern: Literal["offset", "restart", "format", "mixed"]
    offsets: dict[str, int] = Field(description="number shift (or old→new numbering style) → clauses")
    examples: list[NumberChange] = Field(description="a few old → new paths")


class DiffSummary(Strict):
    kinds: dict[str, int] = Field(description="changes per kind, every kind listed")
    categories: dict[str, int] = Field(description="changes (not unchanged) per category")
    weakened: list[StrengthShift] = Field(default_factory=list, description="most important first")
    strengthened: list[StrengthShift] = Field(default_factory=list, description="most important first")
    renumbering: Renumbering | None = None


class AgreementInfo(Strict):
    """An agreement's metadata without its clauses."""

    id: str
    title: str
    parties: list[str]
    signed: dt.date | None
    kind: Kind
    version: str | None
    language: str
    source: str
    clauses: int


class AgreementDiff(Strict):
    old: AgreementInfo
    new: AgreementInfo
    summary: DiffSummary
    changes: list[Change]

    def only(self, filters: Sequence[str]) -> AgreementDiff:
        """The same diff with the changes limited to some kinds and/or weakened/strengthened."""
        wanted = set(filters)
        kept = [c for c in self.changes if c.kind.value in wanted or c.strength_change in wanted]
        return self.model_copy(update={"changes": kept})


PIECE_JOIN = " ¶ "
"""Joins the pieces of a split or merged clause in its redline, so the cut shows as an insertion or deletion."""
MOVED_MIN = 0.8
"""Similarity a reworded clause needs to be reported as moved; below it, a removal and an addition."""
SYSTEMATIC_MIN = 2
"""Neighbouring clauses sharing one renumbering shift that make it one fact, not a change each."""


def diff(old: Agreement, new: Agreement) -> AgreementDiff:
    """Align two versions of an agreement and describe every change."""
    olds, news = old.clauses, new.clauses
    old_texts, new_texts = [normalise(c.text) for c in olds], [normalise(c.text) for c in news]
    links = align(old_texts, new_texts)
    in_order = longest_increasing_run(
        [(link.old[0], link.new[0]) for link in links],
        [order_weight(link, old_texts, new_texts) for link in links],
    )
    links, in_order = _drop_weak_moves(links, in_order)
    systematic, renumbering = _renumbering(links, olds, news, in_order)
    placed = [
        ((float(link.new[0]), 0), _change_for(link, olds, news, i in in_order, i in systematic))
        for i, link in enumerate(links)
    ]
    placed += _unmatched(links, olds, news)
    changes = [change for _, change in sorted(placed, key=lambda item: item[0])]
    return AgreementDiff(
        old=_info(old),
        new=_info(new),
        summary=_summary(changes, news, renumbering),
        changes=changes,
    )


def _drop_weak_moves(links: list[Link], in_order: set[int]) -> tuple[list[Link], set[int]]:
    """A reworded clause found out of order must be clearly the same text to count as moved."""
    kept = [i for i, link in enumerate(links) if i in in_order or link.similarity >= MOVED_MIN]
    renumber = {old: new for new, old in enumerate(kept)}
    return [links[i] for i in kept], {renumber[i] for i in in_order}


def _info(agreement: Agreement) -> AgreementInfo:
    data = agreement.model_dump(exclude={"clauses", "duration_years", "url"})
    return AgreementInfo(**data, clauses=len(agreement.clauses))


def _change_for(
    link: Link, olds: list[Clause], news: list[Clause], in_order: bool, systematic: bool
) -> Change:
    old_group = [olds[i] for i in link.old]
    new_group = [news[j] for j in link.new]
    kind = _link_kind(link, old_group, new_group, in_order, systematic)
    old_text = PIECE_JOIN.join(strip_marker(c.text) for c in old_group)
    new_text = PIECE_JOIN.join(strip_marker(c.text) for c in new_group)
    change = Change(
        kind=kind,
        old=[c.id for c in old_group],
        new=[c.id for c in new_group],
        similarity=round(link.similarity, 4),
        obligors_change=None if link.same_text else _obligors_change(old_group, new_group),
        numbers_changed=[] if link.same_text else numbers_changed(old_group, new_group),
        categories=_category_change(old_group, new_group, compare=not link.same_text),
        redline=[] if kind is ChangeKind.UNCHANGED else redline(old_text, new_text),
    )
    if link.same_text:
        return change  # labels inherited from a changed list intro are reported on the intro, not here
    return _with_strength(change, _firmest(old_group), _firmest(new_group))


def _link_kind(
    link: Link, old_group: list[Clause], new_group: list[Clause], in_order: bool, systematic: bool
) -> ChangeKind:
    if len(old_group) > 1:
        return ChangeKind.MERGED
    if len(new_group) > 1:
        return ChangeKind.SPLIT
    if not in_order:
        return ChangeKind.MOVED
    if not link.same_text:
        return ChangeKind.MODIFIED
    if old_group[0].path != new_group[0].path and not systematic:
        return ChangeKind.RENUMBERED
    return ChangeKind.UNCHANGED


def _unmatched(
    links: list[Link], olds: list[Clause], news: list[Clause]
) -> list[tuple[tuple[float, int], Change]]:
    """Removed and added clauses, each with its place in the new text's order.

    A removed clause goes right after the new position of the last old clause before it that was kept.
    """
    new_of_old = {i: link.new[0] for link in links for i in link.old}
    used_new = {j for link in links for j in link.new}
    placed = []
    anchor = -1
    for i, clause in enumerate(olds):
        if i in new_of_old:
            anchor = max(anchor, new_of_old[i])
        else:
            placed.append(((anchor + 0.5, i), _one_sided(ChangeKind.REMOVED, clause)))
    placed += [
        ((float(j), 0), _one_sided(ChangeKind.ADDED, c)) for j, c in enumerate(news) if j not in used_new
    ]
    return placed


def _one_sided(kind: ChangeKind, clause: Clause) -> Change:
    is_added = kind is ChangeKind.ADDED
    ids = [clause.id]
    return Change(
        kind=kind,
        old=[] if is_added else ids,
        new=ids if is_added else [],
        similarity=0.0,
        categories=CategoryChange(
            gained=clause.category_ids if is_added else [],
            lost=[] if is_added else clause.category_ids,
            all=clause.category_ids,
        ),
        redline=[RedlineOp(op="insert" if is_added else "delete", text=clause.text)],
    )


def _firmest(group: list[Clause]) -> Strength:
    return min((c.strength for c in group), key=lambda s: s.rank)


def _with_strength(change: Change, before: Strength, after: Strength) -> Change:
    if before == after:
        return change
    direction: StrengthDirection = "weakened" if after.rank > before.rank else "strengthened"
    return change.model_copy(
        update={"strength_change": direction, "strength_from": before, "strength_to": after}
    )


def _obligors_change(old_group: list[Clause], new_group: list[Clause]) -> ObligorsChange | None:
    before = _ordered_union(c.obligors for c in old_group)
    after = _ordered_union(c.obligors for c in new_group)
    return None if set(before) == set(after) else ObligorsChange(old=before, new=after)


def _category_change(old_group: list[Clause], new_group: list[Clause], compare: bool) -> CategoryChange:
    before = _ordered_union(c.category_ids for c in old_group)
    after = _ordered_union(c.category_ids for c in new_group)
    return CategoryChange(
        gained=[c for c in after if c not in before] if compare else [],
        lost=[c for c in before if c not in after] if compare else [],
        all=_ordered_union([before, after]),
    )


def _ordered_union(lists) -> list[str]:
    return list(dict.fromkeys(item for items in lists for item in items))


# --- renumbering ---------------------------------------------------------------------------------


def _renumbering(
    links: list[Link], olds: list[Clause], news: list[Clause], in_order: set[int]
) -> tuple[set[int], Renumbering | None]:
    """Links whose path change is shared by a run of neighbours, and those shifts as a single fact.

    Neighbouring clauses (matched one to one, in order) renumbered the same way, e.g. all +1 after an
    inserted article or restarting at 1 in each section, are one renumbering; a clause renumbered
    alone is a ``renumbered`` change of its own.
    """
    ordered = sorted(
        (i for i, link in enumerate(links) if len(link.old) == len(link.new) == 1 and i in in_order),
        key=lambda i: links[i].new[0],
    )
    shifts = {i: _shift(olds[links[i].old[0]].path, news[links[i].new[0]].path) for i in ordered}
    systematic: set[int] = set()
    for run in _runs(ordered, shifts):
        if len(run) >= SYSTEMATIC_MIN and shifts[run[0]] != "0":
            systematic.update(run)
    if not systematic:
        return set(), None
    kept = Counter(shifts[i] for i in systematic)
    examples = [
        NumberChange(old=olds[links[i].old[0]].path, new=news[links[i].new[0]].path)
        for i in sorted(systematic)[:3]
    ]
    return systematic, Renumbering(
        count=len(systematic),
        pattern=_pattern(kept, news, links, systematic),
        offsets=dict(kept),
        examples=examples,
    )


def _runs(ordered: list[int], shifts: dict[int, str]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in ordered:
        if runs and shifts[runs[-1][-1]] == shifts[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _shift(old_path: str, new_path: str) -> str:
    """'0' for the same path, '+1' when the first differing number grew by one, 'a→b' for another style."""
    if old_path == new_path:
        return "0"
    old_parts, new_parts = _parts(old_path), _parts(new_path)
    if len(old_parts) == len(new_parts):
        for before, after in zip(old_parts, new_parts, strict=True):
            if before == after:
                continue
            a, b = _ordinal(before), _ordinal(after)
            if a is not None and b is not None:
                return f"{b - a:+d}"
            break
    return f"{_style(old_path)}→{_style(new_path)}"


def _parts(path: str) -> list[str]:
    """The levels of a path; a segmenter's "~2" that tells apart a repeated number is no level."""
    return [p for p in re.split(r"[.\s:]+", re.sub(r"~\d+", "", path.lower())) if p]


def _ordinal(part: str) -> int | None:
    if part.isdigit():
        return int(part)
    if len(part) == 1 and part.isalpha():
        return ord(part) - ord("a") + 1
    return None


def _style(path: str) -> str:
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "9", re.sub(r"~\d+", "", path.lower())))


def _pattern(kept: Counter[str], news: list[Clause], links: list[Link], systematic: set[int]) -> str:
    numeric = [shift for shift in kept if shift[0] in "+-"]
    if not numeric:
        return "format"
    if len(kept) == 1:
        return "offset"
    restarts = sum(1 for i in systematic if _parts(news[links[i].new[0]].path)[-1:] == ["1"])
    return "restart" if len(numeric) == len(kept) and restarts >= 2 else "mixed"


# --- summary -------------------------------------------------------------------------------------


def _summary(changes: list[Change], news: list[Clause], renumbering: Renumbering | None) -> DiffSummary:
    kinds = Counter(change.kind.value for change in changes)
    categories = Counter(
        category
        for change in changes
        if change.kind is not ChangeKind.UNCHANGED
        for category in change.categories.all
    )
    texts = {c.id: c.text for c in news}
    shifts = {
        direction: sorted(
            (_shift_entry(c, texts) for c in changes if c.strength_change == direction), key=_importance
        )
        for direction in SHIFT_FILTERS
    }
    return DiffSummary(
        kinds={kind.value: kinds.get(kind.value, 0) for kind in ChangeKind},
        categories=dict(sorted(categories.items(), key=lambda item: (-item[1], item[0]))),
        weakened=shifts["weakened"],
        strengthened=shifts["strengthened"],
        renumbering=renumbering,
    )


def _shift_entry(change: Change, texts: dict[str, str]) -> StrengthShift:
    text = " ".join(strip_marker(texts[i]) for i in change.new)
    assert change.strength_from is not None and change.strength_to is not None
    return StrengthShift(
        old=change.old,
        new=change.new,
        strength_from=change.strength_from,
        strength_to=change.strength_to,
        categories=change.categories.all,
        text=text if len(text) <= 200 else text[:197] + "...",
    )


def _importance(shift: StrengthShift) -> tuple[int, int, int]:
    """Biggest jump first, then the firmer commitment that moved, then clauses that carry a category."""
    jump = abs(shift.strength_to.rank - shift.strength_from.rank)
    firmest = min(shift.strength_from.rank, shift.strength_to.rank)
    return (-jump, firmest, 0 if shift.categories else 1)
