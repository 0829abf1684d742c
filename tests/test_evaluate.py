"""Scoring against gold clauses, with the rules of the shared evaluation tool."""

from __future__ import annotations

import json

import pytest

from clauses.cli import cli
from clauses.errors import ClausesError
from clauses.evaluate import GoldClause, overlap, read_gold, score, words
from clauses.models import Agreement, CategoryLabel, Clause, Strength
from clauses.taxonomy import load_taxonomy

TEXT = """Agreement on demo cooperation between Ukraine and Norway

1. Norway will deliver air defence interceptors to Ukraine.

2. The Participants intend to deepen cooperation on cyber security and training.

3. This Agreement is valid for ten years.
"""


def clause(n: int, text: str, cats: list[str], strength: str, obligors: list[str]) -> Clause:
    return Clause(
        id=f"ua-no-demo:{n}",
        path=str(n),
        text=text,
        categories=[CategoryLabel(id=c, score=0.9) for c in cats],
        strength=Strength(strength),
        obligors=obligors,
    )


def gold(text: str, cats: list[str], strength: str, obligors: list[str]) -> GoldClause:
    return GoldClause(doc="ua-no-demo", text=text, categories=cats, strength=strength, obligors=obligors)


def test_overlap_is_share_of_the_shorter_text():
    assert overlap(words("a b c"), words("c b a d e f")) == 1.0
    assert overlap(words("a b"), words("a x")) == 0.5
    assert overlap([], words("a")) == 0.0


def test_score_counts_pairs_and_takes_the_firmest_sentence():
    paragraph = "Norway supports reform. Norway will deliver radars."
    gold_items = [gold(paragraph, ["air-defense", "nato-integration"], "firm", ["NO"])]
    predicted = Agreement(
        id="ua-no-demo",
        title="t",
        clauses=[
            clause(1, "Norway supports reform.", ["eu-integration"], "support", ["NO"]),
            clause(2, "Norway will deliver radars.", ["air-defense"], "firm", ["NO"]),
        ],
    )
    figures = score(gold_items, [predicted])
    assert (figures.strength_accuracy, figures.obligor_accuracy, figures.coverage) == (1.0, 1.0, 1.0)
    per = figures.per_category
    assert (per["air-defense"].tp, per["eu-integration"].fp, per["nato-integration"].fn) == (1, 1, 1)
    assert figures.micro_f1 == pytest.approx(2 * 1 / (2 * 1 + 1 + 1))
    assert figures.macro_f1 == pytest.approx((1.0 + 0.0) / 2)


def test_unmatched_gold_clause_counts_as_missed():
    figures = score([gold("Nothing like it anywhere.", ["cyber"], "none", [])], [])
    assert figures.coverage == 0.0 and figures.per_category["cyber"].fn == 1 and figures.micro_f1 == 0.0


def test_read_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "a", "text": "x"}\n{not json}\n', encoding="utf-8")
    with pytest.raises(ClausesError, match="line 2"):
        read_gold(path)


def make_gold(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "ua-no-demo.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    rows = [
        {"doc": "ua-no-demo", "text": "1. Norway will deliver air defence interceptors to Ukraine.",
         "categories": ["air-defense", "military-assistance"], "strength": "firm", "obligors": ["NO"]},
        {"doc": "ua-no-demo", "text": "2. The Participants intend to deepen cooperation on cyber security and training.",
         "categories": ["cyber", "training"], "strength": "intent", "obligors": ["ALL"]},
        {"doc": "ua-no-demo", "text": "3. This Agreement is valid for ten years.",
         "categories": ["final-provisions"], "strength": "none", "obligors": []},
    ]  # fmt: skip
    path = tmp_path / "gold" / "dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_eval_command_json(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(make_gold(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["gold_clauses"] == 3 and figures["coverage"] == 1.0
    assert figures["strength_accuracy"] == 1.0 and figures["obligor_accuracy"] == 1.0
    assert figures["per_category"]["cyber"]["f1"] == 1.0
    assert 0.0 <= figures["micro_f1"] <= 1.0


def test_eval_command_table(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(make_gold(tmp_path))], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert load_taxonomy().label_of("final-provisions") in result.output and "micro-F1" in result.output


def test_score_per_document_keeps_each_document_apart():
    right = gold("Norway will deliver radars.", ["air-defense"], "firm", ["NO"])
    wrong = right.model_copy(
        update={"doc": "ua-pl-demo", "text": "Poland will train pilots.", "obligors": ["PL"]}
    )
    predicted = [
        Agreement(
            id="ua-no-demo", title="t", clauses=[clause(1, right.text, ["air-defense"], "firm", ["NO"])]
        ),
        Agreement(
            id="ua-pl-demo", title="t", clauses=[clause(1, wrong.text, ["training"], "support", ["ALL"])]
        ),
    ]
    figures = score([right, wrong], predicted)
    good, bad = figures.per_document["ua-no-demo"], figures.per_document["ua-pl-demo"]
    assert (good.gold_clauses, good.micro_f1, good.strength_accuracy, good.obligor_accuracy) == (
        1,
        1.0,
        1.0,
        1.0,
    )
    assert (bad.micro_f1, bad.strength_accuracy, bad.obligor_accuracy) == (0.0, 0.0, 0.0)
    assert figures.strength_accuracy == 0.5


def test_eval_command_by_doc_prints_each_document(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(make_gold(tmp_path)), "--by-doc"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "ua-no-demo" in line)
    assert "3" in row and "1.000" in row


def test_eval_command_missing_text_fails_cleanly(runner, tmp_path):
    path = make_gold(tmp_path)
    (tmp_path / "corpus" / "ua-no-demo.txt").unlink()
    result = runner.invoke(cli, ["eval", str(path)])
    assert result.exit_code == 2 and "no text for gold doc" in result.output


def test_deeply_nested_json_is_a_one_line_error(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    result = runner.invoke(cli, ["eval", str(gold)])
    assert result.exit_code == 2
    assert result.output.strip().endswith("gold.jsonl: line 1: nested too deeply")


def test_a_device_as_gold_is_refused_at_once(runner):
    result = runner.invoke(cli, ["eval", "/dev/zero"])
    assert result.exit_code == 2
    assert "/dev/zero: not a regular file (a device)" in result.output
