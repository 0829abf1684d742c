"""Who committed to what: the parties that take a category's commitments, and the parties × categories matrix.

The party of a commitment is its obligor (who commits), never a party merely named as
receiving; an obligor ``ALL`` counts for every party of its agreement, as a *joint* commitment
("the Participants will ..."), told apart from a party's *own* (the clause names it). Statements and news
are commitments too, but kept apart from signed texts (agreements, declarations) so a reader
sees what was *discussed* beside what was *signed*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import Field

from clauses.excerpt import evidence, excerpt
from clauses.models import ALL_PARTIES, CATEGORY_IDS, Agreement, Clause, Kind, Precision, Strength, Strict

QUOTE_LENGTH = 200


class CommittedClause(Strict):
    """One clause in which a party commits, quoted short, with the date and form of its text."""

    id: str
    citation: str = Field(description="where the document puts it, as it numbers it ('Article 5(2)(b)')")
    agreement: str
    text: str = Field(
        description=f"the clause; over {QUOTE_LENGTH} characters, the sentence with the category's evidence, "
        "an ellipsis where text was cut"
    )
    strength: Strength
    precision: Precision
    signed: dt.date | None = Field(description="the date of the agreement or statement")
    kind: Kind
    joint: bool = Field(description="the party commits only as one of all parties (obligor ALL), not by name")


class Partner(Strict):
    """A party that commits to the category: its strongest strength, its agreements and clauses."""

    party: str
    strength: Strength
    agreements: list[str]
    clauses: list[CommittedClause]


class WhoReport(Strict):
    """``clauses who``: partners from signed texts, the same from statements/news, and the silent."""

    category: str
    partners: list[Partner] = Field(description="commitments in signed agreements and declarations")
    statements: list[Partner] = Field(default_factory=list, description="commitments in statements and news")
    silent: list[str] = Field(description="parties of the inputs with no commitment in the category")


class Cell(Strict):
    """One party × category: the strongest strength and the clauses (signed texts; statements apart)."""

    party: str
    category: str
    strength: Strength | None = Field(description="strongest in signed texts; None when only statements")
    clauses: list[str]
    own: list[str] = Field(default_factory=list, description="signed clause ids naming the party as obligor")
    joint: list[str] = Field(
        default_factory=list, description="signed clause ids it takes as one of ALL parties"
    )
    statements: list[str] = Field(default_factory=list, description="clause ids from statements and news")

    @property
    def summary(self) -> str:
        """The cell as the matrix shows it: 'firm (2+3j) +1' = firm, 2 own and 3 joint signed clauses,
        1 in statements."""
        counts = "+".join(
            [*([str(len(self.own))] if self.own else []), *([f"{len(self.joint)}j"] if self.joint else [])]
        )
        text = f"{self.strength.value} ({counts})" if self.strength else ""
        return f"{text} +{len(self.statements)}".strip() if self.statements else text


class Matrix(Strict):
    parties: list[str]
    categories: list[str]
    cells: list[Cell]

    def grid(self) -> list[list[str]]:
        """One row per party: the party, then each category's cell summary ('' where it has none)."""
        cells = {(c.party, c.category): c for c in self.cells}
        return [
            [party, *(cells[party, c].summary if (party, c) in cells else "" for c in self.categories)]
            for party in self.parties
        ]


def obligors(clause: Clause, agreement: Agreement) -> list[str]:
    """The parties that take the clause's commitment (``ALL`` expanded to the agreement's parties)."""
    parties: list[str] = []
    for code in clause.obligors:
        parties.extend(agreement.parties if code == ALL_PARTIES else [code])
    return list(dict.fromkeys(parties))


def is_joint(clause: Clause, party: str) -> bool:
    """Whether ``party`` takes the clause's commitment only as one of all parties (``ALL``), not by name."""
    return party not in clause.obligors and ALL_PARTIES in clause.obligors


def _in_category(clause: Clause, category: str) -> bool:
    return any(c == category or c.startswith(f"{category}/") for c in clause.category_ids)


