"""Invisible characters: they neither hide nor fake a commitment, and reports show bidi controls."""

from __future__ import annotations

import datetime as dt

import pytest
from classify_helpers import label
from report_factories import agreement, clause

from clauses.models import Strength
from clauses.text.invisible import for_classification, show_bidi

HIDERS = {
    "zero-width space": "\u200b",
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
    "zero-width joiner": "\u200d",
}


@pytest.mark.parametrize("hider", HIDERS.values(), ids=HIDERS.keys())
def test_an_invisible_character_inside_a_word_does_not_hide_a_firm_commitment(hider):
    text = f"Romania wi{hider}ll provide air de{hider}fence systems to Ukraine."
    clause = label(text)
    assert clause.strength is Strength.FIRM and clause.obligors == ["RO"]
    assert "air-defense" in clause.category_ids
    assert clause.text == text  # quoted as written


def test_full_width_letters_read_like_plain_ones():
    assert for_classification("Ｒｏｍａｎｉａ ｗｉｌｌ") == "Romania will"


def test_bidi_controls_are_dropped_for_reading_and_shown_in_reports():
    faked = "Romania will \u202eton\u202c provide air defence."
    assert for_classification(faked) == "Romania will ton provide air defence."
    assert show_bidi(faked) == "Romania will ⟦RLO⟧ton⟦PDF⟧ provide air defence."
    assert show_bidi("Plain text stays.") == "Plain text stays."


def test_a_brief_shows_the_override_that_would_fake_a_will_not():
    from clauses.brief import build_brief
    from clauses.report import render_html

    faked = "Romania will \u202eton\u202c provide air defence systems to Ukraine."
    text = clause("ua-ro-2024", "1", faked, ["air-defense"], obligors=["RO"])
    html = render_html(
        "brief.html", build_brief([agreement("ua-ro-2024", ["UA", "RO"], dt.date(2024, 7, 11), [text])])
    )
    assert "⟦RLO⟧ton⟦PDF⟧" in html and "\u202e" not in html


def test_footnote_marks_are_not_folded_into_numbers():
    assert for_classification("EUR 5 billion¹ and ２ jets") == "EUR 5 billion¹ and 2 jets"


def test_yo_reads_as_ye_and_the_quote_keeps_it():
    """Russian writes "ё" or "е" at will: both spellings earn the same labels."""
    assert for_classification("Чёрное море") == "Черное море"
    with_yo = label("Норвегия направит два катера в акваторию Чёрного моря.")
    without = label("Норвегия направит два катера в акваторию Черного моря.")
    assert with_yo.category_ids == without.category_ids == ["maritime-black-sea"]
    assert "Чёрного" in with_yo.text
