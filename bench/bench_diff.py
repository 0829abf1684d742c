"""Precision and recall of ``clauses.diff`` per change kind on generated version pairs, and its speed.

Run: ``python bench/bench_diff.py [--pairs 20] [--size 300] [--scale 6000]``. Speed is printed as a ratio
against a plain ``difflib`` line diff of the same two texts, measured in the same run. The scaling part
diffs two versions of a schedule of look-alike clauses, every clause edited (synth_versions.edited_pair),
at doubling sizes up to ``--scale``: time, growth per doubling and the process's peak memory, beside a
``difflib`` line diff and the ``redlines`` package (``pip install '.[bench]'``) on the same texts.
"""

from __future__ import annotations

import argparse
import difflib
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_versions import base_items, edited_pair, renumbered_pair, to_agreement, version_pair  # noqa: E402

from clauses.classify import classify_agreement  # noqa: E402
from clauses.diff import ChangeKind, diff  # noqa: E402
from clauses.models import Agreement  # noqa: E402

BAR = 0.95
TIME_BAR = 1.0
SCALE_TIME_BAR = 30.0
SCALE_MEMORY_BAR_MB = 1024


def scores(pairs: int, size: int, edits: int, classify: bool = False) -> dict[str, tuple[float, float, int]]:
    """kind → (precision, recall, expected count) over ``pairs`` generated pairs."""
    hits: Counter[str] = Counter()
    found: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    for seed in range(pairs):
        old, new, truth = version_pair(seed, size, edits)
        if classify:
            old, new = classify_agreement(old), classify_agreement(new)
        result = diff(old, new)
        predicted = {(c.kind.value, tuple(c.old), tuple(c.new)) for c in result.changes}
        shifts = {
            (c.strength_change, tuple(c.old), tuple(c.new)) for c in result.changes if c.strength_change
        }
        for got, want in ((predicted, truth.changes), (shifts, truth.shifts)):
            for item in got:
                found[item[0]] += 1
                hits[item[0]] += item in want
            for item in want:
                expected[item[0]] += 1
    kinds = [k.value for k in ChangeKind] + ["weakened", "strengthened"]
    return {
        kind: (
            hits[kind] / found[kind] if found[kind] else 1.0,
            hits[kind] / expected[kind] if expected[kind] else 1.0,
            expected[kind],
        )
        for kind in kinds
    }


def best_time(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_text(agreement: Agreement) -> list[str]:
    return [f"{c.path}. {c.text}\n" for c in agreement.clauses]


def speed(size: int, unrelated: bool = False) -> tuple[float, float]:
    """Best of five: our diff and a difflib line diff of the same texts (two unrelated texts: worst case)."""
    old, new, _ = version_pair(1000, size)
    if unrelated:
        new = to_agreement("new", base_items(random.Random(1001), size))
    ours = best_time(lambda: diff(old, new))
    a, b = plain_text(old), plain_text(new)
    baseline = best_time(lambda: list(difflib.unified_diff(a, b)))
    return ours, baseline


def peak_mb() -> float:
    """The process's peak resident memory so far (sizes run in growing order, so the latest run's)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


REDLINES_LIMIT = 15.0
"""Seconds after which redlines, whose time grows about sixfold per doubling here, is not run at larger sizes."""


def redlines_time(a: str, b: str) -> float | None:
    try:
        from redlines import Redlines
    except ImportError:
        return None
    return best_time(lambda: Redlines(a, b).output_markdown, repeat=1)


def scaling(largest: int) -> bool:
    """Time and memory of the diff of all-edited versions at doubling sizes, beside difflib and redlines."""
    sizes = [largest // 2**k for k in range(6, -1, -1)]
    print(
        f"{'clauses':>8}{'diff s':>9}{'growth':>8}{'peak MB':>9}{'difflib s':>11}{'redlines s':>12}{'growth':>8}"
    )
    previous = previous_theirs = theirs = None
    for size in sizes:
        old, new = edited_pair(11, size)
        ours = best_time(lambda old=old, new=new: diff(old, new), repeat=1)
        memory = peak_mb()
        a, b = plain_text(old), plain_text(new)
        lines = best_time(lambda a=a, b=b: list(difflib.unified_diff(a, b)), repeat=1)
        if theirs is None or theirs < REDLINES_LIMIT:
            previous_theirs, theirs = theirs, redlines_time("".join(a), "".join(b))
            shown = f"{theirs:.2f}" if theirs is not None else "n/a"
            their_growth = f"{theirs / previous_theirs:.1f}x" if theirs and previous_theirs else "-"
        else:
            shown, their_growth = "(too slow)", ""
        growth = f"{ours / previous:.1f}x" if previous else "-"
        print(f"{size:>8}{ours:>9.2f}{growth:>8}{memory:>9.0f}{lines:>11.3f}{shown:>12}{their_growth:>8}")
        previous = ours
    ok = ours < SCALE_TIME_BAR and memory < SCALE_MEMORY_BAR_MB
    print(
        f"{largest} all-edited clauses: {ours:.1f} s, peak {memory:.0f} MB "
        f"(bars: < {SCALE_TIME_BAR:.0f} s, < {SCALE_MEMORY_BAR_MB} MB; growth 2.0x per doubling is linear)"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--edits", type=int, default=8, help="edits of each kind per pair")
    parser.add_argument(
        "--classify", action="store_true", help="strengths from clauses.classify instead of the generator"
    )
    parser.add_argument(
        "--scale", type=int, default=6000, help="largest all-edited version pair timed (0: skip)"
    )
    args = parser.parse_args()
    ok = True
    print(f"{'kind':<14}{'precision':>10}{'recall':>8}{'expected':>10}")
    for kind, (precision, recall, count) in scores(args.pairs, args.size, args.edits, args.classify).items():
        ok &= precision >= BAR and recall >= BAR
        print(f"{kind:<14}{precision:>10.3f}{recall:>8.3f}{count:>10}")
    old, new = renumbered_pair(7, args.size)
    result = diff(old, new)
    renumbering = result.summary.renumbering
    one_fact = (
        renumbering is not None and renumbering.count == args.size and result.summary.kinds["renumbered"] == 0
    )
    ok &= one_fact
    print(
        f"whole-document renumbering: {renumbering.model_dump() if renumbering else None}, "
        f"kinds {dict((k, v) for k, v in result.summary.kinds.items() if v)}"
    )
    for label, unrelated in (("versions", False), ("unrelated texts", True)):
        ours, baseline = speed(args.size, unrelated)
        ok &= ours < TIME_BAR
        print(
            f"speed, two {args.size}-clause {label}: diff {ours * 1000:.1f} ms, difflib line diff "
            f"{baseline * 1000:.2f} ms, ratio {ours / baseline:.1f}x (bar: diff < {TIME_BAR:.0f} s)"
        )
    if args.scale:
        ok &= scaling(args.scale)
    print("all bars met" if ok else "BAR MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
