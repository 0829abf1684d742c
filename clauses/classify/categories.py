"""Which categories a clause earns: the weight of its own words, its heading's and its introducer's."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache

from clauses.grammar import grammar
from clauses.models import (
    CategoryLabel,
)
from clauses.taxonomy import Hit, Pattern, Taxonomy

THRESHOLD = 0.5
HEADING_FACTOR = 0.5
# A category whose own words are all incidental (weight <= INCIDENTAL) gives way to one
# the clause plainly speaks about (own words weighing DOMINANT or more).
INCIDENTAL = 0.5
DOMINANT = 1.5
HEADING_COMPLETES = 0.3
"""Own weight from which heading words may complete a category beside others the clause names."""
MIN_WORDS_FOR_HEADING = 4
HEADING_KINDS = ("category", "name", "requires")
EVIDENCE_KINDS = frozenset({"category", "name"})
EVIDENCE_KEYS: dict[str, str] = {}
SIGNED_TEXT_CATEGORIES = frozenset({"final-provisions"})
"""Categories about a signed text's own life (entry into force, duration, amendment)."""
# "as" only before a name ("As Ukraine begins"): "as members of", "as well as" name no circumstance.
_OPENERS = "|".join(
    f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in grammar()["categories"]["scene_openers"]
)
CIRCUMSTANCE = re.compile(
    r"(?:^|[.;:]\s+|\bthat,\s*)(?:\d+\.\s*)?"
    rf"((?:{_OPENERS}|[Aa]s(?=\s+[A-ZА-ЯІЇЄҐ]))\s[^,;.]{{3,200}}),"
)


def heading_hits(
    heading: list[str], taxonomy: Taxonomy, cache: dict[tuple[str, ...], list[Hit]] | None
) -> list[Hit]:
    """The category words of the nearest heading that has any: a section heading is more telling
    than the chapter above it ("Economic stability, resilience and reconstruction" over a section
    on organised crime)."""
    key = tuple(heading)
    if cache is not None and key in cache:
        return cache[key]
    hits: list[Hit] = []
    for line in reversed(heading):
        hits = [hit for hit in taxonomy.matcher.read(line)[1] if hit.pattern.kind in HEADING_KINDS]
        if any(hit.pattern.kind != "requires" for hit in hits):
            break
    if cache is not None:
        cache[key] = hits
    return hits


def categorize(
    hits: list[Hit],
    heading_hits: list[Hit],
    requirements: Mapping[str, tuple[str, ...]] | None = None,
    *,
    list_item: bool = False,
    background: Sequence[tuple[int, int]] = (),
    introducer: Sequence[Hit] = (),
) -> list[CategoryLabel]:
    """Categories whose evidence weighs at least THRESHOLD; heading words count at half weight.

    Words the taxonomy weighs as incidental do not make a category beside one the clause
    is plainly about; a category with required word groups (``requirements``: id → the keys
    of its groups) needs a word of each in the clause or its heading, or one of its names.
    A ``list_item`` is part of the sentence introducing it: the topic of a one-topic section holds
    even where the item's own words name another ("facilitate training" under "Organised crime";
    not "Development of agriculture" under "Humanitarian, recovery and financial support").
    Words in ``background`` spans (see ``circumstances``) count at half weight. The ``introducer``
    (the hits of the sentence introducing a list item) may supply required words: "Poland will
    transfer:" gives "artillery systems," below it what it needs to be military assistance.
    """
    found: dict[str, _Evidence] = {}
    for hit in hits:
        if hit.pattern.kind in EVIDENCE_KINDS:
            key = evidence_key(hit.pattern)
            weight = hit.pattern.weight
            if background and _within(background, hit.start):
                weight *= HEADING_FACTOR
            for category in with_parent(hit.pattern.target):
                entry = found.get(category) or found.setdefault(category, _Evidence())
                if key not in entry.own:
                    entry.own[key] = weight
                    entry.texts.append(hit.text)
    for hit in heading_hits:
        if hit.pattern.kind in EVIDENCE_KINDS:
            key = evidence_key(hit.pattern)
            for category in with_parent(hit.pattern.target):
                entry = found.get(category) or found.setdefault(category, _Evidence())
                if key not in entry.heading:
                    entry.heading[key] = hit.pattern.weight * HEADING_FACTOR
                    entry.texts.append(f"[heading] {hit.text}")
    if requirements:
        unmet = unmet_requirements(requirements, [*hits, *heading_hits, *introducer])
        found = {category: entry for category, entry in found.items() if category not in unmet}
    # Heading words decide alone only for a clause whose own words name no category (or a list item
    # in a one-topic section); otherwise they complete a category the clause's own words already point to.
    own = {category: sum(entry.own.values()) for category, entry in found.items()}
    named = {category for category, weight in own.items() if weight >= THRESHOLD}
    dominant = {category for category in named if own[category] >= DOMINANT}
    section_topic = list_item and sum(1 for entry in found.values() if entry.heading) == 1
    labels = []
    for category, entry in found.items():
        if named and not section_topic and category not in named and own[category] < HEADING_COMPLETES:
            continue
        if dominant - {category} and entry.only_incidental():
            continue  # "support through EU instruments" in a clause plainly about something else
        total = own[category] + sum(entry.heading.values())
        if total >= THRESHOLD:
            labels.append(
                CategoryLabel.model_construct(
                    id=category, score=round(1 - 0.25**total, 3), evidence=entry.texts
                )
            )
    return sorted(labels, key=lambda label: -label.score)


def _within(spans: Sequence[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``spans`` (sorted, disjoint)."""
    place = bisect_right(spans, (position, float("inf")))
    return place > 0 and position < spans[place - 1][1]


def circumstances(text: str) -> list[tuple[int, int]]:
    """Spans of fronted adverbial clauses ("As Ukraine begins early recovery, they will ensure aid"):
    they set the scene of the sentence rather than name its topic."""
    return [match.span(1) for match in CIRCUMSTANCE.finditer(text)]


def unmet_requirements(requirements: Mapping[str, tuple[str, ...]], hits: list[Hit]) -> set[str]:
    """Categories missing a word of one of their required groups, and named by none of their names."""
    found = {
        hit.pattern.target for hit in hits if hit.pattern.kind == "requires" or hit.pattern.kind == "name"
    }
    return {
        category
        for category, keys in requirements.items()
        if category not in found and not found.issuperset(keys)
    }


def evidence_key(pattern: Pattern) -> str:
    """A term counts once per category, however many spellings list it ("capacity-building", "capacity building").

    Kept per term as written (``EVIDENCE_KEYS``): the same term always has the same words."""
    key = EVIDENCE_KEYS.get(pattern.source)
    if key is None:
        key = EVIDENCE_KEYS[pattern.source] = " ".join(word.text.lower() for word in pattern.words)
    return key


class _Evidence:
    """A category's evidence in one clause: its own words and its heading's, each term once, with weights."""

    __slots__ = ("own", "heading", "texts")

    def __init__(self) -> None:
        self.own: dict[str, float] = {}
        self.heading: dict[str, float] = {}
        self.texts: list[str] = []
        """The words as they stand, heading words marked "[heading]"."""

    def only_incidental(self) -> bool:
        """Only words the taxonomy weighs as incidental (the EU named as a channel, 'support'),
        and no heading above the clause naming the same topic."""
        return not self.heading and all(weight <= INCIDENTAL for weight in self.own.values())


@lru_cache(maxsize=1024)
def with_parent(category: str) -> tuple[str, ...]:
    parent = category.split("/")[0]
    return (category,) if parent == category else (category, parent)
