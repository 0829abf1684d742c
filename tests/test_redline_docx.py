"""``clauses.redline_docx`` and ``clauses diff --format docx``: Word tracked changes checked against the JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from clauses.cli import cli
from clauses.display import citation
from clauses.text.markers import strip_marker

DIFF_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "diff"
REVISIONS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo")


def run_both(runner, old: Path, new: Path, target: Path) -> tuple[dict, Document]:
    """The diff of ``old`` and ``new`` as JSON and as a Word document read back with python-docx."""
    as_json = runner.invoke(cli, ["diff", str(old), str(new), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    as_docx = runner.invoke(cli, ["diff", str(old), str(new), "--format", "docx", "-o", str(target)])
    assert as_docx.exit_code == 0, as_docx.output
    return json.loads(as_json.stdout), Document(str(target))


def paragraphs(document) -> list:
    return document.element.body.findall(qn("w:p"))


def texts(element, tag: str) -> list[str]:
    """Text of every ``tag`` revision in ``element`` (deleted text sits in w:delText); a paragraph's end
    mark carries none and is left out."""
    found = (
        "".join(t.text or "" for t in mark.iter(qn("w:t"), qn("w:delText"))) for mark in element.iter(qn(tag))
    )
    return [text for text in found if text]


def commented(document) -> dict[str, list]:
    """Comment text → the paragraphs its range covers."""
    spans: dict[str, list] = {}
    open_ids: set[str] = set()
    body = paragraphs(document)
    notes = {str(c.comment_id): c.text for c in document.comments}
    for p in body:
        open_ids |= {e.get(qn("w:id")) for e in p.iter(qn("w:commentRangeStart"))}
        for comment_id in open_ids:
            spans.setdefault(notes[comment_id], []).append(p)
        open_ids -= {e.get(qn("w:id")) for e in p.iter(qn("w:commentRangeEnd"))}
    return spans


def version_text(document, accept: bool) -> str:
    """The body's text with every revision accepted (the new version) or rejected (the old one)."""
    dropped = {qn("w:del"), qn("w:moveFrom")} if accept else {qn("w:ins"), qn("w:moveTo")}
    words = []
    for p in paragraphs(document):
        for node in p.iter(qn("w:t"), qn("w:delText")):
            if not any(ancestor.tag in dropped for ancestor in node.iterancestors()):
                words.append(node.text or "")
        words.append(" ")
    return " ".join("".join(words).split())


def change_for(data: dict, note: str) -> dict:
    """The JSON change a comment describes by its first line: 'modified: Article 1(1) → Article 1(1) ...'."""
    kind, where = note.splitlines()[0].split(": ", 1)
    old, new = (side.split(" (s")[0].strip() for side in where.split(" → "))
    path = lambda ids: "; ".join(citation(i.split(":", 1)[1]) for i in ids) or "∅"  # noqa: E731
    (change,) = [
        c for c in data["changes"] if c["kind"] == kind and path(c["old"]) == old and path(c["new"]) == new
    ]
    return change


def test_fixture_pair_tracked_changes_match_the_json(runner, tmp_path):
    data, document = run_both(
        runner, DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt", tmp_path / "c.docx"
    )
    changed = [c for c in data["changes"] if c["kind"] != "unchanged"]
    spans = commented(document)
    assert len(document.comments) == len(spans) == len(changed) + (1 if data["metadata_changes"] else 0)
    for note, covered in spans.items():
        change = change_for(data, note)
        inserted = [t for p in covered for t in texts(p, "w:ins")]
        deleted = [t for p in covered for t in texts(p, "w:del")]
        wanted = {
            op: [o["text"].strip() for o in change["redline"] if o["op"] == op] for op in ("insert", "delete")
        }
        if change["kind"] == "modified":
            assert [t.strip() for t in inserted] == wanted["insert"] and [
                t.strip() for t in deleted
            ] == wanted["delete"]
            assert len(covered) == 1
        if change["kind"] in ("added", "removed"):
            (whole,) = inserted if change["kind"] == "added" else deleted
            assert whole.endswith(wanted["insert" if change["kind"] == "added" else "delete"][0])
        if change["kind"] in ("split", "merged"):
            assert len(covered) == max(len(change["old"]), len(change["new"]))
        for line in note.splitlines()[1:]:
            assert line.split(": ")[0] in ("weakened", "strengthened", "obligor", "number", "categories")
    moved = [c for c in changed if c["kind"] == "moved"]
    body = document.element.body
    assert len(texts(body, "w:moveFrom")) == len(texts(body, "w:moveTo")) == len(moved) == 1
    starts = {e.get(qn("w:name")) for e in body.iter(qn("w:moveFromRangeStart"))}
    assert starts == {e.get(qn("w:name")) for e in body.iter(qn("w:moveToRangeStart"))}
    weakened = next(n for n in spans if "weakened" in n)
    assert "weakened: firm → intent" in weakened and "number: NOK 5 billion → NOK 3 billion" in weakened


