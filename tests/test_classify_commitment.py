"""How firmly a clause commits: main verbs, recitals, list items and their introducers, coordinated verbs."""

from __future__ import annotations

import pytest
from classify_helpers import label

from clauses.classify import classify_agreement, classify_clause
from clauses.models import Agreement, Clause, Kind, Strength


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("Norway will transfer two radars to Ukraine.", Strength.FIRM),
        ("Norway shall notify Ukraine of each delivery.", Strength.FIRM),
        ("Norway is committed to funding the programme.", Strength.FIRM),
        ("Норвегія надаватиме Україні допомогу.", Strength.FIRM),
        ("Норвегия будет предоставлять Украине помощь.", Strength.FIRM),
        ("The Participants intend to expand joint exercises.", Strength.INTENT),
        ("Norway will seek to increase its contribution.", Strength.INTENT),
        ("The Participants will explore options for co-production.", Strength.INTENT),
        ("Учасники мають намір розширити навчання.", Strength.INTENT),
        ("Участники намерены расширить обучение.", Strength.INTENT),
        ("Norway supports Ukraine's European path.", Strength.SUPPORT),
        ("The Participants welcome the new coalition.", Strength.SUPPORT),
        ("Норвегія підтримує європейський шлях України.", Strength.SUPPORT),
        ("Норвегия поддерживает европейский путь Украины.", Strength.SUPPORT),
        (
            "The Participants may, subject to national procedures, exchange liaison officers.",
            Strength.OPTIONAL,
        ),
        ("Norway will, where possible, share its stocks.", Strength.OPTIONAL),
        ("Учасники можуть обмінюватися офіцерами зв'язку.", Strength.OPTIONAL),
        ("Участники могут обмениваться офицерами связи.", Strength.OPTIONAL),
        ("Reaffirming their support for Ukraine's sovereignty,", Strength.NONE),
        ("Визнаючи право України на самооборону,", Strength.NONE),
        ("Признавая право Украины на самооборону,", Strength.NONE),
        ("Since 2022 Norway has provided substantial aid.", Strength.NONE),
        ("This Arrangement will come into effect upon signature.", Strength.NONE),
    ],
)
def test_strength(text, strength):
    clause = label(text)
    assert clause.strength == strength, clause.reasons
    assert (clause.obligors == []) == (strength == Strength.NONE)


def test_rights_of_the_parties_over_the_text_are_optional_for_all():
    clause = label("This Arrangement may be amended by mutual consent of the Participants.")
    assert (clause.strength, clause.obligors) == (Strength.OPTIONAL, ["ALL"])


def test_paragraph_takes_firmest_sentence_and_its_obligors():
    clause = label("Norway supports reform. Ukraine will adopt a new procurement law.", ("UA", "NO"))
    assert (clause.strength, clause.obligors) == (Strength.FIRM, ["UA"])


def test_list_items_inherit_from_the_introducing_sentence():
    agreement = Agreement(
        id="ua-no-test",
        title="t",
        parties=["UA", "NO"],
        clauses=[
            Clause(id="a:1", path="1", text="Norway will:"),
            Clause(id="a:1.a", path="1.a", text="a) train pilots;", parent="a:1"),
            Clause(id="a:1.b", path="1.b", text="b) Ukraine will host the centre.", parent="a:1"),
        ],
    )
    result = classify_agreement(agreement)
    assert result is not agreement and agreement.clauses[1].strength == Strength.NONE
    intro, item, own = result.clauses
    assert (item.strength, item.obligors) == (Strength.FIRM, ["NO"])
    assert own.obligors == ["UA"]
    assert any("inherited" in r.evidence for r in item.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Norway affirms that in those circumstances and in line with its law, it would provide Ukraine with swift aid.",
        "Norway affirms that in those circumstances, and within its means, it will provide Ukraine with swift aid.",
        "Норвегія підтверджує, що за цих обставин і відповідно до своїх вимог, вона надасть Україні швидку допомогу.",
        "Норвегия подтверждает, что при этих обстоятельствах и согласно своим нормам, она предоставит Украине быструю помощь.",
    ],
)
def test_affirming_what_it_will_do_in_those_circumstances_commits_firmly(text):
    clause = classify_clause(Clause(id="t:1", path="1", text=text), parties=("UA", "NO"))
    assert (clause.strength, clause.obligors) == (Strength.FIRM, ["NO"])


def test_affirming_what_another_will_do_commits_nobody_firmly():
    clause = classify_clause(
        Clause(id="t:1", path="1", text="Норвегія підтверджує, що Україна надасть звіт."),
        parties=("UA", "NO"),
    )
    assert clause.strength == Strength.SUPPORT


