"""How firmly a clause commits: the main verb of each sentence, verbs coordinated with it, recitals,
statements about the text itself, and list items that take the strength of the sentence introducing them."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from clauses.classify.negation import negation
from clauses.classify.subject import (
    COORDINATORS,
    PRONOUN_SUBJECT,
    TEXT_ITSELF,
    committing,
    every_party,
    names_party,
    obligors_of,
    official,
    subject_of,
    subject_parties,
)
from clauses.grammar import alternation, grammar
from clauses.models import (
    ALL_PARTIES,
    Clause,
    Strength,
)
from clauses.taxonomy import Hit, Matcher, Pattern, Taxonomy, Word
from clauses.text.markers import LEADING
from clauses.text.sentences import sentence_spans
from clauses.text.tokens import END, LOWER, RAW, START, Token

WORDS = grammar()["commitment"]
EMBEDDED = re.compile(rf"\b(?:{alternation(WORDS['embedded'])})\b", re.IGNORECASE)
MAX_VERBS = 24
"""Cues of one sentence looked at as its main verb, and as verbs coordinated with it: a real sentence
has a handful; a 100,000-character "sentence" would otherwise cost time in the square of its length."""
IN_THOSE_CIRCUMSTANCES = re.compile(rf"\b(?:{alternation(WORDS['in_those_circumstances'])})", re.IGNORECASE)
ITEM_PATH = re.compile(r"(?:^|\.)(?:\d+|[a-z]|[ivx]+|•\d+)(?:~\d+)?$")
"""A path ending in an item's number, letter or bullet ("8.6", "II.5.a", "3.•2", "8.4~2" where numbering
restarts), not a paragraph ("p3")."""
RECITAL_WORDS = frozenset(WORDS["recital_words"])
RECITAL_UK = tuple(WORDS["recital_endings"]["uk"])
RECITAL_RU = tuple(WORDS["recital_endings"]["ru"])
RECITAL_RU_NOT = tuple(WORDS["recital_endings"]["ru_not"])
NOUNISH = frozenset(WORDS["nounish"])
"""Cue words that are nouns as often as verbs: a verb only right after its subject."""
SUBJECT_WORDS = frozenset(WORDS["subject_words"])
NOUN_CONTEXT = frozenset(WORDS["noun_context"])
UKRAINIAN_FUTURE = tuple(WORDS["future_endings"])
FUTURE_HINT = re.compile("|".join(map(re.escape, UKRAINIAN_FUTURE)))
FUTURE_CUE = Pattern((Word("-тиме", False, False),), "strength", "firm", 1.0, "future tense")
CHAINS = [
    (
        Strength(strength),
        frozenset(chain["auxiliaries"]),
        re.compile(
            rf"(?:\s*,[^,.;:]{{1,80}},)?\s+(?:also\s+|further\s+|jointly\s+|together\s+)?"
            rf"(?:{alternation(chain['verbs'])})",
            re.IGNORECASE,
        ),
    )
    for strength, chain in WORDS["chains"].items()
]
"""For each strength an auxiliary may take from its verb: the auxiliaries, and the pattern of an
optional parenthesis (", subject to its procedures,") and the verb that says less than the auxiliary."""
_PROGRESSIVE = WORDS["progressive"]
AUXILIARIES = frozenset(_PROGRESSIVE["auxiliaries"])
NOT_ACTIONS = frozenset(_PROGRESSIVE["not_actions"])
PROGRESSIVE_STRENGTH = {
    **dict.fromkeys(_PROGRESSIVE["support"], "support"),
    **dict.fromkeys(_PROGRESSIVE["intent"], "intent"),
}
PRESENT = "present action"
PRESENT_CUES = {
    strength: Pattern(
        (Word("is", False, False), Word("-ing", False, False)), "strength", strength, 1.0, PRESENT
    )
    for strength in ("firm", "intent", "support")
}
EFFECTS = frozenset(WORDS["effects"])
EFFECT_SUBJECTS = frozenset(WORDS["effect_subjects"])
OUTCOMES = frozenset(WORDS["outcomes"])
RELATIVE = frozenset(word for word in WORDS["embedded"] if not word.endswith("*"))
BETWEEN_WILL_AND_VERB = frozenset(WORDS["between_will_and_verb"])
BARE_VERBS = frozenset(WORDS["bare_verbs"])
BARE_INTENT_VERBS = frozenset(WORDS["bare_intent_verbs"])


class Commitment(NamedTuple):
    strength: Strength
    obligors: tuple[str, ...]
    cue: str
    subject: str
    explicit_subject: bool
    negated: str = ""
    """The words negating the main verb ("will not"), or "" where it commits to something."""


NO_COMMITMENT = Commitment(Strength.NONE, (), "", "", False)
_start_of_hit = attrgetter("start")


def commitment_of_clause(
    clause: Clause,
    tokens: list[Token],
    hits: list[Hit],
    taxonomy: Taxonomy,
    parties: tuple[str, ...],
    parent: Clause | None,
) -> Commitment:
    """The commitment of a clause: its own sentences', else its introducer's (``parent``), else a bare list item's."""
    commitment = commitment_of(clause.text, tokens, hits + tense_cues(clause.text, tokens), parties)
    if parent is not None and not commitment.explicit_subject:
        commitment = inherit(commitment, parent, taxonomy, parties)
    elif clause.parent is None and not commitment.explicit_subject:
        # "4. Support Ukraine in ...": an imperative item, not "supports"; firmer than its verb alone says
        bare = bare_list_item(clause.text, tokens, numbered=ITEM_PATH.search(clause.path) is not None)
        if bare.strength.rank < commitment.strength.rank:
            commitment = bare
    return commitment


