"""``clauses diff --format csv``: one row per change, what its JSON carries that fits in a row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DIFF_CSV_HEADER = (
    "kind", "old", "new", "similarity", "strength_change", "strength_from", "strength_to",
    "obligors_from", "obligors_to", "numbers_changed", "categories", "category_labels", "categories_gained",
    "categories_lost",
    "old_text", "new_text",
)  # fmt: skip


def diff_rows(result: Any, name: Callable[[str], str]) -> list[list[Any]]:
    """The changes of an ``AgreementDiff``; the texts are read back from the redline (empty when unchanged);
    categories also by ``name`` (``Taxonomy.label_of``)."""
    return [_row(change, name) for change in result.changes]


def _row(change: Any, name: Callable[[str], str]) -> list[Any]:
    obligors = change.obligors_change
    return [
        change.kind.value,
        change.old,
        change.new,
        change.similarity,
        change.strength_change or "",
        change.strength_from.value if change.strength_from else "",
        change.strength_to.value if change.strength_to else "",
        obligors.old if obligors else "",
        obligors.new if obligors else "",
        [f"{n.old or '∅'} → {n.new or '∅'}" for n in change.numbers_changed],
        change.categories.all,
        [name(c) for c in change.categories.all],
        change.categories.gained,
        change.categories.lost,
        "".join(op.text for op in change.redline if op.op != "insert"),
        "".join(op.text for op in change.redline if op.op != "delete"),
    ]
