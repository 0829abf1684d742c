"""The models' own rules: the clause id parsed in one place."""

from __future__ import annotations

from clauses.models import Clause, split_clause_id


def test_a_clause_id_splits_at_its_first_colon_since_a_path_may_hold_one() -> None:
    clause = Clause(id="ua-xx-2024:Annex A:2.b", path="Annex A:2.b", text="The Parties will consult.")
    assert split_clause_id(clause.id) == ("ua-xx-2024", "Annex A:2.b")
    assert split_clause_id(clause.id).path == clause.path
    assert split_clause_id(clause.id).agreement == "ua-xx-2024"
