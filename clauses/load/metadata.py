"""Metadata a file does not declare, inferred from its text: title, parties, date, language, kind, duration."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from clauses.grammar import adversaries
from clauses.models import Kind
from clauses.text.markers import NUMBERED_LINE
from clauses.text.numbers import NUMBER_WORDS

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan січня січень января январь",
        "february feb лютого лютий февраля февраль",
        "march mar березня березень марта март",
        "april apr квітня квітень апреля апрель",
        "may травня травень мая май",
        "june jun червня червень июня июнь",
        "july jul липня липень июля июль",
        "august aug серпня серпень августа август",
        "september sep sept вересня вересень сентября сентябрь",
        "october oct жовтня жовтень октября октябрь",
        "november nov листопада листопад ноября ноябрь",
        "december dec грудня грудень декабря декабрь",
    ),
    start=1,
):
    MONTHS.update(dict.fromkeys(_names.split(), _number))

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = (
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(
        rf"\b(?:\d{{1,2}}\s*[-–]\s*)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+day\s+of)?\s+{_MONTH},?\s+"
        r"(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_MONTH}\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<day>\d{{1,2}}))?,?\s+"
        r"(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
)
"""A range ('March 23-25, 2025', '23–25 березня 2025') is dated by its last day, when its text was issued."""
SIGNATURE = re.compile(
    r"^\s*(?:signed|done|endorsed|adopted|concluded|made|"
    r"підписано|вчинено|учинено|складено|подписано|совершено)\b",
    re.IGNORECASE,
)


COUNT_UNIT = re.compile(
    r"(?<![\w'’-])(?P<count>[\w'’]++)(?:\s*\(\s*[\w'’]+\s*\))?(?:\s+|-)(?P<unit>years?|років|роки|рік|лет|года|год)\b",
    re.IGNORECASE,
)
INTRODUCER = re.compile(
    r"(?:\bfor|\bperiod\s+of|\bin\s+force|\bin\s+effect|\bна|\bпротягом|\bтечение)"
    r"(?:\s+(?:a|the|next|period|of|строк|термін|срок))*\s*$",
    re.IGNORECASE,
)
HYPHENATED_TERM = re.compile(r"\s+(?:period|term|agreement|accord)\b", re.IGNORECASE)
VALIDITY = re.compile(r"valid|cover|in\s+effect|in\s+force|operate|remain|чинн|діє|действ", re.IGNORECASE)
AGREEMENT_SUBJECT = re.compile(
    r"agreement|accord|угод|соглашени|^\W*(?:it|this|вона|ця|она|оно)\b", re.IGNORECASE
)

ARTICLE = re.compile(
    r"^(?:#+\s*)?(?:article|стаття|статья|section|розділ|раздел|part)\s+[\dIVXLC]+",
    re.IGNORECASE | re.MULTILINE,
)
STRUCTURAL = re.compile(
    r"^(?:#+\s*)?(?:[IVXLC]+\.?\s+)?(?:preamble|introduction|преамбула|вступ|введение)\b",
    re.IGNORECASE,
)

AGREEMENT_TITLE = re.compile(
    r"^\W*(?:joint\s+|bilateral\s+)?(?:agreement|accord|memorandum|treaty|arrangement|угод[аи]|договір|"
    r"меморандум|соглашени[ея]|договор)\b",
    re.IGNORECASE,
)
"""A title naming the text itself as an agreement: one even if it has fewer than three numbered paragraphs."""
NEWS_VERB = re.compile(
    r"\b(?:signed|reached|agreed|concluded|announced|discussed|will|to be|підписа\w*|уклал\w*|"
    r"обговор\w*|подписа\w*|заключ\w*|обсуд\w*)\b",
    re.IGNORECASE,
)
"""What a headline about an agreement says and the agreement's own title does not."""
DOCUMENT_WORD = re.compile(
    r"^(?:joint\s+|bilateral\s+)?(?:agreement|accord|declaration|statement|memorandum|treaty|communiqu|compact"
    r"|угод|договір|декларац|заява|меморандум|соглашени|договор|заявлени)",
    re.IGNORECASE,
)

# Letters are counted by regex, in runs, not one character at a time in Python: a whole text is read.
CYRILLIC = re.compile("[\u0400-\u04ff]+")
LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")

ACRONYMS = frozenset({"EU", "UK", "U.K.", "US", "U.S.", "USA", "NATO", "G7", "UN"})
SMALL_WORDS = frozenset("of and the for on between in to with а та і й и между між".split())

ADVERSARIES = adversaries()
"""Named in nearly every text as the aggressor or its suppliers: a party only where the title names it."""
ORGANISATIONS = frozenset({"EU", "NATO", "G7"})


