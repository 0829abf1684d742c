"""Agreements for the diff tests: hand-made ones without the loader or the classifier, and real corpus texts.

One clause per paragraph line; heading lines (short, no closing punctuation) are context, not clauses;
the path is "<section>.<list number>" or "<section>.p<k>" for an unnumbered paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from clauses.models import Agreement, Clause, Strength

_NUMBER = re.compile(r"^\s*\(?([0-9]{1,3}|[a-z])[.)]\s+")
_STRENGTHS = (
    (
        re.compile(r"\b(intends? to|will seek to|aims? to|plans? to|will consider|will explore)\b", re.I),
        Strength.INTENT,
    ),
    (re.compile(r"\b(shall|will|undertakes? to|commits? to)\b", re.I), Strength.FIRM),
    (re.compile(r"\b(supports?|welcomes?|recognises?|reaffirms?)\b", re.I), Strength.SUPPORT),
    (re.compile(r"\b(may|could|should)\b", re.I), Strength.OPTIONAL),
)


def is_heading(line: str) -> bool:
    return (
        not _NUMBER.match(line)
        and len(line.split()) <= 12
        and not line.rstrip().endswith((".", ";", ":", ","))
    )


def rough_strength(text: str) -> Strength:
    """A crude stand-in for the classifier: the first modal family found, in the taxonomy's order."""
    for pattern, strength in _STRENGTHS:
        if pattern.search(text):
            return strength
    return Strength.NONE


def agreement_from_text(text: str, agreement_id: str) -> Agreement:
    clauses: list[Clause] = []
    section, unnumbered = 0, 0
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if is_heading(line):
            section += 1 if clauses else 0
            continue
        number = _NUMBER.match(line)
        if number:
            path = f"{section}.{number.group(1)}"
        else:
            unnumbered += 1
            path = f"{section}.p{unnumbered}"
        while any(c.path == path for c in clauses):
            path += "'"
        clauses.append(
            Clause(id=f"{agreement_id}:{path}", path=path, text=line, strength=rough_strength(line))
        )
    return Agreement(id=agreement_id, title=agreement_id, clauses=clauses)


def corpus_agreement(shared: Path, slug: str) -> Agreement:
    """A corpus text through the real loader, segmenter and classifier."""
    from clauses.pipeline import analyze_file

    return analyze_file(shared / "corpus" / f"{slug}.txt")
