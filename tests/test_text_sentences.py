from hypothesis import given
from hypothesis import strategies as st

from clauses.text.sentences import sentence_spans, sentences


def test_sentences_keep_abbreviations_decimals_and_quotes() -> None:
    text = (
        "Mr. Brown met the U.S. envoy at 9 a.m. today. Aid grew by 2.5 percent. "
        '"We will stand firm. We will not stop," he said. No. 7 came next! Was it late?'
    )
    assert sentences(text) == [
        "Mr. Brown met the U.S. envoy at 9 a.m. today.",
        "Aid grew by 2.5 percent.",
        '"We will stand firm. We will not stop," he said.',
        "No. 7 came next!",
        "Was it late?",
    ]
    assert sentences("«Мы победим. Точно». Так сказал он.") == ["«Мы победим. Точно».", "Так сказал он."]


def test_a_numbered_point_keeps_its_number() -> None:
    assert sentences("1. We agreed on a plan. It starts now.") == [
        "1. We agreed on a plan.",
        "It starts now.",
    ]
    assert sentences("IV. Сторони домовилися. Далі буде.") == ["IV. Сторони домовилися.", "Далі буде."]
    assert sentences("He won in 2024. Then he left.") == ["He won in 2024.", "Then he left."]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert sentences("The U.S. Government will provide aid. The U.K. Parliament agreed.") == [
        "The U.S. Government will provide aid.",
        "The U.K. Parliament agreed.",
    ]
    assert sentences("Systems, e.g. Patriot, i.e. Air defence. See Art. 5 and para. 3. Done.") == [
        "Systems, e.g. Patriot, i.e. Air defence.",
        "See Art. 5 and para. 3.",
        "Done.",
    ]
    assert sentences("Resolution No. 2231 applies. It binds.") == [
        "Resolution No. 2231 applies.",
        "It binds.",
    ]


def test_spans_leave_out_the_spaces_between_sentences() -> None:
    text = "  One will.  Two may.  "
    assert [text[s:e] for s, e in sentence_spans(text)] == ["One will.", "Two may."]
    assert sentence_spans("   ") == []


@given(st.lists(st.sampled_from([*'ab AB.?!"“”«»()12\n', "U.S.", " No. ", "e.g. "])).map("".join))
def test_sentences_cover_the_text_in_order_without_overlap(text: str) -> None:
    spans = sentence_spans(text)
    assert all(start < end for start, end in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(text.split()) == "".join(covered.split())  # nothing but spaces left out
    assert all(not text[a[1] : b[0]].strip() for a, b in zip(spans, spans[1:], strict=False))
