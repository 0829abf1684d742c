"""``clauses diff OLD NEW``: what changed between two versions of one agreement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from clauses.cli.common import (
    csv_options,
    fail,
    format_option,
    labelled,
    stdin_format_option,
    stdin_paths,
    stdin_source,
    taxonomy_of,
    taxonomy_option,
    to_csv,
    to_json,
    use_color,
    write_output,
)
from clauses.errors import ClausesError

if TYPE_CHECKING:
    from clauses.taxonomy import Taxonomy

LAYOUTS = ("list", "side-by-side")
DEFAULT_LAYOUT = {"json": "list", "html": "list", "pdf": "side-by-side", "docx": "list"}
BINARY = ("pdf", "docx")
KIND_NAMES = ("added", "removed", "modified", "moved", "renumbered", "split", "merged", "unchanged")
ONLY_CHOICES = ("weakened", "strengthened", *KIND_NAMES)
_MARK = {
    "added": "+",
    "removed": "-",
    "modified": "~",
    "moved": "^",
    "renumbered": "#",
    "split": "<",
    "merged": ">",
    "unchanged": "=",
}


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@format_option("table", "json", "csv", "html", "pdf", "docx")
@click.option(
    "--only",
    help="Keep only these changes: comma-separated kinds (added, removed, modified, moved, renumbered, "
    "split, merged, unchanged) and/or weakened, strengthened.",
)
@taxonomy_option
@stdin_format_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.option("--color/--no-color", default=None, help="Colour the redline (default: on a terminal).")
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    help="HTML and PDF: a list of changes, or old and new side by side (default: list for HTML, "
    "side-by-side for PDF).",
)
@csv_options
@click.option("--exit-code", is_flag=True, help="Exit with 1 when the versions differ, 0 when they do not.")
def diff_command(
    old: Path,
    new: Path,
    fmt: str,
    only: str | None,
    taxonomy_path: Path | None,
    output: Path | None,
    color: bool | None,
    layout: str | None,
    raw: bool,
    bom: bool,
    exit_code: bool,
) -> None:
    """Compare two versions of one agreement, clause by clause.

    OLD and NEW may be in different formats (a PDF draft against a Word final); - reads standard input.
    Shows changes to the title, parties, date, kind and duration first, then added, removed, modified,
    moved, renumbered, split and merged clauses, with a word-level redline and the commitments that got
    weaker or stronger. --format docx writes the new version as a Word document with tracked changes
    against the old one and a comment on each changed clause.
    """
    filters = _filters(only)
    if filters and fmt == "docx":
        fail("--only does not apply to --format docx: the document is the whole new version")
    taxonomy = taxonomy_of(taxonomy_path)
    with stdin_paths([old, new]) as files:
        versions = tuple(stdin_source(v) for v in _analyze(*files, taxonomy))
    result = _diff(*versions)
    if filters:
        result = result.only(filters)
    if fmt == "csv":
        from clauses.cli.diff_csv import DIFF_CSV_HEADER, diff_rows

        rows = diff_rows(result, taxonomy.label_of)
        write_output(to_csv(DIFF_CSV_HEADER, rows, raw=raw, bom=bom), output, inputs=(old, new))
    elif fmt == "table":
        if output:
            fail("--output needs --format json, csv, html, pdf or docx")
        _print_diff(result, use_color(color), taxonomy.label_of)
    else:
        rendered = _render(result, versions, fmt, layout or DEFAULT_LAYOUT[fmt], taxonomy)
        _emit(rendered, output, fmt, (old, new))
    changed = result.metadata_changes or any(change.kind != "unchanged" for change in result.changes)
    if exit_code and changed:
        raise SystemExit(1)


def _filters(only: str | None) -> list[str]:
    if not only:
        return []
    filters = [name.strip().lower() for name in only.split(",") if name.strip()]
    unknown = [name for name in filters if name not in ONLY_CHOICES]
    if unknown:
        fail(f"--only: unknown {', '.join(unknown)} (choose from {', '.join(ONLY_CHOICES)})")
    return filters


def _analyze(old: Path, new: Path, taxonomy: Taxonomy) -> tuple[Any, Any]:
    from clauses.pipeline import analyze_file

    try:
        return analyze_file(old, taxonomy), analyze_file(new, taxonomy)
    except ClausesError as error:
        fail(error)
        raise  # unreachable: fail() exits


def _diff(old: Any, new: Any) -> Any:
    from clauses.diff import diff

    return diff(old, new)


def _render(result: Any, versions: tuple[Any, Any], fmt: str, layout: str, taxonomy: Taxonomy) -> bytes:
    if fmt == "json":
        return to_json(labelled(result.model_dump(mode="json"), taxonomy)).encode("utf-8")
    if fmt == "docx":
        import datetime as dt

        from clauses.redline_docx import redline_docx

        when = dt.datetime.now(dt.UTC).replace(microsecond=0)
        return redline_docx(result, *versions, when=when, name=taxonomy.label_of)
    from clauses.diff.view import report
    from clauses.report import render

    try:
        return render("diff.html", report(result, *versions, layout, taxonomy), fmt)
    except ClausesError as error:
        fail(error)
        raise  # unreachable: fail() exits


def _emit(data: bytes, output: Path | None, fmt: str, inputs: tuple[Path, Path]) -> None:
    write_output(data if fmt in BINARY else data.decode("utf-8"), output, binary=True, inputs=inputs)


def _print_diff(result: Any, color: bool, name: Callable[[str], str]) -> None:
    from clauses.diff.metadata import describe
    from clauses.diff.view import paths

    summary = result.summary
    counts = ", ".join(f"{n} {kind}" for kind, n in summary.kinds.items() if n)
    _echo(click.style(f"{result.old.id} → {result.new.id}: {counts or 'no clauses'}", bold=True), color)
    for change in result.metadata_changes:
        _echo(f"{click.style('details', bold=True)} {describe(change)}", color)
    if summary.renumbering:
        r = summary.renumbering
        example = ", ".join(f"{e.old}→{e.new}" for e in r.examples)
        _echo(f"renumbering ({r.pattern}) of {r.count} clauses, e.g. {example}", color)
    for direction, fg in (("weakened", "red"), ("strengthened", "green")):
        for shift in getattr(summary, direction):
            label = click.style(direction, fg=fg, bold=True)
            where = paths(shift.new)
            _echo(f"{label} {where}: {shift.strength_from} → {shift.strength_to}: {shift.text}", color)
    for change in result.changes:
        if change.kind != "unchanged":
            _print_change(change, color, name)


def _print_change(change: Any, color: bool, name: Callable[[str], str]) -> None:
    from clauses.diff.view import notes, paths
    from clauses.diff.words import spaced

    where = f"{paths(change.old)} → {paths(change.new)}"
    facts = [f"similarity {change.similarity:.2f}", *notes(change, name)]
    _echo("", color)
    _echo(
        click.style(f"{_MARK[change.kind]} {change.kind} {where}", bold=True) + f"  ({'; '.join(facts)})",
        color,
    )
    ops = change.redline
    if all(op.op == "equal" for op in ops):
        text = "".join(op.text for op in ops)
        _echo(
            "    " + (text if len(text) <= 2 * CONTEXT else text[: 2 * CONTEXT].rsplit(" ", 1)[0] + " …"),
            color,
        )
        return
    ops = spaced(ops) if color else ops  # coloured, a deletion and an insertion need a space between
    pieces = [_redline_piece(op, color, k == 0, k == len(ops) - 1) for k, op in enumerate(ops)]
    _echo("    " + "".join(pieces), color)


CONTEXT = 60
"""Characters of unchanged text kept on each side of a change in the terminal redline."""


def _redline_piece(op: Any, color: bool, first: bool, last: bool) -> str:
    if op.op == "equal":
        return _trimmed(op.text, keep_start=not first, keep_end=not last)
    if color:
        return (
            click.style(op.text, fg="red", strikethrough=True)
            if op.op == "delete"
            else click.style(op.text, fg="green", underline=True)
        )
    return f"[-{op.text}-]" if op.op == "delete" else f"{{+{op.text}+}}"


def _trimmed(text: str, keep_start: bool, keep_end: bool) -> str:
    """Long unchanged text shortened to the words next to the changes around it."""
    if len(text) <= 2 * CONTEXT + 5:
        return text
    start = text[:CONTEXT].rsplit(" ", 1)[0] if keep_start else ""
    end = text[-CONTEXT:].split(" ", 1)[-1] if keep_end else ""
    if keep_start and keep_end:
        return f"{start} … {end}"
    return f"{start} …" if keep_start else f"… {end}"


def _echo(text: str, color: bool) -> None:
    click.echo(text, color=color)
