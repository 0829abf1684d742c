"""Clause labels: categories in English, Ukrainian and Russian, strength, obligors, precision, conditions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clauses.classify import classify_agreement, classify_clause
from clauses.cli import cli
from clauses.models import CATEGORY_IDS, Agreement, Clause, Condition, Precision, QuantityKind, Strength
from clauses.pipeline import analyze

# One clause per category and language, written for these tests (not taken from any agreement).
CATEGORY_CLAUSES: dict[str, tuple[str, str, str]] = {
    "air-defense": (
        "Norway will deliver additional interceptors for the NASAMS batteries protecting Ukrainian cities.",
        "Норвегія передасть додаткові ракети для систем протиповітряної оборони.",
        "Норвегия передаст дополнительные ракеты для систем противовоздушной обороны.",
    ),
    "maritime-black-sea": (
        "The Participants will work to keep sea lanes open and restore freedom of navigation.",
        "Учасники сприятимуть безпеці судноплавства у Чорному морі.",
        "Участники будут содействовать безопасности судоходства в Черном море.",
    ),
    "intelligence": (
        "The services of both sides will deepen intelligence sharing on hostile networks.",
        "Сторони поглиблять обмін розвідувальною інформацією.",
        "Стороны углубят обмен разведывательной информацией.",
    ),
    "training": (
        "Instructors from Norway will run training courses for Ukrainian sappers.",
        "Норвегія проводитиме навчання українських військовослужбовців.",
        "Норвегия будет проводить обучение украинских военнослужащих.",
    ),
    "military-assistance": (
        "Norway will donate artillery ammunition and armoured vehicles to the Ukrainian army.",
        "Норвегія передасть Україні боєприпаси та бронетехніку.",
        "Норвегия передаст Украине боеприпасы и бронетехнику.",
    ),
    "defense-industry": (
        "The Participants will launch joint production of drones by their defence industries.",
        "Учасники розвиватимуть спільне виробництво в оборонній промисловості.",
        "Участники будут развивать совместное производство в оборонной промышленности.",
    ),
    "cyber": (
        "Both sides will protect government networks against cyberattacks.",
        "Сторони посилять кібербезпеку державних установ.",
        "Стороны усилят кибербезопасность государственных учреждений.",
    ),
    "hybrid-threats": (
        "The Participants will jointly expose hostile disinformation campaigns.",
        "Учасники протидіятимуть дезінформації та пропаганді.",
        "Участники будут противодействовать дезинформации и пропаганде.",
    ),
    "nato-integration": (
        "Norway supports Ukraine's future membership of NATO and its interoperability with Allied forces.",
        "Норвегія підтримує членство України в НАТО.",
        "Норвегия поддерживает членство Украины в НАТО.",
    ),
    "eu-integration": (
        "Norway supports the opening of accession negotiations with the European Union.",
        "Учасники підтримують вступ України до Європейського Союзу.",
        "Участники поддерживают вступление Украины в Европейский Союз.",
    ),
    "sanctions": (
        "The Participants will tighten sanctions and close loopholes used for circumvention.",
        "Учасники посилять санкції проти агресора.",
        "Участники усилят санкции против агрессора.",
    ),
    "accountability": (
        "The Participants will pursue a special tribunal for the crime of aggression.",
        "Учасники сприятимуть притягненню до відповідальності за воєнні злочини.",
        "Участники будут содействовать привлечению к ответственности за военные преступления.",
    ),
    "reconstruction-economy": (
        "Norway will mobilise private investment for the reconstruction of Ukrainian towns.",
        "Норвегія підтримує відбудову економіки України.",
        "Норвегия поддерживает восстановление экономики Украины.",
    ),
    "energy-infrastructure": (
        "Norway will help repair damaged substations and the power grid.",
        "Норвегія допоможе захистити енергетичну інфраструктуру.",
        "Норвегия поможет защитить энергетическую инфраструктуру.",
    ),
    "demining": (
        "The Participants will fund humanitarian demining of farmland.",
        "Учасники фінансуватимуть гуманітарне розмінування.",
        "Участники будут финансировать гуманитарное разминирование.",
    ),
    "cbrn": (
        "The Participants will prepare responders for chemical and biological incidents.",
        "Сторони готуватимуться до хімічних та біологічних загроз.",
        "Стороны будут готовиться к химическим и биологическим угрозам.",
    ),
    "consultations": (
        "In the event of a renewed armed attack, the Participants will consult within 24 hours.",
        "У разі збройного нападу Учасники проведуть консультації протягом 24 годин.",
        "В случае вооруженного нападения Участники проведут консультации в течение 24 часов.",
    ),
    "political-support": (
        "The two leaders will hold an annual strategic dialogue at summit level.",
        "Учасники проводитимуть стратегічний діалог на високому рівні.",
        "Участники будут проводить стратегический диалог на высоком уровне.",
    ),
    "humanitarian": (
        "Norway will fund rehabilitation and prosthetics for wounded veterans.",
        "Норвегія надаватиме гуманітарну допомогу біженцям.",
        "Норвегия будет оказывать гуманитарную помощь беженцам.",
    ),
    "law-enforcement": (
        "The police of both sides will fight smuggling and money laundering.",
        "Сторони протидіятимуть корупції та контрабанді.",
        "Стороны будут противодействовать коррупции и контрабанде.",
    ),
    "final-provisions": (
        "This Arrangement enters into force upon signature and remains in effect for ten years.",
        "Ця Угода набирає чинності з дати підписання.",
        "Настоящее Соглашение вступает в силу с даты подписания.",
    ),
}


def label(text: str, parties: tuple[str, ...] = ("UA", "NO"), heading: list[str] | None = None) -> Clause:
    return classify_clause(Clause(id="t:1", path="1", text=text, heading=heading or []), parties=parties)


def assert_labels(text: str, present: str | None, absent: str | None) -> None:
    """``present`` among the clause's categories and ``absent`` not (None: no check)."""
    ids = label(text).category_ids
    assert present is None or present in ids, ids
    assert absent is None or absent not in ids, ids


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


