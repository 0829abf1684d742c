"""``clauses.diff.metadata``: title, parties, date, kind and duration are changes, reported first."""

from __future__ import annotations

import datetime as dt
import json

from clauses.cli import cli
from clauses.diff import diff
from clauses.diff.metadata import describe, metadata_changes
from clauses.models import Agreement, Clause, Kind
from clauses.pipeline import analyze_file


def version(**details) -> Agreement:
    clause = Clause(id="v:1", path="1", text="The Participants will meet every year.")
    return Agreement(**{"id": "v", "title": "Joint statement on training", "clauses": [clause], **details})


def test_every_detail_that_differs_is_one_change_in_order():
    old = version(parties=["UA", "NO"], signed=dt.date(2024, 6, 11), duration_years=10)
    new = version(
        title="Joint declaration on training",
        parties=["UA", "SE", "NO", "FI"],
        signed=dt.date(2024, 6, 13),
        kind=Kind.DECLARATION,
    )
    changes = metadata_changes(old, new)
    assert [c.field for c in changes] == ["title", "parties", "date", "kind", "duration"]
    parties = changes[1]
    assert (parties.added, parties.removed, parties.old) == (["SE", "FI"], [], ["UA", "NO"])
    assert [describe(c) for c in changes[1:]] == [
        "parties: added SE, FI",
        "date: 2024-06-11 → 2024-06-13",
        "kind: agreement → declaration",
        "duration: 10 years → none",
    ]
    assert diff(old, new).metadata_changes == changes


def test_typography_and_party_order_are_no_change():
    old = version(title="Ukraine’s  security – agreement", parties=["UA", "NO"])
    new = version(title="Ukraine's security - agreement", parties=["NO", "UA"])
    assert metadata_changes(old, new) == []


def test_recovery_declaration_versions_report_the_joining_countries(runner, shared):
    """The second version adds a preface naming the countries that joined: a parties change and a clause."""
    statements = shared / "statements"
    v1 = statements / "wh-2024-09-25-recovery-declaration.v1.txt"
    final = statements / "wh-2024-09-25-recovery-declaration.txt"
    before, after = analyze_file(v1).parties, analyze_file(final).parties
    result = runner.invoke(cli, ["diff", str(v1), str(final), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (parties,) = [c for c in data["metadata_changes"] if c["field"] == "parties"]
    assert (parties["old"], parties["new"]) == (before, after)
    assert parties["added"] == [p for p in after if p not in before] and len(parties["added"]) >= 10
    assert {"FR", "JP", "NO"} <= set(parties["added"])  # three of the joining countries the preface names
    (added,) = [c for c in data["changes"] if c["kind"] == "added"]
    assert "Those countries are" in added["redline"][0]["text"]
    assert data["summary"]["kinds"]["unchanged"] >= 9 and data["summary"]["kinds"]["removed"] == 0
    table = runner.invoke(cli, ["diff", str(v1), str(final)])
    assert table.stdout.splitlines()[1].startswith("details parties: added ")  # right after the counts


def test_g7_statement_versions_differ_by_one_stray_bracket(shared):
    statements = shared / "statements"
    old = analyze_file(statements / "wh-2023-05-19-g7-statement.v1.txt")
    new = analyze_file(statements / "wh-2023-05-19-g7-statement.txt")
    result = diff(old, new)
    (changed,) = [c for c in result.changes if c.kind != "unchanged"]
    assert changed.kind == "modified"
    assert [o.text for o in changed.redline if o.op != "equal"] == ["]"]
    assert result.metadata_changes == []
