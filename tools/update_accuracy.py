"""Write ``clauses/data/accuracy.json``: the figures of ``clauses eval`` on the gold sets, for the brief.

The brief's methods page quotes how well clauses are labelled; the figures are measured here, by the
same code as ``clauses eval``, and carried in the package as data — never typed into a template.
Run after a change to the classifier:

    PYTHONPATH=$PWD python tools/update_accuracy.py ../shared/gold
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from clauses.evaluate import evaluate
from clauses.resources import data_file

GOLD_SETS = {"dev.jsonl": ("agreements", "corpus"), "dev-statements.jsonl": ("statements", "statements")}
"""Gold file → the genre it measures and the folder of ``shared`` holding its texts."""
FIGURES = ("gold_clauses", "micro_f1", "macro_f1", "strength_accuracy", "obligor_accuracy")


def main(gold_folder: Path) -> None:
    sets = {}
    for name, (genre, texts) in GOLD_SETS.items():
        folders = [gold_folder.parent / texts, gold_folder.parent / "seeds"]
        report = evaluate(gold_folder / name, folders).model_dump(mode="json")
        sets[genre] = {figure: report[figure] for figure in FIGURES}
    data = {
        "measured": dt.date.today().isoformat(),
        "command": "clauses eval GOLD.jsonl --texts TEXTS",
        "gold_sets": sets,
    }
    path = data_file("accuracy.json")
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/gold"))
