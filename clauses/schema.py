"""The JSON Schema of each command's ``--format json`` output, generated from the pydantic models.

The models are the contract: ``clauses schema COMMAND`` prints the schema generated now, and the
copies shipped in ``clauses/data/schemas/`` (linked from the README) are written from the same
function by ``tools/update_schemas.py``; a test keeps them equal, so no copy drifts.
"""

from __future__ import annotations

import json
from importlib import import_module
from typing import Any

from pydantic import BaseModel

from clauses.models import Agreement, Strict
from clauses.resources import data_file

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class AnalyzeOutput(Strict):
    """``clauses analyze --format json``: every agreement read, with its labelled clauses."""

    agreements: list[Agreement]


OUTPUT_MODELS: dict[str, str] = {
    "analyze": "clauses.schema:AnalyzeOutput",
    "compare": "clauses.match:Alignment",
    "diff": "clauses.diff:AgreementDiff",
    "eval": "clauses.evaluate:Figures",
    "matrix": "clauses.commitments:Matrix",
    "who": "clauses.commitments:WhoReport",
}
"""Command → the model its JSON output dumps (imported on demand: matching pulls in numpy)."""


def output_model(command: str) -> type[BaseModel]:
    module, name = OUTPUT_MODELS[command].split(":")
    return getattr(import_module(module), name)


LABELS: dict[str, Any] = {
    "additionalProperties": {"type": "string"},
    "description": "category id → the name the taxonomy gives it (its label; a user's --taxonomy labels included)",
    "title": "Labels",
    "type": "object",
}
"""The ``labels`` every JSON output carries beside its model (``clauses.cli.common.labelled``)."""


def json_schema(command: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``clauses COMMAND --format json``: the model's, with ``labels``."""
    schema = output_model(command).model_json_schema(mode="serialization")
    schema["properties"]["labels"] = LABELS
    schema["required"] = [*schema.get("required", []), "labels"]
    return {"$schema": SCHEMA_DIALECT, "$id": schema_name(command), **schema}


def schema_name(command: str) -> str:
    return f"{command}.schema.json"


def schema_text(command: str) -> str:
    """The schema as the shipped file holds it: sorted keys, two-space indent, final newline."""
    return json.dumps(json_schema(command), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def shipped_schema(command: str) -> str:
    return data_file(f"schemas/{schema_name(command)}").read_text(encoding="utf-8")
