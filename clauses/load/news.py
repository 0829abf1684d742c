"""News pages saved as text: the date, the headline, and the article without the site's noise.

Noise is recognised by general rules, not by the strings of any one site: a news
article's paragraphs are sentences, so lines that are not (menus, tags, bylines, section
names, headline lists) are dropped; view counters, read-time notes, photo credits and
URLs are dropped; repeated headlines are dropped; and a "Latest news" / "Read also" block
ends the article.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from clauses.load.metadata import parse_date
from clauses.text.markers import BULLETS

DATE_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?P<rest>.*)$", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# A counter is short ("1 234 views"): a bounded run, so a line of "1 1 1 ..." costs no backtracking.
VIEWS = re.compile(r"\b\d[\d\s,.]{0,20}(?:views?|reads?|просмотр\w*|перегляд\w*)\b", re.IGNORECASE)
READ_TIME = re.compile(
    r"^\d+\s*(?:min\w*|мин\w*|хв\w*)\.?\s*(?:read|читать|читання|на\s+читання)?$", re.IGNORECASE
)
CREDIT = re.compile(r"^\W*(?:photo|фото|foto|image|picture|illustration|video|відео|видео)\b", re.IGNORECASE)
URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
LATEST = re.compile(
    r"^(?:(?:latest|related|more|other|top|popular|recommended|recent)\s+(?:news|stories|articles|posts|on\s+this)"
    r"|read\s+(?:also|more)|see\s+also|all\s+news"
    r"|(?:ещё|еще)\s+по\s+теме|последн\w+(?:\s+новост\w+)?|новости\s+по\s+теме|по\s+теме|читайте\s+также"
    r"|останні\s+новини|читайте\s+також|більше\s+новин|популярн\w+)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…;:\"”»’')]$")
ATTRIBUTION = re.compile(r"^[–—-]\s*\w")
BULLET = re.compile(rf"^[{BULLETS}]\s*")

BODY_MIN_WORDS = 12
"""A line this long that ends a sentence starts the article; lines before it are the page header."""


class NewsPage(NamedTuple):
    text: str
    title: str | None
    date: dt.date | None


def looks_like_news(text: str) -> bool:
    """A dated page: a 'date YYYY-MM-DD' first line, or a timestamp, view counter or read time on top."""
    head = [line.strip() for line in text.split("\n")[:40] if line.strip()][:8]
    if head and DATE_LINE.match(head[0]):
        return True
    return any(_timestamp(line) or VIEWS.search(line) or READ_TIME.match(line) for line in head)


def _timestamp(line: str) -> bool:
    return len(line.split()) <= 6 and bool(TIME.search(line)) and parse_date(line) is not None


def clean_news(text: str) -> NewsPage:
    """Date, headline and article paragraphs (one a line, blank lines between) of a news page."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    date, lines = _date_line(lines)
    lines = _cut_link_lists(lines)
    start = _body_start(lines)
    header, body = lines[:start], lines[start:]
    date = date or _header_date(header)
    title = _headline(header)
    kept = _article(body, title)
    if title is None and kept:
        title = _first_sentence(kept[0])
    return NewsPage("\n\n".join(kept) + "\n" if kept else "", title, date)


def _date_line(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """The date of a 'date YYYY-MM-DD ...' first line; what follows the date stays as a line."""
    match = DATE_LINE.match(lines[0]) if lines else None
    if not match:
        return None, lines
    date = parse_date(match.group("date"))
    rest = match.group("rest").strip()
    return date, ([rest] if rest else []) + lines[1:]


def _cut_link_lists(lines: list[str]) -> list[str]:
    """Everything from a 'Latest news' / 'Read also' heading on is a list of other articles."""
    for index, line in enumerate(lines):
        if index and LATEST.match(line) and len(line.split()) <= 5 and not line.endswith("."):
            return lines[:index]
    return lines


def _body_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if _is_sentence(line) and len(line.split()) >= BODY_MIN_WORDS:
            return index
    return 0


def _is_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line)) and not _noise(line)


def _noise(line: str) -> bool:
    return bool(URL.search(line) or VIEWS.search(line) or READ_TIME.match(line) or CREDIT.match(line))


def _header_date(header: list[str]) -> dt.date | None:
    for line in header:
        if len(line.split()) <= 6:
            date = parse_date(line)
            if date:
                return date
    return None


def _headline(header: list[str]) -> str | None:
    """The header line that names the story: one naming a country if any, else the first long one."""
    from clauses.gazetteer import party_codes

    candidates = [
        line for line in header if 4 <= len(line.split()) <= 30 and not _noise(line) and not parse_date(line)
    ]
    named = [line for line in candidates if party_codes(line)]
    chosen = (named or candidates or [None])[0]
    return chosen.rstrip(" .") if chosen else None


def _article(body: list[str], title: str | None) -> list[str]:
    """Body lines that are sentences; a quote without final stop is kept when an attribution follows."""
    kept: list[str] = []
    for index, line in enumerate(body):
        if title and _same(line, title) or _noise(line):
            continue
        following = body[index + 1] if index + 1 < len(body) else ""
        attribution = ATTRIBUTION.match(line) and SENTENCE_END.search(line)
        sentence = SENTENCE_END.search(line) and len(BULLET.sub("", line).split()) >= 4
        quote = len(line.split()) >= 8 and ATTRIBUTION.match(following)
        if attribution or sentence or quote:
            kept.append(line)
    return kept


def _same(line: str, title: str) -> bool:
    return line.rstrip(" .").casefold() == title.casefold()


def _first_sentence(paragraph: str, limit: int = 30) -> str:
    match = re.match(r"(.+?[.!?])(?:\s|$)", paragraph)
    sentence = match.group(1) if match else paragraph
    words = sentence.split()
    return " ".join(words[:limit]).rstrip(" .") + ("…" if len(words) > limit else "")
