"""Segmentation: normalised text -> clauses numbered as the document numbers them.

Input is the loaders' normalised text: one paragraph per line, blank lines
between paragraphs, list markers kept at the start of a line, optional
Markdown (``#`` headings, ``- `` bullets, ``**bold**``).

Path scheme (README "Clause paths"):

- Structural headings give path components: ``Part II`` -> ``II``,
  ``Paragraph 6`` / ``Пункт 6`` -> ``6``, a roman heading ``IV.`` -> ``IV``,
  a letter heading ``D.`` -> ``D``, a numbered topic line ``1. Predictable
  supply`` -> ``1``. ``Article 5`` / ``Стаття 5`` / ``Статья 5`` -> ``Article 5``
  and ``Annex`` start the path afresh (articles are numbered document-wide).
- Numbered items add their own marker (``II.5``, ``II.5.a``, ``3.b.ii``);
  bullets add a positional marker ``•1``, ``•2`` ...
- Unnumbered paragraphs get ``<scope>.p<k>`` (``k`` counts within the scope);
  before the first structural element they are recitals ``preamble.<k>``.
- Footnotes are ``fn<n>``; prose sentence units are ``p<paragraph>.s<sentence>``.
- A path met twice (a document restarting its numbering under an unnumbered
  heading) gets ``~2``, ``~3`` ... in order of appearance.

Headings (title block included) are context in ``Clause.heading``; the
signature block after the "Signed in ..." clause is skipped. Nothing is lost:
``segment_with_rest`` returns, beside the clauses, every piece of the body
that is in no clause text (headings, signature lines, list markers, markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clauses.errors import ClausesError
from clauses.models import Clause
from clauses.text import markers
from clauses.text.sentences import sentences

# --- line patterns (compiled once: the whole corpus segments in a few tens of ms) ---

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_FOOTNOTE = re.compile(r"^\[(\d{1,3})\]\s*")
_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(?=\S)")
_KEYWORD = re.compile(
    r"^((?i:part|article|section|chapter|paragraph|annex|appendix|частина|стаття|розділ|пункт|"
    r"глава|додаток|статья|часть|раздел|приложение))\b\s*"
    r"(\d{1,3}|[IVXLCDMІХ]{1,7}\b|[A-Z]\b)?\s*[.:)\-–—]?\s*(.*)$"
)
_ROMAN = re.compile(r"^(?=[ivxlcdm])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_CLOSING = re.compile(
    r"^(signed|done|endorsed|підписано|вчинено|учинено|подписано|совершено)\b", re.IGNORECASE
)
_SIGNATORY = re.compile(r"^(?:[•·-]\s*)?(for|за|от|від)\s+\S", re.IGNORECASE)
_BOLD = re.compile(r"\*\*")
_SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹]")
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
_PREAMBLE_WORDS = frozenset("preamble introduction преамбула вступ введение вступление".split())
_KEYWORD_STYLE = {
    "part": "part", "частина": "part", "часть": "part",
    "chapter": "chapter", "глава": "chapter",
    "section": "section", "розділ": "section", "раздел": "section",
    "article": "article", "стаття": "article", "статья": "article",
    "paragraph": "paragraph", "пункт": "paragraph",
    "annex": "annex", "appendix": "annex", "додаток": "annex", "приложение": "annex",
}  # fmt: skip
_RANK = {
    "title": -1, "annex": 0, "part": 1, "chapter": 2, "section": 3, "roman": 4,
    "article": 5, "paragraph": 6, "ALPHA": 7, "num": 8, "alpha": 9, "roman-lower": 10,
    "plain": 20,
}  # fmt: skip
_ABSOLUTE = ("article", "annex")
_KEYWORD_STYLES = frozenset(_KEYWORD_STYLE.values())
_FIRST_MARKERS = frozenset({"1", "A", "a", "I", "i"})
_HOMOGLYPHS = str.maketrans("АВСЕНІКМОРТХаеорсхі", "ABCEHIKMOPTXaeopcxi")
_BULLET_STYLE = {"•": "•", "●": "•", "▪": "•", "∙": "•", "·": "•", "‣": "•", "*": "*"}
_BULLET_STYLE.update({"-": "-", "–": "-", "—": "-", "−": "-", "o": "o", "◦": "o"})


@dataclass(frozen=True)
class Segmentation:
    """The clauses of a text, and the rest: every piece of the body that is in no clause text."""

    clauses: list[Clause]
    rest: list[str] = field(default_factory=list)


@dataclass
class _Line:
    """One non-empty line, parsed: its marker (if any), its content and the markup around it."""

    raw: str
    clean: str  # without Markdown markup: what a heading trail shows
    content: str  # without markup and list marker: what a clause text holds
    markup: list[str]
    kind: str = "plain"  # plain | md | item | bullet | footnote
    style: str = "plain"
    marker: str = ""
    md_level: int = 0


@dataclass
class _Heading:
    text: str
    style: str
    rank: int
    component: str | None
    marker: str = ""


@dataclass
class _Level:
    """One open list level: its style, last marker, and where its items hang."""

    style: str
    marker: str
    path: str
    clause_id: str
    list_parent: str | None
    base: str
    count: int = 1
    sub_parent: str | None = None


def segment(text: str, agreement_id: str, *, prose: bool = False) -> list[Clause]:
    """Split normalised text into clauses (sentence units when ``prose``)."""
    return segment_with_rest(text, agreement_id, prose=prose).clauses


def segment_with_rest(text: str, agreement_id: str, *, prose: bool = False) -> Segmentation:
    """Like ``segment``, also returning what no clause holds (headings, signatures, markers)."""
    if not isinstance(text, str):
        raise ClausesError(f"text to segment must be str, not {type(text).__name__}")
    if not agreement_id or any(ch.isspace() or ch == ":" for ch in agreement_id):
        raise ClausesError(f"agreement id must be a slug without spaces or ':', got {agreement_id!r}")
    lines = [_parse(raw) for raw in (line.strip() for line in text.splitlines()) if raw]
    builder = _ProseBuilder(agreement_id) if prose else _Builder(agreement_id)
    return builder.run(lines)


# --- parsing one line ---------------------------------------------------------------


def _parse(raw: str) -> _Line:
    markup: list[str] = []
    body = raw
    md = _MD_HEADING.match(body)
    if md:
        markup.append(md.group(1))
        body = md.group(2).strip()
    if "**" in body:
        markup.extend(_BOLD.findall(body))
        body = _BOLD.sub("", body).strip()
    line = _Line(raw, body, body, markup, md_level=len(md.group(1)) if md else 0)
    if line.md_level:
        line.kind = "md"
    elif body:
        _parse_marker(line)
    return line


def _parse_marker(line: _Line) -> None:
    bullet = markers.BULLET.match(line.content)
    if bullet:
        _strip(line, bullet)
        line.kind, line.style = "bullet", "bullet" + _BULLET_STYLE[bullet.group(1)]
        paren = markers.PAREN.match(line.content)
        if paren:  # "• (i) ...": Word's bullet before the document's own marker
            _set_item(line, paren, "({})")
        return
    footnote = _FOOTNOTE.match(line.content)
    if footnote:
        _strip(line, footnote)
        line.kind, line.style, line.marker = "footnote", "footnote", footnote.group(1)
        return
    number = markers.NUMBER_MARK.match(line.content)
    if number:
        _set_item(line, number, "num" + number.group(2))
        paren = markers.PAREN.match(line.content)
        if paren:  # "1. (A) ...": Word's list number before the document's own marker
            _set_item(line, paren, "({})")
        return
    paren = markers.PAREN.match(line.content)
    if paren:
        _set_item(line, paren, "({})")
        return
    dotted = markers.DOTTED_MARK.match(line.content)
    if dotted:
        _set_item(line, dotted, "dotted")
        return
    letter = markers.LETTER_MARK.match(line.content)
    if letter and _is_marker(letter.group(1)):
        _set_item(line, letter, "{}" + letter.group(2))


def _is_marker(text: str) -> bool:
    """A letter, or a roman numeral written in one case ("iv", "XII"; not "Mix")."""
    if len(text) == 1:
        return True
    return (text.isupper() or text.islower()) and bool(_ROMAN.match(text.translate(_HOMOGLYPHS).lower()))


def _strip(line: _Line, found: re.Match[str]) -> None:
    line.markup.append(found.group(0).strip())
    line.content = line.content[found.end() :].strip()


def _set_item(line: _Line, found: re.Match[str], style: str) -> None:
    _strip(line, found)
    line.kind, line.style, line.marker = "item", style, found.group(1)


def _marker_style(style: str, marker: str, prior: dict[str, str]) -> tuple[str, str]:
    """Name a marker's style ("num.", "alpha)", "(roman)", ...) and normalise the marker.

    ``prior`` maps a style to its last marker, so "I." after "H." is a letter
    and "(i)" after "(h)" too; otherwise "I", "V", "X" (any case) are roman.
    """
    if "{}" not in style:
        return style, marker
    latin = marker.translate(_HOMOGLYPHS)
    if latin.isdigit():
        return style.format("num"), latin
    letter = style.format("alpha" if latin.islower() else "ALPHA")
    if not _ROMAN.match(latin.lower()):
        return letter, latin if len(latin) == 1 else marker
    previous = prior.get(letter, "")
    if len(latin) == 1 and (
        len(previous) == 1 and ord(previous) == ord(latin) - 1 or latin.lower() not in "ivx"
    ):
        return letter, latin
    return style.format("roman-lower" if latin.islower() else "roman"), latin


def _rank(style: str) -> int:
    bare = style.replace("(", "").replace(")", "").replace(".", "")
    return _RANK.get(bare, 11)


# --- heading tests ---------------------------------------------------------------------


def _looks_like_heading(text: str, max_words: int, *, capital: bool = True) -> bool:
    """A topic line: starts with a capital, no final punctuation, short, no finite verb."""
    text = _SUPERSCRIPT.sub("", text).rstrip(' ”"»’)*')
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


def _is_title_line(line: _Line) -> bool:
    if line.kind not in ("plain", "md") or _keyword_heading(line) or markers.BARE_ROMAN.match(line.content):
        return False
    text = line.content
    if text[-1] in _TERMINAL or len(text.split()) > 40:
        return False
    return text.lower().strip(" .") not in _PREAMBLE_WORDS


def _is_signature_line(line: _Line) -> bool:
    words = line.raw.split()
    if line.kind == "footnote" or _keyword_heading(line) is not None or len(words) > 16:
        return False
    return not (line.raw.endswith(".") and len(words) > 8)


def _keyword_heading(line: _Line) -> tuple[str, str] | None:
    """(style, marker) when the line is a structural heading such as "Part II. Defence"."""
    found = _KEYWORD.match(line.clean)
    if not found or not found.group(1)[0].isupper():
        return None
    style = _KEYWORD_STYLE[found.group(1).lower()]
    marker, title = found.group(2) or "", found.group(3).strip()
    if not marker and style != "annex":
        return None
    if title and not _looks_like_heading(title, 24, capital=bool(marker)):
        return None
    return style, marker.translate(_HOMOGLYPHS)


# --- agreements ---------------------------------------------------------------------------


class _Builder:
    """Walks the parsed lines once, keeping a heading stack and a stack of open list levels."""

    def __init__(self, agreement_id: str) -> None:
        self.agreement_id = agreement_id
        self.clauses: list[Clause] = []
        self.rest: list[str] = []
        self.headings: list[_Heading] = []
        self.levels: list[_Level] = []
        self.paths: dict[str, int] = {}
        self.counters: dict[str, int] = {}
        self.in_preamble = True
        self.in_title = True
        self.in_signature = False
        self.after_colon = False
        self.last_was_heading = False
        self.intro: Clause | None = None
        self.seen: list[str] = []  # line contents so far, searched for a footnote's superscript mark
        self.used_marks: set[str] = set()

    def run(self, lines: list[_Line]) -> Segmentation:
        for index, line in enumerate(lines):
            self._line(line, lines[index + 1] if index + 1 < len(lines) else None)
        return Segmentation(self.clauses, self.rest)

    def _line(self, line: _Line, following: _Line | None) -> None:
        self.seen.append(line.content)
        if not line.content:
            self.rest.append(line.raw)
            return
        if self.in_signature:
            if _is_signature_line(line):
                self.rest.append(line.raw)
                return
            self.in_signature = False
        if self.in_title and not self.clauses and following is not None and _is_title_line(line):
            self._title(line)
            return
        self.in_title = False
        if self._continues_heading(line) or self._heading(line, following) or self._signatory(line):
            return
        self._clause(line)
        if line.kind == "plain" and _CLOSING.match(line.content):
            self.in_signature = True

    def _signatory(self, line: _Line) -> bool:
        """A "For Ukraine: ..." line opens the signature block even without a "Signed in" line."""
        found = _SIGNATORY.match(line.raw)
        if not found or ":" not in line.raw or line.raw.endswith("."):
            return False
        named = line.raw[found.end() - 1 :].removeprefix("the ").removeprefix("The ")
        if not named[:1].isupper():  # "For its part, ...:" opens a list, not a signature
            return False
        before, _, after = line.raw.partition(":")
        if len(before.split()) > 6 or len(after.split()) > 8:
            return False
        self.rest.append(line.raw)
        self.in_signature = True
        return True

    def _title(self, line: _Line) -> None:
        self.rest.append(line.raw)
        if self.headings:
            self.headings[0].text += " " + line.clean
        else:
            self.headings.append(_Heading(line.clean, "title", _RANK["title"], None))

    # headings

    def _heading(self, line: _Line, following: _Line | None) -> bool:
        keyword = _keyword_heading(line)
        if keyword:
            self._push(line, *keyword)
        elif line.kind == "md":
            self._push_markdown(line)
        elif line.kind == "item" and self._is_item_heading(line, following):
            style, marker = _marker_style(line.style, line.marker, self._heading_prior())
            self._push(line, style, marker, following=following)
        elif line.kind == "plain" and following is not None and not self._listed_after_colon(following):
            bare = markers.BARE_ROMAN.match(line.content)
            if bare and _looks_like_heading(line.content[bare.end() :], 16):
                self._push(line, "roman", bare.group(1).translate(_HOMOGLYPHS))
            elif _looks_like_heading(line.content, 16):
                self._push(line, "plain", "")
            else:
                return False
        else:
            return False
        return True

    def _push_markdown(self, line: _Line) -> None:
        """ "## IV. Sanctions" is a roman heading; "## Sanctions" nests by its number of '#'."""
        found = markers.NUMBER_MARK.match(line.clean) or markers.LETTER_MARK.match(line.clean)
        if found and _is_marker(found.group(1)):
            template = "num" + found.group(2) if found.group(1).isdigit() else "{}" + found.group(2)
            self._push(line, *_marker_style(template, found.group(1), self._heading_prior()))
        else:
            self._push(line, f"md{line.md_level}", "", rank=10 + line.md_level)

    def _listed_after_colon(self, following: _Line) -> bool:
        """After "...:" a short line is a heading only when a paragraph of text follows it."""
        return self.after_colon and following.kind == "plain" and _looks_like_heading(following.content, 16)

    def _continues_heading(self, line: _Line) -> bool:
        """ "Annex" then "to the Agreement": a lower-case line carrying on the heading above."""
        if not self.last_was_heading or line.kind != "plain" or not line.content[0].islower():
            return False
        if not _looks_like_heading(line.content, 12, capital=False):
            return False
        self.rest.append(line.raw)
        self.headings[-1].text += " " + line.clean
        return True

    def _is_item_heading(self, line: _Line, following: _Line | None) -> bool:
        if following is None or line.style.startswith("(") or line.style == "dotted":
            return False
        if not _looks_like_heading(line.content, 25):
            return False
        prior = self._heading_prior()
        style, _ = _marker_style(line.style, line.marker, prior)
        if self.after_colon and style != "roman.":
            return False
        # "1. Air" "2. Sea" ... in a row are a list of short items, not headings
        return not (
            following.kind == "item"
            and _marker_style(following.style, following.marker, prior)[0] == style
            and _looks_like_heading(following.content, 25)
        )

    def _heading_prior(self) -> dict[str, str]:
        return {h.style: h.marker for h in self.headings if h.marker}

    def _push(
        self, line: _Line, style: str, marker: str, *, rank: int | None = None, following: _Line | None = None
    ) -> None:
        """Put a heading on the stack: beside its own kind, under a new list, or up the hierarchy."""
        self.rest.append(line.raw)
        rank = _rank(style) if rank is None else rank
        component = self._component(style, marker, following)
        if line.content.lower().strip(" .:") in ("preamble", "преамбула"):
            component = None  # "I. Preamble": its recitals are preamble.1, preamble.2 ... as elsewhere
        heading = _Heading(line.clean, style, rank, component, marker)
        stack = self.headings
        same = next((i for i, h in enumerate(stack) if h.style == style), None)
        if same is not None:
            del stack[same:]
        elif not (
            style == "plain"
            or (marker in _FIRST_MARKERS and rank > _RANK["roman"] and style not in _KEYWORD_STYLES)
        ):
            while stack and stack[-1].rank >= rank:
                stack.pop()
        stack.append(heading)
        if heading.component is not None or line.content.lower().strip(" .:") not in _PREAMBLE_WORDS:
            self.in_preamble = False
        self.levels.clear()
        self.intro = None
        self.after_colon = False
        self.last_was_heading = True

    @staticmethod
    def _component(style: str, marker: str, following: _Line | None) -> str | None:
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

    def _scope(self) -> str:
        parts: list[str] = []
        for heading in self.headings:
            if heading.style in _ABSOLUTE:
                parts = []
            if heading.component is not None:
                parts.append(heading.component)
        return ".".join(parts)

    # clauses

    def _clause(self, line: _Line) -> None:
        if line.kind == "plain" and self._footnote_number(line):
            line.kind = "footnote"
        self.rest.extend(line.markup)
        if line.kind == "footnote":
            self._emit(f"fn{line.marker}", line.content, None)
        elif line.kind in ("item", "bullet"):
            self._item(line)
        else:
            self._paragraph(line)

    def _footnote_number(self, line: _Line) -> bool:
        """ "1 Text" after a superscript ¹ earlier in the text is the footnote it marks."""
        found = _BARE_NUMBER.match(line.content)
        mark = _SUPERSCRIPT_OF.get(found.group(1), "") if found else ""
        if not mark or mark in self.used_marks or not any(mark in seen for seen in self.seen[:-1]):
            return False
        self.used_marks.add(mark)
        _strip(line, found)
        line.marker = found.group(1)
        return True

    def _paragraph(self, line: _Line) -> None:
        scope = self._scope()
        if self.in_preamble and not scope:
            path = f"preamble.{self._count('preamble')}"
        else:
            path = f"{scope}.p{self._count(scope)}" if scope else f"p{self._count('')}"
        clause = self._emit(path, line.content, None)
        if clause.text.endswith(":"):
            self.levels.clear()
            self.intro = clause
        else:
            self.intro = None

    def _count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _item(self, line: _Line) -> None:
        self.in_preamble = False
        style, marker = line.style, ""
        if line.kind == "item":
            style, marker = _marker_style(
                line.style, line.marker, {lv.style: lv.marker for lv in self.levels}
            )
        if not self.levels:
            self._close_numbered_heading(style, marker)
        same = self._matching_level(style, marker)
        if same is None:
            self._child(line, style, marker)
        else:
            self._sibling(line, same, marker)
        self.intro = None

    def _matching_level(self, style: str, marker: str) -> int | None:
        """The open level this item continues: the one ending in its predecessor, else the innermost
        of its style. A list restarting at "1" right after an item ending with ":" nests under it."""
        same = [i for i, level in enumerate(self.levels) if level.style == style]
        if not same:
            return None
        previous = self.clauses[-1]
        if (
            marker in _FIRST_MARKERS
            and previous.text.endswith(":")
            and previous.id == self.levels[-1].clause_id
        ):
            return None
        for index in reversed(same):
            if _follows(self.levels[index].marker, marker):
                return index
        return same[-1]

    def _close_numbered_heading(self, style: str, marker: str) -> None:
        """ "21. Intelligence" (a heading) then "22. Cyber: ..." (a clause): 22 leaves heading 21."""
        for index in range(len(self.headings) - 1, -1, -1):
            heading = self.headings[index]
            if heading.style == style and heading.component is not None and _follows(heading.marker, marker):
                del self.headings[index:]
                return

    def _sibling(self, line: _Line, index: int, marker: str) -> None:
        del self.levels[index + 1 :]
        level = self.levels[index]
        level.count += 1
        previous = self.clauses[-1]
        starts_lower = line.content[:1].islower()
        if previous.id == level.clause_id and previous.text.endswith(":") and starts_lower:
            level.sub_parent = previous.id  # "3. ... to:" then "4. will ...": 4 continues 3
        elif not starts_lower:
            level.sub_parent = None
        path = _join(level.base, marker or f"•{level.count}")
        clause = self._emit(path, line.content, level.sub_parent or level.list_parent)
        level.marker, level.path, level.clause_id = marker, clause.path, clause.id

    def _child(self, line: _Line, style: str, marker: str) -> None:
        if self.levels:
            base, parent = self.levels[-1].path, self.levels[-1].clause_id
        elif self.intro is not None:
            parent = self.intro.id
            base = self.intro.path if line.kind == "bullet" else self._scope()
        else:
            base, parent = self._scope(), None
        if style == "dotted":
            base = self._scope()
        clause = self._emit(_join(base, marker or "•1"), line.content, parent)
        self.levels.append(_Level(style, marker, clause.path, clause.id, parent, base))

    def _emit(self, path: str, text: str, parent: str | None) -> Clause:
        path = self._unique(path)
        trail = [h.text for h in self.headings]
        clause = _clause(f"{self.agreement_id}:{path}", path, trail, text, parent)
        self.clauses.append(clause)
        self.after_colon = text.endswith(":")
        self.last_was_heading = False
        return clause

    def _unique(self, path: str) -> str:
        """The path itself the first time, then path~2, path~3 ... (documents restart numbering)."""
        seen = self.paths.get(path, 0)
        self.paths[path] = seen + 1
        candidate, n = path, seen
        while candidate in self.paths and (candidate != path or seen):
            n += 1
            candidate = f"{path}~{n}"
        self.paths.setdefault(candidate, 1)
        return candidate


def _clause(id_: str, path: str, heading: list[str], text: str, parent: str | None) -> Clause:
    return Clause(id=id_, path=path, heading=heading, text=text, parent=parent)


def _follows(previous: str, marker: str) -> bool:
    if previous.isdigit() and marker.isdigit():
        return int(marker) == int(previous) + 1
    return len(previous) == len(marker) == 1 and ord(marker) == ord(previous) + 1


def _join(base: str, own: str) -> str:
    return f"{base}.{own}" if base else own


_SUPERSCRIPT_OF = dict(zip("123456789", "¹²³⁴⁵⁶⁷⁸⁹", strict=True))


# --- prose (news, statements) -------------------------------------------------------------

_ATTRIBUTION = re.compile(r"^[–—-]\s*\S")


class _ProseBuilder:
    """News and statements: headings as context, each paragraph split into sentence units."""

    def __init__(self, agreement_id: str) -> None:
        self.agreement_id = agreement_id
        self.clauses: list[Clause] = []
        self.rest: list[str] = []
        self.trail: list[str] = []
        self.paragraphs = 0

    def run(self, lines: list[_Line]) -> Segmentation:
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else None
            if not line.clean:
                self.rest.append(line.raw)
            elif self._is_heading(line, following):
                self.rest.append(line.raw)
                self.trail = [*self.trail[:1], line.clean] if self.clauses else [*self.trail, line.clean][-2:]
            else:
                self._paragraph(line, following)
        return Segmentation(self.clauses, self.rest)

    @staticmethod
    def _is_heading(line: _Line, following: _Line | None) -> bool:
        if line.md_level:
            return True
        if following is None or _ATTRIBUTION.match(following.clean):
            return False
        return _looks_like_heading(line.clean, 25)

    def _paragraph(self, line: _Line, following: _Line | None) -> None:
        self.rest.extend(m for m in line.markup if m in ("**",) or m.startswith("#"))
        self.paragraphs += 1
        quoted = following is not None and _ATTRIBUTION.match(following.clean) is not None
        units = [line.clean] if quoted else sentences(line.clean)
        for number, unit in enumerate(units, start=1):
            path = f"p{self.paragraphs}.s{number}"
            self.clauses.append(_clause(f"{self.agreement_id}:{path}", path, list(self.trail), unit, None))
