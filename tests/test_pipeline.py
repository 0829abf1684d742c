import os
import subprocess
from pathlib import Path

import pytest
from binary_factories import Text, make_docx, make_pdf, p

from clauses.errors import ClausesError
from clauses.load import FORMATS, load
from clauses.pipeline import analyze, bundled_corpus, check_output, expand_paths

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
PLAIN = "Agreement between Ukraine and Romania\n\n1. Romania will provide demining equipment.\n"


def test_expand_paths_reads_folders_sorted_and_skips_readmes(tmp_path):
    (tmp_path / "b.md").write_text(AGREEMENT)
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "README.md").write_text("about")
    (tmp_path / "notes.xyz").write_text("ignored")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.md").write_text("x")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.md"]


SENTENCE = "1. Romania will train Ukrainian pilots."


def sample(folder: Path, suffix: str) -> Path:
    """A small document in the format ``suffix`` names (``clauses.load.FORMATS``)."""
    path = folder / f"sample{suffix}"
    match FORMATS[suffix]:
        case "pdf":
            return make_pdf(path, [[Text(72, 760, SENTENCE)]])
        case "docx":
            return make_docx(path, p(SENTENCE))
        case "html":
            path.write_text(f"<html><body><p>{SENTENCE}</p></body></html>", encoding="utf-8")
        case _:
            path.write_text(SENTENCE + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_suffix_read_when_named_is_read_inside_a_folder(tmp_path, suffix):
    named = sample(tmp_path, suffix)
    assert "Romania will train" in load(named).clauses[0].text
    assert expand_paths([tmp_path]) == [named]


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


def test_links_in_a_folder_are_followed_only_inside_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ro.txt").write_text(PLAIN)
    secret = tmp_path / "secret.txt"
    secret.write_text(PLAIN)
    (folder / "outside.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "ro.txt")
    (folder / "loop").symlink_to(folder)  # a link to a folder, round and round
    assert [p.name for p in expand_paths([folder])] == ["inside.txt", "ro.txt"]
    assert expand_paths([folder / "outside.txt"]) == [folder / "outside.txt"]  # named: the user's choice


def test_a_folder_a_thousand_levels_deep_is_walked(tmp_path):
    deep = tmp_path / "in"
    deep.mkdir()
    (deep / "ro.txt").write_text(PLAIN)
    _nest(deep, 1000)
    try:
        assert [p.name for p in expand_paths([deep])] == ["ro.txt"]
    finally:
        subprocess.run(["rm", "-rf", str(deep / "d")], check=True)  # shutil.rmtree recurses too deep


def _nest(folder: Path, depth: int) -> None:
    """Folders d/d/d/... made relative to each parent: the full path outgrows PATH_MAX."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            next_fd = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = next_fd
    finally:
        os.close(fd)


def test_one_file_that_breaks_the_reader_is_one_failure(tmp_path, monkeypatch):
    import clauses.load

    (tmp_path / "a.txt").write_text(PLAIN)
    (tmp_path / "b.txt").write_text(PLAIN)
    real = clauses.load.load

    def reader(path, **options):  # what a reader bug on one hostile file looks like to the pipeline
        if Path(path).name == "a.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, **options)

    monkeypatch.setattr(clauses.load, "load", reader)
    result = analyze([tmp_path])
    assert [a.source for a in result.agreements] == [str(tmp_path / "b.txt")]
    assert [(Path(f.path).name, f.message) for f in result.failures] == [
        ("a.txt", "could not be read (RecursionError: maximum recursion depth exceeded)")
    ]


def test_an_output_that_is_an_input_is_refused(tmp_path):
    source = tmp_path / "ro.md"
    source.write_text(PLAIN)
    link = tmp_path / "link.md"
    link.symlink_to(source)
    for output in (source, link):
        with pytest.raises(ClausesError, match="is also an input"):
            check_output(output, [link if output is source else source])
    with pytest.raises(ClausesError, match="inside the input folder"):
        check_output(tmp_path / "sub" / "brief.html", [tmp_path])
    check_output(tmp_path / "analysis.json", [tmp_path])  # never read as an agreement
    check_output(tmp_path.parent / "brief.html", [tmp_path])
