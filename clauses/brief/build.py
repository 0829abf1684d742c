"""The brief: what analysts hand to their bosses, computed from classified agreements.

``build_brief`` returns the context model that ``templates/brief.html`` renders; every claim in
it carries the ids of the clauses that support it, and every cited clause is in the appendix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from clauses.brief.facts import UKRAINE, chronological
from clauses.brief.findings import CONFIDENT, findings
from clauses.brief.model import (
    Accuracy,
    AgreementInfo,
    Brief,
    CategorySection,
    CitedClause,
    Finding,
    HeatMap,
    TimelineEntry,
)
from clauses.brief.sections import alignment, category_section, commitment_cells, index
from clauses.brief.timeline import timeline
from clauses.display import party_name
from clauses.errors import ClausesError
from clauses.excerpt import evidence
from clauses.models import CATEGORY_IDS, Agreement

if TYPE_CHECKING:
    from clauses.taxonomy import Taxonomy

MAX_BRIEF_CLAUSES = 5_000
"""Clauses one brief reads (all the shared texts hold about 3,800). A PDF brief citing every clause of
one document takes about 25 s and 640 MB at 2,000 clauses, growing linearly (bench/bench_limits.py)."""


def build_brief(
    agreements: Sequence[Agreement],
    categories: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
    title: str | None = None,
    today: dt.date | None = None,
    taxonomy: Taxonomy | None = None,
) -> Brief:
    """The brief of classified ``agreements``, narrowed to ``categories`` and ``partners`` if given;
    categories are named by the labels of ``taxonomy`` (the packaged one by default)."""
    labels = _labels(taxonomy, agreements, categories)
    docs = _in_scope(agreements, partners)
    total = sum(len(a.clauses) for a in docs)
    if total > MAX_BRIEF_CLAUSES:
        raise ClausesError(
            f"{total:,} clauses, over the brief's limit of {MAX_BRIEF_CLAUSES:,}: "
            "narrow it with --partners or give fewer files"
        )
    signed = [a for a in docs if a.kind.is_commitment_text]
    rows = _parties(signed or docs, partners)
    cells = [c for c in commitment_cells(signed) if c.party in rows]
    columns = [c for c in (categories or CATEGORY_IDS) if any(cell.category == c for cell in cells)]
    columns = list(categories) if categories else columns
    heatmap = HeatMap(parties=rows, categories=columns, cells=[c for c in cells if c.category in columns])
    groups, unmatched, method = alignment(signed, columns) if len(signed) > 1 else ({}, set(), "")
    clauses = index(signed)
    sections = [
        category_section(category, heatmap, clauses, groups.get(category, []), unmatched)
        for category in columns
    ]
    lines = timeline(docs, _parties(docs, partners), list(categories) if categories else CATEGORY_IDS)
    brief_findings = findings(heatmap, _narrowed(signed, categories), docs, unmatched, labels)
    cited = _cited(heatmap, sections, brief_findings, lines)
    return Brief(
        title=title or _default_title(docs),
        generated=today or dt.date.today(),
        scope=_scope(docs, categories, partners),
        profile=len(docs) == 1,
        matching=method,
        agreements=[_info(a) for a in sorted(docs, key=chronological)],
        heatmap=heatmap,
        findings=brief_findings,
        sections=sections,
        timeline=lines,
        has_statements=any(not a.kind.is_commitment_text for a in docs),
        appendix=_appendix(docs, cited),
        labels=labels,
        accuracy=_accuracy(),
        confident=CONFIDENT,
    )


def _accuracy() -> Accuracy:
    import json

    from clauses.resources import data_file

    return Accuracy.model_validate(json.loads(data_file("accuracy.json").read_text(encoding="utf-8")))


def _labels(
    taxonomy: Taxonomy | None, agreements: Sequence[Agreement], categories: Sequence[str] | None
) -> dict[str, str]:
    """Names of the taxonomy's categories and of any other the clauses or the filter name."""
    from clauses.taxonomy import load_taxonomy

    named = {c for a in agreements for clause in a.clauses for c in clause.category_ids}
    return (taxonomy or load_taxonomy()).labels(sorted(named | set(categories or ())))


def _narrowed(agreements: Sequence[Agreement], categories: Sequence[str] | None) -> list[Agreement]:
    """The agreements with only the clauses of the wanted categories (all when none is asked for)."""
    if not categories:
        return list(agreements)
    wanted = set(categories)
    return [
        a.model_copy(update={"clauses": [c for c in a.clauses if wanted & set(c.category_ids)]})
        for a in agreements
    ]


def _in_scope(agreements: Sequence[Agreement], partners: Sequence[str] | None) -> list[Agreement]:
    if not partners:
        return list(agreements)
    wanted = set(partners)
    return [a for a in agreements if wanted & set(a.parties)]


def _parties(agreements: Sequence[Agreement], partners: Sequence[str] | None) -> list[str]:
    """Rows of the heat map: the partners by name, then Ukraine's own commitments apart."""
    found = {p for a in agreements for p in a.parties} - {UKRAINE}
    if partners:
        found = {p for p in found if p in partners}
    return [*sorted(found, key=party_name), UKRAINE]


def _cited(
    heatmap: HeatMap, sections: list[CategorySection], found: list[Finding], lines: list[TimelineEntry]
) -> set[str]:
    cited = {cell.clauses[0] for cell in heatmap.cells}
    for section in sections:
        cited.update(cell.clauses[0] for cell in section.committed)
        cited.update(cid for group in section.matches for cid in group.clauses)
        cited.update(cid for ids in section.unique.values() for cid in ids)
        cited.update(section.clauses)
    cited.update(cid for finding in found for cid in finding.clauses)
    cited.update(cid for entry in lines for cid in entry.clauses)
    return cited


def _appendix(docs: Sequence[Agreement], cited: set[str]) -> list[CitedClause]:
    """Cited clauses in the order of the documents (as on the cover) and of their text."""
    return [
        CitedClause(
            id=clause.id,
            agreement=agreement.id,
            agreement_title=agreement.title,
            path=clause.path,
            citation=clause.citation,
            heading=clause.heading,
            text=clause.text,
            strength=clause.strength,
            categories=clause.category_ids,
            weak=[label.id for label in clause.categories if label.score < CONFIDENT],
            obligors=clause.obligors,
            evidence={category: evidence(clause, category) for category in clause.category_ids},
        )
        for agreement in sorted(docs, key=chronological)
        for clause in agreement.clauses
        if clause.id in cited
    ]


def _info(agreement: Agreement) -> AgreementInfo:
    return AgreementInfo(**agreement.metadata(), clause_count=len(agreement.clauses))


def _default_title(docs: Sequence[Agreement]) -> str:
    if len(docs) == 1:
        return docs[0].title
    years = sorted({a.signed.year for a in docs if a.signed})
    span = f", {years[0]}–{years[-1]}" if len(years) > 1 else (f", {years[0]}" if years else "")
    partners = {p for a in docs for p in a.parties} - {UKRAINE}
    return f"Ukraine's security commitments: {len(docs)} documents, {len(partners)} partners{span}"


def _scope(
    docs: Sequence[Agreement], categories: Sequence[str] | None, partners: Sequence[str] | None
) -> str:
    kinds = sorted({a.kind.value for a in docs})
    words = [f"{len(docs)} document{'s' if len(docs) != 1 else ''} ({', '.join(kinds)})"]
    if categories:
        words.append("categories: " + ", ".join(categories))
    if partners:
        words.append("partners: " + ", ".join(partners))
    return "; ".join(words)
