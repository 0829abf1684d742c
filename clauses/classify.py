"""Label clauses: categories with evidence, strength, obligors, precision, conditions, quantities.

Words come from the taxonomy (data); the grammar is here: which cue is the main
verb of a sentence, who its subject is, participial recitals, statements about
the text itself, and list items that take the strength of the sentence
introducing them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from clauses.models import (
    ALL_PARTIES,
    Agreement,
    CategoryLabel,
    Clause,
    Condition,
    Precision,
    Quantity,
    QuantityKind,
    Reason,
    Strength,
)
from clauses.quantities import find_quantities
from clauses.taxonomy import Hit, Matcher, Pattern, Taxonomy, Word, load_taxonomy
from clauses.text.markers import LEADING
from clauses.text.sentences import sentence_spans
from clauses.text.tokens import END, LOWER, RAW, START, Token

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
# "as" only before a name ("As Ukraine begins"): "as members of", "as well as" name no circumstance.
CIRCUMSTANCE = re.compile(
    r"(?:^|[.;:]\s+|\bthat,\s*)(?:\d+\.\s*)?"
    r"((?:[Ww]hile|[Ww]hilst|[Ww]hen|[Oo]nce|[Aa]s(?=\s+[A-ZА-ЯІЇЄҐ]))\s[^,;.]{3,200}),"
)
NOT_OBLIGORS = frozenset({"RU", "BY", "KP", "IR"})
SUBJECT_BREAK = re.compile(
    r"[,;:()–—]|\b(?:that|which|who|whereby|while|whilst|as|since|because)\b|\b(?:що|які|який|яка|что|которы\w*|котор\w*)\b",
    re.IGNORECASE,
)
# A segment before the verb that opens with these words is an adjunct, not the subject.
ADJUNCT = re.compile(
    r"^(?:together|along|alongside|with|including|in\b|within|through|where|when|if|for|by|on|under|at|from|"
    r"to\b|as\b|based|building|acting|consistent|subject|jointly|also|further|moreover|furthermore|"
    r"разом|спільно|у\b|в\b|відповідно|згідно|з\b|із\b|на\b|для|вместе|совместно|согласно|с\b|по\b|при\b)",
    re.IGNORECASE,
)
PARTICIPLE = re.compile(r"^[a-z]\w*ing\b")
"""A lower-case participle opening a segment ("…, working with its partners in the EU, aims"): an adjunct."""
EMBEDDED = re.compile(
    r"\b(?:that|which|who|whose|where|when|whether|if|until|unless|що|які|який|яка|щоб|якщо|что|котор\w*|если|чтобы)\b",
    re.IGNORECASE,
)
GIVEN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:support|assistance|aid|contributions?|commitments?|help|engagement)\b",
    re.IGNORECASE,
)
"""After a party's possessive: what the party gives, which makes the owner the actor."""
RECIPIENT_BEFORE = re.compile(r"\b(?:to|for|towards|до|для|к)\s+(?:the\s+)?$", re.IGNORECASE)
MAX_VERBS = 24
"""Cues of one sentence looked at as its main verb, and as verbs coordinated with it: a real sentence
has a handful; a 100,000-character "sentence" would otherwise cost time in the square of its length."""
COORDINATORS = frozenset({"and", "or", "but", "і", "й", "та", "а", "и", "но"})
"""A verb whose subject is only one of these shares the subject of the verb before it."""
CONJUNCTION = re.compile(r"^(?:and|but|or|і|й|та|а|и|но)\s+", re.IGNORECASE)
IN_THOSE_CIRCUMSTANCES = re.compile(
    r"\b(?:in (?:those|these|such) circumstances|за (?:цих|таких) обставин|(?:при|в) (?:этих|таких) обстоятельствах)",
    re.IGNORECASE,
)
PRONOUN_SUBJECT = re.compile(r"^(?:it|they|we|she|he|вона|воно|вони|ми|она|оно|они|мы)$", re.IGNORECASE)
TEXT_ITSELF = re.compile(
    r"(?:this|the|present|such)\s+(?:agreement|arrangement|document|memorandum|declaration|provisions?|"
    r"annex|text)\b|\b(?:ця|цієї|ця|дана|дан\w*|настоящ\w*|эт\w*)?\s*(?:угод\w*|соглашени\w*)",
    re.IGNORECASE,
)
ITEM_PATH = re.compile(r"(?:^|\.)(?:\d+|[a-z]|[ivx]+|•\d+)(?:~\d+)?$")
"""A path ending in an item's number, letter or bullet ("8.6", "II.5.a", "3.•2", "8.4~2" where numbering
restarts), not a paragraph ("p3")."""
RECITAL_WORDS = frozenset(
    "determined committed convinced unwavering mindful aware conscious guided resolved desirous deeply "
    "firmly strongly acknowledging".split()
)
# Cue words that are nouns as often as verbs: a verb only right after its subject.
NOUNISH = frozenset(
    "support welcome note value values stress hope honour plan aim review share stand remain call agree "
    "guarantee consider express commit believe confirm affirm regret urge value".split()
)
SUBJECT_WORDS = frozenset(
    "participants parties sides we they countries states governments allies leaders partners ministers "
    "also fully further strongly jointly firmly both all together equally again hereby therefore and "
    "continue each either firmly resolutely unequivocally still".split()
)
NOUN_CONTEXT = frozenset(
    "the a an our their its his her this of for with political good own free strong full continued".split()
)
UKRAINIAN_FUTURE = ("тиме", "тимуть", "тимемо", "тимеш", "тиметься", "тимуться")
FUTURE_HINT = re.compile(r"тим(?:е|уть|емо|еш)")
FUTURE_CUE = Pattern((Word("-тиме", False, False),), "strength", "firm", 1.0, "future tense")
BARE_VERBS = frozenset(
    "promote support increase provide ensure strengthen develop enhance facilitate continue cooperate "
    "exchange establish deepen contribute assist conduct implement organise organize hold share explore "
    "encourage maintain improve consider foster counter combat prevent create intensify expand seek study "
    "coordinate train help identify undertake".split()
)
COMMITMENT_YEAR = re.compile(
    r"\b(?:in|by|until|till|from|for|during|throughout|до|у|в|з|по)\s+(?:19|20)\d\d\b"
)


