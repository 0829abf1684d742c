import pytest

from clauses.errors import ClausesError
from clauses.grammar import SCHEMA, alternation, grammar, read_grammar
from clauses.resources import data_file

PACKAGED = data_file("grammar.yaml").read_text(encoding="utf-8")


def test_the_packaged_grammar_is_read_once_and_holds_every_section():
    words = grammar()
    assert words is grammar()
    assert set(words) == set(SCHEMA)
    assert "котор*" in words["subject"]["breaks"] and "no" in words["abbreviations"]
    assert words["numbers"][10] == ["ten", "десять", "десяти"]


def test_a_stem_matches_any_word_it_starts_and_a_word_only_itself():
    import re

    pattern = re.compile(rf"^(?:{alternation(['котор*', 'in'])})")
    assert pattern.match("которые") and pattern.match("in 2025")
    assert not pattern.match("into") and not pattern.match("кто")


def write(tmp_path, text):
    path = tmp_path / "grammar.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            (
                'abbreviations: [mr, mrs, ms, dr, prof, st, "no",',
                "abbreviations: [mr, mrs, ms, dr, prof, st, no,",
            ),
            "abbreviations: expected a list of words",
        ),
        (("  gifts: [support,", "  gift: [support,"), "subject.gift: unknown field"),
        (("  1: [one,", "  one: [one,"), "numbers.one: expected a number and a list of words"),
        (("adversaries: [RU, BY, KP, IR]", "adversaries: []"), "adversaries: expected a list of words"),
        (
            ("  coordinators: [and,", "  coordinators: [and*x,"),
            "subject.coordinators: expected a list of words",
        ),
    ],
)
def test_a_broken_grammar_is_one_line_naming_the_file_and_the_field(tmp_path, change, message):
    old, new = change
    assert old in PACKAGED
    with pytest.raises(ClausesError) as error:
        read_grammar(write(tmp_path, PACKAGED.replace(old, new, 1)))
    assert str(error.value).startswith(f"grammar.yaml: {message}")
    assert "\n" not in str(error.value)


def test_an_empty_section_and_bad_yaml_are_named(tmp_path):
    scenes = "  scene_openers: [while, whilst, when, once]\n"
    assert scenes in PACKAGED
    with pytest.raises(ClausesError, match=r"grammar.yaml: categories: expected a mapping of scene_openers"):
        read_grammar(write(tmp_path, PACKAGED.replace(scenes, "")))
    intent = "  bare_intent_verbs: [explore, consider, seek, study]\n"
    with pytest.raises(ClausesError, match=r"grammar.yaml: commitment.bare_intent_verbs: missing"):
        read_grammar(write(tmp_path, PACKAGED.replace(intent, "")))
    with pytest.raises(ClausesError, match=r"grammar.yaml: line \d+: "):
        read_grammar(write(tmp_path, "subject: [unclosed\n"))
    with pytest.raises(ClausesError, match=r"grammar.yaml: grammar: expected a mapping"):
        read_grammar(write(tmp_path, "- a list\n"))
    with pytest.raises(ClausesError, match="cannot read grammar"):
        read_grammar(tmp_path / "absent.yaml")
