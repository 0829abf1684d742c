"""``clauses who``, ``matrix`` and ``compare`` through the CLI: every format parsed, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from clauses.cli import cli
from clauses.models import CATEGORY_IDS
from clauses.taxonomy import load_taxonomy

USER_A = """---
id: ua-xx-test
title: Test agreement A
parties: [UA, RO]
signed: 2024-07-11
---
1. Romania will deliver an air defence battery and interceptors to Ukraine within the next year.

2. The Participants will consult within 24 hours in the event of a future armed attack against Ukraine.

3. Romania will open a rehabilitation centre for wounded Ukrainian veterans in Iasi.
"""
USER_B = """---
id: ua-yy-test
title: Test agreement B
parties: [UA, PL]
signed: 2024-07-08
---
1. Poland will deliver an air defence battery and interceptors to Ukraine within the next year.

2. The Participants will consult within 24 hours in the event of a future armed attack against Ukraine.

3. Poland will support sanctions against the aggressor's banks and fight their circumvention.
"""


@pytest.fixture
def user_files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(USER_A, encoding="utf-8")
    b.write_text(USER_B, encoding="utf-8")
    return a, b


def test_who_json_on_the_bundled_corpus(runner) -> None:
    result = runner.invoke(cli, ["who", "air-defense", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["category"] == "air-defense" and data["partners"]
    for partner in data["partners"]:
        assert partner["clauses"] and set(partner["agreements"]) == {
            c["agreement"] for c in partner["clauses"]
        }
    assert {c["joint"] for p in data["partners"] for c in p["clauses"]} == {True, False}
    # a long clause is quoted by the sentence with its air-defence evidence, not by its opening
    romania = next(p for p in data["partners"] if p["party"] == "RO")
    assert any("PATRIOT" in c["text"] and c["text"].startswith("…") for c in romania["clauses"])
    assert all(
        "~" not in c["citation"] and "•" not in c["citation"] for p in data["partners"] for c in p["clauses"]
    )
    parties = [p["party"] for p in data["partners"]] + [p["party"] for p in data["statements"]]
    assert not set(parties) & set(data["silent"])


def test_who_min_strength_and_csv(runner) -> None:
    result = runner.invoke(cli, ["who", "air-defense", "--min-strength", "firm", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["section"] for r in rows} <= {"signed", "statement", "silent"}
    assert {r["strength"] for r in rows if r["section"] != "silent"} == {"firm"}


def test_who_table(runner) -> None:
    result = runner.invoke(cli, ["who", "sanctions"])
    assert result.exit_code == 0, result.output
    label = load_taxonomy().label_of("sanctions")
    assert f"Who commits to {label}" in result.stdout and f"Silent on {label}" in result.stdout


def test_unknown_category_lists_valid_ids(runner) -> None:
    result = runner.invoke(cli, ["who", "air-defence"])
    assert result.exit_code == 2
    assert "unknown category 'air-defence'" in result.output and all(c in result.output for c in CATEGORY_IDS)


def test_matrix_json_csv_table(runner) -> None:
    data = json.loads(runner.invoke(cli, ["matrix", "--format", "json"]).stdout)
    assert data["parties"][0] == "UA" and data["categories"]
    for cell in data["cells"]:
        assert cell["party"] in data["parties"] and cell["category"] in data["categories"]
        assert cell["clauses"] or cell["statements"]
        assert sorted(cell["own"] + cell["joint"]) == sorted(cell["clauses"])
    # "the Participants will ..." is Ukraine's joint commitment, not its own: most of its cells are joint
    ukraine = [c for c in data["cells"] if c["party"] == "UA"]
    assert sum(map(len, (c["joint"] for c in ukraine))) > sum(map(len, (c["own"] for c in ukraine)))
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["matrix", "--format", "csv"]).stdout)))
    assert len(rows) == len(data["cells"])
    assert all(int(r["count"]) == len([x for x in r["clauses"].split("; ") if x]) for r in rows)
    table = runner.invoke(cli, ["matrix"])
    assert table.exit_code == 0, table.output
    assert "Strongest commitment" in table.stdout and "j = joint" in table.stdout


def test_compare_files_a_user_brings(runner, user_files: tuple[Path, Path]) -> None:
    result = runner.invoke(cli, ["compare", *map(str, user_files), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["agreements"] == ["ua-xx-test", "ua-yy-test"]
    matched = [sorted(m["clauses"]) for m in data["matches"]]
    assert ["ua-xx-test:1", "ua-yy-test:1"] in matched and ["ua-xx-test:2", "ua-yy-test:2"] in matched
    assert data["unmatched"] == {"ua-xx-test": ["ua-xx-test:3"], "ua-yy-test": ["ua-yy-test:3"]}
    rows = list(
        csv.DictReader(
            io.StringIO(runner.invoke(cli, ["compare", *map(str, user_files), "--format", "csv"]).stdout)
        )
    )
    assert {r["clause"] for r in rows if r["group"] == "unmatched"} == {"ua-xx-test:3", "ua-yy-test:3"}
    table = runner.invoke(cli, ["compare", *map(str, user_files)])
    assert table.exit_code == 0 and "Only in ua-xx-test" in table.stdout


def test_compare_real_pair(runner, shared: Path) -> None:
    files = [str(shared / "corpus" / "ua-de-2024.txt"), str(shared / "corpus" / "ua-gb-2024.txt")]
    data = json.loads(runner.invoke(cli, ["compare", *files, "--format", "json"]).stdout)
    de_gb = [m for m in data["matches"] if m["category"] == "consultations"]
    assert de_gb and all(m["similarity"] >= 0.6 for m in de_gb)


def test_compare_pairs_a_translation_by_its_concepts_and_says_so(runner, tmp_path: Path) -> None:
    english = tmp_path / "ua-no-2030.md"
    english.write_text(
        "# Agreement between Ukraine and Norway\n\n"
        "a) In the event of a future armed attack on Ukraine, the Participants will consult within 24 hours "
        "to decide on next steps.\n",
        encoding="utf-8",
    )
    ukrainian = tmp_path / "ua-no-2030-uk.md"
    ukrainian.write_text(
        "# Угода між Україною та Норвегією\n\n"
        "a) У разі майбутнього збройного нападу на Україну Учасники проведуть консультації протягом 24 годин, "
        "щоб визначити подальші кроки.\n",
        encoding="utf-8",
    )
    files = [str(english), str(ukrainian)]
    result = runner.invoke(cli, ["compare", *files, "--format", "json"])
    assert result.exit_code == 0, result.output
    [found] = json.loads(result.stdout)["matches"]
    assert found["basis"] == "concepts" and found["category"] == "consultations"
    assert "2 languages" in result.stderr and "concepts" in result.stderr
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(cli, ["compare", *files, "--format", "csv"]).stdout))
    )
    assert {r["basis"] for r in rows} == {"concepts"} and len(rows) == 2
    table = runner.invoke(cli, ["compare", *files]).stdout
    assert "concepts" in table
    assert "[(a)] In the" in table  # the citation in brackets is text, not markup


def test_compare_needs_two_and_reports_failed_files(
    runner, user_files: tuple[Path, Path], tmp_path: Path
) -> None:
    assert runner.invoke(cli, ["compare", str(user_files[0])]).exit_code == 2
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    result = runner.invoke(cli, ["compare", *map(str, user_files), str(broken), "--format", "json"])
    assert result.exit_code == 1
    assert "broken.pdf" in result.stderr
    assert json.loads(result.stdout)["agreements"] == ["ua-xx-test", "ua-yy-test"]


def test_compare_takes_a_folder_and_needs_two_agreements(runner, user_files) -> None:
    folder = user_files[0].parent
    result = runner.invoke(cli, ["compare", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["agreements"] == ["ua-xx-test", "ua-yy-test"]
    single = runner.invoke(cli, ["compare", str(user_files[0])])
    assert single.exit_code == 2 and "at least two agreements" in single.output


def test_who_reads_standard_input(runner) -> None:
    result = runner.invoke(cli, ["who", "air-defense", "-", "--format", "json"], input=USER_A)
    assert result.exit_code == 0, result.output
    assert [p["party"] for p in json.loads(result.stdout)["partners"]] == ["RO"]
