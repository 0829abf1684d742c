"""``clauses export`` through the CLI: the files it writes opened and read back, and its errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clauses.cli import cli

TEXT = """---
id: ua-se-test
title: Test agreement on radars
parties: [UA, SE]
signed: 2024-05-02
kind: agreement
---
1. Sweden will deliver two radar aircraft to Ukraine in 2025.

2. Sweden may train Ukrainian operators of the radar aircraft.
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "se.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_export_writes_a_database(runner, source, tmp_path) -> None:
    out = tmp_path / "out" / "corpus.db"
    result = runner.invoke(cli, ["export", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(out)
    assert db.execute("select id, parties, signed from agreements").fetchall() == [
        ("ua-se-test", '["UA", "SE"]', "2024-05-02")
    ]
    strengths = db.execute("select path, strength from clauses order by position").fetchall()
    assert strengths == [("1", "firm"), ("2", "optional")]


def test_export_to_stdout(runner, source) -> None:
    result = runner.invoke(cli, ["export", str(source), "-o", "-", "--format", "sqlite"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"SQLite format 3\x00")


def test_export_refuses_an_unknown_suffix(runner, source, tmp_path) -> None:
    result = runner.invoke(cli, ["export", str(source), "-o", str(tmp_path / "corpus.zip")])
    assert result.exit_code == 2
    assert "corpus.zip" in result.output and not (tmp_path / "corpus.zip").exists()


def test_export_of_a_missing_file_is_one_line_and_writes_nothing(runner, tmp_path) -> None:
    out = tmp_path / "corpus.db"
    result = runner.invoke(cli, ["export", str(tmp_path / "absent.md"), "-o", str(out)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "absent.md" in result.output
    assert not out.exists()
