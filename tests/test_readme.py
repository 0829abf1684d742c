"""The README documents every command exactly as its --help says, and its taxonomy example works."""

import importlib.util
from pathlib import Path

import pytest

from clauses.cli import cli

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def updater():
    spec = importlib.util.spec_from_file_location("update_readme", REPO / "tools" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help(name):
    assert cli.commands[name].help, f"clauses {name} has no help text"


def test_readme_command_reference_matches_help(updater):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert updater.updated(readme) == readme, "README is stale: run python tools/update_readme.py"


def test_readme_opens_with_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("##")]
    assert "make demo" in head and "make test" in head
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci


def test_readme_taxonomy_example_loads_and_labels(tmp_path):
    from clauses.classify import classify_clause
    from clauses.models import Clause
    from clauses.taxonomy import load_taxonomy

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Taxonomy file format") :]
    example = section[
        section.index("```yaml") + len("```yaml") : section.index("```", section.index("```yaml") + 7)
    ]
    path = tmp_path / "mine.yaml"
    path.write_text(example, encoding="utf-8")
    taxonomy = load_taxonomy(path)
    clause = classify_clause(Clause(id="t:1", path="1", text="Норвегія постачатиме засоби РЕБ."), taxonomy)
    assert "air-defense/electronic-warfare" in clause.category_ids