def inherit(own: Commitment, parent: Clause, taxonomy: Taxonomy, parties: tuple[str, ...]) -> Commitment:
    """A list item speaks with the voice of the sentence introducing the list ("Romania will:").

    The introducer is the parent's last sentence; an item's own verb without a subject
    ("4. will cooperate ...") counts where it is firmer, the obligors are the introducer's.
    """
    intro = _last_sentence_commitment(parent.text, taxonomy.matcher, parties)
    if intro.strength == Strength.NONE:
        negated = f"negated in {parent.id}" if parent.negated else ""
        intro = Commitment(parent.strength, tuple(parent.obligors), "", "", False, negated)
    if intro.strength == Strength.NONE:
        return own
    strength = min(own.strength, intro.strength, key=attrgetter("rank"))
    negated = own.negated or intro.negated
    return Commitment(strength, intro.obligors, f"inherited from {parent.id}", "", False, negated)


@lru_cache(maxsize=256)
def _last_sentence_commitment(text: str, matcher: Matcher, parties: tuple[str, ...]) -> Commitment:
    """Kept: every item of a list asks for the same introducer."""
    start, end = sentence_spans(text)[-1] if text.strip() else (0, 0)
    last = text[start:end]
    tokens, hits = matcher.read(last)
    return commitment_of(last, tokens, hits + tense_cues(last, tokens), parties)


def bare_list_item(text: str, tokens: list[Token], *, numbered: bool = False) -> Commitment:
    """'6. Promote border protection ...': an item of a list whose 'The Participants will:' was lost.

    The item's number is in its text, or (``numbered``) only in its path, where the segmenter put it.
    """
    mark = LEADING.match(text)
    if not (mark or numbered) or not tokens:
        return NO_COMMITMENT
    first = next((t for t in tokens if t[START] >= (mark.end() if mark else 0)), None)
    if first is None or first[LOWER] not in BARE_VERBS:
        return NO_COMMITMENT
    strength = Strength.INTENT if first[LOWER] in BARE_INTENT_VERBS else Strength.FIRM
    return Commitment(strength, (ALL_PARTIES,), f"{first[RAW]} (list item without its introducer)", "", False)


def tense_cues(text: str, tokens: list[Token]) -> list[Hit]:
    """Cues the taxonomy's words do not list: the Ukrainian synthetic future, the English present progressive."""
    return future_tense(text, tokens) + present_progressive(text, tokens)


def present_progressive(text: str, tokens: list[Token]) -> list[Hit]:
    """ "we are providing", "is announcing": an action going on now (firm; "are exploring" an intent).

    It commits only with a party as its subject (see ``_sentence_commitment``): "the war is raging" does not.
    """
    hits = []
    for i, token in enumerate(tokens[:-1]):
        verb = tokens[i + 1][LOWER]
        if i and tokens[i - 1][LOWER] in RELATIVE:
            continue  # "children who are staying": an embedded clause, not what the subject does
        if token[LOWER] in AUXILIARIES and verb.endswith("ing") and len(verb) > 4 and verb not in NOT_ACTIONS:
            cue = PRESENT_CUES[PROGRESSIVE_STRENGTH.get(verb, "firm")]
            end = tokens[i + 1][END]
            hits.append(Hit(cue, i, i + 1, token[START], end, text[token[START] : end]))
    return hits


