"""The tokenizer: words with their offsets, and the plain word bag texts are compared by."""

from __future__ import annotations

import re

TOKEN = re.compile(r"\w+(?:['’ʼ]\w+)*")
WORD = re.compile(r"\w+")

Token = tuple[int, int, str, str]
"""A word of a text: (start, end, lower-cased form, form as written), possessive "'s" removed."""
START, END, LOWER, RAW = range(4)
_start_of, _end_of, _group_of = re.Match.start, re.Match.end, re.Match.group


def tokenize(text: str) -> list[Token]:
    """Words with offsets; an English possessive ("Ukraine's") is reduced to its noun.

    Built with map/zip rather than a per-word expression: every clause, heading and
    introducing sentence is tokenized, and this is a third of the scanning cost.
    """
    matches = list(TOKEN.finditer(text))
    words = list(map(_group_of, matches))
    tokens = list(
        zip(map(_start_of, matches), map(_end_of, matches), map(str.lower, words), words, strict=True)
    )
    if "'" in text or "’" in text or "ʼ" in text:
        tokens = [
            _without_possessive(t) if "'" in t[RAW] or "’" in t[RAW] or "ʼ" in t[RAW] else t for t in tokens
        ]
    if MIXED_SCRIPT.search(text):
        tokens = [_latin_look_alikes(t) if MIXED_SCRIPT.search(t[RAW]) else t for t in tokens]
    return tokens


# A Latin word with a Cyrillic look-alike letter typed into it ("defenсe" with a Cyrillic "с"),
# common in texts pasted between Ukrainian and English documents.
MIXED_SCRIPT = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
LATIN_OF_CYRILLIC = str.maketrans("аеорсухіјѕАВЕКМНОРСТУХІЈЅ", "aeopcyxijsABEKMHOPCTYXIJS")


def _latin_look_alikes(token: Token) -> Token:
    """Fold Cyrillic look-alikes into Latin when the word is mostly Latin."""
    raw = token[RAW]
    latin = sum(ch.isascii() for ch in raw)
    if latin * 2 < len(raw):
        return token
    folded = raw.translate(LATIN_OF_CYRILLIC)
    return (token[START], token[END], folded.lower(), folded)


def _without_possessive(token: Token) -> Token:
    raw = token[RAW].replace("’", "'").replace("ʼ", "'")
    if raw.endswith(("'s", "'S")):
        raw = raw[:-2]
    return (token[START], token[END], raw.lower(), raw)


def words(text: str) -> list[str]:
    """The lower-cased runs of letters and digits: the bag of words two texts are compared by."""
    return WORD.findall(text.lower())
