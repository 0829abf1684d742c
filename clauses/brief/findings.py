"""The brief's findings: three to five plain sentences the data supports, each with its clauses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from clauses.brief.facts import UKRAINE, chronological, commits, partners_of
from clauses.brief.model import Finding, HeatCell, HeatMap, MatchedGroup
from clauses.commitments import obligors
from clauses.display import format_date, in_sentence, party_name
from clauses.models import Agreement, Clause, Condition, QuantityKind, Strength

HEADLINE_CATEGORIES = ("air-defense", "military-assistance", "training", "consultations")
"""Categories the first finding looks at, in this order, when they are in scope."""
MAX_NAMED = 6


def findings(
    heatmap: HeatMap,
    signed: Sequence[Agreement],
    docs: Sequence[Agreement],
    groups: dict[str, list[MatchedGroup]],
    labels: Mapping[str, str],
) -> list[Finding]:
    """Three to five plain sentences, the ones the data supports, each with its clauses."""
    makers: list[Callable[[], Finding | None]] = [
        lambda: _headline(heatmap, labels),
        lambda: _widest(heatmap, labels),
        lambda: _consult_deadline(signed, heatmap.categories),
        lambda: _largest_amount(signed),
        lambda: _conditional_share(signed),
        lambda: _most_unique(signed, heatmap.categories, groups),
        lambda: _said_not_signed(heatmap, docs, labels),
        lambda: _firm_and_quantified(signed),
    ]
    found = [f for f in (make() for make in makers) if f is not None]
    return found[:5]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _firm_partners(heatmap: HeatMap, category: str) -> list[HeatCell]:
    cells = [heatmap.cell(p, category) for p in partners_of(heatmap.parties)]
    return [c for c in cells if c is not None and c.strength == Strength.FIRM]


def _names(cells: Sequence[HeatCell]) -> str:
    names = [party_name(c.party) for c in cells[:MAX_NAMED]]
    more = len(cells) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _headline(heatmap: HeatMap, labels: Mapping[str, str]) -> Finding | None:
    """How many partners commit firmly in the category analysts ask about first."""
    partners = partners_of(heatmap.parties)
    category = next((c for c in HEADLINE_CATEGORIES if c in heatmap.categories), None)
    category = category or next(iter(heatmap.categories), None)
    if not partners or category is None:
        return None
    firm = _firm_partners(heatmap, category)
    name = in_sentence(labels[category])
    if len(partners) == 1:
        verb = "makes" if firm else "does not make"
        text = f"{party_name(partners[0])} {verb} a firm {name} commitment."
    elif len(firm) == len(partners):
        text = f"All {len(partners)} partners make a firm {name} commitment."
    else:
        lead = "Only " if firm else ""
        verb = "makes" if len(firm) == 1 else "make"
        text = f"{lead}{len(firm)} of {len(partners)} partners {verb} a firm {name} commitment"
        text += f": {_names(firm)}." if firm else "."
    return Finding(text=text, clauses=[c.clauses[0] for c in firm])


def _widest(heatmap: HeatMap, labels: Mapping[str, str]) -> Finding | None:
    partners = partners_of(heatmap.parties)
    ranked = sorted(
        (c for c in heatmap.categories if c != "final-provisions"),
        key=lambda c: (-len(_firm_partners(heatmap, c)), c),
    )
    if len(partners) < 2 or not ranked or not _firm_partners(heatmap, ranked[0]):
        return None
    firm = _firm_partners(heatmap, ranked[0])
    return Finding(
        text=f"The most widely shared firm commitment is {in_sentence(labels[ranked[0]])}: "
        f"{len(firm)} of {len(partners)} partners ({_names(firm)}).",
        clauses=[c.clauses[0] for c in firm],
    )


def _consult_deadline(signed: Sequence[Agreement], categories: Sequence[str]) -> Finding | None:
    """The G7 template's promise to consult within hours of a new attack, agreement by agreement."""
    if "consultations" not in categories or len(signed) < 2:
        return None
    hits: dict[str, Clause] = {}
    for agreement in signed:
        for clause in agreement.clauses:
            deadline = (
                any(q.kind == QuantityKind.DEADLINE for q in clause.quantities) or "24 hours" in clause.text
            )
            if commits(clause) and "consultations" in clause.category_ids and deadline:
                hits.setdefault(agreement.id, clause)
    if not hits:
        return None
    return Finding(
        text=f"{len(hits)} of {len(signed)} signed texts set a deadline to consult after a future attack "
        "(typically within 24 hours).",
        clauses=[c.id for c in hits.values()],
    )


