"""The tool's own error: what a user sees as one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

from clauses.printable import printable, printable_path


class ClausesError(Exception):
    """A problem with an input or an output, named by its file."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        super().__init__(message)
        self.message = printable(message)
        self.path = printable_path(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
