"""PDF loader: real government PDFs against their text twins, layouts built here, hostile files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from binary_factories import Text, make_pdf, nested_forms_pdf, paragraph_lines, pdf_from_objects
from hostile import finishes_within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clauses.errors import ClausesError
from clauses.load.pdf import extract_pdf

PDF_ORIGINALS = [
    "ua-de-2024",
    "ua-dk-2024",
    "ua-gb-2024",
    "ua-jp-2024",
    "ua-nl-2024",
    "ua-no-2024",
    "ua-se-2024",
]
MARKER = re.compile(r"^(\(?\d+(?:\.\d+)*[.)]|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]+[.)]|•)\s")
# a list item glued to the end of the paragraph before it ("... efforts. 8. The EU ...")
INLINE_ITEM = re.compile(r"(?<=[.:;]) (?=\d+(?:\.\d+)*\. [A-Z])")


def word_overlap(text: str, twin: str) -> float:
    """Share of the twin's words (as a bag) that the text also has."""
    mine, theirs = Counter(text.split()), Counter(twin.split())
    return sum((mine & theirs).values()) / sum(theirs.values())


def markers(text: str) -> list[str]:
    """The list numbers that open paragraphs, in order; items glued into one line count too."""
    paragraphs = [piece for line in text.splitlines() for piece in INLINE_ITEM.split(line.strip())]
    return [m.group(1) for paragraph in paragraphs if (m := MARKER.match(paragraph))]


@pytest.fixture(scope="module")
def extracted(shared: Path) -> dict[str, str]:
    """Each original PDF read once for the whole module."""
    return {stem: extract_pdf(shared / "originals" / f"{stem}.pdf") for stem in PDF_ORIGINALS}


@pytest.mark.parametrize("stem", PDF_ORIGINALS)
def test_original_gives_the_words_of_its_twin(extracted: dict[str, str], shared: Path, stem: str) -> None:
    twin = (shared / "corpus" / f"{stem}.txt").read_text(encoding="utf-8")
    assert word_overlap(extracted[stem], twin) >= 0.95


@pytest.mark.parametrize("stem", PDF_ORIGINALS)
def test_original_numbers_paragraphs_like_its_twin(
    extracted: dict[str, str], shared: Path, stem: str
) -> None:
    twin = (shared / "corpus" / f"{stem}.txt").read_text(encoding="utf-8")
    assert markers(extracted[stem]) == markers(twin)


@pytest.mark.parametrize("stem", PDF_ORIGINALS)
def test_original_has_no_page_numbers_or_blank_paragraphs(extracted: dict[str, str], stem: str) -> None:
    paragraphs = extracted[stem].rstrip("\n").split("\n\n")
    assert all(p.strip() and "\n" not in p for p in paragraphs)
    assert not [p for p in paragraphs if re.fullmatch(r"\d{1,3}", p)]


# --- layouts built here ---------------------------------------------------------------------

FIRST = (
    "1. The two sides intend to widen their cooperation on air defence, and the security of the "
    "region depends on a Euro- Atlantic effort that both will pursue over the long- term horizon"
)
SECOND = (
    "2. Each side will name a contact point for secu- rity matters who answers requests within ten "
    "working days and keeps a written record of what was agreed."
)


def _page(number: int, lines: list[Text]) -> list[Text]:
    """A page with a running header, a running title and a page number around its lines."""
    return [
        Text(270, 805, "OFFICIAL", 9),
        Text(72, 790, "Joint Plan of Work", 9),
        *lines,
        Text(295, 30, f"{number}"),
    ]


def _hyphenated(words: str, x: float, top: float) -> list[Text]:
    """Lines broken after each 'word- ' of the text, so the hyphen ends a line."""
    pieces = re.split(r"(?<=-) ", words)
    return [Text(x, top - i * 14, piece) for i, piece in enumerate(pieces)]


@pytest.fixture(scope="module")
def layout_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("layout")
    page_one = [
        Text(72, 740, "Part I. Purpose"),
        *_hyphenated(FIRST, 72, 710),
    ]
    page_two = [
        Text(72, 740, "and it will be reviewed every second year by both sides."),
        *_hyphenated(SECOND, 72, 700),
        Text(72, 640, "Pledge"),
        Text(72 + 34.3, 644, "1", 7),
        Text(72, 610, "3. Funding for the whole period is set out in the annual budget law of"),
        Text(72, 60, "1 The amounts are indicative and stated in the national currency.", 8),
    ]
    page_three = [Text(72, 740, "each side, which both will publish."), Text(72, 700, "Part II. Review")]
    return make_pdf(folder / "layout.pdf", [_page(1, page_one), _page(2, page_two), _page(3, page_three)])


@pytest.fixture(scope="module")
def layout_text(layout_pdf: Path) -> str:
    return extract_pdf(layout_pdf)


