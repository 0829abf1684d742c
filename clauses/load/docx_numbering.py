"""Word's automatic list numbers, rendered from numbering.xml the way Word displays them.

A paragraph's number comes from its own numPr or its style's. Counters belong to the abstract
list (w:abstractNum), so list instances (w:num) that share one continue each other's count, as
Word does; an instance with a startOverride restarts the count where it is first used. Numbering
a level resets the levels below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "•"
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl")]
ROMAN += [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
MAX_START = 32_767
"""Word's largest list start; a file's larger w:start (99999999999 as roman numerals took 60 s and
6.9 GB, as letters an OverflowError) is read as this."""


@dataclass(frozen=True)
class Level:
    """One level of a list: how its number is counted and written."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart_after: int | None = None  # None: after any higher level; 0: never
    legal: bool = False
    style: str | None = None  # a paragraph style linked to this level (w:lvl/w:pStyle)


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    child = element.find(f"{W}{tag}") if element is not None else None
    return child.get(f"{W}val", default) if child is not None else default


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _start(value: str | None) -> int:
    return min(max(_int(value, 1), 0), MAX_START)


def _level(lvl: Any) -> Level:
    restart = _val(lvl, "lvlRestart")
    return Level(
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        start=_start(_val(lvl, "start")),
        restart_after=_int(restart, 0) if restart is not None else None,
        legal=lvl.find(f"{W}isLgl") is not None and _val(lvl, "isLgl", "true") not in ("0", "false"),
        style=_val(lvl, "pStyle"),
    )


def _levels(parent: Any) -> dict[int, Level]:
    return {_int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in parent.findall(f"{W}lvl")}


def format_number(value: int, fmt: str) -> str:
    """A counter value in one of Word's number formats (unknown formats fall back to decimal).

    Letters and roman numerals grow with the value; past what Word itself counts to, decimal.
    """
    if value > MAX_START and fmt != "none":
        return str(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = []
    for amount, letters in ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


class Numbering:
    """The list numbers of one document, counted in reading order: call marker() per paragraph."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.instances: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        self.style_numbers = _style_numbers(styles)
        self.counters: dict[str, dict[int, int]] = {}
        self.used_instances: set[str] = set()

    def _read_numbering(self, numbering: Any) -> None:
        for abstract in numbering.findall(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId", "")
            self.abstracts[key] = _levels(abstract)
            link = _val(abstract, "numStyleLink")
            if link:
                self.style_links[key] = link
        for num in numbering.findall(f"{W}num"):
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                if (start := _val(override, "startOverride")) is not None:
                    starts[ilvl] = _start(start)
                if (lvl := override.find(f"{W}lvl")) is not None:
                    overrides[ilvl] = _level(lvl)
            key = _val(num, "abstractNumId", "") or ""
            self.instances[num.get(f"{W}numId", "")] = (key, starts, overrides)

    def marker(self, paragraph: Any) -> str:
        """The number Word shows before this paragraph ("" if none); advances the counters."""
        num_id, ilvl = self._numbering_of(paragraph)
        if num_id is None or num_id not in self.instances:
            return ""
        abstract_id, starts, overrides = self.instances[num_id]
        abstract_id = self._resolve_link(abstract_id)
        levels = {**self.abstracts.get(abstract_id, {}), **overrides}
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.used_instances:
            self.used_instances.add(num_id)
            for level, start in starts.items():
                counters[level] = start - 1
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Level()).restart_after
            if restart is None or (restart and restart > ilvl):
                del counters[deeper]
        return _render(level, levels, counters)

    def _numbering_of(self, paragraph: Any) -> tuple[str | None, int]:
        """numId and level: the paragraph's own numPr, field by field over its style's."""
        ppr = paragraph.find(f"{W}pPr")
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        style = _val(ppr, "pStyle") or ""
        num_id, ilvl = self.style_numbers.get(style, (None, None))
        if numpr is not None:
            num_id = _val(numpr, "numId", num_id)
            own_level = _val(numpr, "ilvl")
            ilvl = _int(own_level, 0) if own_level is not None else ilvl
        if num_id in (None, "0"):
            return None, 0
        return num_id, ilvl if ilvl is not None else self._linked_level(num_id, style)

    def _linked_level(self, num_id: str, style: str) -> int:
        """The level whose w:pStyle names the paragraph's style (how Word links headings to lists)."""
        abstract_id = self._resolve_link(self.instances.get(num_id, ("", {}, {}))[0])
        for ilvl, level in self.abstracts.get(abstract_id, {}).items():
            if style and level.style == style:
                return ilvl
        return 0

    def _resolve_link(self, abstract_id: str) -> str:
        """An abstract list that only points at a numbering style takes that style's list."""
        style = self.style_links.get(abstract_id)
        num_id, _ = self.style_numbers.get(style or "", (None, None))
        if num_id and num_id in self.instances:
            target = self.instances[num_id][0]
            return target if target not in self.style_links else abstract_id
        return abstract_id


def _render(level: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
    if level.fmt == "bullet":
        return BULLET
    text = level.text
    for ilvl in range(8, -1, -1):  # %10 never occurs; go high to low so %1 does not eat %1x
        placeholder = f"%{ilvl + 1}"
        if placeholder in text:
            other = levels.get(ilvl, Level())
            value = counters.get(ilvl, other.start)
            text = text.replace(placeholder, format_number(value, "decimal" if level.legal else other.fmt))
    return text.strip()


def _style_numbers(styles: Any | None) -> dict[str, tuple[str | None, int | None]]:
    """numId and level each paragraph style gives its paragraphs, each folded down its basedOn chain."""
    if styles is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.findall(f"{W}style"):
        sid = style.get(f"{W}styleId", "")
        ppr = style.find(f"{W}pPr")
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is not None:
            ilvl = _val(numpr, "ilvl")
            own[sid] = (_val(numpr, "numId"), _int(ilvl, 0) if ilvl is not None else None)
        if (parent := _val(style, "basedOn")) is not None:
            based_on[sid] = parent
    resolved: dict[str, tuple[str | None, int | None]] = {}
    for sid in {*own, *based_on}:
        num_id, ilvl, chain, seen = None, None, sid, set()
        while chain and chain not in seen and (num_id is None or ilvl is None):
            seen.add(chain)
            chain_num, chain_ilvl = own.get(chain, (None, None))
            num_id = num_id if num_id is not None else chain_num
            ilvl = ilvl if ilvl is not None else chain_ilvl
            chain = based_on.get(chain, "")
        if num_id is not None:
            resolved[sid] = (num_id, ilvl)
    return resolved