def _strong_enough(clause: Clause, min_strength: Strength | None) -> bool:
    """A commitment at least ``min_strength``; a negated one ("will not provide") commits to nothing."""
    if clause.strength == Strength.NONE or clause.negated:
        return False
    return min_strength is None or clause.strength.rank <= min_strength.rank


def _committed(clause: Clause, agreement: Agreement, party: str, category: str) -> CommittedClause:
    return CommittedClause(
        id=clause.id,
        citation=clause.citation,
        agreement=agreement.id,
        text=excerpt(clause.text, evidence(clause, category), QUOTE_LENGTH),
        strength=clause.strength,
        precision=clause.precision,
        signed=agreement.signed,
        kind=agreement.kind,
        joint=is_joint(clause, party),
    )


def all_parties(agreements: Iterable[Agreement]) -> list[str]:
    """Every party of the inputs, Ukraine first, then alphabetical."""
    codes = {code for agreement in agreements for code in agreement.parties}
    return sorted(codes, key=lambda code: (code != "UA", code))


def who(agreements: list[Agreement], category: str, min_strength: Strength | None = None) -> WhoReport:
    """Every party committing to ``category`` (at least ``min_strength``), signed texts and statements apart."""
    signed: dict[str, list[CommittedClause]] = {}
    discussed: dict[str, list[CommittedClause]] = {}
    for agreement in agreements:
        target = signed if agreement.kind.is_commitment_text else discussed
        for clause in agreement.clauses:
            if _in_category(clause, category) and _strong_enough(clause, min_strength):
                for party in obligors(clause, agreement):
                    target.setdefault(party, []).append(_committed(clause, agreement, party, category))
    return WhoReport(
        category=category,
        partners=_partners(signed),
        statements=_partners(discussed),
        silent=[p for p in all_parties(agreements) if p not in signed and p not in discussed],
    )


def _partners(by_party: dict[str, list[CommittedClause]]) -> list[Partner]:
    partners = []
    for party, clauses in by_party.items():
        ordered = sorted(clauses, key=lambda c: (c.signed or dt.date.min, c.agreement, c.id))
        partners.append(
            Partner(
                party=party,
                strength=min((c.strength for c in clauses), key=lambda s: s.rank),
                agreements=sorted({c.agreement for c in clauses}),
                clauses=ordered,
            )
        )
    return sorted(partners, key=lambda p: (p.strength.rank, p.party != "UA", p.party))


def matrix(agreements: list[Agreement]) -> Matrix:
    """Parties × categories: for each pair with a commitment, the strongest strength and the clause ids."""
    signed: dict[tuple[str, str], list[Clause]] = {}
    discussed: dict[tuple[str, str], list[str]] = {}
    for agreement in agreements:
        for clause in agreement.clauses:
            if not _strong_enough(clause, None):
                continue
            for category in dict.fromkeys(c.split("/")[0] for c in clause.category_ids):
                for party in obligors(clause, agreement):
                    if agreement.kind.is_commitment_text:
                        signed.setdefault((party, category), []).append(clause)
                    else:
                        discussed.setdefault((party, category), []).append(clause.id)
    named = {party for party, _ in (*signed, *discussed)}
    parties = sorted(named | set(all_parties(agreements)), key=lambda code: (code != "UA", code))
    categories = [c for c in CATEGORY_IDS if any(key[1] == c for key in (*signed, *discussed))]
    cells = [
        Cell(
            party=party,
            category=category,
            strength=min((c.strength for c in signed[party, category]), key=lambda s: s.rank)
            if (party, category) in signed
            else None,
            clauses=[c.id for c in signed.get((party, category), [])],
            own=[c.id for c in signed.get((party, category), []) if not is_joint(c, party)],
            joint=[c.id for c in signed.get((party, category), []) if is_joint(c, party)],
            statements=discussed.get((party, category), []),
        )
        for party in parties
        for category in categories
        if (party, category) in signed or (party, category) in discussed
    ]
    return Matrix(parties=parties, categories=categories, cells=cells)
