"""Which categories a clause earns, in English, Ukrainian and Russian."""

from __future__ import annotations

import pytest
from classify_helpers import CATEGORY_CLAUSES, assert_labels, label

from clauses.classify import classify_agreement, classify_clause
from clauses.models import CATEGORY_IDS, Agreement, Clause


def test_every_contract_category_has_clauses_here():
    assert set(CATEGORY_CLAUSES) == set(CATEGORY_IDS)


@pytest.mark.parametrize(
    ("category", "language", "text"),
    [
        (c, lang, text)
        for c, texts in CATEGORY_CLAUSES.items()
        for lang, text in zip(("en", "uk", "ru"), texts, strict=True)
    ],
)
def test_category_in_each_language(category, language, text):
    clause = label(text)
    assert category in clause.category_ids, (language, [(c.id, c.evidence) for c in clause.categories])
    found = next(c for c in clause.categories if c.id == category)
    assert 0 < found.score <= 1
    assert found.evidence and all(word in text for word in found.evidence)


def test_unrelated_clause_gets_no_category():
    assert label("Lorem ipsum dolor sit amet.").categories == []


def test_heading_gives_context_but_own_words_win():
    under_air = label("Norway will deliver further systems.", heading=["Air Defence"])
    assert under_air.category_ids == ["air-defense"]
    assert (
        under_air.categories[0].score < label("Norway will deliver air defence systems.").categories[0].score
    )
    own = label("Norway will fund humanitarian demining.", heading=["Air Defence"])
    assert "air-defense" not in own.category_ids


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # NATO as a goal, not the EU: accession names its organisation.
        ("Norway backs Ukraine's accession to NATO.", "nato-integration", "eu-integration"),
        ("Норвегія підтримує вступ України до НАТО.", "nato-integration", "eu-integration"),
        ("Норвегия поддерживает вступление Украины в НАТО.", "nato-integration", "eu-integration"),
        # "Euro-Atlantic security" is the setting; "Euro-Atlantic integration" the goal.
        ("Norway supports the Euro-Atlantic integration of Ukraine.", "nato-integration", None),
        ("Норвегія підтримує євроатлантичну інтеграцію України.", "nato-integration", None),
        ("Норвегия поддерживает евроатлантическую интеграцию Украины.", "nato-integration", None),
        ("A new invasion would damage Euro-Atlantic security.", None, "nato-integration"),
        ("Новий напад зашкодив би євроатлантичній безпеці.", None, "nato-integration"),
        ("Новое нападение нанесло бы ущерб евроатлантической безопасности.", None, "nato-integration"),
        # Reform in general is not defence reform.
        ("Ukraine will pursue reforms of its courts and public administration.", None, "nato-integration"),
        ("Україна продовжить реформи судів і державного управління.", None, "nato-integration"),
        ("Украина продолжит реформы судов и государственного управления.", None, "nato-integration"),
        ("Ukraine will pursue defence reform under civilian control.", "nato-integration", None),
        # The EU institutions named in passing are not EU integration.
        ("The minister travelled to the European Council meeting in Brussels.", None, "eu-integration"),
        ("Norway supports Ukraine's EU membership.", "eu-integration", None),
    ],
)
def test_integration_needs_the_goal_not_a_passing_name(text, present, absent):
    assert_labels(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Sanctions on "sectors of the Russian economy" are not economic cooperation.
        (
            "Norway will keep sanctions on sectors of the Russian economy.",
            "sanctions",
            "reconstruction-economy",
        ),
        ("Норвегія зберігатиме санкції проти російської економіки.", "sanctions", "reconstruction-economy"),
        ("Норвегия сохранит санкции против российской экономики.", "sanctions", "reconstruction-economy"),
        # Pressure on Russia alone is diplomacy, not yet sanctions.
        ("The talks were about more pressure on Russia.", None, "sanctions"),
        ("Йшлося про посилення тиску на Росію.", None, "sanctions"),
        ("Речь шла об усилении давления на Россию.", None, "sanctions"),
        # Cyber espionage is a cyber threat, not intelligence cooperation.
        ("The Participants will counter cyber espionage against ministries.", "cyber", "intelligence"),
        # The Ramstein format coordinates donors; it trains nobody.
        (
            "Norway will coordinate its deliveries within the Ramstein format.",
            "military-assistance",
            "training",
        ),
        # Investment in the defence industry is industrial cooperation.
        (
            "Norway will encourage industrial investment in Ukrainian plants.",
            "defense-industry",
            "reconstruction-economy",
        ),
        # 'Accountable' spending is not accountability for aggression.
        ("Ukraine will spend the grants in an accountable and transparent way.", None, "accountability"),
        ("Russia must be held accountable for its crimes.", "accountability", None),
        # Implementing reforms is not implementing the agreement.
        ("Ukraine will keep implementing reforms and review its laws.", None, "final-provisions"),
        (
            "The Participants will review the implementation of this Agreement every year.",
            "final-provisions",
            None,
        ),
    ],
)
def test_passing_words_do_not_make_a_category(text, present, absent):
    assert_labels(text, present, absent)


