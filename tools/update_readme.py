"""Regenerate the README's command reference from the commands' own ``--help``.

Run ``python tools/update_readme.py`` after changing a command; tests/test_readme.py
fails while the README and ``--help`` disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- commands:start -->", "<!-- commands:end -->"
SCHEMA_START, SCHEMA_END = "<!-- schema:start -->", "<!-- schema:end -->"


def command_reference() -> str:
    """One section per command: its ``--help`` text as the terminal shows it (80 columns)."""
    from clauses.cli import cli

    parent = click.Context(
        cli, info_name="clauses", terminal_width=80, max_content_width=80, **cli.context_settings
    )
    parts = []
    for name in sorted(cli.commands):
        command = cli.commands[name]
        context = click.Context(command, info_name=name, parent=parent)
        parts.append(f"### `clauses {name}`\n\n```text\n{command.get_help(context)}\n```\n")
    return "\n".join(parts)


def database_schema() -> str:
    """One section per table and view of ``clauses export``, from the metadata Datasette shows."""
    from clauses.export import table_metadata

    parts = []
    for name, table in table_metadata().items():
        if table.get("hidden"):
            continue
        rows = "".join(f"| `{column}` | {meaning} |\n" for column, meaning in table["columns"].items())
        parts.append(
            f"**`{name}`** — {table['title']}. {table['description']}\n\n| column | meaning |\n|---|---|\n{rows}"
        )
    return "\n".join(parts)


def updated(readme: str) -> str:
    for start, end, make in ((START, END, command_reference), (SCHEMA_START, SCHEMA_END, database_schema)):
        block = f"{start}\n{make()}{end}"
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
        if not pattern.search(readme):
            raise SystemExit(f"{README}: no {start} ... {end} block")
        readme = pattern.sub(lambda _, block=block: block, readme)
    return readme


if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print(f"updated {README}", file=sys.stderr)
