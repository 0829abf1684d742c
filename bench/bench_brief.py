"""Time of the brief of the bundled corpus (bar: under 10 s including the PDF), and time per page.

Run: /work/venv/bin/python bench/bench_brief.py [PATH...]   (default: the bundled corpus)
Prints each stage's time, the pages, and the time per page of the PDF layout, against the bar;
the PDF's and the total's CPU time too, steadier than wall time when another process shares the cores.
Beside the PDF, measured in the same run: WeasyPrint rendering a plain document of the brief's own
text (one paragraph a line, no styles) with about as many pages; the ratio of the two is the cost
of the brief's layout (bar: within 3x).

``--scale SHARED``: the CPU time of building the brief's model (``build_brief``, the matching
included) for 13 documents (the bundled corpus), 32 (SHARED/corpus) and 100 (those texts, SHARED's
statements, and renamed copies up to 100), and the slope between the last two sizes: 1.0 is linear.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

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
    plain_cpu, plain_pages = plain_pdf_seconds(html, pages)
    ratio = (done_cpu - rendered_cpu) / plain_cpu * plain_pages / pages
    print(
        f"plain WeasyPrint document of the same text: {plain_pages} pages in {plain_cpu:.2f} s cpu; "
        f"the brief per page costs {ratio:.2f}x a plain page (bar 3x: {'PASS' if ratio <= 3 else 'FAIL'})"
    )
    print(
        f"total {total:.2f} s (cpu {done_cpu - start_cpu:.2f} s) against the bar of {BAR_SECONDS:.0f} s: "
        f"{total / BAR_SECONDS:.2f} of the bar ({'PASS' if total < BAR_SECONDS else 'FAIL'})"
    )


def plain_pdf_seconds(html: bytes, pages: int) -> tuple[float, int]:
    """CPU time and pages of WeasyPrint rendering the brief's text as plain paragraphs, to about ``pages`` pages."""
    from html import escape

    from lxml import html as lxml_html
    from weasyprint import HTML

    lines = [line.strip() for line in lxml_html.fromstring(html).text_content().splitlines() if line.strip()]
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    document = HTML(string=f"<html><body>{body}</body></html>")
    start = time.process_time()
    plain = document.render()
    if len(plain.pages) < pages:  # repeat the text until the plain document is as long as the brief
        repeats = -(-pages // max(len(plain.pages), 1))
        document = HTML(string=f"<html><body>{body * repeats}</body></html>")
        start = time.process_time()
        plain = document.render()
    plain.write_pdf()
    return time.process_time() - start, len(plain.pages)


def _copies(agreements: list, size: int) -> list:
    """``size`` documents: the given ones, then renamed copies (a new id, clause ids to match)."""
    out = list(agreements)
    n = 0
    while len(out) < size:
        source = agreements[n % len(agreements)]
        new_id = f"{source.id}-copy{n // len(agreements) + 1}"
        clauses = [c.model_copy(update={"id": f"{new_id}:{c.path}"}) for c in source.clauses]
        out.append(source.model_copy(update={"id": new_id, "clauses": clauses}))
        n += 1
    return out[:size]


def scale(shared: Path) -> None:
    import math

    from clauses.brief import build

    build.MAX_BRIEF_CLAUSES = 100_000  # the limit guards the PDF's size; this times the model alone
    bundled = analyze([bundled_corpus()]).agreements
    corpus = analyze([shared / "corpus"]).agreements
    everything = analyze([shared / "corpus", shared / "statements"]).agreements
    times = {}
    for label, agreements in (("13", bundled), ("32", corpus), ("100", _copies(everything, 100))):
        start = time.process_time()
        build_brief(agreements)
        times[label] = (len(agreements), time.process_time() - start)
        print(f"documents {len(agreements)}: build {times[label][1]:.2f} s cpu")
    (n1, t1), (n2, t2) = times["32"], times["100"]
    print(f"slope from {n1} to {n2} documents: {math.log(t2 / t1) / math.log(n2 / n1):.2f} (1.0 = linear)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--scale"]:
        scale(Path(sys.argv[2]) if len(sys.argv) > 2 else Path("../shared"))
    else:
        main(sys.argv[1:])
