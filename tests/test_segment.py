"""Segmentation: the document's own numbering as paths, headings as context, no text lost."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clauses.errors import ClausesError
from clauses.models import Clause
from clauses.segment import Segmentation, segment, segment_with_rest

MARKER_PREFIX = re.compile(r"^(?:[#*•o\-–−·]|\d{1,3}[.)]|\(\w{1,6}\)|\w{1,7}[.)]|\[\d+\]|\d{1,2}|\s)*")
NUMBERED = re.compile(r"^(\d{1,3})\.\s")


def non_space(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def covered(result: Segmentation) -> Counter[str]:
    return non_space("".join(c.text for c in result.clauses) + "".join(result.rest))


def last_component(path: str) -> str:
    return path.split("~")[0].rsplit(".", 1)[-1]


def by_path(clauses: list[Clause]) -> dict[str, Clause]:
    return {c.path: c for c in clauses}


# --- every real agreement ------------------------------------------------------------


def corpus(shared: Path) -> list[tuple[str, str, Segmentation]]:
    files = sorted((shared / "corpus").glob("*.txt"))
    assert len(files) >= 30
    return [(f.stem, text, segment_with_rest(text, f.stem)) for f in files for text in [f.read_text("utf-8")]]


@pytest.fixture(scope="module")
def segmented(shared: Path) -> list[tuple[str, str, Segmentation]]:
    return corpus(shared)


def walk(name: str, text: str, result: Segmentation) -> list[tuple[str, Clause | None]]:
    """Pair each non-empty line with its clause, or None for a whole heading/signature line of the rest."""
    clauses = iter(result.clauses)
    rest_lines = Counter(result.rest)
    pairs: list[tuple[str, Clause | None]] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if rest_lines[line] and not (line.endswith(".") and NUMBERED.match(line)):
            rest_lines[line] -= 1
            pairs.append((line, None))
            continue
        clause = next(clauses, None)
        assert clause is not None, f"{name}: no clause for line {line[:60]!r}"
        assert line.endswith(clause.text), f"{name}: {clause.path} is not the line {line[:60]!r}"
        prefix = line[: len(line) - len(clause.text)]
        assert MARKER_PREFIX.fullmatch(prefix), f"{name}: {clause.path} lost {prefix!r}"
        pairs.append((line, clause))
    assert next(clauses, None) is None, f"{name}: more clauses than lines"
    return pairs


def test_every_line_is_one_clause_or_a_heading_or_signature(segmented) -> None:
    """Lines map in order onto clauses one to one: none merged, split, lost or duplicated."""
    for name, text, result in segmented:
        pairs = walk(name, text, result)
        assert sum(clause is not None for _, clause in pairs) == len(result.clauses)


def test_ids_are_unique_and_made_of_the_path(segmented) -> None:
    for name, _, result in segmented:
        ids = [c.id for c in result.clauses]
        assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
        assert all(c.id == f"{name}:{c.path}" for c in result.clauses), name
        assert all(c.text.strip() for c in result.clauses), f"{name}: empty clause"


def test_clause_text_and_rest_cover_the_body_exactly(segmented) -> None:
    for name, text, result in segmented:
        assert covered(result) == non_space(text), name


def test_numbered_paragraphs_keep_their_number(segmented) -> None:
    """A clause "N. ..." ends its path with N; a heading "N. Topic" puts N in the paths below it
    (or, where the topic line is numbered with its paragraphs, the next paragraph is N+1)."""
    for name, text, result in segmented:
        pairs = walk(name, text, result)
        for index, (line, clause) in enumerate(pairs):
            found = NUMBERED.match(line)
            if not found or re.match(r"^\d+\.\s+\(", line):
                continue
            number = found.group(1)
            if clause is not None:
                assert last_component(clause.path) == number, f"{name}: {clause.path} for {line[:40]!r}"
                continue
            below = next((c for _, c in pairs[index + 1 :] if c is not None), None)
            if below is None or line in ("For Ukraine:",):
                continue
            components = below.path.split("~")[0].split(".")
            assert number in components or last_component(below.path) == str(int(number) + 1), (
                f"{name}: heading {line[:40]!r} then {below.path}"
            )


def test_parents_exist_and_precede(segmented) -> None:
    for name, _, result in segmented:
        seen: set[str] = set()
        for clause in result.clauses:
            assert clause.parent is None or clause.parent in seen, f"{name}: {clause.path}"
            seen.add(clause.id)


def test_gold_paragraphs_are_single_clauses_and_unlabelled_lines_headings(shared: Path, segmented) -> None:
    gold = [json.loads(line) for line in (shared / "gold" / "dev.jsonl").read_text("utf-8").splitlines()]
    results = {name: (text, result) for name, text, result in segmented}
    checked = 0
    for doc in {row["doc"] for row in gold} & results.keys():
        text, result = results[doc]
        rows = {row["n"]: row["text"] for row in gold if row["doc"] == doc}
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for n in range(min(rows), max(rows) + 1):
            holders = [c for c in result.clauses if c.text and lines[n].endswith(c.text)]
            holders = [c for c in holders if len(c.text) > 0.8 * len(lines[n])]
            if n in rows:
                assert len(holders) == 1, f"{doc} line {n} is {len(holders)} clauses"
                checked += 1
            elif lines[n] != "and":  # a stray connector line is kept as a clause
                assert lines[n] in result.rest, f"{doc} line {n} should be a heading"
    assert checked > 300


def test_whole_corpus_segments_in_one_pass(segmented) -> None:
    total = sum(len(result.clauses) for _, _, result in segmented)
    assert total > 3000


# --- golden expectations on four real agreements ---------------------------------------------


def agreement(shared: Path, name: str) -> Segmentation:
    return segment_with_rest((shared / "corpus" / f"{name}.txt").read_text("utf-8"), name)


def assert_starts(clauses: dict[str, Clause], expected: dict[str, str]) -> None:
    for path, start in expected.items():
        assert path in clauses, f"no clause {path}"
        assert clauses[path].text.startswith(start), f"{path}: {clauses[path].text[:60]!r}"


def test_golden_uk(shared: Path) -> None:
    result = agreement(shared, "ua-gb-2024")
    clauses = by_path(result.clauses)
    assert_starts(
        clauses,
        {
            "preamble.1": "The United Kingdom",
            "preamble.2": "determined to end forever",
            "I.1": "This Agreement is intended",
            "I.3.•1": "provision of comprehensive assistance",
            "II.5": "Through this Agreement:",
            "II.5.•3.•2": "support to Ukraine’s development",
            "II.1~2": "The UK will jointly lead",
            "VIII.3": "The UK undertakes that",
        },
    )
    assert clauses["II.5.•3.•2"].parent == "ua-gb-2024:II.5.•3"
    assert clauses["II.5.•1"].parent == "ua-gb-2024:II.5"
    assert clauses["II.1~2"].heading[1:] == ["Part II. Defence and Security", "Maritime Security"]
    assert clauses["I.1"].heading[0].startswith("AGREEMENT ON SECURITY CO-OPERATION BETWEEN")
    final = [c for c in result.clauses if c.text.startswith("Signed in Kyiv")]
    assert len(final) == 1 and final[0] is result.clauses[-1]
    assert "Rishi Sunak" in result.rest and "Part II. Defence and Security" in result.rest


def test_golden_romania(shared: Path) -> None:
    clauses = by_path(agreement(shared, "ua-ro-2024").clauses)
    assert_starts(
        clauses,
        {
            "preamble.1": "Ukraine and Romania",
            "1.p1": "This Agreement is intended",
            "1.3": "promote accountability",
            "6.2": "From the beginning of",
            "8.D.1": "The Participants will work together",
            "8.E.4": "will cooperate to counter",
            "8.F.p1": "The Participants intend to further",
            "16.7": "Any difference in the interpretation",
        },
    )
    assert clauses["1.3"].parent == "ua-ro-2024:1.p1"
    assert clauses["8.E.4"].parent == "ua-ro-2024:8.E.3"
    assert clauses["8.E.8"].parent is None
    trail = clauses["6.2"].heading[-2:]
    assert trail[0] == "Paragraph 6. Defence cooperation"
    assert trail[1].startswith("1. Ensuring a sustainable force")
    assert clauses["4.1~2"].heading[-1] == "NATO"


def test_golden_italy_in_ukrainian(shared: Path) -> None:
    clauses = by_path(agreement(shared, "ua-it-2024.ukrainian").clauses)
    assert_starts(
        clauses,
        {
            "preamble.1": "Україна та Італія",
            "Article 1.1": "Учасники нагадують",
            "Article 3.p1": "Учасники сприятимуть",
            "Article 6.a.p1": "Учасники посилюватимуть",
            "Article 6.c.p1": "Учасники будуть:",
            "Article 6.c.p1.•2": "сприяти розробці",
            "Article 7.б.2": "Італія сприятиме",
            "Article 20.p1": "До цієї Угоди",
        },
    )
    assert clauses["Article 7.б.2"].heading[-3:][0].startswith("Частина II")
    assert clauses["Article 6.c.p1.•1"].parent == "ua-it-2024.ukrainian:Article 6.c.p1"


def test_golden_united_states(shared: Path) -> None:
    result = agreement(shared, "ua-us-2024")
    clauses = by_path(result.clauses)
    assert_starts(
        clauses,
        {
            "preamble.13": "Have agreed to the following:",
            "Article I.2": "Cooperation between the Parties is enhanced",
            "Article II.3.j": "Other cooperation as may",
            "Article IV.p3.•1": "Strengthening Ukrainian justice",
            "Article XI.p5": "Done at Puglia",
            "Annex.p1": "Pursuant to Article VI",
            "Annex.D.p3.•3": "Supporting future EEUM",
        },
    )
    assert clauses["Article II.3.j"].parent == "ua-us-2024:Article II.3"
    assert clauses["Annex.A.p1"].heading[1] == "Annex to the Bilateral Security Agreement"
    assert "President of Ukraine" not in " ".join(c.text for c in result.clauses)


# --- constructs, in texts of our own ---------------------------------------------------------


def paths(text: str, **kwargs: bool) -> dict[str, str]:
    return {c.path: c.text for c in segment(text, "t", **kwargs)}


def test_english_parts_articles_and_lists() -> None:
    text = """Treaty Between Two Friends

