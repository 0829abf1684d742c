"""The agreement builder's state: where in the document it is, what the last line made, what it holds.

The walk over the lines (``agreement.py``) moves through explicit phases instead of mode flags:
the title block, the recitals before the first structural element, the body, and the signature
block (after "Signed in ..." or "For Ukraine: ...", left again at the first line that is no
signature line). ``Last`` says what the previous line made, which decides how the next is read:
after a heading a lower-case line carries it on; after a clause ending in ":" a list follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from clauses.models import Clause

if TYPE_CHECKING:
    from clauses.segment.numbering import Level

ABSOLUTE = ("article", "annex")
"""Heading styles numbered document-wide: their component starts the path afresh."""


class Phase(Enum):
    """Where in the document the builder is."""

    TITLE = "title"  # lines before any clause that look like a title: context, not clauses
    PREAMBLE = "preamble"  # unnumbered paragraphs before the first structural element are recitals
    BODY = "body"
    SIGNATURE = "signature"  # signatories and their titles: kept out of the clauses


class Last(Enum):
    """What the previous line made."""

    NOTHING = "nothing"
    HEADING = "heading"
    CLAUSE = "clause"
    INTRO = "intro"  # a clause ending with ":" (what follows is its list)


@dataclass(frozen=True)
class Segmentation:
    """The clauses of a text, and the rest: every piece of the body that is in no clause text."""

    clauses: list[Clause]
    rest: list[str] = field(default_factory=list)


@dataclass
class Heading:
    text: str
    style: str
    rank: int
    component: str | None
    marker: str = ""


class Builder:
    """What the agreement builder holds while it walks the lines, and how it emits a clause."""

    def __init__(self, agreement_id: str) -> None:
        self.agreement_id = agreement_id
        self.clauses: list[Clause] = []
        self.rest: list[str] = []
        self.headings: list[Heading] = []
        self.levels: list[Level] = []
        self.paths: dict[str, int] = {}
        self.counters: dict[str, int] = {}
        self.phase = Phase.TITLE
        self.resume = Phase.PREAMBLE
        """The phase the signature block returns to."""
        self.last = Last.NOTHING
        self.intro: Clause | None = None
        self.seen: list[str] = []  # line contents so far, searched for a footnote's superscript mark
        self.used_marks: set[str] = set()

    def _scope(self) -> str:
        parts: list[str] = []
        for heading in self.headings:
            if heading.style in ABSOLUTE:
                parts = []
            if heading.component is not None:
                parts.append(heading.component)
        return ".".join(parts)

    def _count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _emit(self, path: str, text: str, parent: str | None) -> Clause:
        path = self._unique(path)
        trail = [h.text for h in self.headings]
        clause = make_clause(f"{self.agreement_id}:{path}", path, trail, text, parent)
        self.clauses.append(clause)
        self.last = Last.INTRO if text.endswith(":") else Last.CLAUSE
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


def make_clause(id_: str, path: str, heading: list[str], text: str, parent: str | None) -> Clause:
    return Clause(id=id_, path=path, heading=heading, text=text, parent=parent)


def join(base: str, own: str) -> str:
    return f"{base}.{own}" if base else own