def future_tense(text: str, tokens: list[Token]) -> list[Hit]:
    """Ukrainian synthetic future ("надаватиме", "підтримуватимуть") commits like "will"."""
    if not FUTURE_HINT.search(text):
        return []
    return [
        Hit(FUTURE_CUE, i, i, token[START], token[END], text[token[START] : token[END]])
        for i, token in enumerate(tokens)
        if token[LOWER].endswith(UKRAINIAN_FUTURE)
    ]


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
    top = min(c.strength.rank for c in found)
    # A paragraph saying what will and what will not be done commits to what it will do.
    firmest = sorted((c for c in found if c.strength.rank == top), key=lambda c: bool(c.negated))
    obligors = tuple(dict.fromkeys(code for c in firmest for code in c.obligors))
    if every_party(obligors, parties):
        obligors = (ALL_PARTIES,)
    first = firmest[0]
    return first._replace(obligors=obligors)


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
        subject = subject_of(text, start, cue.start)
        if previous is not None and subject.lower() in COORDINATORS:
            subject, codes, all_parties = previous  # ", and would undermine": the earlier verb's subject
            coordinated = True
        else:
            codes, all_parties = subject_parties(subject, groups, start, cue.start, text)
            coordinated = False
        previous = (subject, codes, all_parties)
        codes = committing(codes, all_parties)
        if codes is None:
            continue
        explicit = bool(codes or all_parties) or (len(parties) == 1 and official(subject))
        if _verb_after(cue, tokens) in OUTCOMES:
            continue  # "both countries will benefit from": what they get, not what they do
        if not explicit and (cue.pattern.source == PRESENT or _forecast(cue, tokens, subject)):
            continue  # "the war is raging", "these systems will help protect": nobody commits
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
        obligors = obligors_of(codes, all_parties, parties)
        negated = negation(text, cue.start, cue.end)
        return Commitment(strength, obligors, cue_words(text, cue), subject, explicit, negated)
    return NO_COMMITMENT


def _forecast(cue: Hit, tokens: list[Token], subject: str) -> bool:
    """A firm cue ("will") whose verb forecasts an effect ("will help", "will also bring"), or whose
    subject is an effect ("the benefits will include"); not after a bare name ("Bucharest will help")."""
    words = subject.split()
    if cue.pattern.target != "firm" or not words or (len(words) == 1 and words[0][:1].isupper()):
        return False
    return words[-1].lower() in EFFECT_SUBJECTS or _verb_after(cue, tokens) in EFFECTS


def _verb_after(cue: Hit, tokens: list[Token]) -> str:
    """The word a firm cue ("will") governs, past "also", "not only" and the like; "" if none."""
    if cue.pattern.target != "firm":
        return ""
    for token in tokens[cue.last + 1 : cue.last + 4]:
        if token[LOWER] not in BETWEEN_WILL_AND_VERB:
            return token[LOWER]
    return ""


def _firmest_coordinated(
    text: str, main: Hit, later: list[Hit], tokens: list[Token], first: int | None, end: int
) -> Strength:
    """The main verb's strength, raised by verbs coordinated with it under the same subject.

    A verb after "that"/"which" belongs to an embedded clause ("reaffirm that Ukraine will")
    and does not count, except the conditional "affirms that in those circumstances it would".
    """
    strength = chained_strength(text, main)
    for cue in later:
        between = text[main.end : cue.start]
        if EMBEDDED.search(between):
            if _conditional_would(text, main, cue):
                return Strength.FIRM
            break
        if _is_verb(cue, tokens, first) and not subject_of(text, main.end, cue.start):
            candidate = chained_strength(text, cue)
            if candidate.rank < strength.rank:
                strength = candidate
    return strength


def chained_strength(text: str, cue: Hit) -> Strength:
    """A cue's strength, or that of the verb an auxiliary chains to ("will continue to explore": intent)."""
    return _chain(text, cue)[0]


def cue_words(text: str, cue: Hit) -> str:
    """The words of a cue as ``--explain`` shows them, with the verb an auxiliary chains to."""
    strength, end = _chain(text, cue)
    if end == cue.end:
        return text[cue.start : cue.end]
    return f"{' '.join(text[cue.start : end].split())} (chain: {strength.value})"


def _chain(text: str, cue: Hit) -> tuple[Strength, int]:
    strength = Strength(cue.pattern.target)
    if strength != Strength.FIRM:
        return strength, cue.end
    auxiliary = text[cue.start : cue.end].lower()
    for chained, auxiliaries, pattern in CHAINS:
        match = auxiliary in auxiliaries and pattern.match(text, cue.end)
        if match:
            return chained, match.end()
    return strength, cue.end


def _conditional_would(text: str, main: Hit, cue: Hit) -> bool:
    """'Germany affirms that in those circumstances it would provide ...' commits firmly; so do
    'Італія підтверджує, що за цих обставин ... вона надасть' and its Russian form, which say
    "will provide" where English says "would"."""
    if main.pattern.target != "support":
        return False
    conditional = text[cue.start : cue.end].lower() == "would" or (
        cue.pattern.target == "firm" and IN_THOSE_CIRCUMSTANCES.search(text, main.end, cue.start) is not None
    )
    return conditional and bool(PRONOUN_SUBJECT.match(subject_of(text, main.end, cue.start)))


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
    if word.endswith(RECITAL_UK):
        return True
    return len(word) > 5 and word.endswith(RECITAL_RU) and not word.endswith(RECITAL_RU_NOT)


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
        return previous in SUBJECT_WORDS or names_party(before[RAW])
    return True
