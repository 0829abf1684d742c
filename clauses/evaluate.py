"""Measure labelling against hand-labelled gold clauses, with the rules of ``shared/tools/eval_classify.py``.

A gold clause is one paragraph; the predicted clauses that lie inside it or hold
it (by word overlap) are its matches. Categories: micro and macro F1 over
(gold clause, category) pairs, predicted categories being the union over the
matches. Strength: the firmest among the matches. Obligors: the exact set
carried by those firmest matches.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from pydantic import Field, ValidationError, computed_field

from clauses.errors import ClausesError
from clauses.load.text import DEFAULT_MAX_BYTES, read_input
from clauses.models import Agreement, Strength, Strict
from clauses.text.tokens import words

MIN_OVERLAP = 0.8


class GoldClause(Strict):
    doc: str
    text: str
    categories: list[str] = Field(default_factory=list)
    strength: str = "none"
    obligors: list[str] = Field(default_factory=list)
    n: int | None = None
    precision: str | None = None
    conditions: list[str] = Field(default_factory=list)


class CategoryScore(Strict):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        return f1(self.tp, self.fp, self.fn)


class DocumentScore(Strict):
    """One document's share of the figures: its gold clauses and how many of them were read right."""

    gold_clauses: int
    micro_f1: float
    strength_accuracy: float
    obligor_accuracy: float


class Figures(Strict):
    """The figures the gold tool prints, per category and overall, and per document."""

    gold_clauses: int
    coverage: float
    micro_precision: float
    micro_recall: float
    micro_f1: float
    macro_f1: float
    strength_accuracy: float
    obligor_accuracy: float
    per_category: dict[str, CategoryScore]
    per_document: dict[str, DocumentScore] = Field(default_factory=dict)


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def overlap(gold: list[str], predicted: list[str]) -> float:
    """Share of the shorter text's words found in the longer one (a bag, order-free)."""
    if not gold or not predicted:
        return 0.0
    short, long_ = (gold, predicted) if len(gold) <= len(predicted) else (predicted, gold)
    pool: dict[str, int] = defaultdict(int)
    for word in long_:
        pool[word] += 1
    hit = 0
    for word in short:
        if pool[word] > 0:
            pool[word] -= 1
            hit += 1
    return hit / len(short)


