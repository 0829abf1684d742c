"""How values are named to a reader, shared by the report templates and the brief's sentences."""

from __future__ import annotations

import datetime as dt


def in_sentence(label: str) -> str:
    """A category's label inside a sentence: "Air and missile defence" → "air and missile defence";
    a label opening with an acronym ("NATO integration", "CBRN") is kept as written."""
    first = label.split(" ", 1)[0]
    return label if first[1:2].isupper() else label[:1].lower() + label[1:]


def party_name(code: str) -> str:
    from clauses.gazetteer import name_of

    return "all parties" if code == "ALL" else name_of(code)


def format_date(value: dt.date | None, missing: str = "undated") -> str:
    return value.strftime("%-d %B %Y") if value else missing


def percent(value: float) -> str:
    return f"{round(value * 100)}%"
