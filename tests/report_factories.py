"""Hand-labelled agreements for the report and brief tests (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from clauses.models import Agreement, CategoryLabel, Clause, Condition, Kind, Quantity, QuantityKind, Strength

HOSTILE = (
    "<script>alert(1)</script> <img src=http://127.0.0.1:{port}/x> <!-- c --> "
    "![x](http://127.0.0.1:{port}/md.png) {{{{ 7*7 }}}} <link rel=stylesheet href=file:///etc/passwd>"
)


def clause(
    agreement_id: str,
    path: str,
    text: str,
    categories: list[str],
    strength: Strength = Strength.FIRM,
    obligors: list[str] | None = None,
    **extra: object,
) -> Clause:
    return Clause(
        id=f"{agreement_id}:{path}",
        path=path,
        text=text,
        categories=[CategoryLabel(id=c, score=0.9) for c in categories],
        strength=strength,
        obligors=obligors if obligors is not None else (["ALL"] if strength != Strength.NONE else []),
        **extra,
    )


def agreement(
    agreement_id: str, parties: list[str], signed: dt.date, clauses: list[Clause], **extra: object
) -> Agreement:
    return Agreement(
        id=agreement_id,
        title=extra.pop("title", f"Agreement {agreement_id}"),  # type: ignore[arg-type]
        parties=parties,
        signed=signed,
        source=f"fixtures/{agreement_id}.md",
        clauses=clauses,
        **extra,
    )


def romania() -> Agreement:
    a = "ua-ro-2024"
    return agreement(
        a,
        ["UA", "RO"],
        dt.date(2024, 7, 11),
        [
            clause(
                a,
                "1",
                "Romania will deliver a second air defence battery to protect Ukrainian cities.",
                ["air-defense"],
                obligors=["RO"],
            ),
            clause(
                a,
                "2",
                "Romania will train Ukrainian pilots at its F-16 centre.",
                ["training", "air-defense"],
                obligors=["RO"],
            ),
            clause(
                a,
                "3",
                "The Participants will consult within 24 hours after a future armed attack to decide on next steps.",
                ["consultations"],
                conditions=[Condition.ATTACK],
                quantities=[
                    Quantity(kind=QuantityKind.DEADLINE, value=24, unit="hours", text="within 24 hours")
                ],
            ),
            clause(
                a,
                "4",
                "Romania supports mine clearance along the Danube.",
                ["maritime-black-sea", "demining"],
                Strength.SUPPORT,
                ["RO"],
            ),
            clause(
                a,
                "5",
                "Ukraine will continue reforms of its defence sector.",
                ["nato-integration"],
                obligors=["UA"],
            ),
        ],
        title="Agreement on security cooperation between Ukraine and Romania",
        duration_years=10,
    )


def germany() -> Agreement:
    a = "ua-de-2024"
    return agreement(
        a,
        ["UA", "DE"],
        dt.date(2024, 2, 16),
        [
            clause(
                a,
                "I.1",
                "Germany will provide military assistance worth EUR 7 billion in 2024, subject to budget approval.",
                ["military-assistance"],
                obligors=["DE"],
                conditions=[Condition.RESOURCES],
                quantities=[Quantity(kind=QuantityKind.MONEY, value=7e9, unit="EUR", text="EUR 7 billion")],
            ),
            clause(
                a,
                "I.2",
                "Germany intends to strengthen Ukraine's air defence with further systems.",
                ["air-defense"],
                Strength.INTENT,
                ["DE"],
            ),
            clause(
                a,
                "II.1",
                "The Participants will consult within 24 hours after a future armed attack to agree on next steps.",
                ["consultations"],
                quantities=[
                    Quantity(kind=QuantityKind.DEADLINE, value=24, unit="hours", text="within 24 hours")
                ],
            ),
            clause(
                a,
                "II.2",
                "Germany will train Ukrainian soldiers in its training centres.",
                ["training"],
                obligors=["DE"],
            ),
            clause(
                a, "III.1", "This arrangement is valid for ten years.", ["final-provisions"], Strength.NONE
            ),
        ],
        title="Agreement on security cooperation and long-term support between Germany and Ukraine",
        duration_years=10,
    )


def romania_statement() -> Agreement:
    a = "ro-news-2025"
    return agreement(
        a,
        ["UA", "RO"],
        dt.date(2025, 11, 5),
        [
            clause(
                a,
                "s1",
                "Президенти домовилися про спільне виробництво дронів в Румунії.",
                ["defense-industry"],
                Strength.INTENT,
                ["RO"],
            ),
            clause(
                a, "s2", "Румыния будет поддерживать Украину в сфере киберзащиты.", ["cyber"], obligors=["RO"]
            ),
        ],
        title="Romania and Ukraine discuss drones (news)",
        kind=Kind.NEWS,
        language="uk",
    )


def hostile(port: int = 9) -> Agreement:
    a = "hostile-2025"
    return agreement(
        a,
        ["UA", "RO"],
        dt.date(2025, 1, 2),
        [clause(a, "1", "Romania will help. " + HOSTILE.format(port=port), ["air-defense"], obligors=["RO"])],
        title="Hostile <b>title</b> {{ 7*7 }}",
    )


def corpus() -> list[Agreement]:
    return [romania(), germany(), romania_statement()]
