"""Word loader: real DOCX files against their text twins, list numbering built here, hostile packages."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from binary_factories import DOCM_MAIN, abstract, level, make_docx, num, p
from hostile import finishes_within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_load_pdf import markers, word_overlap

import clauses.load.docx as docx_loader
from clauses.errors import ClausesError
from clauses.load.docx import extract_docx
from clauses.load.docx_numbering import format_number

DOCX_ORIGINALS = [
    "ua-ca-2024",
    "ua-dk-2024.ua-version",
    "ua-eu-2024",
    "ua-it-2024.ukrainian",
    "ua-nl-2024.ua-version",
    "ua-ro-2024",
    "ua-us-2024",
]
# Where the twin differs from what Word shows: (twin marker, ours). In ua-ca-2024 one paragraph's list
# instance overrides its level with a bullet (w:lvlOverride/w:lvl); the twin kept the abstract "1.".
TWIN_DEVIATIONS = {"ua-ca-2024": [("1.", "•")]}


@pytest.fixture(scope="module")
def extracted(shared: Path) -> dict[str, str]:
    """Each original Word file read once for the whole module."""
    return {stem: extract_docx(shared / "originals" / f"{stem}.docx") for stem in DOCX_ORIGINALS}


@pytest.mark.parametrize("stem", DOCX_ORIGINALS)
def test_original_gives_the_words_of_its_twin(extracted: dict[str, str], shared: Path, stem: str) -> None:
    twin = (shared / "corpus" / f"{stem}.txt").read_text(encoding="utf-8")
    assert word_overlap(extracted[stem], twin) >= 0.95


@pytest.mark.parametrize("stem", DOCX_ORIGINALS)
def test_original_numbers_paragraphs_like_its_twin(
    extracted: dict[str, str], shared: Path, stem: str
) -> None:
    ours = markers(extracted[stem])
    theirs = markers((shared / "corpus" / f"{stem}.txt").read_text(encoding="utf-8"))
    assert len(ours) == len(theirs)
    differences = [(t, o) for t, o in zip(theirs, ours, strict=True) if t != o]
    assert differences == TWIN_DEVIATIONS.get(stem, [])


# --- numbering built here -------------------------------------------------------------------

LEGAL = abstract(
    0,
    level(0, "decimal", "%1."),
    level(1, "lowerLetter", "(%2)"),
    level(2, "lowerRoman", "%3)"),
    level(3, "decimal", "%1.%2.%4", extra="<w:isLgl/>"),
)
OUTLINE = abstract(1, level(0, "upperRoman", "%1."), level(1, "upperLetter", "%2."))
BULLETS = abstract(2, level(0, "bullet", "\uf0b7"), level(1, "bullet", "o"))
STYLED = abstract(3, level(0, "decimal", "Article %1"))
HEADINGS = abstract(
    4,
    level(0, "decimal", "Chapter %1", extra='<w:pStyle w:val="H1"/>'),
    level(1, "decimal", "%1.%2", extra='<w:pStyle w:val="H2"/>'),
)
RUNNING = abstract(
    5, level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>')
)
NUMBERING = "".join(
    [
        LEGAL,
        OUTLINE,
        BULLETS,
        STYLED,
        HEADINGS,
        RUNNING,
        num(1, 0),
        num(2, 0),  # a second instance of the same list continues its count
        num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
        num(4, 1),
        num(5, 2),
        num(6, 3),
        num(7, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride>'),
        num(8, 4),
        num(9, 5),
    ]
)
STYLES = (
    '<w:style w:type="paragraph" w:styleId="ArticleHeading"><w:pPr><w:numPr><w:numId w:val="6"/>'
    '</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ArticleTitle">'
    '<w:basedOn w:val="ArticleHeading"/></w:style>'
    # H1 names the list only; H2 inherits it and takes its level from the list's pStyle link;
    # H3 inherits the list and states only its level
    '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="H3"><w:basedOn w:val="H1"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
)
BODY = "".join(
    [
        p("Preamble without a number"),
        p("First duty", num=1),
        p("a lettered item", num=1, ilvl=1),
        p("another lettered item", num=1, ilvl=1),
        p("a roman sub-item", num=1, ilvl=2),
        p("a legal-style item", num=1, ilvl=3),
        p("Second duty", num=1),
        p("the letters start again", num=1, ilvl=1),
        p("Third duty from another instance", num=2),
        p("Restarted list", num=3),
        p("Chapter", num=4),
        p("Section", num=4, ilvl=1),
        p("Second chapter", num=4),
        p("Chapter four, by override", num=7),
        p("point", num=5),
        p("sub-point", num=5, ilvl=1),
        p("Scope", style="ArticleHeading"),
        p("Duration", style="ArticleTitle"),
        p("Not numbered although styled", style="ArticleTitle", num=0),
        p("Scope", style="H1"),
        p("Terms", style="H2"),
        p("Other terms", style="H3"),
        p("Duration", style="H1"),
        p("Meaning", style="H2"),
        p("first", num=9),
        p("item", num=9, ilvl=1),
        p("second", num=9),
        p("item, not restarted", num=9, ilvl=1),
        "<w:tbl><w:tr><w:tc>" + p("Left cell") + "</w:tc><w:tc>" + p("Right cell") + "</w:tc></w:tr></w:tbl>",
        "<w:p><w:r><w:t>Signed in Kyiv\u00a0on\u00a01 May</w:t><w:br/><w:t>For one side</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>two</w:t><w:tab/><w:t>words</w:t></w:r></w:p>",
        p(""),
    ]
)
EXPECTED = [
    "Preamble without a number",
    "1. First duty",
    "(a) a lettered item",
    "(b) another lettered item",
    "i) a roman sub-item",
    "1.2.1 a legal-style item",
    "2. Second duty",
    "(a) the letters start again",
    "3. Third duty from another instance",
    "1. Restarted list",
    "I. Chapter",
    "A. Section",
    "II. Second chapter",
    "IV. Chapter four, by override",
    "• point",
    "• sub-point",
    "Article 1 Scope",
    "Article 2 Duration",
    "Not numbered although styled",
    "Chapter 1 Scope",
    "1.1 Terms",
    "1.2 Other terms",
    "Chapter 2 Duration",
    "2.1 Meaning",
    "1. first",
    "a) item",
    "2. second",
    "b) item, not restarted",
    "Left cell: Right cell",
    "Signed in Kyiv on 1 May",
    "For one side",
    "two words",
]


@pytest.fixture(scope="module")
def numbered_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    return make_docx(folder / "numbered.docx", BODY, numbering=NUMBERING, styles=STYLES)


def test_word_numbering_is_rendered_as_word_shows_it(numbered_docx: Path) -> None:
    assert extract_docx(numbered_docx).rstrip("\n").split("\n\n") == EXPECTED


def test_document_without_numbering_part_reads_plainly(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plain.docx", p("One") + p("Two", num=1))
    assert extract_docx(path) == "One\n\nTwo\n"


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "upperRoman", "IV"),
        (1994, "lowerRoman", "mcmxciv"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (7, "decimalZero", "07"),
        (5, "none", ""),
        (12, "ordinalText", "12"),
    ],
)
def test_number_formats(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_agree_in_both_cases(value: int) -> None:
    lower = format_number(value, "lowerRoman")
    assert format_number(value, "upperRoman") == lower.upper()
    assert set(lower) <= set("mdclxvi")


# --- hostile and broken packages ------------------------------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(ClausesError) as caught:
        extract_docx(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message


def _never_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open the package fail the test: bombs must be refused before."""
    from docx.opc.package import OpcPackage

    def refuse(*args: object) -> None:
        raise AssertionError("the package was opened")

    monkeypatch.setattr(OpcPackage, "open", refuse)


