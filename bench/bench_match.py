"""Alignment accuracy and speed of ``clauses.match`` on synthetic template-derived corpora.

    python bench/bench_match.py            # 30 agreements x 150 clauses
    python bench/bench_match.py --large    # also 1,000 agreements (time and peak memory)

Prints precision/recall of matched clause pairs at the default threshold, the time of
``matrix`` + all-pairs ``compare`` (``match_pairs``: the pairwise alignment of every pair of
agreements, scored by one ``cdist`` per category block), and ratios against a difflib
``SequenceMatcher`` baseline and a single raw ``cdist`` on the same strings, both measured in
this run. Times are wall clock, with the process's CPU time beside them (both cores count).

``--large`` (1,000 agreements) times ``matrix`` + the n-way ``match`` of all of them (the
grouping a ``compare`` of 1,000 files runs), not the ~500,000 pairwise alignments, and reports
the peak RSS; then the first 2,000 pairs of ``match_pairs`` over the 1,000 (it scores one
agreement's clauses against all later ones at a time, so its memory does not grow with the square
of the clauses).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import SynthCorpus, corpus  # noqa: E402

from clauses.commitments import matrix  # noqa: E402
from clauses.match import Alignment, match, match_pairs, normalise  # noqa: E402
from clauses.models import split_clause_id  # noqa: E402


def predicted_pairs(alignment: Alignment, agreement_ids: set[str] | None = None) -> set[tuple[str, str]]:
    pairs = set()
    for m in alignment.matches:
        members = [
            c for c in m.clauses if agreement_ids is None or split_clause_id(c).agreement in agreement_ids
        ]
        for a, b in itertools.combinations(members, 2):
            if split_clause_id(a).agreement != split_clause_id(b).agreement:
                pairs.add((min(a, b), max(a, b)))
    return pairs


def true_pairs(synth: SynthCorpus, agreement_ids: set[str] | None = None) -> set[tuple[str, str]]:
    by_index: dict[int, list[str]] = {}
    for clause_id, index in synth.truth.items():
        if index is not None and (
            agreement_ids is None or split_clause_id(clause_id).agreement in agreement_ids
        ):
            by_index.setdefault(index, []).append(clause_id)
    return {
        (min(a, b), max(a, b))
        for members in by_index.values()
        for a, b in itertools.combinations(members, 2)
        if split_clause_id(a).agreement != split_clause_id(b).agreement
    }


def scores(predicted: set, truth: set) -> tuple[float, float]:
    hit = len(predicted & truth)
    return hit / max(len(predicted), 1), hit / max(len(truth), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--large", action="store_true", help="also run 1,000 agreements")
    parser.add_argument("--agreements", type=int, default=30)
    parser.add_argument("--clauses", type=int, default=150)
    parser.add_argument(
        "--scaling", action="store_true", help="n-way match of 100 to 1,000 agreements: time and slope"
    )
    args = parser.parse_args()
    if args.scaling:
        _scaling()
        return
    synth = corpus(args.agreements, args.clauses)
    agreements = synth.agreements
    pairs = list(itertools.combinations(agreements, 2))
    normalise("warm up the gazetteer index")

    start, cpu = time.perf_counter(), time.process_time()
    matrix(agreements)
    alignments = list(match_pairs(agreements))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    predicted = set().union(*(predicted_pairs(al) for al in alignments))
    precision, recall = scores(predicted, true_pairs(synth))
    print(f"{len(agreements)} agreements x ~{args.clauses} clauses, {len(pairs)} pairs")
    print(f"pairwise compare: precision {precision:.3f} recall {recall:.3f}")
    print(f"matrix + all-pairs compare: {elapsed:.2f} s (bar 2 s), CPU {cpu:.2f} s")

    start = time.perf_counter()
    n_way = match(agreements)
    n_way_time = time.perf_counter() - start
    precision, recall = scores(predicted_pairs(n_way), true_pairs(synth))
    print(
        f"n-way match of all {len(agreements)}: precision {precision:.3f} recall {recall:.3f}, {n_way_time:.2f} s"
    )

    _baselines(agreements, pairs, elapsed)
    if args.large:
        _large()


def _baselines(agreements: list, pairs: list, elapsed: float) -> None:
    from rapidfuzz import fuzz, process

    keys = [normalise(c.text) for a in agreements for c in a.clauses]
    start = time.perf_counter()
    process.cdist(keys, keys, scorer=fuzz.ratio, workers=-1, dtype="uint8")
    raw = time.perf_counter() - start
    print(f"single raw cdist, all {len(keys)} x {len(keys)} keys (no blocking, no assignment): {raw:.2f} s;"
          f" ours / raw = {elapsed / raw:.2f}")  # fmt: skip
    first, second = pairs[0]
    rows = first.clauses[:15]  # a tenth of one agreement pair: difflib takes ~0.2 ms a clause pair
    start = time.perf_counter()
    for x in rows:
        for y in second.clauses:
            SequenceMatcher(None, x.text, y.text).ratio()
    per_pair = (time.perf_counter() - start) * len(first.clauses) / len(rows)
    estimate = per_pair * len(pairs)
    print(f"difflib SequenceMatcher, every clause pair: {per_pair:.2f} s per agreement pair (measured on"
          f" {len(rows)} x {len(second.clauses)} clauses), ~{estimate:.0f} s for all {len(pairs)};"
          f" difflib / ours = {estimate / elapsed:.0f}x")  # fmt: skip


def _scaling() -> None:
    """n-way ``match`` time at growing sizes, and the log-log slope of each step (1.0: linear)."""
    import math

    previous: tuple[int, float] | None = None
    everything = corpus(1000, 150, seed=11).agreements
    for size in (100, 200, 500, 1000):
        agreements = everything[:size]
        start = time.perf_counter()
        match(agreements)
        elapsed = time.perf_counter() - start
        slope = (
            ""
            if previous is None
            else f", slope {math.log(elapsed / previous[1]) / math.log(size / previous[0]):.2f}"
        )
        print(f"n-way match of {size} agreements: {elapsed:.1f} s{slope}", flush=True)
        previous = (size, elapsed)


def _large() -> None:
    synth = corpus(1000, 150, seed=11)
    start = time.perf_counter()
    matrix(synth.agreements)
    alignment = match(synth.agreements)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"1,000 agreements: matrix + n-way match {elapsed:.1f} s (bar 300 s), peak RSS {peak:.0f} MB (bar 4096 MB)"
    )
    # all true pairs of 1,000 agreements are ~10^8: score the pairs among the first 50 agreements only
    sample = {a.id for a in synth.agreements[:50]}
    predicted = {p for p in predicted_pairs(alignment, sample)}
    precision, recall = scores(predicted, true_pairs(synth, sample))
    print(f"  precision {precision:.3f} recall {recall:.3f} (pairs among the first 50 agreements)")
    start = time.perf_counter()
    taken = sum(1 for _ in itertools.islice(match_pairs(synth.agreements), 2000))
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  all-pairs compare of the 1,000, first {taken} of {1000 * 999 // 2} pairs: {elapsed:.1f} s,"
        f" peak RSS {peak:.0f} MB (scored one agreement × all later clauses at a time)"
    )


if __name__ == "__main__":
    main()