@pytest.mark.parametrize(
    ("path", "text", "strength"),
    [
        # The segmenter keeps an item's number in its path: the bare verb still commits every party.
        (
            "8.6",
            "Promote border protection, monitoring and joint patrols at the common border;",
            Strength.FIRM,
        ),
        ("II.5.b", "6. Explore joint patrols at the common border;", Strength.INTENT),
        # Imperative, not "supports"; a restarted number ("~2") is still a number.
        ("8.4~2", "Support Ukraine in setting up a national focal point on arms;", Strength.FIRM),
        # An unnumbered paragraph opening with the same word is no list item.
        (
            "p3",
            "Promote border protection, monitoring and joint patrols at the common border.",
            Strength.NONE,
        ),
    ],
)
def test_a_numbered_item_whose_introducer_was_lost_commits_all(path, text, strength):
    clause = classify_clause(Clause(id=f"t:{path}", path=path, text=text), parties=("UA", "NO"))
    assert clause.strength == strength
    assert clause.obligors == ([] if strength == Strength.NONE else ["ALL"])


def test_a_numbered_item_with_its_own_subject_keeps_its_verb():
    clause = classify_clause(
        Clause(id="t:4", path="4", text="4. Norway supports the peace formula."), parties=("UA", "NO")
    )
    assert (clause.strength, clause.obligors) == (Strength.SUPPORT, ["NO"])


@pytest.mark.parametrize(
    ("text", "strength", "obligors"),
    [
        # ", and would undermine" shares the adversary's subject: nobody commits.
        (
            "Any future Russian invasion would violate the UN Charter, and would undermine European security.",
            Strength.NONE,
            [],
        ),
        ("Norway will train Ukrainian pilots, and will fund the flight school.", Strength.FIRM, ["NO"]),
        # In a recital, "and commends" continues the participle; it is no main clause.
        (
            "recalling that Ukraine will continue its reforms, and that Norway is ready to help, and commends Ukraine;",
            Strength.NONE,
            [],
        ),
    ],
)
def test_a_coordinated_verb_shares_the_subject_before_it(text, strength, obligors):
    clause = classify_clause(Clause(id="t:p1", path="p1", text=text), parties=("UA", "NO"))
    assert (clause.strength, clause.obligors) == (strength, obligors)


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("Norway will use its best efforts to deliver spare parts.", Strength.INTENT),
        ("The Participants will continue to explore joint repair hubs.", Strength.INTENT),
        ("Norway will, subject to its national procedures, seek to expand the programme.", Strength.INTENT),
        ("The Participants will continue to work to open new training sites.", Strength.INTENT),
        ("Norway will also endeavour to speed up licensing.", Strength.INTENT),
        ("Norway would welcome Ukrainian engineers in the joint venture.", Strength.SUPPORT),
        ("Norway will continue to welcome displaced families from Ukraine.", Strength.FIRM),
        ("Norway will continue to supply fuel to Ukraine.", Strength.FIRM),
    ],
)
def test_an_auxiliary_takes_the_strength_of_the_verb_it_chains_to(text, strength):
    clause = label(text)
    assert clause.strength == strength, clause.reasons


def test_list_items_inherit_a_best_efforts_introducer_and_explain_says_the_chain():
    agreement = Agreement(
        id="ua-no-2030",
        title="t",
        parties=["UA", "NO"],
        clauses=[
            Clause(id="a:1", path="1", text="Norway will use best efforts towards:"),
            Clause(id="a:1.a", path="1.a", text="(a) delivering spare parts;", parent="a:1"),
        ],
    )
    intro, item = classify_agreement(agreement).clauses
    assert (intro.strength, item.strength) == (Strength.INTENT, Strength.INTENT)
    why = next(reason.evidence for reason in intro.reasons if reason.label == "strength")
    assert "use best efforts (chain: intent)" in why


