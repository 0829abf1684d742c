"""``clauses.export.cells``: what a spreadsheet would run as a formula is neutralised, controls removed."""

from __future__ import annotations

import pytest

from clauses.export.cells import neutralised, safe_cell


@pytest.mark.parametrize("text", ["=1+1", "+44 20", "-2 billion", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_starts_get_an_apostrophe(text) -> None:
    assert neutralised(text) == "'" + text


@pytest.mark.parametrize("text", ["Norway will", "'quoted", " =spaced", "1.5", ""])
def test_other_text_is_kept(text) -> None:
    assert neutralised(text) == text


def test_safe_cell_joins_lists_keeps_numbers_and_cleans_controls() -> None:
    assert safe_cell(["UA", "=RO"]) == "UA; =RO"  # a list starting safely stays as it is
    assert safe_cell(-3) == -3 and safe_cell(0.5) == 0.5 and safe_cell(None) == ""
    assert safe_cell("=A1\x07\x1b[2JB") == "'=A1B"  # a bell and a clear-screen sequence dropped
    assert safe_cell("=A1", raw=True) == "=A1"
    assert safe_cell("\rx") == "'x"  # neutralised for the carriage return, which is then dropped
    text = "Україна • 24 hours — «ok» \u00a0€"
    assert safe_cell(text) == text