def test_one_term_counts_once_whatever_its_spelling():
    clause = label("Norway will fund capacity-building and capacity building.")
    assert "training" not in clause.category_ids


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The Participants will counter chemical weapons threats.", "cbrn", "military-assistance"),
        ("Учасники протидіятимуть загрозам хімічної зброї.", "cbrn", "military-assistance"),
        ("Участники будут противодействовать угрозам химического оружия.", "cbrn", "military-assistance"),
        ("Ukraine will tighten control of small arms and fight their smuggling.", "law-enforcement", None),
    ],
)
def test_weapons_of_a_threat_or_a_crime_are_not_deliveries(text, present, absent):
    assert_labels(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Civilian aid words take the generic 'support' with them.
        (
            "Norway will channel humanitarian support to displaced families.",
            "humanitarian",
            "military-assistance",
        ),
        ("Норвегія надаватиме гуманітарну допомогу переселенцям.", "humanitarian", "military-assistance"),
        ("Норвегия будет оказывать гуманитарную помощь переселенцам.", "humanitarian", "military-assistance"),
        (
            "Norway will fund the military medical service that treats wounded soldiers.",
            "humanitarian",
            "military-assistance",
        ),
        # Missiles and drones as a threat are air defence; a drone is no delivery by itself.
        (
            "The Participants will compare notes on threats from missiles and drones.",
            "air-defense",
            "military-assistance",
        ),
        (
            "Учасники обміняються досвідом щодо загроз від ракет і дронів.",
            "air-defense",
            "military-assistance",
        ),
        ("Участники обменяются опытом по угрозам от ракет и дронов.", "air-defense", "military-assistance"),
        # Industry, not deliveries: technologies transferred to a plant, repair localised there.
        (
            "Norway will back localising repair work and protect transferred technologies.",
            "defense-industry",
            "military-assistance",
        ),
        # Money words of other fields.
        (
            "Norway will design new finance vehicles with the International Monetary Fund.",
            "reconstruction-economy",
            "military-assistance",
        ),
        ("Germany has funded humanitarian and military demining.", "demining", "military-assistance"),
        (
            "Ukraine will make its procurement processes for the army transparent.",
            "nato-integration",
            "military-assistance",
        ),
        # EU law as the frame of a commitment is a condition, not integration.
        ("Norway will act in accordance with international and European Union law.", None, "eu-integration"),
    ],
)
def test_military_assistance_needs_military_aid_not_its_words_elsewhere(text, present, absent):
    assert_labels(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Rebuilding forces is no reconstruction; rebuilding the country is.
        ("Norway will help rebuild the brigades of the Ukrainian army.", None, "reconstruction-economy"),
        ("Norway will help rebuild the country after the war.", "reconstruction-economy", None),
        ("Norway will help rebuild Ukraine's armed forces.", None, "reconstruction-economy"),
        # A discussion alone is no political support.
        ("The ministers discussed the delivery of shells.", None, "political-support"),
        ("The two presidents discussed the war at their meeting.", "political-support", None),
        # A passing 'destabilise' is no hybrid campaign; destabilising activities are.
        ("Norway will help the region withstand attempts to destabilise it.", None, "hybrid-threats"),
        ("The Participants will counter destabilising activities of hostile states.", "hybrid-threats", None),
        # Espionage and sabotage together are intelligence work.
        ("Ukraine will disrupt hostile espionage and sabotage.", "intelligence", "hybrid-threats"),
        # Nuclear safety concerns CBRN as well as the power plants.
        ("Norway will support nuclear safety at Ukrainian plants.", "cbrn", None),
        # The defence sector in general is no defence industry.
        ("Norway will support a modern defence sector in Ukraine.", None, "defense-industry"),
    ],
)
def test_generic_words_need_their_object(text, present, absent):
    assert_labels(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("The prime minister held talks with the Norwegian king.", "political-support"),
        ("Президент провів телефонну розмову з прем'єр-міністром Норвегії.", "political-support"),
        ("Президент провел телефонный разговор с премьер-министром Норвегии.", "political-support"),
        ("Norway will keep contributing to NATO's Comprehensive Assistance Package.", "military-assistance"),
        ("The Participants will activate the emergency consultation mechanism.", "consultations"),
        ("A future Russian invasion would threaten the whole region.", "consultations"),
        (
            "Norway will open its capital markets and private finance to Ukrainian firms.",
            "reconstruction-economy",
        ),
        ("Norway will help protect shipping at sea.", "maritime-black-sea"),
        ("Norwegian crews helped by shooting down drones over the city.", "air-defense"),
    ],
)
def test_field_phrases_name_their_category(text, present):
    assert present in label(text).category_ids, label(text).categories


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Ukraine will continue reforms of its judiciary.", ["Reform commitments"]),
        ("Україна продовжить реформи судової системи.", ["Реформи"]),
        ("Украина продолжит реформы судебной системы.", ["Реформы"]),
    ],
)
def test_reform_under_a_reform_heading_is_eu_integration(text, heading):
    assert label(text, heading=heading).category_ids == ["eu-integration"]
    assert "eu-integration" not in label(text).category_ids