@pytest.mark.parametrize(
    ("text", "strength", "obligors"),
    [
        # Statements: an action going on now, with a party as its subject, commits firmly.
        ("Canada is announcing a new package of armoured vehicles for Ukraine.", Strength.FIRM, ["CA"]),
        ("We are providing Ukraine with two more radar batteries.", Strength.FIRM, ["ALL"]),
        ("Norway and Ukraine are exploring joint repair shops for howitzers.", Strength.INTENT, ["ALL"]),
        ("Norway is reaffirming its backing of the grain corridor.", Strength.SUPPORT, ["NO"]),
        # ... but not a state of affairs, nor an action inside an embedded clause.
        ("Norway is unwavering in its backing of Ukraine.", Strength.SUPPORT, ["NO"]),
        ("The shelling of the port is continuing.", Strength.NONE, []),
        ("Norway funds shelters for families who are staying in the east.", Strength.NONE, []),
        # A past record of a decision about the future commits; a forecast with no party commits nobody.
        ("Norway and Ukraine have also agreed to open a joint training centre.", Strength.FIRM, ["ALL"]),
        ("The new radars will help protect the cities from drones.", Strength.NONE, []),
        ("The expected benefits will include cheaper electricity for households.", Strength.NONE, []),
        ("The fund will receive half of the licence fees.", Strength.FIRM, ["ALL"]),
        ("Bergen will help the school train Ukrainian engineers.", Strength.FIRM, ["ALL"]),
        # Russian and Ukrainian verb forms: the perfective future is firm, "собирается" an intent.
        ("Норвегия поставит Украине гаубицы и снаряды.", Strength.FIRM, ["NO"]),
        ("Норвегия собирается передать Украине ракеты.", Strength.INTENT, ["NO"]),
        ("Норвегія збирається передати Україні ракети.", Strength.INTENT, ["NO"]),
        ("Норвегія виділить Україні кошти на енергетику.", Strength.FIRM, ["NO"]),
        ("Норвегия обязалась обучить украинских саперов.", Strength.FIRM, ["NO"]),
        # What a party gets is no commitment, whatever the subject; a party after "in" is a place.
        ("Norway and Ukraine will both benefit from the joint plant.", Strength.NONE, []),
        ("Production of the shells in Norway will allow faster deliveries.", Strength.NONE, []),
        ("Joint production in Ukraine and Norway will allow faster repairs.", Strength.NONE, []),
        ("These first deliverables will expand the joint repair programme.", Strength.NONE, []),
        # "will work together to" is an intent, as "will continue to work together" is.
        ("Norway and Ukraine will work together to protect shared technologies.", Strength.INTENT, ["ALL"]),
        ("Норвегия приложит максимум усилий, чтобы ускорить поставки.", Strength.INTENT, ["NO"]),
        ("Норвегія докладе максимум зусиль, щоб прискорити постачання.", Strength.INTENT, ["NO"]),
    ],
)
def test_statements_read_by_tense(text, strength, obligors):
    clause = label(text)
    assert (clause.strength, clause.obligors) == (strength, obligors), clause.reasons


def test_a_text_one_government_issued_commits_that_government():
    """Its "we" is the government's own commitment; a group speaking as one (G7) commits jointly."""
    text = "We will deliver four more air defence systems this year."
    assert label(text, ("NO",)).obligors == ["NO"]
    official = label("The Vice President is announcing a new energy package.", ("NO",))
    assert (official.strength, official.obligors) == (Strength.FIRM, ["NO"])
    assert label("The Vice President is announcing a new energy package.").strength == Strength.NONE
    assert label(text, ("G7",)).obligors == ["ALL"]
    assert label(text, ("UA", "NO")).obligors == ["ALL"]


def test_a_group_issuing_alone_commits_its_members_jointly():
    assert label("The G7 will keep the sanctions until Russia pays.", ("G7",)).obligors == ["ALL"]


@pytest.mark.parametrize(
    ("kind", "categories"), [(Kind.AGREEMENT, ["final-provisions"]), (Kind.STATEMENT, [])]
)
def test_only_a_signed_text_has_provisions_on_its_own_life(kind, categories):
    text = "This arrangement will remain in effect for ten years and may be extended by mutual consent."
    agreement = Agreement(
        id="ua-no-x",
        title="t",
        kind=kind,
        parties=["UA", "NO"],
        clauses=[Clause(id="ua-no-x:1", path="1", text=text)],
    )
    assert classify_agreement(agreement).clauses[0].category_ids == categories


@pytest.mark.parametrize(
    ("text", "negated", "strength"),
    [
        ("Norway will not deliver combat aircraft to Ukraine.", True, Strength.FIRM),
        ("Norway shall not pass the data on to third parties.", True, Strength.FIRM),
        ("Норвегія не передаватиме літаки Україні.", True, Strength.FIRM),
        ("Норвегия не будет передавать самолеты Украине.", True, Strength.FIRM),
        ("Norway will never recognise the illegal annexation of Crimea.", False, Strength.FIRM),
        ("Norway's support for Ukraine will not waver.", False, Strength.FIRM),
        ("Norway will not only train crews but also supply spare parts.", False, Strength.FIRM),
        ("Norway will fund radars. Norway will not fund aircraft.", False, Strength.FIRM),
        ("The listed measures are not intended to be exhaustive.", False, Strength.INTENT),
    ],
)
def test_negated_main_verb(text, negated, strength):
    clause = label(text)
    assert (clause.negated, clause.strength) == (negated, strength), clause.reasons


@pytest.mark.parametrize(
    ("text", "strength", "obligors"),
    [
        ("This Accord will come into effect upon signature.", Strength.NONE, []),
        ("The present Agreement shall remain in force for ten years.", Strength.NONE, []),
        ("This Compact may be extended by mutual agreement.", Strength.OPTIONAL, ["ALL"]),
        ("In case of divergence, the English language version shall prevail.", Strength.NONE, []),
        ("The termination shall take effect three months after notice.", Strength.NONE, []),
        (
            "Either Participant may end this Memorandum by written notice. The termination will take "
            "effect three months after that notice.",
            Strength.OPTIONAL,
            ["ALL"],
        ),
    ],
)
def test_the_text_itself_is_no_obligor(text, strength, obligors):
    clause = label(text)
    assert (clause.strength, clause.obligors) == (strength, obligors), clause.reasons
