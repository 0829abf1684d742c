"""``clauses export PATH... -o corpus.db``: the corpus as an SQLite database or an Excel workbook."""

from __future__ import annotations

from pathlib import Path

import click

from clauses.cli.commitments import load_agreements, report_failures
from clauses.cli.common import fail, taxonomy_option, write_output

FORMATS = {".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite"}


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (- for stdout); its suffix (.db, .sqlite) sets the format.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(set(FORMATS.values()))),
    help="Format, when the suffix does not say.",
)
@taxonomy_option
def export_command(
    paths: tuple[Path, ...], output: Path, fmt: str | None, taxonomy_path: Path | None
) -> None:
    """Write the analysed corpus as an SQLite database for sqlite3, Datasette or pandas.

    PATHS are files or folders; default: the bundled corpus. Tables: agreements, clauses,
    clause_categories, obligors, quantities, matches; views who and matrix; full-text search over
    clauses (clauses_fts). The schema is in the README.
    """
    from clauses.export.sqlite import database_bytes

    fmt = fmt or _format_of(output)
    result = load_agreements(paths, taxonomy_path)
    write_output(database_bytes(result.agreements), output, binary=True)
    report_failures(result)


def _format_of(output: Path) -> str:
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        fail(f"cannot tell the format from {output.name!r}: use a .db or .xlsx name, or --format")
        raise AssertionError  # fail() exits
    return fmt
