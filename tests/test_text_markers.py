import pytest
from hypothesis import given
from hypothesis import strategies as st

from clauses.text.markers import INLINE_NUMBER, LINE_START, NUMBERED_LINE, marker_end, strip_marker


@pytest.mark.parametrize(
    "marker", ["1.", "12)", "2.1.", "(b)", "b)", "(iv)", "iv.", "•", "-", "–", "*", "(12)", "в)"]
)
def test_a_leading_marker_is_stripped(marker: str) -> None:
    assert strip_marker(f"  {marker} Romania will train pilots.") == "Romania will train pilots."
    assert marker_end(f"{marker} Romania") == len(marker) + 1


@pytest.mark.parametrize(
    "text", ["Romania will train pilots.", "2024 will see more.", "U.S. aid will grow.", "1.5 billion"]
)
def test_text_without_a_marker_is_kept(text: str) -> None:
    assert strip_marker(text) == text
    assert marker_end(text) == 0


def test_a_laid_out_line_may_start_with_a_bare_number_or_an_o_bullet() -> None:
    assert LINE_START.match("12 Air defence") and LINE_START.match("o training")
    assert not LINE_START.match("Air defence")


def test_numbered_paragraphs_are_counted_but_not_lettered_ones() -> None:
    text = "1. First.\n2.1) Second.\n(iv) Third.\nIV. Fourth.\nA. Lettered.\nb) Lettered."
    assert len(NUMBERED_LINE.findall(text)) == 4


def test_a_number_run_into_the_paragraph_before_is_found() -> None:
    assert (
        INLINE_NUMBER.sub(" ", "support efforts. 8. The EU will help.")
        == "support efforts. The EU will help."
    )


@given(st.text())
def test_stripping_removes_only_a_prefix(text: str) -> None:
    assert text.endswith(strip_marker(text))
    assert strip_marker(text) == text[marker_end(text) :]
