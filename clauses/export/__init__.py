"""Exports for analysts: an SQLite database (browsable in Datasette) and an Excel workbook.

``rows`` turns classified agreements into flat rows, one list per table; ``sqlite`` and ``xlsx``
write them. The database's tables, columns and canned queries are described once, in
``metadata.yaml``: Datasette shows it, and the README's schema section is generated from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

METADATA = Path(__file__).resolve().parent / "metadata.yaml"
DATABASE = "corpus"
"""The database's name in the metadata: Datasette names a database after its file, corpus.db."""


def metadata() -> dict[str, Any]:
    """The Datasette metadata: titles and descriptions of tables and columns, facets, canned queries."""
    import yaml

    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


def table_metadata() -> dict[str, dict[str, Any]]:
    """The metadata of each table and view of the database, by name."""
    return metadata()["databases"][DATABASE]["tables"]