def test_running_headers_titles_and_page_numbers_are_dropped(layout_text: str) -> None:
    assert "OFFICIAL" not in layout_text
    assert "Joint Plan of Work" not in layout_text
    assert not re.search(r"^\d$", layout_text, re.MULTILINE)


def test_paragraphs_are_lines_with_blank_lines_between(layout_text: str) -> None:
    paragraphs = layout_text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "Part I. Purpose"
    assert [p[:2] for p in paragraphs if p[:1].isdigit() and p[1] == "."] == ["1.", "2.", "3."]


def test_compound_hyphens_stay_and_broken_words_join(layout_text: str) -> None:
    assert "Euro-Atlantic" in layout_text
    assert "long-term" in layout_text
    assert "for security matters" in layout_text
    assert "secu-" not in layout_text


def test_paragraph_split_by_a_page_break_is_joined(layout_text: str) -> None:
    first = next(p for p in layout_text.split("\n\n") if p.startswith("1."))
    assert first.endswith("horizon and it will be reviewed every second year by both sides.")


def test_footnote_marker_is_a_superscript_and_the_note_follows_the_split_paragraph(layout_text: str) -> None:
    paragraphs = layout_text.rstrip("\n").split("\n\n")
    assert "Pledge¹" in paragraphs
    assert paragraphs[-3:] == [
        "3. Funding for the whole period is set out in the annual budget law of each side, which both will publish.",
        "1 The amounts are indicative and stated in the national currency.",
        "Part II. Review",
    ]


def test_a_plain_page_reads_without_furniture_rules_biting(tmp_path: Path) -> None:
    words = "A single page with one paragraph of ordinary prose that wraps over a few lines of the page."
    path = make_pdf(tmp_path / "one.pdf", [paragraph_lines(words, 72, 500, width=40)])
    assert extract_pdf(path) == words + "\n"


def test_text_drawn_through_a_form_xobject_is_read(tmp_path: Path) -> None:
    words = "Text that a producer wrapped in a form object is still the text layer of the page."
    path = make_pdf(tmp_path / "form.pdf", [paragraph_lines(words, 72, 500, width=40)], in_form=True)
    assert extract_pdf(path) == words + "\n"


# --- hostile and broken files ---------------------------------------------------------------


def _error(path: Path, **options: int) -> str:
    with pytest.raises(ClausesError) as caught:
        extract_pdf(path, **options)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message


def test_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[], []], image=True)
    assert _error(path).endswith("no text layer; run OCR first")


def test_password_protected_pdf_is_refused(layout_pdf: Path, tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=layout_pdf)
    writer.encrypt("open sesame")
    writer.write(tmp_path / "locked.pdf")
    assert _error(tmp_path / "locked.pdf").endswith("password-protected PDF")


def test_pdf_encrypted_without_a_user_password_still_reads(layout_pdf: Path, tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=layout_pdf)
    writer.encrypt("", owner_password="owner only")
    writer.write(tmp_path / "owner.pdf")
    assert "Pledge¹" in extract_pdf(tmp_path / "owner.pdf")


def _blank_pages(path: Path, count: int) -> Path:
    writer = pypdf.PdfWriter()
    for _ in range(count):
        writer.add_blank_page(595, 842)
    writer.write(path)
    return path


def test_too_many_pages_is_refused_from_the_declared_count(tmp_path: Path, monkeypatch) -> None:
    import pdfminer.pdfinterp

    def no_parsing(*args: object) -> None:
        raise AssertionError("a page was parsed")

    monkeypatch.setattr(pdfminer.pdfinterp.PDFPageInterpreter, "process_page", no_parsing)
    message = _error(_blank_pages(tmp_path / "long.pdf", 60), max_pages=50)
    assert "60 pages" in message and "50" in message


def test_default_page_limit_is_two_thousand(tmp_path: Path) -> None:
    assert "2001 pages" in _error(make_pdf(tmp_path / "huge.pdf", [[]] * 2001))


def test_a_page_count_that_lies_is_caught_while_reading(tmp_path: Path) -> None:
    path = _blank_pages(tmp_path / "liar.pdf", 12)
    data = path.read_bytes()
    assert data.count(b"/Count 12") == 1
    path.write_bytes(data.replace(b"/Count 12", b"/Count 1 "))  # same length: offsets stay valid
    assert "more than 5 pages" in _error(path, max_pages=5)


def test_decompression_bomb_is_refused_before_pages_are_read(tmp_path: Path, monkeypatch) -> None:
    import clauses.load.pdf as pdf_loader

    monkeypatch.setattr(pdf_loader, "MAX_INFLATED", 2 * 2**20)
    path = make_pdf(tmp_path / "bomb.pdf", [[Text(72, 700, "Innocent line")]], padding=3 * 2**20)
    assert path.stat().st_size < 20_000
    assert "decompression bomb" in _error(path)
    monkeypatch.setattr(pdf_loader, "MAX_INFLATED", 4 * 2**20)
    assert extract_pdf(path) == "Innocent line\n"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


