"""PDF loader: the text layer as normalised paragraphs (one per line, blank line between).

pdfminer's layout boxes are the paragraphs. Around them: page furniture (running headers and
footers, page numbers) is dropped, line wraps are joined, hyphens at line ends are kept only
where the word is a real compound, and a paragraph split by a page break or a footnote is
joined again. Footnotes follow the paragraph their page break split.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from clauses.errors import ClausesError
from clauses.load.pdf_bounds import PageOverBudget, bounded_aggregator
from clauses.text.markers import LINE_START

# pdfminer logs every oddity of a broken file; the CLI must not print them (the app may still route them)
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

MAX_PAGES = 2000
MAX_INFLATED = 256 * 2**20  # bytes of inflated text streams (content, fonts) in one PDF
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.;:!?][\"'”’)\]]*$")
SERIES_END = re.compile(r"; (?:and|or)$")  # "...; and" closes a recital, the next one follows
COMPOUND = re.compile(r"(?<!\w)\w+(?:-\w+)+")  # from a word's start only: a 20,000-letter word took 6 s
LINE_END_HYPHEN = re.compile(r"(?<![\w-])([\w-]+)-\n(\w+)")  # one start per word: linear
COMPOUND_PREFIXES = frozenset(
    "anti co counter cross full long multi non post pre pro self short mid well high low semi inter".split()
)
FURNITURE_ZONE = 0.15  # running headers/footers live in the top and bottom 15% of a page


@dataclass
class Line:
    """One text line of a layout box, with where it sits on the page."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass
class Box:
    """One layout text box: a paragraph, or a piece of one."""

    page: int
    lines: list[Line]
    size: float
    page_height: float
    footnote: bool = False
    text: str = field(default="")

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def y0(self) -> float:
        return min(line.y0 for line in self.lines)

    @property
    def y1(self) -> float:
        return max(line.y1 for line in self.lines)


def extract_pdf(path: Path, *, max_pages: int = MAX_PAGES) -> str:
    """Normalised text of a PDF's text layer; ClausesError for what cannot be read."""
    boxes = _read_boxes(Path(path), max_pages)
    if not any(re.search(r"\w", line.text) for box in boxes for line in box.lines):
        raise ClausesError("no text layer; run OCR first", path)
    boxes = _drop_furniture(boxes)
    _mark_footnotes(boxes)
    vocabulary = _vocabulary(boxes)
    for box in boxes:
        box.text = _box_text(box, vocabulary)
    paragraphs = _join_split_paragraphs(boxes, _right_margin(boxes))
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


# --- reading the layout -------------------------------------------------------------------