class Commitment(NamedTuple):
    strength: Strength
    obligors: tuple[str, ...]
    cue: str
    subject: str
    explicit_subject: bool


NO_COMMITMENT = Commitment(Strength.NONE, (), "", "", False)
RANK = {strength: strength.rank for strength in Strength}
_start_of_hit = attrgetter("start")
"""``Strength.rank`` looked up: the property rebuilds the list of members on every call."""


def classify_agreement(agreement: Agreement, taxonomy: Taxonomy | None = None) -> Agreement:
    """A copy of ``agreement`` with every clause labelled."""
    taxonomy = taxonomy or load_taxonomy()
    parties = agreement_parties(agreement)
    labelled: dict[str, Clause] = {}
    heading_cache: dict[tuple[str, ...], list[Hit]] = {}
    clauses = []
    for clause in agreement.clauses:
        parent = labelled.get(clause.parent) if clause.parent else None
        result = classify_clause(clause, taxonomy, parties, parent=parent, heading_cache=heading_cache)
        labelled[clause.id] = result
        clauses.append(result)
    return agreement.model_copy(update={"clauses": clauses})


def agreement_parties(agreement: Agreement) -> tuple[str, ...]:
    """The parties as given; else read from an id like 'ua-ro-2024'; else the two parties named most."""
    if agreement.parties:
        return tuple(agreement.parties)
    from clauses.gazetteer import ISO_CODES, party_codes

    from_id = [p.upper() for p in re.split(r"[-_.]", agreement.id) if p.upper() in ISO_CODES]
    if len(from_id) >= 2:
        return tuple(dict.fromkeys(from_id))
    counts: dict[str, int] = {}
    for clause in agreement.clauses[:60]:
        for code in party_codes(clause.text):
            if code not in NOT_OBLIGORS:
                counts[code] = counts.get(code, 0) + 1
    return tuple(sorted(counts, key=lambda code: -counts[code])[:2])