def test_incidental_words_give_way_to_the_clear_topic():
    # The EU named as the channel of a delivery of shells and artillery is no EU integration...
    channel = label("Norway will deliver artillery shells and ammunition through EU instruments.")
    assert "military-assistance" in channel.category_ids
    assert "eu-integration" not in channel.category_ids
    # ...while the EU named beside an unrelated incidental word still counts.
    assert "eu-integration" in label("Norway supports the EU and its member states.").category_ids


@pytest.mark.parametrize(
    "text",
    [
        "Норвегія передасть артилерійські снаряди та боєприпаси через механізми ЄС.",
        "Норвегия передаст артиллерийские снаряды и боеприпасы через механизмы ЕС.",
    ],
)
def test_incidental_words_give_way_in_ukrainian_and_russian(text):
    ids = label(text).category_ids
    assert "military-assistance" in ids and "eu-integration" not in ids, ids


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A named system handed over is a delivery as well as air defence.
        ("Norway will transfer a NASAMS battery to Ukraine.", "military-assistance", None),
        # A resilience fund for civil defence is civilian aid, not the economy.
        (
            "Norway will back civil defence through the Partnership Fund for a Resilient Ukraine.",
            "humanitarian",
            "reconstruction-economy",
        ),
        # 'Bilateral' alone is no political support; public diplomacy is strategic communication.
        ("The Participants will pursue bilateral security commitments.", None, "political-support"),
        ("The Participants will train experts in public diplomacy.", "hybrid-threats", "political-support"),
    ],
)
def test_deliveries_funds_and_diplomacy(text, present, absent):
    assert_labels(text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Weapons an industry makes, or mines and shells demining clears, are not weapons given.
        (
            "Norway and Ukraine will expand joint production of shells, weapons and ammunition.",
            "defense-industry",
            "military-assistance",
        ),
        (
            "Сторони розширять спільне виробництво боєприпасів і зброї.",
            "defense-industry",
            "military-assistance",
        ),
        (
            "Стороны расширят совместное производство боеприпасов и оружия.",
            "defense-industry",
            "military-assistance",
        ),
        (
            "Norway will clear farmland contaminated by mines and ammunition.",
            "demining",
            "military-assistance",
        ),
        # Aid words without anything military: budget, reform or infrastructure assistance.
        (
            "Norway will work with donors to secure budget support and assistance for Ukraine.",
            "reconstruction-economy",
            "military-assistance",
        ),
        (
            "Norway will contribute assistance to the capabilities protecting power plants.",
            "energy-infrastructure",
            "military-assistance",
        ),
        # Both together, in the three languages; a named programme stands for both.
        ("Norway will fund the supply of weapons to the Ukrainian army.", "military-assistance", None),
        ("Норвегія фінансуватиме постачання зброї для Збройних Сил України.", "military-assistance", None),
        ("Норвегия профинансирует поставки оружия для армии Украины.", "military-assistance", None),
        ("Norway will take part in PURL.", "military-assistance", None),
    ],
)
def test_military_assistance_needs_something_given_and_something_military(text, present, absent):
    assert_labels(text, present, absent)


