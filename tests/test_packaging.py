"""The package as a user installs it: wheel contents, entry points, a light start-up."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("weasyprint", "pdfminer", "docx", "trafilatura", "rich", "pypdf", "rapidfuzz")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, timeout=300)


def test_help_imports_no_heavy_library(tmp_path):
    probe = (
        "import sys; from clauses.cli import cli\n"
        "try:\n    cli(['--help'], prog_name='clauses')\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    result = run(sys.executable, "-c", probe, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_python_dash_m_works_like_the_command(tmp_path):
    result = run(sys.executable, "-m", "clauses", "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "analyze" in result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO))
    if result.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {result.stderr.strip().splitlines()[-1:]}")
    return next(out.glob("clauses-*.whl"))


def test_wheel_carries_templates_corpus_and_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    templates = {Path(n).name for n in names if n.startswith("clauses/templates/")}
    agreements = [n for n in names if n.startswith("clauses/agreements/") and n.endswith(".md")]
    source_templates = {p.name for p in (REPO / "templates").rglob("*") if p.is_file()}
    source_agreements = list((REPO / "agreements").glob("*.md"))
    assert source_templates <= templates
    assert len(agreements) == len(source_agreements)
    assert "clauses/py.typed" in names
    assert any(n.startswith("clauses/data/") for n in names)
    assert "clauses/export/metadata.yaml" in names
    assert "clauses/data/schemas/analyze.schema.json" in names
