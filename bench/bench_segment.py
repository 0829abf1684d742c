"""Time of segmenting the whole shared corpus (bar: well under 0.3 s, the rest of 1 s is classify's).

Run: /work/venv/bin/python bench/bench_segment.py [CORPUS_DIR]   (default: ../shared/corpus)
Prints the best of five runs in wall and CPU seconds, and the ratio against a baseline measured in the
same run: one Clause per non-empty line with no structure at all (the least any segmenter must do).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from clauses.models import Clause
from clauses.segment import segment

BAR_SECONDS = 0.3
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def baseline(text: str, agreement_id: str) -> list[Clause]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [Clause(id=f"{agreement_id}:{n}", path=str(n), text=line) for n, line in enumerate(lines)]


def best_of_five(function, texts: list[tuple[str, str]]) -> tuple[float, float]:
    runs = []
    for _ in range(5):
        wall, cpu = time.perf_counter(), time.process_time()
        for text, name in texts:
            function(text, name)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(runs)


def main(folder: Path) -> None:
    texts = [(path.read_text("utf-8"), path.stem) for path in sorted(folder.glob("*.txt"))]
    lines = sum(len(text.splitlines()) for text, _ in texts)
    wall, cpu = best_of_five(segment, texts)
    base_wall, _ = best_of_five(baseline, texts)
    print(f"{len(texts)} files, {lines} lines")
    print(
        f"segment: {wall:.3f} s wall, {cpu:.3f} s CPU (bar {BAR_SECONDS} s) — {'ok' if cpu < BAR_SECONDS else 'SLOW'}"
    )
    print(f"baseline (one clause per line): {base_wall:.3f} s; ratio {wall / base_wall:.1f}x")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
