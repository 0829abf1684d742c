"""``clauses analyze``: the clauses of each agreement, labelled, as a table, JSON or CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from clauses.cli.common import (
    csv_options,
    fail,
    format_option,
    labelled,
    output_option,
    print_table,
    progress,
    relabel_stdin,
    report_notes,
    stdin_format_option,
    stdin_paths,
    table_output,
    taxonomy_of,
    taxonomy_option,
    to_csv,
    to_json,
    warn,
    write_output,
)
from clauses.errors import ClausesError
from clauses.models import Kind

CSV_HEADER = (
    "agreement", "signed", "kind", "language", "id", "path", "citation", "heading", "strength", "precision",
    "categories", "category_labels", "conditions", "obligors", "quantities", "text",
)  # fmt: skip


@click.command("analyze")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("table", "json", "csv")
@taxonomy_option
@stdin_format_option
@click.option("--explain", is_flag=True, help="Show, per clause, why each label was given.")
@output_option
@csv_options
@click.option("--id", "agreement_id", help="Override the agreement id (one file only).")
@click.option("--title", help="Override the title.")
@click.option("--parties", help="Override the parties: comma-separated codes, e.g. UA,RO.")
@click.option("--signed", type=click.DateTime(["%Y-%m-%d"]), help="Override the signing date (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), help="Override the kind of document.")
@click.option("--version-label", "version", help="Override the version label (e.g. draft, signed).")
@click.option("--language", help="Override the language code (en, uk, ru...).")
def analyze_command(
    paths: tuple[Path, ...],
    fmt: str,
    taxonomy_path: Path | None,
    explain: bool,
    output: Path | None,
    raw: bool,
    bom: bool,
    **raw_overrides: Any,
) -> None:
    """Split agreements into clauses and label each one.

    PATHS are files (Markdown, text, HTML, PDF, DOCX) or folders, - for standard input (the content
    says what it is; --id names it); default: the bundled corpus.
    """
    from clauses.pipeline import analyze, bundled_corpus

    overrides = _overrides(raw_overrides, len(paths))
    taxonomy = taxonomy_of(taxonomy_path)
    try:
        with stdin_paths(paths or [bundled_corpus()]) as files:
            result = relabel_stdin(analyze(files, taxonomy, overrides, progress=progress))
    except ClausesError as error:
        fail(error)
    if not result.agreements:
        for failure in result.failures[:-1]:
            warn(f"error: {failure.path}: {failure.message}")
        last = result.failures[-1]
        fail(ClausesError(last.message, last.path))
    _emit(result, fmt, explain, output, taxonomy, raw=raw, bom=bom, inputs=paths)
    report_notes(result)
    if result.failures:
        for failure in result.failures:
            warn(f"error: {failure.path}: {failure.message}")
        warn(f"{len(result.failures)} of {len(result.failures) + len(result.agreements)} files failed")
        raise SystemExit(1)


def _overrides(raw: dict[str, Any], n_paths: int) -> dict[str, Any]:
    overrides = {key: value for key, value in raw.items() if value is not None}
    if "agreement_id" in overrides:
        if n_paths != 1:
            fail("--id needs exactly one file")
        overrides["id"] = overrides.pop("agreement_id")
    if "parties" in overrides:
        overrides["parties"] = [
            code.strip().upper() for code in overrides["parties"].split(",") if code.strip()
        ]
    if isinstance(overrides.get("signed"), dt.datetime):
        overrides["signed"] = overrides["signed"].date()
    return overrides


def _emit(
    result: Any,
    fmt: str,
    explain: bool,
    output: Path | None,
    taxonomy: Any,
    *,
    raw: bool,
    bom: bool,
    inputs: tuple[Path, ...],
) -> None:
    if fmt == "json":
        from clauses.schema import AnalyzeOutput

        data = AnalyzeOutput(agreements=result.agreements).model_dump(mode="json")
        write_output(to_json(labelled(data, taxonomy)), output, inputs=inputs)
    elif fmt == "csv":
        rows = _csv_rows(result.agreements, taxonomy)
        write_output(to_csv(CSV_HEADER, rows, raw=raw, bom=bom), output, inputs=inputs)
    else:
        table_output(output)
        _print_tables(result.agreements, explain, taxonomy)


def _csv_rows(agreements: list[Any], taxonomy: Any) -> list[list[Any]]:
    return [
        [
            agreement.id,
            agreement.signed.isoformat() if agreement.signed else "",
            agreement.kind.value,
            agreement.language,
            clause.id,
            clause.path,
            clause.citation,
            " > ".join(clause.heading),
            clause.strength.value,
            clause.precision.value,
            clause.category_ids,
            [taxonomy.label_of(c) for c in clause.category_ids],
            [c.value for c in clause.conditions],
            clause.obligors,
            [q.text for q in clause.quantities],
            clause.text,
        ]  # fmt: skip
        for agreement in agreements
        for clause in agreement.clauses
    ]


def _print_tables(agreements: list[Any], explain: bool, taxonomy: Any) -> None:
    for agreement in agreements:
        signed = agreement.signed.isoformat() if agreement.signed else "undated"
        title = (
            f"{agreement.id} — {agreement.title} ({', '.join(agreement.parties)}; {agreement.kind.value}; "
            f"{signed}; {agreement.language}; {len(agreement.clauses)} clauses)"
        )
        rows = []
        for clause in agreement.clauses:
            text = clause.text if len(clause.text) <= 160 else clause.text[:157] + "..."
            rows.append(
                [
                    clause.citation,
                    f"{clause.strength.value} (negated)" if clause.negated else clause.strength.value,
                    ", ".join(taxonomy.label_of(c) for c in clause.category_ids),
                    ", ".join(clause.obligors),
                    text,
                ]
            )
            if explain:
                rows.extend(
                    ["", "", "", "", f"  why {r.label} = {r.value}: {r.evidence}"] for r in clause.reasons
                )
        print_table(title, ["clause", "strength", "categories", "obligors", "text"], rows)
