"""Loaders: dispatch, encodings, front matter, web pages, news pages, metadata inference, bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import types
from pathlib import Path

import pytest
from hostile import finishes_within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clauses.cli import cli
from clauses.errors import ClausesError
from clauses.load import build_agreement, load, read_document
from clauses.load.markdown import markdown_body, split_front_matter
from clauses.load.metadata import (
    detect_language,
    duration_years,
    infer_kind,
    parse_date,
    slugify,
    title_block,
)
from clauses.load.news import clean_news, looks_like_news
from clauses.load.text import MAX_LINE_CHARS, decode
from clauses.models import Kind

UKRAINIAN = (
    "Угода про співпрацю між Україною та Молдовою.\n\n"
    "Сторони домовилися ділитися їхніми даними про ґрунтові дороги та річкові переправи.\n\n"
    "Ця Угода діє на п'ять років з дати її підписання.\n\n"
    "Підписано в м. Київ 12 січня 2024 року.\n"
)
RUSSIAN = (
    "Соглашение о сотрудничестве между Украиной и Молдовой.\n\n"
    "Стороны договорились обмениваться сведениями о грунтовых дорогах и речных переправах.\n\n"
    "Это соглашение действует в течение пяти лет со дня подписания.\n\n"
    "Подписано в Киеве 12 января 2024 года.\n"
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_u")

AGREEMENT_TEXT = """Agreement on River Safety between Ukraine and the Republic of Moldova

Preamble

Ukraine and the Republic of Moldova, hereinafter the Participants, wish to keep the shared river safe.

Article 1

1. The Participants will exchange river charts every month.

2. Moldova will train Ukrainian pilots of river boats.

3. This Agreement is valid for five years from the date of its signature.

Signed in Chisinau on 3 March 2024 in duplicate.
"""

FRONT_MATTER = """---
id: ua-md-demo
title: River safety accord
parties: [UA, MD]
signed: 2024-03-03
kind: agreement
version: draft
language: en
source: https://example.org/accord
duration_years: 5
---

# Article 1

1. The Participants will exchange river charts
every month.

2. Moldova will **train** Ukrainian pilots.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def metadata_of(path: Path, **overrides):
    """An agreement's metadata without segmenting (the loader's own part)."""
    return build_agreement(read_document(path), path, overrides, with_clauses=False)


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(("text", "language"), [(UKRAINIAN, "uk"), (RUSSIAN, "ru")])
def test_each_encoding_decodes_right(tmp_path, encoding, text, language):
    path = write(tmp_path, "note.txt", text.encode(encoding))
    assert read_document(path).text == text
    agreement = metadata_of(path)
    assert agreement.language == language
    assert agreement.signed == dt.date(2024, 1, 12)
    assert agreement.duration_years == 5


def test_koi8_and_cp1251_are_told_apart_on_short_text():
    for encoding in ("cp1251", "koi8_u"):
        assert decode("Київ і Харків".encode(encoding), "x") == "Київ і Харків"
        assert decode("Привет, мир".encode(encoding), "x") == "Привет, мир"


def test_windows_western_text_decodes():
    assert (
        decode("Café in Brussels, naïve façade.".encode("cp1252"), "x") == "Café in Brussels, naïve façade."
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (PNG image), not text"),
        (b"plain words\x00\x00\x01 more words", "binary file, not text"),
        (bytes(range(128, 256)) * 8, "cannot"),
        (b"\xff\xfe" + b"\x00\xd8" * 3, "invalid for utf-16"),
    ],
)
def test_undecodable_or_binary_input_is_an_error_not_mojibake(data, message):
    with pytest.raises(ClausesError) as raised:
        decode(data, "in.txt")
    assert message in str(raised.value)


def test_a_very_long_line_is_refused_fast(tmp_path):
    path = write(tmp_path, "line.txt", b"a" * (10 * 1024 * 1024))
    with pytest.raises(ClausesError, match="over the .* limit"):
        metadata_of(path)
    assert MAX_LINE_CHARS < 10 * 1024 * 1024


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB that costs nothing to make
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ClausesError, match=r"50\.0 MB, over the 20\.0 MB limit"):
        read_document(path)
    small = write(tmp_path, "small.txt", AGREEMENT_TEXT)
    with pytest.raises(ClausesError, match="limit"):
        read_document(small, max_bytes=100)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_the_tools_error(data):
    try:
        text = decode(data, "fuzz.txt")
    except ClausesError:
        return
    assert "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1500))
