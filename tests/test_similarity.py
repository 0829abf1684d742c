"""Rarity-weighted similarity: TF-IDF vectors fitted on the clauses matched, cosines of many at once."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clauses.concepts import concepts
from clauses.similarity import Profile, Scorer, cosines, tfidf_vectors, word_vectors

WORDS = st.lists(
    st.sampled_from("patriot air defence support ukraine fund training pilots nato".split()), max_size=8
)


def _weights(document: list[str], documents: list[list[str]]) -> dict[str, float]:
    """A clause's TF-IDF weights worked out by hand, features being its words and bigrams."""

    def features(words: list[str]) -> list[str]:
        return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]

    mine = features(document)
    frequency = {f: sum(f in features(d) for d in documents) for f in set(mine)}
    return {f: (1 + math.log(mine.count(f))) * (math.log((1 + len(documents)) / (1 + n)) + 1)
            for f, n in frequency.items()}  # fmt: skip


def _cosine(first: dict[str, float], second: dict[str, float]) -> float:
    dot = sum(value * second.get(feature, 0.0) for feature, value in first.items())
    norms = math.sqrt(sum(v * v for v in first.values())) * math.sqrt(sum(v * v for v in second.values()))
    return dot / norms if norms else 0.0


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=5), st.lists(WORDS, min_size=1, max_size=5))
def test_the_sparse_product_equals_each_cosine_worked_out_alone(
    rows: list[list[str]], columns: list[list[str]]
) -> None:
    documents = [*rows, *columns]
    vectors = word_vectors(documents)
    found = cosines(vectors.take(range(len(rows))), vectors.take(range(len(rows), len(documents))))
    weights = [_weights(d, documents) for d in documents]
    expected = np.array([[_cosine(weights[r], weights[len(rows) + c]) for c in range(len(columns))]
                         for r in range(len(rows))])  # fmt: skip
    assert found.shape == (len(rows), len(columns))
    assert np.allclose(found, expected)


def test_a_shared_rare_word_counts_for_more_than_a_shared_common_one() -> None:
    documents = [["support", "patriot"], ["support", "training"], ["support", "fund"], ["patriot", "pilots"]]
    vectors = word_vectors(documents)
    [[by_common, by_rare]] = cosines(vectors.take([0]), vectors.take([1, 3]))
    assert by_rare > by_common


def test_binary_vectors_ignore_repetition_and_empty_ones_score_zero() -> None:
    vectors = tfidf_vectors([["a", "b"], ["a", "a", "b"], ["c"]], binary=True)
    assert np.array_equal(vectors.take([0]).weights, vectors.take([1]).weights)
    empty_and_one = word_vectors([[], ["a"]])
    assert cosines(empty_and_one.take([]), empty_and_one.take([1])).shape == (0, 1)
    assert cosines(empty_and_one.take([0]), empty_and_one.take([1])).tolist() == [[0.0]]
    assert len(tfidf_vectors([[], []])) == 2


def _profile(text: str, language: str = "en", heading: bool = False) -> Profile:
    words = [w for w in text.lower().split() if w not in {"the", "will", "to", "of", "and", "for"}]
    return Profile(words, concepts(text), language, heading)


def test_a_shared_rare_name_outweighs_shared_common_words() -> None:
    texts = [
        "Finland will deliver Patriot interceptors",
        "Patriot interceptors arrive",  # rewritten: the rare words kept
        "Finland will deliver food",  # the common words kept
        "Finland will deliver fuel",
        "Finland will deliver medicine",
    ]
    scorer = Scorer([_profile(t) for t in texts])
    ratios = np.full((1, 2), 50.0)  # the same wording ratio, to see what rarity adds
    rewritten, common = scorer.score([0], [1, 2], ratios)[0]
    assert rewritten > common


def test_across_languages_only_concepts_count_and_headings_score_nothing() -> None:
    english = "Luxembourg will purchase IRIS-T interceptors for the air defence of Ukraine in 2025."
    ukrainian = "Люксембург закупить перехоплювачі IRIS-T для протиповітряної оборони України у 2025 році."
    other = "Учасники проведуть консультації протягом 24 годин."
    profiles = [
        _profile(english),
        _profile(ukrainian, "uk"),
        _profile(other, "uk"),
        _profile(english, heading=True),
    ]
    scorer = Scorer(profiles)
    translated, unrelated, heading = scorer.score([0], [1, 2, 3], np.zeros((1, 3)))[0]
    assert translated > 0.5 > unrelated and heading == 0.0
    assert scorer.across(0, 1) and not scorer.across(0, 3)
