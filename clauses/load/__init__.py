"""Read any supported file into an Agreement: dispatch by content, infer metadata, segment.

Metadata precedence: options given to ``load`` win over the file's front matter, which wins
over what is inferred from the text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from clauses.errors import ClausesError
from clauses.load import metadata
from clauses.load.text import DEFAULT_MAX_BYTES, check_line_length, decode, read_bytes
from clauses.models import Agreement, AgreementFields, AgreementMeta, Clause, Kind
from clauses.printable import printable, printable_data, printable_path

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "Document", "format_of", "load", "read_document"]

FORMATS: dict[str, str] = {
    ".md": "markdown", ".markdown": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}  # fmt: skip
"""The one table of suffixes read: a file so named is read, and so are a folder's files so named
(``clauses.pipeline.expand_paths``). The content decides first (a PDF named .txt is a PDF); the
suffix then chooses among the text formats."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PROSE_KINDS = (Kind.NEWS, Kind.STATEMENT, Kind.FACT_SHEET, Kind.READOUT)


class Document(NamedTuple):
    """A file's normalised text and what the file itself says about it, before inference."""

    text: str
    fields: dict[str, Any]
    native: bool = False
    """Markdown with front matter: written by a person, so no web-noise cleaning."""


def load(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, **metadata: Any) -> Agreement:
    """Read ``path`` (Markdown, text, HTML, PDF, DOCX) into an Agreement with its clauses;
    ``metadata`` (fields of ``AgreementMeta``: id, title, parties, signed, kind...) wins over the file's."""
    document = read_document(Path(path), max_bytes)
    return build_agreement(document, path, _checked(metadata, path), with_clauses=True)


def _checked(metadata: dict[str, Any], path: str | Path) -> dict[str, Any]:
    """The metadata options given (None: not given), checked by the rules of the front matter."""
    given = {key: value for key, value in metadata.items() if value is not None}
    unknown = [key for key in given if key not in AgreementMeta.model_fields]
    if unknown:
        allowed = ", ".join(AgreementMeta.model_fields)
        raise ClausesError(f"unknown metadata field {unknown[0]!r} (allowed: {allowed})", path)
    try:
        return AgreementFields.model_validate(given).model_dump(exclude_unset=True)
    except ValidationError as error:
        from clauses.load.markdown import validation_message

        raise ClausesError(validation_message(error), path) from None


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The normalised text of any supported file, chosen by its content first and its suffix second."""
    head = read_bytes(path, max_bytes, limit=8192)
    if b"%PDF-" in head[:1024]:
        from clauses.load.pdf import extract_pdf

        return Document(extract_pdf(path), {})
    if head.startswith(b"PK\x03\x04"):
        return _zip_document(path)
    if head.startswith(OLE_MAGIC) and path.suffix.lower() in (".doc", ".docx"):
        from clauses.load.docx import extract_docx  # names encrypted and legacy Word files

        return Document(extract_docx(path), {})
    data = read_bytes(path, max_bytes)
    from clauses.load.html import looks_like_html

    html_named = format_of(path) == "html" and b"<" in data[:4096]
    if html_named or looks_like_html(data[:4096]):
        return _html_document(decode(data, path), path)
    text = decode(data, path)
    if format_of(path) == "markdown" or _has_front_matter(text):
        return _markdown_document(text, path)
    return Document(text, {})


def format_of(path: Path) -> str | None:
    """The format a file's suffix names (``FORMATS``); None for a suffix not read."""
    return FORMATS.get(path.suffix.lower())


def _has_front_matter(text: str) -> bool:
    from clauses.load.markdown import CLOSING_FENCE

    first, _, rest = text.partition("\n")
    return first.strip() == "---" and CLOSING_FENCE.search(rest) is not None


def _zip_document(path: Path) -> Document:
    try:
        with zipfile.ZipFile(path) as archive:
            is_word = "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        raise ClausesError("broken ZIP archive, not a document", path) from None
    if not is_word:
        raise ClausesError("a ZIP archive, not a Word document", path)
    from clauses.load.docx import read_docx

    text, notes = read_docx(path)
    return Document(text, {"notes": notes} if notes else {})


