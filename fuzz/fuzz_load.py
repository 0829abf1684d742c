"""Atheris fuzzing of the loaders: arbitrary bytes as text, Markdown and HTML files.

Any exception other than ClausesError is a crash. Run (10 minutes, low priority):

    nice -n 19 timeout 620 python fuzz/fuzz_load.py -max_total_time=600
"""

from __future__ import annotations

import sys

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


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
