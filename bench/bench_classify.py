"""Speed of analysis: load + segment + classify of the shared corpus, in CPU seconds after start-up.

Usage: python bench/bench_classify.py [CORPUS_DIR] [--runs N]
       python bench/bench_classify.py --growth   (time against clause length, for hostile input)

Each run is a fresh process, so no cache holds a corpus text when timing starts. It
starts up (imports, taxonomy compiled, a short text of our own analysed once so lazily
imported modules are loaded), then times with ``time.process_time``:
- load+segment: ``clauses.load.load`` of every file;
- classify: ``clauses.classify.classify_agreement`` of every agreement;
- baseline: a naive scan, every taxonomy term tested with ``in`` on each lower-cased clause
  (categories only: no strength, obligors, conditions or quantities), in the same process.
The best run is printed: the seconds, clauses per second, classify against the baseline,
and whether the bar holds (whole corpus under 1 s of CPU).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BAR_SECONDS = 1.0
WARM_UP_TEXT = """# Warm-up

1. The Parties will hold talks on air defence within 30 days and may, subject to national law,
   provide EUR 5 million in 2025.
2. Romania supports the training of pilots.
"""


def naive_terms() -> list[tuple[str, str]]:
    from clauses.taxonomy import load_taxonomy

    terms = []
    for category, spec in load_taxonomy().categories.items():
        for specs in [*spec.terms.values(), spec.names]:
            for term in specs:
                text = term if isinstance(term, str) else term.term
                terms.append((text.rstrip("*").lower(), category))
    return terms


def naive(agreements: list, terms: list[tuple[str, str]]) -> int:
    found = 0
    for agreement in agreements:
        for clause in agreement.clauses:
            text = clause.text.lower()
            found += len({category for term, category in terms if term in text})
    return found


def warm_up() -> None:
    """Pay the start-up costs: imports, the compiled taxonomy, lazily imported helpers."""
    from clauses.classify import classify_agreement
    from clauses.load import load
    from clauses.taxonomy import load_taxonomy

    load_taxonomy().matcher  # noqa: B018 - compiled as at start-up
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ro-ua-warm-up.md"
        path.write_text(WARM_UP_TEXT, encoding="utf-8")
        classify_agreement(load(path))


def one_run(corpus: Path) -> dict[str, float]:
    """One fresh process's figures (called with --once)."""
    warm_up()
    from clauses.classify import classify_agreement
    from clauses.load import load
    from clauses.pipeline import expand_paths

    files = expand_paths([corpus])
    started = time.process_time()
    agreements = [load(path) for path in files]
    segmented = time.process_time()
    for agreement in agreements:
        classify_agreement(agreement)
    classified = time.process_time()
    terms = naive_terms()
    naive(agreements, terms)
    baseline = time.process_time() - classified
    return {
        "files": len(files),
        "clauses": sum(len(a.clauses) for a in agreements),
        "terms": len(terms),
        "segment": segmented - started,
        "classify": classified - segmented,
        "baseline": baseline,
    }


def report(best: dict[str, float], runs: int) -> None:
    n = best["clauses"]
    total = best["segment"] + best["classify"]
    print(f"{best['files']} files, {n} clauses; best of {runs} fresh processes, CPU seconds after start-up")
    print(f"load+segment: {best['segment']:.3f} s")
    print(f"classify:     {best['classify']:.3f} s ({n / best['classify']:,.0f} clauses/s)")
    print(f"total:        {total:.3f} s ({n / total:,.0f} clauses/s)")
    print(
        f"baseline (naive `in` scan of {best['terms']} terms, categories only): {best['baseline']:.3f} s; "
        f"classify takes {best['classify'] / best['baseline']:.2f}x its time"
    )
    verdict = "holds" if total < BAR_SECONDS else "FAILS"
    print(f"bar: whole corpus under {BAR_SECONDS:.0f} s of CPU — {verdict}")


LONG_CLAUSES = {
    "short sentences": "Norway will train pilots. ",
    "one sentence, many verbs": "As Ukraine rebuilds, Norway's support to Ukraine will provide shells, and would last; ",
    "amounts and deadlines": "Norway will provide EUR 5 billion in 2024 and within 24 hours, ",
    "parties named": "The Participants and Norway, Germany and Romania will help; ",
}


def growth() -> None:
    """A clause ten times longer should take about ten times longer: time 18,000 and 180,000 characters
    of each shape (the loader's line limit is 200,000) and print the ratio (1.0 is linear)."""
    warm_up()
    from clauses.classify import classify_clause
    from clauses.models import Clause

    print("growth, 10x longer clause (ratio of time / 10; 1.0 is linear):")
    for name, piece in LONG_CLAUSES.items():
        seconds = []
        for size in (18_000, 180_000):
            text = piece * (size // len(piece))
            started = time.process_time()
            classify_clause(Clause(id="t:1", path="1", text=text), parties=("UA", "NO"))
            seconds.append(time.process_time() - started)
        print(
            f"  {name:26} {seconds[0]:.3f} s -> {seconds[1]:.3f} s, ratio {seconds[1] / seconds[0] / 10:.2f}"
        )


def main(argv: list[str]) -> None:
    if "--growth" in argv:
        growth()
        return
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    folders = [a for a in argv if not a.startswith("--") and not a.isdigit()]
    corpus = Path(folders[0]) if folders else CORPUS
    if "--once" in argv:
        print(json.dumps(one_run(corpus)))
        return
    results = [
        json.loads(
            subprocess.run(
                [sys.executable, __file__, str(corpus), "--once"], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(runs)
    ]
    report(min(results, key=lambda r: r["segment"] + r["classify"]), runs)


if __name__ == "__main__":
    main(sys.argv[1:])
