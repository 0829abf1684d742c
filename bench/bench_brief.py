"""Time of the brief of the bundled corpus (bar: under 10 s including the PDF), and time per page.

Run: /work/venv/bin/python bench/bench_brief.py [PATH...]   (default: the bundled corpus)
Prints each stage's time, the pages, and the time per page of the PDF layout, against the bar;
the PDF's and the total's CPU time too, steadier than wall time when another process shares the cores.
"""

from __future__ import annotations

import io
import sys
import time

from pypdf import PdfReader

from clauses.brief import build_brief
from clauses.pipeline import analyze, bundled_corpus
from clauses.report import render

BAR_SECONDS = 10.0


def main(paths: list[str]) -> None:
    start, start_cpu = time.perf_counter(), time.process_time()
    analysis = analyze(paths or [bundled_corpus()])
    analysed = time.perf_counter()
    brief = build_brief(analysis.agreements)
    built = time.perf_counter()
    html = render("brief.html", brief, "html")
    rendered, rendered_cpu = time.perf_counter(), time.process_time()
    pdf = render("brief.html", brief, "pdf")
    done, done_cpu = time.perf_counter(), time.process_time()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    total = done - start
    print(
        f"documents {len(analysis.agreements)} (failed {len(analysis.failures)}), clauses cited {len(brief.appendix)}"
    )
    print(
        f"analyse {analysed - start:.2f} s, build {built - analysed:.2f} s, html {rendered - built:.2f} s, "
        f"pdf {done - rendered:.2f} s (cpu {done_cpu - rendered_cpu:.2f} s; {len(html) // 1024} KB html, "
        f"{len(pdf) // 1024} KB pdf)"
    )
    print(f"pages {pages}, pdf time per page {(done - rendered) / pages * 1000:.0f} ms")
    print(
        f"total {total:.2f} s (cpu {done_cpu - start_cpu:.2f} s) against the bar of {BAR_SECONDS:.0f} s: "
        f"{total / BAR_SECONDS:.2f} of the bar ({'PASS' if total < BAR_SECONDS else 'FAIL'})"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
