"""The bundled corpus: every digest carries valid metadata and is written in our own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from clauses.models import Agreement, Kind

AGREEMENTS = Path(__file__).resolve().parent.parent / "agreements"
SHINGLE = 12
"""Length of the word runs compared with the real texts (the same as the project's copy check)."""


def digests() -> list[Path]:
    """The digest files; the folder's README.md describes them and is not one."""
    return sorted(p for p in AGREEMENTS.glob("*.md") if p.name.lower() != "readme.md")


def split_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.DOTALL)
    assert match, f"{path.name}: no YAML front matter between --- lines"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, match.group(2)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def shingles(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + SHINGLE]) for i in range(len(found) - SHINGLE + 1)}


def body_paragraphs(body: str) -> list[str]:
    """Paragraphs that become clauses: not headings, which are `#` lines or numbered topic lines
    ("II. Scope", "A. Training") and, unlike clauses, end without punctuation."""
    paragraphs = re.split(r"\n\s*\n", body.strip())
    return [p for p in paragraphs if p and not p.startswith("#") and p.rstrip()[-1] in ".;:,"]


def test_the_corpus_holds_at_least_ten_digests_of_agreements_and_statements() -> None:
    kinds = {split_front_matter(p)[0]["kind"] for p in digests()}
    assert len(digests()) >= 10
    assert Kind.AGREEMENT in kinds and kinds & {Kind.NEWS, Kind.STATEMENT, Kind.DECLARATION}


@pytest.mark.parametrize("path", digests(), ids=lambda p: p.stem)
def test_front_matter_is_a_valid_agreement_named_like_its_file(path: Path) -> None:
    meta, body = split_front_matter(path)
    agreement = Agreement.model_validate(meta)
    assert agreement.id == path.stem
    assert agreement.signed is not None and agreement.parties
    assert body_paragraphs(body), f"{path.name}: no clauses"


@pytest.mark.parametrize("path", digests(), ids=lambda p: p.stem)
def test_agreements_cover_their_structure_down_to_the_signature_line(path: Path) -> None:
    meta, body = split_front_matter(path)
    if meta["kind"] != Kind.AGREEMENT:
        pytest.skip("statements and news have no final provisions")
    paragraphs = body_paragraphs(body)
    assert 25 <= len(paragraphs) <= 70
    assert any(re.match(r"(Signed|Done) ", p) for p in paragraphs), "no 'Signed in ...' line"


@pytest.fixture(scope="module")
def real_text_shingles(shared: Path) -> set[tuple[str, ...]]:
    texts = [*(shared / "corpus").glob("*.txt"), *(shared / "seeds").glob("*.txt")]
    return set().union(*(shingles(p.read_text(encoding="utf-8")) for p in texts))


@pytest.mark.parametrize("path", digests(), ids=lambda p: p.stem)
def test_no_digest_repeats_twelve_words_of_a_real_text(path: Path, real_text_shingles: set) -> None:
    copied = shingles(path.read_text(encoding="utf-8")) & real_text_shingles
    assert not copied, f"{path.name} repeats: {' | '.join(' '.join(s) for s in sorted(copied)[:3])}"
