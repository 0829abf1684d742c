"""The brief: what analysts hand to their bosses, computed from classified agreements.

``build_brief`` returns the context model that ``templates/brief.html`` renders; every claim in
it carries the ids of the clauses that support it, and every cited clause is in the appendix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import Field, PrivateAttr

from clauses.errors import ClausesError
from clauses.models import ALL_PARTIES, CATEGORY_IDS, Agreement, Basis, Clause, Kind, Strength, Strict

UKRAINE = "UA"
MAX_BRIEF_CLAUSES = 5_000
"""Clauses one brief reads (all the shared texts hold about 3,800). A PDF brief citing every clause of
one document takes about 25 s and 640 MB at 2,000 clauses, growing linearly (bench/bench_limits.py)."""
MAX_GROUPS = 2
"""Matched groups shown per category (the widest first); the others still count as matched."""
QUOTED_PER_GROUP = 3
"""Clauses of a group quoted side by side; the others are named, so a 30-text corpus stays readable."""
MAX_UNIQUE = 3
"""Clauses unique to one text listed per category (firmest first); the rest are counted."""


class AgreementInfo(Strict):
    """One document covered by the brief, as listed on the cover and in the sources."""

    id: str
    title: str
    parties: list[str]
    signed: dt.date | None = None
    kind: Kind
    duration_years: float | None = None
    language: str = "en"
    source: str = ""
    clause_count: int = Field(description="number of clauses the document was split into")


class HeatCell(Strict):
    """A party's strongest commitment in one category and the clauses that make it."""

    party: str
    category: str
    strength: Strength
    clauses: list[str] = Field(description="clause ids, strongest first")


class HeatMap(Strict):
    """Parties (rows) × categories (columns) of the signed texts; empty cells are absent."""

    parties: list[str]
    categories: list[str]
    cells: list[HeatCell]
    _index: dict[tuple[str, str], HeatCell] = PrivateAttr(default_factory=dict)

    def cell(self, party: str, category: str) -> HeatCell | None:
        if not self._index:
            self._index = {(c.party, c.category): c for c in self.cells}
        return self._index.get((party, category))


class Finding(Strict):
    """A plain sentence computed from the data, with the clauses that back it."""

    text: str
    clauses: list[str]


class MatchedGroup(Strict):
    """Clauses of different agreements that say the same thing, with their similarity in [0, 1]."""

    clauses: list[str] = Field(description="the clauses quoted (and cited)")
    similarity: float
    shared_deadline: str | None = Field(
        default=None, description="the deadline that paired them, not their wording"
    )
    basis: Basis = Field(
        default=Basis.WORDING, description="what the match rests on (clauses.match.Match.basis)"
    )
    also: list[str] = Field(default_factory=list, description="further members, named but not quoted")


class CategorySection(Strict):
    """One category: who committed and how firmly, shared clauses, clauses unique to one text."""

    category: str
    committed: list[HeatCell] = Field(description="one per committing party, firmest first")
    silent: list[str] = Field(description="partners in scope with no commitment in this category")
    matches: list[MatchedGroup]
    unique: dict[str, list[str]] = Field(description="agreement id → its clauses no other text matches")
    unique_more: int = Field(0, description="unique clauses beyond those listed")
    clauses: list[str] = Field(description="every commitment clause of the category (a profile lists them)")


class TimelineEntry(Strict):
    """One document a partner is party to: signed (agreement, declaration) or said (statement, news)."""

    date: dt.date | None
    agreement: str
    title: str
    kind: Kind
    signed: bool
    categories: list[str] = Field(description="categories the partner commits to in it")
    clauses: list[str] = Field(description="a few of its clauses, cited")


class PartnerTimeline(Strict):
    party: str
    entries: list[TimelineEntry]


class CitedClause(Strict):
    """A clause as the appendix quotes it."""

    id: str
    agreement: str
    agreement_title: str
    path: str
    heading: list[str]
    text: str
    strength: Strength
    categories: list[str]
    obligors: list[str]


class Brief(Strict):
    """The context of ``brief.html``."""

    title: str
    generated: dt.date
    scope: str = Field(description="what the brief covers, in words (filters applied)")
    profile: bool = Field(description="a single agreement: a one-agreement profile, no comparison")
    matching: str = Field(description="how clauses were matched across agreements, said in the brief")
    agreements: list[AgreementInfo]
    heatmap: HeatMap
    findings: list[Finding]
    sections: list[CategorySection]
    timelines: list[PartnerTimeline]
    has_statements: bool
    appendix: list[CitedClause]
    _by_id: dict[str, CitedClause] = PrivateAttr(default_factory=dict)

    def clause(self, clause_id: str) -> CitedClause:
        """A cited clause by id (templates show its path and quote next to the link)."""
        if not self._by_id:
            self._by_id = {c.id: c for c in self.appendix}
        return self._by_id[clause_id]

    def appendix_by_agreement(self) -> list[list[CitedClause]]:
        """The appendix cut into runs of one agreement each, in appendix order."""
        runs: list[list[CitedClause]] = []
        for cited in self.appendix:
            if not runs or runs[-1][0].agreement != cited.agreement:
                runs.append([])
            runs[-1].append(cited)
        return runs