def _largest_amount(signed: Sequence[Agreement]) -> Finding | None:
    money = [
        (q, clause, agreement)
        for agreement in signed
        for clause in agreement.clauses
        for q in clause.quantities
        if q.kind == QuantityKind.MONEY and commits(clause)
    ]
    if not money:
        return None
    currencies = defaultdict(int)
    for q, _, _ in money:
        currencies[q.unit] += 1
    unit = max(currencies, key=lambda u: (currencies[u], u))
    q, clause, agreement = max((m for m in money if m[0].unit == unit), key=lambda m: m[0].value)
    return Finding(
        text=f"{_count(len(money), 'commitment states', 'commitments state')} an amount of money; the largest in {unit} is “{q.text}” "
        f"({agreement.title}, {format_date(agreement.signed)}).",
        clauses=[clause.id],
    )


def _conditional_share(signed: Sequence[Agreement]) -> Finding | None:
    firm = [c for a in signed for c in a.clauses if c.strength == Strength.FIRM]
    conditional = [c for c in firm if c.conditions]
    if len(firm) < 5 or not conditional:
        return None
    counts = defaultdict(int)
    for clause in conditional:
        for condition in clause.conditions:
            counts[condition] += 1
    top = max(counts, key=lambda c: (counts[c], c.value))
    words = {
        Condition.LEGAL_PROCEDURES: "national law or parliamentary approval",
        Condition.RESOURCES: "available resources",
        Condition.REQUEST: "a request",
        Condition.ATTACK: "a future attack",
        Condition.OTHER: "conditions of other kinds",
    }
    return Finding(
        text=f"{len(conditional)} of {len(firm)} firm commitments ({round(100 * len(conditional) / len(firm))}%) "
        f"are conditional, most often on {words[top]}.",
        clauses=[c.id for c in conditional if top in c.conditions][:MAX_NAMED],
    )


def _most_unique(
    signed: Sequence[Agreement], categories: Sequence[str], groups: dict[str, list[MatchedGroup]]
) -> Finding | None:
    if len(signed) < 2:
        return None
    matched = {cid for gs in groups.values() for g in gs for cid in g.clauses}
    own = {
        a.id: [
            c
            for c in a.clauses
            if commits(c) and set(c.category_ids) & set(categories) and c.id not in matched
        ]
        for a in signed
    }
    best = max(signed, key=lambda a: (len(own[a.id]), a.id))
    if not own[best.id]:
        return None
    return Finding(
        text=f"{best.title} has the most commitments no other text matches: {len(own[best.id])}.",
        clauses=[c.id for c in own[best.id][:MAX_NAMED]],
    )


def _firm_and_quantified(signed: Sequence[Agreement]) -> Finding | None:
    """How much of the text binds: firm commitments, and those with a number (what a profile can say)."""
    committing = [c for a in signed for c in a.clauses if commits(c)]
    firm = [c for c in committing if c.strength == Strength.FIRM]
    numbered = [c for c in firm if c.quantities]
    if not firm:
        return None
    return Finding(
        text=f"{len(firm)} of {len(committing)} commitments are firm; {_count(len(numbered), 'of them binds', 'of them bind')} a number "
        "(an amount, a deadline or a duration).",
        clauses=[c.id for c in (numbered or firm)[:MAX_NAMED]],
    )


def _said_not_signed(
    heatmap: HeatMap, docs: Sequence[Agreement], labels: Mapping[str, str]
) -> Finding | None:
    """A partner that discussed a category in a statement or news beyond its signed commitments."""
    for doc in sorted(docs, key=chronological):
        if doc.kind.is_commitment_text:
            continue
        for clause in doc.clauses:
            for party in obligors(clause, doc):
                for category in clause.category_ids:
                    cell = heatmap.cell(party, category)
                    if (
                        party != UKRAINE
                        and commits(clause)
                        and category in heatmap.categories
                        and cell is None
                    ):
                        return Finding(
                            text=f"{party_name(party)} discussed {in_sentence(labels[category])} in a "
                            f"{doc.kind.value} of {format_date(doc.signed)} but signed no commitment in it.",
                            clauses=[clause.id],
                        )
    return None
