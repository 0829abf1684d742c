"""``clauses brief [PATH...] -o reports/brief.pdf``: the comparison brief, as HTML or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from clauses.cli.common import (
    STDIN,
    console,
    fail,
    is_terminal,
    progress,
    relabel_stdin,
    report_notes,
    stdin_format_option,
    stdin_paths,
    taxonomy_of,
    taxonomy_option,
    warn,
    write_output,
)
from clauses.errors import ClausesError
from clauses.models import CATEGORY_IDS

DEFAULT_OUTPUT = Path("reports/brief.pdf")


@click.command("brief")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="File to write (- for standard output, with --format); its suffix (.pdf or .html) sets the format.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["pdf", "html"]), help="Format, when the suffix does not say."
)
@click.option("--title", help="Title on the cover (default: from the documents).")
@click.option(
    "--category", "categories", help="Only these categories: comma-separated ids, e.g. air-defense,cyber."
)
@click.option("--partners", help="Only agreements with these partners: comma-separated codes, e.g. RO,DE.")
@taxonomy_option
@stdin_format_option
def brief_command(
    paths: tuple[Path, ...],
    output: Path,
    fmt: str | None,
    title: str | None,
    categories: str | None,
    partners: str | None,
    taxonomy_path: Path | None,
) -> None:
    """Write a brief comparing agreements: cover, heat map and findings, one section per category,
    timeline of statements, and an appendix quoting every clause cited.

    PATHS are files or folders (- for standard input); default: the bundled corpus. One agreement gives a one-agreement profile.
    """
    from clauses.brief import build_brief
    from clauses.pipeline import analyze, bundled_corpus, check_output
    from clauses.report import render

    fmt = fmt or _format_of(output)
    wanted = _categories(categories)
    taxonomy = taxonomy_of(taxonomy_path)
    try:
        check_output(output, paths or [bundled_corpus()])
        with stdin_paths(paths or [bundled_corpus()]) as files:
            analysis = relabel_stdin(analyze(files, taxonomy, progress=progress))
        report_notes(analysis)
        for failure in analysis.failures:
            warn(f"skipped {failure.path}: {failure.message}")
        if not analysis.agreements:
            fail("no agreement could be read")
        report = build_brief(analysis.agreements, wanted, _codes(partners), title, taxonomy=taxonomy)
        if not report.agreements:
            fail(f"no agreement with the partners {partners}")
        data = _render(render, report, fmt)
        if str(output) == STDIN:
            write_output(data, None, binary=fmt == "pdf")
        else:
            from clauses.atomic import write_atomic

            write_atomic(output, data)
            warn(f"wrote {output} ({len(report.agreements)} documents, {len(report.appendix)} clauses cited)")
    except ClausesError as error:
        fail(error)
    if analysis.failures:
        raise SystemExit(1)  # written, but not from every input


def _format_of(output: Path) -> str:
    suffix = output.suffix.lower().lstrip(".")
    if suffix in ("pdf", "html"):
        return suffix
    if suffix == "htm":
        return "html"
    fail(f"cannot tell the format from {output.name!r}: use a .pdf or .html name, or --format")
    raise AssertionError  # fail() exits


def _categories(raw: str | None) -> list[str] | None:
    if not raw:
        return None
    wanted = [c.strip() for c in raw.split(",") if c.strip()]
    unknown = [c for c in wanted if c.split("/")[0] not in CATEGORY_IDS]
    if unknown:
        fail(f"--category: unknown {', '.join(unknown)} (see `clauses analyze --help` or taxonomy.md)")
    return wanted


def _codes(raw: str | None) -> list[str] | None:
    return [c.strip().upper() for c in raw.split(",") if c.strip()] if raw else None


def _render(render: Any, report: Any, fmt: str) -> bytes:
    """Render, with a spinner on a terminal: the PDF layout is the slow step."""
    if not is_terminal():
        return render("brief.html", report, fmt)
    with console(stderr=True).status(f"Rendering {fmt.upper()}…"):
        return render("brief.html", report, fmt)
