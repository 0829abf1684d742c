"""Time the PDF and Word loaders on the real originals in ../shared/originals.

Baselines measured in the same run: for a PDF, pdfminer's own layout pass over the file
(`extract_pages`, what any pdfminer-based reader pays); for a DOCX, python-docx opening it
(`Document(path)`). The ratio is our loader's CPU time over that baseline.

    python bench/bench_load_binary.py [ORIGINALS_FOLDER]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from clauses.load.docx import extract_docx
from clauses.load.pdf import extract_pdf

ORIGINALS = Path(__file__).resolve().parent.parent.parent / "shared" / "originals"


def cpu_seconds(work: Callable[[], object], repeat: int = 2) -> float:
    """Best CPU time of a few runs (the machine is shared; the best run is the least disturbed)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def pdf_baseline(path: Path) -> None:
    from pdfminer.high_level import extract_pages

    for _ in extract_pages(path):
        pass


def docx_baseline(path: Path) -> None:
    import docx

    docx.Document(str(path))


def page_count(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ORIGINALS
    print(f"{'file':32} {'pages':>5} {'ours s':>7} {'base s':>7} {'ratio':>6}")
    for path in sorted(folder.glob("*.pdf")) + sorted(folder.glob("*.docx")):
        is_pdf = path.suffix == ".pdf"
        ours = cpu_seconds(lambda p=path, pdf=is_pdf: extract_pdf(p) if pdf else extract_docx(p))
        base = cpu_seconds(lambda p=path, pdf=is_pdf: pdf_baseline(p) if pdf else docx_baseline(p))
        pages = str(page_count(path)) if is_pdf else "-"
        print(f"{path.name:32} {pages:>5} {ours:7.2f} {base:7.2f} {ours / base:6.2f}")


if __name__ == "__main__":
    main()
