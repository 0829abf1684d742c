"""``clauses schema COMMAND``: the JSON Schema of that command's ``--format json`` output."""

from __future__ import annotations

from pathlib import Path

import click

from clauses.cli.common import output_option, write_output
from clauses.schema import OUTPUT_MODELS


@click.command("schema")
@click.argument("command", type=click.Choice(sorted(OUTPUT_MODELS)))
@output_option
def schema_command(command: str, output: Path | None) -> None:
    """Print the JSON Schema (draft 2020-12) of `clauses COMMAND --format json`.

    Generated from the models the command dumps; the same schemas ship in the package
    (clauses/data/schemas/).
    """
    from clauses.schema import schema_text

    write_output(schema_text(command), output)
