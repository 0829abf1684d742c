"""Development loop for the classifier that needs no segmenter: one clause per non-empty line.

Usage: python bench/dev_classify.py [GOLD.jsonl] [--errors] [--real]
Builds Agreement objects from ../shared/corpus (or seeds) texts, one Clause per
line (short lines without final punctuation become the heading trail; a line
opening with a list mark takes the last line ending in ':' as its parent),
classifies them and scores with the rules of shared/tools/eval_classify.py.
--real uses clauses.load (the real loader and segmenter) instead.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from clauses.classify import classify_agreement
from clauses.evaluate import MIN_OVERLAP, gold_texts, overlap, read_gold, score, words
from clauses.models import Agreement, Clause, Kind

SHARED = Path(__file__).resolve().parents[2] / "shared"
LIST_ITEM = re.compile(r"^\s*(?:\(?[a-zа-я]\)|\(?[ivx]+\)|[•\-–*o])\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


def is_heading(line: str) -> bool:
    return (
        len(line.split()) <= 9
        and not line.rstrip().endswith((".", ";", ":", ","))
        and not LIST_ITEM.match(line)
    )


def line_agreement(path: Path) -> Agreement:
    stem = path.stem
    clauses, heading, introducer, introducer_numbered = [], [], None, False
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, line in enumerate(lines):
        if n > 0 and is_heading(line):
            heading = [line.strip()]
            continue
        clause_id = f"{stem}:{n}"
        item = LIST_ITEM.match(line) or (NUMBERED.match(line) and introducer and introducer_numbered is False)
        parent = introducer if item else None
        if not item:
            introducer = clause_id if line.rstrip().endswith(":") else None
            introducer_numbered = bool(NUMBERED.match(line))
        clauses.append(Clause(id=clause_id, path=str(n), heading=list(heading), text=line, parent=parent))
    kind = Kind.NEWS if path.parent.name == "seeds" else Kind.AGREEMENT
    return Agreement(
        id=stem.replace(" ", "-"), title=lines[0][:80], kind=kind, source=str(path), clauses=clauses
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_path = Path(args[0]) if args else SHARED / "gold" / "dev.jsonl"
    gold = read_gold(gold_path)
    files = gold_texts(gold, gold_path)
    if "--real" in sys.argv:
        from clauses.load import load

        agreements = [load(f) for f in files]
    else:
        agreements = [line_agreement(f) for f in files]
    started = time.process_time()
    labelled = [classify_agreement(a) for a in agreements]
    seconds = time.process_time() - started
    figures = score(gold, labelled)
    for category, entry in figures.per_category.items():
        print(f"{category:24} f1 {entry.f1:.3f}  tp {entry.tp:3} fp {entry.fp:3} fn {entry.fn:3}")
    print(
        f"coverage {figures.coverage:.3f} strength {figures.strength_accuracy:.3f} obligors "
        f"{figures.obligor_accuracy:.3f} micro-F1 {figures.micro_f1:.3f} macro-F1 {figures.macro_f1:.3f} "
        f"({sum(len(a.clauses) for a in labelled)} clauses in {seconds:.3f} s)"
    )
    if "--errors" in sys.argv:
        show_errors(gold, labelled)


def show_errors(gold, labelled) -> None:
    """Every gold clause the scorer counts wrong, matched to predicted clauses exactly as `score` matches them."""
    by_doc: dict[str, list] = {}
    for agreement in labelled:
        key = agreement.source and Path(agreement.source).stem
        by_doc.setdefault(key, []).extend((words(c.text), c) for c in agreement.clauses)
    for item in gold:
        gold_words = words(item.text)
        matched = [c for w, c in by_doc.get(item.doc, []) if is_match(gold_words, w)]
        if not matched:
            print("----", item.doc, item.n, "NOT COVERED", item.text[:160])
            continue
        predicted = {cid for c in matched for cid in c.category_ids}
        top = min(c.strength.rank for c in matched)
        firmest = [c for c in matched if c.strength.rank == top]
        strength = firmest[0].strength.value
        obligors = {o for c in firmest for o in c.obligors}
        cats_ok = predicted == set(item.categories)
        if cats_ok and strength == item.strength and obligors == set(item.obligors):
            continue
        print("----", item.doc, item.n, item.text[:220])
        if not cats_ok:
            extra = sorted(predicted - set(item.categories))
            evidence = [(cat.id, cat.evidence) for c in matched for cat in c.categories if cat.id in extra]
            print("   cats +", extra, "-", sorted(set(item.categories) - predicted), evidence)
        if strength != item.strength or obligors != set(item.obligors):
            print(
                f"   strength {strength} (gold {item.strength}) obligors {sorted(obligors)} (gold {item.obligors})"
            )


def is_match(gold_words: list[str], predicted_words: list[str]) -> bool:
    """The scorer's rule: enough shared words, and a predicted clause not far longer than the gold one."""
    if overlap(gold_words, predicted_words) < MIN_OVERLAP:
        return False
    return len(predicted_words) <= 3 * max(len(gold_words), 8) or len(gold_words) >= len(predicted_words)


if __name__ == "__main__":
    main()
