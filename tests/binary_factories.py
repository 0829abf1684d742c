"""Small PDF and Word files built in the test, byte by byte, so each case is exactly what it claims."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595, 842


@dataclass(frozen=True)
class Text:
    """One line of text placed on a PDF page (Helvetica, ASCII)."""

    x: float
    y: float
    text: str
    size: float = 11


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(lines: list[Text], image: bool) -> bytes:
    ops = [f"BT /F1 {t.size} Tf 1 0 0 1 {t.x} {t.y} Tm ({_escape(t.text)}) Tj ET" for t in lines]
    if image:  # a one-pixel grey inline image scaled over the page: what a scan looks like to a reader
        ops.append("q 400 0 0 600 90 120 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q")
    return "\n".join(ops).encode("latin-1")


def make_pdf(
    path: Path, pages: list[list[Text]], *, image: bool = False, padding: int = 0, in_form: bool = False
) -> Path:
    """A PDF with the given lines on each page, a real xref table, and nothing else.

    padding > 0 appends that many spaces to each page's content and deflates it (a stream bomb);
    in_form draws each page's text through a form XObject, as some PDF producers do.
    """
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_id = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream, flate = _content(lines, image), b""
        if padding:
            stream, flate = zlib.compress(stream + b" " * padding), b" /Filter /FlateDecode"
        resources = b"/Font << /F1 %d 0 R >>" % font_id
        if in_form:
            form = b"/Type /XObject /Subtype /Form /BBox [0 0 %d %d] /Resources << %s >>" % (
                PAGE_WIDTH,
                PAGE_HEIGHT,
                resources,
            )
            objects.append(b"<< %s /Length %d >>\nstream\n" % (form, len(stream)) + stream + b"\nendstream")
            resources += b" /XObject << /X1 %d 0 R >>" % len(objects)
            stream, flate = b"q /X1 Do Q", b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(stream), flate) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R /Resources << %s >> >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, content_id, resources)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    path.write_bytes(pdf_from_objects(objects))
    return path


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of the given object bodies (numbered from 1; the first is the catalog) with its xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def paragraph_lines(words: str, x: float, top: float, *, width: int = 70, leading: float = 14) -> list[Text]:
    """A paragraph wrapped at `width` characters, one Text per line, going down from `top`."""
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return [Text(x, top - i * leading, line) for i, line in enumerate(lines)]


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def make_docx(
    path: Path,
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    main_type: str = DOCX_MAIN,
    extra: dict[str, bytes] | None = None,
    prolog: str = "",
) -> Path:
    """A Word package around a body (w:p / w:tbl XML) and optional numbering and styles parts.

    prolog goes before the document element (an XML declaration or a DOCTYPE).
    """
    document = f'{prolog}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    parts = {"word/document.xml": document}
    rels = []
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>']
    for name, xml, kind in (("numbering", numbering, "numbering"), ("styles", styles, "styles")):
        if xml is not None:
            parts[f"word/{name}.xml"] = f'<w:{name} xmlns:w="{W_NS}">{xml}</w:{name}>'
            rels.append(f'<Relationship Id="r{name}" Type="{REL}/{kind}" Target="{name}.xml"/>')
            overrides.append(
                f'<Override PartName="/word/{name}.xml" ContentType="application/'
                f'vnd.openxmlformats-officedocument.wordprocessingml.{name}+xml"/>'
            )
    package = "http://schemas.openxmlformats.org/package/2006"
    parts["[Content_Types].xml"] = (
        f'<Types xmlns="{package}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        f"{''.join(overrides)}</Types>"
    )
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{package}/relationships"><Relationship Id="r1" '
        f'Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    parts["word/_rels/document.xml.rels"] = (
        f'<Relationships xmlns="{package}/relationships">{"".join(rels)}</Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def p(text: str, *, num: int | None = None, ilvl: int = 0, style: str | None = None) -> str:
    """One w:p with a single run; num/ilvl give it a list number, style a paragraph style."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def nested_forms_pdf(depth: int, fanout: int) -> bytes:
    """One page drawing a form that draws the next form ``fanout`` times, ``depth`` levels deep:
    a few KB that stand for fanout**depth drawings."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", font]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 5 0 R /Resources << /XObject << /X 6 0 R >> >> >>"
    objects.append(page % (PAGE_WIDTH, PAGE_HEIGHT))
    objects.append(b"<< /Length 10 >>\nstream\nq /X Do Q\nendstream")
    for level in range(depth):
        last = level == depth - 1
        text = b"BT /F1 9 Tf 72 700 Td (Romania will provide demining.) Tj ET"
        draw = text if last else b" /X Do" * fanout
        inner = b"" if last else b" /XObject << /X %d 0 R >>" % (len(objects) + 2)
        form = (
            b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>%s >>"
            % inner
        )
        objects.append(b"<< %s /Length %d >>\nstream\n%s\nendstream" % (form, len(draw), draw))
    return pdf_from_objects(objects)
