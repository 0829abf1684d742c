"""Cost against input size: wall time and peak memory for text, DOCX, PDF and the brief.

Run: /work/main/.venv/bin/python bench/bench_limits.py [--quick]
Each measurement runs in a fresh process, warmed up on a one-clause file first; each row prints the
size, the seconds, the process's peak MB and its growth over the warm process (+MB), and size and
time as ratios to the smallest size of its kind, measured in the same run. Linear cost doubles with
the size: ratios near the size ratio.
The limits the README states (20 MB a file, 2,000 PDF pages, 30,000 characters a page, 5,000
clauses a brief) are the ones these figures were measured under.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "{n}. Romania will provide air defence systems and train Ukrainian pilots at its bases in {y}."

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, "tests")
kind, size, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
sentence = {sentence!r}
lines = [sentence.format(n=n, y=2024 + n % 3) for n in range(1, size + 1)]
if kind == "text":
    path = folder / "a.txt"
    path.write_text("Agreement between Ukraine and Romania\n\n" + "\n\n".join(lines) + "\n")
elif kind == "docx":
    from binary_factories import make_docx, p
    path = make_docx(folder / "a.docx", p("Agreement between Ukraine and Romania") + "".join(p(x) for x in lines))
elif kind == "pdf":
    from binary_factories import Text, make_pdf
    pages = [[Text(40, 800 - 16 * i, line, size=9) for i, line in enumerate(lines[k:k + 45])] for k in range(0, size, 45)]
    path = make_pdf(folder / "a.pdf", pages)
if kind.startswith("brief"):
    path = folder / "a.txt"
    path.write_text("Agreement between Ukraine and Romania\n\n" + "\n\n".join(lines) + "\n")
from clauses.brief import build_brief
from clauses.pipeline import analyze
from clauses.report import render
warm = folder / "warm.txt"  # imports and the taxonomy's compilation are paid before the clock starts
warm.write_text("Agreement between Ukraine and Romania\n\n" + sentence.format(n=1, y=2024) + "\n")
render("brief.html", build_brief(analyze([warm]).agreements), "html")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
if kind.startswith("brief"):
    render("brief.html", build_brief(analyze([path]).agreements), "pdf" if kind == "briefpdf" else "html")
else:
    result = analyze([path])
    assert result.agreements, result.failures
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"bytes": path.stat().st_size, "seconds": seconds, "peak_mb": peak, "growth_mb": peak - before}}))
"""

SIZES = {"text": (1000, 2000, 4000, 8000), "docx": (500, 1000, 2000, 4000), "pdf": (450, 900, 1800, 3600),
         "brief": (250, 500, 1000, 2000), "briefpdf": (250, 500, 1000, 2000)}  # fmt: skip


def measure(kind: str, size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        code = CHILD.format(sentence=SENTENCE)
        run = subprocess.run(
            [sys.executable, "-c", code, kind, str(size), folder],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(run.stdout.strip().splitlines()[-1])


def main(quick: bool) -> None:
    print(
        f"{'kind':6} {'clauses':>8} {'KB':>8} {'seconds':>8} {'peak MB':>8} {'+MB':>6} {'size x':>7} {'time x':>7}"
    )
    for kind, sizes in SIZES.items():
        first: dict[str, float] | None = None
        for size in sizes[:3] if quick else sizes:
            row = measure(kind, size)
            first = first or row
            print(
                f"{kind:6} {size:8} {row['bytes'] / 1024:8.0f} {row['seconds']:8.2f} {row['peak_mb']:8.0f} "
                f"{row['growth_mb']:6.0f} {row['bytes'] / first['bytes']:7.1f} {row['seconds'] / first['seconds']:7.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main("--quick" in sys.argv[1:])