def build_brief(
    agreements: Sequence[Agreement],
    categories: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
    title: str | None = None,
    today: dt.date | None = None,
) -> Brief:
    """The brief of classified ``agreements``, narrowed to ``categories`` and ``partners`` if given."""
    from clauses.brief_facts import alignment, commitment_cells, findings, timelines

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
    groups, method = alignment(signed, columns) if len(signed) > 1 else ({}, "")
    sections = [_section(category, heatmap, signed, groups.get(category, [])) for category in columns]
    lines = timelines(docs, rows, list(categories) if categories else CATEGORY_IDS)
    brief_findings = findings(heatmap, _narrowed(signed, categories), docs, groups)
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
        timelines=lines,
        has_statements=any(not a.kind.is_commitment_text for a in docs),
        appendix=_appendix(docs, cited),
    )


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
    """Rows of the heat map: Ukraine first, then the partners by name."""
    found = {p for a in agreements for p in a.parties} | {UKRAINE}
    if partners:
        found = {p for p in found if p in partners or p == UKRAINE}
    return [UKRAINE, *sorted(found - {UKRAINE})]


def partners_of(rows: Iterable[str]) -> list[str]:
    return [p for p in rows if p != UKRAINE]


def _section(
    category: str, heatmap: HeatMap, signed: Sequence[Agreement], groups: list[Any]
) -> CategorySection:
    committed = sorted(
        (c for c in heatmap.cells if c.category == category), key=lambda c: (c.strength.rank, c.party)
    )
    silent = [p for p in partners_of(heatmap.parties) if not heatmap.cell(p, category)]
    in_category = [c for a in signed for c in a.clauses if commits(c) and category in c.category_ids]
    matched = {cid for g in groups for cid in g.clauses}
    alone = [c for c in in_category if c.id not in matched] if len(signed) > 1 else []
    listed = sorted(alone, key=lambda c: c.strength.rank)[:MAX_UNIQUE]
    unique: dict[str, list[str]] = {}
    for clause in alone:
        if clause in listed:
            unique.setdefault(agreement_of(clause.id), []).append(clause.id)
    return CategorySection(
        category=category,
        committed=committed,
        silent=silent,
        matches=[_quoted(g) for g in groups[:MAX_GROUPS]],
        unique=unique,
        unique_more=len(alone) - len(listed),
        clauses=[c.id for c in in_category] if len(signed) == 1 else [],
    )


def _quoted(group: MatchedGroup) -> MatchedGroup:
    return group.model_copy(
        update={"clauses": group.clauses[:QUOTED_PER_GROUP], "also": group.clauses[QUOTED_PER_GROUP:]}
    )


def commits(clause: Clause) -> bool:
    return clause.strength != Strength.NONE


def agreement_of(clause_id: str) -> str:
    return clause_id.split(":", 1)[0]


def obligors_of(clause: Clause, agreement: Agreement) -> list[str]:
    """Who takes the commitment; ``ALL`` stands for every party of the agreement."""
    expanded: list[str] = []
    for code in clause.obligors:
        expanded.extend(agreement.parties if code == ALL_PARTIES else [code])
    return list(dict.fromkeys(expanded))


def _cited(
    heatmap: HeatMap, sections: list[CategorySection], found: list[Finding], lines: list[PartnerTimeline]
) -> set[str]:
    cited = {cell.clauses[0] for cell in heatmap.cells}
    for section in sections:
        cited.update(cell.clauses[0] for cell in section.committed)
        cited.update(cid for group in section.matches for cid in group.clauses)
        cited.update(cid for ids in section.unique.values() for cid in ids)
        cited.update(section.clauses)
    cited.update(cid for finding in found for cid in finding.clauses)
    cited.update(cid for line in lines for entry in line.entries for cid in entry.clauses)
    return cited


def _appendix(docs: Sequence[Agreement], cited: set[str]) -> list[CitedClause]:
    """Cited clauses in the order of the documents (as on the cover) and of their text."""
    return [
        CitedClause(
            id=clause.id,
            agreement=agreement.id,
            agreement_title=agreement.title,
            path=clause.path,
            heading=clause.heading,
            text=clause.text,
            strength=clause.strength,
            categories=clause.category_ids,
            obligors=clause.obligors,
        )
        for agreement in sorted(docs, key=chronological)
        for clause in agreement.clauses
        if clause.id in cited
    ]


def chronological(agreement: Agreement) -> tuple[dt.date, str]:
    return (agreement.signed or dt.date.max, agreement.id)


def _info(agreement: Agreement) -> AgreementInfo:
    return AgreementInfo(
        id=agreement.id,
        title=agreement.title,
        parties=agreement.parties,
        signed=agreement.signed,
        kind=agreement.kind,
        duration_years=agreement.duration_years,
        language=agreement.language,
        source=agreement.source,
        clause_count=len(agreement.clauses),
    )


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
