"""How values are named to a reader, shared by the report templates and the brief's sentences."""

from __future__ import annotations

import datetime as dt

CATEGORY_NAMES = {
    "maritime-black-sea": "Maritime and Black Sea",
    "nato-integration": "NATO integration",
    "eu-integration": "EU integration",
    "cbrn": "CBRN",
    "reconstruction-economy": "Reconstruction and economy",
}


def category_name(category_id: str) -> str:
    """'air-defense' → 'Air defence'; a user sub-category 'cyber/ot' → 'Cyber / ot'."""
    if category_id in CATEGORY_NAMES:
        return CATEGORY_NAMES[category_id]
    words = category_id.replace("-", " ").replace("/", " / ").replace("defense", "defence")
    return words[:1].upper() + words[1:]


def party_name(code: str) -> str:
    from clauses.gazetteer import name_of

    return "all parties" if code == "ALL" else name_of(code)


def format_date(value: dt.date | None, missing: str = "undated") -> str:
    return value.strftime("%-d %B %Y") if value else missing


def percent(value: float) -> str:
    return f"{round(value * 100)}%"
