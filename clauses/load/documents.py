"""What a document is and who issued it, from its title, its opening and a site's tags.

The words are data (``clauses/data/documents.yaml``); this module only reads them. A
statement's parties are its issuers: the leaders or governments that speak in it, not the
countries it speaks about ("... Air Defense Systems to Ukraine").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from clauses.grammar import adversaries
from clauses.models import Kind

WORD = re.compile(r"[\w'’-]+")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
WE_PHRASE = re.compile(r",|\s+(?:the|лідери|лидеры)\b", re.IGNORECASE)
"""'We, the ...', 'We the leaders of ...': the speakers name themselves."""
ISSUED = (Kind.STATEMENT, Kind.DECLARATION)
"""Kinds whose parties are the issuers named in title and opening (readouts and fact sheets name
the governments that met or agreed, like news)."""
ADVERSARIES = adversaries()
"""Named in nearly every text as the aggressor or its suppliers, never as one of its issuers."""


class KindCue(NamedTuple):
    kind: Kind
    titles: tuple[tuple[str, ...], ...]
    anywhere: tuple[tuple[str, ...], ...]
    tags: frozenset[str]


class Cues(NamedTuple):
    lead_words: int
    kinds: tuple[KindCue, ...]
    by: frozenset[str]
    by_after_form: frozenset[str]
    recipients: frozenset[str]
    we: frozenset[str]
    we_continues: frozenset[str]
    join: frozenset[str]
    noise_words: int
    noise: tuple[str, ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The packaged cues, read once."""
    import yaml

    from clauses.resources import data_file

    data: dict[str, Any] = yaml.safe_load(data_file("documents.yaml").read_text(encoding="utf-8"))
    kinds = tuple(
        KindCue(
            Kind(entry["kind"]),
            tuple(_words(cue) for cue in entry.get("titles", [])),
            tuple(_words(cue) for cue in entry.get("anywhere", [])),
            frozenset(tag.casefold() for tag in entry.get("tags", [])),
        )
        for entry in data["kinds"]
    )
    issuers = data["issuers"]
    return Cues(
        int(data["lead_words"]),
        kinds,
        *(
            frozenset(word.casefold() for word in issuers[key])
            for key in ("by", "by_after_form", "recipients", "we", "we_continues", "join")
        ),
        int(data["noise_words"]),
        tuple(str(phrase).casefold() for phrase in data["noise"]),
    )


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in WORD.findall(text))


def _at(words: list[str], start: int, cue: tuple[str, ...]) -> bool:
    """The cue's words begin the words from ``start`` on (a cue word matches any word it begins)."""
    if start + len(cue) > len(words):
        return False
    return all(words[start + i].startswith(part) for i, part in enumerate(cue))


def kind_of(title: str, tags: list[str] | tuple[str, ...] = ()) -> Kind | None:
    """The kind a title's form word or a site's tags name; None when neither names one."""
    table = cues()
    words = list(_words(title))
    for cue in table.kinds:
        if any(_at(words, i, c) for c in cue.titles for i in range(min(table.lead_words + 1, len(words)))):
            return cue.kind
        if any(_at(words, i, c) for c in cue.anywhere for i in range(len(words))):
            return cue.kind
    wanted = {tag.casefold() for tag in tags}
    return next((cue.kind for cue in table.kinds if cue.tags & wanted), None)


def issuers(title: str, paragraphs: list[str]) -> list[str]:
    """The parties that issue a statement or declaration, in order of first mention.

    Named after 'by'/'from' in the title, else in the title where not its topic; then
    "We, the Leaders of the G7" and countries said to join the text, in the opening. Where
    none of these names anyone, the countries that act in the first paragraph.
    """
    found = _title_speakers(title)
    for paragraph in paragraphs[:3]:
        found += _we_speakers(paragraph) + _joining(paragraph)
    if not found and paragraphs:
        found = _actors(paragraphs[0])
    return [code for code in dict.fromkeys(found) if code not in ADVERSARIES]


def _actors(paragraph: str) -> list[str]:
    """The parties named (not described: 'Ukrainian forces') in the first sentence, other than as recipients."""
    from clauses.gazetteer import mentions

    end = SENTENCE_END.search(paragraph)
    sentence = paragraph[: end.start() + 1] if end else paragraph
    named = {m.code for m in mentions(sentence) if m.form == "name"}
    return [code for code in _speakers(sentence) if code in named]


