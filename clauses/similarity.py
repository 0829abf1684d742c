"""How much two clauses share, weighted by how rare what they share is.

A clause rewritten in other words keeps the names of systems, funds, institutions and programmes,
its amounts and deadlines, and drops or changes the common words ("support", "Ukraine",
"cooperation"). A cosine of TF-IDF vectors weighs each shared feature by its rarity among the
clauses being matched (``Rarity``: fitted on them, so a user's corpus sets its own weights and
nothing is shipped or downloaded). Features are word unigrams and bigrams for clauses in one
language, and concept ids (``clauses.concepts``) across languages.

Cosines of many clauses at once are one sparse product in numpy (``cosines``): the features of the
rows are looked up among the sorted features of the columns, and the products summed per cell.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np


class Vector(NamedTuple):
    """A unit vector: sorted feature ids and their weights."""

    features: np.ndarray  # int64, sorted
    weights: np.ndarray  # float64, unit norm


def bigrams(words: Sequence[str]) -> list[str]:
    """The words and each two neighbours joined: "air defence systems" → air, defence, systems,
    "air defence", "defence systems"."""
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]


class Rarity:
    """Document frequencies of features over a set of clauses, and TF-IDF vectors weighted by them."""

    def __init__(self, documents: Iterable[Iterable[str]] = ()) -> None:
        self.ids: dict[str, int] = {}
        self.frequency: Counter[int] = Counter()
        self.count = 0
        for document in documents:
            self.count += 1
            self.frequency.update({self._id(feature) for feature in document})

    def _id(self, feature: str) -> int:
        found = self.ids.get(feature)
        if found is None:
            found = self.ids[feature] = len(self.ids)
        return found

    def weight(self, feature: str) -> float:
        """Smoothed inverse document frequency: 1 for a feature in every clause, more the rarer it is."""
        frequency = self.frequency.get(self.ids.get(feature, -1), 0)
        return math.log((1 + self.count) / (1 + frequency)) + 1

    def vector(self, features: Iterable[str], binary: bool = False, common: float | None = None) -> Vector:
        """The unit TF-IDF vector of a clause's features (sublinear term frequency, or 1 when ``binary``).

        Features in more than ``common`` clauses count in the norm but are left out of the vector:
        they add little to a cosine and most of its cost (nearly every clause holds them).
        """
        import numpy as np

        counts = Counter(features)
        ids = np.array([self._id(feature) for feature in counts], dtype=np.int64)
        weights = np.array(
            [(1.0 if binary else 1.0 + math.log(n)) * self.weight(f) for f, n in counts.items()],
            dtype=np.float64,
        )
        norm = float(np.sqrt(weights @ weights)) or 1.0
        if common is not None:
            kept = np.array([self.frequency[i] <= common for i in ids.tolist()], dtype=bool)
            ids, weights = ids[kept], weights[kept]
        order = np.argsort(ids)
        return Vector(ids[order], weights[order] / norm)


class Stacked(NamedTuple):
    """Vectors laid end to end: every entry's feature, weight and owner (the vector's position)."""

    features: np.ndarray
    weights: np.ndarray
    owners: np.ndarray
    size: int


def stack(vectors: Sequence[Vector], by_feature: bool = False) -> Stacked:
    """Vectors as flat arrays; sorted by feature when ``by_feature`` (the columns of ``cosines``)."""
    import numpy as np

    if not vectors:
        empty = np.zeros(0, dtype=np.int64)
        return Stacked(empty, np.zeros(0), empty, 0)
    features = np.concatenate([v.features for v in vectors])
    weights = np.concatenate([v.weights for v in vectors])
    owners = np.repeat(np.arange(len(vectors)), [len(v.features) for v in vectors])
    if by_feature:
        order = np.argsort(features, kind="stable")
        features, weights, owners = features[order], weights[order], owners[order]
    return Stacked(features, weights, owners, len(vectors))


def cosines(rows: Stacked, columns: Stacked) -> np.ndarray:
    """The rows × columns matrix of cosines; ``columns`` stacked ``by_feature``."""
    import numpy as np

    result = np.zeros(rows.size * columns.size)
    if not rows.size or not columns.size:
        return result.reshape(rows.size, columns.size)
    low = np.searchsorted(columns.features, rows.features, side="left")
    counts = np.searchsorted(columns.features, rows.features, side="right") - low
    total = int(counts.sum())
    if total:
        entry = np.repeat(np.arange(len(rows.features)), counts)
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        column = np.repeat(low, counts) + offsets
        cells = rows.owners[entry] * columns.size + columns.owners[column]
        result = np.bincount(
            cells, weights=rows.weights[entry] * columns.weights[column], minlength=len(result)
        )
    return np.minimum(result, 1.0).reshape(rows.size, columns.size)


WORDING_SHARE = 0.5
"""Share of the rarity cosine (its square root) in a same-language similarity; the rest is the wording ratio."""

COMMON_SHARE = 0.1
"""Features in more than this share of the clauses (and more than ``COMMON_LEAST``) are left out of
cosines (``Rarity.vector``): on two agreements, of 25 clauses out of 250."""

COMMON_LEAST = 10


class Profile(NamedTuple):
    """A clause as the scorer sees it."""

    words: list[str]  # its words in order, parties neutralised, function words dropped
    concepts: frozenset[str]  # ``clauses.concepts``, without its own agreement's parties
    language: str
    heading: bool  # a heading or list lead-in: never anyone's counterpart


class Scorer:
    """Similarities (0..1) between clauses numbered 0..n-1, fitted on all n.

    Clauses in one language: ``WORDING_SHARE`` × √(TF-IDF cosine of word uni- and bigrams) plus the
    rest × the wording ratio the caller measured (rapidfuzz on the scoring keys). Across languages:
    the TF-IDF cosine of their concepts, the only thing they can share. A heading scores 0.
    """

    def __init__(self, profiles: Sequence[Profile]) -> None:
        import numpy as np

        features = [bigrams(p.words) for p in profiles]
        words, concepts = Rarity(features), Rarity(p.concepts for p in profiles)
        common = max(COMMON_SHARE * len(profiles), COMMON_LEAST)
        self.words = [words.vector(f, common=common) for f in features]
        self.concepts = [concepts.vector(p.concepts, binary=True) for p in profiles]
        codes: dict[str, int] = {}
        self.languages = np.array(
            [codes.setdefault(p.language, len(codes)) for p in profiles], dtype=np.int64
        )
        self.mixed = len(codes) > 1
        self.headings = np.array([p.heading for p in profiles], dtype=bool)

    def score(self, rows: Sequence[int], columns: Sequence[int], ratios: np.ndarray) -> np.ndarray:
        """The rows × columns similarities, given the wording ratios (0..100) of the same cells."""
        import numpy as np

        rows, columns = np.asarray(rows, dtype=np.int64), np.asarray(columns, dtype=np.int64)
        rarity = cosines(stack([self.words[r] for r in rows]), stack([self.words[c] for c in columns], True))
        result = WORDING_SHARE * np.sqrt(rarity) + (1 - WORDING_SHARE) * (ratios / 100)
        if self.mixed:
            across = self.languages[rows][:, None] != self.languages[columns][None, :]
            if across.any():
                shared = cosines(
                    stack([self.concepts[r] for r in rows]), stack([self.concepts[c] for c in columns], True)
                )
                result = np.where(across, shared, result)
        result[self.headings[rows], :] = 0.0
        result[:, self.headings[columns]] = 0.0
        return result

    def across(self, first: int, second: int) -> bool:
        """Whether two clauses are in different languages (their similarity rests on concepts)."""
        return bool(self.languages[first] != self.languages[second])
