"""Word-level comparison of two wordings: the redline, and the numbers one wording has and the other lacks."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import Literal

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


def redline(old_text: str, new_text: str) -> list[RedlineOp]:
    """Word-level insertions and deletions turning ``old_text`` into ``new_text``."""
    before, after = _TOKEN.findall(old_text), _TOKEN.findall(new_text)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    ops: list[RedlineOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(ops, "equal", "".join(before[i1:i2]))
            continue
        _append(ops, "delete", "".join(before[i1:i2]))
        _append(ops, "insert", "".join(after[j1:j2]))
    return ops


def _append(ops: list[RedlineOp], op: Literal["equal", "insert", "delete"], text: str) -> None:
    if not text:
        return
    if ops and ops[-1].op == op:
        ops[-1] = RedlineOp(op=op, text=ops[-1].text + text)
    else:
        ops.append(RedlineOp(op=op, text=text))


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
    rf"\b(?P<num>{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
    r"\s(?P<unit>hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


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
    found += [(_word_key(m), m.group(0)) for m in _WORD_NUMBER.finditer(text)]
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
