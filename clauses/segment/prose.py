"""News and statements: headings as context, each paragraph split into sentence units (``p3.s2``)."""

from __future__ import annotations

import re

from clauses.models import Clause
from clauses.segment.headings import looks_like_heading
from clauses.segment.lines import Line
from clauses.segment.state import Segmentation, make_clause
from clauses.text.sentences import sentences

_ATTRIBUTION = re.compile(r"^[–—-]\s*\S")


class ProseBuilder:
    """News and statements: headings as context, each paragraph split into sentence units."""

    def __init__(self, agreement_id: str) -> None:
        self.agreement_id = agreement_id
        self.clauses: list[Clause] = []
        self.rest: list[str] = []
        self.trail: list[str] = []
        self.paragraphs = 0

    def run(self, lines: list[Line]) -> Segmentation:
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
    def _is_heading(line: Line, following: Line | None) -> bool:
        if line.md_level:
            return True
        if following is None or _ATTRIBUTION.match(following.clean):
            return False
        return looks_like_heading(line.clean, 25)

    def _paragraph(self, line: Line, following: Line | None) -> None:
        self.rest.extend(m for m in line.markup if m in ("**",) or m.startswith("#"))
        self.paragraphs += 1
        quoted = following is not None and _ATTRIBUTION.match(following.clean) is not None
        units = [line.clean] if quoted else sentences(line.clean)
        for number, unit in enumerate(units, start=1):
            path = f"p{self.paragraphs}.s{number}"
            self.clauses.append(
                make_clause(f"{self.agreement_id}:{path}", path, list(self.trail), unit, None)
            )