def classify_clause(
    clause: Clause,
    taxonomy: Taxonomy | None = None,
    parties: Sequence[str] = (),
    *,
    parent: Clause | None = None,
    heading_cache: dict[tuple[str, ...], list[Hit]] | None = None,
) -> Clause:
    """``clause`` with its labels filled; ``parent`` is the labelled clause introducing it, if any."""
    taxonomy = taxonomy or load_taxonomy()
    tokens, hits = taxonomy.matcher.read(clause.text)
    # A fragment ("and") says too little to take its heading's topic.
    heading_hits = (
        _heading_hits(clause.heading, taxonomy, heading_cache) if len(tokens) >= MIN_WORDS_FOR_HEADING else []
    )
    introducer = taxonomy.matcher.read(parent.text)[1] if parent is not None else []
    categories = categorize(
        hits,
        heading_hits,
        taxonomy.requirements,
        list_item=clause.parent is not None,
        background=circumstances(clause.text),
        introducer=introducer,
    )
    commitment = commitment_of(clause.text, tokens, hits + _future_tense(clause.text, tokens), tuple(parties))
    if parent is not None and not commitment.explicit_subject:
        commitment = _inherit(commitment, parent, taxonomy, tuple(parties))
    elif clause.parent is None and not commitment.explicit_subject:
        # "4. Support Ukraine in ...": an imperative item, not "supports"; firmer than its verb alone says
        bare = _bare_list_item(clause.text, tokens, numbered=ITEM_PATH.search(clause.path) is not None)
        if RANK[bare.strength] < RANK[commitment.strength]:
            commitment = bare
    conditions = sorted({Condition(hit.pattern.target) for hit in hits if hit.pattern.kind == "condition"})
    quantities = find_quantities(clause.text, [token[LOWER] for token in tokens])
    precision, precision_why = precision_of(clause.text, hits, quantities, commitment.strength)
    reasons = _reasons(categories, commitment, conditions, hits, precision, precision_why)
    reasons[len(categories) : len(categories)] = _withheld(
        taxonomy, categories, hits, [*heading_hits, *introducer]
    )
    return clause.model_copy(
        update={
            "categories": categories,
            "strength": commitment.strength,
            "obligors": list(commitment.obligors),
            "conditions": conditions,
            "precision": precision,
            "quantities": quantities,
            "reasons": reasons,
        }
    )


def _inherit(own: Commitment, parent: Clause, taxonomy: Taxonomy, parties: tuple[str, ...]) -> Commitment:
    """A list item speaks with the voice of the sentence introducing the list ("Romania will:").

    The introducer is the parent's last sentence; an item's own verb without a subject
    ("4. will cooperate ...") counts where it is firmer, the obligors are the introducer's.
    """
    intro = _last_sentence_commitment(parent.text, taxonomy.matcher, parties)
    if intro.strength == Strength.NONE:
        intro = Commitment(parent.strength, tuple(parent.obligors), "", "", False)
    if intro.strength == Strength.NONE:
        return own
    strength = min(own.strength, intro.strength, key=RANK.__getitem__)
    return Commitment(strength, intro.obligors, f"inherited from {parent.id}", "", False)


@lru_cache(maxsize=256)
def _last_sentence_commitment(text: str, matcher: Matcher, parties: tuple[str, ...]) -> Commitment:
    """Kept: every item of a list asks for the same introducer."""
    start, end = sentence_spans(text)[-1] if text.strip() else (0, 0)
    last = text[start:end]
    tokens, hits = matcher.read(last)
    return commitment_of(last, tokens, hits + _future_tense(last, tokens), parties)


