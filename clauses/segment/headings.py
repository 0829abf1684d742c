"""Headings: which lines are titles, topic lines or structural headings, and the stack they form.

A heading never becomes a clause: it is context (``Clause.heading``) and, when numbered, a
component of the paths of the clauses under it (``Part II`` -> ``II``, ``Article 5`` starts afresh)."""

from __future__ import annotations

import re

from clauses.segment.lines import FIRST_MARKERS, HOMOGLYPHS, RANK, Line, is_marker, marker_style, rank_of
from clauses.segment.state import Builder, Heading, Last, Phase
from clauses.text import markers

_KEYWORD = re.compile(
    r"^((?i:part|article|section|chapter|paragraph|annex|appendix|частина|стаття|розділ|пункт|"
    r"глава|додаток|статья|часть|раздел|приложение))\b\s*"
    r"(\d{1,3}|[IVXLCDMІХ]{1,7}\b|[A-Z]\b)?\s*[.:)\-–—]?\s*(.*)$"
)
SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹]")
_VERB_ENDING = re.compile(r"\w(?:тиме|тимуть|ються|ється|ують|юють|ает|яет|ают|яют|ует|уют)\b")

_TERMINAL = ".;:,!?…"
_VERBS = frozenset(
    "will shall may must should can could would is are was were has have had be been "
    "intend intends commit commits agree agrees reaffirm reaffirms recognise recognises "
    "recognize recognizes welcome welcomes underline underlines acknowledge acknowledges "
    "affirm affirms decide decides undertake undertakes provides remains "
    "буде будуть є має мають будет будут является являются".split()
)
_TRAILING_CONNECTORS = frozenset(
    "and or the of to in for with by a an as at on та і й або в у на з із для и или".split()
)
PREAMBLE_WORDS = frozenset("preamble introduction преамбула вступ введение вступление".split())
_KEYWORD_STYLE = {
    "part": "part", "частина": "part", "часть": "part",
    "chapter": "chapter", "глава": "chapter",
    "section": "section", "розділ": "section", "раздел": "section",
    "article": "article", "стаття": "article", "статья": "article",
    "paragraph": "paragraph", "пункт": "paragraph",
    "annex": "annex", "appendix": "annex", "додаток": "annex", "приложение": "annex",
}  # fmt: skip
KEYWORD_STYLES = frozenset(_KEYWORD_STYLE.values())


def looks_like_heading(text: str, max_words: int, *, capital: bool = True) -> bool:
    """A topic line: starts with a capital, no final punctuation, short, no finite verb."""
    text = SUPERSCRIPT.sub("", text).rstrip(' ”"»’)*')
    if not text or text[-1] in _TERMINAL:
        return False
    first = next((ch for ch in text if ch.isalpha()), "")
    if not first or (capital and not first.isupper()):
        return False
    words = text.split()
    if len(words) > max_words or words[-1].lower() in _TRAILING_CONNECTORS:
        return False
    lowered = {w.strip(",()").lower() for w in words}
    return not (lowered & _VERBS) and not _VERB_ENDING.search(text)


def is_title_line(line: Line) -> bool:
    if line.kind not in ("plain", "md") or keyword_heading(line) or markers.BARE_ROMAN.match(line.content):
        return False
    text = line.content
    if text[-1] in _TERMINAL or len(text.split()) > 40:
        return False
    return text.lower().strip(" .") not in PREAMBLE_WORDS


def is_signature_line(line: Line) -> bool:
    words = line.raw.split()
    if line.kind == "footnote" or keyword_heading(line) is not None or len(words) > 16:
        return False
    return not (line.raw.endswith(".") and len(words) > 8)


def keyword_heading(line: Line) -> tuple[str, str] | None:
    """(style, marker) when the line is a structural heading such as "Part II. Defence"."""
    found = _KEYWORD.match(line.clean)
    if not found or not found.group(1)[0].isupper():
        return None
    style = _KEYWORD_STYLE[found.group(1).lower()]
    marker, title = found.group(2) or "", found.group(3).strip()
    if not marker and style != "annex":
        return None
    if title and not looks_like_heading(title, 24, capital=bool(marker)):
        return None
    return style, marker.translate(HOMOGLYPHS)


