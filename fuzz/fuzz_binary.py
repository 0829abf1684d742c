"""Atheris fuzzing of the PDF and Word loaders. Any exception other than ClausesError is a crash.

The first input byte picks the target: a PDF file as given, a Word package as given, or a Word
package built around fuzzed document.xml and numbering.xml parts (so the numbering code sees
arbitrary lists, not only zip damage). Seeds are written on the first run. Run (10 minutes):

    nice -n 19 timeout 660 python fuzz/fuzz_binary.py -max_total_time=600 -timeout=20 -max_len=20000 \
        -artifact_prefix=/tmp/ /tmp/binary-corpus

A hang counts as a finding too (-timeout): two reference loops that pdfminer followed forever were
found this way.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import zipfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import docx.opc.package  # noqa: F401 - imported lazily by the loader: instrument it here
    import pdfminer.layout  # noqa: F401
    import pdfminer.pdfinterp  # noqa: F401

    from clauses.errors import ClausesError
    from clauses.load.docx import extract_docx
    from clauses.load.pdf import extract_pdf

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SPLIT = b"\n--numbering--\n"
SCRATCH = Path(tempfile.mkdtemp(prefix="fuzz-binary-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from binary_factories import nested_forms_pdf  # noqa: E402 - the tests' builder of hostile PDFs


def word_package(document: bytes, numbering: bytes | None) -> bytes:
    """A minimal .docx around the given parts."""
    package = "http://schemas.openxmlformats.org/package/2006"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    rels = f'<Relationship Id="n" Type="{rel}/numbering" Target="numbering.xml"/>' if numbering else ""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{package}/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{package}/relationships"><Relationship Id="d" '
            f'Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{package}/relationships">{rels}</Relationships>',
        )
        archive.writestr("word/document.xml", document)
        if numbering:
            archive.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


def minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 11 Tf 72 700 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def seeds() -> list[bytes]:
    body = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
        "</w:numPr></w:pPr><w:r><w:t>First</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    huge = [
        numbering.replace(b'w:val="1"/>', b'w:val="99999999999"/>', 1).replace(b"lowerRoman", fmt)
        for fmt in (b"upperRoman", b"lowerLetter")
    ]
    return [
        b"\0" + minimal_pdf("Article 1. Scope"),
        b"\1" + word_package(body, numbering),
        b"\2" + body + SPLIT + numbering,
        *(b"\2" + body + SPLIT + start for start in huge),  # <w:start w:val="99999999999"/>
        b"\0" + nested_forms_pdf(30, 2),  # forms drawing forms: 2**30 drawings in 3 KB
        b"\0" + nested_forms_pdf(4, 40),  # one form reused 40**3 times
    ]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, payload = data[0] % 3, data[1:]
    if mode == 2:
        document, _, numbering = payload.partition(SPLIT)
        payload = word_package(document, numbering or None)
    path = SCRATCH / ("input.pdf" if mode == 0 else "input.docx")
    path.write_bytes(payload)
    with contextlib.suppress(ClausesError):
        extract_pdf(path) if mode == 0 else extract_docx(path)


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
