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


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """The command's output as a terminal gets it (stdout is a pseudo-terminal)."""
    import os
    import pty
    import subprocess

    from conftest import REPO

    leader, follower = pty.openpty()
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "120", "TERM": "xterm-256color", **env}
    full_env.pop("NO_COLOR", None) if "NO_COLOR" not in env else None
    process = subprocess.Popen(
        [sys.executable, "-m", "clauses", *args], stdout=follower, stderr=subprocess.DEVNULL, env=full_env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("command", ["diff", "matrix"])
def test_no_color_and_dumb_terminals_get_no_escape_codes(command, fixtures) -> None:
    args = (
        ["diff", str(fixtures / "diff" / "draft.txt"), str(fixtures / "diff" / "final.txt")]
        if command == "diff"
        else ["matrix", str(fixtures / "diff" / "final.txt")]
    )
    assert "\x1b[" in run_on_a_terminal(args, {})
    assert "\x1b[" not in run_on_a_terminal(args, {"NO_COLOR": "1"})
    assert "\x1b[" not in run_on_a_terminal(args, {"TERM": "dumb"})


def test_every_command_that_prints_data_takes_output() -> None:
    from clauses.cli import cli

    for name, command in cli.commands.items():
        options = {param.name for param in command.params}
        if "fmt" in options:
            assert "output" in options, f"clauses {name} prints data but takes no -o"


MARKDOWN_ON_STDIN = "# Air defence\n\n1. **Romania** will provide *air defence* to Ukraine.\n"


def _stdin_clause_text(runner, *options: str) -> str:
    import json

    from clauses.cli import cli

    args = ["analyze", "-", "--format", "json", "--id", "piped", *options]
    result = runner.invoke(cli, args, input=MARKDOWN_ON_STDIN)
    assert result.exit_code == 0, result.output
    agreement = json.loads(result.stdout)["agreements"][0]
    assert agreement["source"] == "-"
    return " ".join(clause["text"] for clause in agreement["clauses"])


def test_stdin_format_names_what_standard_input_holds(runner):
    assert "*air defence*" in _stdin_clause_text(runner, "--stdin-format", "txt")  # plain text keeps emphasis
    as_markdown = _stdin_clause_text(runner, "--stdin-format", "md")
    assert "Romania will provide air defence to Ukraine" in as_markdown and "*" not in as_markdown


@pytest.mark.parametrize("command", ["analyze", "who", "matrix", "compare", "diff", "brief", "export"])
def test_an_unread_stdin_format_is_refused_by_every_command_reading_paths(runner, command):
    from clauses.cli import cli

    args = [command, *(["air-defense"] if command == "who" else []), "-", "--stdin-format", "odt"]
    result = runner.invoke(cli, args, input="text")
    assert result.exit_code == 2 and "not a suffix read" in result.output
