"""How values are named to a reader, shared by the report templates and the brief's sentences."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence


def in_sentence(label: str) -> str:
    """A category's label inside a sentence: "Air and missile defence" → "air and missile defence";
    a label opening with an acronym ("NATO integration", "CBRN") is kept as written."""
    first = label.split(" ", 1)[0]
    return label if first[1:2].isupper() else label[:1].lower() + label[1:]


def party_name(code: str) -> str:
    from clauses.gazetteer import name_of

    return "all parties" if code == "ALL" else name_of(code)


def format_date(value: dt.date | None, missing: str = "undated") -> str:
    return value.strftime("%-d %B %Y") if value else missing


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


_ROMAN = re.compile(r"[IVXLC]+")
_LOWER_ROMAN = re.compile(r"[ivxlc]+")
_REPEAT = re.compile(r"^(.*)~(\d+)$")
_HEADING_LENGTH = 40


def ordinal(n: int) -> str:
    """1 → '1st', 12 → '12th', 23 → '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def citation(path: str, heading: Sequence[str] = ()) -> str:
    """A clause's place as a reader finds it in the document: 'II.5.•1' → 'Part II, para 5, 1st bullet',
    'Article 5.2.b' → 'Article 5(2)(b)', '16' → '¶ 16', 'Annex.A.p2' → 'Annex, A, 2nd paragraph'.

    Structure words come from the heading trail where the document spells one ('Section II',
    'Paragraph 4'); a number met again after an unnumbered heading (path '~2') names that heading."""
    pieces: list[str] = []
    components = _components(path)
    for i, component in enumerate(components):
        repeat = _REPEAT.match(component)
        if repeat:
            component = repeat[1]
            pieces.append(_restart(heading, int(repeat[2])))
        following = components[i + 1] if i + 1 < len(components) else ""
        titled = following[:1].isdigit() or following[:1].isupper() or re.fullmatch(r"p\d+", following)
        _cite(component, i == 0, bool(titled), heading, pieces)
    return ", ".join(pieces)


def _components(path: str) -> list[str]:
    head, _, rest = path.partition(" ")  # 'Article II.p1': the article's number belongs to it
    if head == "Article" and rest:
        number, _, tail = rest.partition(".")
        return [f"Article {number}", *(tail.split(".") if tail else [])]
    return path.split(".")


def _cite(component: str, first: bool, titled: bool, heading: Sequence[str], pieces: list[str]) -> None:
    """Add ``component``'s words to ``pieces``; ``titled``: numbered items or lettered parts follow it,
    so it is a heading's number, not a paragraph's."""
    numbered = bool(pieces) and re.search(r"(para|¶|Article|Paragraph) \S+$", pieces[-1]) is not None
    if component.startswith("•") and component[1:].isdigit():
        sub = "sub-" if pieces and pieces[-1].endswith("bullet") else ""
        pieces.append(f"{ordinal(int(component[1:]))} {sub}bullet")
    elif re.fullmatch(r"fn\d+", component):
        pieces.append(f"footnote {component[2:]}")
    elif re.fullmatch(r"[ps]\d+", component):
        n = int(component[1:])
        word = "sentence" if component[0] == "s" else "paragraph"
        pieces.append(f"¶ {n}" if first and word == "paragraph" else f"{ordinal(n)} {word}")
    elif component == "preamble":
        pieces.append("Preamble")
    elif first and component.isdigit():
        pieces.append(_spelled(component, heading, "Section" if titled else "¶"))
    elif first and _ROMAN.fullmatch(component):
        pieces.append(_spelled(component, heading, "Part"))
    elif numbered and (component.isdigit() or component.islower()) and not titled:
        pieces[-1] += f"({component})"
    elif component.isdigit():
        pieces.append(f"{'recital' if pieces == ['Preamble'] else 'para'} {component}")
    elif component.islower():
        pieces.append(f"({component})")
    else:
        pieces.append(component)


def _spelled(component: str, heading: Sequence[str], default: str) -> str:
    """'II' → 'Part II' or 'Section II' as a heading spells it; '4' → 'Paragraph 4' or '¶ 4'."""
    for line in heading:
        found = re.match(rf"(\w+)\s+{re.escape(component)}\b", line)
        if found and found[1][:1].isupper():
            return f"{found[1]} {component}"
    return f"{default} {component}"


def _restart(heading: Sequence[str], n: int) -> str:
    """The unnumbered heading under which a document numbered again from 1."""
    if not heading:
        return f"{ordinal(n)} series"
    last = heading[-1]
    return f"“{last if len(last) <= _HEADING_LENGTH else last[: _HEADING_LENGTH - 1].rstrip() + '…'}”"
