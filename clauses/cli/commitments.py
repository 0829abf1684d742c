"""``clauses who`` and ``clauses matrix``: which party committed to what, and how firmly."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from clauses.models import CATEGORY_IDS, Strength

if TYPE_CHECKING:
    from clauses.taxonomy import Taxonomy

WHO_CSV_HEADER = (
    "section", "party", "party_strength", "agreement", "clause", "citation", "joint", "strength", "precision", "signed", "kind",
    "text",
)  # fmt: skip
MATRIX_CSV_HEADER = (
    "party",
    "category",
    "label",
    "strength",
    "count",
    "clauses",
    "own",
    "joint",
    "statements",
)


def load_agreements(paths: tuple[Path, ...], taxonomy: Taxonomy | None) -> Any:
    """Load and classify the inputs (default: the bundled corpus); fail when none could be read."""
    from clauses.pipeline import analyze, bundled_corpus

    try:
        with stdin_paths(paths or [bundled_corpus()]) as files:
            result = relabel_stdin(analyze(files, taxonomy, progress=progress))
    except ClausesError as error:
        fail(error)
    if not result.agreements:
        for failure in result.failures[:-1]:
            warn(f"error: {failure.path}: {failure.message}")
        last = result.failures[-1]
        fail(ClausesError(last.message, last.path))
    return result


def report_failures(result: Any) -> None:
    """After the output: name the files read with a caveat, every file that failed, and exit 1."""
    report_notes(result)
    if not result.failures:
        return
    for failure in result.failures:
        warn(f"error: {failure.path}: {failure.message}")
    warn(f"{len(result.failures)} of {len(result.failures) + len(result.agreements)} files failed")
    raise SystemExit(1)


def check_category(category: str) -> str:
    if category.split("/")[0] not in CATEGORY_IDS:
        fail(f"unknown category {category!r}; valid: {', '.join(CATEGORY_IDS)}")
    return category


@click.command("who")
@click.argument("category")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("table", "json", "csv")
@taxonomy_option
@stdin_format_option
@click.option(
    "--min-strength",
    type=click.Choice([s.value for s in Strength if s != Strength.NONE]),
    help="Only commitments at least this firm (firm > intent > support > optional).",
)
@output_option
@csv_options
def who_command(
    category: str,
    paths: tuple[Path, ...],
    fmt: str,
    taxonomy_path: Path | None,
    min_strength: str | None,
    output: Path | None,
    raw: bool,
    bom: bool,
) -> None:
    """Every party that commits to CATEGORY, how firmly, where, and who stays silent.

    PATHS are files or folders (- for standard input); default: the bundled corpus. Statements and news are listed apart.
    """
    from clauses.commitments import who

    check_category(category)
    taxonomy = taxonomy_of(taxonomy_path)
    result = load_agreements(paths, taxonomy)
    report = who(result.agreements, category, Strength(min_strength) if min_strength else None)
    if fmt == "json":
        write_output(to_json(labelled(report.model_dump(mode="json"), taxonomy)), output, inputs=paths)
    elif fmt == "csv":
        write_output(to_csv(WHO_CSV_HEADER, _who_rows(report), raw=raw, bom=bom), output, inputs=paths)
    else:
        table_output(output)
        _print_who(report, taxonomy.label_of(report.category))
    report_failures(result)


def _who_rows(report: Any) -> list[list[Any]]:
    rows = []
    for section, partners in (("signed", report.partners), ("statement", report.statements)):
        for partner in partners:
            for c in partner.clauses:
                rows.append([section, partner.party, partner.strength.value, c.agreement, c.id, c.citation, c.joint,
                             c.strength.value, c.precision.value, c.signed or "", c.kind.value, c.text])  # fmt: skip
    rows.extend(["silent", party, *[""] * (len(WHO_CSV_HEADER) - 2)] for party in report.silent)
    return rows


def _print_who(report: Any, label: str) -> None:
    header = ["party", "strength", "clause", "as", "signed", "kind", "text"]
    for title, partners in (
        (f"Who commits to {label} (signed texts)", report.partners),
        (f"Discussed in statements and news: {label}", report.statements),
    ):
        if not partners and "statements" in title:
            continue
        rows = [
            [
                p.party if i == 0 else "",
                p.strength.value if i == 0 else "",
                f"{c.agreement}, {c.citation}",
                "joint" if c.joint else "own",
                c.signed or "undated",
                c.kind.value,
                c.text,
            ]  # fmt: skip
            for p in partners
            for i, c in enumerate(p.clauses)
        ]
        print_table(title, header, rows)
    click.echo(f"Silent on {label}: {', '.join(report.silent) or 'none'}")


@click.command("matrix")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("table", "json", "csv")
@taxonomy_option
@stdin_format_option
@output_option
@csv_options
def matrix_command(
    paths: tuple[Path, ...], fmt: str, taxonomy_path: Path | None, output: Path | None, raw: bool, bom: bool
) -> None:
    """Parties × categories: the strongest commitment of each party in each category, and how many clauses.

    PATHS are files or folders (- for standard input); default: the bundled corpus.
    """
    from clauses.commitments import matrix

    taxonomy = taxonomy_of(taxonomy_path)
    result = load_agreements(paths, taxonomy)
    table = matrix(result.agreements)
    if fmt == "json":
        write_output(to_json(labelled(table.model_dump(mode="json"), taxonomy)), output, inputs=paths)
    elif fmt == "csv":
        rows = [
            [
                c.party,
                c.category,
                taxonomy.label_of(c.category),
                c.strength.value if c.strength else "",
                len(c.clauses),
                c.clauses,
                c.own,
                c.joint,
                c.statements,
            ]
            for c in table.cells
        ]
        write_output(to_csv(MATRIX_CSV_HEADER, rows, raw=raw, bom=bom), output, inputs=paths)
    else:
        table_output(output)
        _print_matrix(table, taxonomy)
    report_failures(result)


def _print_matrix(table: Any, taxonomy: Taxonomy) -> None:
    print_table(
        "Strongest commitment (own+joint signed clauses, j = joint with all parties; +n = in statements/news)",
        ["party", *map(taxonomy.label_of, table.categories)],
        table.grid(),
    )
