"""One cell of a CSV file or a spreadsheet: untrusted text made safe to open.

A clause is untrusted data: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is a formula to Excel and LibreOffice (CSV injection), so it gets a leading apostrophe, as
OWASP advises, unless the user asks for the raw text. Escape sequences and control characters
never reach a cell (``clauses.printable``): spreadsheets refuse them and they garble terminals.
"""

from __future__ import annotations

from typing import Any

from clauses.printable import printable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_JOIN = "; "


def neutralised(text: str) -> str:
    """``text`` that a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_cell(value: Any, raw: bool = False) -> Any:
    """A value ready for a cell: lists joined, None empty, text cleaned and (unless ``raw``) neutralised.

    Numbers and booleans stay what they are: ``-3`` is a number, not a formula.
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = LIST_JOIN.join(str(item) for item in value)
    if not isinstance(value, str):
        return value
    text = value if raw else neutralised(value)
    return printable(text)