def test_arbitrary_unicode_through_every_text_stage_raises_only_the_tools_error(text):
    """Any exception other than ClausesError fails the test (hypothesis reports it)."""
    try:
        decode(text.encode("utf-8"), "fuzz.txt")
        split_front_matter(text, "fuzz.md")
        markdown_body(text)
        clean_news(text)
        title_block([line for line in text.split("\n") if line.strip()])
        duration_years(text)
        parse_date(text)
        detect_language(text)
    except ClausesError as error:
        assert "\n" not in str(error)


# --- dispatch -----------------------------------------------------------------------------


def test_markdown_front_matter_gives_metadata_and_body(tmp_path):
    path = write(tmp_path, "accord.md", FRONT_MATTER)
    document = read_document(path)
    assert document.native
    assert "1. The Participants will exchange river charts every month." in document.text
    assert "**" not in document.text
    agreement = metadata_of(path)
    assert (agreement.id, agreement.title, agreement.parties) == (
        "ua-md-demo",
        "River safety accord",
        ["UA", "MD"],
    )
    assert (agreement.signed, agreement.version, agreement.duration_years) == (
        dt.date(2024, 3, 3),
        "draft",
        5,
    )
    assert agreement.source == str(path)


def test_options_win_over_front_matter_which_wins_over_inference(tmp_path):
    path = write(tmp_path, "accord.md", FRONT_MATTER.replace("title: River safety accord\n", ""))
    agreement = metadata_of(path, title="Given title", parties=["UA", "PL"])
    assert agreement.title == "Given title"
    assert agreement.parties == ["UA", "PL"]
    assert agreement.signed == dt.date(2024, 3, 3)  # front matter
    assert agreement.language == "en"


def test_unquoted_norway_code_is_not_read_as_false(tmp_path):
    path = write(tmp_path, "no.md", FRONT_MATTER.replace("[UA, MD]", "[UA, NO]"))
    assert metadata_of(path).parties == ["UA", "NO"]


def test_plain_text_metadata_is_inferred(tmp_path):
    agreement = metadata_of(write(tmp_path, "UA MD River 2024.txt", AGREEMENT_TEXT))
    assert agreement.id == "ua-md-river-2024"
    assert agreement.title == "Agreement on River Safety between Ukraine and the Republic of Moldova"
    assert agreement.parties == ["UA", "MD"]
    assert agreement.signed == dt.date(2024, 3, 3)
    assert agreement.kind is Kind.AGREEMENT
    assert agreement.duration_years == 5


def test_title_block_over_several_capitalised_lines():
    lines = ["AGREEMENT ON RIVER SAFETY", "BETWEEN", "THE REPUBLIC OF MOLDOVA", "AND", "UKRAINE", "Preamble"]
    assert title_block(lines) == ("AGREEMENT ON RIVER SAFETY BETWEEN THE REPUBLIC OF MOLDOVA AND UKRAINE", 5)


def test_stem_with_dots_stays_the_id():
    assert slugify("ua-us-2024.whitehouse") == "ua-us-2024.whitehouse"
    assert slugify("Угода 2024") == "2024"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed in Kyiv on 12 January 2024", dt.date(2024, 1, 12)),
        ("Done at Rome, this 16th day of February 2024", dt.date(2024, 2, 16)),
        ("Done at Rome on February 16, 2024", dt.date(2024, 2, 16)),
        ("Підписано 12.01.2024", dt.date(2024, 1, 12)),
        ("Підписано в м. Київ 12 січня 2024 року", dt.date(2024, 1, 12)),
        ("Подписано 12 января 2024 года", dt.date(2024, 1, 12)),
        ("on 31 February 2024", None),
    ],
)
def test_dates_in_three_languages(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Joint Declaration of Support for Ukraine", Kind.DECLARATION),
        ("Joint Statement of the Leaders", Kind.STATEMENT),
        ("Спільна заява лідерів", Kind.STATEMENT),
    ],
)
def test_kind_from_title(tmp_path, title, kind):
    body = f"{title}\n\nThe leaders stand with Ukraine and will keep supporting it.\n"
    assert metadata_of(write(tmp_path, "doc.txt", body)).kind is kind


