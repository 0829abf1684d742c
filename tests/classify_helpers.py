"""Clauses labelled for the classify tests: one per category and language, and a one-clause labeller."""

from __future__ import annotations

from clauses.classify import classify_clause
from clauses.models import Clause

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
