"""Issue 7: the same inputs give byte-identical JSON and CSV, whatever the command."""

import pytest

from clauses.cli import cli
from clauses.pipeline import bundled_corpus

CORPUS = bundled_corpus()
COMMANDS = [
    ["who", "air-defense", str(CORPUS)],
    ["matrix", str(CORPUS)],
    ["compare", str(CORPUS / "ua-ro-2024.md"), str(CORPUS / "ua-de-2024.md")],
    ["diff", str(CORPUS / "ua-dk-2024.md"), str(CORPUS / "ua-nl-2024.md")],
    ["analyze", str(CORPUS)],
]


# diff has no CSV form: its changes (redlines, number changes) do not fit rows.
RUNS = [(args, fmt) for args in COMMANDS for fmt in ("json", "csv") if (args[0], fmt) != ("diff", "csv")]


@pytest.mark.parametrize(("args", "fmt"), RUNS, ids=[f"{a[0]}-{f}" for a, f in RUNS])
def test_two_runs_give_identical_bytes(runner, args, fmt):
    first = runner.invoke(cli, [*args, "--format", fmt])
    second = runner.invoke(cli, [*args, "--format", fmt])
    assert first.exit_code == 0, first.output
    assert first.stdout_bytes == second.stdout_bytes
    assert first.stdout_bytes.strip()


def test_identical_across_processes_with_different_hash_seeds(tmp_path):
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        argv = [sys.executable, "-m", "clauses", "matrix", str(CORPUS), "--format", "json"]
        result = subprocess.run(argv, capture_output=True, env=env, cwd=tmp_path, timeout=120)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
