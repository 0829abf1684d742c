"""The concepts a clause speaks of, one id per thing whatever the language: what lets a Ukrainian or
Russian clause be paired with its English counterpart.

The words are data (``clauses/data/concepts.yaml``: themes in English, Ukrainian and Russian, and the
names of systems, funds, missions and institutions), matched by the taxonomy's engine
(``clauses.taxonomy.Matcher``); countries and the EU, NATO and the G7 come from the gazetteer, and
numbers, amounts, dates, durations and deadlines from ``clauses.quantities``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from clauses.errors import ClausesError
from clauses.models import Quantity, QuantityKind, Strict
from clauses.resources import data_file
from clauses.taxonomy import Language, Matcher, Pattern, TermSpec, WeightedTerm, parse_term

NAME = "name:"
"""Prefix of the ids of named things (systems, funds, missions, institutions): the rarest concepts."""
PARTY = "party:"
YEARS = (1900, 2100)
"""A number of years in this range is a year (see ``quantity_concepts``)."""
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")


class Vocabulary(Strict):
    """The concept vocabulary as written in YAML."""

    concepts: dict[str, dict[Language, list[TermSpec]]] = Field(default_factory=dict)
    names: dict[str, list[TermSpec]] = Field(default_factory=dict)

    def patterns(self) -> list[Pattern]:
        """Every term as a pattern of one kind, so a name hides the concept words inside it."""
        patterns: list[Pattern] = []
        entries = [(concept, terms) for concept, by_language in self.concepts.items()
                   for terms in by_language.values()]  # fmt: skip
        entries += [(NAME + name, terms) for name, terms in self.names.items()]
        for target, terms in entries:
            for spec in terms:
                term = spec.term if isinstance(spec, WeightedTerm) else spec
                words = parse_term(term)
                if words:
                    patterns.append(Pattern(words, "concept", target, 1.0, term))
        return patterns


def read_vocabulary(path: Path) -> Vocabulary:
    """One YAML file as a Vocabulary; an error names the file and the field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ClausesError(f"cannot read concepts: {str(error).splitlines()[0]}", path) from None
    try:
        return Vocabulary.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ClausesError(f"{field}: {first['msg']}", path) from None


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    return Matcher(read_vocabulary(data_file("concepts.yaml")).patterns())


@lru_cache(maxsize=1 << 16)
def concepts(text: str) -> frozenset[str]:
    """The ids of the concepts ``text`` names: vocabulary, parties, quantities and other numbers.

    Cached: matching every pair of agreements asks for each clause's concepts many times.
    """
    from clauses.gazetteer import mentions
    from clauses.quantities import find_quantities

    found = {hit.pattern.target for hit in _matcher().scan(text)}
    found.update(PARTY + mention.code for mention in mentions(text))
    quantities = [quantity_concepts(q) for q in find_quantities(text)]
    found.update(concept for ids in quantities for concept in ids)
    years = {float(concept[5:]) for concept in found if concept.startswith("year:")}
    found.update(f"number:{value:g}" for value in _numbers(text) if value not in years)
    return frozenset(found)


def quantity_concepts(quantity: Quantity) -> tuple[str, ...]:
    """The ids of an amount, deadline, duration or year: "money:EUR:3e+09", "deadline:24 hours".

    A deadline is also a duration: "протягом десяти років" (a deadline to ``quantities``) is
    "for ten years" as often as "within ten years". A Ukrainian year ("у 2023 році") reads as a
    duration of 2023 years; it is the year.
    """
    value, unit = quantity.value, quantity.unit
    if quantity.kind == QuantityKind.YEAR or (unit == "years" and YEARS[0] <= value <= YEARS[1]):
        return (f"year:{value:g}",)
    if quantity.kind in (QuantityKind.COUNT, QuantityKind.PERCENT):
        return (f"{quantity.kind.value}:{value:g}",)  # a count's unit is a word of one language
    if quantity.kind == QuantityKind.MONEY:
        return (f"money:{unit}:{value:g}",)
    if quantity.kind == QuantityKind.DEADLINE:
        return (f"deadline:{value:g} {unit}", f"duration:{value:g} {unit}")
    return (f"{quantity.kind.value}:{value:g} {unit}",)


def _numbers(text: str) -> list[float]:
    from clauses.quantities import parse_number

    return [parse_number(m.group()) for m in NUMBER.finditer(text)]