def test_zip_bomb_member_is_refused_before_unpacking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = b"<w:t>" + b"\0" * (16 * 1024 * 1024)
    path = make_docx(tmp_path / "bomb.docx", p("Looks harmless"), extra={"word/media/filler.xml": bomb})
    _never_unpacked(monkeypatch)
    assert "zip bomb" in _error(path)


def test_zip_unpacking_past_the_total_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_loader, "MAX_UNPACKED", 2 * 1024 * 1024)
    noise = {f"word/media/noise{i}.bin": os.urandom(800 * 1024) for i in range(3)}  # incompressible
    path = make_docx(tmp_path / "big.docx", p("Text"), extra=noise)
    _never_unpacked(monkeypatch)
    assert "zip bomb" in _error(path)


def test_macro_enabled_document_is_read_as_text_only(tmp_path: Path) -> None:
    macro = b'Attribute VB_Name = "AutoOpen"\nSub AutoOpen()\nShell "calc.exe"\nEnd Sub\n'
    path = make_docx(
        tmp_path / "letter.docm",
        p("Dear partners, the text is all we read."),
        main_type=DOCM_MAIN,
        extra={"word/vbaProject.bin": macro},
    )
    assert extract_docx(path) == "Dear partners, the text is all we read.\n"


def test_xml_entity_bomb_is_not_expanded(tmp_path: Path) -> None:
    entities = ['<!ENTITY e0 "lol">'] + [f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)]
    prolog = f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(entities)}]>'
    path = make_docx(tmp_path / "laughs.docx", p("Before") + p("&e9;") + p("After"), prolog=prolog)
    try:
        text = extract_docx(path)
    except ClausesError as error:
        assert "\n" not in str(error)
    else:
        assert "lol" not in text and len(text) < 1000


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "not a Word document"),
        (b"just some text\n", "not a Word document"),
        (b"%PDF-1.7\n", "not a Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "encrypted or legacy .doc"),
    ],
)
def test_files_that_are_not_word_documents_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(content)
    assert expected in _error(path)


