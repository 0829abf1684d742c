from clauses.text.numbers import NUMBER_WORDS


def test_number_words_of_three_languages_share_their_values() -> None:
    assert NUMBER_WORDS["ten"] == NUMBER_WORDS["десять"] == NUMBER_WORDS["десяти"] == 10
    assert NUMBER_WORDS["п’ять"] == NUMBER_WORDS["п'ять"] == NUMBER_WORDS["пять"] == 5
    assert NUMBER_WORDS["twenty-four"] == 24


def test_every_spelling_is_lower_case_and_has_one_value() -> None:
    assert all(word == word.lower() and value > 0 for word, value in NUMBER_WORDS.items())
