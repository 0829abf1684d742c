from hypothesis import given
from hypothesis import strategies as st

from clauses.text.tokens import END, LOWER, RAW, START, TOKEN, tokenize, words


def test_a_possessive_is_reduced_to_its_noun():
    assert [t[LOWER] for t in tokenize("Ukraine’s defence")] == ["ukraine", "defence"]
    assert [t[RAW] for t in tokenize("Norway's support")] == ["Norway", "support"]


def test_latin_word_with_a_cyrillic_look_alike_is_read_as_latin():
    lowered = [t[LOWER] for t in tokenize("Romania will build its defenсe industry")]  # Cyrillic "с"
    assert "defence" in lowered
    assert [t[LOWER] for t in tokenize("Україна і Румунія")] == ["україна", "і", "румунія"]


def test_words_are_the_lower_cased_runs_of_letters_and_digits():
    assert words("The EU's €50 billion, for 2024-2027.") == [
        "the",
        "eu",
        "s",
        "50",
        "billion",
        "for",
        "2024",
        "2027",
    ]


@given(st.text())
def test_tokens_are_words_in_order_without_overlap(text):
    tokens = tokenize(text)
    assert all(a[END] <= b[START] for a, b in zip(tokens, tokens[1:], strict=False))
    for token in tokens:
        assert TOKEN.fullmatch(text[token[START] : token[END]])
        assert token[LOWER] == token[RAW].lower()


@given(st.text(alphabet="abcXYZ019 ,.-"))
def test_a_plain_word_is_its_own_span(text):
    assert [t[RAW] for t in tokenize(text)] == [text[t[START] : t[END]] for t in tokenize(text)]
    assert [t[LOWER] for t in tokenize(text)] == words(text)