def test_zip_without_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    assert "not a Word document" in _error(path)


def test_broken_document_xml_is_refused(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "broken.docx", "<w:p><w:r><w:t>unclosed")
    assert "not a readable Word document" in _error(path)


def test_truncated_docx_is_refused(numbered_docx: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(numbered_docx.read_bytes()[:900])
    _error(path)


def test_empty_document_is_refused(tmp_path: Path) -> None:
    assert "no text" in _error(make_docx(tmp_path / "empty.docx", p("")))


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    assert "cannot read" in _error(tmp_path / "absent.docx")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0, max_value=10**6), value=st.integers(min_value=0, max_value=255))
def test_damaged_package_raises_only_clauses_error(
    numbered_docx: Path, tmp_path: Path, position: int, value: int
) -> None:
    data = bytearray(numbered_docx.read_bytes())
    data[position % len(data)] = value
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    try:
        extract_docx(path)
    except ClausesError as error:
        assert "\n" not in str(error)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=60))
def test_any_paragraph_text_comes_back_with_spaces_normalised(tmp_path: Path, text: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    path = make_docx(tmp_path / "any.docx", p(escaped) + p("end"))
    expected = " ".join(text.split())
    assert extract_docx(path).rstrip("\n").split("\n\n") == ([expected] if expected else []) + ["end"]


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in cells) + "</w:tr>"


def test_a_table_rows_first_cell_labels_its_other_cells(tmp_path):
    table = (
        "<w:tbl>"
        + _row(p("Poland"), p("Will deliver two frigates.") + p("Trains crews."))
        + (_row(p("Norway"), p("Funds the demining of ports.")))
        + "</w:tbl>"
    )
    path = make_docx(tmp_path / "table.docx", p("Contributions by partner") + table)
    assert extract_docx(path).split("\n\n") == [
        "Contributions by partner",
        "Poland: Will deliver two frigates.",
        "Poland: Trains crews.",
        "Norway: Funds the demining of ports.\n",
    ]


def test_a_long_first_cell_is_text_of_its_own(tmp_path):
    left = "Сторони обмінюватимуться інформацією про загрози на морі щомісяця та за потреби частіше."
    right = "The Participants will exchange information on maritime threats every month, and more often."
    path = make_docx(tmp_path / "bilingual.docx", "<w:tbl>" + _row(p(left), p(right)) + "</w:tbl>")
    assert extract_docx(path) == f"{left}\n\n{right}\n"


