"""The sentence splitter: where one sentence of a paragraph ends and the next begins.

A stop followed by a space and a capital (or a digit, or an opening quote) ends a sentence, except
inside a quotation, after an abbreviation ("U.S.", "e.g.", "No.", "Art.", "para.") or an initial
("J. Biden"), and after the number of a point ("1. We agreed ...").
"""

from __future__ import annotations

import re

from clauses.grammar import grammar

SENTENCE_END = re.compile(r"[.!?…]+[\"”»’)\]]*\s+(?=[\"“«„(\[]?[A-ZА-ЯІЇЄҐ0-9])")
LIST_NUMBER = re.compile(r"\s*(?:\d{1,3}|[IVXLC]{1,6}|[a-zа-я])")
"""What stands before the stop of a numbered point ("1. We agreed ..."): no sentence of its own."""
DOTTED_ABBREVIATION = re.compile(r"(?:\w\.)+\w")
""""U.S", "U.K", "e.g", "i.e" as they stand before their last stop."""
ABBREVIATIONS = frozenset(grammar()["abbreviations"])
QUOTE = re.compile('["“„«”»]')
OPENERS, CLOSERS = "“«„", "”»"


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, in order, without the spaces between them."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``: in order, not overlapping, none empty, every word in one."""
    quotes = _QuoteDepth(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for found in SENTENCE_END.finditer(text):
        stop = found.start() + len(found.group(0).rstrip())
        before = text[start : found.start()]
        if (
            quotes.open_at(stop)
            or _ends_with_abbreviation(before, found.group(0))
            or LIST_NUMBER.fullmatch(before)
        ):
            continue
        spans.append(_trimmed(text, start, stop))
        start = found.end()
    spans.append(_trimmed(text, start, len(text)))
    return [(s, e) for s, e in spans if s < e]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip()) if piece.strip() else start + lead


class _QuoteDepth:
    """How many quotations are open before a position (straight quotes toggle); read forward only.

    Only the quote marks are visited, so a text without any costs one search.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[str] = []
        self.position = 0
        self.none = QUOTE.search(text) is None

    def open_at(self, stop: int) -> bool:
        """Whether a quotation is open after ``text[:stop]``."""
        if self.none:
            return False
        for found in QUOTE.finditer(self.text, self.position, stop):
            self._see(found.group())
        self.position = max(self.position, stop)
        return bool(self.stack)

    def _see(self, mark: str) -> None:
        stack = self.stack
        if mark == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append(mark)
        elif mark == "“" and stack and stack[-1] == "„":
            stack.pop()
        elif mark in OPENERS:
            stack.append(mark)
        elif mark in CLOSERS and stack:
            stack.pop()


def _ends_with_abbreviation(before: str, punctuation: str) -> bool:
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return False
    words = before.split()
    token = words[-1].lstrip('"“«„([') if words else ""
    if not token:
        return False
    if token.lower() in ABBREVIATIONS or DOTTED_ABBREVIATION.fullmatch(token):
        return True
    return len(token) == 1 and token.isupper()  # an initial: "J. Biden"