def read_gold(path: Path) -> list[GoldClause]:
    """The gold file, one JSON object a line; errors name the line."""
    lines = read_input(path, DEFAULT_MAX_BYTES, "gold file").splitlines()
    gold = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            gold.append(GoldClause.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            raise ClausesError(f"line {number}: {str(error).splitlines()[0]}", path) from None
        except RecursionError:
            raise ClausesError(f"line {number}: nested too deeply", path) from None
    if not gold:
        raise ClausesError("gold file holds no clauses", path)
    return gold


def gold_texts(gold: Sequence[GoldClause], gold_path: Path, dirs: Sequence[Path] | None = None) -> list[Path]:
    """The text file of each gold doc, looked up in ``dirs`` (default: ../corpus and ../seeds beside the gold)."""
    root = gold_path.resolve().parent.parent
    search = list(dirs) if dirs else [root / "corpus", root / "seeds"]
    files = []
    for doc in sorted({g.doc for g in gold}):
        found = [folder / f"{doc}.txt" for folder in search if (folder / f"{doc}.txt").exists()]
        if not found:
            raise ClausesError(f"no text for gold doc {doc!r} in {', '.join(map(str, search))}", gold_path)
        files.append(found[0])
    return files


def _doc_key(agreement: Agreement, docs: set[str]) -> str | None:
    stem = Path(agreement.source).stem if agreement.source else ""
    if stem in docs:
        return stem
    return agreement.id if agreement.id in docs else None


def score(gold: Sequence[GoldClause], agreements: Iterable[Agreement]) -> Figures:
    """Compare predicted clauses with the gold ones."""
    docs = {g.doc for g in gold}
    predicted: dict[str, list[tuple[list[str], dict]]] = defaultdict(list)
    for agreement in agreements:
        key = _doc_key(agreement, docs)
        if key:
            for clause in agreement.clauses:
                record = {
                    "categories": clause.category_ids,
                    "strength": clause.strength.value,
                    "obligors": clause.obligors,
                }
                predicted[key].append((words(clause.text), record))
    per_document: dict[str, DocumentScore] = {}
    for doc in sorted(docs):
        items = [item for item in gold if item.doc == doc]
        per_document[doc] = _document_score(_tally(items, predicted))
    overall = _tally(gold, predicted)
    return _figures(gold, overall, per_document)


class _Tally(NamedTuple):
    per_category: dict[str, CategoryScore]
    covered: int
    strength_ok: int
    obligor_ok: int
    clauses: int


def _tally(gold: Sequence[GoldClause], predicted: dict[str, list[tuple[list[str], dict]]]) -> _Tally:
    per_category: dict[str, CategoryScore] = defaultdict(CategoryScore)
    strength_ok = obligor_ok = covered = 0
    for item in gold:
        matched = _matches(words(item.text), predicted[item.doc])
        if matched:
            covered += 1
            top = min(Strength(p["strength"]).rank for p in matched)
            firmest = [p for p in matched if Strength(p["strength"]).rank == top]
            strength_ok += firmest[0]["strength"] == item.strength
            obligor_ok += {o for p in firmest for o in p["obligors"]} == set(item.obligors)
        _count_categories(set(item.categories), {c for p in matched for c in p["categories"]}, per_category)
    return _Tally(per_category, covered, strength_ok, obligor_ok, len(gold))


def _micro(per_category: dict[str, CategoryScore]) -> tuple[int, int, int]:
    tp = sum(v.tp for v in per_category.values())
    fp = sum(v.fp for v in per_category.values())
    fn = sum(v.fn for v in per_category.values())
    return tp, fp, fn


def _document_score(tally: _Tally) -> DocumentScore:
    return DocumentScore(
        gold_clauses=tally.clauses,
        micro_f1=f1(*_micro(tally.per_category)),
        strength_accuracy=tally.strength_ok / tally.clauses,
        obligor_accuracy=tally.obligor_ok / tally.clauses,
    )


def _matches(gold_words: list[str], candidates: list[tuple[list[str], dict]]) -> list[dict]:
    matched = []
    for predicted_words, record in candidates:
        if overlap(gold_words, predicted_words) < MIN_OVERLAP:
            continue
        # A predicted clause that holds several gold clauses counts only if it is not far longer.
        if len(predicted_words) <= 3 * max(len(gold_words), 8) or len(gold_words) >= len(predicted_words):
            matched.append(record)
    return matched


def _count_categories(gold: set[str], predicted: set[str], per_category: dict[str, CategoryScore]) -> None:
    for category in gold | predicted:
        entry = per_category[category]
        if category in gold and category in predicted:
            entry.tp += 1
        elif category in predicted:
            entry.fp += 1
        else:
            entry.fn += 1


def _figures(gold: Sequence[GoldClause], tally: _Tally, per_document: dict[str, DocumentScore]) -> Figures:
    per_category = tally.per_category
    tp, fp, fn = _micro(per_category)
    gold_ids = sorted({c for g in gold for c in g.categories})
    return Figures(
        gold_clauses=len(gold),
        coverage=tally.covered / len(gold),
        micro_precision=tp / (tp + fp) if tp + fp else 0.0,
        micro_recall=tp / (tp + fn) if tp + fn else 0.0,
        micro_f1=f1(tp, fp, fn),
        macro_f1=sum(per_category[c].f1 for c in gold_ids) / len(gold_ids) if gold_ids else 0.0,
        strength_accuracy=tally.strength_ok / len(gold),
        obligor_accuracy=tally.obligor_ok / len(gold),
        per_category=dict(sorted(per_category.items())),
        per_document=per_document,
    )


def evaluate(gold_path: Path, dirs: Sequence[Path] | None = None, taxonomy: object = None) -> Figures:
    """Analyse the texts the gold file names and score the labels against it."""
    from clauses.pipeline import analyze

    gold = read_gold(gold_path)
    analysis = analyze(gold_texts(gold, gold_path, dirs), taxonomy)
    if analysis.failures:
        failure = analysis.failures[0]
        raise ClausesError(failure.message, failure.path)
    return score(gold, analysis.agreements)
