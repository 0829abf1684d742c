"""Label clauses: categories with evidence, strength, obligors, precision, conditions, quantities.

Words come from the taxonomy and the grammar (data); the rules are in the modules of this package,
one per question: ``categories`` (which categories a clause earns), ``commitment`` (how firmly it
commits), ``subject`` (who commits), ``precision`` (how precise it is) and ``explain`` (why).
"""

from __future__ import annotations

from collections.abc import Sequence

from clauses.classify.categories import (
    MIN_WORDS_FOR_HEADING,
    SIGNED_TEXT_CATEGORIES,
    categorize,
    circumstances,
    heading_hits,
)
from clauses.classify.commitment import commitment_of_clause
from clauses.classify.explain import reasons, withheld
from clauses.classify.precision import precision_of
from clauses.classify.subject import agreement_parties, own_voice
from clauses.models import Agreement, CategoryLabel, Clause, Condition
from clauses.quantities import find_quantities
from clauses.taxonomy import Hit, Taxonomy, load_taxonomy
from clauses.text.invisible import for_classification
from clauses.text.tokens import LOWER


def classify_agreement(agreement: Agreement, taxonomy: Taxonomy | None = None) -> Agreement:
    """A copy of ``agreement`` with every clause labelled."""
    taxonomy = taxonomy or load_taxonomy()
    parties = agreement_parties(agreement)
    labelled: dict[str, Clause] = {}
    heading_cache: dict[tuple[str, ...], list[Hit]] = {}
    clauses = []
    for clause in agreement.clauses:
        parent = labelled.get(clause.parent) if clause.parent else None
        result = classify_clause(
            clause,
            taxonomy,
            parties,
            parent=parent,
            heading_cache=heading_cache,
            signed=agreement.kind.is_commitment_text,
        )
        labelled[clause.id] = result
        clauses.append(result)
    return agreement.model_copy(update={"clauses": clauses})


def classify_clause(
    clause: Clause,
    taxonomy: Taxonomy | None = None,
    parties: Sequence[str] = (),
    *,
    parent: Clause | None = None,
    heading_cache: dict[tuple[str, ...], list[Hit]] | None = None,
    signed: bool = True,
) -> Clause:
    """``clause`` with its labels filled; ``parent`` is the labelled clause introducing it, if any.

    A clause of a text that is not ``signed`` (a statement, fact sheet, readout or news) has none of
    the categories about a text's own life (entry into force, duration): such a text has no such life.

    The labels are read from the text normalised for classification (see clauses.text.invisible);
    the labelled clause keeps its text as written.
    """
    taxonomy = taxonomy or load_taxonomy()
    original, clause = clause, _as_read(clause)
    parent = _as_read(parent) if parent is not None else None
    tokens, hits = taxonomy.matcher.read(clause.text)
    # A fragment ("and") says too little to take its heading's topic.
    heading = (
        heading_hits(clause.heading, taxonomy, heading_cache) if len(tokens) >= MIN_WORDS_FOR_HEADING else []
    )
    introducer = taxonomy.matcher.read(parent.text)[1] if parent is not None else []
    categories = categorize(
        hits,
        heading,
        taxonomy.requirements,
        list_item=clause.parent is not None,
        background=circumstances(clause.text),
        introducer=introducer,
    )
    if not signed:
        categories = _of_any_text(categories)
    commitment = commitment_of_clause(clause, tokens, hits, taxonomy, tuple(parties), parent)
    conditions = sorted({Condition(hit.pattern.target) for hit in hits if hit.pattern.kind == "condition"})
    quantities = find_quantities(clause.text, [token[LOWER] for token in tokens])
    precision, precision_why = precision_of(clause.text, hits, quantities, commitment.strength)
    why = reasons(categories, commitment, conditions, hits, precision, precision_why)
    why[len(categories) : len(categories)] = withheld(taxonomy, categories, hits, [*heading, *introducer])
    return original.model_copy(
        update={
            "categories": categories,
            "strength": commitment.strength,
            "obligors": list(own_voice(commitment.obligors, parties)),
            "negated": bool(commitment.negated),
            "conditions": conditions,
            "precision": precision,
            "quantities": quantities,
            "reasons": why,
        }
    )


def _of_any_text(categories: list[CategoryLabel]) -> list[CategoryLabel]:
    return [label for label in categories if label.id not in SIGNED_TEXT_CATEGORIES]


def _as_read(clause: Clause) -> Clause:
    text = for_classification(clause.text)
    heading = [for_classification(line) for line in clause.heading]
    if text == clause.text and heading == clause.heading:
        return clause
    return clause.model_copy(update={"text": text, "heading": heading})
