"""One line of normalised text, parsed: its list marker (named by style), its content and its markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clauses.text import markers

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_FOOTNOTE = re.compile(r"^\[(\d{1,3})\]\s*")
_ROMAN = re.compile(r"^(?=[ivxlcdm])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_BOLD = re.compile(r"\*\*")

RANK = {
    "title": -1, "annex": 0, "part": 1, "chapter": 2, "section": 3, "roman": 4,
    "article": 5, "paragraph": 6, "ALPHA": 7, "num": 8, "alpha": 9, "roman-lower": 10,
    "plain": 20,
}  # fmt: skip
FIRST_MARKERS = frozenset({"1", "A", "a", "I", "i"})
HOMOGLYPHS = str.maketrans("АВСЕНІКМОРТХаеорсхі", "ABCEHIKMOPTXaeopcxi")
_BULLET_STYLE = {"•": "•", "●": "•", "▪": "•", "∙": "•", "·": "•", "‣": "•", "*": "*"}
_BULLET_STYLE.update({"-": "-", "–": "-", "—": "-", "−": "-", "o": "o", "◦": "o"})


@dataclass
class Line:
    """One non-empty line, parsed: its marker (if any), its content and the markup around it."""

    raw: str
    clean: str  # without Markdown markup: what a heading trail shows
    content: str  # without markup and list marker: what a clause text holds
    markup: list[str]
    kind: str = "plain"  # plain | md | item | bullet | footnote
    style: str = "plain"
    marker: str = ""
    md_level: int = 0


def unwrap(raws: list[str]) -> list[str]:
    """The non-empty lines, a line that opens with a parenthesis but no list marker ("(ERA) Loans for
    Ukraine ...") joined to the line above it when that one stops mid-sentence: a wrapped line."""
    lines: list[str] = []
    previous = ""
    for raw in raws:
        wrapped = previous and raw.startswith("(") and not markers.PAREN.match(raw)
        if wrapped and previous[-1] not in ".;:!?…" and not previous.startswith("#"):
            lines[-1] = f"{lines[-1]} {raw}"
        elif raw:
            lines.append(raw)
        previous = raw
    return lines


def parse(raw: str) -> Line:
    markup: list[str] = []
    body = raw
    md = _MD_HEADING.match(body)
    if md:
        markup.append(md.group(1))
        body = md.group(2).strip()
    if "**" in body:
        markup.extend(_BOLD.findall(body))
        body = _BOLD.sub("", body).strip()
    line = Line(raw, body, body, markup, md_level=len(md.group(1)) if md else 0)
    if line.md_level:
        line.kind = "md"
    elif body:
        _parse_marker(line)
    return line


def _parse_marker(line: Line) -> None:
    bullet = markers.BULLET.match(line.content)
    if bullet:
        take_marker(line, bullet)
        line.kind, line.style = "bullet", "bullet" + _BULLET_STYLE[bullet.group(1)]
        paren = markers.PAREN.match(line.content)
        if paren:  # "• (i) ...": Word's bullet before the document's own marker
            _set_item(line, paren, "({})")
        return
    footnote = _FOOTNOTE.match(line.content)
    if footnote:
        take_marker(line, footnote)
        line.kind, line.style, line.marker = "footnote", "footnote", footnote.group(1)
        return
    number = markers.NUMBER_MARK.match(line.content)
    if number:
        _set_item(line, number, "num" + number.group(2))
        paren = markers.PAREN.match(line.content)
        if paren:  # "1. (A) ...": Word's list number before the document's own marker
            _set_item(line, paren, "({})")
        return
    paren = markers.PAREN.match(line.content)
    if paren:
        _set_item(line, paren, "({})")
        return
    dotted = markers.DOTTED_MARK.match(line.content)
    if dotted:
        _set_item(line, dotted, "dotted")
        return
    letter = markers.LETTER_MARK.match(line.content)
    if letter and is_marker(letter.group(1)):
        _set_item(line, letter, "{}" + letter.group(2))


def is_marker(text: str) -> bool:
    """A letter, or a roman numeral written in one case ("iv", "XII"; not "Mix")."""
    if len(text) == 1:
        return True
    return (text.isupper() or text.islower()) and bool(_ROMAN.match(text.translate(HOMOGLYPHS).lower()))


def take_marker(line: Line, found: re.Match[str]) -> None:
    line.markup.append(found.group(0).strip())
    line.content = line.content[found.end() :].strip()


def _set_item(line: Line, found: re.Match[str], style: str) -> None:
    take_marker(line, found)
    line.kind, line.style, line.marker = "item", style, found.group(1)


def marker_style(style: str, marker: str, prior: dict[str, str]) -> tuple[str, str]:
    """Name a marker's style ("num.", "alpha)", "(roman)", ...) and normalise the marker.

    ``prior`` maps a style to its last marker, so "I." after "H." is a letter
    and "(i)" after "(h)" too; otherwise "I", "V", "X" (any case) are roman.
    """
    if "{}" not in style:
        return style, marker
    latin = marker.translate(HOMOGLYPHS)
    if latin.isdigit():
        return style.format("num"), latin
    letter = style.format("alpha" if latin.islower() else "ALPHA")
    if not _ROMAN.match(latin.lower()):
        return letter, latin if len(latin) == 1 else marker
    previous = prior.get(letter, "")
    if len(latin) == 1 and (
        len(previous) == 1 and ord(previous) == ord(latin) - 1 or latin.lower() not in "ivx"
    ):
        return letter, latin
    return style.format("roman-lower" if latin.islower() else "roman"), latin


def rank_of(style: str) -> int:
    bare = style.replace("(", "").replace(")", "").replace(".", "")
    return RANK.get(bare, 11)