def slugify(stem: str) -> str:
    """A file stem as an agreement id: lower case, words joined by '-', dots and underscores kept."""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9._]+", "-", ascii_stem.lower()).strip("-._")
    return slug or "agreement"


class Language(NamedTuple):
    code: str
    name: str
    script: str
    supported: bool
    letters: re.Pattern[str] | None
    words: frozenset[str]


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """The languages the loader can name (``clauses/data/languages.yaml``), by code."""
    import yaml

    from clauses.resources import data_file

    data = yaml.safe_load(data_file("languages.yaml").read_text(encoding="utf-8"))
    return {
        code: Language(
            code,
            entry["name"],
            entry["script"],
            bool(entry.get("supported")),
            re.compile(f"[{re.escape(entry['letters'])}]", re.IGNORECASE) if entry.get("letters") else None,
            frozenset(str(word) for word in entry.get("words", [])),
        )
        for code, entry in data.items()
    }


def script_of(text: str) -> str:
    """'cyrillic' or 'latin', whichever has more letters in the text's first 50,000 characters."""
    sample = text[:50_000]
    cyrillic = sum(map(len, CYRILLIC.findall(sample)))
    latin = sum(map(len, LATIN.findall(sample)))
    return "cyrillic" if cyrillic > latin else "latin"


def detect_language(text: str) -> str:
    """The language code of the text: its script, the letters only one language has, common words."""
    sample = text[:50_000]
    script = script_of(sample)
    words = re.findall(r"\w+", sample.lower())
    best, best_score = ("en" if script == "latin" else "uk"), -1
    for language in languages().values():
        if language.script != script:
            continue
        letters = len(language.letters.findall(sample)) if language.letters else 0
        score = letters + 3 * sum(word in language.words for word in words)
        if score > best_score:
            best, best_score = language.code, score
    return best


def plausible_language(declared: str, text: str) -> bool:
    """False where a declared language is written in another script than the text (a site's
    locale 'ro' on a Russian article); a language the loader cannot name is taken on trust."""
    language = languages().get(declared.lower())
    return language is None or language.script == script_of(text)