def test_a_list_item_keeps_the_topic_of_its_section():
    heading = ["Organised crime and border security"]
    intro = Clause(id="t:1", path="3", heading=heading, text="The Participants will:")
    item = Clause(
        id="t:2",
        path="3.a",
        heading=heading,
        parent="t:1",
        text="a) exchange training methods with one another.",
    )
    alone = item.model_copy(update={"parent": None})
    agreement = Agreement(id="ua-no-2030", title="Agreement", parties=["UA", "NO"], clauses=[intro, item])
    labelled = classify_agreement(agreement).clauses[1]
    assert {"training", "law-enforcement"} <= set(labelled.category_ids)
    assert (
        "law-enforcement" not in classify_clause(alone).category_ids
    )  # a paragraph of its own says training


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A fronted "as"/"while" clause sets the scene; the main clause names the topic.
        (
            "As Ukraine rebuilds its economy, Norway will keep funding humanitarian aid for refugees and displaced families.",
            "humanitarian",
            "reconstruction-economy",
        ),
        (
            "Norway will keep funding humanitarian aid for refugees and displaced families, and help rebuild the economy.",
            "reconstruction-economy",
            None,
        ),
        # "as members of", "as well as" are no such clause.
        (
            "As members of the coalition for the return of deported children, the Participants will act together.",
            "humanitarian",
            None,
        ),
        (
            "Norway will fund demining; as well as trade and investment projects, it will back schools.",
            "reconstruction-economy",
            None,
        ),
    ],
)
def test_the_scene_setting_clause_counts_less_than_the_main_one(text, present, absent):
    assert_labels(text, present, absent)


def test_the_sentence_introducing_a_list_supplies_the_word_of_giving():
    intro = Clause(id="t:1", path="5", text="Norway will transfer to Ukraine, among others:")
    item = Clause(
        id="t:2", path="5.a", parent="t:1", text="a) artillery systems and large calibre ammunition;"
    )
    agreement = Agreement(id="ua-no-2030", title="Agreement", parties=["UA", "NO"], clauses=[intro, item])
    assert "military-assistance" in classify_agreement(agreement).clauses[1].category_ids
    alone = item.model_copy(update={"parent": None})
    assert "military-assistance" not in classify_clause(alone).category_ids


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "The Participants will work together on cyber diplomacy to counter Russian cyber attacks.",
            "cyber",
            "political-support",
        ),
        # A country's own export rules beside its industry are no sanctions; export controls on Russia are.
        (
            "Norway's defence industry will localise production in Ukraine and share technology, "
            "in accordance with Norwegian export control regulations.",
            "defense-industry",
            "sanctions",
        ),
        (
            "The Participants will tighten export controls to deny Russia the goods it uses in its war.",
            "sanctions",
            None,
        ),
        ("Norway will expand ammunition production for Ukraine.", "defense-industry", None),
    ],
)
def test_words_that_belong_to_another_topic_in_context(text, present, absent):
    assert_labels(text, present, absent)


def test_cbrn_weapons_are_no_weapons_given():
    ids = label("Norway will support Ukraine's resilience against CBRN weapons-related risks.").category_ids
    assert "cbrn" in ids and "military-assistance" not in ids


