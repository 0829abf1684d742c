"""The diff as a Word document: the new version with tracked changes against the old, and comments.

Word's own revision marks carry the redline, so a negotiator can accept or reject each edit:
``w:ins`` / ``w:del`` for words, a paragraph mark marked inserted or deleted for an added, removed,
split or merged clause, ``w:moveFrom`` / ``w:moveTo`` inside named move ranges for a moved clause.
Each changed clause carries a comment with what the change means ("weakened: firm → intent"); the
document's changed details (title, parties, date...) are a comment on the title. Headings and clause
numbers are those of the new version. Built with python-docx; the revision marks with its lxml
elements, as python-docx has no API for them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from clauses.diff.core import PIECE_JOIN
from clauses.diff.metadata import describe
from clauses.diff.models import AgreementDiff, Change, ChangeKind
from clauses.diff.view import Name, Row, paths, rows
from clauses.diff.words import RedlineOp
from clauses.models import Agreement, Clause
from clauses.text.markers import strip_marker

AUTHOR = "clauses"
MAX_HEADING_LEVEL = 3
_UNNUMBERED = re.compile(r"(^|\.)(preamble\.\d+|p\d+|s\d+|fn\d+)$")
"""Paths the segmenter invents for unnumbered paragraphs, recitals, sentences and footnotes: no label."""


@dataclass
class _Marks:
    """Revision ids (unique across ins, del and move marks) and the time every mark is dated."""

    when: str
    next_id: int = 1
    moves: dict[str, str] = field(default_factory=dict)
    """Name of the move range of each moved clause (its old id): both ends carry it."""

    def attrs(self, element, author: bool = True) -> None:
        element.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        if author:
            element.set(qn("w:author"), AUTHOR)
            element.set(qn("w:date"), self.when)


def redline_docx(
    result: AgreementDiff, old: Agreement, new: Agreement, when: dt.datetime, name: Name | None = None
) -> bytes:
    """The .docx bytes of the new version marked up against the old one; categories named by ``name``
    (``Taxonomy.label_of``; the packaged taxonomy's labels by default)."""
    document = Document()
    marks = _Marks(when=when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _title(document, result, marks, when)
    clauses = {c.id: c for c in [*old.clauses, *new.clauses]}
    trail: list[str] = []
    for row in rows(result, old, new, fold=False, name=name):
        change = row.change
        if row.role == "change" and change.new:
            trail = _headings(document, trail, clauses[change.new[0]].heading)
        paragraphs = _clause(document, row, clauses, marks)
        if change.kind is not ChangeKind.UNCHANGED and row.role == "change":
            _comment(document, paragraphs, _note(row), when)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _title(document: WordDocument, result: AgreementDiff, marks: _Marks, when: dt.datetime) -> None:
    title = document.add_heading("", level=0)
    if result.old.title != result.new.title:
        _runs(
            title,
            [
                RedlineOp(op="delete", text=result.old.title + " "),
                RedlineOp(op="insert", text=result.new.title),
            ],
            marks,
        )
    else:
        _runs(title, [RedlineOp(op="equal", text=result.new.title)], marks)
    if result.metadata_changes:
        lines = ["Details changed:", *(describe(change) for change in result.metadata_changes)]
        _comment(document, [title], "\n".join(lines), when)


def _headings(document: WordDocument, shown: list[str], wanted: list[str]) -> list[str]:
    """Headings of ``wanted`` not already shown above: the first level that differs, and those below."""
    same = 0
    while same < min(len(shown), len(wanted)) and shown[same] == wanted[same]:
        same += 1
    for level in range(same, len(wanted)):
        document.add_heading(wanted[level], level=min(level + 1, MAX_HEADING_LEVEL))
    return list(wanted)


def _clause(document: WordDocument, row: Row, clauses: dict[str, Clause], marks: _Marks) -> list[Paragraph]:
    change = row.change
    if change.kind is ChangeKind.UNCHANGED:
        return [_plain(document, clauses[i]) for i in change.new]
    if change.kind is ChangeKind.MOVED:
        old_side = row.role == "moved-from"
        clause = clauses[(change.old if old_side else change.new)[0]]
        name = marks.moves.setdefault(change.old[0], f"move{len(marks.moves) + 1}")
        return [_moved(document, clause, old_side, name, marks)]
    labels = _labels(change, clauses)
    pieces = _pieces(row.redline)
    paragraphs = []
    for k, ops in enumerate(pieces):
        paragraph = document.add_paragraph()
        label = labels[k] if k < len(labels) else []
        _runs(paragraph, [*label, *ops], marks)
        if k < len(pieces) - 1 or change.kind is ChangeKind.REMOVED:
            _mark_paragraph(paragraph, "w:ins" if change.kind is ChangeKind.SPLIT else "w:del", marks)
        elif change.kind is ChangeKind.ADDED:
            _mark_paragraph(paragraph, "w:ins", marks)
        paragraphs.append(paragraph)
    return paragraphs


def _plain(document: WordDocument, clause: Clause) -> Paragraph:
    label = _label(clause.path)
    return document.add_paragraph(f"{label} {_text(clause)}" if label else _text(clause))


def _text(clause: Clause) -> str:
    return strip_marker(clause.text)


def _labels(change: Change, clauses: dict[str, Clause]) -> list[list[RedlineOp]]:
    """The clause number opening each paragraph of a change, tracked where it is new or gone."""
    olds = [_label(clauses[i].path) for i in change.old]
    news = [_label(clauses[i].path) for i in change.new]
    if change.kind is ChangeKind.ADDED:
        return [_numbered("insert", label) for label in news]
    if change.kind is ChangeKind.REMOVED:
        return [_numbered("delete", label) for label in olds]
    first = _numbered("equal", news[0])
    if change.kind in (ChangeKind.RENUMBERED, ChangeKind.SPLIT, ChangeKind.MERGED) and olds[0] != news[0]:
        first = [*_numbered("delete", olds[0]), *_numbered("insert", news[0])]
    if change.kind is ChangeKind.MERGED:
        return [first, *(_numbered("delete", label) for label in olds[1:])]
    return [first, *(_numbered("insert", label) for label in news[1:])]


def _numbered(op: str, label: str) -> list[RedlineOp]:
    return [RedlineOp(op=op, text=f"{label} ")] if label else []


def _label(path: str) -> str:
    """The clause number as the document prints it: '2.8', 'Article 5.2'; '' for an unnumbered paragraph."""
    path = re.sub(r"~\d+$", "", path)
    return "" if _UNNUMBERED.search(path) else path


def _pieces(ops: list[RedlineOp]) -> list[list[RedlineOp]]:
    """The redline cut into paragraphs where a split or merge joined clauses (PIECE_JOIN)."""
    pieces: list[list[RedlineOp]] = [[]]
    for op in ops:
        parts = op.text.split(PIECE_JOIN.strip())
        for k, part in enumerate(parts):
            if k > 0:
                pieces.append([])
            text = part.strip() if len(parts) > 1 else part
            if text:
                pieces[-1].append(RedlineOp(op=op.op, text=text if k == len(parts) - 1 else text + " "))
    return [piece for piece in pieces if piece] or [[]]


def _runs(paragraph: Paragraph, ops: list[RedlineOp], marks: _Marks) -> None:
    merged: list[RedlineOp] = []
    for op in ops:  # a new number and its inserted clause are one insertion
        if merged and merged[-1].op == op.op:
            merged[-1] = RedlineOp(op=op.op, text=merged[-1].text + op.text)
        else:
            merged.append(op)
    for op in merged:
        run = _run(op.text, deleted=op.op == "delete")
        if op.op == "equal":
            paragraph._p.append(run)
            continue
        wrapper = OxmlElement("w:ins" if op.op == "insert" else "w:del")
        marks.attrs(wrapper)
        wrapper.append(run)
        paragraph._p.append(wrapper)


def _run(text: str, deleted: bool = False):
    run = OxmlElement("w:r")
    body = OxmlElement("w:delText" if deleted else "w:t")
    body.set(qn("xml:space"), "preserve")
    body.text = text
    run.append(body)
    return run


def _mark_paragraph(paragraph: Paragraph, tag: str, marks: _Marks) -> None:
    """Mark the paragraph's end as inserted, deleted or moved, so accepting or rejecting joins the text."""
    properties = paragraph._p.get_or_add_pPr()
    run_properties = properties.find(qn("w:rPr"))
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        properties.append(run_properties)
    mark = OxmlElement(tag)
    marks.attrs(mark)
    run_properties.append(mark)


def _moved(document: WordDocument, clause: Clause, old_side: bool, name: str, marks: _Marks) -> Paragraph:
    """One end of a move: the old text in a moveFrom range, or the new text in a moveTo range."""
    kind = "moveFrom" if old_side else "moveTo"
    paragraph = document.add_paragraph()
    start = OxmlElement(f"w:{kind}RangeStart")
    marks.attrs(start)
    start.set(qn("w:name"), name)
    range_id = start.get(qn("w:id"))
    wrapper = OxmlElement(f"w:{kind}")
    marks.attrs(wrapper)
    label = _label(clause.path)
    wrapper.append(_run(f"{label} {_text(clause)}" if label else _text(clause), deleted=old_side))
    end = OxmlElement(f"w:{kind}RangeEnd")
    end.set(qn("w:id"), range_id)
    for element in (start, wrapper, end):
        paragraph._p.append(element)
    _mark_paragraph(paragraph, f"w:{kind}", marks)
    return paragraph


def _note(row: Row) -> str:
    change = row.change
    where = f"{change.kind.value}: {paths(change.old)} → {paths(change.new)}"
    reworded = change.similarity < 1 and change.old and change.new
    if change.kind is ChangeKind.MODIFIED or reworded:
        where += f" (similarity {change.similarity:.2f})"
    return "\n".join([where, *row.notes])


def _comment(document: WordDocument, paragraphs: list[Paragraph], text: str, when: dt.datetime) -> None:
    """A comment spanning ``paragraphs``, its range marked from the first's start to the last's end."""
    comment = document.comments.add_comment(text=text, author=AUTHOR, initials="cl")
    comment._comment_elm.date = when  # python-docx dates a comment "now"; the revisions' time instead
    start, end = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
    for element in (start, end):
        element.set(qn("w:id"), str(comment.comment_id))
    first = paragraphs[0]._p
    properties = first.find(qn("w:pPr"))
    first.insert(0 if properties is None else 1, start)
    last = paragraphs[-1]._p
    last.append(end)
    reference_run = OxmlElement("w:r")
    reference = OxmlElement("w:commentReference")
    reference.set(qn("w:id"), str(comment.comment_id))
    reference_run.append(reference)
    last.append(reference_run)
