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
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))]


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

    def vector(self, features: Iterable[str], binary: bool = False) -> Vector:
        """The unit TF-IDF vector of a clause's features (sublinear term frequency, or 1 when ``binary``)."""
        import numpy as np

        counts = Counter(features)
        ids = np.array([self._id(feature) for feature in counts], dtype=np.int64)
        weights = np.array(
            [(1.0 if binary else 1.0 + math.log(n)) * self.weight(f) for f, n in counts.items()], dtype=np.float64
        )
        order = np.argsort(ids)
        norm = float(np.sqrt(weights @ weights)) or 1.0
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
        result = np.bincount(cells, weights=rows.weights[entry] * columns.weights[column], minlength=len(result))
    return np.minimum(result, 1.0).reshape(rows.size, columns.size)
