"""What changed between two versions of one agreement, clause by clause.

``diff(old, new)`` aligns the clauses of the two versions (identical text first,
then split and merge candidates, then fuzzy one-to-one pairs), finds moves as the
matched clauses outside the longest run kept in order, and folds a renumbering of
the whole document into one summary fact. Each matched pair carries a word-level
redline and the meaning of the change: strength, obligors, numbers, categories.
"""

from __future__ import annotations

from collections import Counter

from clauses.diff.align import Link, align, comparable_text, longest_increasing_run, order_weight
from clauses.diff.metadata import metadata_changes
from clauses.diff.models import (
    SHIFT_FILTERS,
    AgreementDiff,
    AgreementInfo,
    CategoryChange,
    Change,
    ChangeKind,
    DiffSummary,
    ObligorsChange,
    Renumbering,
    StrengthDirection,
    StrengthShift,
)
from clauses.diff.renumber import renumbering as find_renumbering
from clauses.diff.words import RedlineOp, numbers_changed, redline
from clauses.models import Agreement, Clause, Strength
from clauses.text.markers import strip_marker

PIECE_JOIN = " ¶ "
"""Joins the pieces of a split or merged clause in its redline, so the cut shows as an insertion or deletion."""
MOVED_MIN = 0.8
"""Similarity a reworded clause needs to be reported as moved; below it, a removal and an addition."""


def diff(old: Agreement, new: Agreement) -> AgreementDiff:
    """Align two versions of an agreement and describe every change."""
    olds, news = old.clauses, new.clauses
    old_texts, new_texts = [comparable_text(c.text) for c in olds], [comparable_text(c.text) for c in news]
    links = align(old_texts, new_texts)
    in_order = longest_increasing_run(
        [(link.old[0], link.new[0]) for link in links],
        [order_weight(link, old_texts, new_texts) for link in links],
    )
    links, in_order = _drop_weak_moves(links, in_order)
    systematic, renumbering = find_renumbering(links, olds, news, in_order)
    placed = [
        ((float(link.new[0]), 0), _change_for(link, olds, news, i in in_order, i in systematic))
        for i, link in enumerate(links)
    ]
    placed += _unmatched(links, olds, news)
    changes = [change for _, change in sorted(placed, key=lambda item: item[0])]
    return AgreementDiff(
        old=_info(old),
        new=_info(new),
        metadata_changes=metadata_changes(old, new),
        summary=_summary(changes, news, renumbering),
        changes=changes,
    )


def _drop_weak_moves(links: list[Link], in_order: set[int]) -> tuple[list[Link], set[int]]:
    """A reworded clause found out of order must be clearly the same text to count as moved."""
    kept = [i for i, link in enumerate(links) if i in in_order or link.similarity >= MOVED_MIN]
    renumber = {old: new for new, old in enumerate(kept)}
    return [links[i] for i in kept], {renumber[i] for i in in_order}


def _info(agreement: Agreement) -> AgreementInfo:
    return AgreementInfo(**agreement.metadata(), clauses=len(agreement.clauses))


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
