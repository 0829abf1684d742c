"""Atheris fuzzing of the loaders: arbitrary bytes as text, Markdown and HTML files.

Any exception other than ClausesError is a crash, and a hang a finding (-timeout). Seeds of the
hostile shapes are written on the first run. Run (10 minutes, low priority):

    nice -n 19 timeout 620 python fuzz/fuzz_load.py -max_total_time=600 -timeout=20 /tmp/load-corpus
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import clauses.gazetteer  # noqa: F401 - imported lazily by the loaders: instrument it here
    import clauses.load.news  # noqa: F401
    import clauses.segment  # noqa: F401
    from clauses.errors import ClausesError
    from clauses.load import Document, build_agreement
    from clauses.load.html import extract_html
    from clauses.load.markdown import markdown_body, split_front_matter
    from clauses.load.text import decode

FORMATS = ("text", "markdown", "html")


def document_from(kind: str, data: bytes) -> Document:
    """What read_document builds for a file of this kind, without touching the disk."""
    text = decode(data, f"fuzz.{kind}")
    if kind == "markdown":
        fields, body = split_front_matter(text, "fuzz.md")
        return Document(markdown_body(body), fields, native=True)
    if kind == "html":
        page = extract_html(text, "fuzz.html")
        return Document(page.text, {"title": page.title} if page.title else {})
    return Document(text, {})


def test_one_input(data: bytes) -> None:
    if not data:
        return
    kind = FORMATS[data[0] % len(FORMATS)]
    try:
        document = document_from(kind, data[1:])
        build_agreement(document, f"fuzz.{kind}", {}, with_clauses=True)
    except ClausesError:
        pass


def seeds() -> list[bytes]:
    """Shapes that once cost more than linear time or crashed (first byte: 0 text, 1 Markdown, 2 HTML)."""
    bomb = "".join(f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9)}]\n" for i in range(1, 10))
    return [
        b"\0Agreement\n\n1. Romania will provide " + b"111 " * 6000 + b"euro.\n",
        b"\1# Title\n\n" + b"**x " * 6000 + b"\n",
        b"\0Kyiv, 12:30\n" + b"1 1 1 1 " * 3000 + b"views\n\nThe minister said aid will continue.\n",
        b"\0" + "\u2019".encode() * 8000 + b" statement\n\n1. Romania will provide demining.\n",
        b'\1---\ntitle: "A \\e]0;owned\\a \\ud800"\nduration_years: .inf\n---\n\n1. Romania will act.\n',
        b"\1---\nx0: &x0 [a, b]\n" + bomb.encode() + b"parties: *x9\n---\n\n1. Romania will act.\n",
        "\0Agreement\n\n1. Romania wi\u200bll provide air de\u00adfence, \u202eton\u202c.\n".encode(),
    ]


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None and not corpus.exists():
        corpus.mkdir(parents=True)
        for number, seed in enumerate(seeds()):
            (corpus / f"seed-{number}").write_bytes(seed)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
