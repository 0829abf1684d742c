"""Display helpers shared by templates and the brief's sentences."""

from __future__ import annotations

import datetime as dt

from clauses.display import format_date, in_sentence, party_name, percent


def test_a_label_inside_a_sentence_keeps_its_acronyms() -> None:
    assert in_sentence("Air and missile defence") == "air and missile defence"
    assert in_sentence("NATO integration and defence reform") == "NATO integration and defence reform"
    assert in_sentence("CBRN") == "CBRN"


def test_dates_parties_and_shares_read_as_words() -> None:
    assert format_date(dt.date(2024, 1, 12)) == "12 January 2024"
    assert format_date(None) == "undated"
    assert party_name("ALL") == "all parties"
    assert percent(0.675) == "68%"
