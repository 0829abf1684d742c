"""The taxonomy file: packaged contents, user refinements, and errors that name the line or field."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hostile import finishes_within
from lxml import html as lxml_html

from clauses.classify import classify_clause
from clauses.cli import cli
from clauses.errors import ClausesError
from clauses.models import CATEGORY_IDS, Clause
from clauses.taxonomy import load_taxonomy, parse_term

AGREEMENT = """---
id: ua-no-tax
title: Taxonomy demo
parties: [UA, "NO"]
kind: agreement
---

# Part I. Support

1. Norway will finance a glide bomb jamming programme for Ukraine.

2. The Participants will meet every year.
"""

USER_YAML = """\
categories:
  air-defense/electronic-warfare:
    label: Electronic warfare
    terms:
      en: [jamming, glide bomb*]
  cyber:
    terms:
      en: [{term: quantum-safe, weight: 2}]
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_taxonomy_covers_the_contract_in_three_languages():
    taxonomy = load_taxonomy()
    assert set(taxonomy.categories) == set(CATEGORY_IDS)
    for category_id, spec in taxonomy.categories.items():
        assert spec.label and spec.description, category_id
        assert {"en", "uk", "ru"} <= set(spec.terms), category_id
    assert load_taxonomy() is taxonomy  # compiled once per process


def test_terms_spellings_and_stems():
    assert [w.text for w in parse_term("co-operation")] == ["co", "operation"]
    stem = parse_term("оборон*")[0]
    assert stem.stem and stem.text == "оборон"
    assert parse_term("SAFE")[0].exact_case


def test_acronyms_match_only_in_capitals():
    safe = classify_clause(Clause(id="t:1", path="1", text="Norway will contribute to SAFE loans."))
    assert "defense-industry" in safe.category_ids
    lower = classify_clause(Clause(id="t:1", path="1", text="Norway will keep the site safe."))
    assert "defense-industry" not in lower.category_ids


def test_user_file_adds_subcategories_and_terms(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, "mine.yaml", USER_YAML))
    assert "air-defense/electronic-warfare" in taxonomy.categories
    assert taxonomy.label_of("air-defense") == load_taxonomy().label_of("air-defense")
    clause = classify_clause(
        Clause(id="t:1", path="1", text="Norway will fund jamming of glide bombs."), taxonomy, ("UA", "NO")
    )
    assert {"air-defense/electronic-warfare", "air-defense"} <= set(clause.category_ids)
    cyber = classify_clause(Clause(id="t:1", path="1", text="They will deploy quantum-safe links."), taxonomy)
    assert "cyber" in cyber.category_ids
    assert "air-defense/electronic-warfare" not in load_taxonomy().categories  # packaged one untouched


def test_analyze_with_user_taxonomy(runner, tmp_path):
    doc = write(tmp_path, "demo.md", AGREEMENT)
    user = write(tmp_path, "mine.yaml", USER_YAML)
    result = runner.invoke(cli, ["analyze", str(doc), "--taxonomy", str(user), "--format", "json"])
    assert result.exit_code == 0, result.output
    clause = json.loads(result.stdout)["agreements"][0]["clauses"][0]
    ids = [c["id"] for c in clause["categories"]]
    assert "air-defense/electronic-warfare" in ids
    evidence = next(
        c["evidence"] for c in clause["categories"] if c["id"] == "air-defense/electronic-warfare"
    )
    assert "jamming" in evidence


