"""``clauses.diff`` and ``clauses diff``: alignment, change kinds, meaning of changes, real version pairs."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from diff_helpers import agreement_from_text, corpus_agreement, rough_strength
from hypothesis import given, settings
from hypothesis import strategies as st

from clauses.cli import cli
from clauses.diff import AgreementDiff, Change, ChangeKind, diff, redline
from clauses.models import Agreement, Clause, Strength

DIFF_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "diff"


def fixture_pair() -> tuple[Agreement, Agreement]:
    draft = agreement_from_text((DIFF_FIXTURES / "draft.txt").read_text(encoding="utf-8"), "draft")
    final = agreement_from_text((DIFF_FIXTURES / "final.txt").read_text(encoding="utf-8"), "final")
    return draft, final


def only(result: AgreementDiff, kind: str) -> list[Change]:
    return [c for c in result.changes if c.kind == kind]


def redline_text(change: Change, op: str) -> str:
    return "|".join(part.text.strip() for part in change.redline if part.op == op)


def agreement(agreement_id: str, items: list[tuple[str, str]]) -> Agreement:
    """An agreement from (path, text) pairs, built straight from the models."""
    clauses = [Clause(id=f"{agreement_id}:{path}", path=path, text=text) for path, text in items]
    return Agreement(id=agreement_id, title=agreement_id, clauses=clauses)


# --- library: every change kind on a hand-made draft and final ------------------------------------


def test_every_kind_found_on_the_fixture_pair():
    result = diff(*fixture_pair())
    kinds = {c.kind.value: (c.old, c.new) for c in result.changes if c.kind != "unchanged"}
    assert kinds["moved"] == (["draft:1.9"], ["final:0.4"])
    assert kinds["split"] == (["draft:0.4"], ["final:0.5", "final:0.6"])
    assert kinds["merged"] == (["draft:1.6", "draft:1.7"], ["final:1.8"])
    assert kinds["removed"] == (["draft:1.8"], [])
    assert kinds["added"] == ([], ["final:1.9"])
    assert kinds["renumbered"] == (["draft:1.5"], ["final:1.7"])
    assert [c.old for c in only(result, "modified")] == [["draft:0.1"], ["draft:0.2"], ["draft:0.3"]]
    assert sum(result.summary.kinds.values()) == len(result.changes)


def test_strength_numbers_and_redline_of_modified_clauses():
    result = diff(*fixture_pair())
    weakened, strengthened, deadline = only(result, "modified")
    assert (weakened.strength_change, weakened.strength_from, weakened.strength_to) == (
        "weakened",
        Strength.FIRM,
        Strength.INTENT,
    )
    assert [(n.old, n.new) for n in weakened.numbers_changed] == [("NOK 5 billion", "NOK 3 billion")]
    assert (strengthened.strength_change, strengthened.strength_to) == ("strengthened", Strength.FIRM)
    assert [(n.old, n.new) for n in deadline.numbers_changed] == [("24 hours", "48 hours")]
    assert deadline.strength_change is None
    assert redline_text(deadline, "delete") == "24" and redline_text(deadline, "insert") == "48"
    assert [s.new for s in result.summary.weakened] == [["final:0.1"]]
    assert [s.new for s in result.summary.strengthened] == [["final:0.2"]]


def test_redline_rebuilds_both_texts():
    old, new = "Norway will provide EUR 5 million.", "Norway intends to provide EUR 7 million in 2025."
    ops = redline(old, new)
    assert "".join(o.text for o in ops if o.op != "insert") == old
    assert "".join(o.text for o in ops if o.op != "delete") == new
    assert [o.text for o in ops if o.op == "delete"] == ["will", "5"]


def test_rewritten_stretch_is_one_deletion_and_one_insertion():
    old = "Norway will provide air defence systems to Ukraine in 2025 worth NOK 5 billion."
    new = "Norway intends to deliver modern air defence to Kyiv during 2025, worth NOK 3 billion."
    ops = redline(old, new)
    first_edit = [o.op for o in ops][: ops.index(next(o for o in ops if o.text.strip() == "2025")) + 1]
    assert first_edit == ["equal", "delete", "insert", "equal"]  # no "air defence" confetti inside
    assert "modern air defence" in ops[2].text
    assert redline_text_of(ops, "delete").endswith("5") and redline_text_of(ops, "insert").endswith("3")


def redline_text_of(ops, op: str) -> str:
    return "|".join(part.text.strip() for part in ops if part.op == op)


OLD_WORDS = st.lists(
    st.sampled_from("Norway will shall may fund train pilots in 2025 the of".split()), min_size=1
)
NEW_WORDS = st.lists(
    st.sampled_from("Norway will intends to fund train pilots in 2026 the a".split()), min_size=1
)


@settings(max_examples=80, deadline=None)
@given(OLD_WORDS, NEW_WORDS)
def test_spaced_redline_rebuilds_both_texts_and_keeps_words_apart(before, after):
    from clauses.diff.words import spaced

    old, new = "Today " + " ".join(before) + " now.", "Today " + " ".join(after) + " now."
    shown = spaced(redline(old, new))
    for ops in (redline(old, new), shown):
        assert "".join(o.text for o in ops if o.op != "insert") == old
        assert "".join(o.text for o in ops if o.op != "delete") == new
    for a, b in zip(shown, shown[1:], strict=False):
        if (a.op, b.op) == ("delete", "insert"):
            assert a.text[-1].isspace() or b.text[0].isspace(), shown


def test_obligor_and_category_changes():
    from clauses.models import CategoryLabel

    old = agreement("a", [("1", "Norway will fund the training of pilots.")])
    new = agreement("b", [("1", "Norway and Sweden will fund the training of pilots.")])
    old.clauses[0].obligors = ["NO"]
    old.clauses[0].categories = [CategoryLabel(id="training", score=0.9)]
    new.clauses[0].obligors = ["NO", "SE"]
    new.clauses[0].categories = [CategoryLabel(id="air-defense", score=0.8)]
    change = diff(old, new).changes[0]
    assert change.obligors_change is not None and change.obligors_change.new == ["NO", "SE"]
    assert (change.categories.gained, change.categories.lost) == (["air-defense"], ["training"])
    assert diff(old, new).summary.categories == {"air-defense": 1, "training": 1}


def test_whole_document_renumbering_is_one_fact():
    texts = [f"Clause about topic number {word} and its many details." for word in "abcdefghij"]
    old = agreement("a", [(str(k + 1), text) for k, text in enumerate(texts)])
    new = agreement("b", [("1", "A new first article inserted above the rest.")])
    new.clauses += agreement("b", [(str(k + 2), text) for k, text in enumerate(texts)]).clauses
    result = diff(old, new)
    assert result.summary.kinds["added"] == 1
    assert result.summary.kinds["renumbered"] == 0
    assert result.summary.renumbering is not None
    assert (result.summary.renumbering.count, result.summary.renumbering.pattern) == (10, "offset")
    assert result.summary.renumbering.offsets == {"+1": 10}


def test_typography_and_list_markers_are_not_changes():
    old = agreement("a", [("1", "1. Denmark’s fund – EUR 8.5 billion  in total.")])
    new = agreement("b", [("1", "• Denmark's fund - EUR 8.5 billion in total.")])
    assert [c.kind for c in diff(old, new).changes] == [ChangeKind.UNCHANGED]


def test_misspelt_scale_word_is_the_same_number():
    old = agreement("a", [("1", "Support will amount to at least EUR 1.8 billon.")])
    new = agreement("b", [("1", "Support will amount to at least EUR 1.8 billion.")])
    change = diff(old, new).changes[0]
    assert change.kind == "modified" and change.numbers_changed == []


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("valid for ten years", "valid for twenty years", [("ten years", "twenty years")]),
        ("grants of $300 million", "grants of USD 300 million", []),
        ("EUR 1,500 million in 2024 and 2025", "EUR 1,500 million in 2024", [("2025", None)]),
        ("at least 2% of GDP", "at least 3 % of GDP", [("2%", "3 %")]),
        ("meet within 24 hours", "meet within 24 days", [("24 hours", "24 days")]),
    ],
)
def test_numbers_changed(before, after, expected):
    from clauses.diff import numbers_changed

    old = agreement("a", [("1", f"Norway will act {before}.")]).clauses
    new = agreement("b", [("1", f"Norway will act {after}.")]).clauses
    assert [(n.old, n.new) for n in numbers_changed(old, new)] == expected


def test_only_filter_keeps_summary_and_selected_changes():
    result = diff(*fixture_pair()).only(["weakened", "added"])
    assert sorted(c.kind.value for c in result.changes) == ["added", "modified"]
    assert result.summary.kinds["split"] == 1


def test_weakened_list_puts_the_biggest_drop_first():
    old = agreement("a", [("1", "Norway will fund demining."), ("2", "Norway will fund radars.")])
    new = agreement("b", [("1", "Norway aims to fund demining."), ("2", "Norway funded radars.")])
    for clause, strength in zip(old.clauses + new.clauses, ["firm", "firm", "intent", "none"], strict=True):
        clause.strength = Strength(strength)
    shifts = diff(old, new).summary.weakened
    assert [(s.new, s.strength_to) for s in shifts] == [(["b:2"], Strength.NONE), (["b:1"], Strength.INTENT)]


# --- real version pairs in ../shared/corpus ----------------------------------------------------------


def find(result: AgreementDiff, deleted: str, inserted: str) -> Change:
    """The one change whose redline deletes ``deleted`` and inserts ``inserted`` (whole words)."""
    hits = [
        c
        for c in result.changes
        if re.search(rf"\b{re.escape(deleted)}\b", redline_text(c, "delete"))
        and re.search(rf"\b{re.escape(inserted)}\b", redline_text(c, "insert"))
    ]
    assert len(hits) == 1, [c.redline for c in hits]
    return hits[0]


def real_pair(shared: Path, slug: str, other: str) -> AgreementDiff:
    return diff(corpus_agreement(shared, slug), corpus_agreement(shared, other))


def test_denmark_pair_wording_changes(shared):
    result = real_pair(shared, "ua-dk-2024", "ua-dk-2024.ua-version")
    assert find(result, "Investment", "Credit").kind == "modified"
    assert find(result, "research and development", "R&D").kind == "modified"
    assert find(result, "remain", "remains").kind == "modified"
    dropped = [
        c for c in result.changes if redline_text(c, "delete") == "security" and not redline_text(c, "insert")
    ]
    assert len(dropped) == 1  # "The security commitments will also involve" lost "security"
    party_order = [c for c in result.changes if "Denmark" in redline_text(c, "delete")]
    assert len(party_order) >= 5  # "Denmark and Ukraine" became "Ukraine and Denmark"
    typo = find(result, "billon", "billion")
    assert typo.numbers_changed == [] and typo.similarity > 0.99
    kinds = result.summary.kinds
    assert kinds["added"] == kinds["removed"] == kinds["moved"] == 0
    assert kinds["unchanged"] > kinds["modified"] > 20
    assert result.summary.weakened == result.summary.strengthened == []


def test_netherlands_pair_split_and_restarted_numbering(shared):
    result = real_pair(shared, "ua-nl-2024", "ua-nl-2024.ua-version")
    for deleted, inserted in (("ammunitions", "ammunition"), ("rebuild", "rebuilding"), ("in", "on")):
        assert find(result, deleted, inserted).kind == "modified"
    split = only(result, "split")
    assert len(split) == 1 and len(split[0].new) == 2 and split[0].similarity > 0.95
    renumbering = result.summary.renumbering
    assert renumbering is not None and renumbering.pattern == "restart" and renumbering.count >= 20
    assert result.summary.kinds["renumbered"] < 5 and result.summary.kinds["moved"] == 0


def test_united_states_pair_party_order_and_lost_list_numbers(shared):
    result = real_pair(shared, "ua-us-2024", "ua-us-2024.whitehouse")
    opening = [c for c in only(result, "modified") if "Ukraine and the" in redline_text(c, "delete")]
    assert len(opening) >= 3  # "Ukraine and the United States" became "The United States ... and Ukraine"
    assert find(result, "civilian defense", "civiliandefense").kind == "modified"
    # the mirror lost the list numbers of Articles I, II, III and VII (about twenty items): one fact
    renumbering = result.summary.renumbering
    assert renumbering is not None and renumbering.pattern == "format" and renumbering.count >= 15
    assert result.summary.kinds["renumbered"] <= 3
    assert result.summary.kinds["unchanged"] > 100


def test_real_pair_diff_mirrors(shared):
    old, new = corpus_agreement(shared, "ua-nl-2024"), corpus_agreement(shared, "ua-nl-2024.ua-version")
    forward, backward = diff(old, new), diff(new, old)
    assert Counter(c.kind.mirror for c in forward.changes) == Counter(c.kind for c in backward.changes)
    assert forward.summary.renumbering is not None and backward.summary.renumbering is not None
    assert forward.summary.renumbering.count == backward.summary.renumbering.count


# --- properties ------------------------------------------------------------------------------------

WORDS = st.sampled_from(
    "Norway Ukraine will shall may intends to provide support train pilots fund air defence demining "
    "cyber sanctions within hours years EUR million 2025 the of and in for".split()
)
SENTENCES = st.lists(WORDS, min_size=3, max_size=14).map(lambda words: " ".join(words) + ".")


def build(agreement_id: str, texts: list[str]) -> Agreement:
    return agreement(agreement_id, [(str(k + 1), text) for k, text in enumerate(texts)])


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCES, max_size=25))
def test_diff_with_itself_is_all_unchanged(texts):
    result = diff(build("a", texts), build("b", texts))
    assert {c.kind for c in result.changes} <= {ChangeKind.UNCHANGED}
    assert len(result.changes) == len(texts)


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCES, max_size=20), st.lists(SENTENCES, max_size=20), st.randoms(use_true_random=False))
def test_swapping_versions_mirrors_the_diff(base, extra, rng):
    new_texts = [t for t in base if rng.random() > 0.2] + extra
    if rng.random() < 0.3:
        rng.shuffle(new_texts)
    new_texts = [t.replace("will", "intends to", 1) if rng.random() < 0.2 else t for t in new_texts]
    old, new = build("a", base), build("b", new_texts)
    for clause in old.clauses + new.clauses:
        clause.strength = rough_strength(clause.text)
    forward, backward = diff(old, new), diff(new, old)
    assert Counter(c.kind.mirror for c in forward.changes) == Counter(c.kind for c in backward.changes)
    assert {(tuple(c.old), tuple(c.new)) for c in forward.changes} == {
        (tuple(c.new), tuple(c.old)) for c in backward.changes
    }
    assert len(forward.summary.weakened) == len(backward.summary.strengthened)
    assert len(forward.summary.strengthened) == len(backward.summary.weakened)


# --- command line ----------------------------------------------------------------------------------


def invoke(runner, *args):
    draft, final = DIFF_FIXTURES / "draft.txt", DIFF_FIXTURES / "final.txt"
    return runner.invoke(cli, ["diff", str(draft), str(final), *args])


def test_cli_json_has_documented_shape(runner):
    result = invoke(runner, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"old", "new", "metadata_changes", "summary", "changes", "labels"}
    assert data["metadata_changes"] == []
    assert data["old"]["id"] == "draft"
    assert data["new"]["clauses"] == len({i for change in data["changes"] for i in change["new"]}) > 8
    assert set(data["summary"]["kinds"]) == {k.value for k in ChangeKind}
    for key in (
        "kind",
        "old",
        "new",
        "similarity",
        "strength_change",
        "numbers_changed",
        "categories",
        "redline",
    ):
        assert key in data["changes"][0]
    assert {op["op"] for c in data["changes"] for op in c["redline"]} == {"equal", "insert", "delete"}


def test_cli_only_filter_and_output_file(runner, tmp_path):
    target = tmp_path / "out" / "diff.json"
    result = invoke(runner, "--format", "json", "--only", "weakened,strengthened", "-o", str(target))
    assert result.exit_code == 0, result.output
    changes = json.loads(target.read_text(encoding="utf-8"))["changes"]
    assert sorted(c["strength_change"] for c in changes) == ["strengthened", "weakened"]


def test_cli_terminal_output_is_plain_when_piped_and_coloured_on_request(runner):
    plain = invoke(runner)
    assert plain.exit_code == 0, plain.output
    assert "\x1b[" not in plain.stdout
    assert "[-5-]{+3+}" in plain.stdout and "weakened" in plain.stdout and "split" in plain.stdout
    coloured = invoke(runner, "--color")
    assert "\x1b[" in coloured.stdout and "[-" not in coloured.stdout


def test_cli_errors_are_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["diff", str(tmp_path / "missing.txt"), str(DIFF_FIXTURES / "final.txt")])
    assert result.exit_code == 2
    assert (
        result.stderr.strip().startswith("clauses: error:") and len(result.stderr.strip().splitlines()) == 1
    )
    bad = invoke(runner, "--only", "weakend")
    assert bad.exit_code == 2 and "weakend" in bad.stderr


class Elements(HTMLParser):
    """Tag, classes and text of every element, enough to check a report's structure."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs).get("class") or ""))
        self.found.append((tag, self.stack[-1][1], ""))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            tag, classes = self.stack[-1]
            self.found.append((tag, classes, data))

    def texts(self, tag: str, css_class: str = "") -> list[str]:
        return [text for t, classes, text in self.found if t == tag and css_class in classes.split() and text]

    def count(self, tag: str, css_class: str) -> int:
        return sum(
            1 for t, classes, text in self.found if t == tag and css_class in classes.split() and not text
        )


