"""The grammar words (``clauses/data/grammar.yaml``): read once, checked against a short schema.

The classifier and the text primitives build their patterns from these lists; the rules stay in
code. A word ending in "*" is a stem (see ``alternation``). The check is written out rather than
a pydantic model: building a model's schema costs more start-up time than reading the file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from clauses.errors import ClausesError
from clauses.resources import data_file
from clauses.safe_yaml import load_yaml, yaml_error

WORDS = "words"
SCHEMA: dict[str, Any] = {
    "adversaries": WORDS,
    "subject": {
        "breaks": WORDS,
        "adjuncts": WORDS,
        "gifts": WORDS,
        "recipient_markers": WORDS,
        "place_markers": WORDS,
        "officials": WORDS,
        "coordinators": WORDS,
        "pronouns": WORDS,
        "text_itself": dict.fromkeys(("determiners", "nouns", "determiners_uk_ru", "nouns_uk_ru"), WORDS),
    },
    "commitment": {
        **dict.fromkeys(("embedded", "in_those_circumstances", "recital_words"), WORDS),
        "recital_endings": dict.fromkeys(("uk", "ru", "ru_not"), WORDS),
        **dict.fromkeys(
            ("nounish", "subject_words", "noun_context", "bare_verbs", "bare_intent_verbs"), WORDS
        ),
        "future_endings": WORDS,
        "negation": dict.fromkeys(("after", "before", "not_negating", "refusals"), WORDS),
        "chains": {key: dict.fromkeys(("auxiliaries", "verbs"), WORDS) for key in ("intent", "support")},
        "progressive": dict.fromkeys(("auxiliaries", "not_actions", "support", "intent"), WORDS),
        "effects": WORDS,
        "effect_subjects": WORDS,
        "outcomes": WORDS,
        "between_will_and_verb": WORDS,
    },
    "categories": {"scene_openers": WORDS},
    "precision": {"year_prepositions": WORDS},
    "abbreviations": WORDS,
    "numbers": int,
}
"""Every section and list of grammar.yaml: a list of words, a mapping of them, or (``numbers``)
a mapping of numbers to their spellings."""
WORD = re.compile(r"[^*\s][^*]*\*?")
"""A word, a phrase, or a stem ending in "*"."""


def read_grammar(path: Path) -> dict[str, Any]:
    """One grammar file, checked, with errors naming the file and the line or the field."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ClausesError(
            f"cannot read grammar: {getattr(error, 'strerror', None) or error}", path
        ) from None
    try:
        data = load_yaml(text, path.name, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise yaml_error(error, path) from None
    problem = _problem(data, SCHEMA, "")
    if problem:
        raise ClausesError(problem, path.name)
    return data


def _problem(value: Any, schema: Any, where: str) -> str | None:
    """What is wrong with ``value`` against ``schema``, as "field: problem"; None when nothing is."""
    if schema is WORDS:
        words = (
            isinstance(value, list) and value and all(isinstance(w, str) and WORD.fullmatch(w) for w in value)
        )
        return None if words else f"{where}: expected a list of words (quote yes, no, on, off)"
    if schema is int:
        if not isinstance(value, dict) or not value:
            return f"{where}: expected a mapping of numbers to their spellings"
        bad = next(
            (n for n, words in value.items() if not isinstance(n, int) or _problem(words, WORDS, "")), None
        )
        return None if bad is None else f"{where}.{bad}: expected a number and a list of words"
    if not isinstance(value, dict):
        return f"{where or 'grammar'}: expected a mapping of {', '.join(schema)}"
    for key in value.keys() - schema.keys():
        return f"{where}{'.' if where else ''}{key}: unknown field (allowed: {', '.join(schema)})"
    for key, part in schema.items():
        field = f"{where}.{key}" if where else key
        if key not in value:
            return f"{field}: missing"
        problem = _problem(value[key], part, field)
        if problem:
            return problem
    return None


@lru_cache(maxsize=1)
def grammar() -> dict[str, Any]:
    """The packaged grammar, read once per process."""
    return read_grammar(data_file("grammar.yaml"))


@lru_cache(maxsize=1)
def adversaries() -> frozenset[str]:
    """Countries named as the aggressor or its suppliers: never a party that commits or issues a text."""
    return frozenset(grammar()["adversaries"])


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words``: a word matches whole, a stem ("котор*") any word it starts."""
    return "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"\b" for w in words)