Preamble

The two friends, called the Sides:

wishing to stay friends;

Have agreed as follows:

Part I. General Matters

Article 1. Purpose

1. The Sides will meet every year.

2. The Sides will share the following:

(a) news about the weather;

(b) recipes, including:

(i) soups;

(ii) cakes; and

(c) books.

Article 2: Duration

This Treaty lasts five years.
"""
    result = segment(text, "t")
    got = by_path(result)
    assert list(got) == [
        "preamble.1", "preamble.2", "preamble.3", "Article 1.1", "Article 1.2", "Article 1.2.a",
        "Article 1.2.b", "Article 1.2.b.i", "Article 1.2.b.ii", "Article 1.2.c", "Article 2.p1",
    ]  # fmt: skip
    assert got["Article 1.2.b.ii"].parent == "t:Article 1.2.b"
    assert got["Article 1.2.c"].text == "books."
    assert got["Article 1.1"].heading == [
        "Treaty Between Two Friends", "Part I. General Matters", "Article 1. Purpose",
    ]  # fmt: skip


def test_letter_after_h_is_a_letter_and_roman_after_nothing() -> None:
    text = "Intro line here:\n\n(g) seven;\n\n(h) eight;\n\n(i) nine;\n\n(j) ten.\n"
    assert list(paths(text)) == ["preamble.1", "g", "h", "i", "j"]
    text = "1. Lists follow:\n\n(i) first;\n\n(ii) second.\n"
    assert list(paths(text)) == ["1", "1.i", "1.ii"]


def test_ukrainian_and_russian_headings() -> None:
    text = """Розділ II. Співпраця

