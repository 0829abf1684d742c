"""``clauses compare``: the clauses two or more agreements share, side by side, and those only one has."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from clauses.cli.commitments import load_agreements, report_failures
from clauses.cli.common import (
    csv_options,
    fail,
    format_option,
    labelled,
    output_option,
    print_table,
    stdin_format_option,
    table_output,
    taxonomy_of,
    taxonomy_option,
    to_csv,
    to_json,
    warn,
    write_output,
)
from clauses.models import split_clause_id

CSV_HEADER = (
    "group", "similarity", "basis", "shared_deadline", "category", "label", "agreement", "clause", "text",
)  # fmt: skip
TEXT_WIDTH = 160


@click.command("compare")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option("table", "json", "csv")
@taxonomy_option
@stdin_format_option
@click.option(
    "--threshold", type=click.FloatRange(0.0, 1.0), default=None, help="Lowest similarity of a match (0..1)."
)
@output_option
@csv_options
def compare_command(
    paths: tuple[Path, ...],
    fmt: str,
    taxonomy_path: Path | None,
    threshold: float | None,
    output: Path | None,
    raw: bool,
    bom: bool,
) -> None:
    """Match the clauses of agreements A B [C ...]: counterparts with their similarity, then the rest.

    PATHS are files or folders (a folder counts for the agreements inside it), - for standard input.

    Party names are neutralised before scoring and only clauses sharing a category are compared.
    Each match says what it rests on: wording (words in common, the rarer the more they count, so a
    rewritten paragraph that keeps its names, amounts and deadlines is paired), concepts (texts in
    different languages naming the same systems, institutions, numbers and things), or deadline (the
    same deadline, "within 24 hours", in the same category, whatever the words).
    """
    from clauses.match import DEFAULT_THRESHOLD, match

    taxonomy = taxonomy_of(taxonomy_path)
    result = load_agreements(paths, taxonomy)
    if len(result.agreements) < 2:
        report_failures(result)
        fail("compare needs at least two agreements: clauses compare A B [C ...] or a folder holding them")
    alignment = match(result.agreements, DEFAULT_THRESHOLD if threshold is None else threshold)
    texts = {c.id: c for a in result.agreements for c in a.clauses}
    if fmt == "json":
        write_output(to_json(labelled(alignment.model_dump(mode="json"), taxonomy)), output, inputs=paths)
    elif fmt == "csv":
        rows = _csv_rows(alignment, texts, taxonomy.label_of)
        write_output(to_csv(CSV_HEADER, rows, raw=raw, bom=bom), output, inputs=paths)
    else:
        table_output(output)
        _print_alignment(alignment, texts, taxonomy.label_of)
    _note_languages(result.agreements)
    report_failures(result)


def _note_languages(agreements: list[Any]) -> None:
    """Across languages only concepts can pair clauses: say so rather than let the table look complete."""
    languages = sorted({a.language for a in agreements})
    if len(languages) > 1:
        by_language = "; ".join(
            f"{lang}: {', '.join(a.id for a in agreements if a.language == lang)}" for lang in languages
        )
        warn(f"note: the texts are in {len(languages)} languages ({by_language}); clauses in different "
             "languages are paired by the concepts they share (basis 'concepts'), which finds fewer "
             "counterparts than wording does")  # fmt: skip


def _csv_rows(alignment: Any, texts: dict[str, Any], label: Callable[[str], str]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for number, m in enumerate(alignment.matches, start=1):
        rows.extend(
            [
                number,
                m.similarity,
                m.basis.value,
                m.shared_deadline or "",
                m.category or "",
                label(m.category) if m.category else "",
                split_clause_id(cid).agreement,
                cid,
                texts[cid].text,
            ]
            for cid in m.clauses
        )
    for agreement, ids in alignment.unmatched.items():
        rows.extend(["unmatched", "", "", "", ", ".join(texts[cid].category_ids),
                     ", ".join(map(label, texts[cid].category_ids)), agreement, cid, texts[cid].text]
                    for cid in ids)  # fmt: skip
    return rows


def _short(text: str) -> str:
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 3] + "..."


def _print_alignment(alignment: Any, texts: dict[str, Any], label: Callable[[str], str]) -> None:
    rows = []
    for m in alignment.matches:
        cells = []
        for agreement in alignment.agreements:
            ids = [cid for cid in m.clauses if split_clause_id(cid).agreement == agreement]
            cells.append("\n".join(f"[{texts[cid].citation}] {_short(texts[cid].text)}" for cid in ids))
        similarity = f"{m.similarity:.2f}\n{m.basis.value}" + (
            f": {m.shared_deadline}" if m.shared_deadline else ""
        )
        rows.append([similarity, label(m.category) if m.category else "", *cells])
    print_table("Matched clauses", ["sim", "category", *alignment.agreements], rows)
    for agreement, ids in alignment.unmatched.items():
        by_category: dict[str, list[str]] = {}
        for cid in ids:
            key = ", ".join(map(label, texts[cid].category_ids)) or "(uncategorised)"
            by_category.setdefault(key, []).append(cid)
        rows = [
            [category if i == 0 else "", texts[cid].citation, _short(texts[cid].text)]
            for category, members in sorted(by_category.items())
            for i, cid in enumerate(members)
        ]
        print_table(f"Only in {agreement} ({len(ids)} clauses)", ["category", "clause", "text"], rows)