def _bare_list_item(text: str, tokens: list[Token], *, numbered: bool = False) -> Commitment:
    """'6. Promote border protection ...': an item of a list whose 'The Participants will:' was lost.

    The item's number is in its text, or (``numbered``) only in its path, where the segmenter put it.
    """
    mark = LEADING.match(text)
    if not (mark or numbered) or not tokens:
        return NO_COMMITMENT
    first = next((t for t in tokens if t[START] >= (mark.end() if mark else 0)), None)
    if first is None or first[LOWER] not in BARE_VERBS:
        return NO_COMMITMENT
    strength = Strength.INTENT if first[LOWER] in ("explore", "consider", "seek", "study") else Strength.FIRM
    return Commitment(strength, (ALL_PARTIES,), f"{first[RAW]} (list item without its introducer)", "", False)


def _future_tense(text: str, tokens: list[Token]) -> list[Hit]:
    """Ukrainian synthetic future ("надаватиме", "підтримуватимуть") commits like "will"."""
    if not FUTURE_HINT.search(text):
        return []
    return [
        Hit(FUTURE_CUE, i, i, token[START], token[END], text[token[START] : token[END]])
        for i, token in enumerate(tokens)
        if token[LOWER].endswith(UKRAINIAN_FUTURE)
    ]


def _heading_hits(
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
            key = _evidence_key(hit.pattern)
            weight = hit.pattern.weight
            if background and _within(background, hit.start):
                weight *= HEADING_FACTOR
            for category in _with_parent(hit.pattern.target):
                entry = found.get(category) or found.setdefault(category, _Evidence())
                if key not in entry.own:
                    entry.own[key] = weight
                    entry.texts.append(hit.text)
    for hit in heading_hits:
        if hit.pattern.kind in EVIDENCE_KINDS:
            key = _evidence_key(hit.pattern)
            for category in _with_parent(hit.pattern.target):
                entry = found.get(category) or found.setdefault(category, _Evidence())
                if key not in entry.heading:
                    entry.heading[key] = hit.pattern.weight * HEADING_FACTOR
                    entry.texts.append(f"[heading] {hit.text}")
    if requirements:
        unmet = _unmet_requirements(requirements, [*hits, *heading_hits, *introducer])
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


def _unmet_requirements(requirements: Mapping[str, tuple[str, ...]], hits: list[Hit]) -> set[str]:
    """Categories missing a word of one of their required groups, and named by none of their names."""
    found = {
        hit.pattern.target for hit in hits if hit.pattern.kind == "requires" or hit.pattern.kind == "name"
    }
    return {
        category
        for category, keys in requirements.items()
        if category not in found and not found.issuperset(keys)
    }


def _withheld(
    taxonomy: Taxonomy, given: list[CategoryLabel], hits: list[Hit], context: list[Hit]
) -> list[Reason]:
    """Categories whose own words add up but whose required words are missing, said with what is
    missing: a reader sees why "weapons" in an industry clause is not military assistance."""
    if not taxonomy.requirements:
        return []
    labelled = {label.id for label in given}
    found = {hit.pattern.target for hit in [*hits, *context] if hit.pattern.kind == "requires"}
    reasons = []
    for category in sorted(_unmet_requirements(taxonomy.requirements, [*hits, *context]) - labelled):
        words = {
            _evidence_key(hit.pattern): (hit.text, hit.pattern.weight)
            for hit in hits
            if hit.pattern.kind in EVIDENCE_KINDS and category in _with_parent(hit.pattern.target)
        }
        if sum(weight for _, weight in words.values()) < THRESHOLD:
            continue
        keys = taxonomy.requirements[category]
        missing = next(n for n, key in enumerate(keys) if key not in found)
        examples = ", ".join(taxonomy.categories[category].requires[missing][:4])
        evidence = f"{', '.join(text for text, _ in words.values())}; but no word such as {examples}"
        reasons.append(Reason(label=category, value="not given", evidence=evidence))
    return reasons


def _evidence_key(pattern: Pattern) -> str:
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
def _with_parent(category: str) -> tuple[str, ...]:
    parent = category.split("/")[0]
    return (category,) if parent == category else (category, parent)


def commitment_of(text: str, tokens: list[Token], hits: list[Hit], parties: tuple[str, ...]) -> Commitment:
    """The firmest commitment among the sentences, with the obligors of the sentences carrying it.

    Sentences whose subject names a party outrank impersonal ones ("Such meetings will ..."),
    which speak for the paragraph only when no sentence names who acts.
    """
    cues = sorted((hit for hit in hits if hit.pattern.kind == "strength"), key=lambda hit: hit.first)
    if not cues:
        return NO_COMMITMENT
    starts = [t[START] for t in tokens]
    groups = [hit for hit in hits if hit.pattern.kind == "all"]
    found = [
        _sentence_commitment(text, span, tokens, starts, cues, groups, parties)
        for span in sentence_spans(text)
    ]
    found = [c for c in found if c.strength != Strength.NONE]
    found = [c for c in found if c.explicit_subject] or found
    if not found:
        return NO_COMMITMENT
    top = min(RANK[c.strength] for c in found)
    firmest = [c for c in found if RANK[c.strength] == top]
    obligors = tuple(dict.fromkeys(code for c in firmest for code in c.obligors))
    if ALL_PARTIES in obligors or (len(parties) >= 2 and set(parties) <= set(obligors)):
        obligors = (ALL_PARTIES,)
    first = firmest[0]
    return Commitment(first.strength, obligors, first.cue, first.subject, first.explicit_subject)


def _sentence_commitment(
    text: str,
    span: tuple[int, int],
    tokens: list[Token],
    starts: list[int],
    all_cues: list[Hit],
    groups: list[Hit],
    parties: tuple[str, ...],
) -> Commitment:
    """The main verb of a sentence, and the firmest verb coordinated with it ("supports ... and will").

    ``all_cues`` are the clause's strength cues in text order, ``groups`` its hits naming every party
    ("the Participants"); a sentence without a cue is passed over at once.
    """
    start, end = span
    cues = all_cues[
        bisect_left(all_cues, start, key=_start_of_hit) : bisect_left(all_cues, end, key=_start_of_hit)
    ]
    words = range(bisect_left(starts, start), bisect_left(starts, end))
    if not cues or not words:
        return NO_COMMITMENT
    first = _first_word(text, start, starts, words)
    recital = _is_recital(tokens[first][LOWER]) if first is not None else False
    previous: tuple[str, list[str], bool] | None = None
    for index, cue in enumerate(cues[:MAX_VERBS]):
        if not _is_verb(cue, tokens, first):
            continue
        subject = _subject(text, start, cue.start)
        if previous is not None and subject.lower() in COORDINATORS:
            subject, codes, all_parties = previous  # ", and would undermine": the earlier verb's subject
            coordinated = True
        else:
            codes, all_parties = _subject_parties(subject, groups, start, cue.start, text)
            coordinated = False
        previous = (subject, codes, all_parties)
        if codes and not all_parties and set(codes) <= NOT_OBLIGORS:
            continue  # "Any future Russian invasion would violate ...": the adversary commits to nothing
        codes = [code for code in codes if code not in NOT_OBLIGORS]
        explicit = bool(codes or all_parties)
        if recital and (coordinated or not (explicit and _after_comma(text, start, cue.start, subject))):
            continue
        strength = _firmest_coordinated(
            text, cue, cues[index + 1 : index + 1 + MAX_VERBS], tokens, first, end
        )
        if not explicit and TEXT_ITSELF.match(subject):
            if strength in (Strength.FIRM, Strength.SUPPORT):
                why = f"{text[cue.start : cue.end]} (about the text itself)"
                return Commitment(Strength.NONE, (), why, subject, False)
            return Commitment(strength, (ALL_PARTIES,), text[cue.start : cue.end], subject, False)
        obligors = _obligors(codes, all_parties, parties)
        return Commitment(strength, obligors, text[cue.start : cue.end], subject, explicit)
    return NO_COMMITMENT


def _firmest_coordinated(
    text: str, main: Hit, later: list[Hit], tokens: list[Token], first: int | None, end: int
) -> Strength:
    """The main verb's strength, raised by verbs coordinated with it under the same subject.

    A verb after "that"/"which" belongs to an embedded clause ("reaffirm that Ukraine will")
    and does not count, except the conditional "affirms that in those circumstances it would".
    """
    strength = Strength(main.pattern.target)
    for cue in later:
        between = text[main.end : cue.start]
        if EMBEDDED.search(between):
            if _conditional_would(text, main, cue):
                return Strength.FIRM
            break
        if _is_verb(cue, tokens, first) and not _subject(text, main.end, cue.start):
            candidate = Strength(cue.pattern.target)
            if RANK[candidate] < RANK[strength]:
                strength = candidate
    return strength


def _conditional_would(text: str, main: Hit, cue: Hit) -> bool:
    """'Germany affirms that in those circumstances it would provide ...' commits firmly; so do
    'Італія підтверджує, що за цих обставин ... вона надасть' and its Russian form, which say
    "will provide" where English says "would"."""
    if main.pattern.target != "support":
        return False
    conditional = text[cue.start : cue.end].lower() == "would" or (
        cue.pattern.target == "firm" and IN_THOSE_CIRCUMSTANCES.search(text, main.end, cue.start) is not None
    )
    return conditional and bool(PRONOUN_SUBJECT.match(_subject(text, main.end, cue.start)))


def _after_comma(text: str, start: int, cue_start: int, subject: str) -> bool:
    """In a recital, a main clause follows the participial phrase after a comma."""
    where = text.rfind(subject, start, cue_start) if subject else cue_start
    return bool(re.search(r"[,;:]", text[start:where]))


def _first_word(text: str, start: int, starts: list[int], words: range) -> int | None:
    """The sentence's first word after its list mark ("2.", "(b)"), if any."""
    mark = LEADING.match(text, start)
    first = bisect_left(starts, mark.end() if mark else start, words.start, words.stop)
    return first if first < words.stop else None


def _is_recital(word: str) -> bool:
    """A sentence opened by a participle or a participial adjective: 'Reaffirming', 'Визнаючи', 'Признавая'."""
    if word in RECITAL_WORDS:
        return True
    if word.isascii():
        return len(word) > 5 and word.endswith("ing")
    if word.endswith(("учи", "ючи", "вши", "вшись")):
        return True
    return (
        len(word) > 5
        and word.endswith(("ая", "яя"))
        and not word.endswith(("ская", "ная", "цкая", "кая", "ова"))
    )


def _is_verb(cue: Hit, tokens: list[Token], first: int | None) -> bool:
    token = tokens[cue.first]
    if token[RAW][:1].isupper() and cue.first != first and not cue.pattern.words[0].exact_case:
        return False  # "May 2024", "Will" inside a name
    previous = tokens[cue.first - 1][LOWER] if cue.first > 0 and cue.first != first else ""
    if previous in NOUN_CONTEXT:
        return False
    if token[LOWER] in NOUNISH and cue.first != first:
        before = tokens[cue.first - 1]
        if before[END] - before[START] > len(before[RAW]):
            return False  # "Norway's support": a possessive (tokenize dropped its "'s") makes a noun
        return previous in SUBJECT_WORDS or _names_party(before[RAW])
    return True


@lru_cache(maxsize=4096)
def _names_party(word: str) -> bool:
    from clauses.gazetteer import code_for

    return code_for(word) is not None


def _subject(text: str, start: int, cue_start: int) -> str:
    """The words before the verb that name who acts: the nearest segment that is not an adjunct."""
    before = text[start:cue_start]
    mark = LEADING.match(before)
    if mark:
        before = before[mark.end() :]
    for segment in reversed(SUBJECT_BREAK.split(before)):
        segment = CONJUNCTION.sub("", segment.strip())
        if segment and not ADJUNCT.match(segment) and not PARTICIPLE.match(segment):
            return segment
    return ""


def _subject_parties(
    subject: str, groups: list[Hit], start: int, cue_start: int, text: str
) -> tuple[list[str], bool]:
    """The parties the subject names, and whether it names them all ("the Participants": ``groups``,
    in text order)."""
    if not subject:
        return [], False
    where = text.rfind(subject, start, cue_start)
    inside = groups[bisect_left(groups, where, key=_start_of_hit) :]
    all_parties = any(h.end <= where + len(subject) for h in inside[:1])
    return _named_parties(subject), all_parties


@lru_cache(maxsize=4096)
def _named_parties(subject: str) -> list[str]:
    """Parties named as actors in a subject. A possessive names an owner ("Ukraine's security will
    …"), except of what a party gives ("the UK's support will be", "Romania's military support will");
    a party after "to" or "for" receives ("Belgium's commitments to Ukraine seek …")."""
    from clauses.gazetteer import mentions

    codes = [
        mention.code
        for mention in mentions(subject)
        if (not _possessive(subject, mention.start, mention.end) or GIVEN_AFTER.match(subject, mention.end))
        and not RECIPIENT_BEFORE.search(subject, 0, mention.start)
    ]
    return list(dict.fromkeys(codes))


def _possessive(subject: str, start: int, end: int) -> bool:
    return subject[start:end].endswith(("'s", "’s")) or subject.startswith(("'s", "’s"), end)


def _obligors(codes: list[str], all_parties: bool, parties: tuple[str, ...]) -> tuple[str, ...]:
    if all_parties or not codes:
        return (ALL_PARTIES,)
    if len(parties) >= 2 and set(parties) <= set(codes):
        return (ALL_PARTIES,)
    own = [code for code in codes if code in parties]
    return tuple(own or codes)


def precision_of(
    text: str, hits: list[Hit], quantities: list[Quantity], strength: Strength
) -> tuple[Precision, str]:
    """Quantified by a binding number, specific by a named system/programme/mechanism, else general."""
    for quantity in quantities:
        if quantity.kind != QuantityKind.YEAR:
            return Precision.QUANTIFIED, quantity.text
    if strength != Strength.NONE:
        year = COMMITMENT_YEAR.search(text)
        if year:
            return Precision.QUANTIFIED, year.group()
    named = [h for h in hits if h.pattern.kind in ("name", "specific")]
    if named:
        return Precision.SPECIFIC, named[0].text
    return Precision.GENERAL, "no number, system or programme named"


def _reasons(
    categories: list[CategoryLabel],
    commitment: Commitment,
    conditions: list[Condition],
    hits: list[Hit],
    precision: Precision,
    precision_why: str,
) -> list[Reason]:
    """The explanation of every label (validated: pydantic-core checks three strings faster than model_construct)."""
    reasons = [
        Reason(label=label.id, value=f"{label.score:.2f}", evidence=", ".join(label.evidence))
        for label in categories
    ]
    cue = commitment.cue or "no commitment verb (recital, heading, fact or past action)"
    reasons.append(Reason(label="strength", value=commitment.strength.value, evidence=cue))
    if commitment.obligors:
        who = commitment.subject or (
            "inherited" if commitment.cue.startswith("inherited") else "no named subject"
        )
        reasons.append(Reason(label="obligors", value=", ".join(commitment.obligors), evidence=who))
    for condition in conditions:
        words = [
            h.text for h in hits if h.pattern.kind == "condition" and h.pattern.target == condition.value
        ]
        reasons.append(Reason(label="conditions", value=condition.value, evidence=", ".join(words)))
    reasons.append(Reason(label="precision", value=precision.value, evidence=precision_why))
    return reasons
