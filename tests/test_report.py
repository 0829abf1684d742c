"""The one Jinja environment and the renderer: escaping, fetching nothing, PDF structure, fonts."""

from __future__ import annotations

import gc
import http.server
import re
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html
from pypdf import PdfReader
from report_factories import corpus, hostile

from clauses import report
from clauses.brief import build_brief
from clauses.errors import ClausesError
from clauses.report import clause_anchor, environment, html_to_pdf, package_path, render, templates_dir
from clauses.taxonomy import load_taxonomy

LABEL = load_taxonomy().label_of

TEMPLATES = templates_dir()


@pytest.fixture(scope="module")
def brief():
    return build_brief([*corpus(), hostile()])


@pytest.fixture(scope="module")
def pdf(brief, tmp_path_factory) -> PdfReader:
    path = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    path.write_bytes(render("brief.html", brief, "pdf"))
    return PdfReader(path)


@pytest.fixture(scope="module")
def pdf_text(pdf) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def variables(brief) -> dict:
    values = {name: getattr(brief, name) for name in type(brief).model_fields}
    return {**values, "report": brief, "section": brief.sections[0]}


def test_every_template_renders_with_a_fixture_context(brief):
    names = sorted(p.name for p in TEMPLATES.glob("*.html") if not p.name.startswith(("diff", "_diff")))
    assert {"base.html", "brief.html", "_cover.html", "_heatmap.html", "_category.html"} <= set(names)
    for name in names:
        text = environment().get_template(name).render(variables(brief))
        assert text.strip() or name == "_macros.html", name


def test_environment_is_strict_and_escapes_everything():
    env = environment()
    assert env.autoescape is True
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ nothing }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_no_template_marks_anything_safe():
    for path in TEMPLATES.glob("*.html"):
        source = path.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, path.name


def test_html_links_all_resolve_and_heatmap_cells_link(brief):
    tree = lxml_html.fromstring(render("brief.html", brief, "html"))
    ids = set(tree.xpath("//@id"))
    targets = [href[1:] for href in tree.xpath("//a/@href") if href.startswith("#")]
    assert targets and set(targets) <= ids
    cell_links = tree.xpath("//div[@class='heatmap']/a[contains(@class, 'cell')]")
    assert len(cell_links) == len(brief.heatmap.cells)
    shown = [re.fullmatch(r"(\d*)\+?(?:(\d+)j)?", a.text) for a in cell_links]
    counts = sorted((int(m[1] or 0), int(m[2] or 0)) for m in shown if m)
    assert counts == sorted((len(c.own), len(c.joint)) for c in brief.heatmap.cells), (
        "each cell's link shows its own and joint counts"
    )
    assert any(c.joint for c in brief.heatmap.cells) and any(a.text.endswith("j") for a in cell_links)
    assert len(tree.xpath("//div[@class='heatmap']//*[local-name()='rect']")) == len(
        brief.heatmap.parties
    ) * len(brief.heatmap.categories)
    appendix = {clause_anchor(c.id) for c in brief.appendix}
    assert set(targets) == appendix, "every cited clause is linked and every link reaches the appendix"


def test_ids_and_inline_styles_sit_on_leaf_elements(brief):
    """WeasyPrint computes one style for like elements, unless they or an ancestor carry an id or a
    style attribute; on a paragraph or a table cell, that made the PDF a fifth slower."""
    tree = lxml_html.fromstring(render("brief.html", brief, "html"))
    carriers = tree.xpath("//*[@id or @style][not(ancestor-or-self::div[@class='heatmap'])]")
    assert carriers, "the appendix anchors are there"
    assert [el.tag for el in carriers if len(el)] == []


def test_html_has_one_section_per_category_and_the_cover(brief):
    tree = lxml_html.fromstring(render("brief.html", brief, "html"))
    assert tree.findtext(".//title") == brief.title
    h2 = [" ".join(h.text_content().split()) for h in tree.iter("h2")]
    assert {brief.labels["air-defense"], brief.labels["consultations"]} <= set(h2)
    assert len(tree.xpath("//section[@class='category']")) == len(brief.heatmap.categories)
    assert len(tree.xpath("//section[@class='cover']//tbody/tr")) == len(brief.agreements)


def test_hostile_clause_text_is_literal_text_in_html(brief):
    page = render("brief.html", brief, "html").decode("utf-8")
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script | //img | //link | //iframe")
    assert not [c for c in tree.iter() if c.tag is lxml_html.HtmlComment]
    text = tree.text_content()
    assert "<script>alert(1)</script>" in text
    assert "<!-- c -->" in text and "![x](http://127.0.0.1:9/md.png)" in text
    assert "{{ 7*7 }}" in text and "Hostile <b>title</b> {{ 7*7 }}" in text
    assert "&lt;script&gt;" in page


def test_pdf_text_holds_parties_categories_quotes(pdf, pdf_text):
    assert 5 <= len(pdf.pages) <= 15
    for expected in ("Romania", "Germany", LABEL("air-defense"), LABEL("consultations"), "Executive summary"):
        assert expected in pdf_text
    assert "Germany will provide military assistance worth EUR 7 billion in 2024" in pdf_text
    assert "Page 2 of" in pdf_text


def test_pdf_shows_hostile_text_literally(pdf_text):
    for literal in ("<script>alert(1)</script>", "<!-- c -->", "{{ 7*7 }}", "<img src=http://127.0.0.1:9/x>"):
        assert literal in pdf_text


