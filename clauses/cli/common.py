"""What every command shares: output formats, error reporting, progress, writing files."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from clauses.errors import ClausesError
from clauses.printable import printable
from clauses.text.invisible import show_bidi

if TYPE_CHECKING:
    from clauses.taxonomy import Taxonomy

T = TypeVar("T")


def format_option(
    *choices: str, default: str = "table"
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` limited to the formats a command can produce."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def taxonomy_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--taxonomy FILE``: a user's YAML that adds or refines categories."""
    return click.option(
        "--taxonomy",
        "taxonomy_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="YAML taxonomy that adds or refines categories (see README).",
    )(func)


def output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``-o FILE``: write the data there (whole or not at all); ``-o -`` or none: standard output."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        default=None,
        help="Write to this file (- for standard output, the default).",
    )(func)


def stdin_format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--stdin-format SUFFIX``: what a PATH of ``-`` holds, as a file suffix would say (md, txt, html...)."""
    return click.option(
        "--stdin-format",
        metavar="SUFFIX",
        default=None,
        expose_value=False,
        callback=_remember_stdin_suffix,
        help="What standard input (PATH -) holds, named as a file suffix: md, txt, html, pdf, docx "
        "(default: its content decides, read as plain text).",
    )(func)


def _remember_stdin_suffix(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    from clauses.load import FORMATS

    suffix = "." + value.lower().lstrip(".")
    if suffix not in FORMATS:
        raise click.BadParameter(f"{value!r} is not a suffix read: {', '.join(s[1:] for s in FORMATS)}")
    ctx.meta[_STDIN_SUFFIX] = suffix


def csv_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--raw`` and ``--bom``: how a CSV meets spreadsheets."""
    func = click.option(
        "--bom", is_flag=True, help="Start CSV with a UTF-8 byte-order mark (Excel needs it to read UTF-8)."
    )(func)
    return click.option(
        "--raw",
        is_flag=True,
        help="Keep cells starting with = + - @ as written (default: a leading ' so spreadsheets never run "
        "them as formulas).",
    )(func)


def taxonomy_of(path: Path | None) -> Taxonomy:
    """The taxonomy ``--taxonomy`` names (the packaged one when none), or one line and exit 2."""
    from clauses.taxonomy import load_taxonomy

    try:
        return load_taxonomy(path)
    except ClausesError as error:
        fail(error)
        raise  # fail() exits


def labelled(data: dict[str, Any], taxonomy: Taxonomy) -> dict[str, Any]:
    """JSON output with ``labels``: category id → the name the taxonomy gives it (a user's own included);
    every output schema declares it (``clauses.schema.LABELS``)."""
    return {**data, "labels": taxonomy.labels()}


def to_json(data: Any) -> str:
    """Stable JSON: sorted keys, fixed indentation, UTF-8 kept readable, no raw control character."""
    return printable(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str)) + "\n"


def to_csv(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, raw: bool = False, bom: bool = False
) -> str:
    """CSV whose cells are safe to open in a spreadsheet (see clauses.export.cells), optionally with a BOM."""
    from clauses.export.cells import safe_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell, raw) for cell in row])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def table_output(output: Path | None, formats: str = "json or csv") -> None:
    """A table is for the terminal: ``-o FILE`` needs a data format."""
    if output is not None and str(output) != "-":
        fail(f"--output needs --format {formats}")