Стаття 3. Оборона

1. Сторони співпрацюють у сфері оборони.

Пункт 4. Навчання

Сторони навчають військових.

Статья 5. Санкции

а) первое положение;

б) второе положение.
"""
    got = by_path(segment(text, "t"))
    assert list(got) == ["Article 3.1", "Article 3.4.p1", "Article 5.a", "Article 5.б"]
    assert got["Article 3.1"].heading == ["Розділ II. Співпраця", "Стаття 3. Оборона"]
    assert got["Article 5.a"].heading == ["Розділ II. Співпраця", "Статья 5. Санкции"]


def test_roman_and_letter_headings_and_restarting_numbers() -> None:
    text = """I. Defence

Air Defence

1. Systems will be delivered.

Sea Power

1. Ships will be repaired.

II. Economy

A. Trade

1. Tariffs will fall.

B. Energy

1. Grids will be rebuilt.
"""
    got = paths(text)
    assert list(got) == ["I.1", "I.1~2", "II.A.1", "II.B.1"]


def test_a_numbered_preamble_heading_keeps_recitals_as_preamble() -> None:
    text = "I. Preamble\n\nRecalling the past,\n\nHave agreed:\n\nII. Aims\n\n1. Peace will be kept.\n"
    assert list(paths(text)) == ["preamble.1", "preamble.2", "II.1"]


def test_numbered_topic_lines_are_headings_and_signature_is_skipped() -> None:
    text = """Paragraph 6. Defence