def test_html_main_text_only(fixtures):
    path = fixtures / "load" / "page.html"
    document = read_document(path)
    for noise in (
        "Home",
        "Weather",
        "Share on",
        "Buy cheap",
        "Latest News",
        "Storm closes",
        "rights reserved",
    ):
        assert noise not in document.text
    paragraphs = document.text.strip().split("\n\n")
    assert any(p.startswith("Under the accord, both sides will share radar pictures") for p in paragraphs)
    agreement = metadata_of(path)
    assert agreement.signed == dt.date(2024, 3, 14)
    assert agreement.parties == ["UA", "MD"]
    assert agreement.kind is Kind.NEWS


def test_markup_in_a_page_is_dropped_and_escaped_markup_stays_text(tmp_path):
    page = (
        "<html><body><article><h1>Accord</h1><p>Ukraine and Poland will share radar data every week, "
        "the ministers said after the talks.</p><script>alert(1)</script><p>&lt;script&gt;alert(2)&lt;/script&gt; "
        "{{ config }} stays as text, and the parties will meet again in May.</p></article></body></html>"
    )
    text = read_document(write(tmp_path, "page.html", page)).text
    assert "alert(1)" not in text
    assert "<script>alert(2)</script> {{ config }} stays as text" in text


def test_plain_text_named_html_is_read_as_text(tmp_path):
    document = read_document(write(tmp_path, "notes.html", AGREEMENT_TEXT))
    assert document.text == AGREEMENT_TEXT


def test_html_saved_as_txt_is_sniffed(tmp_path, fixtures):
    path = write(tmp_path, "page.txt", (fixtures / "load" / "page.html").read_bytes())
    assert "Buy cheap" not in read_document(path).text


def test_pdf_magic_in_a_txt_goes_to_the_pdf_reader(tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("clauses.load.pdf")
    fake.extract_pdf = lambda path: calls.append(path) or "Text from the PDF.\n"
    monkeypatch.setitem(sys.modules, "clauses.load.pdf", fake)
    path = write(tmp_path, "really-a.pdf.txt", b"%PDF-1.7\n%binary\n")
    assert read_document(path).text == "Text from the PDF.\n"
    assert calls == [path]


def test_zip_that_is_not_word_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ClausesError, match="not a Word document"):
        read_document(path)


def test_python_tag_in_front_matter_is_an_error_not_code(tmp_path):
    marker = tmp_path / "pwned"
    text = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n\nBody text.\n"
    with pytest.raises(ClausesError, match="front matter"):
        read_document(write(tmp_path, "evil.md", text))
    assert not marker.exists()


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: [unclosed\n", "front matter: line"),
        ("date: 2024-13-01\n", "front matter: date:"),
        ("lang: [en, uk]\n", "front matter: lang:"),
        ("parties: [UA, XX]\n", "parties: unknown party code 'XX'"),
        ("signed: 2024-02-31\n", "front matter: signed:"),
        ("kind: poem\n", "front matter: kind:"),
        ("- just\n- a list\n", "expected 'key: value' lines"),
    ],
)
def test_bad_front_matter_names_the_field(tmp_path, front, message):
    path = write(tmp_path, "bad.md", f"---\n{front}---\n\nSome agreement text.\n")
    with pytest.raises(ClausesError) as raised:
        read_document(path)
    assert message in str(raised.value)
    assert str(raised.value).startswith(str(path))
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"colour": "blue"}, "unknown metadata field 'colour'"),
        ({"parties": ["UA", "XX"]}, "parties: unknown party code 'XX'"),
        ({"duration_years": -1}, "duration_years:"),
        ({"id": "two words"}, "id: id must be a slug"),
    ],
)
def test_load_options_obey_the_rules_of_the_front_matter(tmp_path, options, message):
    path = write(tmp_path, "plain.txt", "1. Norway will consult Ukraine.\n")
    with pytest.raises(ClausesError) as raised:
        load(path, **options)
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_load_options_are_read_as_front_matter_would_be(tmp_path):
    path = write(tmp_path, "plain.txt", "1. Norway will consult Ukraine.\n")
    agreement = load(path, parties="UA, NO", version=2, kind="declaration")
    assert (agreement.parties, agreement.version, agreement.kind) == (["UA", "NO"], "2", Kind.DECLARATION)


def test_unclosed_front_matter(tmp_path):
    with pytest.raises(ClausesError, match="never closed"):
        read_document(write(tmp_path, "open.md", "---\ntitle: x\n\nbody\n"))