def test_user_file_replaces_required_word_groups(tmp_path):
    text = "Norway will support capabilities and logistics hubs."
    packaged = classify_clause(Clause(id="t:1", path="1", text=text))
    assert "military-assistance" not in packaged.category_ids  # nothing military in it
    lifted = load_taxonomy(
        write(tmp_path, "mine.yaml", "categories:\n  military-assistance:\n    requires: []\n")
    )
    assert (
        "military-assistance" in classify_clause(Clause(id="t:1", path="1", text=text), lifted).category_ids
    )
    cyber_named = load_taxonomy(
        write(tmp_path, "named.yaml", "categories:\n  cyber:\n    requires: [[networks, '@air-defense']]\n")
    )
    patriot = classify_clause(
        Clause(id="t:1", path="1", text="Norway will fund cyber defence of Patriot units."), cyber_named
    )
    assert "cyber" in patriot.category_ids
    bare = classify_clause(Clause(id="t:1", path="1", text="Norway will fund cyber defence."), cyber_named)
    assert "cyber" not in bare.category_ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("categories:\n  cyber:\n    terms:\n      en: [a, b\n  training: {}\n", "line "),
        ("categories:\n  cyber:\n\tterms: x\n", "line 3"),
        ("categories:\n  space-force:\n    label: x\n", "categories"),
        ("categories:\n  cyber:\n    synonyms: [a]\n", "categories.cyber.synonyms"),
        ("categories:\n  cyber:\n    terms:\n      de: [a]\n", "categories.cyber.terms.de"),
        ("categories:\n  cyber:\n    terms:\n      en: [{term: a, weight: high}]\n", "weight"),
        ("categories:\n  cyber:\n    requires: [['@space']]\n", "unknown category '@space'"),
        ("categories:\n  cyber:\n    requires: [[]]\n", "empty group"),
        ("- just\n- a list\n", "mapping"),
        ("categories: !!python/object:os.system {}\n", "line 1"),
    ],
)
def test_bad_files_name_the_line_or_field(tmp_path, text, expected):
    path = write(tmp_path, "taxonomy.yaml", text)
    with pytest.raises(ClausesError) as error:
        load_taxonomy(path)
    assert str(error.value).startswith("taxonomy.yaml: ")
    assert expected in str(error.value)


def test_python_tags_are_never_constructed(tmp_path):
    path = write(tmp_path, "evil.yaml", "categories: !!python/object/apply:os.system ['touch pwned']\n")
    with pytest.raises(ClausesError, match="line 1"):
        load_taxonomy(path)
    assert not (tmp_path / "pwned").exists()


