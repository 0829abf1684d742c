"""Speed of classification: clauses per second over the shared corpus, against a naive baseline.

Usage: python bench/bench_classify.py [CORPUS_DIR]
Segments every text once (not timed), then times, in CPU seconds:
- classify: clauses.classify.classify_agreement over all agreements (taxonomy compiled beforehand);
- baseline: a naive scan, every taxonomy term tested with `in` on each lower-cased clause
  (categories only: no strength, obligors or quantities), measured in the same run;
- segment: load + segment alone, to express the classification time machine-independently
  (the bar: segmentation ~0.2 s and classification <= 0.6 s, i.e. classify/segment <= 3);
- whole: load + segment + classify of the corpus, the figure the 1 s bar is about.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from clauses.classify import classify_agreement
from clauses.load import load
from clauses.pipeline import expand_paths
from clauses.taxonomy import load_taxonomy

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def naive_terms() -> list[tuple[str, str]]:
    taxonomy = load_taxonomy()
    terms = []
    for category, spec in taxonomy.categories.items():
        for specs in [*spec.terms.values(), spec.names]:
            for term in specs:
                text = term if isinstance(term, str) else term.term
                terms.append((text.rstrip("*").lower(), category))
    return terms


def naive(agreements, terms) -> int:
    found = 0
    for agreement in agreements:
        for clause in agreement.clauses:
            text = clause.text.lower()
            found += len({category for term, category in terms if term in text})
    return found


def timed(func, *args) -> float:
    started = time.process_time()
    func(*args)
    return time.process_time() - started


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    files = expand_paths([corpus])
    taxonomy = load_taxonomy()
    taxonomy.matcher  # noqa: B018 - compile before timing, as after start-up
    agreements = [load(path) for path in files]
    n = sum(len(a.clauses) for a in agreements)
    classify = min(timed(lambda: [classify_agreement(a, taxonomy) for a in agreements]) for _ in range(3))
    baseline = timed(naive, agreements, naive_terms())
    segment = min(timed(lambda: [load(path) for path in files]) for _ in range(2))
    whole = timed(lambda: [classify_agreement(load(path), taxonomy) for path in files])
    print(f"{len(files)} files, {n} clauses")
    print(f"classify: {classify:.3f} s CPU, {n / classify:,.0f} clauses/s")
    print(
        f"baseline (naive `in` scan of {len(naive_terms())} terms, categories only): {baseline:.3f} s, "
        f"{n / baseline:,.0f} clauses/s; classify is {baseline / classify:.1f}x faster"
    )
    print(f"load+segment: {segment:.3f} s CPU; classify/segment = {classify / segment:.2f} (bar: <= 3)")
    print(f"whole corpus load+segment+classify: {whole:.3f} s CPU (bar: < 1 s)")


if __name__ == "__main__":
    main()