def print_table(title: str | None, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A readable table on stdout (rich, wrapped to the terminal; plain when piped)."""
    from rich.table import Table
    from rich.text import Text

    def text(cell: Any) -> Text:  # never markup: "[II.5.a]", "[/x]" or "[link=...]" stay as written
        return Text(show_bidi(printable("" if cell is None else str(cell))))

    table = Table(title=None if title is None else text(title), show_lines=False, header_style="bold")
    for name in header:
        table.add_column(text(name), overflow="fold")
    for row in rows:
        table.add_row(*(text(cell) for cell in row))
    console(soft_wrap=False).print(table)


def use_color(color: bool | None) -> bool:
    """Colour when asked (--color/--no-color), else on a terminal unless NO_COLOR is set or TERM=dumb."""
    if color is not None:
        return color
    return sys.stdout.isatty() and not _plain_wanted()


def _plain_wanted() -> bool:
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def console(**options: Any) -> Any:
    """A rich console that writes no escape code at all (no colour, no bold) under NO_COLOR or TERM=dumb."""
    from rich.console import Console

    return Console(color_system=None, **options) if _plain_wanted() else Console(**options)


def is_terminal() -> bool:
    return sys.stderr.isatty()


def progress(items: Sequence[T], label: str, *, minimum: int = 4) -> Iterator[T]:
    """Iterate with a progress bar on a terminal; silent when piped or for a few items."""
    if len(items) < minimum or not is_terminal():
        yield from items
        return
    from rich.progress import track

    yield from track(items, description=label, console=console(stderr=True), transient=True)


def fail(error: ClausesError | str, code: int = 2) -> None:
    """Print one line to stderr and exit with ``code``: the CLI's only way out of an error."""
    click.echo(printable(f"clauses: error: {error}"), err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(printable(f"clauses: {message}"), err=True)


def report_notes(result: Any) -> None:
    """Name the files read with a caveat (given twice, in a language without words)."""
    for note in result.notes:
        warn(f"note: {note.path}: {note.message}")


def write_output(
    data: bytes | str, output: Path | None, *, binary: bool = False, inputs: Iterable[Path] = ()
) -> None:
    """Write to ``output`` whole or not at all, or to stdout when it is None or ``-``.

    ``binary`` data (a PDF, a database) is refused on a terminal, where it would only garble the screen;
    an output that is one of the ``inputs``, or lies in an input folder, is refused (see check_output).
    """
    if output is None or str(output) == "-":
        if isinstance(data, str):
            click.echo(data, nl=False)
            return
        if binary and sys.stdout.isatty():
            fail("binary output on a terminal is unreadable: use -o FILE or redirect the output")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from clauses.atomic import write_atomic
    from clauses.pipeline import check_output

    try:
        check_output(output, inputs)
        write_atomic(output, data)
    except ClausesError as error:
        fail(error)
    warn(f"wrote {output}")


STDIN = "-"
_STDIN_FOLDER = "clauses-stdin-"
_STDIN_SUFFIX = "clauses.stdin_suffix"


@contextmanager
def stdin_paths(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """PATHS with ``-`` read from standard input into a temporary file (the loaders read a file twice:
    its first bytes to tell its format, then the whole). The file is named with ``--stdin-format``'s
    suffix, so the reader of that format reads it; without one the content says what it is."""
    if not any(str(path) == STDIN for path in paths):
        yield list(paths)
        return
    from clauses.load.text import DEFAULT_MAX_BYTES

    data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
    if len(data) > DEFAULT_MAX_BYTES:
        fail(ClausesError(f"over the {DEFAULT_MAX_BYTES // 2**20} MB limit", "standard input"))
    with tempfile.TemporaryDirectory(prefix=_STDIN_FOLDER) as folder:
        context = click.get_current_context(silent=True)
        file = Path(folder) / ("stdin" + (context.meta.get(_STDIN_SUFFIX, "") if context else ""))
        file.write_bytes(data)
        yield [file if str(path) == STDIN else path for path in paths]


def stdin_named(path: str) -> str:
    """``-`` for the temporary file standing for standard input, any other path as it is."""
    return STDIN if Path(path).parent.name.startswith(_STDIN_FOLDER) else path


def stdin_source(agreement: Any) -> Any:
    """The agreement with its ``source`` ``-`` when it was read from standard input."""
    return agreement.model_copy(update={"source": stdin_named(agreement.source)})


def relabel_stdin(result: Any) -> Any:
    """An ``Analysis`` whose agreement sources and failures name standard input ``-``, not a temporary file."""
    result.agreements = [stdin_source(agreement) for agreement in result.agreements]
    result.failures = [f.model_copy(update={"path": stdin_named(f.path)}) for f in result.failures]
    return result
