"""Word-level comparison of two wordings: the redline, and the numbers one wording has and the other lacks."""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from diff_match_patch import diff_match_patch
from pydantic import ConfigDict

from clauses.models import Clause, Strict
from clauses.text.markers import INLINE_NUMBER, strip_marker
from clauses.text.numbers import NUMBER_WORDS


class RedlineOp(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True)

    op: Literal["equal", "insert", "delete"]
    text: str


class NumberChange(Strict):
    """A number (amount, year, count, deadline) present in one version only; None on the other side."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    old: str | None = None
    new: str | None = None


# --- redline -------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
_CODE_BASE = 0xF0000
"""Tokens are coded as characters of a private-use plane, so diff-match-patch compares words, not letters."""


def redline(old_text: str, new_text: str) -> list[RedlineOp]:
    """Word-level insertions and deletions turning ``old_text`` into ``new_text``.

    diff-match-patch's semantic clean-up folds short unchanged stretches inside a rewritten passage
    into it, so a rewritten stretch reads as one deletion and one insertion, not a confetti of words.
    """
    codes: dict[str, str] = {}
    words: list[str] = []
    old_coded, new_coded = _coded(old_text, codes, words), _coded(new_text, codes, words)
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no time limit: the same texts always give the same redline
    pieces = engine.diff_main(old_coded, new_coded, False)
    engine.diff_cleanupSemantic(pieces)
    ops: list[RedlineOp] = []
    pending = {_DELETE: "", _INSERT: ""}
    for op, coded in pieces:
        text = "".join(words[ord(ch) - _CODE_BASE] for ch in coded)
        if op == _EQUAL:
            _flush(ops, pending)
            _append(ops, "equal", text)
        else:
            pending[op] += text
    _flush(ops, pending)
    return ops


_DELETE, _EQUAL, _INSERT = (
    diff_match_patch.DIFF_DELETE,
    diff_match_patch.DIFF_EQUAL,
    diff_match_patch.DIFF_INSERT,
)


def _coded(text: str, codes: dict[str, str], words: list[str]) -> str:
    coded = []
    for token in _TOKEN.findall(text):
        if token not in codes:
            codes[token] = chr(_CODE_BASE + len(words))
            words.append(token)
        coded.append(codes[token])
    return "".join(coded)


def _flush(ops: list[RedlineOp], pending: dict[int, str]) -> None:
    """A run of edits between two unchanged stretches: all its deletions, then all its insertions."""
    _append(ops, "delete", pending[_DELETE])
    _append(ops, "insert", pending[_INSERT])
    pending[_DELETE] = pending[_INSERT] = ""


def _append(ops: list[RedlineOp], op: Literal["equal", "insert", "delete"], text: str) -> None:
    if not text:
        return
    if ops and ops[-1].op == op:
        ops[-1] = RedlineOp(op=op, text=ops[-1].text + text)
    else:
        ops.append(RedlineOp(op=op, text=text))


def spaced(ops: list[RedlineOp]) -> list[RedlineOp]:
    """The redline for display: a deletion next to an insertion takes a space shared with its neighbour.

    "Norway [will][intends to] provide" would copy from a page as "Norway willintends to provide"; moving
    the space that follows (or precedes) the pair into both sides gives "will intends to" on the page
    while accepting or rejecting every edit still rebuilds each version exactly.
    """
    out = list(ops)
    for k in range(len(out) - 1):
        if (out[k].op, out[k + 1].op) != ("delete", "insert"):
            continue
        after = out[k + 2] if k + 2 < len(out) else None
        before = out[k - 1] if k > 0 else None
        if after is not None and after.op == "equal" and after.text[:1].isspace():
            space, rest = after.text[0], after.text[1:]
            out[k : k + 3] = [
                _with(out[k], tail=space),
                _with(out[k + 1], tail=space),
                _with(after, text=rest),
            ]
        elif before is not None and before.op == "equal" and before.text[-1:].isspace():
            space, rest = before.text[-1], before.text[:-1]
            out[k - 1 : k + 2] = [
                _with(before, text=rest),
                _with(out[k], head=space),
                _with(out[k + 1], head=space),
            ]
    return [op for op in out if op.text]


def _with(op: RedlineOp, text: str | None = None, head: str = "", tail: str = "") -> RedlineOp:
    return RedlineOp(op=op.op, text=head + (op.text if text is None else text) + tail)


# --- numbers -------------------------------------------------------------------------------------

_CURRENCY = {"€": "EUR", "$": "USD", "£": "GBP", "euro": "EUR", "euros": "EUR", "dollars": "USD"}
_NUMBER = re.compile(
    r"(?P<cur>\b(?:EUR|USD|GBP|UAH|NOK|SEK|DKK|CAD|JPY|CHF|PLN|CZK)\b\s?|[€$£]\s?)?"
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"(?:\s?(?P<scale>b[a-z]*on|m[a-z]*on|trillion|thousand|bn|m)\b)?"
    r"(?:\s?(?P<unit>%|(?:per\s?cent|percent|hours?|days?|weeks?|months?|years?|euros?|dollars)\b))?",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<num>\w+(?:-\w+)?)\s(?P<unit>hours?|days?|weeks?|months?|years?)\b", re.IGNORECASE
)
"""A number written as a word before a unit ("ten years", "forty-eight hours"), if in NUMBER_WORDS."""


def numbers_changed(old_group: list[Clause], new_group: list[Clause]) -> list[NumberChange]:
    """Numbers found in one version and not the other, paired in order of appearance."""
    before = [n for c in old_group for n in _numbers(c)]
    after = [n for c in new_group for n in _numbers(c)]
    missing = Counter(key for key, _ in before) - Counter(key for key, _ in after)
    extra = Counter(key for key, _ in after) - Counter(key for key, _ in before)
    gone = _take(before, missing)
    came = _take(after, extra)
    width = max(len(gone), len(came))
    gone += [None] * (width - len(gone))
    came += [None] * (width - len(came))
    return [NumberChange(old=a, new=b) for a, b in zip(gone, came, strict=True)]


def _take(found: list[tuple[str, str]], wanted: Counter[str]) -> list[str | None]:
    left = Counter(wanted)
    taken: list[str | None] = []
    for key, text in found:
        if left[key] > 0:
            left[key] -= 1
            taken.append(text)
    return taken


def _numbers(clause: Clause) -> list[tuple[str, str]]:
    """(comparison key, words as written) of every number in the text.

    Read from the text rather than from the classifier's quantities, which keep only binding numbers:
    a date or an article number that changed is a change too, and both versions are read alike.
    """
    text = INLINE_NUMBER.sub(" ", strip_marker(clause.text))
    found = [(_number_key(m), m.group(0).strip()) for m in _NUMBER.finditer(text)]
    found += [
        (_word_key(m), m.group(0))
        for m in _WORD_NUMBER.finditer(text)
        if m.group("num").lower() in NUMBER_WORDS
    ]
    return found


def _number_key(match: re.Match[str]) -> str:
    currency = (match.group("cur") or "").strip()
    currency = _CURRENCY.get(currency, currency.upper())
    value = match.group("num").replace(",", "")
    scale = (match.group("scale") or "").lower()[:1]  # "billon" is still a billion
    unit = (match.group("unit") or "").lower().rstrip("s")
    unit = _CURRENCY.get(unit + "s", unit) if unit in ("euro", "dollar") else unit
    return f"{currency}{value}{scale}{unit}"


def _word_key(match: re.Match[str]) -> str:
    word = match.group("num").lower()
    value = NUMBER_WORDS[word]
    return f"{value}{match.group('unit').lower().rstrip('s')}"
