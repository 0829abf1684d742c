"""Amounts compared like with like: each with the period its sentence gives it, per year."""

from __future__ import annotations

import datetime as dt

from report_factories import agreement, clause

from clauses.brief.amounts import amounts
from clauses.models import Quantity, QuantityKind


def _money(text: str, *said: str) -> list[Quantity]:
    values = {"EUR 600 million": 6e8, "EUR 9 billion": 9e9, "EUR 2 billion": 2e9, "EUR 4 billion": 4e9}
    return [Quantity(kind=QuantityKind.MONEY, value=values[s], unit="EUR", text=s) for s in said]


def _texts():
    fund = "Sweden will keep its support; after EUR 600 million in 2022, its fund of EUR 9 billion covers 2024-2029."
    pledge = "For 2024 Finland will provide EUR 2 billion of military support."
    vague = "Norway will provide EUR 4 billion of support."
    return [
        agreement("ua-se-2024", ["UA", "SE"], dt.date(2024, 5, 1),
                  [clause("ua-se-2024", "1", fund, ["military-assistance"], obligors=["SE"],
                          quantities=_money(fund, "EUR 600 million", "EUR 9 billion"))]),
        agreement("ua-fi-2024", ["UA", "FI"], dt.date(2024, 4, 3),
                  [clause("ua-fi-2024", "1", pledge, ["military-assistance"], obligors=["FI"],
                          quantities=_money(pledge, "EUR 2 billion"))]),
        agreement("ua-no-2024", ["UA", "NO"], dt.date(2024, 4, 3),
                  [clause("ua-no-2024", "1", vague, ["military-assistance"], obligors=["NO"],
                          quantities=_money(vague, "EUR 4 billion"))]),
    ]  # fmt: skip


def test_each_amount_takes_the_period_nearest_it() -> None:
    dated, undated = amounts(_texts())
    assert [(a.quantity.text, a.period) for a in dated] == [
        ("EUR 600 million", "2022"),
        ("EUR 9 billion", "2024–2029"),
        ("EUR 2 billion", "2024"),
    ]
    assert dated[1].per_year == 1.5e9 and undated == 1


def test_the_largest_amount_is_the_largest_a_year() -> None:
    from clauses.brief import build_brief

    brief = build_brief(_texts())
    [finding] = [f for f in brief.findings if "per year" in f.text]
    assert "“EUR 2 billion” for 2024" in finding.text, "a six-year fund is not a year's pledge"
    assert "1 amount with no period said is left out" in finding.text
    assert finding.clauses == ["ua-fi-2024:1"]
