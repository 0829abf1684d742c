"""Numbered and bulleted items: the open list levels, and the path each item takes in them."""

from __future__ import annotations

from dataclasses import dataclass

from clauses.segment.lines import FIRST_MARKERS, Line, marker_style
from clauses.segment.state import Builder, Phase, join


@dataclass
class Level:
    """One open list level: its style, last marker, and where its items hang."""

    style: str
    marker: str
    path: str
    clause_id: str
    list_parent: str | None
    base: str
    count: int = 1
    sub_parent: str | None = None


class Numbering(Builder):
    """The list rules of the agreement builder: an item continues an open level or opens one."""

    def _item(self, line: Line) -> None:
        self.phase = Phase.BODY
        style, marker = line.style, ""
        if line.kind == "item":
            style, marker = marker_style(line.style, line.marker, {lv.style: lv.marker for lv in self.levels})
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
            marker in FIRST_MARKERS
            and previous.text.endswith(":")
            and previous.id == self.levels[-1].clause_id
        ):
            return None
        for index in reversed(same):
            if follows(self.levels[index].marker, marker):
                return index
        return same[-1]

    def _close_numbered_heading(self, style: str, marker: str) -> None:
        """ "21. Intelligence" (a heading) then "22. Cyber: ..." (a clause): 22 leaves heading 21."""
        for index in range(len(self.headings) - 1, -1, -1):
            heading = self.headings[index]
            if heading.style == style and heading.component is not None and follows(heading.marker, marker):
                del self.headings[index:]
                return

    def _sibling(self, line: Line, index: int, marker: str) -> None:
        del self.levels[index + 1 :]
        level = self.levels[index]
        level.count += 1
        previous = self.clauses[-1]
        starts_lower = line.content[:1].islower()
        if previous.id == level.clause_id and previous.text.endswith(":") and starts_lower:
            level.sub_parent = previous.id  # "3. ... to:" then "4. will ...": 4 continues 3
        elif not starts_lower:
            level.sub_parent = None
        path = join(level.base, marker or f"•{level.count}")
        clause = self._emit(path, line.content, level.sub_parent or level.list_parent)
        level.marker, level.path, level.clause_id = marker, clause.path, clause.id

    def _child(self, line: Line, style: str, marker: str) -> None:
        if self.levels:
            base, parent = self.levels[-1].path, self.levels[-1].clause_id
        elif self.intro is not None:
            parent = self.intro.id
            base = self.intro.path if line.kind == "bullet" else self._scope()
        else:
            base, parent = self._scope(), None
        if style == "dotted":
            base = self._scope()
        clause = self._emit(join(base, marker or "•1"), line.content, parent)
        self.levels.append(Level(style, marker, clause.path, clause.id, parent, base))


def follows(previous: str, marker: str) -> bool:
    if previous.isdigit() and marker.isdigit():
        return int(marker) == int(previous) + 1
    return len(previous) == len(marker) == 1 and ord(marker) == ord(previous) + 1
