"""Agreements: the walk over the lines, one at a time, through the phases of ``state.Phase``.

Each line is, in this order: blank or markup (kept in the rest), a signature line (while in the
signature block), part of the title block, a heading (``headings``), a signatory line opening the
signature block, or a clause: a footnote, a list item (``numbering``) or a paragraph.
"""

from __future__ import annotations

import re

from clauses.segment.headings import Headings, is_signature_line, is_title_line
from clauses.segment.lines import Line, take_marker
from clauses.segment.numbering import Numbering
from clauses.segment.state import Phase, Segmentation

_CLOSING = re.compile(
    r"^(signed|done|endorsed|підписано|вчинено|учинено|подписано|совершено)\b", re.IGNORECASE
)
_SIGNATORY = re.compile(r"^(?:[•·-]\s*)?(for|за|от|від)\s+\S", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(?=\S)")
_SUPERSCRIPT_OF = dict(zip("123456789", "¹²³⁴⁵⁶⁷⁸⁹", strict=True))


class AgreementBuilder(Headings, Numbering):
    """Walks the parsed lines once, keeping a heading stack and a stack of open list levels."""

    def run(self, lines: list[Line]) -> Segmentation:
        for index, line in enumerate(lines):
            self._line(line, lines[index + 1] if index + 1 < len(lines) else None)
        return Segmentation(self.clauses, self.rest)

    def _line(self, line: Line, following: Line | None) -> None:
        self.seen.append(line.content)
        if not line.content:
            self.rest.append(line.raw)
            return
        if self.phase is Phase.SIGNATURE:
            if is_signature_line(line):
                self.rest.append(line.raw)
                return
            self.phase = self.resume
        if self.phase is Phase.TITLE:
            if not self.clauses and following is not None and is_title_line(line):
                self._title(line)
                return
            self.phase = Phase.PREAMBLE
        if self._continues_heading(line) or self._heading(line, following) or self._signatory(line):
            return
        self._clause(line)
        if line.kind == "plain" and _CLOSING.match(line.content):
            self._open_signature()

    def _open_signature(self) -> None:
        self.phase, self.resume = Phase.SIGNATURE, self.phase

    def _signatory(self, line: Line) -> bool:
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
        self._open_signature()
        return True

    def _clause(self, line: Line) -> None:
        if line.kind == "plain" and self._footnote_number(line):
            line.kind = "footnote"
        self.rest.extend(line.markup)
        if line.kind == "footnote":
            self._emit(f"fn{line.marker}", line.content, None)
        elif line.kind in ("item", "bullet"):
            self._item(line)
        else:
            self._paragraph(line)

    def _footnote_number(self, line: Line) -> bool:
        """ "1 Text" after a superscript ¹ earlier in the text is the footnote it marks."""
        found = _BARE_NUMBER.match(line.content)
        mark = _SUPERSCRIPT_OF.get(found.group(1), "") if found else ""
        if not mark or mark in self.used_marks or not any(mark in seen for seen in self.seen[:-1]):
            return False
        self.used_marks.add(mark)
        take_marker(line, found)
        line.marker = found.group(1)
        return True

    def _paragraph(self, line: Line) -> None:
        scope = self._scope()
        if self.phase is Phase.PREAMBLE and not scope:
            path = f"preamble.{self._count('preamble')}"
        else:
            path = f"{scope}.p{self._count(scope)}" if scope else f"p{self._count('')}"
        clause = self._emit(path, line.content, None)
        if clause.text.endswith(":"):
            self.levels.clear()
            self.intro = clause
        else:
            self.intro = None
