"""Concepts: one id per thing in English, Ukrainian and Russian, names, parties and quantities."""

from __future__ import annotations

from pathlib import Path

import pytest

from clauses.concepts import Vocabulary, concepts, read_vocabulary
from clauses.errors import ClausesError
from clauses.load import load
from clauses.resources import data_file

LANGUAGES = ("en", "uk", "ru")


def mirrored(fixtures: Path) -> dict[str, list[frozenset[str]]]:
    """Each language's version of one agreement (our own words): its clauses' concepts, in order."""
    return {lang: [concepts(c.text) for c in load(fixtures / "languages" / f"{lang}.txt").clauses]
            for lang in LANGUAGES}  # fmt: skip


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_translated_clause_shares_most_concepts_with_its_original(fixtures: Path, language: str) -> None:
    by_language = mirrored(fixtures)
    english, other = by_language["en"], by_language[language]
    assert len(english) == len(other) == 10
    for number, (original, translated) in enumerate(zip(english, other, strict=True)):
        shared = len(original & translated)
        assert shared >= 2 and shared >= 0.6 * len(original), (number, original, translated)
        rivals = [len(original & clause) for i, clause in enumerate(other) if i != number]
        assert shared > max(rivals), (number, original, translated)


def test_a_name_hides_the_concept_words_inside_it() -> None:
    found = concepts("Funding through the European Peace Facility will continue.")
    assert "name:epf" in found and "peace" not in found
    found = concepts("Україна отримує допомогу з Європейського фонду миру.")
    assert "name:epf" in found and "peace" not in found


@pytest.mark.parametrize(
    ("english", "translated"),
    [
        ("within 24 hours", "протягом 24 годин"),
        ("worth EUR 3 billion", "на суму 3 млрд євро"),
        ("in 2023", "у 2023 році"),
        ("on 12 July 2023", "12 июля 2023 года"),
        ("Patriot systems for the Ukrainian Air Force", "системи Петріот для Повітряних сил"),
        ("membership of NATO", "членство в НАТО"),
    ],
)
def test_numbers_dates_names_and_parties_are_shared_across_languages(english: str, translated: str) -> None:
    assert concepts(english) & concepts(translated), (concepts(english), concepts(translated))


def test_quantities_become_ids_a_year_is_never_a_duration() -> None:
    assert {"deadline:24 hours", "duration:24 hours", "number:24"} <= concepts("consult within 24 hours")
    found = concepts("у 2023 році")
    assert "year:2023" in found and not any(c.startswith(("duration:", "number:")) for c in found)
    assert "money:EUR:3e+09" in concepts("3 млрд євро") & concepts("EUR 3 billion")


def test_every_packaged_concept_bridges_two_languages() -> None:
    vocabulary = read_vocabulary(data_file("concepts.yaml"))
    lonely = [concept for concept, terms in vocabulary.concepts.items() if len(terms) < 2]
    assert not lonely
    assert {"name:patriot", "name:epf", "name:un"} <= {p.target for p in vocabulary.patterns()}


def test_a_broken_vocabulary_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "concepts.yaml"
    bad.write_text("concepts:\n  drone:\n    fr: [drone]\n", encoding="utf-8")
    with pytest.raises(ClausesError) as error:
        read_vocabulary(bad)
    assert "concepts.yaml" in str(error.value) and "concepts.drone.fr" in str(error.value)
    bad.write_text("concepts: [", encoding="utf-8")
    with pytest.raises(ClausesError, match="cannot read concepts"):
        read_vocabulary(bad)
    assert Vocabulary().patterns() == []
