"""A diff laid out for readers: rows in the new version's order, moves at both ends, notes in words.

The HTML/PDF report (list or side by side) and the Word writer read the same rows, so a moved clause's
old place, a folded run of unchanged clauses and the note on each change are worked out once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from clauses.diff.metadata import describe
from clauses.diff.models import AgreementDiff, Change, ChangeKind
from clauses.diff.words import RedlineOp, spaced
from clauses.models import Agreement, Strict, split_clause_id

if TYPE_CHECKING:
    from clauses.taxonomy import Taxonomy

Name = Callable[[str], str]
"""A category's display name (``Taxonomy.label_of``)."""

Layout = Literal["list", "side-by-side"]
LAYOUTS: tuple[str, ...] = ("list", "side-by-side")


class Row(Strict):
    """One line of the report: a change, the old place of a moved clause, or unchanged clauses folded."""

    role: Literal["change", "moved-from", "folded"]
    changes: list[Change] = Field(description="the change; for a folded row, the unchanged clauses")
    anchor: str = Field(description="HTML id of the row")
    link: str | None = Field(default=None, description="id of the other end of a move")
    notes: list[str] = Field(default_factory=list, description="what the change means, one note each")
    redline: list[RedlineOp] = Field(default_factory=list, description="spaced for reading (words.spaced)")
    texts: list[str] = Field(default_factory=list, description="a folded row's clause texts")

    @property
    def change(self) -> Change:
        return self.changes[0]


class DiffReport(Strict):
    """Context of templates/diff.html."""

    diff: AgreementDiff
    layout: Layout
    details: list[str] = Field(description="the metadata changes in words, reported first")
    rows: list[Row]
    labels: dict[str, str] = Field(description="category id → the name the taxonomy gives it")


def report(
    result: AgreementDiff, old: Agreement, new: Agreement, layout: Layout, taxonomy: Taxonomy | None = None
) -> DiffReport:
    """The report context of the diff of ``old`` and ``new``, categories named by ``taxonomy``'s labels."""
    from clauses.taxonomy import load_taxonomy

    taxonomy = taxonomy or load_taxonomy()
    named = {c for change in result.changes for c in change.categories.all}
    return DiffReport(
        diff=result,
        layout=layout,
        details=[describe(change) for change in result.metadata_changes],
        rows=rows(result, old, new, fold=layout == "side-by-side", name=taxonomy.label_of),
        labels=taxonomy.labels(sorted(named | set(result.summary.categories))),
    )


def rows(
    result: AgreementDiff, old: Agreement, new: Agreement, fold: bool = True, name: Name | None = None
) -> list[Row]:
    """Every change in the new version's order, each moved clause also at its old place.

    With ``fold``, a run of unchanged clauses is one row carrying their texts.
    """
    entries = _with_old_places(result.changes, [c.id for c in old.clauses])
    texts = {c.id: c.text for c in new.clauses}
    out: list[Row] = []
    for role, k in entries:
        change = result.changes[k]
        if change.kind is ChangeKind.UNCHANGED and fold:
            if not out or out[-1].role != "folded":
                out.append(Row(role="folded", changes=[], anchor=f"same-{k}"))
            out[-1].changes.append(change)
            out[-1].texts.extend(texts[i] for i in change.new)
            continue
        out.append(_row(role, k, change, name))
    return out


def _row(role: Literal["change", "moved-from"], k: int, change: Change, name: Name | None) -> Row:
    moved = change.kind is ChangeKind.MOVED
    here, there = (f"from-{k}", f"change-{k}") if role == "moved-from" else (f"change-{k}", f"from-{k}")
    return Row(
        role=role,
        changes=[change],
        anchor=here,
        link=there if moved else None,
        notes=notes(change, name),
        redline=spaced(change.redline),
    )


def _with_old_places(changes: list[Change], old_order: list[str]) -> list[tuple[str, int]]:
    """(role, change index) in reading order: a moved clause's old place follows the old clause before it."""
    entries: list[tuple[str, int]] = [("change", k) for k in range(len(changes))]
    holder = {clause_id: k for k, change in enumerate(changes) for clause_id in change.old}
    moved = {k for k, change in enumerate(changes) if change.kind is ChangeKind.MOVED}
    position = {clause_id: n for n, clause_id in enumerate(old_order)}
    for k in sorted(moved, key=lambda k: position.get(changes[k].old[0], -1)):
        start = position.get(changes[k].old[0])
        if start is None:
            continue
        # the nearest old clause before it that is shown (--only may have left some out)
        before = next((holder[c] for c in reversed(old_order[:start]) if c in holder), None)
        at = (
            0
            if before is None
            else entries.index(("moved-from" if before in moved else "change", before)) + 1
        )
        entries.insert(at, ("moved-from", k))
    return entries


def notes(change: Change, name: Name | None = None) -> list[str]:
    """What a change means, as a reader checks it: "weakened: firm → intent", "number: 5 → 3";
    categories by ``name`` (the packaged taxonomy's labels by default)."""
    from clauses.taxonomy import load_taxonomy

    name = name or load_taxonomy().label_of
    found = []
    if change.strength_change:
        found.append(f"{change.strength_change}: {change.strength_from} → {change.strength_to}")
    if change.obligors_change:
        before, after = change.obligors_change.old, change.obligors_change.new
        found.append(f"obligor: {', '.join(before) or 'none'} → {', '.join(after) or 'none'}")
    found += [f"number: {n.old or '∅'} → {n.new or '∅'}" for n in change.numbers_changed]
    gained, lost = change.categories.gained, change.categories.lost
    if gained or lost:
        named = [*(f"+{name(c)}" for c in gained), *(f"−{name(c)}" for c in lost)]
        found.append("categories: " + " ".join(named))
    return found


def paths(ids: list[str]) -> str:
    """'¶ 1(2); ¶ 1(3)' for clause ids, as the document numbers them (clauses.display.citation); '∅' for none."""
    from clauses.display import citation

    return "; ".join(citation(split_clause_id(clause_id).path) for clause_id in ids) or "∅"
