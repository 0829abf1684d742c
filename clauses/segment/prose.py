"""News and statements: headings as context, each paragraph split into sentence units.

Paths read as the text numbers itself: "I.p2.s1" is the first sentence of the second paragraph
under heading "I." (or "ІІ." in Cyrillic letters), "3.s2" the second sentence of point "3. ...",
"p4.s1" the first of the fourth unnumbered paragraph.
"""

from __future__ import annotations

import re

from clauses.models import Clause
from clauses.segment.headings import looks_like_heading
from clauses.segment.lines import HOMOGLYPHS, Line
from clauses.segment.state import Segmentation, make_clause
from clauses.text import markers
from clauses.text.sentences import sentences

_ATTRIBUTION = re.compile(r"^[–—-]\s*\S")


class ProseBuilder:
    """News and statements: headings as context, each paragraph split into sentence units."""

    def __init__(self, agreement_id: str) -> None:
        self.agreement_id = agreement_id
        self.clauses: list[Clause] = []
        self.rest: list[str] = []
        self.trail: list[str] = []
        self.scope = ""
        self.numbered: set[str] = set()
        self.paragraphs: dict[str, int] = {}
        self.used: dict[str, int] = {}

    def run(self, lines: list[Line]) -> Segmentation:
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else None
            if not line.clean:
                self.rest.append(line.raw)
            elif self._is_heading(line, following):
                self.rest.append(line.raw)
                self._enter(line)
            else:
                self._paragraph(line, following)
        return Segmentation(self.clauses, self.rest)

    @staticmethod
    def _is_heading(line: Line, following: Line | None) -> bool:
        if line.md_level:
            return True
        if following is None or _ATTRIBUTION.match(following.clean):
            return False
        # a dateline of a heading block ("in Riyadh, Saudi Arabia") is a heading too
        return looks_like_heading(line.clean, 25) or looks_like_heading(line.clean, 6, capital=False)

    def _enter(self, line: Line) -> None:
        """A heading joins the trail; a numbered one ("I. Security", "ІІ. Економіка", "1. Preamble")
        replaces the numbered heading before it and opens a scope of its own."""
        bare = markers.BARE_ROMAN.match(line.content)
        marker = line.marker if line.kind == "item" else bare.group(1) if bare else ""
        if marker:
            self.scope = marker.translate(HOMOGLYPHS)
            self.trail = [text for text in self.trail if text not in self.numbered]
            self.numbered.add(line.clean)
        self.trail = [*self.trail[:1], line.clean] if self.clauses else [*self.trail, line.clean][-2:]

    def _base(self, line: Line) -> str:
        """The paragraph's own number ("3. We ...": "3"), else its place in the scope ("p2")."""
        if line.kind == "item" and line.style != "({})":
            own = line.marker.translate(HOMOGLYPHS)
        else:
            self.paragraphs[self.scope] = self.paragraphs.get(self.scope, 0) + 1
            own = f"p{self.paragraphs[self.scope]}"
        base = f"{self.scope}.{own}" if self.scope and self.scope != own else own
        self.used[base] = self.used.get(base, 0) + 1
        return base if self.used[base] == 1 else f"{base}~{self.used[base]}"

    def _paragraph(self, line: Line, following: Line | None) -> None:
        self.rest.extend(m for m in line.markup if m in ("**",) or m.startswith("#"))
        base = self._base(line)
        text = line.clean  # a number is kept ("3. We ..."), a bullet is markup; a dash may open a quote
        if line.kind == "bullet" and line.markup and line.markup[-1] not in ("–", "—"):
            text = line.content
            self.rest.append(line.markup[-1])
        quoted = following is not None and _ATTRIBUTION.match(following.clean) is not None
        units = [text] if quoted else sentences(text)
        for number, unit in enumerate(units, start=1):
            path = f"{base}.s{number}"
            self.clauses.append(
                make_clause(f"{self.agreement_id}:{path}", path, list(self.trail), unit, None)
            )