def test_cli_html_redline_report(runner):
    result = invoke(runner, "--format", "html")
    assert result.exit_code == 0, result.output
    page = Elements()
    page.feed(result.stdout)
    kinds = [c.value for c in ChangeKind if c != "unchanged"]
    assert sorted(k for k in kinds if page.count("div", k)) == sorted(kinds)
    assert "intends to" in [t.strip() for t in page.texts("ins", "redline")]
    assert "will" in [t.strip() for t in page.texts("del", "redline")]
    copied = "".join(text for _, _, text in page.found)
    assert "Norway will intends to provide" in copied and "NOK 5 3 billion" in copied
    assert [t.strip() for t in page.texts("h3", "weakened")] == ["Weakened commitments (1)"]


@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")  # WeasyPrint, on Debian's libs
def test_cli_pdf_redline_report(runner, tmp_path):
    from pypdf import PdfReader

    target = tmp_path / "diff.pdf"
    result = invoke(runner, "--format", "pdf", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "What changed" in text and "Weakened commitments" in text
    assert "NOK 5 billion → NOK 3 billion" in text
    assert "moved to Article 1(4)" in text and "moved from Article 2(9)" in text  # side by side by default
    listed = invoke(runner, "--format", "pdf", "--layout", "list", "-o", str(target))
    assert listed.exit_code == 0, listed.output
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Norway will intends to provide" in text  # copied text keeps deleted and inserted words apart


def changes_with(data: dict, deleted: str, inserted: str) -> list[dict]:
    def words(change: dict, op: str) -> str:
        return "|".join(part["text"] for part in change["redline"] if part["op"] == op)

    return [
        c
        for c in data["changes"]
        if re.search(rf"\b{re.escape(deleted)}\b", words(c, "delete"))
        and re.search(rf"\b{re.escape(inserted)}\b", words(c, "insert"))
    ]


@pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")
def test_cli_pdf_draft_against_word_final(runner, shared):
    originals = shared / "originals"
    pdf, docx = originals / "ua-dk-2024.pdf", originals / "ua-dk-2024.ua-version.docx"
    result = runner.invoke(cli, ["diff", str(pdf), str(docx), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (fund,) = changes_with(data, "Investment", "Credit")
    (typo,) = changes_with(data, "billon", "billion")
    assert fund["kind"] == typo["kind"] == "modified" and typo["numbers_changed"] == []
    assert len(changes_with(data, "research and development", "R&D")) == 1
    kinds = data["summary"]["kinds"]
    assert kinds["unchanged"] + kinds["modified"] > 60 and kinds["moved"] == 0


def test_cli_netherlands_pdf_against_docx_restarted_numbering(runner, shared):
    originals = shared / "originals"
    pdf, docx = originals / "ua-nl-2024.pdf", originals / "ua-nl-2024.ua-version.docx"
    result = runner.invoke(cli, ["diff", str(pdf), str(docx), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(changes_with(data, "ammunitions", "ammunition")) == 1
    assert len(changes_with(data, "rebuild", "rebuilding")) == 1
    assert data["summary"]["renumbering"] is not None and data["summary"]["renumbering"]["count"] >= 20


def test_cli_ukrainian_versions(runner):
    """A Ukrainian draft and final (in our own words): strength shifts, numbers and a move, as in English."""
    draft, final = DIFF_FIXTURES / "uk-draft.txt", DIFF_FIXTURES / "uk-final.txt"
    result = runner.invoke(cli, ["diff", str(draft), str(final), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (weakened,) = changes_with(data, "надасть", "має намір надати")
    assert (weakened["strength_from"], weakened["strength_to"]) == ("firm", "intent")
    (strengthened,) = changes_with(data, "може навчати", "навчатиме")
    assert strengthened["strength_change"] == "strengthened"
    (deadline,) = changes_with(data, "24", "48")
    assert [(n["old"], n["new"]) for n in deadline["numbers_changed"]] == [("24", "48")]
    assert data["summary"]["kinds"]["moved"] == 1 and data["metadata_changes"] == []