UKRAINIAN_NEWS_PAGE = """Новини Приклад
14:05 02.04.2025
Україна та Молдова домовилися про спільне патрулювання Дністра
5 хв читання
Україна та Молдова домовилися про спільне патрулювання Дністра
Фото: https://example.org/photo.jpg
Олена Приклад
Міністри внутрішніх справ України та Молдови підписали у Києві меморандум про спільне патрулювання річки Дністер.
За документом, прикордонники двох країн обмінюватимуться даними щотижня й проводитимуть спільні навчання.
"Ми захищаємо нашу спільну річку разом", - сказав міністр після підписання.
Політика Безпека Молдова
Читайте також
Уряд ухвалив новий бюджет на наступний рік
У Львові відкрили оновлений міст через річку Полтву
2 345 переглядів
"""


def test_news_noise_rules_are_general(tmp_path):
    """A page of our own making: noise of other sites, another language, same rules."""
    agreement = metadata_of(write(tmp_path, "page.txt", UKRAINIAN_NEWS_PAGE))
    assert (agreement.kind, agreement.signed, agreement.language) == (Kind.NEWS, dt.date(2025, 4, 2), "uk")
    assert agreement.title == "Україна та Молдова домовилися про спільне патрулювання Дністра"
    assert agreement.parties == ["UA", "MD"]
    paragraphs = clean_news(UKRAINIAN_NEWS_PAGE).text.strip().split("\n\n")
    assert [p.split()[0] for p in paragraphs] == ["Міністри", "За", '"Ми']


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=800))
def test_arbitrary_unicode_through_the_whole_loader_raises_only_the_tools_error(text):
    from clauses.load import Document

    try:
        agreement = build_agreement(Document(text, {}), "fuzz.txt", {}, with_clauses=True)
    except ClausesError as error:
        assert "\n" not in str(error)
        return
    assert agreement.title


# --- real texts ---------------------------------------------------------------------------


def corpus_files(shared: Path) -> list[Path]:
    return sorted((shared / "corpus").glob("*.txt"))


def test_metadata_of_every_real_agreement(shared):
    for path in corpus_files(shared):
        agreement = metadata_of(path)
        stem_codes = re.match(r"ua-([a-z]{2})-(\d{4})", path.stem)
        if stem_codes:
            partner = stem_codes.group(1).upper()
            assert {"UA", partner} <= set(agreement.parties), (path.name, agreement.parties)
            assert "RU" not in agreement.parties, path.name
            assert agreement.kind is Kind.AGREEMENT, path.name
            assert agreement.signed and agreement.signed.year == int(stem_codes.group(2)), path.name
            assert re.search(r"agreement|accord|commitments|угода", agreement.title, re.IGNORECASE), path.name
        assert agreement.id == path.stem
        assert agreement.language == ("uk" if "ukrainian" in path.stem else "en"), path.name
        assert agreement.title and len(agreement.title) < 200, path.name


def test_golden_metadata_of_three_real_agreements(shared):
    gb = metadata_of(shared / "corpus" / "ua-gb-2024.txt")
    assert gb.title.startswith("AGREEMENT ON SECURITY CO-OPERATION BETWEEN THE UNITED KINGDOM")
    assert gb.title.endswith("AND UKRAINE")
    assert (gb.parties, gb.signed, gb.duration_years) == (["GB", "UA"], dt.date(2024, 1, 12), 10)
    us = metadata_of(shared / "corpus" / "ua-us-2024.txt")
    assert (us.signed, us.duration_years) == (dt.date(2024, 6, 13), 10)  # "this 13th day of June, 2024"
    italy = metadata_of(shared / "corpus" / "ua-it-2024.ukrainian.txt")
    assert (italy.language, italy.parties, italy.signed) == ("uk", ["UA", "IT"], dt.date(2024, 2, 24))
    assert italy.duration_years == 10  # "протягом десяти років"