def _html_document(html: str, path: Path) -> Document:
    from clauses.load.html import extract_html

    page = extract_html(html, path)
    fields = {key: value for key, value in (("title", page.title), ("signed", page.date)) if value}
    return Document(page.text, fields)


def _markdown_document(text: str, path: Path) -> Document:
    from clauses.load.markdown import markdown_body, split_front_matter

    fields, body = split_front_matter(text, path)
    if not body.strip():
        raise ClausesError("no agreement text after the front matter", path)
    return Document(markdown_body(body), fields, native=bool(fields) or format_of(path) == "markdown")


def build_agreement(
    document: Document, path: str | Path, overrides: dict[str, Any], *, with_clauses: bool
) -> Agreement:
    """Metadata from options, front matter and inference; clauses from the segmenter.

    Text, fields and the file name are made printable here, whatever the format (see clauses.printable).
    """
    check_line_length(document.text, path)
    document = document._replace(text=printable(document.text))
    declared = dict(document.fields)
    if "language" in declared and not metadata.plausible_language(declared["language"], document.text):
        del declared["language"]  # a site's locale ('ro') on an article in another script
    given = printable_data({**declared, **overrides})
    given.pop("source", None)  # a loaded agreement's source is the path it was read from
    given.pop("tags", None)  # a hint for the kind, not a field
    text, inferred = infer(document, given, path)
    fields = {**inferred, **given, "source": printable_path(path)}
    fields.setdefault("id", metadata.slugify(Path(path).stem))
    try:
        agreement = Agreement.model_validate(fields)
    except ValidationError as error:
        from clauses.load.markdown import validation_message

        raise ClausesError(validation_message(error), path) from None
    if with_clauses:
        agreement.clauses = _clauses(text, agreement, path)
    return agreement


def infer(document: Document, given: dict[str, Any], path: str | Path) -> tuple[str, dict[str, Any]]:
    """The body text to segment and the metadata the text itself suggests."""
    from clauses.load.documents import ISSUED, issuers, site_lines
    from clauses.load.news import clean_news, looks_like_news

    text = document.text
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    title, title_lines = metadata.title_block(paragraphs, headings_only=document.native)
    news_page = not document.native and looks_like_news(text)
    kind = Kind(given["kind"]) if "kind" in given else None
    tags = document.fields.get("tags") or ()
    kind = kind or metadata.infer_kind(
        given.get("title") or title or "", text, news_page=news_page, tags=tags
    )
    signed = None
    if kind is Kind.NEWS and not document.native:
        page = clean_news(text)
        if not page.text.strip():
            raise ClausesError("no article text left after removing the page's menus and links", path)
        text, title, signed = page.text, page.title, page.date
        paragraphs, title_lines = [p for p in text.split("\n") if p.strip()], 0
    named = given.get("title") or title or ""  # a title the document has, not its first words
    title = named or metadata.fallback_title(paragraphs[0] if paragraphs else "")
    dropped = set(range(title_lines))
    if kind in PROSE_KINDS:
        dropped |= {title_lines + i for i in site_lines(named, paragraphs[title_lines:])}
    if dropped:
        text = _without_lines(text, dropped)
    body = [p for i, p in enumerate(paragraphs) if i >= title_lines and i not in dropped]
    lead = body[0] if body else ""
    inferred = {
        "title": title,
        "kind": kind,
        "signed": signed
        or metadata.signing_date(paragraphs)
        or (metadata.opening_date(title, body) if kind is not Kind.AGREEMENT else None),
        "language": metadata.detect_language(text),
        "parties": (
            issuers(named, body)
            if kind in ISSUED
            else metadata.infer_parties(title, lead, text if kind is Kind.NEWS else "")
        ),
        "duration_years": metadata.duration_years(text),
    }
    return text, inferred


def _without_lines(text: str, dropped: set[int]) -> str:
    """The text without its non-empty lines numbered in ``dropped``; blank lines and wrapping kept."""
    kept: list[str] = []
    index = 0
    for line in text.split("\n"):
        if line.strip():
            index += 1
            if index - 1 in dropped:
                continue
        kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"


def _clauses(text: str, agreement: Agreement, path: str | Path) -> list[Clause]:
    from clauses.segment import segment

    if not text.strip():
        raise ClausesError("no agreement text", path)
    return segment(text, agreement.id, prose=agreement.kind in PROSE_KINDS)
