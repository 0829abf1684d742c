"""Who commits: the subject of a verb, the parties it names (all of them, some, or an adversary who
commits to nothing), and the parties of an agreement that does not say them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import attrgetter

from clauses.grammar import adversaries, alternation, grammar
from clauses.models import (
    ALL_PARTIES,
    Agreement,
)
from clauses.taxonomy import Hit
from clauses.text.markers import LEADING

WORDS = grammar()["subject"]
ADVERSARIES = adversaries()
SUBJECT_BREAK = re.compile(rf"[,;:()–—]|\b(?:{alternation(WORDS['breaks'])})\b", re.IGNORECASE)
ADJUNCT = re.compile(rf"^(?:{alternation(WORDS['adjuncts'])})", re.IGNORECASE)
"""A segment before the verb that opens with one of these words is an adjunct, not the subject."""
PARTICIPLE = re.compile(r"^[a-z]\w*ing\b")
"""A lower-case participle opening a segment ("…, working with its partners in the EU, aims"): an adjunct."""
GIVEN_AFTER = re.compile(rf"(?:['’]s)?\s+(?:\w+\s+){{0,2}}?(?:{alternation(WORDS['gifts'])})", re.IGNORECASE)
"""After a party's possessive: what the party gives, which makes the owner the actor."""
RECIPIENT_BEFORE = re.compile(
    rf"\b(?:{alternation(WORDS['recipient_markers'])})\s+(?:the\s+)?$", re.IGNORECASE
)
PLACE_BEFORE = re.compile(rf"\b(?:{alternation(WORDS['place_markers'])})\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a party, these make it a place: "production in Ukraine and the United States will allow"."""
OFFICIALS = re.compile(rf"\b(?:{alternation(WORDS['officials'])})\b", re.IGNORECASE)
JOINED = re.compile(
    rf"\s*(?:,\s*)?(?:(?:{alternation(WORDS['coordinators'])})\s+)?(?:the\s+)?", re.IGNORECASE
)
PREPOSITIONS = frozenset(WORDS["recipient_markers"] + WORDS["place_markers"] + ["of", "and", "or"])
COORDINATORS = frozenset(WORDS["coordinators"])
"""A verb whose subject is only one of these shares the subject of the verb before it."""
CONJUNCTION = re.compile(rf"^(?:{alternation(WORDS['coordinators'])})\s+", re.IGNORECASE)
PRONOUN_SUBJECT = re.compile(rf"^(?:{alternation(WORDS['pronouns'])})$", re.IGNORECASE)
_ITSELF = WORDS["text_itself"]
TEXT_ITSELF = re.compile(
    rf"(?:(?:{alternation(_ITSELF['determiners'])})\s+)+(?:[\w-]+\s+){{0,2}}?(?:{alternation(_ITSELF['nouns'])})"
    rf"|\b(?:{alternation(_ITSELF['determiners_uk_ru'])})?\s*(?:{alternation(_ITSELF['nouns_uk_ru'])})",
    re.IGNORECASE,
)


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
            if code not in ADVERSARIES:
                counts[code] = counts.get(code, 0) + 1
    return tuple(sorted(counts, key=lambda code: -counts[code])[:2])


@lru_cache(maxsize=4096)
def names_party(word: str) -> bool:
    from clauses.gazetteer import code_for

    return code_for(word) is not None


def subject_of(text: str, start: int, cue_start: int) -> str:
    """The words before the verb that name who acts: the nearest segment that is not an adjunct."""
    before = text[start:cue_start]
    mark = LEADING.match(before)
    if mark:
        before = before[mark.end() :]
    for segment in reversed(SUBJECT_BREAK.split(before)):
        segment = CONJUNCTION.sub("", segment.strip())
        if not segment:
            continue
        if PARTICIPLE.match(segment):
            continue
        if not ADJUNCT.match(segment):
            return segment
        named = _party_after_adjunct(segment)
        if named:
            return named
    return ""


def _party_after_adjunct(segment: str) -> str:
    """The party closing an adjunct with no comma after it ("In 2024 Norway", "в течение года Эстония"),
    which is the subject; not the object of a preposition ("with Ukraine", "в Украине")."""
    from clauses.gazetteer import mentions

    found = mentions(segment)
    if not found or found[-1].end != len(segment):
        return ""
    first = len(found) - 1
    while first and JOINED.fullmatch(segment, found[first - 1].end, found[first].start):
        first -= 1  # "Італія та Україна": the whole pair
    words_before = [word for word in segment[: found[first].start].split() if word.lower() != "the"]
    if not words_before or ADJUNCT.fullmatch(words_before[-1]) or words_before[-1].lower() in PREPOSITIONS:
        return ""
    return segment[found[first].start :]


def subject_parties(
    subject: str, groups: list[Hit], start: int, cue_start: int, text: str
) -> tuple[list[str], bool]:
    """The parties the subject names, and whether it names them all ("the Participants": ``groups``,
    in text order)."""
    if not subject:
        return [], False
    where = text.rfind(subject, start, cue_start)
    inside = groups[bisect_left(groups, where, key=attrgetter("start")) :]
    all_parties = any(h.end <= where + len(subject) for h in inside[:1])
    return _named_parties(subject), all_parties


@lru_cache(maxsize=4096)
def _named_parties(subject: str) -> list[str]:
    """Parties named as actors in a subject. A possessive names an owner ("Ukraine's security will
    …"), except of what a party gives ("the UK's support will be", "Romania's military support will");
    a party after "to" or "for" receives ("Belgium's commitments to Ukraine seek …"); a party after
    "in" or "between" is a place ("production in Ukraine will allow …"); a party joined to one of these
    by "and" is one too."""
    from clauses.gazetteer import mentions

    codes = []
    previous, beside = None, False
    for mention in mentions(subject):
        if previous is not None and JOINED.fullmatch(subject, previous.end, mention.start):
            aside = beside  # "in Ukraine and the United States": both places
        else:
            aside = bool(
                RECIPIENT_BEFORE.search(subject, 0, mention.start)
                or PLACE_BEFORE.search(subject, 0, mention.start)
            )
        previous, beside = mention, aside
        owner = not _possessive(subject, mention.start, mention.end) or GIVEN_AFTER.match(
            subject, mention.end
        )
        if owner and not aside:
            codes.append(mention.code)
    return list(dict.fromkeys(codes))


def _possessive(subject: str, start: int, end: int) -> bool:
    return subject[start:end].endswith(("'s", "’s")) or subject.startswith(("'s", "’s"), end)


def official(subject: str) -> bool:
    """Whether the subject names an office or a body of government ("the Vice President")."""
    return OFFICIALS.search(subject) is not None


def committing(codes: list[str], all_parties: bool) -> list[str] | None:
    """The parties a subject names that commit: not an adversary; None where only adversaries act
    ("Any future Russian invasion would violate ...": the adversary commits to nothing)."""
    if codes and not all_parties and set(codes) <= ADVERSARIES:
        return None
    return [code for code in codes if code not in ADVERSARIES]


def obligors_of(codes: list[str], all_parties: bool, parties: tuple[str, ...]) -> tuple[str, ...]:
    """The obligors of a verb whose subject names ``codes`` (or every party): the agreement's own
    parties among them where there are any."""
    if all_parties or not codes or every_party(codes, parties):
        return (ALL_PARTIES,)
    own = [code for code in codes if code in parties]
    return tuple(own or codes)


def own_voice(obligors: tuple[str, ...], parties: Sequence[str]) -> tuple[str, ...]:
    """The obligors of a text with one issuer. A government's text (its fact sheet, readout or own
    statement) speaks for that government: its "we" is its own commitment, not a joint one. A group
    speaking as one (G7, EU, NATO) commits its members jointly: naming it is ``ALL``."""
    from clauses.gazetteer import ISO_CODES

    if len(parties) != 1 or not obligors:
        return obligors
    issuer = parties[0]
    if issuer in ISO_CODES:
        return tuple(dict.fromkeys(issuer if code == ALL_PARTIES else code for code in obligors))
    return tuple(dict.fromkeys(ALL_PARTIES if code == issuer else code for code in obligors))


def every_party(codes: Iterable[str], parties: tuple[str, ...]) -> bool:
    """Whether ``codes`` stand for every party: ``ALL`` among them, or each of two or more parties named."""
    named = set(codes)
    return ALL_PARTIES in named or (len(parties) >= 2 and set(parties) <= named)