SEEDS = {
    "000_9c110806a0993c0b": (dt.date(2025, 11, 7), "en", {"UA", "RO"}),
    "001_c57adea74ffed36e": (dt.date(2026, 3, 12), "en", {"UA", "RO"}),
    "002_1eae1b3ee1e3bf9b": (dt.date(2025, 10, 23), "en", {"UA", "FR", "CZ"}),
    "003_79d3496055499d00": (None, "en", {"UA", "RO"}),  # the page gives no date
    "004_6f2763f55a762b96": (dt.date(2025, 11, 5), "ru", {"UA", "JP"}),
}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_news_metadata(shared, stem):
    date, language, parties = SEEDS[stem]
    agreement = metadata_of(shared / "seeds" / f"{stem}.txt")
    assert (agreement.signed, agreement.language, set(agreement.parties)) == (date, language, parties)
    assert agreement.kind is Kind.NEWS
    assert 4 <= len(agreement.title.split()) <= 35


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_news_keeps_the_article_and_drops_the_noise(shared, stem):
    path = shared / "seeds" / f"{stem}.txt"
    document_text = clean_news(read_document(path).text)
    paragraphs = document_text.text.strip().split("\n\n")
    raw = path.read_text(encoding="utf-8")
    for index, paragraph in enumerate(paragraphs):
        assert not re.search(r"https?://|\bviews\b|читать|^date\s", paragraph, re.IGNORECASE), paragraph
        assert paragraph.rstrip(" .") != document_text.title
        is_quote = index + 1 < len(paragraphs) and paragraphs[index + 1][:1] in "–—-"
        assert re.search(r"[.!?…\"”»)]$", paragraph) or is_quote, paragraph
        assert len(paragraph.split()) >= 3, paragraph
    for marker in ("Latest News", "ПОСЛЕДНЕЕ", "ЕЩЕ ПО ТЕМЕ"):
        if marker in raw:
            after = [line.strip() for line in raw.split(marker, 1)[1].splitlines() if line.strip()]
            assert not set(after) & set(paragraphs), marker
    for gold in gold_paragraphs(shared, stem):
        assert any(_overlap(gold, p) >= 0.8 for p in paragraphs), gold


def gold_paragraphs(shared: Path, stem: str) -> list[str]:
    lines = (shared / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [record["text"] for record in map(json.loads, lines) if record["doc"] == stem]


def _overlap(gold: str, predicted: str) -> float:
    gold_words = re.findall(r"\w+", gold.lower())
    predicted_words = set(re.findall(r"\w+", predicted.lower()))
    return sum(word in predicted_words for word in gold_words) / max(len(gold_words), 1)


def test_seeds_load_into_prose_clauses_without_noise(shared):
    for stem in SEEDS:
        agreement = load(shared / "seeds" / f"{stem}.txt")
        assert agreement.clauses, stem
        assert all(clause.path.startswith("p") for clause in agreement.clauses), stem  # prose units
        for clause in agreement.clauses:
            assert not re.search(r"https?://|\d+ views|мин читать|Latest News", clause.text), clause.text


# --- bad input through the CLI ------------------------------------------------------------


@pytest.fixture
def classifier(monkeypatch):
    """A pass-through classify stage: these tests are about loading, whatever the labeller does."""
    fake = types.ModuleType("clauses.classify")
    fake.classify_agreement = lambda agreement, taxonomy=None: agreement
    monkeypatch.setitem(sys.modules, "clauses.classify", fake)


def _image_only_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with path.open("wb") as handle:
        writer.write(handle)


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "empty": (b"", "empty file"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file (PNG image), not text"),
    "undecodable": (bytes(range(128, 256)) * 4, "cannot"),
    "front-matter": (b"---\ntitle: [oops\n---\n\nText.\n", "front matter: line"),
    "party": (b"---\nparties: [UA, QQ]\n---\n\nText of the agreement.\n", "unknown party code 'QQ'"),
    "long-line": (b"x" * (MAX_LINE_CHARS + 10), "characters, over the"),
}


MESSAGES = {
    "huge": "over the 20.0 MB limit",
    "empty-folder": "no agreement files",
    "image-pdf": "no text layer",
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS) + sorted(MESSAGES))
def test_bad_input_is_one_line_exit_2(runner, tmp_path, classifier, case):
    path = _bad_input(tmp_path, case)
    result = runner.invoke(cli, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in result.output
    assert (MESSAGES.get(case) or BAD_INPUTS[case][1]) in lines[0]


def _bad_input(tmp_path: Path, case: str) -> Path:
    suffix = ".md" if case in ("front-matter", "party") else ".txt"
    path = tmp_path / f"{case}{suffix}"
    if case == "huge":
        with path.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)
    elif case == "empty-folder":
        path = tmp_path / "nothing-here"
        path.mkdir()
        (path / "notes.odt").write_bytes(b"x")
    elif case == "image-pdf":
        pytest.importorskip("clauses.load.pdf")
        path = tmp_path / "scan.pdf"
        _image_only_pdf(path)
    elif BAD_INPUTS[case][0] is not None:
        path.write_bytes(BAD_INPUTS[case][0])
    return path


