"""Whether a commitment verb is negated: "will not provide", "shall not transfer", "не надаватиме".

A negated verb commits to nothing being delivered; "not only ... but also" negates nothing, and a
refusal ("will never recognise the annexation") is a commitment of its own kind. The words are in
grammar.yaml (commitment.negation).
"""

from __future__ import annotations

import re

from clauses.grammar import alternation, grammar

_WORDS = grammar()["commitment"]["negation"]
AFTER = re.compile(
    rf"\s*(?:{alternation(_WORDS['after'])})(?!\s+(?:{alternation(_WORDS['not_negating'])}))"
    rf"(?!\s+(?:{alternation(_WORDS['refusals'])}))",
    re.IGNORECASE,
)
"""The negation right after an auxiliary ("will not"), unless "not only" or a refusal follows."""
BEFORE = re.compile(rf"(?:^|\s)(?:{alternation(_WORDS['before'])})\s+$", re.IGNORECASE)
"""The negation right before a verb ("не надаватиме", "never will")."""
REFUSAL = re.compile(rf"(?:{alternation(_WORDS['refusals'])})", re.IGNORECASE)
REACH = 40
"""Characters looked at before a verb: a negation stands next to what it negates."""


def negation(text: str, start: int, end: int) -> str:
    """The words negating the verb at ``start:end`` ("will not"), or "" where it is not negated."""
    after = AFTER.match(text, end)
    if after:
        return " ".join(text[start : after.end()].split())
    before = BEFORE.search(text, max(0, start - REACH), start)
    if before and not REFUSAL.match(text, start):
        return " ".join(text[before.start() : end].split())
    return ""