def test_revisions_are_signed_and_dated_and_rebuild_both_versions(runner, tmp_path):
    data, document = run_both(
        runner, DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt", tmp_path / "c.docx"
    )
    marks = [m for tag in REVISIONS for m in document.element.body.iter(qn(tag))]
    assert marks and {m.get(qn("w:author")) for m in marks} == {"clauses"}
    assert len({m.get(qn("w:date")) for m in marks}) == 1 and all(
        m.get(qn("w:date")).endswith("Z") for m in marks
    )
    ids = [m.get(qn("w:id")) for m in marks]
    assert len(ids) == len(set(ids))
    accepted, rejected = version_text(document, accept=True), version_text(document, accept=False)
    for path, version in ((DIFF_FIXTURES / "final.txt", accepted), (DIFF_FIXTURES / "draft.txt", rejected)):
        from clauses.pipeline import analyze_file

        for clause in analyze_file(path).clauses:
            assert " ".join(strip_marker(clause.text).split()) in version, clause.id
    assert "will support humanitarian demining" in accepted  # the moved clause, once, at its new place
    assert accepted.count("will support humanitarian demining") == 1


def test_headings_and_numbers_of_the_new_version_are_kept(runner, tmp_path):
    _, document = run_both(
        runner, DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt", tmp_path / "c.docx"
    )
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    from clauses.pipeline import analyze_file

    trails = [c.heading for c in analyze_file(DIFF_FIXTURES / "final.txt").clauses]
    assert headings == list(dict.fromkeys(h for trail in trails for h in trail))
    assert headings[:2] == ["Article 1 Support", "Article 2 Security"]
    accepted = version_text(document, accept=True)
    assert "Article 1.6 Norway will also fund" in accepted and "Article 2.9 Norway will help" in accepted
    assert document.paragraphs[0].style.name == "Title"


def test_parties_change_is_a_comment_on_the_title(runner, shared, tmp_path):
    statements = shared / "statements"
    data, document = run_both(
        runner,
        statements / "wh-2024-09-25-recovery-declaration.v1.txt",
        statements / "wh-2024-09-25-recovery-declaration.txt",
        tmp_path / "recovery.docx",
    )
    (note,) = [c.text for c in document.comments if c.text.startswith("Details changed")]
    assert "parties: added" in note and all(code in note for code in data["metadata_changes"][0]["added"])
    assert len(document.comments) == 1 + sum(1 for c in data["changes"] if c["kind"] != "unchanged")


def test_real_pair_pdf_draft_against_word_final(runner, shared, tmp_path):
    originals = shared / "originals"
    data, document = run_both(
        runner, originals / "ua-dk-2024.pdf", originals / "ua-dk-2024.ua-version.docx", tmp_path / "dk.docx"
    )
    changed = [c for c in data["changes"] if c["kind"] != "unchanged"]
    assert len(document.comments) == len(changed) + (1 if data["metadata_changes"] else 0) > 20
    inserted = [t.strip() for t in texts(document.element.body, "w:ins")]
    assert "Credit" in " ".join(inserted) and "R&D" in " ".join(inserted)


def test_only_filter_is_refused_for_a_word_document(runner, tmp_path):
    draft, final = DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt"
    target = tmp_path / "c.docx"
    result = runner.invoke(
        cli, ["diff", str(draft), str(final), "--format", "docx", "--only", "moved", "-o", str(target)]
    )
    assert result.exit_code != 0 and "--only" in result.stderr and not target.exists()


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice is not installed: the Word document is not rendered",
)
def test_libreoffice_renders_the_tracked_changes(runner, tmp_path):
    from pypdf import PdfReader

    _, _ = run_both(runner, DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt", tmp_path / "c.docx")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "c.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "c.pdf").pages)
    assert "Article 1 Support" in text and "intends to" in text and "will help Ukraine protect" in text


def test_ukrainian_versions(runner, tmp_path):
    draft, final = DIFF_FIXTURES / "uk-draft.txt", DIFF_FIXTURES / "uk-final.txt"
    data, document = run_both(runner, draft, final, tmp_path / "uk.docx")
    inserted = " ".join(texts(document.element.body, "w:ins"))
    assert "має намір надати" in inserted and "навчатиме" in inserted
    assert len(texts(document.element.body, "w:moveTo")) == data["summary"]["kinds"]["moved"] == 1
    accepted = version_text(document, accept=True)
    assert "Норвегія має намір надати Україні системи протиповітряної оборони" in accepted