def test_good_and_bad_files_together_exit_1_with_summary(runner, tmp_path, classifier):
    good = write(tmp_path, "good.txt", AGREEMENT_TEXT)
    bad = write(tmp_path, "bad.txt", b"")
    missing = tmp_path / "missing.md"
    result = runner.invoke(cli, ["analyze", str(good), str(bad), str(missing), "--format", "json"])
    assert result.exit_code == 1, result.output
    assert [a["id"] for a in json.loads(result.stdout)["agreements"]] == ["good"]
    assert f"{bad}: empty file" in result.stderr
    assert f"{missing}: no such file" in result.stderr
    assert "2 of 3 files failed" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Agreement between Ukraine and Norway", Kind.AGREEMENT),
        ("Угода між Україною та Норвегією", Kind.AGREEMENT),
        ("Соглашение между Украиной и Норвегией", Kind.AGREEMENT),
        # A headline about an agreement is news.
        ("Agreement between Ukraine and Norway signed in Oslo", Kind.NEWS),
        ("Угоду між Україною та Норвегією підписано в Осло", Kind.NEWS),
    ],
)
def test_a_short_text_titled_as_an_agreement_is_one(tmp_path, title, kind):
    text = f"# {title}\n\n1. Norway will consult Ukraine within 24 hours of an armed attack.\n"
    assert metadata_of(write(tmp_path, "short.md", text)).kind is kind


@pytest.mark.parametrize("unit", ["1 1 1 1 ", "1,1.1 ", "1.1."])
def test_a_view_counter_pattern_stays_linear_on_a_line_of_digits(unit):
    line = unit * (24_000 // len(unit))
    with finishes_within(8):  # 8 s at 8 KB with an unbounded digit run before "views"
        looks_like_news(f"{line}\n\nRomania will provide air defence systems to Ukraine.\n")
    assert looks_like_news("Kyiv, 12:30\n1 234 views\n\nThe minister said the aid will continue.\n")


def test_a_title_of_punctuation_is_read_in_linear_time():
    with finishes_within(8):  # the leading \W* and the words' \S+ traded characters: seconds at 8 KB
        kind = infer_kind("’" * 24_000, "Romania will provide air defence.", news_page=False)
    assert kind is not Kind.STATEMENT
    assert infer_kind("« Joint Statement on Ukraine", "", news_page=False) is Kind.STATEMENT


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e999"])
def test_a_non_finite_number_is_refused_at_load(tmp_path, value):
    path = write(
        tmp_path, "a.md", f"---\nduration_years: {value}\n---\n\n1. Romania will provide demining.\n"
    )
    with pytest.raises(ClausesError, match="duration_years: .*finite"):
        load(path)


def test_terminal_escapes_and_surrogates_in_front_matter_are_removed(tmp_path):
    title = r'"Agreement \e]0;owned\a on \e]52;c;Y3VybA==\a support \ud800 \x9b31m"'
    path = write(tmp_path, "a.md", f"---\ntitle: {title}\n---\n\n1. Romania will provide \x1b[2Jdemining.\n")
    agreement = load(path)
    assert agreement.title == "Agreement  on  support \ufffd "
    # the front-matter title names an agreement, so "1." is the clause's number, not its text
    assert (agreement.clauses[0].path, agreement.clauses[0].text) == ("1", "Romania will provide demining.")
    json.dumps(agreement.model_dump(mode="json"), ensure_ascii=False).encode()


def test_a_file_name_in_another_code_page_is_kept_readable(tmp_path):
    name = "угода.txt".encode("cp1251")
    path = Path(os.fsdecode(bytes(tmp_path) + b"/" + name))
    path.write_text("Agreement between Ukraine and Romania\n\n1. Romania will provide demining.\n")
    agreement = load(path)
    assert agreement.source.endswith("/\ufffd\ufffd\ufffd\ufffd\ufffd.txt")
    agreement.model_dump_json().encode()


def test_a_yaml_alias_bomb_in_front_matter_is_refused(tmp_path):
    aliases = "\n".join(f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9)}]" for i in range(1, 10))
    text = f"---\nx0: &x0 [lol, lol]\n{aliases}\nparties: *x9\n---\n\n1. Romania will provide demining.\n"
    with finishes_within(15), pytest.raises(ClausesError, match="YAML aliases expand"):
        load(write(tmp_path, "bomb.md", text))


def test_a_pipe_given_as_an_agreement_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "agreement.txt"
    os.mkfifo(fifo)
    with finishes_within(5), pytest.raises(ClausesError, match="not a regular file \\(a pipe\\)"):
        load(fifo)