def test_parties_read_from_the_id_when_not_given():
    agreement = Agreement(
        id="ua-ro-2030",
        title="t",
        clauses=[Clause(id="a:1", path="1", text="Ukraine and Romania will hold annual talks.")],
    )
    assert classify_agreement(agreement).clauses[0].obligors == ["ALL"]


def test_money_durations_and_deadlines_are_quantities():
    clause = label("In 2025 Norway will provide EUR 1.5 billion and consult within 24 hours for ten years.")
    kinds = {(q.kind, q.value, q.unit) for q in clause.quantities}
    assert (QuantityKind.MONEY, 1.5e9, "EUR") in kinds
    assert (QuantityKind.DEADLINE, 24, "hours") in kinds
    assert (QuantityKind.DURATION, 10, "years") in kinds
    assert clause.precision == Precision.QUANTIFIED
    assert label("Норвегія надасть 2,5 млрд євро.").quantities[0].value == 2.5e9


def test_precision_specific_and_general():
    assert label("Norway will contribute to the PURL initiative.").precision == Precision.SPECIFIC
    assert label("Norway will support Ukraine.").precision == Precision.GENERAL


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        (
            "Norway will, in accordance with its national legislation, provide aid.",
            Condition.LEGAL_PROCEDURES,
        ),
        (
            "Norway will provide aid subject to the availability of funds and within its means.",
            Condition.RESOURCES,
        ),
        ("At the request of Ukraine, Norway will send experts.", Condition.REQUEST),
        ("In the event of future armed attack, Norway will provide aid.", Condition.ATTACK),
        ("Norway will provide aid provided that the programme continues.", Condition.OTHER),
    ],
)
def test_conditions(text, condition):
    assert condition in label(text).conditions


def test_reasons_explain_each_label():
    clause = label("Norway will deliver interceptors within 30 days.")
    fields = {r.label for r in clause.reasons}
    assert {"air-defense", "strength", "obligors", "precision"} <= fields


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_any_text_gets_valid_labels(text):
    clause = label(text or " ")
    assert all(0 <= c.score <= 1 and c.id in CATEGORY_IDS for c in clause.categories)
    assert clause.strength in Strength and clause.precision in Precision
    assert (clause.strength == Strength.NONE) == (clause.obligors == [])


EXPLAIN_DOC = """---
id: ua-no-explain
title: Explain demo
parties: [UA, "NO"]
kind: agreement
---

1. Norway will deliver interceptors for air defence within 30 days.

2. The Participants will meet every year.
"""


def test_explain_shows_why(runner, tmp_path):
    path = tmp_path / "demo.md"
    path.write_text(EXPLAIN_DOC, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path), "--explain"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "why strength = firm" in result.output and "why air-defense" in result.output


def test_every_clause_of_corpus_and_seeds_is_labelled(shared):
    analysis = analyze([shared / "corpus", shared / "seeds"])
    assert not analysis.failures, analysis.failures[:3]
    clauses = [c for a in analysis.agreements for c in a.clauses]
    assert len(clauses) > 1000
    for clause in clauses:
        assert clause.reasons, clause.id
        assert any(r.label == "strength" for r in clause.reasons)
        assert any(r.label == "precision" for r in clause.reasons)
    assert sum(bool(c.categories) for c in clauses) > 0.8 * len(clauses)


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


def test_a_category_withheld_for_its_required_words_is_explained(runner, tmp_path):
    clause = label("Norway and Ukraine will expand joint production of shells, weapons and ammunition.")
    [withheld] = [r for r in clause.reasons if r.value == "not given"]
    assert withheld.label == "military-assistance" and "military-assistance" not in clause.category_ids
    assert "weapons" in withheld.evidence and "support*" in withheld.evidence
    doc = tmp_path / "ua-no-2030.md"
    doc.write_text(
        "# Agreement between Ukraine and Norway\n\n1. Norway and Ukraine will expand joint production of "
        "shells, weapons and ammunition.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["analyze", str(doc), "--explain"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "why military-assistance = not given: shells, weapons, ammunition" in result.stdout


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
