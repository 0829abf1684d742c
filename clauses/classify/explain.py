"""Why each label was given, and why a category whose words add up was withheld."""

from __future__ import annotations

from clauses.classify.categories import (
    EVIDENCE_KINDS,
    THRESHOLD,
    evidence_key,
    unmet_requirements,
    with_parent,
)
from clauses.classify.commitment import Commitment
from clauses.models import (
    CategoryLabel,
    Condition,
    Precision,
    Reason,
)
from clauses.taxonomy import Hit, Taxonomy


def withheld(
    taxonomy: Taxonomy, given: list[CategoryLabel], hits: list[Hit], context: list[Hit]
) -> list[Reason]:
    """Categories whose own words add up but whose required words are missing, said with what is
    missing: a reader sees why "weapons" in an industry clause is not military assistance."""
    if not taxonomy.requirements:
        return []
    labelled = {label.id for label in given}
    found = {hit.pattern.target for hit in [*hits, *context] if hit.pattern.kind == "requires"}
    reasons = []
    for category in sorted(unmet_requirements(taxonomy.requirements, [*hits, *context]) - labelled):
        words = {
            evidence_key(hit.pattern): (hit.text, hit.pattern.weight)
            for hit in hits
            if hit.pattern.kind in EVIDENCE_KINDS and category in with_parent(hit.pattern.target)
        }
        if sum(weight for _, weight in words.values()) < THRESHOLD:
            continue
        keys = taxonomy.requirements[category]
        missing = next(n for n, key in enumerate(keys) if key not in found)
        examples = ", ".join(taxonomy.categories[category].requires[missing][:4])
        evidence = f"{', '.join(text for text, _ in words.values())}; but no word such as {examples}"
        reasons.append(Reason(label=category, value="not given", evidence=evidence))
    return reasons


def reasons(
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
    if commitment.negated:
        reasons.append(Reason(label="negated", value="true", evidence=commitment.negated))
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
