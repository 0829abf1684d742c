"""The taxonomy: category terms and grammar cues, read from YAML and compiled once.

The packaged ``clauses/data/taxonomy.yaml`` holds the data a user may refine;
a user's file of the same shape adds terms to existing categories or adds
"parent/child" sub-categories. Matching is word-based: every term is indexed by
the first letters of its first word, so a text is scanned once for all terms of
all kinds (categories, strength cues, conditions...) — see ``Matcher``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Literal, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from clauses.errors import ClausesError
from clauses.load.text import read_input
from clauses.models import CATEGORY_IDS, Condition, Strict
from clauses.printable import printable_data
from clauses.resources import data_file
from clauses.safe_yaml import load_yaml, validation_error, yaml_error
from clauses.text.tokens import END, LOWER, RAW, START, Token, tokenize

_lower_of = itemgetter(LOWER)

Language = Literal["en", "uk", "ru"]
MAX_TAXONOMY_BYTES = 2 * 1024 * 1024
"""Largest taxonomy file read (the packaged one is 83 KB)."""
KEY_LENGTH = 3
TYPO_MIN_LETTERS = 8
TYPO_KINDS = frozenset({"category", "name", "requires"})
"""Shortest word recognised despite a typo: shorter words are too often other words one letter away."""
SLOTS = {"name": "category"}
"""Kinds whose hits may not overlap: a name ("European Peace Facility") hides the terms inside it."""


class WeightedTerm(Strict):
    term: str
    weight: float = Field(default=1.0, gt=0.0, le=5.0)


TermSpec = str | WeightedTerm
TermsByLanguage = dict[Language, list[TermSpec]]


class CategorySpec(Strict):
    """One category as written in YAML."""

    label: str | None = None
    description: str | None = None
    terms: TermsByLanguage = Field(default_factory=dict)
    names: list[TermSpec] = Field(default_factory=list)
    requires: list[list[str]] = Field(default_factory=list)
    """Groups of words: the clause or its heading must hold one word of every group (a name of the
    category stands for all), else its terms do not make the category; "@air-defense" in a group
    stands for that category's names. Military assistance needs a word of giving and a military
    word: "weapons" alone may be what an industry produces."""


class Taxonomy(BaseModel):
    """Categories with their terms, and the cue lists for strength, obligors, conditions, precision."""

    model_config = ConfigDict(extra="forbid")

    categories: dict[str, CategorySpec] = Field(default_factory=dict)
    strength: dict[Literal["firm", "intent", "support", "optional"], dict[Language, list[str]]] = Field(
        default_factory=dict
    )
    all_parties: dict[Language, list[str]] = Field(default_factory=dict)
    conditions: dict[Condition, dict[Language, list[str]]] = Field(default_factory=dict)
    precision: dict[Literal["specific"], dict[Language, list[str]]] = Field(default_factory=dict)

    @field_validator("categories")
    @classmethod
    def _known_ids(cls, value: dict[str, CategorySpec]) -> dict[str, CategorySpec]:
        for category_id in value:
            parent, _, child = category_id.partition("/")
            if (
                parent not in CATEGORY_IDS
                or (category_id.count("/") > 1)
                or ("/" in category_id and not child)
            ):
                raise ValueError(
                    f"unknown category id {category_id!r}: use an id of taxonomy.md or 'parent/child' under one"
                )
        return value

    def label_of(self, category_id: str) -> str:
        """The name every output shows for a category: its ``label``; an unlabelled sub-category
        "cyber/ot" is named "<label of cyber> / ot"; an unlabelled category by its id."""
        spec = self.categories.get(category_id)
        if spec and spec.label:
            return spec.label
        parent, _, child = category_id.partition("/")
        return f"{self.label_of(parent)} / {child}" if child else category_id

    def labels(self, category_ids: Iterable[str] = ()) -> dict[str, str]:
        """Category id → display name, for every category of the taxonomy and the ``category_ids`` given."""
        return {c: self.label_of(c) for c in [*self.categories, *category_ids]}

    @field_validator("categories")
    @classmethod
    def _known_references(cls, value: dict[str, CategorySpec]) -> dict[str, CategorySpec]:
        for category_id, spec in value.items():
            if any(not group for group in spec.requires):
                raise ValueError(f"{category_id}: an empty group in requires could never be met")
            for word in (w for group in spec.requires for w in group if w.startswith("@")):
                if word[1:] not in value and word[1:] not in CATEGORY_IDS:
                    raise ValueError(f"{category_id}: requires names of an unknown category {word!r}")
        return value

    def required_words(self, group: list[str]) -> list[TermSpec]:
        """A group of required words, with "@air-defense" standing for the names of that category."""
        words: list[TermSpec] = []
        for word in group:
            if not word.startswith("@"):
                words.append(word)
            elif word[1:] in self.categories:
                words.extend(self.categories[word[1:]].names)
        return words

    @cached_property
    def requirements(self) -> dict[str, tuple[str, ...]]:
        """Category id → the keys of the word groups it requires (see ``CategorySpec.requires``)."""
        return {
            category_id: tuple(requirement_key(category_id, n) for n in range(len(spec.requires)))
            for category_id, spec in self.categories.items()
            if spec.requires
        }

    @cached_property
    def matcher(self) -> Matcher:
        """Every term and cue compiled into one word index (built on first use, then kept)."""
        return Matcher.build(self)


class Word(NamedTuple):
    text: str  # normalised: lower case, or as written for capitals-only words
    stem: bool
    exact_case: bool


class Pattern(NamedTuple):
    """One term or cue: its words, what it signals (kind, target) and its weight."""

    words: tuple[Word, ...]
    kind: str  # "category" | "name" | "strength" | "all" | "condition" | "specific" | "requires"
    target: str
    weight: float
    source: str


class Hit(NamedTuple):
    pattern: Pattern
    first: int  # token index
    last: int  # token index, inclusive
    start: int  # character offsets in the text
    end: int
    text: str  # the words as they stand in the text


def parse_term(term: str) -> tuple[Word, ...]:
    """Words of a term: "оборон*" is a stem, "SAFE" matches only in capitals."""
    words = []
    for piece in re.findall(r"\w+(?:['’ʼ*]\w+)*\*?", term):
        piece = piece.replace("’", "'").replace("ʼ", "'")
        if piece.endswith(("'s", "'S")):  # tokenize() reduces "Ukraine's" to "Ukraine" too
            piece = piece[:-2]
        stem = piece.endswith("*")
        text = piece.rstrip("*")
        exact = len(text) >= 2 and text.isupper() and not stem
        words.append(Word(text if exact else text.lower(), stem, exact))
    return tuple(words)


class Candidate(NamedTuple):
    """A pattern that may begin at a word, with its slot and how many of its words that word already matched."""

    pattern: Pattern
    slot: str
    known: int
    size: int  # number of words: when all are known, no word is left to check


class Starts(NamedTuple):
    """What may begin at one lower-cased word: two-word patterns keyed by the next word, then the others."""

    by_next: dict[str, tuple[Candidate, ...]]
    rest: tuple[Candidate, ...]


class Matcher:
    """All patterns indexed by their first words: pairs of whole words, single words, stems by prefix.

    A text is scanned once. What may start at a word depends only on the word, so it is
    worked out the first time the word is seen and kept (``_starts``): a scan then costs one
    look-up per word, and only the patterns whose first words already match are tried,
    longest first, without re-checking the words the look-up settled.
    """

    def __init__(self, patterns: list[Pattern]) -> None:
        self.pairs: dict[str, dict[str, list[Pattern]]] = {}  # first two whole words
        self.loose: dict[str, list[Pattern]] = {}  # a whole first word, a stem second
        self.single: dict[str, list[Pattern]] = {}  # one whole word
        self.stems: dict[str, list[Pattern]] = {}  # a stem first word, by its first letters
        for pattern in patterns:
            first = pattern.words[0]
            if first.stem:
                self.stems.setdefault(first.text[:KEY_LENGTH].lower(), []).append(pattern)
            elif len(pattern.words) == 1:
                self.single.setdefault(first.text.lower(), []).append(pattern)
            elif pattern.words[1].stem:
                self.loose.setdefault(first.text.lower(), []).append(pattern)
            else:
                by_next = self.pairs.setdefault(first.text.lower(), {})
                by_next.setdefault(pattern.words[1].text.lower(), []).append(pattern)
        for table in (self.loose, self.single, self.stems, *self.pairs.values()):
            for bucket in table.values():
                bucket.sort(key=lambda p: (-len(p.words), -len(p.words[-1].text)))
        self.spellings: dict[str, list[str]] = {}
        """The category terms' first words long enough to be recognised with a typo in them, by their
        first three letters (``near_spelling``). Grammar cues are not: "undermine" is no "underline"."""
        for pattern in patterns:
            word = pattern.words[0].text
            if (
                pattern.kind in TYPO_KINDS
                and not pattern.words[0].stem
                and len(word) >= TYPO_MIN_LETTERS
                and word.isalpha()
            ):
                self.spellings.setdefault(word[:3], [])
                if word not in self.spellings[word[:3]]:
                    self.spellings[word[:3]].append(word)
        self._starts = _StartIndex(self.starts_at)
        self.read = lru_cache(maxsize=256)(self._read)

    @classmethod
    def build(cls, taxonomy: Taxonomy) -> Matcher:
        patterns: list[Pattern] = []

        def add(terms: list[TermSpec], kind: str, target: str) -> None:
            for spec in terms:
                term = spec if isinstance(spec, str) else spec.term
                weight = 1.0 if isinstance(spec, str) else spec.weight
                words = parse_term(term)
                if words:
                    patterns.append(Pattern(words, kind, target, weight, term))

        for category_id, spec in taxonomy.categories.items():
            for terms in spec.terms.values():
                add(terms, "category", category_id)
            add(spec.names, "name", category_id)
            for number, group in enumerate(spec.requires):
                add(taxonomy.required_words(group), "requires", requirement_key(category_id, number))
        for strength, by_language in taxonomy.strength.items():
            for cues in by_language.values():
                add(list(cues), "strength", strength)
        for cues in taxonomy.all_parties.values():
            add(list(cues), "all", "ALL")
        for condition, by_language in taxonomy.conditions.items():
            for cues in by_language.values():
                add(list(cues), "condition", condition.value)
        for by_language in taxonomy.precision.values():
            for cues in by_language.values():
                add(list(cues), "specific", "specific")
        return cls(patterns)

    def starts_at(self, lower: str) -> Starts | None:
        """The patterns that may begin at the word ``lower`` (None for most words), or at the term
        word it misspells (``near_spelling``)."""
        found = self._exact_starts(lower)
        if found is None and len(lower) >= TYPO_MIN_LETTERS and lower.isalpha():
            near = self.near_spelling(lower)
            found = self._exact_starts(near, TYPO_KINDS) if near else None
        return found

    def near_spelling(self, lower: str) -> str | None:
        """The term word one typo away from ``lower`` ("interoperabilty", "ammuntion", "artilelry"), if any.

        Scored with rapidfuzz's optimal-string-alignment distance (a swap of two letters is one
        edit). The first three and last two letters must agree: a prefix or an ending changes the
        word ("construction" is no "reconstruction", "knowledge" no "acknowledge"), and endings
        are the stems' work.
        """
        candidates = [word for word in self.spellings.get(lower[:3], ()) if word[-2:] == lower[-2:]]
        if not candidates:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = process.extractOne(lower, candidates, scorer=OSA.distance, score_cutoff=1)
        return found[0] if found else None

    def _exact_starts(self, lower: str, kinds: frozenset[str] | None = None) -> Starts | None:
        """What begins at ``lower``; only patterns of ``kinds`` when given."""
        by_next = {
            second: tuple(
                _candidate(p, 0 if p.words[0].exact_case or p.words[1].exact_case else 2)
                for p in bucket
                if kinds is None or p.kind in kinds
            )
            for second, bucket in self.pairs.get(lower, {}).items()
        }
        by_next = {second: found for second, found in by_next.items() if found}
        stems = [p for p in self.stems.get(lower[:KEY_LENGTH], ()) if lower.startswith(p.words[0].text)]
        rest = tuple(
            _candidate(p, 0 if p.words[0].exact_case else 1)
            for p in (*self.loose.get(lower, ()), *stems, *self.single.get(lower, ()))
            if kinds is None or p.kind in kinds
        )
        return Starts(by_next, rest) if by_next or rest else None

    def _read(self, text: str) -> tuple[list[Token], list[Hit]]:
        """The words of ``text`` and its hits, kept for the last texts read (``read``).

        Heading lines, the sentence introducing a list and repeated clauses come back often;
        the lists returned are shared, so callers must not change them.
        """
        tokens = tokenize(text)
        return tokens, self.scan(text, tokens)

    def scan(self, text: str, tokens: list[Token] | None = None) -> list[Hit]:
        """Leftmost-longest hits of every kind (a kind's hits do not overlap; kinds may)."""
        tokens = tokenize(text) if tokens is None else tokens
        entries = list(map(self._starts.__getitem__, map(_lower_of, tokens)))
        hits: list[Hit] = []
        free: dict[str, int] = {}
        claimed: dict[str, tuple[int, int]] = {}
        count = len(tokens)
        for i in compress(range(count), entries):
            by_next, rest = entries[i]
            pairs = by_next.get(tokens[i + 1][LOWER], ()) if by_next and i + 1 < count else ()
            for pattern, slot, known, size in (*pairs, *rest) if pairs else rest:
                taken = claimed.get(slot)
                if free.get(slot, 0) > i and (taken is None or taken[0] != i):
                    continue
                last = i + size - 1 if known == size else _match_words(pattern.words, tokens, i, known)
                if last < 0 or (taken is not None and taken[0] == i and taken[1] != last):
                    continue  # at one position only the longest span, though for every category naming it
                claimed[slot] = (i, last)
                start, end = tokens[i][START], tokens[last][END]
                hits.append(Hit(pattern, i, last, start, end, text[start:end]))
                free[slot] = last + 1
        return hits


class _StartIndex(dict[str, Starts | None]):
    """Lower-cased word → what may start there: worked out the first time the word is seen, then kept."""

    def __init__(self, starts_at: Callable[[str], Starts | None]) -> None:
        super().__init__()
        self.starts_at = starts_at

    def __missing__(self, lower: str) -> Starts | None:
        found = self[lower] = self.starts_at(lower)
        return found


def requirement_key(category_id: str, group: int) -> str:
    """The target of a required word: its category and group."""
    return f"{category_id}#{group}"


def _candidate(pattern: Pattern, known: int) -> Candidate:
    # Each group of required words has a slot of its own: a word of one group never hides another's.
    slot = pattern.target if pattern.kind == "requires" else SLOTS.get(pattern.kind, pattern.kind)
    return Candidate(pattern, slot, known, len(pattern.words))


def _match_words(words: tuple[Word, ...], tokens: list[Token], i: int, known: int = 0) -> int:
    """Index of the last token when ``words`` stand at token ``i``, else -1; the first ``known`` words matched already."""
    last = i + len(words) - 1
    if last >= len(tokens):
        return -1
    for offset in range(known, len(words)):
        word = words[offset]
        token = tokens[i + offset]
        candidate = token[RAW] if word.exact_case else token[LOWER]
        if word.stem:
            if not candidate.startswith(word.text):
                return -1
        elif candidate != word.text:
            return -1
    return last


def read_taxonomy_file(path: Path) -> Taxonomy:
    """One YAML file as a Taxonomy, with errors naming the line or the field."""
    text = read_input(path, MAX_TAXONOMY_BYTES, "taxonomy")
    try:
        data = printable_data(load_yaml(text, path.name))
    except yaml.YAMLError as error:
        raise yaml_error(error, path) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ClausesError("a taxonomy is a mapping with 'categories' (see README)", path.name)
    try:
        return Taxonomy.model_validate(data)
    except ValidationError as error:
        raise validation_error(error, path) from None


def merge(base: Taxonomy, extra: Taxonomy) -> Taxonomy:
    """``base`` refined by ``extra``: term lists are extended; labels and required word groups replaced where given."""
    data = base.model_dump()
    for category_id, spec in extra.model_dump(exclude_unset=True).get("categories", {}).items():
        target = data["categories"].setdefault(
            category_id, {"label": None, "description": None, "terms": {}, "names": [], "requires": []}
        )
        for field in ("label", "description"):
            if spec.get(field):
                target[field] = spec[field]
        if "requires" in spec:
            target["requires"] = spec["requires"]
        for language, terms in spec.get("terms", {}).items():
            target["terms"].setdefault(language, []).extend(terms)
        target["names"].extend(spec.get("names", []))
    for section in ("strength", "all_parties", "conditions", "precision"):
        _extend_nested(data[section], extra.model_dump(exclude_unset=True).get(section, {}))
    return Taxonomy.model_validate(data)


def _extend_nested(target: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict):
            _extend_nested(target.setdefault(key, {}), value)
        else:
            target.setdefault(key, []).extend(value)


@lru_cache(maxsize=1)
def packaged_taxonomy() -> Taxonomy:
    """The packaged taxonomy, read and compiled once per process."""
    taxonomy = read_taxonomy_file(data_file("taxonomy.yaml"))
    taxonomy.matcher  # noqa: B018 - compile now so the cost is paid once
    return taxonomy


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The packaged taxonomy, or the packaged one extended and refined by the user's YAML at ``path``."""
    if path is None:
        return packaged_taxonomy()
    return merge(packaged_taxonomy(), read_taxonomy_file(Path(path)))
