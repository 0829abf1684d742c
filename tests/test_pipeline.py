import pytest

from clauses.errors import ClausesError
from clauses.pipeline import analyze, bundled_corpus, expand_paths

AGREEMENT = """---
id: ua-xx-test
title: Test agreement between Ukraine and Romania
parties: [UA, RO]
signed: 2024-07-11
kind: agreement
---

# Part I. Defence

1. Romania will train Ukrainian pilots at the F-16 training centre.

2. The Participants intend to deepen cooperation on cyber defence.
"""


def test_expand_paths_reads_folders_sorted_and_skips_readmes(tmp_path):
    (tmp_path / "b.md").write_text(AGREEMENT)
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "README.md").write_text("about")
    (tmp_path / "notes.xyz").write_text("ignored")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.md").write_text("x")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.md"]


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(ClausesError, match="no agreement files"):
        expand_paths([tmp_path])


def test_analyze_collects_failures_and_keeps_going(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(AGREEMENT)
    result = analyze([good, tmp_path / "missing.md"])
    assert [a.id for a in result.agreements] == ["ua-xx-test"]
    assert [f.path for f in result.failures] == [str(tmp_path / "missing.md")]
    clause = result.agreements[0].clauses[0]
    assert clause.id.startswith("ua-xx-test:")
    assert "training" in clause.category_ids


def test_bundled_corpus_is_there():
    files = expand_paths([bundled_corpus()])
    assert len(files) >= 8


def test_same_id_twice_gets_a_suffix_not_a_clash(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.md").write_text(AGREEMENT)
    (tmp_path / "b" / "two.txt").write_text(AGREEMENT)
    (tmp_path / "b" / "three.md").write_text(AGREEMENT)
    result = analyze([tmp_path / "a" / "one.md", tmp_path / "b" / "two.txt", tmp_path / "b" / "three.md"])
    ids = [a.id for a in result.agreements]
    assert ids == ["ua-xx-test", "ua-xx-test.txt", "ua-xx-test.md"]
    assert all(c.id.startswith(ids[1] + ":") for c in result.agreements[1].clauses)
