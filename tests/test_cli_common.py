"""``clauses.cli.common``: the CSV writer, JSON cleaning, colour decisions and ``-o``."""

from __future__ import annotations

import csv
import io
import sys

import pytest

from clauses.cli.common import to_csv, use_color


def test_csv_cells_are_neutralised_and_cleaned() -> None:
    text = to_csv(["a", "b", "c"], [["=cmd|'/C calc'!A0", ["x", "y"], -2], ["ok\r\nnext", None, "+1"]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["'=cmd|'/C calc'!A0", "x; y", "-2"]
    assert rows[2] == ["ok\nnext", "", "'+1"]
    assert list(csv.reader(io.StringIO(to_csv(["a"], [["=1"]], raw=True))))[1] == ["=1"]


def test_bom_only_when_asked() -> None:
    assert to_csv(["a"], [["Україна"]], bom=True).encode("utf-8").startswith(b"\xef\xbb\xbfa\n")
    assert not to_csv(["a"], [["x"]]).startswith("\ufeff")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "expected"), [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)]
)
def test_colour_on_a_terminal_unless_no_color_or_dumb(monkeypatch, env, expected) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert use_color(None) is expected
    assert use_color(True) is True and use_color(False) is False
