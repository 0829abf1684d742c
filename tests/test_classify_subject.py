"""Who commits: the subject of the verb, possessives and recipients, adversaries, the parties of an agreement."""

from __future__ import annotations

import pytest
from classify_helpers import label

from clauses.classify import classify_agreement, classify_clause
from clauses.models import Agreement, Clause, Strength


def test_adversary_as_subject_commits_nobody():
    clause = label("Any new Russian offensive would breach international law.")
    assert clause.strength == Strength.NONE


@pytest.mark.parametrize(
    ("text", "parties", "obligors"),
    [
        ("Romania will transfer a Patriot battery.", ("UA", "RO"), ["RO"]),
        ("The Romanian Government will open a training hub.", ("UA", "RO"), ["RO"]),
        ("Румунія передасть зенітний комплекс.", ("UA", "RO"), ["RO"]),
        ("Румыния передаст зенитный комплекс.", ("UA", "RO"), ["RO"]),
        ("The UK will fund demining.", ("UA", "GB"), ["GB"]),
        ("Велика Британія фінансуватиме розмінування.", ("UA", "GB"), ["GB"]),
        ("Ukraine will ratify the convention.", ("UA", "GB"), ["UA"]),
        ("Україна забезпечить прозорість закупівель.", ("UA", "GB"), ["UA"]),
        ("The Participants will meet every year.", ("UA", "GB"), ["ALL"]),
        ("Both sides will meet every year.", ("UA", "GB"), ["ALL"]),
        ("Ukraine and Romania will meet every year.", ("UA", "RO"), ["ALL"]),
        ("We will stand by Ukraine for as long as it takes.", ("UA", "GB"), ["ALL"]),
        ("Учасники зустрічатимуться щороку.", ("UA", "GB"), ["ALL"]),
        ("Стороны будут встречаться ежегодно.", ("UA", "GB"), ["ALL"]),
        ("Germany, together with its partners, will fund the coalition.", ("UA", "DE"), ["DE"]),
        ("Germany's contribution will be delivered by the end of the year.", ("UA", "DE"), ["DE"]),
    ],
)
def test_obligors(text, parties, obligors):
    assert label(text, parties).obligors == obligors


def test_parties_read_from_the_id_when_not_given():
    agreement = Agreement(
        id="ua-ro-2030",
        title="t",
        clauses=[Clause(id="a:1", path="1", text="Ukraine and Romania will hold annual talks.")],
    )
    assert classify_agreement(agreement).clauses[0].obligors == ["ALL"]


@pytest.mark.parametrize(
    ("text", "obligors"),
    [
        # What a party gives makes its possessive the actor; a party after "to" or "for" receives.
        ("The main components of Norway’s support will be the following.", ["NO"]),
        ("Norway’s security commitments to Ukraine seek to complement those of others.", ["NO"]),
        ("Ukraine’s security will remain a priority for the Participants.", ["ALL"]),
    ],
)
def test_possessives_and_recipients_in_the_subject(text, obligors):
    clause = classify_clause(Clause(id="t:p1", path="p1", text=text), parties=("UA", "NO"))
    assert clause.obligors == obligors


@pytest.mark.parametrize(
    ("text", "strength", "obligors"),
    [
        # The participle between commas is an adjunct: the party before it acts.
        (
            "Norway, working with its partners in the EU, will fund the legal work.",
            Strength.FIRM,
            ["NO"],
        ),
        (
            "Norway, working with its partners in the EU, will explore all lawful routes.",
            Strength.INTENT,
            ["NO"],
        ),
        ("Norway, acknowledging the value of culture, will fund museums in Kharkiv.", Strength.FIRM, ["NO"]),
    ],
)
def test_a_participial_phrase_is_no_subject(text, strength, obligors):
    clause = classify_clause(Clause(id="t:p1", path="p1", text=text), parties=("UA", "NO"))
    assert (clause.strength, clause.obligors) == (strength, obligors)


def test_every_party_is_all_or_each_of_two_or_more() -> None:
    from clauses.classify.subject import every_party

    assert every_party(["ALL"], ("UA",)) and every_party(["RO", "UA"], ("UA", "RO"))
    assert not every_party(["UA"], ("UA", "RO")) and not every_party(["UA"], ("UA",))


def test_only_an_adversary_acting_commits_nobody() -> None:
    from clauses.classify.subject import committing

    assert committing(["RU"], False) is None and committing(["BY", "RU"], False) is None
    assert committing(["RU", "UA"], False) == ["UA"] and committing(["RU"], True) == []


@pytest.mark.parametrize(
    ("text", "obligors"),
    [
        # A party closing a fronted adjunct with no comma is the subject, alone or with another.
        ("In 2025 Norway will fund two field hospitals.", ["NO"]),
        ("В течение трех лет Норвегия передаст Украине миллиард крон.", ["NO"]),
        ("Після завершення конференції Норвегія та Україна зобов'язалися розширити співпрацю.", ["ALL"]),
        # ... not the object of the adjunct's preposition.
        ("Together with Norway will be built a new repair plant.", ["ALL"]),
    ],
)
def test_a_party_after_a_fronted_adjunct_is_the_subject(text, obligors):
    assert label(text, ("UA", "NO")).obligors == obligors
