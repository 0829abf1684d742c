"""``clauses analyze`` through click's runner: formats, determinism, overrides, errors."""

import csv
import io
import json
import os

from clauses.cli import cli

AGREEMENT = """---
id: ua-zz-demo
title: Demo agreement between Ukraine and Norway
parties: [UA, "NO"]
signed: 2024-05-31
kind: agreement
---

# Defence

1. Norway will provide air defence systems and interceptors to Ukraine.

2. Norway intends to support training of Ukrainian naval personnel in the Black Sea region.

3. The Participants may consult on cyber security where appropriate.
"""


def write(tmp_path, name="demo.md", text=AGREEMENT):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_has_documented_shape(runner, tmp_path):
    result = runner.invoke(cli, ["analyze", str(write(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    agreement = json.loads(result.stdout)["agreements"][0]
    for key in (
        "id",
        "title",
        "parties",
        "signed",
        "kind",
        "version",
        "language",
        "source",
        "url",
        "duration_years",
    ):
        assert key in agreement
    clause = agreement["clauses"][0]
    for key in (
        "id",
        "path",
        "heading",
        "text",
        "categories",
        "strength",
        "precision",
        "conditions",
        "obligors",
    ):
        assert key in clause
    assert clause["strength"] == "firm"
    assert clause["obligors"] == ["NO"]
    assert "air-defense" in [c["id"] for c in clause["categories"]]


def test_csv_one_row_per_clause(runner, tmp_path):
    result = runner.invoke(cli, ["analyze", str(write(tmp_path)), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert rows[1]["strength"] == "intent"
    assert rows[2]["strength"] == "optional"


def test_same_inputs_give_byte_identical_outputs(runner, tmp_path):
    path = str(write(tmp_path))
    for fmt in ("json", "csv"):
        first = runner.invoke(cli, ["analyze", path, "--format", fmt]).stdout
        second = runner.invoke(cli, ["analyze", path, "--format", fmt]).stdout
        assert first == second


def test_table_and_explain(runner, tmp_path):
    result = runner.invoke(cli, ["analyze", str(write(tmp_path)), "--explain"])
    assert result.exit_code == 0, result.output
    assert "ua-zz-demo" in result.output
    assert "why" in result.output


def test_overrides_win(runner, tmp_path):
    args = ["analyze", str(write(tmp_path)), "--format", "json", "--id", "other", "--signed", "2025-01-02"]
    agreement = json.loads(runner.invoke(cli, args).stdout)["agreements"][0]
    assert agreement["id"] == "other"
    assert agreement["signed"] == "2025-01-02"
    assert agreement["clauses"][0]["id"].startswith("other:")


def test_output_file_written_whole(runner, tmp_path):
    out = tmp_path / "reports" / "analysis.json"
    result = runner.invoke(cli, ["analyze", str(write(tmp_path)), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["agreements"][0]["id"] == "ua-zz-demo"


def test_missing_file_is_one_line_exit_2(runner, tmp_path):
    result = runner.invoke(cli, ["analyze", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "nope.pdf" in lines[0]
    assert "Traceback" not in result.output


def test_one_bad_file_among_good_ones_exits_1_with_summary(runner, tmp_path):
    good = write(tmp_path)
    bad = write(tmp_path, "empty.md", "")
    result = runner.invoke(cli, ["analyze", str(good), str(bad), "--format", "json"])
    assert result.exit_code == 1
    assert "empty.md" in result.stderr
    assert "1 of 2 files failed" in result.stderr
    assert json.loads(result.stdout)["agreements"][0]["id"] == "ua-zz-demo"


def test_default_is_the_bundled_corpus(runner):
    result = runner.invoke(cli, ["analyze", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["agreements"]) >= 8


HOSTILE = """---
title: "Agreement [/x] [link=https://evil.example]click[/link] \\e]0;owned\\a \\ud800"
parties: [UA, RO]
---

1. Romania will provide demining \x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07equipment [bold].
"""


def _controls(text):
    return [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]


def test_markup_and_controls_in_data_are_plain_text_in_every_format(runner, tmp_path):
    path = write(tmp_path, "hostile.md", HOSTILE)
    table = runner.invoke(cli, ["analyze", str(path)])
    assert table.exit_code == 0, table.output
    assert "[/x] [link=https://evil.example]click[/link]" in table.stdout
    assert "[bold]" in table.stdout and "\x1b]8" not in table.stdout
    data = runner.invoke(cli, ["analyze", str(path), "--format", "json"])
    agreement = json.loads(data.stdout)["agreements"][0]
    assert agreement["title"].endswith("click[/link]  \ufffd")
    rows = list(csv.reader(io.StringIO(runner.invoke(cli, ["analyze", str(path), "--format", "csv"]).stdout)))
    for output in (table.stdout, data.stdout, *(cell for row in rows for cell in row)):
        assert not _controls(output)


def test_a_file_name_in_another_code_page_reaches_every_format(runner, tmp_path):
    path = tmp_path / os.fsdecode("угода.md".encode("cp1251"))
    path.write_text(AGREEMENT, encoding="utf-8")
    for fmt in ("table", "json", "csv"):
        result = runner.invoke(cli, ["analyze", str(path), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert fmt != "json" or json.loads(result.stdout)["agreements"][0]["source"].endswith("\ufffd.md")


def test_csv_carries_date_kind_quantities_and_is_safe_for_spreadsheets(runner, tmp_path):
    text = AGREEMENT.replace(
        "3. The Participants may consult",
        "3. =1+2 Norway will pay EUR 3 billion in 2026. The Participants may consult",
    )
    result = runner.invoke(cli, ["analyze", str(write(tmp_path, text=text)), "--format", "csv", "--bom"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert {(r["signed"], r["kind"], r["language"]) for r in rows} == {("2024-05-31", "agreement", "en")}
    assert rows[2]["text"].startswith("'=1+2 Norway") and rows[2]["quantities"] == "EUR 3 billion; 2026"
    raw = runner.invoke(cli, ["analyze", str(tmp_path / "demo.md"), "--format", "csv", "--raw"]).stdout
    assert list(csv.DictReader(io.StringIO(raw)))[2]["text"].startswith("=1+2 Norway")


def test_csv_with_bom_reads_into_pandas_as_excel_would_see_it(runner, tmp_path):
    import pandas  # the test extra carries it: analysts load CSV into pandas

    text = AGREEMENT.replace("3. The Participants may consult", "3. @SUM(A1) Норвегія надасть • допомогу")
    output = tmp_path / "clauses.csv"
    args = ["analyze", str(write(tmp_path, text=text)), "--format", "csv", "--bom", "-o", str(output)]
    assert runner.invoke(cli, args).exit_code == 0
    frame = pandas.read_csv(output, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(frame.columns)[:3] == ["agreement", "signed", "kind"]  # the BOM does not stick to a header
    assert set(frame["signed"]) == {"2024-05-31"} and len(frame) == 3
    assert frame["text"].iloc[2].startswith("'@SUM(A1) Норвегія надасть • допомогу")


def test_output_dash_is_standard_output(runner, tmp_path):
    result = runner.invoke(cli, ["analyze", str(write(tmp_path)), "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["agreements"][0]["id"] == "ua-zz-demo"
    assert not (tmp_path / "-").exists() and not list(tmp_path.glob("-"))


def test_dash_reads_standard_input_named_by_id(runner):
    result = runner.invoke(cli, ["analyze", "-", "--id", "ua-zz-piped", "--format", "json"], input=AGREEMENT)
    assert result.exit_code == 0, result.output
    agreement = json.loads(result.stdout)["agreements"][0]
    assert (agreement["id"], agreement["source"], len(agreement["clauses"])) == ("ua-zz-piped", "-", 3)
    empty = runner.invoke(cli, ["analyze", "-"], input="")
    assert empty.exit_code == 2 and "-: empty file" in empty.output


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(runner, tmp_path):
    path = write(tmp_path)
    link = tmp_path / "link.json"
    link.symlink_to(path)
    for output in (path, link):
        result = runner.invoke(cli, ["analyze", str(path), "--format", "json", "-o", str(output)])
        assert result.exit_code == 2
        assert result.output.strip().endswith("is also an input: writing it would destroy that input")
    assert path.read_text(encoding="utf-8") == AGREEMENT


def test_sigterm_ends_a_run_like_ctrl_c(tmp_path):
    """The command waits on standard input; SIGTERM then exits through the cleanups (status 128 + 15)."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    process = subprocess.Popen(
        [sys.executable, "-m", "clauses", "analyze", "-"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while not _reading_standard_input(process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 128 + signal.SIGTERM and b"Traceback" not in stderr


def _reading_standard_input(pid: int) -> bool:
    """True while the process is blocked in read(0, ...) (Linux: /proc/PID/syscall starts '0 0x0')."""
    try:
        with open(f"/proc/{pid}/syscall") as handle:
            return handle.read().startswith("0 0x0 ")
    except OSError:
        return False


def test_a_negated_commitment_says_so_in_json_table_and_explain(runner, tmp_path):
    text = "# Arrangement between Ukraine and Norway\n\n1. Norway will not deliver combat aircraft.\n"
    path = str(write(tmp_path, "ua-no-2031.md", text))
    clauses = json.loads(runner.invoke(cli, ["analyze", path, "--format", "json"]).stdout)["agreements"][0][
        "clauses"
    ]
    assert [c.get("negated", False) for c in clauses] == ["will not" in c["text"] for c in clauses]
    table = " ".join(
        runner.invoke(cli, ["analyze", path, "--explain"], env={"COLUMNS": "200"}).output.split()
    )
    assert "firm (negated)" in table
    assert "why negated = true: will not" in table
