"""Web pages: the main text only (navigation, menus, share buttons, ads and link lists dropped)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from clauses.errors import ClausesError

HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
HTML_TAGS = re.compile(rb"<(?:p|div|article|main|h1|title|meta)\b[^>]*>", re.IGNORECASE)


class WebPage(NamedTuple):
    """The main text of a page (normalised paragraphs) and what its markup says about it."""

    text: str
    title: str | None
    date: dt.date | None


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes are a web page (whatever the file's suffix)."""
    head = head.lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START.match(head)) or len(HTML_TAGS.findall(head[:4096])) >= 3


def extract_html(html: str, path: Path | str) -> WebPage:
    """Main text of a web page as one paragraph per line, blank lines between."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_precision=True,
            config=_config(),
        )
    except (ValueError, TypeError, RecursionError) as error:
        raise ClausesError(f"cannot read the web page: {error}", path) from None
    text = _field(document, "text") or ""
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ClausesError("web page has no main text", path)
    return WebPage("\n\n".join(paragraphs) + "\n", _field(document, "title"), _date(_field(document, "date")))


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # Short statements are real inputs: keep pages with little text; no signal-based
    # timeout (it fails outside the main thread).
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "40")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _field(document: Any, name: str) -> Any:
    if document is None:
        return None
    if isinstance(document, dict):
        return document.get(name)
    return getattr(document, name, None)


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
