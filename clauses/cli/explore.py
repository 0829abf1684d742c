"""``clauses explore [PATH...]``: the corpus in Datasette, in a browser, without writing a file by hand."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from clauses.cli.commitments import load_agreements
from clauses.cli.common import fail, stdin_format_option, taxonomy_of, taxonomy_option, warn
from clauses.errors import ClausesError


@click.command("explore")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to serve on."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to serve on (loopback: only this machine).",
)
@taxonomy_option
@stdin_format_option
def explore_command(paths: tuple[Path, ...], port: int, host: str, taxonomy_path: Path | None) -> None:
    """Browse the analysed corpus in Datasette: search, facets, canned queries.

    Exports PATHS (default: the bundled corpus) to a temporary database (as `clauses export`
    does) and serves it until Ctrl-C. Needs the optional extra: pip install 'clauses[explore]'.
    """
    from clauses.export.browse import datasette_app, serve
    from clauses.export.sqlite import write_database

    result = load_agreements(paths, taxonomy_of(taxonomy_path))
    for failure in result.failures:
        warn(f"skipped {failure.path}: {failure.message}")
    with tempfile.TemporaryDirectory(prefix="clauses-explore-") as folder:
        database = write_database(result.agreements, Path(folder) / "corpus.db")
        try:
            app = datasette_app(database)
            warn(
                f"serving {len(result.agreements)} documents on http://{host}:{port}/corpus (Ctrl-C to stop)"
            )
            serve(app, host, port)
        except ClausesError as error:
            fail(error)
