"""who/matrix: the obligor is the party, ALL counts for every party, statements apart and dated."""

from __future__ import annotations

import datetime as dt

from match_helpers import commitment

from clauses.commitments import matrix, who
from clauses.models import Agreement, Kind, Strength


def _agreements() -> list[Agreement]:
    signed = Agreement(
        id="ua-ro-2024", title="t", parties=["UA", "RO"], signed=dt.date(2024, 7, 11),
        clauses=[
            commitment("ua-ro-2024", "1", "Romania will deliver an air defence battery to Ukraine.",
                       "air-defense", Strength.FIRM, "RO"),
            commitment("ua-ro-2024", "2", "The Participants will protect the skies of Ukraine together.",
                       "air-defense", Strength.SUPPORT, "ALL"),
            commitment("ua-ro-2024", "3", "Ukraine receives training from Romania.", "training",
                       Strength.INTENT, "RO"),
        ],
    )  # fmt: skip
    statement = Agreement(
        id="ro-news-2025", title="t", parties=["UA", "RO", "DE"], kind=Kind.NEWS, signed=dt.date(2025, 11, 3),
        clauses=[commitment("ro-news-2025", "s1", "Romania discussed more interceptors.", "air-defense",
                            Strength.INTENT, "RO")],
    )  # fmt: skip
    return [signed, statement]


def test_who_lists_obligors_with_their_strongest_strength() -> None:
    report = who(_agreements(), "air-defense")
    by_party = {p.party: p for p in report.partners}
    assert set(by_party) == {"RO", "UA"}
    assert by_party["RO"].strength == Strength.FIRM
    assert [c.id for c in by_party["RO"].clauses] == ["ua-ro-2024:1", "ua-ro-2024:2"]
    # Ukraine counts only through the ALL clause, never as the receiver of Romania's commitment
    assert [c.id for c in by_party["UA"].clauses] == ["ua-ro-2024:2"]
    assert by_party["UA"].strength == Strength.SUPPORT
    # Romania's own delivery and the Participants' joint clause are told apart, for each party that takes it
    assert [c.joint for c in by_party["RO"].clauses] == [False, True]
    assert [c.joint for c in by_party["UA"].clauses] == [True]


def test_statements_are_reported_apart_and_dated() -> None:
    report = who(_agreements(), "air-defense")
    assert [(p.party, [c.id for c in p.clauses]) for p in report.statements] == [("RO", ["ro-news-2025:s1"])]
    clause = report.statements[0].clauses[0]
    assert (clause.kind, clause.signed) == (Kind.NEWS, dt.date(2025, 11, 3))
    assert report.silent == ["DE"]
    data = report.model_dump(mode="json")
    assert set(data) >= {"category", "partners", "silent"}
    assert set(data["partners"][0]["clauses"][0]) >= {
        "id",
        "agreement",
        "text",
        "strength",
        "precision",
        "signed",
        "kind",
    }


def test_min_strength_drops_weaker_commitments() -> None:
    report = who(_agreements(), "air-defense", min_strength=Strength.FIRM)
    assert [p.party for p in report.partners] == ["RO"]
    assert "UA" in report.silent and report.statements == []


def test_matrix_cells_hold_strongest_strength_and_clauses() -> None:
    table = matrix(_agreements())
    assert table.parties == ["UA", "DE", "RO"]
    assert table.categories == ["air-defense", "training"]
    cells = {(c.party, c.category): c for c in table.cells}
    assert cells["RO", "air-defense"].strength == Strength.FIRM
    assert cells["RO", "air-defense"].clauses == ["ua-ro-2024:1", "ua-ro-2024:2"]
    assert cells["RO", "air-defense"].statements == ["ro-news-2025:s1"]
    assert cells["UA", "air-defense"].strength == Strength.SUPPORT
    assert ("UA", "training") not in cells and ("DE", "air-defense") not in cells
    assert (cells["RO", "air-defense"].own, cells["RO", "air-defense"].joint) == (
        ["ua-ro-2024:1"],
        ["ua-ro-2024:2"],
    )
    assert (cells["UA", "air-defense"].own, cells["UA", "air-defense"].joint) == ([], ["ua-ro-2024:2"])
    assert cells["RO", "air-defense"].summary == "firm (1+1j) +1"
    assert cells["UA", "air-defense"].summary == "support (1j)"
    assert set(table.model_dump(mode="json")["cells"][0]) >= {"party", "category", "strength", "clauses"}


def test_a_negated_commitment_counts_in_neither_who_nor_matrix() -> None:
    refusal = commitment("ua-ro-2024", "9", "Romania will not deliver fighter jets.", "air-defense",
                         Strength.FIRM, "RO").model_copy(update={"negated": True})  # fmt: skip
    agreement = Agreement(id="ua-ro-2024", title="t", parties=["UA", "RO"], clauses=[refusal])
    assert who([agreement], "air-defense").partners == []
    assert matrix([agreement]).cells == []
