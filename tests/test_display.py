"""Display helpers shared by templates and the brief's sentences."""

from __future__ import annotations

import datetime as dt

from clauses.display import citation, format_date, in_sentence, ordinal, party_name, percent


def test_a_label_inside_a_sentence_keeps_its_acronyms() -> None:
    assert in_sentence("Air and missile defence") == "air and missile defence"
    assert in_sentence("NATO integration and defence reform") == "NATO integration and defence reform"
    assert in_sentence("CBRN") == "CBRN"


def test_dates_parties_and_shares_read_as_words() -> None:
    assert format_date(dt.date(2024, 1, 12)) == "12 January 2024"
    assert format_date(None) == "undated"
    assert party_name("ALL") == "all parties"
    assert percent(0.675) == "68%"


def test_citations_read_as_the_document_numbers_its_clauses() -> None:
    part = ["Part II. Defence and Security", "Defence and Military Cooperation"]
    assert citation("II.5.•1", part) == "Part II, para 5, 1st bullet"
    assert citation("II.5.•3.•1", part) == "Part II, para 5, 3rd bullet, 1st sub-bullet"
    assert citation("Article 5.2.b") == "Article 5(2)(b)"
    assert citation("16") == "¶ 16" and citation("16.a") == "¶ 16(a)"
    assert citation("Annex.A.2", ["Annex", "A. Capabilities"]) == "Annex, A, para 2"
    assert citation("6.A.2", ["Paragraph 6. Defence cooperation", "A. Forces"]) == "Paragraph 6, A, para 2"
    assert citation("preamble.3") == "Preamble, recital 3"
    assert citation("p2.s4") == "¶ 2, 4th sentence"
    assert citation("fn12") == "footnote 12"
    # numbering that starts again under an unnumbered heading is told apart by that heading
    restarted = citation("II.3~2", ["II. Security", "Future force capabilities"])
    assert restarted == "Part II, “Future force capabilities”, para 3"
    assert citation("4~2") == "2nd series, ¶ 4"
    assert ordinal(11) == "11th" and ordinal(22) == "22nd" and ordinal(103) == "103rd"
