"""``clauses.diff.view`` and the side-by-side report: rows aligned, moves linked both ways, unchanged folded."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from diff_helpers import agreement_from_text

from clauses.cli import cli
from clauses.diff import diff
from clauses.diff.view import notes, report, rows

DIFF_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "diff"


def versions():
    draft = agreement_from_text((DIFF_FIXTURES / "draft.txt").read_text(encoding="utf-8"), "draft")
    final = agreement_from_text((DIFF_FIXTURES / "final.txt").read_text(encoding="utf-8"), "final")
    return draft, final


def test_moved_clause_has_a_row_at_its_old_place_after_its_old_neighbour():
    old, new = versions()
    result = diff(old, new)
    laid = rows(result, old, new, fold=False)
    roles = [(row.role, row.change.kind.value) for row in laid]
    assert roles.count(("moved-from", "moved")) == 1 and roles.count(("change", "moved")) == 1
    start = next(row for row in laid if row.role == "moved-from")
    end = next(row for row in laid if row.role == "change" and row.change.kind == "moved")
    assert (start.link, end.link) == (end.anchor, start.anchor)
    old_ids = [c.id for c in old.clauses]
    moved_at = old_ids.index(start.change.old[0])
    before = laid[laid.index(start) - 1]
    assert old_ids[moved_at - 1] in before.change.old  # right after the clause that preceded it


def test_folding_keeps_every_clause_once():
    old, new = versions()
    result = diff(old, new)
    laid = rows(result, old, new, fold=True)
    folded = [row for row in laid if row.role == "folded"]
    assert sum(len(row.changes) for row in folded) == result.summary.kinds["unchanged"]
    shown = [c for row in laid if row.role != "moved-from" for c in row.changes]
    assert shown == result.changes


def test_notes_say_what_a_change_means():
    old, new = versions()
    result = diff(old, new)
    weakened = next(c for c in result.changes if c.strength_change == "weakened")
    assert notes(weakened) == ["weakened: firm → intent", "number: NOK 5 billion → NOK 3 billion"]
    assert report(result, old, new, "list").details == ["title: draft → final"]


class Cells(HTMLParser):
    """Rows of the side-by-side table: (row id, row classes, [cell texts], [link targets])."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, list[str], list[str]]] = []
        self.in_table = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "side" in (attrs.get("class") or ""):
            self.in_table = True
        elif self.in_table and tag == "tr" and attrs.get("id"):
            self.rows.append((attrs["id"], attrs.get("class") or "", [], []))
        elif self.in_table and self.rows and tag == "td":
            self.rows[-1][2].append("")
        elif self.in_table and self.rows and tag == "a":
            self.rows[-1][3].append(attrs["href"].lstrip("#"))

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table = False

    def handle_data(self, data):
        if self.in_table and self.rows and self.rows[-1][2]:
            self.rows[-1][2][-1] += data


def test_cli_side_by_side_html(runner):
    draft, final = DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt"
    result = runner.invoke(
        cli, ["diff", str(draft), str(final), "--format", "html", "--layout", "side-by-side"]
    )
    assert result.exit_code == 0, result.output
    table = Cells()
    table.feed(result.stdout)
    by_id = {row_id: (classes, cells, links) for row_id, classes, cells, links in table.rows}
    for row_id, (_, _, links) in by_id.items():
        for target in links:
            assert target in by_id and row_id in by_id[target][2]  # a move links both ways
    modified = [cells for classes, cells, _ in by_id.values() if "modified" in classes.split()]
    old_side, new_side = modified[0]
    assert "NOK 5 billion" in " ".join(old_side.split()) and "intends to" not in old_side
    assert "NOK 3 billion" in " ".join(new_side.split()) and "will provide" not in new_side
    folded = [cells for classes, cells, _ in by_id.values() if classes == "folded"]
    assert len(folded) == 1 and "1 unchanged clause" in folded[0][0]
    assert runner.invoke(cli, ["diff", str(draft), str(final), "--layout", "diagonal"]).exit_code == 2


def test_side_by_side_of_a_filtered_diff_keeps_both_ends_of_a_move(runner):
    draft, final = DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt"
    args = ["diff", str(draft), str(final), "--format", "html", "--layout", "side-by-side", "--only", "moved"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    table = Cells()
    table.feed(result.stdout)
    assert [classes for _, classes, _, _ in table.rows] == ["moved-from", "change moved"]
