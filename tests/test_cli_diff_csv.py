"""``clauses diff --format csv`` and ``--exit-code``: rows read back against the JSON of the same diff."""

from __future__ import annotations

import csv
import io
import json

from clauses.cli import cli
from clauses.cli.diff_csv import DIFF_CSV_HEADER


def test_csv_has_one_row_per_change_of_the_json(runner, fixtures) -> None:
    args = ["diff", str(fixtures / "diff" / "draft.txt"), str(fixtures / "diff" / "final.txt")]
    changes = json.loads(runner.invoke(cli, [*args, "--format", "json"]).stdout)["changes"]
    result = runner.invoke(cli, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == DIFF_CSV_HEADER
    assert [(r["kind"], r["old"], r["new"]) for r in rows] == [
        (c["kind"], "; ".join(c["old"]), "; ".join(c["new"])) for c in changes
    ]
    weakened = next(r for r in rows if r["strength_change"] == "weakened")
    assert (weakened["strength_from"], weakened["strength_to"]) == ("firm", "intent")
    assert "will provide" in weakened["old_text"] and "intends to provide" in weakened["new_text"]
    assert "NOK 5 billion → NOK 3 billion" in weakened["numbers_changed"]


def test_exit_code_says_whether_the_versions_differ(runner, fixtures) -> None:
    draft, final = str(fixtures / "diff" / "draft.txt"), str(fixtures / "diff" / "final.txt")
    assert runner.invoke(cli, ["diff", draft, final, "--format", "json"]).exit_code == 0
    assert runner.invoke(cli, ["diff", draft, final, "--format", "json", "--exit-code"]).exit_code == 1
    same = runner.invoke(cli, ["diff", draft, draft, "--exit-code"])
    assert same.exit_code == 0, same.output


def test_new_version_from_standard_input(runner, fixtures) -> None:
    final = (fixtures / "diff" / "final.txt").read_text(encoding="utf-8")
    args = ["diff", str(fixtures / "diff" / "draft.txt"), "-", "--format", "json"]
    piped = runner.invoke(cli, args, input=final)
    assert piped.exit_code == 0, piped.output
    named = runner.invoke(cli, [*args[:2], str(fixtures / "diff" / "final.txt"), "--format", "json"])

    def facts(output: str) -> list:  # the ids differ: the piped version is named "stdin"
        return [(c["kind"], c["similarity"], c["redline"]) for c in json.loads(output)["changes"]]

    assert facts(piped.stdout) == facts(named.stdout)
    assert json.loads(piped.stdout)["new"]["source"] == "-"
