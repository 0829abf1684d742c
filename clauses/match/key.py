"""A clause as the matcher sees it: its scoring key, category blocks and deadlines, and the word tests on them.

The key is the clause's *normalised* text: party names and adjectives become one placeholder
(so "Romania will train" meets "Germany will train"), the list marker, punctuation and function
words go, and the words are sorted (a ``token_sort`` key scored with rapidfuzz's plain ``ratio``,
ten times faster in ``cdist`` than ``token_sort_ratio`` itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from clauses.models import Clause, QuantityKind
from clauses.quantities import deadline_words
from clauses.text.markers import strip_marker
from clauses.text.tokens import words

SPLIT_CONTAINMENT = 0.6
"""Share of a paragraph part's words that must occur in the whole for a split or merge."""

SPLIT_GAIN = 0.08
"""How much closer to the whole the two parts together must come than the matched part alone."""

PARTY = "party"
UNCATEGORISED = ""
STOPWORDS = frozenset(
    "a an and are as at be by for from has have in into is it its of on or our such that the their "
    "these this those to which with".split()
)
"""Function words that make any two English clauses look alike; dropped from the scoring key."""


def neutralise(text: str) -> list[str]:
    """The clause's words, lower-cased, with every party name or adjective replaced by one placeholder."""
    from clauses.gazetteer import mentions

    found = mentions(text)
    if found:
        parts: list[str] = []
        position = 0
        for mention in found:
            parts.append(text[position : mention.start])
            parts.append(f" {PARTY} ")
            position = mention.end
        parts.append(text[position:])
        text = "".join(parts)
    return words(text)


@lru_cache(maxsize=1 << 18)
def scoring_words(text: str) -> list[str]:
    """The clause's words in order, list marker and function words dropped, parties neutralised.

    Cached (and shared: callers must not change the list): comparing every pair of n agreements
    would otherwise read each clause n-1 times.
    """
    return [word for word in neutralise(strip_marker(text)) if word not in STOPWORDS]


def normalise(text: str) -> str:
    """The scoring key: ``scoring_words`` sorted."""
    return " ".join(sorted(scoring_words(text)))


def is_heading(text: str) -> bool:
    """A heading or a list's lead-in segmented as a clause ("Cybersecurity", "Have decided as follows:"):
    identical ones in two texts say nothing in common, so they are never anyone's counterpart."""
    size, end = len(text.split()), text.rstrip()[-1:]
    return size < 3 or (end == ":" and size <= 8) or (size <= 6 and end not in ".;,")


@dataclass(slots=True)
class Item:
    """One clause of the agreement numbered ``agreement`` (its position among the agreements aligned)."""

    agreement: int
    index: int
    clause: Clause
    key: str
    blocks: tuple[str, ...]
    number: int = 0
    """The clause's number among all the clauses aligned (its row in ``scores.scorer_for``)."""
    words: list[str] = field(init=False)
    word_set: frozenset[str] = field(init=False)
    deadlines: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.words = self.key.split()
        self.word_set = frozenset(self.words)
        self.deadlines = _deadlines(self.clause)


def as_items(agreement: int, clauses: list[Clause], start: int = 0) -> list[Item]:
    """The clauses of the agreement numbered ``agreement``, as items numbered from ``start``."""
    return [Item(agreement, i, c, normalise(c.text), _blocks(c), start + i) for i, c in enumerate(clauses)]


def _blocks(clause: Clause) -> tuple[str, ...]:
    """The top-level categories the clause is compared within (uncategorised clauses form one block)."""
    ids = sorted({label.id.split("/")[0] for label in clause.categories})
    return tuple(ids) or (UNCATEGORISED,)


def _deadlines(clause: Clause) -> tuple[str, ...]:
    """The deadlines a clause sets, as words ("24 hours"), sorted."""
    return tuple(sorted({deadline_words(q) for q in clause.quantities if q.kind == QuantityKind.DEADLINE}))


def share_category(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two clauses share a named category (being both uncategorised is not enough)."""
    return bool((set(first) & set(second)) - {UNCATEGORISED})


@lru_cache(maxsize=4096)
def shared_category(blocks: tuple[tuple[str, ...], ...]) -> str | None:
    """The first named category in every member's blocks (cached: the same few combinations recur)."""
    common = set(blocks[0]).intersection(*blocks[1:])
    common.discard(UNCATEGORISED)
    return min(common) if common else None


def containment(first: frozenset[str], second: frozenset[str]) -> float:
    """Share of the smaller set of distinct words found in the larger (0 for fewer than 6 words)."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return len(short & long) / len(short) if len(short) >= 6 else 0.0


def may_split(whole: Item, part: Item) -> bool:
    """Whether ``part`` is short enough beside ``whole`` for another clause to be the rest of it."""
    return len(part.words) <= 0.85 * len(whole.words)


def split_similarity(whole: Item, part: Item, candidate: Item) -> float | None:
    """Similarity of ``part`` + ``candidate`` to ``whole`` when the candidate is the rest of it, else None.

    The candidate must lie mostly inside the whole, and joining it to the part must bring the
    two markedly closer to the whole than the part alone (paraphrased halves rarely reach
    a high containment, so the gain is the stronger evidence).
    """
    size, words = len(whole.words), candidate.word_set
    if not may_split(whole, part) or len(words) >= size:
        return None  # the matched part is already the whole paragraph, or the candidate is not a part
    if len(words) < 3 or len(words & whole.word_set) / len(words) < SPLIT_CONTAINMENT:
        return None
    from rapidfuzz import fuzz

    alone = fuzz.ratio(part.key, whole.key) / 100
    joined = fuzz.ratio(" ".join(sorted(part.words + candidate.words)), whole.key) / 100
    return joined if joined >= alone + SPLIT_GAIN else None