def parse_date(text: str) -> dt.date | None:
    """The first well-formed date written in ``text``, in any of the usual forms."""
    found: list[tuple[int, dt.date]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _date_from(match)
            if date:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else None


def _date_from(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    month = int(parts["mon"]) if parts.get("mon") else MONTHS[parts["month"].lower()]
    day = parts.get("day") or parts["first"]
    try:
        return dt.date(int(parts["year"]), month, int(day))
    except ValueError:
        return None


def signing_date(lines: list[str]) -> dt.date | None:
    """The date of the signature line ('Signed in Kyiv on 12 January 2024', 'Done at ... this 13th day of ...')."""
    for line in reversed(lines):
        if SIGNATURE.match(line):
            date = parse_date(line)
            if date:
                return date
    return None


def opening_date(title: str, body: list[str]) -> dt.date | None:
    """The date a statement or news item gives in its title or opening ('On 23 November 2025, ...'):
    the first three paragraphs, and the short lines of a heading block ('March 23-25, 2025')."""
    opening = [text for index, text in enumerate(body[:8]) if index < 3 or len(text.split()) <= 12]
    for text in [title, *opening]:
        date = parse_date(text)
        if date:
            return date
    return None


def duration_years(text: str) -> float | None:
    """How long the agreement runs, from a sentence about its validity ('valid for ten years')."""
    for match in COUNT_UNIT.finditer(text):
        count = match.group("count")
        value = int(count) if count.isdigit() else NUMBER_WORDS.get(count.lower())
        if not value or not _introduced(text, match):
            continue
        if _about_validity(_sentence_around(text, match.start(), match.end())):
            return float(value)
    return None


def _introduced(text: str, match: re.Match[str]) -> bool:
    """'for ten years', 'на десять років', or 'a ten-year period'."""
    if INTRODUCER.search(text, max(0, match.start() - 40), match.start()):
        return True
    hyphenated = text[match.end("count") : match.start("unit")] == "-"
    return hyphenated and HYPHENATED_TERM.match(text, match.end()) is not None


def _sentence_around(text: str, start: int, end: int, reach: int = 1000) -> str:
    """The sentence holding text[start:end], looked for within ``reach`` characters."""
    floor, ceiling = max(0, start - reach), min(len(text), end + reach)
    left = max(text.rfind(stop, floor, start) for stop in (". ", "; ", "! ", "? ", "\n"))
    rights = [i for i in (text.find(stop, end, ceiling) for stop in (". ", "; ", "\n")) if i >= 0]
    return text[max(left + 1, floor) : min(rights, default=ceiling)]


def _about_validity(sentence: str) -> bool:
    return bool(VALIDITY.search(sentence) and AGREEMENT_SUBJECT.search(sentence))


def title_block(paragraphs: list[str], *, headings_only: bool = False) -> tuple[str | None, int]:
    """The title from the first heading-like paragraphs, and how many paragraphs it spans.

    A real title block may span several lines ('AGREEMENT ON ... / BETWEEN / THE UNITED
    KINGDOM ... / AND / UKRAINE'); it ends at the first body paragraph or structural heading.
    In Markdown (``headings_only``) only a leading '# ' heading is a title.
    """
    if headings_only:
        first = paragraphs[0] if paragraphs else ""
        return (first[2:].strip(), 1) if first.startswith("# ") and first[2:].strip() else (None, 0)
    parts: list[str] = []
    for paragraph in paragraphs[:8]:
        text = paragraph.strip()
        if not text or STRUCTURAL.match(text) or ARTICLE.match(text) or not _heading_like(text):
            break
        parts.append(text)
        if not _joins_next(text, parts):
            break
    if not parts:
        return None, 0
    title = " ".join(parts).rstrip(" .:")
    return (title, len(parts)) if title else (None, 0)


def _heading_like(text: str) -> bool:
    """Short, and either without a final stop or opening with a document word ('Agreement ...').

    A title naming its form ('Joint Statement ... by U.S. President Joseph R. Biden, ...') may be
    long and hold initials.
    """
    from clauses.load.documents import kind_of

    if not re.search(r"[.!?;:]$", text) and len(text.split()) <= 60 and kind_of(text):
        return True
    if len(text.split()) > 30 or len(re.findall(r"[.!?](?:\s|$)", text)) > 1:
        return False
    return not re.search(r"[.!?;:]$", text) or bool(DOCUMENT_WORD.match(text))


def _joins_next(text: str, parts: list[str]) -> bool:
    """Whether a title line continues on the next line (all-caps blocks, 'BETWEEN', 'AND')."""
    letters = [ch for ch in text if ch.isalpha()]
    upper = bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8
    return upper and len(parts) < 8


def fallback_title(text: str, limit: int = 12) -> str:
    """The first words of the text, for documents with no heading."""
    words = text.split()
    first = " ".join(words[:limit]).rstrip(",;:")
    return first + ("…" if len(words) > limit else "") if first else "Untitled"


def infer_kind(title: str, text: str, *, news_page: bool, tags: list[str] | tuple[str, ...] = ()) -> Kind:
    """The document's form: a news page, the title's form word, a site's tags, numbered articles."""
    from clauses.load.documents import kind_of

    if news_page:
        return Kind.NEWS
    cued = kind_of(title)
    if cued:
        return cued
    if AGREEMENT_TITLE.match(title) and not NEWS_VERB.search(title):
        return Kind.AGREEMENT
    cued = kind_of("", tags)
    if cued:
        return cued
    if len(NUMBERED_LINE.findall(text)) >= 3 or ARTICLE.search(text):
        return Kind.AGREEMENT
    if any(SIGNATURE.match(line) and parse_date(line) for line in text.splitlines()):
        return Kind.DECLARATION
    return Kind.NEWS


def _unshout(text: str) -> str:
    """An all-capitals title in title case, so that names are found ('UKRAINE' -> 'Ukraine')."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) / len(letters) <= 0.8:
        return text
    return " ".join(_title_word(word) for word in text.split())


def _title_word(word: str) -> str:
    if word in ACRONYMS:
        return word
    lowered = word.lower()
    return lowered if lowered in SMALL_WORDS else word.capitalize()


def infer_parties(title: str, lead: str, body: str = "") -> list[str]:
    """Parties named in the title, else in the lead; countries named often in the body join them.

    Russia and Belarus count only when the title names them: every text mentions the aggressor.
    """
    from clauses.gazetteer import mentions, party_codes

    in_title = party_codes(_unshout(title))
    parties = list(in_title)
    for code in party_codes(lead):
        if (
            code not in parties
            and code not in ADVERSARIES
            and (code not in ORGANISATIONS or len(in_title) < 2)
        ):
            parties.append(code)
    if body:
        counts: dict[str, int] = {}
        for mention in mentions(body):
            counts[mention.code] = counts.get(mention.code, 0) + 1
        for code, count in counts.items():
            if count >= 3 and code not in parties and code not in ADVERSARIES | ORGANISATIONS:
                parties.append(code)
    return parties
