from hypothesis import given
from hypothesis import strategies as st

from clauses.gazetteer import ISO_CODES, PLACES, code_for, mentions, name_of, party_codes


def spans(text: str) -> list[tuple[str, str]]:
    return [(m.code, text[m.start : m.end]) for m in mentions(text)]


def test_english_names_and_adjectives():
    text = (
        "The UK and Ukraine agree; the Romanian side and the U.S. will help the Federal Republic of Germany."
    )
    assert spans(text) == [
        ("GB", "UK"), ("UA", "Ukraine"), ("RO", "Romanian"), ("US", "U.S."),
        ("DE", "Federal Republic of Germany"),
    ]  # fmt: skip


def test_pronoun_us_and_lowercase_words_are_not_parties():
    assert party_codes("Let us polish the text with our turkey and china plates.") == []


def test_ukrainian_inflections_and_adjectives():
    assert party_codes("Угода між Україною та Румунією; румунські інструктори; Сполученими Штатами") == [
        "UA", "RO", "US",
    ]  # fmt: skip


def test_russian_forms_and_organisations():
    text = "Президент Японии, премьер Германии, японская сторона, НАТО, Евросоюз и Российской Федерации"
    assert party_codes(text) == ["JP", "DE", "NATO", "EU", "RU"]


def test_longest_form_wins():
    assert spans("Російська Федерація") == [("RU", "Російська Федерація")]
    assert spans("the European Union's SAFE") == [("EU", "European Union's")]


def test_european_programmes_are_not_the_eu():
    assert party_codes("the European Peace Facility and EUMAM") == []


def test_code_for_whole_names_only():
    assert code_for("Romanian") == "RO"
    assert code_for("норвезький") == "NO"
    assert code_for("Romania will") is None
    assert code_for("") is None


def test_every_code_is_known():
    for place in PLACES:
        assert place.code in ISO_CODES or place.code in {"EU", "NATO", "G7"}
    assert name_of("JP") == "Japan"
    assert name_of("ZZ") == "ZZ"


@given(st.text())
def test_mentions_are_ordered_disjoint_spans(text):
    found = mentions(text)
    ends = [0] + [m.end for m in found]
    for mention, previous_end in zip(found, ends, strict=False):
        assert previous_end <= mention.start < mention.end <= len(text)


def test_northern_ireland_is_the_united_kingdom():
    assert party_codes("Belfast, Northern Ireland, and Ireland") == ["GB", "IE"]