def _title_speakers(title: str) -> list[str]:
    """After 'by' / 'from' the speakers, up to a topic word ('from the President on ... to Ukraine');
    without one, the parties the title names other than as its topic ('Ukraine's Energy Sector')."""
    table = cues()
    forms = tuple(c[-1] for cue in table.kinds if cue.kind in ISSUED for c in cue.titles)
    previous = ""
    for word in WORD.finditer(title):
        lowered = word.group(0).casefold()
        if lowered in table.by or (lowered in table.by_after_form and previous.startswith(forms)):
            return _speakers(_until_topic(title[word.end() :]), frozenset())
        previous = lowered
    return _speakers(title, possessive_is_topic=True)


def _until_topic(text: str) -> str:
    """The text up to its first recipient word other than 'of' (which names whose leader speaks)."""
    table = cues()
    for word in WORD.finditer(text):
        if word.group(0).casefold() in table.recipients - table.by_after_form:
            return text[: word.start()]
    return text


def _speakers(
    text: str, recipients: frozenset[str] | None = None, *, possessive_is_topic: bool = False
) -> list[str]:
    """Parties named in ``text`` other than after a recipient word ('to Ukraine'), pairs kept."""
    from clauses.gazetteer import mentions

    recipients = cues().recipients if recipients is None else recipients
    found = mentions(text)
    if possessive_is_topic:
        found = [m for m in found if not text[m.start : m.end].endswith(("'s", "’s"))]
    paired = {
        index
        for index in range(len(found) - 1)
        if text[found[index].end : found[index + 1].start] in ("-", "–")
    }
    paired |= {index + 1 for index in paired}
    return [
        mention.code
        for index, mention in enumerate(found)
        if index in paired or _word_before(text, mention.start) not in recipients
    ]


def _word_before(text: str, start: int) -> str:
    """The word before position ``start``, skipping an article ('to the Netherlands' -> 'to')."""
    words = WORD.findall(text[max(0, start - 40) : start])
    while words and words[-1].casefold() in ("the", "a"):
        words.pop()
    return words[-1].casefold() if words else ""


def _we_speakers(paragraph: str) -> list[str]:
    """ "We, the ministers of Denmark, Finland and Sweden, met ...": the parties of the phrase after
    'We,', which runs over commas until a part opens with a lower-case word (its verb)."""
    table = cues()
    for word in WORD.finditer(paragraph):
        if word.group(0).casefold() not in table.we:
            continue
        after = paragraph[word.end() : word.end() + 400]
        if not WE_PHRASE.match(after):
            return []
        parts = re.split(r"[:;]", after.lstrip(","), maxsplit=1)[0].split(",")
        phrase = [parts[0]]
        for part in parts[1:]:
            first = part.split()[0] if part.split() else ""
            if not first or (first[0].islower() and first.casefold() not in table.we_continues):
                break
            phrase.append(part)
        return _speakers(",".join(phrase), table.recipients - table.by_after_form - table.we_continues)
    return []


def _joining(paragraph: str) -> list[str]:
    """ "30 countries and the EU have agreed to join the Declaration. Those countries are ...":
    the parties before the joining word and in the sentences after the one that holds it."""
    for word in WORD.finditer(paragraph):
        if word.group(0).casefold() in cues().join:
            end = SENTENCE_END.search(paragraph, word.end())
            after = paragraph[end.end() :] if end else ""
            return _speakers(paragraph[: word.start()]) + _speakers(after, frozenset())
    return []


def site_lines(title: str, paragraphs: list[str]) -> set[int]:
    """Which of a statement's or news item's paragraphs are the site's, not the article's: the
    headline repeated on top (also hard-broken over several lines), short promotional or 'Read also' lines."""
    table = cues()
    dropped = set(range(_repeated_title(title, paragraphs)))
    for index, paragraph in enumerate(paragraphs):
        lowered = paragraph.casefold()
        if len(paragraph.split()) <= table.noise_words and any(phrase in lowered for phrase in table.noise):
            dropped.add(index)
    return dropped if len(dropped) < len(paragraphs) else set()


def _repeated_title(title: str, paragraphs: list[str]) -> int:
    """How many leading paragraphs spell the title again ('Outcomes of ... Expert Groups' / 'On the Black Sea')."""
    wanted = _plain(title)
    joined = ""
    for index, paragraph in enumerate(paragraphs[:6]):
        joined = f"{joined} {_plain(paragraph)}".strip()
        if not wanted or not wanted.startswith(joined):
            return 0
        if joined == wanted:
            return index + 1
    return 0


def _plain(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))
