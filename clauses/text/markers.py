"""The list-marker grammar: the bullets, numbers, letters and roman numerals that open a list item.

Written once as pieces; each reader composes what it needs from them: the segmenter parses a
line's marker (with groups), the classifier, matcher and differ strip a marker left at the start of
a clause, the PDF and Markdown readers see where an item starts a new line, and the metadata
reader counts numbered paragraphs.
"""

from __future__ import annotations

import re

BULLETS = "•●▪◦‣∙·\\-–—−*"
"""Bullet characters (inside a character class)."""
LETTERS = "A-Za-zА-Яа-яІіЇїЄєҐґ"
ROMAN = "ivxlcdmIVXLCDM"
NUMBER = r"\d{1,3}"
DOTTED = rf"{NUMBER}(?:\.{NUMBER})+"
LOWER = "a-zа-яіїєґ"
SMALL_ROMAN = r"(?=[ivxIVXІХ]{2})(?:x{0,3}(?:ix|iv|v?i{0,3})|[XХ]{0,3}(?:[IІ][XХ]|[IІ]V|V?[IІ]{0,3}))"
"""A roman numeral of two letters or more up to 39 ("ii", "XIV", "ІІІ" in Cyrillic letters): list markers
stay small, so "(DC)" or "(MIX)" in parentheses is an abbreviation, not an item."""
IN_PARENTHESES = rf"{NUMBER}|[{LETTERS}]|[{LOWER}]{{2}}|{SMALL_ROMAN}"
"""What a marker in parentheses holds: "(3)", "(b)", "(aa)", "(iv)"; never "(ERA)", "(IAEA)", "(EU)"."""
ITEM = (
    rf"\(?(?:{NUMBER}(?:\.{NUMBER})*|[{ROMAN}]{{1,6}}|[{LETTERS}])[.)]"
    rf"|\((?:{IN_PARENTHESES})\)"
)
"""A numbered, lettered or roman item: "3.", "2.1.", "b)", "(iv)", "(12)", "(aa)"."""
NUMBERED = rf"{NUMBER}(?:\.{NUMBER})*[.)]|\(?[ivxlc]{{1,6}}[.)]|[IVXLC]{{1,6}}\."
"""A paragraph numbered in digits or roman numerals ("4.", "2.1)", "(iv)", "IV."), not lettered ("A.", "b)"):
what the paragraphs of an agreement open with."""

# A line's own marker, parsed by the segmenter (groups: the marker, and its closing stop where it has one).
BULLET = re.compile(rf"^([{BULLETS}o])\s+(?=\S)")
PAREN = re.compile(rf"^\(({IN_PARENTHESES})\)\s*")
DOTTED_MARK = re.compile(rf"^({DOTTED})\.?(?=\s)")
NUMBER_MARK = re.compile(rf"^({NUMBER})([.)])(?=\s|$)")
LETTER_MARK = re.compile(rf"^([{LETTERS}]{{1,7}})([.)])(?=\s)")
BARE_ROMAN = re.compile(r"^([IVXІХ]{1,6})\s+(?=\S)")

LEADING = re.compile(rf"^\s*(?:{ITEM}|[{BULLETS}])\s+")
"""A marker left at the start of a clause text (prose keeps them: "1. We agreed ...")."""
LINE_START = re.compile(rf"^(?:{ITEM}|\d{{1,2}}|[{BULLETS}○o])\s")
"""Where a line of a laid-out page starts a list item (a bare "12" too: PDF lists lose their stop)."""
NUMBERED_LINE = re.compile(rf"^(?:{NUMBERED})\s+\S", re.MULTILINE)
INLINE_NUMBER = re.compile(rf"(?<=[.;:])\s+\(?{NUMBER}[.)]\s+(?=[A-Z])")
"""A list number run into the previous paragraph ("... efforts. 8. The EU ..."): a path, not a number."""


def strip_marker(text: str) -> str:
    """The text without its leading list number, letter or bullet (the path already tells it)."""
    return LEADING.sub("", text, count=1)


def marker_end(text: str) -> int:
    """Where the text's words start after a leading list marker (0 without one)."""
    found = LEADING.match(text)
    return found.end() if found else 0
