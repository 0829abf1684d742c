"""The corpus as an SQLite database (sqlite-utils): tables, foreign keys, indexes, full-text search, views.

The schema is documented in ``metadata.yaml`` (and from there in the README) and kept stable: a
column is added, never renamed. ``who`` and ``matrix`` are views giving what ``clauses who`` and
``clauses matrix`` give, so a query and the command agree.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from clauses.export import rows
from clauses.models import Agreement, Kind, Strength

TABLES: dict[str, dict[str, Any]] = {
    "agreements": {
        "columns": {"id": str, "title": str, "parties": str, "signed": str, "kind": str, "version": str,
                    "language": str, "source": str, "duration_years": float, "clauses": int},
        "pk": "id",
    },
    "clauses": {
        "columns": {"id": str, "agreement_id": str, "position": int, "path": str, "heading": str, "text": str,
                    "parent": str, "kind": str, "strength": str, "precision": str, "categories": str,
                    "conditions": str, "obligors": str},
        "pk": "id",
        "foreign_keys": [("agreement_id", "agreements", "id"), ("parent", "clauses", "id")],
    },
    "clause_categories": {
        "columns": {"clause_id": str, "category": str, "top_category": str, "score": float, "evidence": str},
        "pk": ("clause_id", "category"),
        "foreign_keys": [("clause_id", "clauses", "id")],
    },
    "obligors": {
        "columns": {"clause_id": str, "party": str, "as_written": str},
        "pk": ("clause_id", "party"),
        "foreign_keys": [("clause_id", "clauses", "id")],
    },
    "quantities": {
        "columns": {"clause_id": str, "position": int, "kind": str, "value": float, "unit": str, "text": str,
                    "amount": float, "currency": str, "year": int, "deadline": str},
        "pk": ("clause_id", "position"),
        "foreign_keys": [("clause_id", "clauses", "id")],
    },
    "matches": {
        "columns": {"match": int, "clause_id": str, "agreement_id": str, "similarity": float, "category": str,
                    "shared_deadline": str, "basis": str},
        "pk": ("match", "clause_id"),
        "foreign_keys": [("clause_id", "clauses", "id"), ("agreement_id", "agreements", "id")],
    },
}  # fmt: skip
"""The schema: every column with its type (lists are stored as JSON text), keys and foreign keys.
Stable: a column may be added, never renamed."""

INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("clauses", ("agreement_id",)),
    ("clauses", ("strength",)),
    ("clause_categories", ("category",)),
    ("clause_categories", ("top_category",)),
    ("obligors", ("party",)),
    ("quantities", ("kind",)),
    ("matches", ("clause_id",)),
    ("matches", ("agreement_id",)),
)
FTS_COLUMNS = ("text", "heading")


def database_bytes(agreements: list[Agreement]) -> bytes:
    """The whole database as bytes, for writing atomically (or to stdout)."""
    with tempfile.TemporaryDirectory(prefix="clauses-export-") as folder:
        path = Path(folder) / "corpus.db"
        write_database(agreements, path)
        return path.read_bytes()


def write_database(agreements: list[Agreement], path: Path) -> Path:
    """Write the database to ``path``, a file that must not exist yet."""
    import sqlite_utils

    from clauses.match import match

    if path.exists():
        raise FileExistsError(path)
    db = sqlite_utils.Database(path)
    tables = {
        "agreements": rows.agreement_rows(agreements),
        "clauses": rows.clause_rows(agreements),
        "clause_categories": rows.category_rows(agreements),
        "obligors": rows.obligor_rows(agreements),
        "quantities": rows.quantity_rows(agreements),
        "matches": rows.match_rows(match(agreements), agreements),
    }
    for name, records in tables.items():
        _create(db, name, records)
    for table, columns in INDEXES:
        db[table].create_index(columns)
    db["clauses"].enable_fts(FTS_COLUMNS, fts_version="FTS5")
    db.create_view("who", WHO_VIEW)
    db.create_view("matrix", MATRIX_VIEW)
    db.conn.commit()
    db.close()
    return path


def _create(db: Any, name: str, records: list[rows.Row]) -> None:
    spec = TABLES[name]
    db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys", []))
    db[name].insert_all(records)


def _rank_case(column: str) -> str:
    """SQL giving a strength's rank (0 = firm), from the enum so the order lives in one place."""
    ranks = " ".join(f"when '{s.value}' then {s.rank}" for s in Strength if s != Strength.NONE)
    return f"case {column} {ranks} end"


def _strength_of_rank(expression: str) -> str:
    names = " ".join(f"when {s.rank} then '{s.value}'" for s in Strength if s != Strength.NONE)
    return f"case {expression} {names} end"


_SIGNED_KINDS = ", ".join(f"'{k.value}'" for k in Kind if k.is_commitment_text)

WHO_VIEW = f"""
select distinct
  case when clauses.kind in ({_SIGNED_KINDS}) then 'signed' else 'statement' end as section,
  obligors.party, clause_categories.top_category as category, clauses.strength,
  {_rank_case("clauses.strength")} as strength_rank, clauses.precision,
  clauses.agreement_id, clauses.id as clause_id, agreements.signed, clauses.kind, clauses.text
from clauses
join agreements on agreements.id = clauses.agreement_id
join obligors on obligors.clause_id = clauses.id
join clause_categories on clause_categories.clause_id = clauses.id
where clauses.strength != '{Strength.NONE.value}'
order by section, category, strength_rank, party, agreements.signed, clauses.rowid
"""

MATRIX_VIEW = f"""
select party, category,
  {_strength_of_rank("min(case when section = 'signed' then strength_rank end)")} as strength,
  count(distinct case when section = 'signed' then clause_id end) as clauses,
  count(distinct case when section = 'statement' then clause_id end) as statements
from who
group by party, category
order by party != 'UA', party, category
"""