def _read_boxes(path: Path, max_pages: int) -> list[Box]:
    """Text boxes of every page, in reading order; errors from pdfminer become ClausesError."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    _check_magic(path)
    try:
        with path.open("rb") as handle:
            document = _open_document(handle)
            _check_inflated_size(document, path)
            _check_page_count(document, path, max_pages)
            return _layout_boxes(document, path, max_pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ClausesError("password-protected PDF", path) from error
    except PageOverBudget as error:
        raise ClausesError(f"{error}: not read (see README, limits)", path) from error
    except ReferenceLoop as error:
        raise ClausesError(f"not a readable PDF (object {error.args[0]} refers to itself)", path) from error
    except ClausesError:
        raise
    except OSError as error:
        raise ClausesError(f"cannot read: {error.strerror or error}", path) from error
    except Exception as error:  # pdfminer raises many kinds on broken files; all mean "not readable"
        raise ClausesError(f"not a readable PDF ({type(error).__name__})", path) from error


def _check_magic(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise ClausesError(f"cannot read: {error.strerror or error}", path) from error
    if b"%PDF-" not in head:
        raise ClausesError("not a PDF (no %PDF- header)", path)


class ReferenceLoop(Exception):
    """An object that is a reference to itself, directly or round a chain of references."""


def _open_document(handle: Any) -> Any:
    from pdfminer.pdfparser import PDFParser

    return _loop_safe_document_class()(PDFParser(handle))


@cache
def _loop_safe_document_class() -> type:
    """pdfminer's document, except that a reference loop raises instead of being followed forever
    (pdfminer's resolve1 loops while the value is a reference; found by fuzzing)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdftypes import PDFObjRef

    class LoopSafeDocument(PDFDocument):
        def getobj(self, objid: int) -> object:
            value = super().getobj(objid)
            seen, target = {objid}, value
            while isinstance(target, PDFObjRef):
                if target.objid in seen:
                    raise ReferenceLoop(objid)
                seen.add(target.objid)
                target = super().getobj(target.objid)
            return value

    return LoopSafeDocument


def _check_page_count(document: Any, path: Path, max_pages: int) -> None:
    """Refuse a huge PDF from its page tree's declared count, before any page is parsed."""
    from pdfminer.pdftypes import resolve1

    pages = resolve1(document.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    if isinstance(count, int) and count > max_pages:
        raise ClausesError(f"PDF has {count} pages, more than the limit of {max_pages}", path)


def _check_inflated_size(document: Any, path: Path) -> None:
    """Refuse a decompression bomb: text streams that would inflate past MAX_INFLATED in total.

    pdfminer inflates a stream whole; here each one is inflated with a bound first. Images are
    skipped: pdfminer never decodes them.
    """
    from pdfminer.pdftypes import PDFStream

    total = 0
    for objid, genno in _direct_objects(document):
        try:
            stream = document.getobj(objid)
        except Exception:  # a broken object is pdfminer's to skip or refuse later
            continue
        if isinstance(stream, PDFStream) and getattr(stream.get("Subtype"), "name", None) != "Image":
            total += _inflated_size(stream, objid, genno, MAX_INFLATED - total)
            if total > MAX_INFLATED:
                raise ClausesError(
                    f"decompression bomb: streams inflate past {MAX_INFLATED // 2**20} MB", path
                )


def _direct_objects(document: Any) -> list[tuple[int, int]]:
    """Objects stored at a file offset (streams cannot live inside object streams)."""
    found = []
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                container, _, genno = xref.get_pos(objid)
            except Exception:
                continue
            if container is None:
                found.append((objid, genno))
    return found


def _inflated_size(stream: Any, objid: int, genno: int, budget: int) -> int:
    """Size of a stream after its Flate filters, inflating at most budget + 1 bytes per stage."""
    import zlib

    from pdfminer.pdftypes import LITERALS_FLATE_DECODE

    data = stream.rawdata or b""
    if stream.decipher:
        data = stream.decipher(objid, genno, data, stream.attrs)
    for name, _ in stream.get_filters():
        if name not in LITERALS_FLATE_DECODE:
            break
        try:
            data = zlib.decompressobj().decompress(data, budget + 1)
        except zlib.error:
            break
        if len(data) > budget:
            break
    return len(data)


def _layout_boxes(document: Any, path: Path, max_pages: int) -> list[Box]:
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    # char_margin 4: the wide gaps of a fully justified line still make one line, not three boxes
    device = bounded_aggregator(resources, LAParams(char_margin=4.0, boxes_flow=None, all_texts=True))
    interpreter = PDFPageInterpreter(resources, device)
    boxes: list[Box] = []
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number >= max_pages:  # the declared count can lie
            raise ClausesError(f"PDF has more than {max_pages} pages", path)
        interpreter.process_page(page)
        layout = device.get_result()
        found = [_box(number, element, layout.height) for element in _text_boxes(layout, LTTextBox)]
        ordered = sorted((b for b in found if b.lines), key=lambda b: (-round(b.y1), b.x0))
        boxes.extend(piece for box in ordered for piece in _split_at_list_items(box))
    return boxes


def _text_boxes(container: Any, kind: type) -> list[Any]:
    """Text boxes of a page, including those inside figures (text drawn by form XObjects)."""
    found = []
    for element in container:
        if isinstance(element, kind):
            found.append(element)
        elif hasattr(element, "__iter__") and not hasattr(element, "get_text"):
            found.extend(_text_boxes(element, kind))
    return found


def _box(page: int, element: Any, page_height: float) -> Box:
    lines = [Line(_line_text(ln), ln.x0, ln.x1, ln.y0, ln.y1) for ln in element]
    sizes = sorted(char.size for line in element for char in line if hasattr(char, "size"))
    size = sizes[len(sizes) // 2] if sizes else 0.0
    return Box(page, [ln for ln in lines if ln.text], size, page_height)


def _split_at_list_items(box: Box) -> list[Box]:
    """A list item that pdfminer put in the box of its lead-in ("...to support:" / "o item") starts anew."""
    pieces = [[box.lines[0]]]
    for previous, line in zip(box.lines, box.lines[1:], strict=False):
        if LINE_START.match(line.text) and SENTENCE_END.search(previous.text):
            pieces.append([])
        pieces[-1].append(line)
    return [Box(box.page, lines, box.size, box.page_height) for lines in pieces]


def _line_text(line: Any) -> str:
    """A line's text with runs of spaces collapsed and raised small digits written as superscripts."""
    chars = [c for c in line if hasattr(c, "size")]
    if not chars:
        return ""
    body = max(c.size for c in chars)
    baseline = min(c.y0 for c in chars if c.size >= body * 0.9)
    out: list[str] = []
    for item in line:
        text = item.get_text()
        raised = hasattr(item, "size") and item.size < body * 0.8 and item.y0 > baseline + body * 0.2
        if raised and text.isdigit() and out and not out[-1].isspace():
            text = text.translate(SUPERSCRIPTS)
        out.append(text)
    return re.sub(r"\s+", " ", "".join(out)).strip()


# --- page furniture and footnotes ---------------------------------------------------------


def _in_margin(line: Line, page_height: float) -> bool:
    return line.y0 > page_height * (1 - FURNITURE_ZONE) or line.y1 < page_height * FURNITURE_ZONE


def _drop_furniture(boxes: list[Box]) -> list[Box]:
    """Remove page numbers and lines repeated at the same place on several pages."""
    repeated = _repeated_lines(boxes)
    edges = _page_edge_lines(boxes)
    for box in boxes:
        box.lines = [
            ln
            for ln in box.lines
            if id(ln) not in repeated and not (id(ln) in edges and PAGE_NUMBER.match(ln.text))
        ]
    return [b for b in boxes if b.lines]


def _repeated_lines(boxes: list[Box]) -> set[int]:
    """Lines of margin boxes whose text (digits aside) recurs at the same height on several pages."""
    pages = len({b.page for b in boxes})
    places: dict[str, list[tuple[int, Line]]] = defaultdict(list)
    for box in boxes:
        if all(_in_margin(line, box.page_height) for line in box.lines):
            for line in box.lines:
                places[re.sub(r"\d+", "#", line.text.lower())].append((box.page, line))
    repeated: set[int] = set()
    for group in places.values():
        for _, line in group:
            same_place = {page for page, other in group if abs(other.y0 - line.y0) < 4}
            if len(same_place) >= 2 and len(same_place) >= 0.3 * pages:
                repeated.add(id(line))
    return repeated


def _page_edge_lines(boxes: list[Box]) -> set[int]:
    """The topmost and bottommost line of each page, where they lie in its margins."""
    by_page: dict[int, list[tuple[Line, float]]] = defaultdict(list)
    for box in boxes:
        by_page[box.page].extend((line, box.page_height) for line in box.lines)
    edges: set[int] = set()
    for lines in by_page.values():
        for line, height in (max(lines, key=lambda p: p[0].y1), min(lines, key=lambda p: p[0].y0)):
            if _in_margin(line, height):
                edges.add(id(line))
    return edges


def _mark_footnotes(boxes: list[Box]) -> None:
    """Footnotes: boxes at the foot of a page, below the body, in a smaller type than the body."""
    sizes = sorted(b.size for b in boxes)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    for page in {b.page for b in boxes}:
        on_page = [b for b in boxes if b.page == page]
        for box in sorted(on_page, key=lambda b: b.y0):
            if box.size >= body * 0.9 or not re.match(r"^[\d¹²³⁴⁵⁶⁷⁸⁹*†]", box.lines[0].text):
                break
            box.footnote = True


# --- text of a box ---------------------------------------------------------------------------


def _vocabulary(boxes: list[Box]) -> set[str]:
    """Words of the document (outside line-end hyphenations), to tell compounds from split words."""
    text = "\n".join(line.text for box in boxes for line in box.lines)
    text = LINE_END_HYPHEN.sub(" ", text)
    compounds = {w.lower() for w in COMPOUND.findall(text)}
    return compounds | {w.lower() for w in re.findall(r"\w+", text)}


def _box_text(box: Box, vocabulary: set[str]) -> str:
    text = "\n".join(line.text for line in box.lines)
    text = LINE_END_HYPHEN.sub(lambda m: _rejoin(m.group(1), m.group(2), vocabulary), text)
    return re.sub(r"\s+", " ", text).strip()


def _rejoin(left: str, right: str, vocabulary: set[str]) -> str:
    """'Euro-', 'Atlantic' → 'Euro-Atlantic'; 'secu-', 'rity' → 'security'.

    Only a word the document also writes whole elsewhere loses its hyphen: a real compound
    ("food-processing") is far more common at a line end than a hyphenated word break.
    """
    hyphenated, joined = f"{left}-{right}", f"{left}{right}"
    if not (left.isalpha() and left.islower() and right.islower()) or left in COMPOUND_PREFIXES:
        return hyphenated
    return joined if joined in vocabulary and hyphenated not in vocabulary else hyphenated


# --- paragraphs ------------------------------------------------------------------------------


def _right_margin(boxes: list[Box]) -> float:
    """Where full lines end: the most common right edge of lines, rounded."""
    edges = [round(line.x1) for box in boxes for line in box.lines]
    return max(set(edges), key=edges.count) if edges else 0.0


def _join_split_paragraphs(boxes: list[Box], right_margin: float) -> list[str]:
    """Join boxes that continue the previous paragraph; footnotes wait until it is complete."""
    paragraphs: list[str] = []
    pending_notes: list[str] = []
    last: Box | None = None
    for box in boxes:
        if box.footnote:
            pending_notes.append(box.text)
            continue
        if last is not None and _continues(last, box, right_margin):
            paragraphs[-1] = f"{paragraphs[-1]} {box.text}"
        else:
            paragraphs.extend(pending_notes)
            pending_notes = []
            paragraphs.append(box.text)
        last = box
    return paragraphs + pending_notes


def _continues(previous: Box, box: Box, right_margin: float) -> bool:
    """A box continues the previous one when that ends mid-sentence and this one is no new item.

    Mid-sentence means: no closing punctuation, and either this box starts in lower case or the
    previous box's last line runs to the right margin (a justified line, not a heading).
    """
    ends = SENTENCE_END.search(previous.text) or SERIES_END.search(previous.text)
    if ends or LINE_START.match(box.text) or previous.text.isupper():
        return False
    if box.text[:1].islower():
        return True
    full_last_line = previous.lines[-1].x1 >= right_margin - 12
    close_below = box.page != previous.page or previous.y0 - box.y1 < previous.size * 0.5
    return full_last_line and close_below
