"""Rarity-weighted similarity: TF-IDF vectors fitted on the clauses matched, cosines of many at once."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clauses.concepts import concepts
from clauses.similarity import Profile, Rarity, Scorer, bigrams, cosines, stack

WORDS = st.lists(
    st.sampled_from("patriot air defence support ukraine fund training pilots nato".split()), max_size=8
)


def test_bigrams_keep_the_words_and_add_each_neighbouring_pair() -> None:
    assert bigrams(["air", "defence", "systems"]) == [
        "air",
        "defence",
        "systems",
        "air defence",
        "defence systems",
    ]
    assert bigrams([]) == []


def test_a_rare_shared_word_counts_for_more_than_a_common_one() -> None:
    clauses = [
        ["support", "ukraine", "patriot"],
        ["support", "ukraine", "training"],
        ["support", "ukraine", "fund"],
    ]
    rarity = Rarity(clauses)
    assert rarity.weight("support") == 1.0 < rarity.weight("patriot") < rarity.weight("never seen")
    common = rarity.vector(["support", "pilots"]), rarity.vector(["support", "training"])
    rare = rarity.vector(["patriot", "pilots"]), rarity.vector(["patriot", "training"])
    [[by_common]], [[by_rare]] = (cosines(stack([a]), stack([b], by_feature=True)) for a, b in (common, rare))
    assert by_rare > by_common


def _cosine(first: list[str], second: list[str], rarity: Rarity) -> float:
    """The cosine worked out one clause pair at a time, as a dictionary product."""

    def weights(words: list[str]) -> dict[str, float]:
        return {w: (1 + math.log(words.count(w))) * rarity.weight(w) for w in set(words)}

    a, b = weights(first), weights(second)
    dot = sum(value * b.get(word, 0.0) for word, value in a.items())
    norms = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norms if norms else 0.0


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=5), st.lists(WORDS, min_size=1, max_size=5))
def test_the_sparse_product_equals_each_cosine_alone(rows: list[list[str]], columns: list[list[str]]) -> None:
    rarity = Rarity([*rows, *columns])
    found = cosines(stack([rarity.vector(r) for r in rows]), stack([rarity.vector(c) for c in columns], True))
    expected = np.array([[_cosine(r, c, rarity) for c in columns] for r in rows])
    assert found.shape == (len(rows), len(columns))
    assert np.allclose(found, expected)


def test_binary_vectors_ignore_repetition_and_nothing_scores_zero() -> None:
    rarity = Rarity([["a"], ["b"]])
    assert np.array_equal(
        rarity.vector(["a", "a", "b"], binary=True).weights, rarity.vector(["a", "b"]).weights
    )
    assert cosines(stack([]), stack([rarity.vector(["a"])], True)).shape == (0, 1)
    assert cosines(stack([rarity.vector([])]), stack([rarity.vector(["a"])], True)).tolist() == [[0.0]]


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
    scorer = Scorer(
        [_profile(english), _profile(ukrainian, "uk"), _profile(other, "uk"), _profile(english, heading=True)]
    )
    zero_ratio = np.zeros((1, 3))
    translated, unrelated, heading = scorer.score([0], [1, 2, 3], zero_ratio)[0]
    assert translated > 0.5 > unrelated and heading == 0.0
    assert scorer.across(0, 1) and not scorer.across(0, 3)