def test_bad_taxonomy_on_the_command_line_exits_2_naming_the_line(runner, tmp_path):
    doc = write(tmp_path, "demo.md", AGREEMENT)
    bad = write(tmp_path, "bad.yaml", "categories:\n  cyber:\n    terms:\n      en: [a, b\n")
    result = runner.invoke(cli, ["analyze", str(doc), "--taxonomy", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml: line " in result.output and "Traceback" not in result.output


def test_missing_taxonomy_file(tmp_path):
    with pytest.raises(ClausesError, match="absent.yaml: no such file"):
        load_taxonomy(tmp_path / "absent.yaml")


def test_a_possessive_in_a_term_matches_as_the_text_is_tokenized():
    from clauses.taxonomy import parse_term

    assert [w.text for w in parse_term("Ukraine's request")] == ["ukraine", "request"]


@pytest.mark.parametrize(
    ("typed", "term"),
    [("interoperabilty", "interoperability"), ("disinfromation", "disinformation"), ("ammuntion", "ammunition"),
     ("artilelry", "artillery"), ("sanctoins", "sanctions")],
)  # fmt: skip
def test_a_long_term_is_recognised_with_one_typo(typed, term):
    assert load_taxonomy().matcher.near_spelling(typed) == term


@pytest.mark.parametrize("word", ["construction", "knowledge", "defenders", "sanctioned"])
def test_a_prefix_or_an_ending_makes_another_word_not_a_typo(word):
    assert load_taxonomy().matcher.near_spelling(word) is None


def test_a_typo_is_evidence_as_written():
    clause = classify_clause(
        Clause(id="t:1", path="1", text="Norway will deliver artilelry ammuntion to Ukraine.")
    )
    [label] = [c for c in clause.categories if c.id == "military-assistance"]
    assert {"artilelry", "ammuntion"} <= set(label.evidence)


def _alias_bomb(levels: int = 9) -> str:
    """'Billion laughs': each level names the one below nine times (29 KB at ten levels of ten)."""
    lines = [
        "categories:",
        "  cyber:",
        "    terms:",
        "      en: [hackers]",
        "lol:",
        '  l0: &l0 ["lol", "lol"]',
    ]
    lines += [f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused_before_it_expands(tmp_path):
    path = write(tmp_path, "bomb.yaml", _alias_bomb())
    with finishes_within(15), pytest.raises(ClausesError, match="bomb.yaml: YAML aliases expand"):
        load_taxonomy(path)


def test_aliases_that_expand_little_still_work(tmp_path):
    text = "categories:\n  cyber:\n    terms:\n      en: &words [hackers, malware]\n      uk: *words\n"
    cyber = load_taxonomy(write(tmp_path, "ok.yaml", text)).categories["cyber"]
    assert {"hackers", "malware"} <= {
        term.text if hasattr(term, "text") else str(term) for term in cyber.terms["uk"]
    }


def test_a_recursive_alias_is_refused(tmp_path):
    with pytest.raises(ClausesError, match="refers to a node that contains it"):
        load_taxonomy(write(tmp_path, "loop.yaml", "categories: &a\n  cyber: [*a]\n"))


def test_a_device_is_refused_before_any_byte_is_read():
    with finishes_within(5), pytest.raises(ClausesError, match="/dev/zero: not a regular file"):
        load_taxonomy(Path("/dev/zero"))


def test_a_pipe_nobody_writes_to_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with finishes_within(5):
        taxonomy = load_taxonomy(fifo)
    assert "cyber" in taxonomy.categories


RELABEL_YAML = """\
categories:
  air-defense:
    label: Shield of the skies
  air-defense/electronic-warfare:
    terms:
      en: [jamming, glide bomb*]
"""


def test_labels_name_categories_and_unlabelled_subcategories(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, "mine.yaml", RELABEL_YAML))
    assert taxonomy.label_of("air-defense") == "Shield of the skies"
    assert taxonomy.label_of("air-defense/electronic-warfare") == "Shield of the skies / electronic-warfare"
    assert taxonomy.labels()["cyber"] == load_taxonomy().categories["cyber"].label
    assert set(load_taxonomy().labels()) == set(CATEGORY_IDS)


def test_a_users_label_reaches_table_json_csv_and_brief(runner, tmp_path):
    doc = write(tmp_path, "demo.md", AGREEMENT)
    mine = ["--taxonomy", str(write(tmp_path, "mine.yaml", RELABEL_YAML))]
    table = runner.invoke(cli, ["analyze", str(doc), *mine], env={"COLUMNS": "250"})
    assert table.exit_code == 0, table.output
    assert "Shield of the skies" in table.stdout
    data = json.loads(runner.invoke(cli, ["analyze", str(doc), *mine, "--format", "json"]).stdout)
    assert data["labels"]["air-defense"] == "Shield of the skies"
    rows = csv.DictReader(
        io.StringIO(runner.invoke(cli, ["analyze", str(doc), *mine, "--format", "csv"]).stdout)
    )
    assert "Shield of the skies" in next(rows)["category_labels"].split("; ")
    matrix = json.loads(runner.invoke(cli, ["matrix", str(doc), *mine, "--format", "json"]).stdout)
    assert matrix["labels"]["air-defense"] == "Shield of the skies"
    brief = tmp_path / "brief.html"
    result = runner.invoke(cli, ["brief", str(doc), *mine, "-o", str(brief)])
    assert result.exit_code == 0, result.output
    headings = [h.text_content().strip() for h in lxml_html.parse(str(brief)).iter("h2")]
    assert "Shield of the skies" in headings
    assert load_taxonomy().label_of("air-defense") not in headings
