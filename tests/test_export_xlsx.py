"""``clauses export -o corpus.xlsx``: the workbook read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from clauses.cli import cli
from clauses.commitments import matrix
from clauses.export.xlsx import MAX_WIDTH
from clauses.pipeline import analyze

TEXT = """---
id: ua-zz-sheet
title: "=HYPERLINK(\\"http://example.org\\") agreement"
parties: [UA, NO]
signed: 2025-01-02
kind: agreement
---
1. Norway will provide EUR 2 billion to Ukraine in 2025 for air defence systems and interceptors.

2. =SUM(A1:A9) Norway will train Ukrainian pilots and technicians at its air bases, year after year, with simulators, instructors and spare parts for as long as the training centre is needed by Ukraine.

3. The Participants will consult within 24 hours in the event of a future armed attack against Ukraine.
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "zz.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def export(runner, source: Path, out: Path, *options: str) -> openpyxl.Workbook:
    result = runner.invoke(cli, ["export", str(source), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def header(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def test_sheets_have_a_frozen_bold_filtered_header(runner, source, tmp_path) -> None:
    book = export(runner, source, tmp_path / "corpus.xlsx")
    assert book.sheetnames == ["Agreements", "Clauses", "Matrix", "Quantities"]
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert all(cell.font.bold for cell in sheet[1])


def test_long_text_wraps_in_a_bounded_column(runner, source, tmp_path) -> None:
    sheet = export(runner, source, tmp_path / "corpus.xlsx")["Clauses"]
    column = header(sheet).index("text") + 1
    letter = openpyxl.utils.get_column_letter(column)
    assert sheet.column_dimensions[letter].width == MAX_WIDTH
    assert sheet.cell(row=3, column=column).alignment.wrap_text
    assert sheet.column_dimensions["A"].width < MAX_WIDTH


def test_formulas_are_neutralised_unless_raw(runner, source, tmp_path) -> None:
    book = export(runner, source, tmp_path / "corpus.xlsx")
    title = book["Agreements"].cell(row=2, column=header(book["Agreements"]).index("title") + 1)
    assert title.value.startswith("'=HYPERLINK(") and title.data_type == "s"
    texts = [
        row[header(book["Clauses"]).index("text")] for row in book["Clauses"].iter_rows(values_only=True)
    ]
    assert any(t.startswith("'=SUM(A1:A9)") for t in texts[1:])
    raw = export(runner, source, tmp_path / "raw.xlsx", "--raw")
    assert raw["Agreements"].cell(row=2, column=2).value.startswith("=HYPERLINK(")


def test_quantities_and_matrix_carry_the_analysis(runner, source, tmp_path) -> None:
    book = export(runner, source, tmp_path / "corpus.xlsx")
    rows = [dict(zip(header(book["Quantities"]), r, strict=True))
            for r in book["Quantities"].iter_rows(min_row=2, values_only=True)]  # fmt: skip
    money = next(r for r in rows if r["kind"] == "money")
    assert (money["amount"], money["currency"], money["year"]) == (2e9, "EUR", 2025)
    assert any(r["deadline"] == "24 hours" for r in rows)
    table = matrix(analyze([source]).agreements)
    sheet = book["Matrix"]
    assert header(sheet) == ["party", *table.categories]
    got = [[value or "" for value in row] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert got == table.grid()
