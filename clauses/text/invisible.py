"""Characters a reader cannot see, which must neither hide a commitment nor fake one.

A zero-width space or a soft hyphen inside "will" or "defence" hides the word from the classifier
while the reader still sees it; a right-to-left override makes a reader see "will not" where the
text says "will ton". So the classifier reads an NFKC-normalised text without them, the quote
keeps the text as written, and reports show bidirectional controls as visible marks.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = {
    "\u061c": "ALM", "\u200e": "LRM", "\u200f": "RLM", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
    "\u202d": "LRO", "\u202e": "RLO", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}  # fmt: skip
INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff" + "".join(BIDI_CONTROLS) + "]"
)
"""Soft hyphen, zero-width spaces and joiners, word joiner, invisible operators, BOM, bidi controls."""
BIDI = re.compile("[" + "".join(BIDI_CONTROLS) + "]")


YO = str.maketrans("ёЁ", "еЕ")
"""Russian writes "ё" or "е" at will ("Чёрное", "Черное"): the classifier reads "е", as the taxonomy lists it."""

FOOTNOTE_MARKS = re.compile("[^¹²³⁰-₟]+")
"""Text between superscript and subscript digits: a footnote mark "billion¹" must not become "billion1"."""


def for_classification(text: str) -> str:
    """``text`` as the classifier reads it: NFKC (full-width and compatibility forms folded, footnote
    marks kept), no invisible characters, "ё" read as "е"."""
    if text.isascii():
        return text
    folded = FOOTNOTE_MARKS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return INVISIBLE.sub("", folded).translate(YO)


def show_bidi(text: str) -> str:
    """Bidirectional controls written as visible marks (``⟦RLO⟧``), so a report cannot be made to read backwards."""
    if text.isascii():
        return text
    return BIDI.sub(lambda m: f"⟦{BIDI_CONTROLS[m.group()]}⟧", text)
