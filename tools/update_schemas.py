"""Write the JSON Schemas shipped in ``clauses/data/schemas/`` from the models.

Run ``python tools/update_schemas.py`` after changing a model that a command prints;
tests/test_schema.py fails while a shipped schema and the models disagree.
"""

from __future__ import annotations

import sys

from clauses.resources import data_file
from clauses.schema import OUTPUT_MODELS, schema_name, schema_text

if __name__ == "__main__":
    folder = data_file("schemas")
    folder.mkdir(exist_ok=True)
    for command in OUTPUT_MODELS:
        path = folder / schema_name(command)
        text = schema_text(command)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"updated {path}", file=sys.stderr)