def test_pdf_keeps_cyrillic_as_cyrillic(pdf, pdf_text):
    assert "Президенти домовилися про спільне виробництво дронів" in pdf_text
    fonts = {
        str(font["/BaseFont"])
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
        if "/BaseFont" in font.get_object()
    }
    assert any("Clauses-Sans" in name for name in fonts), fonts  # our @font-face, not a system font


def test_pdf_outline_and_internal_links(pdf, brief):
    titles = [item.title for item in _flatten(pdf.outline)]
    assert titles[:1] == [brief.title]
    for expected in ("Executive summary", LABEL("air-defense"), "Appendix: the clauses cited", "Sources"):
        assert expected in titles
    destinations = set(pdf.named_destinations)
    links = [
        annot.get_object()
        for page in pdf.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    assert len(links) >= len(brief.heatmap.cells) + len(brief.findings)
    assert all(str(link["/Dest"]) in destinations for link in links)
    assert {clause_anchor(c.id) for c in brief.appendix} <= destinations


def _flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback():
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_rendering_a_pdf_makes_no_request_and_reads_no_outside_file(loopback, monkeypatch):
    port = loopback.server_address[1]
    asked: list[str] = []
    served: list[Path] = []

    def spy(url: str, root: Path) -> Path:
        asked.append(url)
        served.append(package_path(url, root))
        return served[-1]

    monkeypatch.setattr(report, "package_path", spy)
    hostile_page = (
        f"<style>@import url(http://127.0.0.1:{port}/import.css);"
        f"body {{ background: url(file:///etc/passwd) }} p {{ background: url(http://127.0.0.1:{port}/bg.png) }}</style>"
        f"<link rel=stylesheet href=http://127.0.0.1:{port}/link.css><img src=http://127.0.0.1:{port}/img.png>"
        f"<img src=file:///etc/hostname><img src=../../../../etc/passwd><p>x</p>"
    )
    html_to_pdf(hostile_page)
    render("brief.html", build_brief([hostile(port)]), "pdf")
    assert _Recorder.requests == []
    assert any(str(port) in url for url in asked), "the fetcher was asked and refused"
    assert any("/etc/passwd" in url for url in asked)
    assert all(path.is_relative_to(templates_dir()) for path in served)
    assert any(path.suffix == ".ttf" for path in served), "the package's own fonts are served"
    urllib.request.urlopen(f"http://127.0.0.1:{port}/control", timeout=5).read()
    assert _Recorder.requests == ["/control"], "the server records requests when they do arrive"


def test_the_cycle_collector_is_restored_as_it_was_after_a_pdf():
    """The renderer pauses it for speed; the caller's setting survives, even a failed render."""
    html_to_pdf("<p>x</p>")
    assert gc.isenabled()
    gc.disable()
    try:
        html_to_pdf("<p>x</p>")
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        html_to_pdf(None)  # type: ignore[arg-type]
    assert gc.isenabled()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x.css",
        "https://example.org/font.ttf",
        "file:///etc/passwd",
        "ftp://example.org/x",
        "data:text/css,body{}",
        "file://remote-host/share/x.css",
    ],
)
def test_package_path_refuses_anything_but_package_files(url):
    with pytest.raises(ValueError, match="refused"):
        package_path(url, templates_dir())


def test_package_path_refuses_escaping_the_templates_folder():
    escape = (templates_dir() / ".." / "pyproject.toml").as_uri()
    with pytest.raises(ValueError, match="refused"):
        package_path(escape, templates_dir())
    assert package_path((templates_dir() / "style.css").as_uri(), templates_dir()).name == "style.css"


def test_unknown_template_or_format_is_the_tools_own_error(brief):
    with pytest.raises(ClausesError, match="no such template"):
        render("nope.html", brief, "html")
    with pytest.raises(ClausesError, match="unknown report format"):
        render("brief.html", brief, "docx")  # type: ignore[arg-type]


@given(st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=6, unique=True))
def test_clause_anchors_are_one_to_one_and_safe(ids):
    anchors = [clause_anchor(i) for i in ids]
    assert len(set(anchors)) == len(ids)
    assert all(re.fullmatch(r"clause-[A-Za-z0-9_-]+", a) for a in anchors)


def test_import_clauses_and_the_renderer_do_not_import_weasyprint(tmp_path):
    probe = (
        "import sys, clauses, clauses.report, clauses.brief, clauses.cli.brief\n"
        "from clauses.cli import cli\n"
        "print('weasyprint' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_fonts_cover_cyrillic_are_licensed_and_small():
    from fontTools.ttLib import TTFont

    fonts = sorted((TEMPLATES / "fonts").glob("*.ttf"))
    assert fonts and sum(f.stat().st_size for f in fonts) <= 2_000_000
    assert "Bitstream Vera" in (TEMPLATES / "fonts" / "LICENSE").read_text(encoding="utf-8")
    for font in fonts:
        cmap = TTFont(font).getBestCmap()
        assert all(ord(ch) in cmap for ch in "ЇїЄєҐґІіЁёЫыЪъ Україна"), font.name
    css = (TEMPLATES / "style.css").read_text(encoding="utf-8")
    assert all(f"fonts/{font.name}" in css for font in fonts)


def test_strength_chips_in_css_use_the_heatmap_colours():
    css = (TEMPLATES / "style.css").read_text(encoding="utf-8")
    for name, colour in report.STRENGTH_COLOURS.items():
        assert f".s-{name} {{ background: {colour};" in css, name
