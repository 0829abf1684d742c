"""How much two clauses share, weighted by how rare what they share is.

A clause rewritten in other words keeps the names of systems, funds, institutions and programmes,
its amounts and deadlines, and drops or changes the common words ("support", "Ukraine",
"cooperation"). A cosine of TF-IDF vectors weighs each shared feature by its rarity among the
clauses being matched (fitted on them, so a user's corpus sets its own weights and
nothing is shipped or downloaded). Features are word unigrams and bigrams for clauses in one
language, and concept ids (``clauses.concepts``) across languages.

Cosines of many clauses at once are one sparse product in numpy (``cosines``): the features of one
side are looked up among the sorted features of the other, and the products summed per cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np


def tfidf_vectors(documents: Sequence[Iterable[str]], binary: bool = False) -> Vectors:
    """Unit TF-IDF vectors of the documents' features (strings), fitted on the documents."""
    import numpy as np

    ids: dict[str, int] = {}
    lists = [[ids.setdefault(f, len(ids)) for f in d] for d in documents]
    features = np.array([f for d in lists for f in d], dtype=np.int64)
    owners = np.repeat(np.arange(len(lists)), [len(d) for d in lists])
    return _tfidf(owners, features, len(lists), binary=binary)


def word_vectors(documents: Sequence[Sequence[str]]) -> Vectors:
    """Unit TF-IDF vectors of the documents' words and bigrams ("air", "defence", "air defence"), fitted
    on the documents. Each word is looked up once and the bigrams are made as numbers: the clauses of a
    thousand agreements hold some ten million features.

    The weight of a feature is its sublinear term frequency (1 + log n) times its smoothed inverse
    document frequency (log((1 + documents) / (1 + documents holding it)) + 1).
    """
    import numpy as np

    vocabulary: dict[str, int] = {}
    ids = np.array([vocabulary.setdefault(w, len(vocabulary)) for d in documents for w in d], dtype=np.int64)
    lengths = np.array([len(d) for d in documents], dtype=np.int64)
    owners = np.repeat(np.arange(len(documents)), lengths)
    size = len(vocabulary)
    follows = np.ones(len(ids), dtype=bool)
    follows[np.cumsum(lengths)[lengths > 0] - 1] = False  # the last word of a clause starts no bigram
    pairs = np.flatnonzero(follows[:-1]) if len(ids) else np.zeros(0, dtype=np.int64)
    features = np.concatenate([ids, size + ids[pairs] * size + ids[pairs + 1]])
    owners = np.concatenate([owners, owners[pairs]])
    return _tfidf(owners, features, len(documents), binary=False)


def _tfidf(owners: np.ndarray, features: np.ndarray, count: int, binary: bool) -> Vectors:
    """Unit TF-IDF vectors of ``count`` documents from their (owner, feature) occurrences."""
    import numpy as np

    if not len(features):
        return Vectors(np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(count + 1, dtype=np.int64))
    distinct, features = np.unique(features, return_inverse=True)
    pairs, tf = np.unique(owners * len(distinct) + features, return_counts=True)
    owners, features = np.divmod(pairs, len(distinct))
    frequency = np.bincount(features, minlength=len(distinct)).astype(np.float64)
    weights = np.log((1 + count) / (1 + frequency[features])) + 1
    if not binary:
        weights = weights * (1 + np.log(tf))
    norms = np.sqrt(np.bincount(owners, weights=weights * weights, minlength=count))
    weights = weights / np.where(norms > 0, norms, 1.0)[owners]
    return Vectors(features, weights, np.searchsorted(owners, np.arange(count + 1)))


class Stacked(NamedTuple):
    """Vectors laid end to end: every entry's feature, weight and owner (the vector's position)."""

    features: np.ndarray
    weights: np.ndarray
    owners: np.ndarray
    size: int


class Vectors:
    """Many unit vectors laid end to end, each from ``starts[i]`` to ``starts[i + 1]``: any of them are
    taken together (``take``) without a loop over them."""

    def __init__(self, features: np.ndarray, weights: np.ndarray, starts: np.ndarray) -> None:
        self.features, self.weights, self.starts = features, weights, starts

    def __len__(self) -> int:
        return len(self.starts) - 1

    def take(self, indices: Sequence[int] | np.ndarray) -> Stacked:
        import numpy as np

        indices = np.asarray(indices, dtype=np.int64)
        first, lengths = self.starts[indices], self.starts[indices + 1] - self.starts[indices]
        total = int(lengths.sum())
        positions = np.repeat(first - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)
        owners = np.repeat(np.arange(len(indices)), lengths)
        return Stacked(self.features[positions], self.weights[positions], owners, len(indices))


def cosines(rows: Stacked, columns: Stacked) -> np.ndarray:
    """The rows × columns matrix of cosines: the smaller side sorted by feature, the other looked up in it."""
    import numpy as np

    if len(rows.features) < len(columns.features):
        return cosines(columns, rows).T
    result = np.zeros(rows.size * columns.size)
    if not rows.size or not columns.size:
        return result.reshape(rows.size, columns.size)
    order = np.argsort(columns.features, kind="stable")
    features, weights, owners = columns.features[order], columns.weights[order], columns.owners[order]
    low = np.searchsorted(features, rows.features, side="left")
    counts = np.searchsorted(features, rows.features, side="right") - low
    total = int(counts.sum())
    if total:
        entry = np.repeat(np.arange(len(rows.features)), counts)
        column = np.repeat(low - (np.cumsum(counts) - counts), counts) + np.arange(total)
        cells = rows.owners[entry] * columns.size + owners[column]
        result = np.bincount(cells, weights=rows.weights[entry] * weights[column], minlength=len(result))
    return np.minimum(result, 1.0).reshape(rows.size, columns.size)


WORDING_SHARE = 0.5
"""Share of the rarity cosine (its square root) in a same-language similarity; the rest is the wording ratio."""


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

        self.words = word_vectors([p.words for p in profiles])
        codes: dict[str, int] = {}
        self.languages = np.array(
            [codes.setdefault(p.language, len(codes)) for p in profiles], dtype=np.int64
        )
        self.mixed = len(codes) > 1
        self.concepts = tfidf_vectors(
            [sorted(p.concepts) for p in profiles] if self.mixed else [], binary=True
        )
        self.headings = np.array([p.heading for p in profiles], dtype=bool)

    def score(self, rows: Sequence[int], columns: Sequence[int], ratios: np.ndarray) -> np.ndarray:
        """The rows × columns similarities, given the wording ratios (0..100) of the same cells."""
        import numpy as np

        rows, columns = np.asarray(rows, dtype=np.int64), np.asarray(columns, dtype=np.int64)
        rarity = cosines(self.words.take(rows), self.words.take(columns))
        result = WORDING_SHARE * np.sqrt(rarity) + (1 - WORDING_SHARE) * (ratios / 100)
        if self.mixed:
            across = self.languages[rows][:, None] != self.languages[columns][None, :]
            if across.any():
                shared = cosines(self.concepts.take(rows), self.concepts.take(columns))
                result = np.where(across, shared, result)
        result[self.headings[rows], :] = 0.0
        result[:, self.headings[columns]] = 0.0
        return result

    def across(self, first: int, second: int) -> bool:
        """Whether two clauses are in different languages (their similarity rests on concepts)."""
        return bool(self.languages[first] != self.languages[second])