def test_a_military_heading_supplies_the_military_word():
    clause = Clause(
        id="t:1",
        path="1",
        text="Norway will support capabilities and logistics hubs.",
        heading=["Military aid"],
    )
    assert "military-assistance" in classify_clause(clause).category_ids
    elsewhere = clause.model_copy(update={"heading": ["Economic cooperation"]})
    assert "military-assistance" not in classify_clause(elsewhere).category_ids


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("The Participants may amend these provisions to match a later mechanism.", "final-provisions"),
        ("Norway backs the integration of Ukraine into the European Union.", "eu-integration"),
        ("Норвегія підтримує інтеграцію України до ЄС.", "eu-integration"),
        ("Норвегия поддерживает интеграцию Украины в ЕС.", "eu-integration"),
        ("The text also covers holding Russia accountable for the war.", "accountability"),
        ("Учасники наполягають на тому, щоб притягнути Росію до відповідальності.", "accountability"),
        ("Участники настаивают на том, чтобы привлечь Россию к ответственности.", "accountability"),
    ],
)
def test_goals_named_with_words_between(text, present):
    assert present in label(text).category_ids, label(text).categories


def test_nato_presence_in_a_region_is_no_integration():
    assert "nato-integration" not in label("Romania will call for a wider NATO presence at sea.").category_ids


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("The Participants will train staff to detect illegal cargo.", ["Countering organised crime"]),
        (
            "Учасники навчатимуть персонал виявляти незаконні вантажі.",
            ["Боротьба з організованою злочинністю"],
        ),
        (
            "Участники будут обучать персонал выявлять незаконные грузы.",
            ["Борьба с организованной преступностью"],
        ),
    ],
)
def test_heading_completes_a_category_the_clause_points_to(text, heading):
    assert label(text).category_ids == ["training"]
    assert set(label(text, heading=heading).category_ids) == {"training", "law-enforcement"}


def test_the_nearest_heading_naming_a_topic_gives_the_context():
    chapter, section = "Economic recovery and reconstruction", "Countering organised crime"
    clause = label("The Participants will set up joint teams.", heading=[chapter, section])
    assert clause.category_ids == ["law-enforcement"]
    # A section heading that names no topic leaves the word to the chapter.
    assert label("The Participants will set up joint teams.", heading=[chapter, "General"]).category_ids == [
        "reconstruction-economy"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks with his Polish colleague went well.",
        "Ukraine has signed bilateral security agreements with twenty partners.",
    ],
)
def test_diplomacy_named_as_such_is_political_support(text):
    assert "political-support" in label(text).category_ids


@pytest.mark.parametrize(
    ("text", "heading", "present", "absent"),
    [
        (
            "Norway will advise on the reform of the forces.",
            ["Security and defence sector reform"],
            "nato-integration",
            "eu-integration",
        ),
        ("Ukraine plans controlled arms exports to partners.", [], "defense-industry", "military-assistance"),
        ("Україна планує контрольований експорт зброї.", [], "defense-industry", "military-assistance"),
        ("Украина планирует контролируемый экспорт оружия.", [], "defense-industry", "military-assistance"),
    ],
)
def test_defence_reform_and_arms_exports(text, heading, present, absent):
    ids = label(text, heading=heading).category_ids
    assert present in ids and absent not in ids, ids


def test_a_heading_on_the_same_topic_keeps_an_incidental_word():
    text = "Ukraine will reform its anti-corruption courts and prosecute corruption and money laundering."
    assert "eu-integration" not in label(text).category_ids
    assert "eu-integration" in label(text, heading=["Commitment to implement reforms"]).category_ids


@pytest.mark.parametrize(
    "text",
    [
        "Both sides will look for joint projects.",
        "Обидві сторони шукатимуть спільні проєкти.",
        "Обе стороны будут искать совместные проекты.",
    ],
)
def test_joint_projects_alone_are_industrial_cooperation(text):
    assert label(text).category_ids == ["defense-industry"]


def test_joint_projects_give_way_to_a_clear_topic():
    text = "Both sides will look for joint projects to protect the power grid and critical infrastructure."
    assert label(text).category_ids == ["energy-infrastructure"]


def test_both_goals_named_together_count_for_both():
    ids = label("These reforms serve Ukraine's European and NATO aspirations.").category_ids
    assert {"eu-integration", "nato-integration"} <= set(ids), ids


def test_political_and_military_support_is_both():
    text = "Norway will provide political and military support, including artillery and ammunition."
    assert {"political-support", "military-assistance"} <= set(label(text).category_ids)


@pytest.mark.parametrize(
    "text",
    [
        "The fund will receive royalties from natural resource projects in Ukraine.",
        "The money will be invested in new plants across Ukraine.",
    ],
)
def test_money_put_to_work_is_economy(text):
    assert_labels(text, "reconstruction-economy", None)
