"""A clause quoted short: the sentence that carries the evidence for a label, cut with an ellipsis.

A paragraph quoted by its first 200 characters often misses the point: "Romania will continue to
support Ukraine ..." stands where the sentence donating the PATRIOT system should. The classifier's
reasons name the cue words behind each category; the excerpt is the sentence (or the part of it
between semicolons) that holds most of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clauses.models import Clause
from clauses.text.sentences import sentence_spans

ELLIPSIS = "…"
_PART_END = re.compile(r";\s+")
_HEADING_CUE = "[heading] "


def evidence(clause: Clause, category: str | None = None) -> list[str]:
    """The cue words behind ``category`` (every category when None), as the classifier's reasons give them."""
    cues: list[str] = []
    for reason in clause.reasons:
        if reason.label in clause.category_ids and (
            category is None or reason.label == category or reason.label.startswith(f"{category}/")
        ):
            cues.extend(
                c.strip() for c in reason.evidence.split(",") if not c.strip().startswith(_HEADING_CUE)
            )
    return [c for c in dict.fromkeys(cues) if c]


def excerpt(text: str, cues: Sequence[str], limit: int) -> str:
    """``text`` whole when it fits in ``limit`` characters; else its part richest in ``cues``, cut around
    the first cue, with an ellipsis wherever text was left out."""
    if len(text) <= limit:
        return text
    start, end = max(_parts(text), key=lambda span: (_hits(text[span[0] : span[1]], cues), -span[0]))
    if end - start > limit:
        start, end = _window(text, start, end, cues, limit)
    return f"{ELLIPSIS} " * (start > 0) + text[start:end].rstrip(" ,;:") + f" {ELLIPSIS}" * (end < len(text))


def _parts(text: str) -> list[tuple[int, int]]:
    """Sentences, and within a sentence the parts between semicolons."""
    parts = []
    for start, end in sentence_spans(text):
        at = start
        for found in _PART_END.finditer(text, start, end):
            parts.append((at, found.start() + 1))
            at = found.end()
        parts.append((at, end))
    return parts


def _hits(piece: str, cues: Sequence[str]) -> int:
    lowered = piece.lower()
    return sum(cue.lower() in lowered for cue in cues)


def _window(text: str, start: int, end: int, cues: Sequence[str], limit: int) -> tuple[int, int]:
    """``limit`` characters of text[start:end] around the first cue, on word boundaries."""
    lowered = text[start:end].lower()
    found = [lowered.find(c.lower()) for c in cues if c.lower() in lowered]
    first = start + min(found) if found else start
    begin = max(start, min(first - limit // 3, end - limit))
    if begin > start:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < first else begin
    stop = min(end, begin + limit)
    if stop < end:
        space = text.rfind(" ", begin, stop)
        stop = space if space > begin else stop
    return begin, stop