class Headings(Builder):
    """The heading rules of the agreement builder: the title block, topic lines, the heading stack."""

    def _title(self, line: Line) -> None:
        self.rest.append(line.raw)
        if self.headings:
            self.headings[0].text += " " + line.clean
        else:
            self.headings.append(Heading(line.clean, "title", RANK["title"], None))

    def _heading(self, line: Line, following: Line | None) -> bool:
        keyword = keyword_heading(line)
        if keyword:
            self._push(line, *keyword)
        elif line.kind == "md":
            self._push_markdown(line)
        elif line.kind == "item" and self._is_item_heading(line, following):
            style, marker = marker_style(line.style, line.marker, self._heading_prior())
            self._push(line, style, marker, following=following)
        elif line.kind == "plain" and following is not None and not self._listed_after_colon(following):
            bare = markers.BARE_ROMAN.match(line.content)
            if bare and looks_like_heading(line.content[bare.end() :], 16):
                self._push(line, "roman", bare.group(1).translate(HOMOGLYPHS))
            elif looks_like_heading(line.content, 16):
                self._push(line, "plain", "")
            else:
                return False
        else:
            return False
        return True

    def _push_markdown(self, line: Line) -> None:
        """ "## IV. Sanctions" is a roman heading; "## Sanctions" nests by its number of '#'."""
        found = markers.NUMBER_MARK.match(line.clean) or markers.LETTER_MARK.match(line.clean)
        if found and is_marker(found.group(1)):
            template = "num" + found.group(2) if found.group(1).isdigit() else "{}" + found.group(2)
            self._push(line, *marker_style(template, found.group(1), self._heading_prior()))
        else:
            self._push(line, f"md{line.md_level}", "", rank=10 + line.md_level)

    def _listed_after_colon(self, following: Line) -> bool:
        """After "...:" a short line is a heading only when a paragraph of text follows it."""
        return (
            self.last is Last.INTRO
            and following.kind == "plain"
            and looks_like_heading(following.content, 16)
        )

    def _continues_heading(self, line: Line) -> bool:
        """ "Annex" then "to the Agreement": a lower-case line carrying on the heading above."""
        if self.last is not Last.HEADING or line.kind != "plain" or not line.content[0].islower():
            return False
        if not looks_like_heading(line.content, 12, capital=False):
            return False
        self.rest.append(line.raw)
        self.headings[-1].text += " " + line.clean
        return True

    def _is_item_heading(self, line: Line, following: Line | None) -> bool:
        if following is None or line.style.startswith("(") or line.style == "dotted":
            return False
        if not looks_like_heading(line.content, 25):
            return False
        prior = self._heading_prior()
        style, _ = marker_style(line.style, line.marker, prior)
        if self.last is Last.INTRO and style != "roman.":
            return False
        # "1. Air" "2. Sea" ... in a row are a list of short items, not headings
        return not (
            following.kind == "item"
            and marker_style(following.style, following.marker, prior)[0] == style
            and looks_like_heading(following.content, 25)
        )

    def _heading_prior(self) -> dict[str, str]:
        return {h.style: h.marker for h in self.headings if h.marker}

    def _push(
        self, line: Line, style: str, marker: str, *, rank: int | None = None, following: Line | None = None
    ) -> None:
        """Put a heading on the stack: beside its own kind, under a new list, or up the hierarchy."""
        self.rest.append(line.raw)
        rank = rank_of(style) if rank is None else rank
        component = self._component(style, marker, following)
        if line.content.lower().strip(" .:") in ("preamble", "преамбула"):
            component = None  # "I. Preamble": its recitals are preamble.1, preamble.2 ... as elsewhere
        heading = Heading(line.clean, style, rank, component, marker)
        stack = self.headings
        same = next((i for i, h in enumerate(stack) if h.style == style), None)
        if same is not None:
            del stack[same:]
        elif not (
            style == "plain"
            or (marker in FIRST_MARKERS and rank > RANK["roman"] and style not in KEYWORD_STYLES)
        ):
            while stack and stack[-1].rank >= rank:
                stack.pop()
        stack.append(heading)
        if self.phase is Phase.PREAMBLE and (
            heading.component is not None or line.content.lower().strip(" .:") not in PREAMBLE_WORDS
        ):
            self.phase = Phase.BODY
        self.levels.clear()
        self.intro = None
        self.last = Last.HEADING

    @staticmethod
    def _component(style: str, marker: str, following: Line | None) -> str | None:
        if style == "annex":
            return f"Annex {marker}".strip()
        if not marker:
            return None
        if style == "article":
            return f"Article {marker}"
        if (
            style.startswith("num")
            and following is not None
            and following.kind == "item"
            and following.marker.isdigit()
            and int(following.marker) == int(marker) + 1
        ):
            return None  # "1. Topic" then "2. text": the topic line only heads its siblings
        return marker