def test_c1_controls_in_word_text_are_removed(tmp_path):
    from clauses.load import load

    body = p("Agreement between Ukraine and Romania") + p(
        "1. Romania will &#x9b;2J&#x9d;0;owned&#x9c;provide demining."
    )
    agreement = load(make_docx(tmp_path / "a.docx", body))
    assert agreement.clauses[0].text.endswith("Romania will provide demining.")


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerLetter", "decimal"])
def test_a_huge_list_start_is_bounded(tmp_path, fmt):
    numbering = abstract(1, level(0, fmt, "%1.", start=99999999999)) + num(1, 1)
    body = p("Agreement between Ukraine and Romania") + p("Romania will provide demining.", num=1)
    path = make_docx(tmp_path / "start.docx", body, numbering=numbering)
    with finishes_within(15):  # roman numerals: 60 s and 6.9 GB; letters: OverflowError
        text = extract_docx(path)
    marker = text.split("\n\n")[1].split()[0]
    assert len(marker) <= 32_767 // 26 + 2 and text.endswith("Romania will provide demining.\n")


def _hidden_run(text: str) -> str:
    return f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_hidden_word_text_is_skipped_and_said_with_explain(tmp_path, runner):
    from clauses.cli import cli
    from clauses.load import load

    hidden = (
        '<w:p><w:r><w:t xml:space="preserve">2. Romania </w:t></w:r>'
        + _hidden_run("will deliver 500 fighter jets and ")
        + '<w:r><w:t xml:space="preserve">may consider further support.</w:t></w:r></w:p>'
    )
    body = p("Agreement between Ukraine and Romania") + p("1. Romania will provide demining.") + hidden
    path = make_docx(tmp_path / "hidden.docx", body)
    agreement = load(path)
    assert agreement.clauses[-1].text.endswith("Romania may consider further support.")
    assert agreement.notes == ["hidden Word text skipped (1 runs): 'will deliver 500 fighter jets and'"]
    result = runner.invoke(cli, ["analyze", str(path), "--explain"])
    assert result.exit_code == 0, result.output
    assert "hidden Word text skipped" in result.stderr and "fighter jets" not in result.stdout


def _with_chunk(path, body: str, name: str, content_type: str, data: bytes):
    """A Word file whose body embeds another document through w:altChunk."""
    make_docx(
        path,
        body
        + '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rc1"/>',
    )
    with zipfile.ZipFile(path) as archive:
        parts = {item.filename: archive.read(item) for item in archive.infolist()}
    rel = (
        '<Relationship Id="rc1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"'
        f' Target="{name}"/></Relationships>'
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", rel.encode()
    )
    override = f'<Override PartName="/word/{name}" ContentType="{content_type}"/></Types>'
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", override.encode())
    parts[f"word/{name}"] = data
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in parts.items():
            archive.writestr(member, content)
    return path


def test_embedded_text_is_read_in_place(tmp_path):
    from clauses.load import load

    body = p("Agreement between Ukraine and Romania") + p("1. Romania will provide demining.")
    path = _with_chunk(
        tmp_path / "chunk.docx", body, "extra.txt", "text/plain", b"2. Romania will train pilots.\n"
    )
    agreement = load(path)
    assert agreement.clauses[-1].text.endswith("Romania will train pilots.")
    assert agreement.notes == ["embedded document /word/extra.txt (text/plain) read in place"]


def test_embedded_content_that_cannot_be_read_is_named(tmp_path):
    from clauses.load import load

    body = p("Agreement between Ukraine and Romania") + p("1. Romania will provide demining.")
    path = _with_chunk(tmp_path / "chunk.docx", body, "extra.mht", "message/rfc822", b"MIME-Version: 1.0\n")
    assert load(path).notes == [
        "embedded document /word/extra.mht (message/rfc822) not read: save it into the document"
    ]


def test_a_word_file_whose_text_passes_the_limit_is_refused(tmp_path, monkeypatch):
    from clauses.load import load
    from clauses.load import text as text_limits

    monkeypatch.setattr(text_limits, "MAX_TEXT_CHARS", 1_000)  # the real limit is 20 MB of text
    body = p("Agreement between Ukraine and Romania") + p("Romania will provide demining. " * 40)
    with pytest.raises(ClausesError, match="its text is 1,2\\d\\d characters, over the 1,000 limit"):
        load(make_docx(tmp_path / "big.docx", body))
