"""Start-up time of ``clauses --help`` (bar: under 0.5 s), against a bare interpreter in the same run.

Run: python bench/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

BAR_SECONDS = 0.5


def best_of(argv: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    bare_best, bare_median = best_of([sys.executable, "-c", "pass"], runs)
    help_best, help_median = best_of([sys.executable, "-m", "clauses", "--help"], runs)
    print(f"python -c pass:      best {bare_best:.3f} s, median {bare_median:.3f} s")
    print(f"clauses --help:      best {help_best:.3f} s, median {help_median:.3f} s")
    print(f"ratio to bare start: {help_median / bare_median:.1f}x")
    verdict = "PASS" if help_median < BAR_SECONDS else "FAIL"
    print(
        f"median against the bar of {BAR_SECONDS} s: {help_median / BAR_SECONDS:.2f} of the bar ({verdict})"
    )


if __name__ == "__main__":
    main()