1. Building a lasting force

2. The first side will train soldiers.

3. The second side will host them.

Signed in Kyiv on 1 May 2024 in duplicate.

For the First Side:

Jane Doe

Prime Minister
"""
    result = segment_with_rest(text, "t")
    assert [c.path for c in result.clauses] == ["6.2", "6.3", "6.p1"]
    assert result.clauses[0].heading == ["Paragraph 6. Defence", "1. Building a lasting force"]
    assert "Jane Doe" in result.rest and "Prime Minister" in result.rest


def test_bullets_get_positions_under_their_introducer() -> None:
    text = "Section 2. Help\n\nThe sides will:\n\n• meet;\n\n- talk;\n\n* write.\n\nThey agree.\n"
    got = by_path(segment(text, "t"))
    assert list(got) == ["2.p1", "2.p1.•1", "2.p1.•1.•1", "2.p1.•1.•1.•1", "2.p2"]
    assert got["2.p1.•1"].parent == "t:2.p1"


def test_markdown_digest_format() -> None:
    text = """# A Digest Of The Pact

## Part I. Aims

**1.** The sides **will** meet.

- the first aim;
- the second aim.

## Part II. Money

1. Money will flow.

### A. Grants

Grants will be paid.
"""
    result = segment_with_rest(text, "t")
    got = by_path(result.clauses)
    assert list(got) == ["I.1", "I.1.•1", "I.1.•2", "II.1", "II.A.p1"]
    assert got["I.1"].text == "The sides will meet."
    assert got["II.1"].heading == ["A Digest Of The Pact", "Part II. Money"]
    assert covered(result) == non_space(text)


def test_footnotes_are_clauses() -> None:
    text = "Scope\n\n1. The pledge¹ stands.\n\n1 Counted in euros.\n\n2. It lasts.\n\n[2] A second note.\n"
    got = paths(text)
    assert got == {
        "1": "The pledge¹ stands.",
        "fn1": "Counted in euros.",
        "2": "It lasts.",
        "fn2": "A second note.",
    }


def test_duplicate_numbers_are_disambiguated_in_order() -> None:
    text = "1. One.\n\n1. One again.\n\n1. And again.\n"
    assert list(paths(text)) == ["1", "1~2", "1~3"]


def test_bad_agreement_id_and_non_text_raise_clauses_error() -> None:
    with pytest.raises(ClausesError):
        segment("text", "has space")
    with pytest.raises(ClausesError):
        segment(b"bytes", "ok")  # type: ignore[arg-type]


def test_empty_text_gives_no_clauses() -> None:
    assert segment("", "t") == [] and segment("\n\n  \n", "t") == []


# --- prose -------------------------------------------------------------------------------


def test_prose_paths_headings_and_attributed_quotes() -> None:
    text = """Leaders Talk About Drones

The two presidents spoke on Monday. They agreed on a plan.

Details

We talked about air defence. It went well

