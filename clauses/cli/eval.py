"""``clauses eval``: how well the labels agree with a hand-labelled gold file."""

from __future__ import annotations

from pathlib import Path

import click

from clauses.cli.common import (
    fail,
    format_option,
    labelled,
    output_option,
    print_table,
    table_output,
    taxonomy_of,
    taxonomy_option,
    to_json,
    write_output,
)
from clauses.errors import ClausesError


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--texts",
    "text_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding <doc>.txt for each gold doc (repeatable; default: ../corpus and ../seeds beside GOLD).",
)
@click.option(
    "--by-doc", is_flag=True, help="Also print the figures of each document (the JSON always has them)."
)
@format_option("table", "json")
@taxonomy_option
@output_option
def eval_command(
    gold: Path,
    text_dirs: tuple[Path, ...],
    by_doc: bool,
    fmt: str,
    taxonomy_path: Path | None,
    output: Path | None,
) -> None:
    """Score categories (micro/macro F1), strength and obligors against GOLD.jsonl.

    Uses the rules of shared/tools/eval_classify.py: a gold paragraph is matched by the
    clauses lying inside it, takes the union of their categories and the firmest strength.
    """
    from clauses.evaluate import evaluate

    taxonomy = taxonomy_of(taxonomy_path)
    try:
        figures = evaluate(gold, list(text_dirs) or None, taxonomy)
    except ClausesError as error:
        fail(error)
    if fmt == "json":
        data = figures.model_dump(mode="json")
        for name, entry in figures.per_category.items():
            data["per_category"][name]["f1"] = round(entry.f1, 3)
        write_output(to_json(labelled(data, taxonomy)), output, inputs=(gold,))
        return
    table_output(output, "json")
    rows = [
        [taxonomy.label_of(name), f"{entry.f1:.3f}", entry.tp, entry.fp, entry.fn]
        for name, entry in figures.per_category.items()
    ]
    print_table(
        f"{gold.name}: {figures.gold_clauses} gold clauses", ["category", "F1", "tp", "fp", "fn"], rows
    )
    if by_doc:
        documents = [
            [
                doc,
                entry.gold_clauses,
                f"{entry.micro_f1:.3f}",
                f"{entry.strength_accuracy:.3f}",
                f"{entry.obligor_accuracy:.3f}",
            ]
            for doc, entry in figures.per_document.items()
        ]
        print_table("per document", ["document", "gold", "micro-F1", "strength", "obligors"], documents)
    click.echo(
        f"coverage {figures.coverage:.3f}  micro-F1 {figures.micro_f1:.3f}  macro-F1 {figures.macro_f1:.3f}  "
        f"strength {figures.strength_accuracy:.3f}  obligors {figures.obligor_accuracy:.3f}"
    )
