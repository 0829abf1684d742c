"""The brief's findings: three to five plain sentences the data supports, each with its clauses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from clauses.brief.amounts import amounts
from clauses.brief.facts import UKRAINE, chronological, commits, partners_of
from clauses.brief.model import Finding, HeatMap
from clauses.commitments import obligors
from clauses.display import format_date, in_sentence, party_name
from clauses.models import Agreement, Clause, Condition, QuantityKind, Strength

HEADLINE_CATEGORIES = ("air-defense", "military-assistance", "training", "consultations")
"""Categories the first finding looks at, in this order, when they are in scope."""
MAX_NAMED = 6
"""Clauses cited under a finding that counts clauses (a finding naming partners cites one for each)."""
CONFIDENT = 0.7
"""A category label scored lower is shown as weak in the appendix, and no finding rests on it."""

FirmPartners = dict[tuple[str, str], list[str]]
"""(partner, category) → its firm clauses confidently labelled with the category, in document order."""


def findings(
    heatmap: HeatMap,
    signed: Sequence[Agreement],
    docs: Sequence[Agreement],
    unmatched: set[str],
    labels: Mapping[str, str],
) -> list[Finding]:
    """Three to five plain sentences, the ones the data supports, each with its clauses."""
    firm = _firm_clauses(signed)
    makers: list[Callable[[], Finding | None]] = [
        lambda: _headline(heatmap, firm, labels),
        lambda: _widest(heatmap, firm, labels),
        lambda: _consult_deadline(signed, heatmap.categories),
        lambda: _largest_amount(signed),
        lambda: _conditional_share(signed),
        lambda: _most_unique(signed, heatmap.categories, unmatched),
        lambda: _said_not_signed(heatmap, docs, labels),
        lambda: _firm_and_quantified(signed),
    ]
    found = [f for f in (make() for make in makers) if f is not None]
    return found[:5]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _firm_clauses(signed: Sequence[Agreement]) -> FirmPartners:
    """Each partner's firm commitments per category, own or joint, where the label is confident."""
    found: FirmPartners = {}
    for agreement in signed:
        for clause in agreement.clauses:
            if clause.strength != Strength.FIRM:
                continue
            for label in clause.categories:
                if label.score < CONFIDENT:
                    continue
                for party in partners_of(obligors(clause, agreement)):
                    found.setdefault((party, label.id.split("/")[0]), []).append(clause.id)
    return found


def _firm_partners(heatmap: HeatMap, firm: FirmPartners, category: str) -> list[str]:
    """The partners in scope with a firm, confidently labelled commitment in ``category``, by name."""
    return [p for p in partners_of(heatmap.parties) if (p, category) in firm]


def _names(parties: Sequence[str]) -> str:
    """Every name, 'A, B and C' (a finding lists in full, never 'and 3 more')."""
    names = [party_name(p) for p in parties]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _headline(heatmap: HeatMap, firm_clauses: FirmPartners, labels: Mapping[str, str]) -> Finding | None:
    """How many partners commit firmly in the category analysts ask about first."""
    partners = partners_of(heatmap.parties)
    category = next((c for c in HEADLINE_CATEGORIES if c in heatmap.categories), None)
    category = category or next(iter(heatmap.categories), None)
    if not partners or category is None:
        return None
    firm = _firm_partners(heatmap, firm_clauses, category)
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
    return Finding(text=text, clauses=[firm_clauses[p, category][0] for p in firm])


def _widest(heatmap: HeatMap, firm_clauses: FirmPartners, labels: Mapping[str, str]) -> Finding | None:
    partners = partners_of(heatmap.parties)
    ranked = sorted(
        (c for c in heatmap.categories if c != "final-provisions"),
        key=lambda c: (-len(_firm_partners(heatmap, firm_clauses, c)), c),
    )
    firm = _firm_partners(heatmap, firm_clauses, ranked[0]) if ranked else []
    if len(partners) < 2 or not firm:
        return None
    return Finding(
        text=f"The most widely shared firm commitment is {in_sentence(labels[ranked[0]])}: "
        f"{len(firm)} of {len(partners)} partners ({_names(firm)}).",
        clauses=[firm_clauses[p, ranked[0]][0] for p in firm],
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
    """The largest amount a year in the most used currency: a fund over six years is not a year's pledge."""
    dated, undated = amounts(signed)
    if not dated:
        return None
    currencies: defaultdict[str, int] = defaultdict(int)
    for amount in dated:
        currencies[amount.quantity.unit] += 1
    unit = max(currencies, key=lambda u: (currencies[u], u))
    top = max((a for a in dated if a.quantity.unit == unit), key=lambda a: a.per_year)
    yearly = "" if top.first == top.last else f", about {unit} {_short_number(top.per_year)} a year"
    verb = "is" if undated == 1 else "are"
    left = f"; {_count(undated, 'amount', 'amounts')} with no period said {verb} left out" if undated else ""
    return Finding(
        text=f"{_count(len(dated) + undated, 'amount of money is', 'amounts of money are')} stated in commitments; per year, "
        f"the largest in {unit} is “{top.quantity.text.rstrip('.')}” for {top.period}{yearly} "
        f"({top.agreement.title}, {format_date(top.agreement.signed)}){left}.",
        clauses=[top.clause.id],
    )


def _short_number(value: float) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:.1f} {word}"
    return f"{value:,.0f}"


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
    signed: Sequence[Agreement], categories: Sequence[str], unmatched: set[str]
) -> Finding | None:
    if len(signed) < 2:
        return None
    own = {
        a.id: [
            c for c in a.clauses if commits(c) and set(c.category_ids) & set(categories) and c.id in unmatched
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