– the president said.
"""
    result = segment_with_rest(text, "n", prose=True)
    got = by_path(result.clauses)
    assert list(got) == ["p1.s1", "p1.s2", "p2.s1", "p3.s1"]
    assert got["p2.s1"].text == "We talked about air defence. It went well"
    assert got["p2.s1"].heading == ["Leaders Talk About Drones", "Details"]
    assert covered(result) == non_space(text)


def test_seeds_segment_as_prose(shared: Path) -> None:
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        result = segment_with_rest(text, "seed", prose=True)
        assert result.clauses, path.name
        assert covered(result) == non_space(text), path.name
        assert len({c.id for c in result.clauses}) == len(result.clauses)


# --- invariants over arbitrary input ----------------------------------------------------------

LINE_PARTS = st.sampled_from(
    ["1.", "2.", "(a)", "(i)", "b)", "IV.", "D.", "•", "-", "o", "[1]", "Part II.", "Article 3:", "Стаття 4.",
     "## ", "**", "Signed in Kyiv.", "For Ukraine:", "¹", "1", "Annex", "I", ":"]
)  # fmt: skip
WORDS = st.text(min_size=0, max_size=30)
LINES = st.lists(st.tuples(st.lists(LINE_PARTS, max_size=2), WORDS), max_size=25).map(
    lambda rows: "\n\n".join(" ".join(parts) + " " + words for parts, words in rows)
)


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(st.text(), LINES), prose=st.booleans())
def test_nothing_lost_nothing_duplicated_for_any_text(text: str, prose: bool) -> None:
    try:
        result = segment_with_rest(text, "fuzz", prose=prose)
    except ClausesError:
        return
    assert covered(result) == non_space(text)
    ids = [c.id for c in result.clauses]
    assert len(ids) == len(set(ids))
    assert all(c.text for c in result.clauses)


# --- statements: wrapped lines, numbered parts, readable paths ------------------------------------


def test_a_wrapped_line_opening_with_a_parenthesis_stays_in_its_sentence() -> None:
    text = (
        "Third, we will launch the Extraordinary Revenue Acceleration\n"
        "(ERA) Loans for Ukraine before the end of the year.\n"
        "(a) A list item keeps its own line.\n"
        "(IAEA) inspectors will stay at the plant.\n"
    )
    result = segment_with_rest(text, "s")
    assert [c.text for c in result.clauses][:2] == [
        "Third, we will launch the Extraordinary Revenue Acceleration (ERA) Loans for Ukraine before the end "
        "of the year.",
        "A list item keeps its own line.",
    ]
    assert result.clauses[2].text == "(IAEA) inspectors will stay at the plant."  # after a full stop: its own
    assert covered(result) == non_space(text)


def test_statement_paths_follow_its_numbered_parts_in_cyrillic_roman_numerals() -> None:
    text = (
        "Спільна заява\n\nІ. Безпека\n\nМи продовжимо постачання ППО. Ми навчатимемо пілотів.\n\n"
        "Партнери домовилися про спільне виробництво.\n\nІІ. Економіка\n\nМи підтримаємо відновлення енергетики.\n"
    )
    got = by_path(segment(text, "uk", prose=True))
    assert list(got) == ["I.p1.s1", "I.p1.s2", "I.p2.s1", "II.p1.s1"]
    assert got["II.p1.s1"].heading == ["Спільна заява", "ІІ. Економіка"]


def test_statement_points_are_numbered_as_the_text_numbers_them() -> None:
    text = (
        "1. We, the ministers, met today. We condemn the strikes.\n\n"
        "2. We will deliver more interceptors.\n\n"
        "- Each delivery is reported to the coalition.\n"
    )
    result = segment_with_rest(text, "en", prose=True)
    got = by_path(result.clauses)
    assert list(got) == ["1.s1", "1.s2", "2.s1", "p1.s1"]
    assert got["p1.s1"].text == "Each delivery is reported to the coalition."  # a bullet is markup
    assert covered(result) == non_space(text)


def test_russian_news_sentences_in_reading_order() -> None:
    text = "Латвия передаст Украине гаубицы. Об этом заявил министр.\n\nПоставки начнутся в марте.\n"
    assert [c.path for c in segment(text, "ru", prose=True)] == ["p1.s1", "p1.s2", "p2.s1"]