@pytest.mark.parametrize(
    "objects",
    [
        [b"1 0 R"],  # the catalog itself, met while the document is opened
        [CATALOG, b"2 0 R"],
        [CATALOG, b"3 0 R", b"2 0 R"],
        [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"4 0 R", b"3 0 R"],
    ],
    ids=["root", "self", "chain", "kids"],
)
def test_objects_that_refer_to_themselves_do_not_hang(tmp_path: Path, objects: list[bytes]) -> None:
    """Found by fuzzing: pdfminer follows a reference that points at itself forever."""
    path = tmp_path / "loop.pdf"
    path.write_bytes(pdf_from_objects(objects))
    assert "refers to itself" in _error(path)


@pytest.mark.parametrize(
    "content",
    [b"", b"plain text, not a PDF at all\n", b"PK\x03\x04 a zip file", b"\x89PNG\r\n\x1a\n" + b"\0" * 64],
)
def test_files_that_are_not_pdfs_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(content)
    assert "not a PDF" in _error(path)


def test_truncated_pdf_is_refused(layout_pdf: Path, tmp_path: Path) -> None:
    data = layout_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    _error(path)


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    assert "cannot read" in _error(tmp_path / "absent.pdf")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.binary(max_size=400))
def test_arbitrary_bytes_after_a_pdf_header_raise_only_clauses_error(tmp_path: Path, tail: bytes) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + tail)
    try:
        extract_pdf(path)
    except ClausesError as error:
        assert "\n" not in str(error)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=5000), flip=st.integers(min_value=0, max_value=255))
def test_damaged_real_layout_raises_only_clauses_error(
    layout_pdf: Path, tmp_path: Path, cut: int, flip: int
) -> None:
    data = bytearray(layout_pdf.read_bytes())
    data[cut % len(data)] = flip
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        extract_pdf(path)
    except ClausesError as error:
        assert "\n" not in str(error)


def test_hyphen_joining_is_linear_on_a_line_of_hyphenated_syllables():
    from clauses.load.pdf import LINE_END_HYPHEN

    line = "ab-" * 16_000 + " rest"
    with finishes_within(8):  # every position started a run to the line end: 3 s at 8 KB
        assert LINE_END_HYPHEN.sub(r"\1\2", line) == line
    assert LINE_END_HYPHEN.sub(r"\1\2", "secu-\nrity and Euro-\nAtlantic") == "security and EuroAtlantic"


def test_the_vocabulary_of_compounds_is_linear_on_a_long_word():
    from clauses.load.pdf import COMPOUND

    with finishes_within(8):  # every letter started a run to the word's end: 6 s at 20,000 letters
        assert COMPOUND.findall("a" * 40_000) == []
    assert COMPOUND.findall("a long-term, Euro-Atlantic self-sufficient-ish plan") == [
        "long-term",
        "Euro-Atlantic",
        "self-sufficient-ish",
    ]


@pytest.mark.parametrize(
    ("depth", "fanout", "message"), [(30, 2, "nests drawings over 12 deep"), (11, 2, "draws over 2,000")]
)
def test_nested_and_reused_form_objects_are_bounded(tmp_path, depth, fanout, message):
    path = tmp_path / "forms.pdf"
    path.write_bytes(nested_forms_pdf(depth, fanout))
    with finishes_within(30), pytest.raises(ClausesError, match=f"page 1 {message}"):
        extract_pdf(path)  # 2.9 KB of forms 30 deep was killed at 180 s and 7.7 GB


def test_a_few_nested_forms_are_still_read(tmp_path):
    path = tmp_path / "forms.pdf"
    path.write_bytes(nested_forms_pdf(3, 1))
    assert "Romania will provide demining." in extract_pdf(path)


def test_a_page_of_too_many_characters_is_refused_naming_the_page(tmp_path):
    line = "Romania will provide demining equipment to Ukraine in 2025."
    lines = [Text(20, 830 - i * 1.3, line, size=1) for i in range(600)]
    path = make_pdf(tmp_path / "dense.pdf", [[Text(72, 700, "Agreement between Ukraine and Romania")], lines])
    with finishes_within(30), pytest.raises(ClausesError, match="page 2 holds over 30,000 characters"):
        extract_pdf(path)  # 3,000 tight lines took 83 s


def test_a_pdf_of_too_many_characters_in_all_is_refused(tmp_path, monkeypatch):
    import clauses.load.pdf_bounds as bounds

    monkeypatch.setattr(bounds, "MAX_PDF_CHARS", 2_000)  # the real limit is 2 million: 600 dense pages
    page = paragraph_lines("Romania will provide demining equipment to Ukraine. " * 12, 72, 760)
    path = make_pdf(tmp_path / "long.pdf", [page] * 5)
    with pytest.raises(ClausesError, match="the pages up to 4 hold over 2,000 characters"):
        extract_pdf(path)
