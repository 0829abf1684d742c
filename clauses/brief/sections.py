"""The brief's heat map cells and its category sections: who committed, matched and unique clauses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from clauses.brief.facts import UKRAINE, commits, partners_of
from clauses.brief.model import CategorySection, HeatCell, HeatMap, MatchedGroup
from clauses.display import party_name
from clauses.models import Agreement, Clause, split_clause_id

MAX_GROUPS = 2
"""Matched groups shown per category (the widest first); the others still count as matched."""
QUOTED_PER_GROUP = 3
"""Clauses of a group quoted side by side; the others are named, so a 30-text corpus stays readable."""
MAX_UNIQUE = 3
"""Clauses unique to one text listed per category (firmest first); the rest are counted."""


def commitment_cells(signed: Sequence[Agreement]) -> list[HeatCell]:
    """Every (party, category) with a commitment (``clauses.commitments.matrix``): a partner's own and
    joint clauses, Ukraine's own only; own first, strongest first (document order within a strength),
    so a cell links to its firmest own clause."""
    from clauses.commitments import matrix

    strength = {clause.id: clause.strength for agreement in signed for clause in agreement.clauses}
    cells = []
    for cell in sorted(matrix(list(signed)).cells, key=lambda c: (c.party, c.category)):
        joint = [] if cell.party == UKRAINE else cell.joint
        ids = cell.own + joint
        if ids:
            cells.append(
                HeatCell(
                    party=cell.party,
                    category=cell.category,
                    strength=min((strength[cid] for cid in ids), key=lambda s: s.rank),
                    clauses=sorted(ids, key=lambda cid: (cid in cell.joint, strength[cid].rank)),
                    joint=joint,
                )
            )
    return cells


def alignment(
    signed: Sequence[Agreement], categories: Sequence[str]
) -> tuple[dict[str, list[MatchedGroup]], set[str], str]:
    """Matched clauses per category (widest groups first), the clauses no other text has a counterpart
    for in the n-way alignment, and a sentence saying how they were found."""
    from clauses.match import match

    aligned = match(list(signed))
    groups = _from_alignment(aligned, signed, categories)
    alone = {cid for ids in aligned.unmatched.values() for cid in ids}
    method = (
        "Clauses matched by clauses.match (party names neutralised, shared words weighted by their "
        "rarity, one-to-one assignment); clauses of one category that set the same deadline are matched "
        "whatever their wording."
    )
    languages = sorted({a.language for a in signed})
    if len(languages) > 1:
        method += (
            f" The texts are in {len(languages)} languages ({', '.join(languages)}): across languages clauses "
            "are paired by the concepts they share (systems, institutions, numbers, deadlines), which finds "
            "fewer counterparts than wording, so a clause listed as unique may have one in translation."
        )
    widest = {c: sorted(g, key=lambda m: (-len(m.clauses), -m.similarity)) for c, g in groups.items()}
    return widest, alone, method


def _from_alignment(
    result: Any, signed: Sequence[Agreement], categories: Sequence[str]
) -> dict[str, list[MatchedGroup]]:
    labels = {c.id: c.category_ids for a in signed for c in a.clauses}
    groups: dict[str, list[MatchedGroup]] = {c: [] for c in categories}
    for found in result.matches:
        ids = [cid for cid in found.clauses if cid in labels]
        category = found.category or next(iter(labels.get(ids[0], [])), None) if ids else None
        if category in groups and len({split_clause_id(cid).agreement for cid in ids}) > 1:
            groups[category].append(
                MatchedGroup(
                    clauses=ids,
                    similarity=round(found.similarity, 3),
                    shared_deadline=found.shared_deadline,
                    basis=found.basis,
                )
            )
    return groups


class Index(NamedTuple):
    """The signed clauses looked up once per brief, so each section costs its own clauses, not all of them."""

    several: bool
    committing: dict[str, list[Clause]]
    by_id: dict[str, Clause]


def index(signed: Sequence[Agreement]) -> Index:
    committing: dict[str, list[Clause]] = {}
    by_id: dict[str, Clause] = {}
    for agreement in signed:
        for clause in agreement.clauses:
            by_id[clause.id] = clause
            if commits(clause):
                for category in dict.fromkeys(clause.category_ids):
                    committing.setdefault(category, []).append(clause)
    return Index(len(signed) > 1, committing, by_id)


def category_section(
    category: str, heatmap: HeatMap, clauses: Index, groups: list[Any], unmatched: set[str]
) -> CategorySection:
    """Who commits in ``category``, its widest matched groups, and its clauses only in one text:
    those without a counterpart in any other text (``unmatched`` of the n-way alignment)."""
    committed = sorted(
        (c for c in heatmap.cells if c.category == category and c.party != UKRAINE),
        key=lambda c: (c.strength.rank, party_name(c.party)),
    )
    silent = [p for p in partners_of(heatmap.parties) if not heatmap.cell(p, category)]
    in_category = clauses.committing.get(category, [])
    alone = [c for c in in_category if c.id in unmatched] if clauses.several else []
    listed = {c.id for c in sorted(alone, key=lambda c: c.strength.rank)[:MAX_UNIQUE]}
    unique: dict[str, list[str]] = {}
    for clause in alone:
        if clause.id in listed:
            unique.setdefault(split_clause_id(clause.id).agreement, []).append(clause.id)
    return CategorySection(
        category=category,
        committed=committed,
        ukraine=heatmap.cell(UKRAINE, category),
        silent=silent,
        matches=[_quoted(g, clauses.by_id) for g in groups[:MAX_GROUPS]],
        unique=unique,
        unique_more=len(alone) - len(listed),
        clauses=[] if clauses.several else [c.id for c in in_category],
    )


def _quoted(group: MatchedGroup, by_id: dict[str, Clause]) -> MatchedGroup:
    also = group.clauses[QUOTED_PER_GROUP:]
    named = [f"{split_clause_id(cid).agreement}, {by_id[cid].citation}" for cid in also]
    return group.model_copy(
        update={"clauses": group.clauses[:QUOTED_PER_GROUP], "also": also, "also_named": named}
    )
