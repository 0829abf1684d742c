"""Why each label was given, and why a category was withheld."""

from __future__ import annotations

from classify_helpers import label

from clauses.cli import cli


def test_reasons_explain_each_label():
    clause = label("Norway will deliver interceptors within 30 days.")
    fields = {r.label for r in clause.reasons}
    assert {"air-defense", "strength", "obligors", "precision"} <= fields


EXPLAIN_DOC = """---
id: ua-no-explain
title: Explain demo
parties: [UA, "NO"]
kind: agreement
---

1. Norway will deliver interceptors for air defence within 30 days.

2. The Participants will meet every year.
"""


def test_explain_shows_why(runner, tmp_path):
    path = tmp_path / "demo.md"
    path.write_text(EXPLAIN_DOC, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path), "--explain"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "why strength = firm" in result.output and "why air-defense" in result.output


def test_a_category_withheld_for_its_required_words_is_explained(runner, tmp_path):
    clause = label("Norway and Ukraine will expand joint production of shells, weapons and ammunition.")
    [withheld] = [r for r in clause.reasons if r.value == "not given"]
    assert withheld.label == "military-assistance" and "military-assistance" not in clause.category_ids
    assert "weapons" in withheld.evidence and "support*" in withheld.evidence
    doc = tmp_path / "ua-no-2030.md"
    doc.write_text(
        "# Agreement between Ukraine and Norway\n\n1. Norway and Ukraine will expand joint production of "
        "shells, weapons and ammunition.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["analyze", str(doc), "--explain"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "why military-assistance = not given: shells, weapons, ammunition" in result.stdout
