"""A renumbering of the whole document (an article inserted on top, numbering restarted per section), told once."""

from __future__ import annotations

import re
from collections import Counter

from clauses.diff.align import Link
from clauses.diff.models import Renumbering
from clauses.diff.words import NumberChange
from clauses.models import Clause

SYSTEMATIC_MIN = 2
"""Neighbouring clauses sharing one renumbering shift that make it one fact, not a change each."""


def renumbering(
    links: list[Link], olds: list[Clause], news: list[Clause], in_order: set[int]
) -> tuple[set[int], Renumbering | None]:
    """Links whose path change is shared by a run of neighbours, and those shifts as a single fact.

    Neighbouring clauses (matched one to one, in order) renumbered the same way, e.g. all +1 after an
    inserted article or restarting at 1 in each section, are one renumbering; a clause renumbered
    alone is a ``renumbered`` change of its own.
    """
    ordered = sorted(
        (i for i, link in enumerate(links) if len(link.old) == len(link.new) == 1 and i in in_order),
        key=lambda i: links[i].new[0],
    )
    shifts = {i: _shift(olds[links[i].old[0]].path, news[links[i].new[0]].path) for i in ordered}
    systematic: set[int] = set()
    for run in _runs(ordered, shifts):
        if len(run) >= SYSTEMATIC_MIN and shifts[run[0]] != "0":
            systematic.update(run)
    if not systematic:
        return set(), None
    kept = Counter(shifts[i] for i in systematic)
    examples = [
        NumberChange(old=olds[links[i].old[0]].path, new=news[links[i].new[0]].path)
        for i in sorted(systematic)[:3]
    ]
    return systematic, Renumbering(
        count=len(systematic),
        pattern=_pattern(kept, news, links, systematic),
        offsets=dict(kept),
        examples=examples,
    )


def _runs(ordered: list[int], shifts: dict[int, str]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in ordered:
        if runs and shifts[runs[-1][-1]] == shifts[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _shift(old_path: str, new_path: str) -> str:
    """'0' for the same path, '+1' when the first differing number grew by one, 'a→b' for another style."""
    if old_path == new_path:
        return "0"
    old_parts, new_parts = _parts(old_path), _parts(new_path)
    if len(old_parts) == len(new_parts):
        for before, after in zip(old_parts, new_parts, strict=True):
            if before == after:
                continue
            a, b = _ordinal(before), _ordinal(after)
            if a is not None and b is not None:
                return f"{b - a:+d}"
            break
    return f"{_style(old_path)}→{_style(new_path)}"


def _parts(path: str) -> list[str]:
    """The levels of a path; a segmenter's "~2" that tells apart a repeated number is no level."""
    return [p for p in re.split(r"[.\s:]+", re.sub(r"~\d+", "", path.lower())) if p]


def _ordinal(part: str) -> int | None:
    if part.isdigit():
        return int(part)
    if len(part) == 1 and part.isalpha():
        return ord(part) - ord("a") + 1
    return None


def _style(path: str) -> str:
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "9", re.sub(r"~\d+", "", path.lower())))


def _pattern(kept: Counter[str], news: list[Clause], links: list[Link], systematic: set[int]) -> str:
    numeric = [shift for shift in kept if shift[0] in "+-"]
    if not numeric:
        return "format"
    if len(kept) == 1:
        return "offset"
    restarts = sum(1 for i in systematic if _parts(news[links[i].new[0]].path)[-1:] == ["1"])
    return "restart" if len(numeric) == len(kept) and restarts >= 2 else "mixed"
