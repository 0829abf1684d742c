"""Synthetic corpora of template-derived agreements with known true alignments.

A template of clauses (own words, built from category vocabularies) is copied into each
agreement with the edits real partners made to the G7 template: party swap (the partner's
name and adjective), paraphrase (synonyms, dropped and added words), reordering, deleted
template clauses, clauses of their own, paragraphs split in two, and a few category labels
a classifier would get wrong. Each clause remembers the template clause it comes from.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from clauses.models import CATEGORY_IDS, Agreement, CategoryLabel, Clause, Strength

PARTNERS = (
    ("RO", "Romania", "Romanian"), ("DE", "Germany", "German"), ("FR", "France", "French"),
    ("GB", "United Kingdom", "British"), ("IT", "Italy", "Italian"), ("JP", "Japan", "Japanese"),
    ("CA", "Canada", "Canadian"), ("PL", "Poland", "Polish"), ("NL", "Netherlands", "Dutch"),
    ("DK", "Denmark", "Danish"), ("NO", "Norway", "Norwegian"), ("SE", "Sweden", "Swedish"),
    ("FI", "Finland", "Finnish"), ("EE", "Estonia", "Estonian"), ("LV", "Latvia", "Latvian"),
    ("LT", "Lithuania", "Lithuanian"), ("BE", "Belgium", "Belgian"), ("ES", "Spain", "Spanish"),
    ("PT", "Portugal", "Portuguese"), ("CZ", "Czech Republic", "Czech"),
)  # fmt: skip

SUBJECTS = ("{P}", "The Participants", "{P} and Ukraine", "Ukraine", "The {A} Government")
MODALS = ("will", "intends to", "will continue to", "shall", "is ready to", "will seek to")
VERBS = ("provide", "develop", "strengthen", "support", "coordinate", "expand", "maintain", "establish",
         "finance", "promote", "deliver", "deepen", "reinforce", "assist with", "contribute to")  # fmt: skip
TOPICS = {
    "air-defense": "air defence systems interceptors radars skies cities drones missiles batteries",
    "maritime-black-sea": "navy ports coastal defence sea lanes shipping corridors mine countermeasures Danube",
    "intelligence": "intelligence exchange counter-intelligence information sharing assessments services",
    "training": "training pilots instructors exercises officers courses academies lessons learned",
    "military-assistance": "weapons ammunition equipment packages vehicles artillery deliveries donors",
    "defense-industry": "joint production industry factories investment technology co-production exports",
    "cyber": "cyber security networks incident response attacks resilience information systems",
    "hybrid-threats": "disinformation manipulation strategic communications sabotage societal resilience",
    "nato-integration": "Euro-Atlantic integration interoperability standards reforms membership path",
    "eu-integration": "accession negotiations alignment legislation rule of law reforms single market",
    "sanctions": "sanctions restrictive measures circumvention export controls revenues pressure",
    "accountability": "accountability tribunal war crimes reparations register damage immobilised assets",
    "reconstruction-economy": "recovery reconstruction trade investment budget support connectivity",
    "energy-infrastructure": "energy grid infrastructure repair transformers power plants protection",
    "demining": "demining mine action clearance unexploded ordnance land release",
    "cbrn": "chemical biological radiological nuclear threats safety facilities",
    "consultations": "consultations within 24 hours armed attack escalation next steps emergency",
    "political-support": "political dialogue high-level visits peace formula international fora",
    "humanitarian": "humanitarian aid refugees displaced persons medical rehabilitation children",
    "law-enforcement": "organised crime corruption trafficking money laundering border police",
    "final-provisions": "duration entry into force termination amendment review settlement",
}
DETAILS = """regional national joint long-term annual sustained bilateral multilateral practical concrete
timely effective modern secure flexible durable common shared agreed specific targeted additional
centres programmes projects mechanisms frameworks partners allies institutions authorities agencies
capacities capabilities needs priorities requirements procedures standards plans roadmaps arrangements
across within through alongside together between beyond towards under during after before""".split()
SYNONYMS = {
    "will": "shall", "provide": "supply", "develop": "build", "strengthen": "reinforce", "support": "back",
    "coordinate": "align", "expand": "widen", "maintain": "sustain", "establish": "create", "promote": "foster",
    "deliver": "hand over", "deepen": "intensify", "joint": "common", "modern": "advanced", "timely": "prompt",
    "effective": "efficient", "partners": "allies", "programmes": "schemes", "plans": "strategies",
    "needs": "requirements", "agreed": "accepted", "practical": "hands-on", "additional": "further",
}  # fmt: skip
FILLERS = ("also", "further", "in particular", "as appropriate", "where possible", "fully", "jointly")


@dataclass
class SynthCorpus:
    agreements: list[Agreement]
    truth: dict[str, int | None]
    """Clause id → index of its template clause (None: a clause only that agreement has)."""


def template(rng: random.Random, size: int) -> list[tuple[str, str]]:
    """``size`` template clauses: (category, text with {P}/{A} placeholders)."""
    return [_clause_text(rng, CATEGORY_IDS[i % len(CATEGORY_IDS)]) for i in range(size)]


def _clause_text(rng: random.Random, category: str) -> tuple[str, str]:
    topic = TOPICS[category].split()
    words = [rng.choice(SUBJECTS), rng.choice(MODALS), rng.choice(VERBS)]
    words += rng.sample(topic, k=min(4, len(topic))) + rng.sample(DETAILS, k=rng.randint(8, 14))
    rng.shuffle(words[3:])
    if rng.random() < 0.4:
        words += ["for", "{A}", "and", "Ukrainian", *rng.sample(DETAILS, k=3)]
    return category, " ".join(words) + "."


def paraphrase(rng: random.Random, text: str) -> str:
    out: list[str] = []
    for word in text.split():
        roll = rng.random()
        if roll < 0.03:
            continue
        out.append(SYNONYMS.get(word, word) if rng.random() < 0.3 else word)
        if roll > 0.97:
            out.append(rng.choice(FILLERS))
    return " ".join(out)


def agreement(
    rng: random.Random, number: int, base: list[tuple[str, str]], extra: int
) -> tuple[Agreement, dict]:
    code, name, adjective = PARTNERS[number % len(PARTNERS)]
    agreement_id = f"synth-{number:04d}"
    pieces: list[tuple[int | None, str, str]] = []
    for index, (category, text) in enumerate(base):
        if rng.random() < 0.1:
            continue  # the partner dropped this template clause
        text = paraphrase(rng, text)
        words = text.split()
        if rng.random() < 0.03 and len(words) > 14:  # split into two paragraphs
            pieces += [(index, category, " ".join(words[: len(words) // 2])),
                       (index, category, " ".join(words[len(words) // 2 :]))]  # fmt: skip
        else:
            pieces.append((index, category, text))
    for _ in range(extra):
        category, text = _clause_text(rng, rng.choice(CATEGORY_IDS))
        pieces.insert(rng.randrange(len(pieces) + 1), (None, category, text))
    for start in range(0, len(pieces) - 1, 8):  # local reordering inside sections
        if rng.random() < 0.3:
            pieces[start], pieces[start + 1] = pieces[start + 1], pieces[start]
    clauses, truth = [], {}
    for position, (index, category, text) in enumerate(pieces, start=1):
        if rng.random() < 0.02:
            category = rng.choice(CATEGORY_IDS)  # a classifier's mistake
        clause_id = f"{agreement_id}:{position}"
        filled = text.replace("{P}", name).replace("{A}", adjective)
        clauses.append(Clause(id=clause_id, path=str(position), text=filled, strength=Strength.FIRM,
                              obligors=[code], categories=[CategoryLabel(id=category, score=1.0)]))  # fmt: skip
        truth[clause_id] = index
    return Agreement(id=agreement_id, title=f"Ukraine–{name}", parties=["UA", code], clauses=clauses), truth


def corpus(n_agreements: int, clauses: int = 150, seed: int = 7) -> SynthCorpus:
    """``n_agreements`` agreements of about ``clauses`` clauses each, derived from one template."""
    rng = random.Random(seed)
    base = template(rng, clauses)
    agreements, truth = [], {}
    for number in range(n_agreements):
        made, known = agreement(rng, number, base, extra=max(1, clauses // 15))
        agreements.append(made)
        truth.update(known)
    return SynthCorpus(agreements, truth)
