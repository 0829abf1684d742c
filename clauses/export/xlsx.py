"""The corpus as one Excel workbook (openpyxl): sheets Agreements, Clauses, Matrix and Quantities.

Each sheet has a bold, frozen header row, an autofilter, column widths fitted to the content (up
to a limit, beyond which long text wraps). Cells are made safe as in CSV (``clauses.export.cells``).
"""

from __future__ import annotations

import io
from typing import Any

from clauses.commitments import matrix
from clauses.export import rows
from clauses.export.cells import safe_cell
from clauses.models import Agreement

MAX_WIDTH = 80
"""Characters of the widest column; longer cells wrap."""
MIN_WIDTH = 6


def workbook_bytes(agreements: list[Agreement], raw: bool = False) -> bytes:
    """The workbook as bytes, for writing atomically (or to stdout)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    table = matrix(agreements)
    sheets: dict[str, tuple[list[str], list[list[Any]]]] = {
        "Agreements": _records(rows.agreement_rows(agreements)),
        "Clauses": _records(rows.clause_rows(agreements)),
        "Matrix": (["party", *table.categories], table.grid()),
        "Quantities": _records(rows.quantity_rows(agreements)),
    }
    for title, (header, body) in sheets.items():
        _sheet(book.create_sheet(title), header, body, raw)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _records(records: list[rows.Row]) -> tuple[list[str], list[list[Any]]]:
    header = list(records[0]) if records else []
    return header, [[record[name] for name in header] for record in records]


def _sheet(sheet: Any, header: list[str], body: list[list[Any]], raw: bool) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(header)
    for row in body:
        sheet.append([None if value is None else safe_cell(value, raw) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    if header:
        sheet.auto_filter.ref = sheet.dimensions
    for number, column in enumerate(sheet.iter_cols(), start=1):
        longest = max(len(str(cell.value)) if cell.value is not None else 0 for cell in column)
        sheet.column_dimensions[get_column_letter(number)].width = max(MIN_WIDTH, min(longest + 2, MAX_WIDTH))
        if longest > MAX_WIDTH:
            for cell in column[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
