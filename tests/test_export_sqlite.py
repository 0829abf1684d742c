"""``clauses.export.sqlite``: the database opened and queried, its views checked against the commands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clauses.commitments import matrix, who
from clauses.export import table_metadata
from clauses.export.sqlite import write_database
from clauses.match import match
from clauses.pipeline import analyze, bundled_corpus

SMALL = """---
id: ua-no-test
title: Test agreement on boats
parties: [UA, NO]
signed: 2025-03-01
kind: agreement
---
1. Norway will provide EUR 2 billion for air defence systems and interceptors to Ukraine in 2025.

2. The Participants will consult within 24 hours in the event of a future armed attack against Ukraine.
"""


@pytest.fixture(scope="module")
def corpus() -> list:
    return analyze([bundled_corpus()]).agreements


@pytest.fixture(scope="module")
def db(corpus, tmp_path_factory) -> sqlite3.Connection:
    path = write_database(corpus, tmp_path_factory.mktemp("db") / "corpus.db")
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    return connection


@pytest.fixture
def small_db(tmp_path: Path) -> sqlite3.Connection:
    source = tmp_path / "no.md"
    source.write_text(SMALL, encoding="utf-8")
    connection = sqlite3.connect(write_database(analyze([source]).agreements, tmp_path / "small.db"))
    connection.row_factory = sqlite3.Row
    return connection


def names(db: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in db.execute("select name from sqlite_master where type = ?", (kind,))}


def test_tables_views_indexes_and_full_text_search(db) -> None:
    tables = {
        "agreements",
        "clauses",
        "clause_categories",
        "obligors",
        "quantities",
        "matches",
        "clauses_fts",
    }
    assert tables <= names(db, "table")
    assert names(db, "view") == {"who", "matrix"}
    assert {"idx_clauses_agreement_id", "idx_obligors_party", "idx_clause_categories_category"} <= names(
        db, "index"
    )
    assert (
        "fts5" in db.execute("select sql from sqlite_master where name = 'clauses_fts'").fetchone()[0].lower()
    )


def test_foreign_keys_are_declared_and_hold(db) -> None:
    targets = {
        (table, row["from"], row["table"])
        for table in ("clauses", "clause_categories", "obligors", "quantities", "matches")
        for row in db.execute(f"pragma foreign_key_list({table})")
    }
    assert ("clauses", "agreement_id", "agreements") in targets
    assert ("matches", "clause_id", "clauses") in targets and (
        "quantities",
        "clause_id",
        "clauses",
    ) in targets
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_search_for_patriot_finds_romanias_donation(db) -> None:
    found = db.execute(
        "select clauses.* from clauses_fts join clauses on clauses.rowid = clauses_fts.rowid "
        "where clauses_fts match 'Patriot'"
    ).fetchall()
    romania = [r for r in found if r["agreement_id"] == "ua-ro-2024"]
    assert romania and "donate" in romania[0]["text"] and "RO" in romania[0]["obligors"]


def test_every_clause_and_agreement_is_there(db, corpus) -> None:
    assert [r[0] for r in db.execute("select id from agreements")] == [a.id for a in corpus]
    ids = [r[0] for r in db.execute("select id from clauses order by agreement_id, position")]
    assert sorted(ids) == sorted(c.id for a in corpus for c in a.clauses)
    labels = db.execute("select count(*) from clause_categories").fetchone()[0]
    assert labels == sum(len(c.categories) for a in corpus for c in a.clauses)


def test_matrix_view_equals_the_matrix_command(db, corpus) -> None:
    expected = {
        (c.party, c.category): (c.strength.value if c.strength else None, len(c.clauses), len(c.statements))
        for c in matrix(corpus).cells
    }
    got = {(r[0], r[1]): tuple(r[2:]) for r in db.execute("select * from matrix")}
    assert got == expected


@pytest.mark.parametrize("category", ["air-defense", "sanctions", "consultations"])
def test_who_view_equals_the_who_command(db, corpus, category) -> None:
    report = who(corpus, category)
    for section, partners in (("signed", report.partners), ("statement", report.statements)):
        expected = {(p.party, c.id, c.strength.value) for p in partners for c in p.clauses}
        rows = db.execute(
            "select party, clause_id, strength from who where category = ? and section = ?",
            (category, section),
        )
        assert {tuple(r) for r in rows} == expected


def test_matches_are_the_n_way_alignment(db, corpus) -> None:
    alignment = match(corpus)
    groups: dict[int, list[str]] = {}
    for row in db.execute("select match, clause_id, similarity, shared_deadline from matches order by rowid"):
        groups.setdefault(row[0], []).append(row[1])
        assert row[2] == alignment.matches[row[0] - 1].similarity
        assert row[3] == alignment.matches[row[0] - 1].shared_deadline
    assert list(groups.values()) == [m.clauses for m in alignment.matches]


def test_quantities_and_obligors_of_a_small_text(small_db) -> None:
    money = small_db.execute("select * from quantities where kind = 'money'").fetchone()
    assert (money["amount"], money["currency"], money["year"]) == (2e9, "EUR", 2025)
    deadline = small_db.execute(
        "select deadline, clause_id from quantities where kind = 'deadline'"
    ).fetchone()
    assert tuple(deadline) == ("24 hours", "ua-no-test:2")
    rows = small_db.execute("select party, as_written from obligors where clause_id = 'ua-no-test:2'")
    assert sorted(tuple(r) for r in rows) == [("NO", "ALL"), ("UA", "ALL")]


def test_metadata_describes_every_table_view_and_column(db) -> None:
    described = table_metadata()
    present = {n for n in names(db, "table") | names(db, "view") if not n.startswith("clauses_fts")}
    assert set(described) - {"clauses_fts"} == present
    for name in present:
        columns = {r[1] for r in db.execute(f"pragma table_info({name})")}
        assert set(described[name]["columns"]) == columns, name
        assert described[name]["title"] and described[name]["description"]
