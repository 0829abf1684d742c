"""``clauses export PATH... -o corpus.db``: the corpus as an SQLite database or an Excel workbook."""

from __future__ import annotations

from pathlib import Path

import click

from clauses.cli.commitments import load_agreements, report_failures
from clauses.cli.common import fail, stdin_format_option, taxonomy_of, taxonomy_option, write_output

FORMATS = {".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".xlsx": "xlsx"}


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (- for standard output); its suffix (.db, .sqlite, .xlsx) sets the format.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(set(FORMATS.values()))),
    help="Format, when the suffix does not say.",
)
@taxonomy_option
@stdin_format_option
@click.option(
    "--raw",
    is_flag=True,
    help="Workbook: keep cells starting with = + - @ as written (default: a leading ' so they are never "
    "run as formulas).",
)
def export_command(
    paths: tuple[Path, ...], output: Path, fmt: str | None, taxonomy_path: Path | None, raw: bool
) -> None:
    """Write the analysed corpus as an SQLite database (sqlite3, Datasette, pandas) or an Excel workbook.

    PATHS are files or folders (- for standard input); default: the bundled corpus. The database has tables agreements,
    clauses, clause_categories, obligors, quantities, matches; views who and matrix; full-text search
    over clauses (clauses_fts); its schema is in the README. The workbook has sheets Agreements,
    Clauses, Matrix and Quantities.
    """
    fmt = fmt or _format_of(output)
    result = load_agreements(paths, taxonomy_of(taxonomy_path))
    if fmt == "xlsx":
        from clauses.export.xlsx import workbook_bytes

        data = workbook_bytes(result.agreements, raw)
    else:
        from clauses.export.sqlite import database_bytes

        data = database_bytes(result.agreements)
    write_output(data, output, binary=True, inputs=paths)
    report_failures(result)


def _format_of(output: Path) -> str:
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        fail(f"cannot tell the format from {output.name!r}: use a .db or .xlsx name, or --format")
        raise AssertionError  # fail() exits
    return fmt
