"""The number words of English, Ukrainian and Russian, and their values: one table for every reader."""

from __future__ import annotations

from clauses.grammar import grammar

NUMBER_WORDS: dict[str, int] = {
    word: value for value, words in grammar()["numbers"].items() for word in words
}
"""Every spelling (lower case) of a number written out, with its value (grammar.yaml's ``numbers``)."""
