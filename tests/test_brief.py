"""The brief's facts (cells, matches, findings, timelines, appendix) and the ``clauses brief`` command."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader
from report_factories import agreement, clause, corpus, germany, romania, romania_statement

from clauses.brief import Brief, build_brief
from clauses.cli import cli
from clauses.display import in_sentence
from clauses.errors import ClausesError
from clauses.models import Basis, Kind, Quantity, QuantityKind, Strength
from clauses.pipeline import Analysis
from clauses.report import render
from clauses.taxonomy import load_taxonomy

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief(corpus(), today=TODAY)


def cited_everywhere(brief: Brief) -> set[str]:
    """Every clause id the brief points at, wherever it points."""
    ids = {cid for cell in brief.heatmap.cells for cid in cell.clauses[:1]}
    ids |= {cid for f in brief.findings for cid in f.clauses}
    for section in brief.sections:
        ids |= {cell.clauses[0] for cell in section.committed}
        ids |= {cid for g in section.matches for cid in g.clauses}
        ids |= {cid for cids in section.unique.values() for cid in cids} | set(section.clauses)
    ids |= {cid for e in brief.timeline for cid in e.clauses}
    return ids


def test_heatmap_holds_the_strongest_commitment_of_each_obligor(brief):
    cell = brief.heatmap.cell
    assert cell("RO", "air-defense").strength == Strength.FIRM
    assert cell("RO", "air-defense").clauses == ["ua-ro-2024:1", "ua-ro-2024:2"]
    assert cell("DE", "air-defense").strength == Strength.INTENT
    # "The Participants will consult" is each partner's joint commitment, and not Ukraine's own
    assert (cell("RO", "consultations").own, cell("RO", "consultations").joint) == ([], ["ua-ro-2024:3"])
    assert cell("UA", "consultations") is None
    assert cell("UA", "nato-integration").clauses == ["ua-ro-2024:5"], "Ukraine's own commitment"
    assert cell("UA", "air-defense") is None, "Ukraine receives air defence, it does not commit"
    assert brief.heatmap.parties == ["DE", "RO", "UA"], "partners by name, then Ukraine apart"
    assert "cyber" not in brief.heatmap.categories, "news is reported apart from signed texts"


def test_findings_are_three_to_five_sentences_backed_by_clauses(brief):
    assert 3 <= len(brief.findings) <= 5
    air_defence = in_sentence(load_taxonomy().label_of("air-defense"))
    assert brief.findings[0].text == f"Only 1 of 2 partners makes a firm {air_defence} commitment: Romania."
    assert brief.findings[0].clauses == ["ua-ro-2024:1"]
    assert all(f.clauses for f in brief.findings)
    assert any("EUR 7 billion" in f.text for f in brief.findings)


def test_every_cited_clause_is_in_the_appendix_once(brief):
    ids = [c.id for c in brief.appendix]
    assert len(ids) == len(set(ids))
    assert cited_everywhere(brief) == set(ids)
    assert brief.clause("ua-de-2024:I.1").text.startswith("Germany will provide military assistance")


def test_parallel_clauses_match_across_agreements_and_unique_ones_are_listed(brief):
    section = next(s for s in brief.sections if s.category == "consultations")
    assert [sorted(g.clauses) for g in section.matches] == [["ua-de-2024:II.1", "ua-ro-2024:3"]]
    assert section.matches[0].similarity > 0.9
    training = next(s for s in brief.sections if s.category == "training")
    assert [sorted(g.clauses) for g in training.matches] == [["ua-de-2024:II.2", "ua-ro-2024:2"]]
    air = next(s for s in brief.sections if s.category == "air-defense")
    # both strengthen Ukraine's air defence with more systems: worded apart, paired by the rarer words
    assert [sorted(g.clauses) for g in air.matches] == [["ua-de-2024:I.2", "ua-ro-2024:1"]]
    # Romania's F-16 training clause is matched under training: it has a counterpart, so it is not unique
    assert air.unique == {}
    assert air.silent == []
    assert [c.party for c in air.committed] == ["RO", "DE"], "partners only, firmest first"
    nato = next(s for s in brief.sections if s.category == "nato-integration")
    assert nato.committed == [] and nato.ukraine is not None and nato.ukraine.clauses == ["ua-ro-2024:5"]
    maritime = next(s for s in brief.sections if s.category == "maritime-black-sea")
    assert maritime.silent == ["DE"]


def test_the_brief_says_how_clauses_were_matched(brief):
    assert brief.matching.startswith("Clauses matched by clauses.match")


def test_a_group_paired_across_languages_says_so():
    consult = "Консультації відбудуться протягом 24 годин після нападу."
    deadline = [Quantity(kind=QuantityKind.DEADLINE, value=24, unit="hours", text="протягом 24 годин")]
    norway = agreement(
        "ua-no-2024",
        ["UA", "NO"],
        dt.date(2024, 7, 1),
        [clause("ua-no-2024", "1", consult, ["consultations"], quantities=deadline)],
        language="uk",
    )
    english = "The Participants will consult within 24 hours of an attack on Ukraine."
    deadline_en = [Quantity(kind=QuantityKind.DEADLINE, value=24, unit="hours", text="within 24 hours")]
    germany_ = agreement(
        "ua-de-2024",
        ["UA", "DE"],
        dt.date(2024, 2, 16),
        [clause("ua-de-2024", "1", english, ["consultations"], quantities=deadline_en)],
    )
    brief = build_brief([norway, germany_], today=TODAY)
    [group] = next(s for s in brief.sections if s.category == "consultations").matches
    assert group.basis == Basis.CONCEPTS  # the deadline, the attack and the consultation, in two languages
    assert "paired across languages by what they name" in render("brief.html", brief, "html").decode()
    assert "2 languages (en, uk)" in brief.matching


def test_timeline_is_by_date_with_its_partners_and_at_most_five_categories(brief):
    assert [(e.date, e.agreement, e.parties, e.signed) for e in brief.timeline] == [
        (dt.date(2024, 2, 16), "ua-de-2024", ["DE"], True),
        (dt.date(2024, 7, 11), "ua-ro-2024", ["RO"], True),
        (dt.date(2025, 11, 5), "ro-news-2025", ["RO"], False),
    ]
    said = brief.timeline[2]
    assert said.categories == ["defense-industry", "cyber"]
    assert said.clauses == ["ro-news-2025:s2", "ro-news-2025:s1"], "firmest first"
    assert all(len(e.categories) <= 5 for e in brief.timeline) and brief.has_statements


def test_a_statement_is_filed_under_the_partner_that_speaks_in_it():
    said = agreement(
        "fr-2025-statement", ["UA", "FR", "CZ"], dt.date(2025, 3, 1),
        [clause("fr-2025-statement", "p1.s1", "France will send more shells, as Czechia did.", ["military-assistance"],
                obligors=["FR"])],
        kind=Kind.STATEMENT,
    )  # fmt: skip
    [entry] = build_brief([romania(), said], today=TODAY).timeline[1:]
    assert entry.parties == ["FR"], "Czechia is mentioned, not speaking"


def test_cover_lists_documents_in_date_order_with_a_default_title(brief):
    assert [a.id for a in brief.agreements] == ["ua-de-2024", "ua-ro-2024", "ro-news-2025"]
    assert brief.title == "Ukraine's security commitments: 3 documents, 2 partners, 2024–2025"
    assert brief.generated == TODAY and not brief.profile
    assert build_brief(corpus(), title="Mine").title == "Mine"


def test_category_filter_narrows_every_part():
    narrow = build_brief(corpus(), categories=["air-defense", "maritime-black-sea"])
    assert narrow.heatmap.categories == ["air-defense", "maritime-black-sea"]
    assert [s.category for s in narrow.sections] == ["air-defense", "maritime-black-sea"]
    assert {cat for c in narrow.appendix for cat in c.categories} >= {"air-defense"}
    assert all(set(c.categories) & {"air-defense", "maritime-black-sea"} for c in narrow.appendix)


def test_partner_filter_keeps_their_agreements_and_ukraine():
    narrow = build_brief(corpus(), partners=["DE"])
    assert [a.id for a in narrow.agreements] == ["ua-de-2024"]
    assert narrow.heatmap.parties == ["DE", "UA"]
    assert narrow.profile


def test_a_single_agreement_gives_a_profile():
    profile = build_brief([romania()])
    assert profile.profile and profile.title == romania().title
    assert all(not s.matches and not s.unique for s in profile.sections)
    air = next(s for s in profile.sections if s.category == "air-defense")
    assert air.clauses == ["ua-ro-2024:1", "ua-ro-2024:2"]
    assert profile.matching == ""
    assert profile.findings[-1].text == (
        "4 of 5 commitments are firm; 1 of them binds a number (an amount, a deadline or a duration)."
    )
    assert profile.findings[-1].clauses == ["ua-ro-2024:3"]


def test_a_brief_of_nothing_committed_still_renders():

    quiet = build_brief([romania_statement()])
    assert quiet.heatmap.cells == [] and quiet.findings == []
    assert b"no commitment" in render("brief.html", quiet, "html")


# ---------- the command ----------


@pytest.fixture
def analysed(monkeypatch):
    """The CLI over hand-labelled agreements: the loaders and classifier are other stages."""

    def fake_analyze(paths, taxonomy=None, overrides=None, progress=None):
        return Analysis(agreements=[romania(), germany(), romania_statement()])

    monkeypatch.setattr("clauses.pipeline.analyze", fake_analyze)


def test_brief_command_writes_html_by_suffix(runner, analysed, tmp_path):
    out = tmp_path / "new" / "folder" / "brief.html"
    result = runner.invoke(cli, ["brief", "x.md", "-o", str(out), "--title", "Test brief"])
    assert result.exit_code == 0, result.output
    tree = lxml_html.fromstring(out.read_bytes())
    assert tree.findtext(".//title") == "Test brief"
    assert "wrote" in result.output


def test_brief_command_writes_pdf_with_filters(runner, analysed, tmp_path):
    out = tmp_path / "brief.pdf"
    args = ["brief", "-o", str(out), "--category", "air-defense,consultations", "--partners", "ro,de"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    outline = reader.outline
    chapter = next(
        i for i, item in enumerate(outline) if getattr(item, "title", "") == "Category by category"
    )
    sections = [item.title for item in outline[chapter + 1]]
    assert sections == [load_taxonomy().label_of("air-defense"), load_taxonomy().label_of("consultations")]
    assert "Germany will train" not in " ".join(page.extract_text() for page in reader.pages)


def test_format_option_overrides_an_unknown_suffix(runner, analysed, tmp_path):
    out = tmp_path / "brief.out"
    assert runner.invoke(cli, ["brief", "-o", str(out)]).exit_code == 2
    result = runner.invoke(cli, ["brief", "-o", str(out), "--format", "html"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"<!doctype html>")


def test_unknown_category_is_a_one_line_error(runner, analysed, tmp_path):
    result = runner.invoke(cli, ["brief", "-o", str(tmp_path / "b.html"), "--category", "air-defence"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "unknown air-defence" in result.output


def test_unwritable_folder_is_a_one_line_error(runner, analysed, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):
        pytest.skip("running as root: every folder is writable")
    result = runner.invoke(cli, ["brief", "-o", str(locked / "b.html")])
    assert result.exit_code == 2
    assert result.output.startswith("clauses: error:") and result.output.count("\n") == 1


@pytest.mark.parametrize("failure", [ClausesError("layout failed"), KeyboardInterrupt()])
def test_a_failed_render_leaves_the_previous_brief_intact(runner, analysed, tmp_path, monkeypatch, failure):
    out = tmp_path / "brief.html"
    out.write_text("previous brief", encoding="utf-8")

    def broken(*args, **kwargs):
        raise failure

    monkeypatch.setattr("clauses.report.render", broken)
    result = runner.invoke(cli, ["brief", "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous brief"
    assert list(tmp_path.iterdir()) == [out]


def test_an_interrupted_write_leaves_the_previous_brief_intact(runner, analysed, tmp_path, monkeypatch):
    out = tmp_path / "brief.html"
    out.write_text("previous brief", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("clauses.atomic.os.replace", interrupted)
    result = runner.invoke(cli, ["brief", "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous brief"
    assert list(tmp_path.iterdir()) == [out], "no temporary file left behind"


@pytest.mark.slow
def test_brief_of_the_shared_corpus(shared, runner, tmp_path):
    """The 32 real agreements, narrowed to two categories so the PDF stays a few pages."""
    out = tmp_path / "brief.pdf"
    args = ["brief", str(shared / "corpus"), "-o", str(out), "--category", "consultations,sanctions"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in ("Executive summary", "Romania", "Germany", "Consultations", "Sanctions", "24 hours"):
        assert expected in text
    titles = [getattr(item, "title", "") for item in reader.outline]
    assert "Appendix: the clauses cited" in titles


def test_a_brief_is_not_written_where_the_next_run_would_read_it(runner, tmp_path):
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / "ro.txt").write_text(
        "Agreement between Ukraine and Romania\n\n1. Romania will provide demining.\n"
    )
    result = runner.invoke(cli, ["brief", str(folder), "-o", str(folder / "brief.html")])
    assert result.exit_code == 2
    assert "is inside the input folder" in result.output and result.output.strip().count("\n") == 0
    assert sorted(p.name for p in folder.iterdir()) == ["ro.txt"]


def test_a_brief_over_a_page_given_as_input_is_refused(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Romania will provide demining equipment to Ukraine.</p></body></html>")
    result = runner.invoke(cli, ["brief", str(page), "-o", str(page)])
    assert result.exit_code == 2 and "is also an input" in result.output
    assert page.read_text().startswith("<html><body><p>Romania")


def test_brief_to_standard_output(runner, tmp_path, monkeypatch):
    from conftest import REPO

    monkeypatch.chdir(tmp_path)  # a file named "-" would land here
    args = ["brief", str(REPO / "agreements" / "ua-ro-2024.md"), "-o", "-", "--format", "html"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    page = lxml_html.fromstring(result.stdout_bytes)
    assert "Romania" in page.findtext(".//title") and not os.listdir(tmp_path)


def test_a_brief_over_the_clause_limit_is_a_clear_error():
    from clauses.brief import MAX_BRIEF_CLAUSES

    many = [
        clause("ua-zz", str(n), "Romania will provide demining.", ["demining"])
        for n in range(MAX_BRIEF_CLAUSES + 1)
    ]
    expected = (
        f"{MAX_BRIEF_CLAUSES + 1:,} clauses, over the brief's limit of {MAX_BRIEF_CLAUSES:,}: narrow it"
    )
    with pytest.raises(ClausesError, match=expected):
        build_brief([agreement("ua-zz", ["UA", "RO"], dt.date(2024, 1, 1), many)])


def test_a_brief_of_hostile_names_and_titles_is_written(runner, tmp_path):
    name = os.fsdecode("угода.md".encode("cp1251"))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(
        '---\ntitle: "Agreement [/x] \\e]0;owned\\a \\ud800"\nparties: [UA, RO]\nkind: agreement\n---\n\n'
        "1. Romania will provide air defence systems to Ukraine.\n",
        encoding="utf-8",
    )
    out = tmp_path / "brief.html"
    result = runner.invoke(cli, ["brief", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = lxml_html.fromstring(out.read_bytes()).text_content()
    assert "Agreement [/x]  \ufffd" in text and "\x1b" not in text and "\x07" not in text


def test_a_clause_with_a_counterpart_anywhere_is_not_only_in_one_text():
    """A template clause of two categories, matched under one of them, is not listed as unique under
    the other: 'only in one text' asks the n-way alignment, not the groups shown."""
    text = "The Participants will consult on sanctions against the aggressor within 24 hours of a request."
    docs = [
        agreement(f"ua-{code.lower()}-2024", ["UA", code], dt.date(2024, 3, n + 1),
                  [clause(f"ua-{code.lower()}-2024", "1", text, ["consultations", "sanctions"])])
        for n, code in enumerate(["FI", "SE", "NO"])
    ]  # fmt: skip
    brief = build_brief(docs, today=TODAY)
    for section in brief.sections:
        assert section.unique == {} and section.unique_more == 0, section.category
    assert any(section.matches for section in brief.sections)


# ---------- a brief an analyst can hand up: the bundled corpus, as a reader gets it ----------


@pytest.fixture(scope="module")
def bundled_pdf(tmp_path_factory) -> PdfReader:
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("bundled") / "brief.pdf"
    result = CliRunner().invoke(cli, ["brief", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return PdfReader(out)


def test_the_bundled_brief_pdf_is_tagged_and_described(bundled_pdf):
    root = bundled_pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root, "tagged for screen readers"
    assert root["/Lang"] == "en"
    meta = bundled_pdf.metadata
    assert meta.title.startswith("Ukraine's security commitments") and meta.author
    assert meta["/CreationDate"].startswith("D:20")


def test_the_bundled_brief_reads_as_a_reader_needs(bundled_pdf):
    import json

    from clauses.resources import data_file

    text = " ".join(" ".join(page.extract_text().split()) for page in bundled_pdf.pages)
    assert "~" not in text and not re.search(r"•\d", text), "citations in the document's numbering"
    assert re.search(r"Part [IVX]+, para \d+", text) and "¶ " in text
    assert not re.search(r"and \d+ more", text), "lists in full"
    assert "site-packages" not in text and "/agreements/" not in text, "no path of the machine"
    assert "Ukraine (own)" in text and re.search(r"\d+j\b", text), "joint and own told apart"
    assert "digests written for this tool, in our own words" in text
    accuracy = json.loads(data_file("accuracy.json").read_text(encoding="utf-8"))
    figure = f"{round(accuracy['gold_sets']['agreements']['micro_f1'] * 100)}%"
    methods = text[text.index("Methods and caveats") :]
    assert figure in methods[:3000], "the accuracy measured, from the package's data"


def test_the_html_brief_has_a_viewport_and_sources_without_paths(brief):
    tree = lxml_html.fromstring(render("brief.html", brief, "html"))
    assert tree.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    sources = [
        td.text_content().strip()
        for td in tree.xpath("//h2[@id='sources']/following::td[contains(@class,'source')]")
    ]
    assert sources and all("/" not in s for s in sources), sources
    assert "ua-ro-2024.md" in sources
