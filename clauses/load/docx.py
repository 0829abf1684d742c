"""Word loader: a .docx (or macro-enabled .docm, read as text only) as normalised paragraphs.

The zip's central directory is checked for bombs before anything is unpacked. python-docx opens
the package; the paragraphs are read from the main document part in document order (table cells
included), and Word's automatic list numbers are rendered from numbering.xml as Word shows them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from clauses.errors import ClausesError
from clauses.load.docx_numbering import Numbering

MAX_RATIO = 100  # uncompressed / compressed size of one member
MAX_UNPACKED = 200 * 1024 * 1024
RATIO_FLOOR = 1024 * 1024  # a small member cannot hurt, whatever its ratio
MAX_MEMBERS = 10_000
MAX_LABEL_WORDS = 12
"""A table row's first cell this short labels the row (a country, an item); a longer one is text."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected .docx and old .doc are OLE files
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# what each inline element contributes to the text (w:t: its own text)
INLINE = {f"{W}t": "", f"{W}tab": " ", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_ALT_CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
ALT_CHUNK = f"{W}altChunk"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CHUNK_TYPES = ("text/plain", "text/html", "application/xhtml+xml")
"""Embedded documents read in place; others (MHT, RTF, another .docx) are named in the notes."""


class WordText(NamedTuple):
    """A Word document's text and what the reader left out or added (for --explain)."""

    text: str
    notes: list[str]


def extract_docx(path: Path) -> str:
    """Normalised text of a Word document; ClausesError for what cannot be read."""
    return read_docx(path).text


def read_docx(path: Path) -> WordText:
    """The visible text of a Word document, embedded (altChunk) documents read in place or named."""
    path = Path(path)
    check_zip(path)
    body, numbering_xml, styles_xml, chunks = _read_parts(path)
    numbering = Numbering(numbering_xml, styles_xml)
    paragraphs: list[str] = []
    notes: list[str] = []
    hidden: list[str] = []
    for block in _blocks(body):
        if block.tag == ALT_CHUNK:
            paragraphs.extend(_chunk_paragraphs(chunks.get(block.get(R_ID, "")), notes, path))
            continue
        hidden.extend(_hidden_runs(block))
        paragraphs.extend(_numbered_lines(block, numbering))
    if hidden:
        words = " ".join(" ".join(hidden).split()[:12])
        notes.append(f"hidden Word text skipped ({len(hidden)} runs): {words!r}")
    if not paragraphs:
        raise ClausesError("Word document holds no text", path)
    return WordText("\n\n".join(paragraphs) + "\n", notes)


def _numbered_lines(paragraph: Any, numbering: Numbering) -> list[str]:
    label, is_label = _row_label(paragraph)
    if is_label:
        return []
    marker = numbering.marker(paragraph)
    lines = _paragraph_lines(paragraph)
    if lines and label:
        lines[0] = f"{label}: {lines[0]}"
    if lines and marker:
        lines[0] = f"{marker} {lines[0]}"
    return lines


def _chunk_paragraphs(chunk: tuple[str, str, bytes] | None, notes: list[str], path: Path) -> list[str]:
    """The paragraphs of an embedded plain-text or HTML document; other kinds are named in ``notes``."""
    if chunk is None:
        return []
    name, content_type, blob = chunk
    if content_type in CHUNK_TYPES:
        from clauses.load.html import extract_html
        from clauses.load.text import decode

        try:
            text = decode(blob, f"{path}{name}")
            text = extract_html(text, f"{path}{name}").text if "html" in content_type else text
        except ClausesError as error:
            notes.append(f"embedded document {name} not read: {error.message}")
            return []
        notes.append(f"embedded document {name} ({content_type}) read in place")
        return [line for raw in text.split("\n") if (line := " ".join(raw.split()))]
    notes.append(f"embedded document {name} ({content_type}) not read: save it into the document")
    return []


def check_zip(path: Path) -> None:
    """Refuse what is not a zip, or is a zip bomb, from the central directory alone."""
    if _head(path).startswith(OLE_MAGIC):
        raise ClausesError("encrypted or legacy .doc Word file: save it as an unprotected .docx", path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except OSError as error:
        raise ClausesError(f"cannot read: {error.strerror or error}", path) from error
    except Exception as error:  # zipfile raises BadZipFile, NotImplementedError, struct.error ... on damage
        raise ClausesError("not a Word document (not a valid zip file)", path) from error
    if len(members) > MAX_MEMBERS:
        raise ClausesError(f"not a Word document ({len(members)} members in the zip)", path)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise ClausesError(f"zip bomb: {member.filename!r} would unpack {ratio:.0f} times its size", path)
    if "[Content_Types].xml" not in {member.filename for member in members}:
        raise ClausesError("not a Word document (a zip file without [Content_Types].xml)", path)
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED:
        raise ClausesError(
            f"zip bomb: would unpack to {total // 2**20} MB (limit {MAX_UNPACKED // 2**20} MB)", path
        )


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError as error:
        raise ClausesError(f"cannot read: {error.strerror or error}", path) from error


def _read_parts(path: Path) -> tuple[Any, Any, Any, dict[str, tuple[str, str, bytes]]]:
    """The main document body, the numbering and styles parts (None where absent), and the
    embedded (altChunk) parts by relationship id: name, content type, bytes."""
    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.package import OpcPackage

    try:
        package = OpcPackage.open(str(path))
        main = package.main_document_part
        document = _element(main)
        related = {rel.reltype: rel.target_part for rel in main.rels.values() if not rel.is_external}
        numbering = _element(related[RT_NUMBERING]) if RT_NUMBERING in related else None
        styles = _element(related[RT_STYLES]) if RT_STYLES in related else None
        chunks = {
            rid: (str(rel.target_part.partname), rel.target_part.content_type, rel.target_part.blob)
            for rid, rel in main.rels.items()
            if rel.reltype == RT_ALT_CHUNK and not rel.is_external
        }
    except PackageNotFoundError as error:
        raise ClausesError("not a Word document", path) from error
    except Exception as error:  # python-docx and lxml raise many kinds on broken packages
        raise ClausesError(f"not a readable Word document ({type(error).__name__})", path) from error
    body = document.find(f"{W}body")
    if body is None:
        raise ClausesError("not a Word document (no document body)", path)
    return body, numbering, styles, chunks


def _element(part: Any) -> Any:
    """A part's XML root; a .docm main part is a plain part, parsed here (its macros never run)."""
    from docx.oxml.parser import parse_xml

    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


def _blocks(body: Any) -> list[Any]:
    """Every paragraph and embedded document in document order, table cells and text boxes included,
    fallbacks skipped."""
    blocks = body.iter(f"{W}p", ALT_CHUNK)
    return [p for p in blocks if not any(a.tag == FALLBACK for a in p.iterancestors())]


def _row_label(paragraph: Any) -> tuple[str, bool]:
    """The short first cell of the paragraph's table row (a country, an item), and whether the
    paragraph is in that cell: such a cell names what the row's other cells say, it is no clause.

    A long first cell or a sentence (a bilingual table's left column) is text of its own: no label.
    """
    cell = next(paragraph.iterancestors(f"{W}tc"), None)
    if cell is None:
        return "", False
    cells = cell.getparent().findall(f"{W}tc")
    if len(cells) < 2:
        return "", False
    label = " ".join(line for p in cells[0].iter(f"{W}p") for line in _paragraph_lines(p))
    if not label or len(label.split()) > MAX_LABEL_WORDS or label[-1] in ".!?;":
        return "", False
    return label.rstrip(" :"), cell is cells[0]


def _paragraph_lines(paragraph: Any) -> list[str]:
    """The visible text of a paragraph, split at its manual line breaks (signature blocks use them).

    Text of paragraphs nested in this one's text boxes is left to those paragraphs.
    """
    pieces: list[str] = []
    for node in paragraph.iter(*INLINE):
        if _nested(node, paragraph) or _hidden(node):
            continue
        pieces.append(node.text or "" if node.tag == f"{W}t" else INLINE[node.tag])
    lines = "".join(pieces).split("\n")
    return [text for line in lines if (text := " ".join(line.split()))]


def _nested(node: Any, paragraph: Any) -> bool:
    """True for text of a paragraph inside a text box within this paragraph."""
    for ancestor in node.iterancestors(f"{W}p"):
        return ancestor is not paragraph
    return False


def _hidden(node: Any) -> bool:
    """True for text of a run formatted as hidden (w:vanish): Word does not show or print it."""
    run = node.getparent()
    props = run.find(f"{W}rPr") if run is not None and run.tag == f"{W}r" else None
    vanish = props.find(f"{W}vanish") if props is not None else None
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off")


def _hidden_runs(paragraph: Any) -> list[str]:
    """The hidden text of a paragraph's own runs, for the note that says it was skipped."""
    return [
        node.text
        for node in paragraph.iter(f"{W}t")
        if node.text and _hidden(node) and not _nested(node, paragraph)
    ]
