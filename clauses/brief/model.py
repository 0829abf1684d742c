"""The brief's context model: what ``templates/brief.html`` renders, each claim with its clause ids."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from pydantic import Field, PrivateAttr

from clauses.models import AgreementMeta, Basis, Kind, Strength, Strict


class AgreementInfo(AgreementMeta):
    """One document covered by the brief, as listed on the cover and in the sources."""

    clause_count: int = Field(description="number of clauses the document was split into")

    @property
    def digest(self) -> bool:
        """A text that retells the document in other words (its version says 'digest')."""
        return "digest" in (self.version or "").lower()

    @property
    def source_name(self) -> str:
        """Where it comes from, for a reader: its URL, else the file's name — never a local path."""
        return self.url or PurePath(self.source.replace("\\", "/")).name


class GoldFigures(Strict):
    """How ``clauses eval`` scores the labels of one gold set."""

    gold_clauses: int
    micro_f1: float
    macro_f1: float
    strength_accuracy: float
    obligor_accuracy: float


class Accuracy(Strict):
    """The figures of ``clauses eval`` carried in the package (tools/update_accuracy.py writes them)."""

    measured: dt.date
    command: str
    gold_sets: dict[str, GoldFigures]


class HeatCell(Strict):
    """A party's strongest commitment in one category and the clauses that make it.

    A partner's cell holds its own commitments and the joint ones ("the Participants will ..."), told
    apart; Ukraine's holds only its own, since every joint clause is already a partner's."""

    party: str
    category: str
    strength: Strength
    clauses: list[str] = Field(description="clause ids, own before joint, strongest first within each")
    joint: list[str] = Field(
        default_factory=list, description="of those, the ones taken as one of all parties"
    )

    @property
    def own(self) -> list[str]:
        return [cid for cid in self.clauses if cid not in self.joint]


class HeatMap(Strict):
    """Parties (rows: the partners by name, then Ukraine) × categories (columns) of the signed texts;
    empty cells are absent."""

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
    also_named: list[str] = Field(
        default_factory=list,
        description="those further members as a reader finds them: 'ua-gb-2024, Part II, para 5'",
    )


class CategorySection(Strict):
    """One category: who committed and how firmly, shared clauses, clauses unique to one text."""

    category: str
    committed: list[HeatCell] = Field(description="one per committing partner, firmest first")
    ukraine: HeatCell | None = Field(None, description="Ukraine's own commitments in the category")
    silent: list[str] = Field(description="partners in scope with no commitment in this category")
    matches: list[MatchedGroup]
    unique: dict[str, list[str]] = Field(description="agreement id → its clauses no other text matches")
    unique_more: int = Field(0, description="unique clauses beyond those listed")
    clauses: list[str] = Field(description="every commitment clause of the category (a profile lists them)")


class TimelineEntry(Strict):
    """One document, under the partners it speaks for: signed (agreement, declaration) or said (statement, news)."""

    date: dt.date | None
    agreement: str
    title: str
    kind: Kind
    signed: bool
    parties: list[str] = Field(description="the partners in scope it speaks for, by name")
    categories: list[str] = Field(description="the main categories they commit to in it, at most five")
    clauses: list[str] = Field(description="a few of its clauses, cited")


class CitedClause(Strict):
    """A clause as the appendix quotes it."""

    id: str
    agreement: str
    agreement_title: str
    path: str
    citation: str = Field(description="the path as the document spells it ('Part II, para 5, 1st bullet')")
    heading: list[str]
    text: str
    strength: Strength
    categories: list[str]
    weak: list[str] = Field(default_factory=list, description="categories labelled with a low score")
    obligors: list[str]
    evidence: dict[str, list[str]] = Field(
        default_factory=dict, description="category → the cue words that gave the clause its label"
    )

    def quote(self, category: str | None, limit: int) -> str:
        """The clause, or where longer than ``limit`` the sentence carrying ``category``'s evidence."""
        from clauses.excerpt import excerpt

        cues = (
            self.evidence.get(category, []) if category else [c for cs in self.evidence.values() for c in cs]
        )
        return excerpt(self.text, cues, limit)


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
    timeline: list[TimelineEntry] = Field(description="every document by date, undated last")
    has_statements: bool
    appendix: list[CitedClause]
    labels: dict[str, str] = Field(description="category id → the name the taxonomy gives it")
    accuracy: Accuracy = Field(description="how well the labels match the gold sets, for the methods page")
    confident: float = Field(description="the label score under which a category is shown as weak")
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
