"""The ``clauses`` command: a thin shell over the library.

Each command lives in its own module and imports heavy libraries only when it runs,
so that ``clauses --help`` stays fast.
"""

from __future__ import annotations

import signal

import click

from clauses.cli.analyze import analyze_command
from clauses.cli.brief import brief_command
from clauses.cli.commitments import matrix_command, who_command
from clauses.cli.compare import compare_command
from clauses.cli.diff import diff_command
from clauses.cli.eval import eval_command
from clauses.cli.explore import explore_command
from clauses.cli.export import export_command
from clauses.cli.schema import schema_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="clauses")
def cli() -> None:
    """Read security agreements, label their clauses, match, diff and brief them."""


cli.add_command(analyze_command)
cli.add_command(who_command)
cli.add_command(matrix_command)
cli.add_command(compare_command)
cli.add_command(brief_command)
cli.add_command(diff_command)
cli.add_command(eval_command)
cli.add_command(export_command)
cli.add_command(explore_command)
cli.add_command(schema_command)


def main() -> None:
    # SIGTERM and SIGHUP end the run like Ctrl-C does: temporary files and folders are removed on the way out.
    from clauses.atomic import TERMINATING, exit_on_signal

    for sig in TERMINATING:
        signal.signal(sig, exit_on_signal)
    cli(prog_name="clauses")
