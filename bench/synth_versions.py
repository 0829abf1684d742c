"""Version pairs with known edits, to measure ``clauses.diff`` against a ground truth.

``version_pair(seed, size)`` writes a synthetic agreement of ``size`` clauses (sentences built from
a small grammar of commitments, in our own words), then a second version with known edits:
insert, delete, reword, move, split, merge, renumber, weaken and strengthen. It returns both
Agreements and the changes a perfect diff reports, as (kind, old ids, new ids) triples, plus the
expected strength shifts. ``renumbered_pair`` gives a version with an article inserted on top and
every later clause renumbered (expected: one summary fact, not a change per clause).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from clauses.models import Agreement, Clause, Strength

SUBJECTS = [
    "Norway", "Ukraine", "The Participants", "Finland", "The Government of Chile", "Both sides",
    "The Ministry of Defence", "Portugal", "The joint commission", "Each Participant", "Iceland", "Canada",
]  # fmt: skip
MODALS = {
    Strength.FIRM: ["will", "shall", "undertakes to", "commits to"],
    Strength.INTENT: ["intends to", "will seek to", "aims to", "plans to"],
    Strength.SUPPORT: ["stands ready to", "is prepared to"],
    Strength.OPTIONAL: ["may", "could"],
}
VERBS = [
    "deliver", "finance", "train", "repair", "protect", "coordinate", "exchange", "develop", "procure",
    "establish", "expand", "modernise", "monitor", "donate", "co-produce", "inspect", "rebuild", "insure",
    "evaluate", "host", "transport", "certify", "register", "maintain", "upgrade", "investigate",
]  # fmt: skip
OBJECTS = [
    "mobile radar stations", "field hospitals", "border crossing points", "river ferries", "grain terminals",
    "mine clearance vehicles", "cyber incident teams", "coastal patrol boats", "power transformers",
    "armoured ambulances", "training ranges", "drone workshops", "water treatment plants", "rail bridges",
    "cadet academies", "forensic laboratories", "satellite terminals", "air traffic radars", "fuel depots",
    "demining dogs", "emergency shelters", "artillery barrels", "navy divers", "helicopter crews",
    "customs scanners", "school buses", "police drones", "tank engines", "rocket fuel", "signal corps",
]  # fmt: skip
QUALIFIERS = [
    "in the southern regions", "before the winter season", "with partners in the Nordic group",
    "through the joint fund", "under national law", "at the request of Ukraine", "in frontline cities",
    "for the reserve brigades", "with support from private firms", "along the Danube corridor",
    "in line with NATO standards", "during the reconstruction phase", "for liberated communities",
    "within existing budgets", "at regional training centres", "for the coastal defence units",
]  # fmt: skip
PURPOSES = [
    "so that schools can reopen safely", "to shorten repair times after missile strikes",
    "to keep export routes open for farmers", "to help veterans return to civilian work",
    "to make public procurement auditable", "to detect sabotage on railway lines early",
    "to move wounded soldiers faster to clinics", "to give mayors reliable heating in January",
    "to document damage for the claims register", "to match the codification rules of the alliance",
    "to let small workshops join defence contracts", "to protect journalists reporting near the front",
    "to trace weapons after delivery", "to clear orchards and grazing land of explosives",
    "to speed up customs checks for aid convoys", "to prepare officers for staff college entry",
    "to replace the oldest Soviet-era stock", "to train crews on the new sonar suites",
    "to audit how donor money is spent", "to secure backup power for water utilities",
    "to publish monthly delivery statistics", "to reduce waiting times at field clinics",
    "to keep drone pilots ahead of jamming", "to warn villages of incoming glide bombs",
]  # fmt: skip
SECOND = [
    "Progress is reviewed every {n} months.", "The first tranche amounts to EUR {n} million.",
    "Deliveries start within {n} days.", "The programme covers {n} sites.",
    "Reports are due each year until {y}.", "Up to {n} specialists take part.",
]  # fmt: skip
SWAPS = {"southern": "eastern", "winter": "spring", "private": "public", "frontline": "border",
         "reserve": "territorial", "regional": "national", "joint": "common", "existing": "agreed"}  # fmt: skip

EDITS = (
    "insert", "delete", "reword", "move", "move-reword", "split", "merge", "renumber", "weaken", "strengthen",
)  # fmt: skip


@dataclass
class Item:
    path: str
    text: str
    strength: Strength
    sentences: list[str] = field(default_factory=list)


@dataclass
class Truth:
    changes: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=set)
    shifts: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=set)


def sentence(rng: random.Random, strength: Strength) -> str:
    words = [
        rng.choice(SUBJECTS),
        rng.choice(MODALS[strength]),
        rng.choice(VERBS),
        rng.choice(OBJECTS),
        rng.choice(QUALIFIERS),
        rng.choice(PURPOSES),
    ]
    return " ".join(words) + "."


def base_items(rng: random.Random, size: int) -> list[Item]:
    items = []
    for k in range(size):
        strength = rng.choice(
            [Strength.FIRM, Strength.FIRM, Strength.INTENT, Strength.SUPPORT, Strength.OPTIONAL]
        )
        sentences = [sentence(rng, strength)]
        if rng.random() < 0.5:
            sentences.append(rng.choice(SECOND).format(n=rng.randint(2, 90), y=rng.randint(2025, 2034)))
        items.append(Item(str(k + 1), " ".join(sentences), strength, sentences))
    return items


def to_agreement(agreement_id: str, items: list[Item]) -> Agreement:
    clauses = [
        Clause(id=f"{agreement_id}:{item.path}", path=item.path, text=item.text, strength=item.strength)
        for item in items
    ]
    return Agreement(id=agreement_id, title=f"Synthetic agreement {agreement_id}", clauses=clauses)


def version_pair(seed: int, size: int = 300, edits_per_kind: int = 3) -> tuple[Agreement, Agreement, Truth]:
    """Two versions of one synthetic agreement and the changes between them."""
    rng = random.Random(seed)
    olds = base_items(rng, size)
    plan = _plan(rng, olds, edits_per_kind)
    truth = Truth()
    units: list[list[Item]] = []
    moved: list[tuple[int, list[Item]]] = []
    for k, item in enumerate(olds):
        edit = plan.get(k)
        if edit == "merge-tail":
            continue
        unit = _apply(edit, k, item, olds, rng, truth)
        if edit in ("move", "move-reword"):
            moved.append((len(units), unit))
        elif unit:
            units.append(unit)
    for origin, unit in moved:
        units.insert(_far_from(rng, origin, len(units)), unit)
    for n in range(edits_per_kind):
        strength = rng.choice(list(MODALS))
        added = Item(f"new{n + 1}", sentence(rng, strength) + " This is an added commitment.", strength)
        units.insert(rng.randrange(len(units) + 1), [added])
        truth.changes.add(("added", (), (f"new:{added.path}",)))
    news = [item for unit in units for item in unit]
    return to_agreement("old", olds), to_agreement("new", news), truth


def _plan(rng: random.Random, olds: list[Item], count: int) -> dict[int, str]:
    """Which old clause gets which edit; edited clauses never touch each other."""
    plan: dict[int, str] = {}
    free = list(range(len(olds) - 1))
    rng.shuffle(free)
    for edit in EDITS:
        if edit == "insert":
            continue
        done = 0
        for k in list(free):
            if done == count:
                break
            if any(j in plan for j in (k - 1, k, k + 1, k + 2)) or not _fits(edit, olds[k], olds[k + 1]):
                continue
            plan[k] = edit
            if edit == "merge":
                plan[k + 1] = "merge-tail"
            done += 1
    return plan


def _fits(edit: str, item: Item, following: Item) -> bool:
    if edit == "split":
        return len(item.sentences) == 2
    if edit == "merge":
        return len(item.sentences) == len(following.sentences) == 1
    if edit == "weaken":
        return item.strength is Strength.FIRM
    if edit == "strengthen":
        return item.strength is Strength.OPTIONAL
    if edit in ("reword", "move-reword"):
        return sum(word in item.text for word in SWAPS) >= 1
    return True


def _apply(
    edit: str | None, k: int, item: Item, olds: list[Item], rng: random.Random, truth: Truth
) -> list[Item]:
    old_id = (f"old:{item.path}",)
    same = Item(item.path, item.text, item.strength)
    if edit == "delete":
        truth.changes.add(("removed", old_id, ()))
        return []
    if edit == "split":
        first, second = (
            Item(f"{item.path}{s}", t, item.strength) for s, t in zip("ab", item.sentences, strict=True)
        )
        truth.changes.add(("split", old_id, (f"new:{first.path}", f"new:{second.path}")))
        return [first, second]
    if edit == "merge":
        tail = olds[k + 1]
        strength = min(item.strength, tail.strength, key=lambda s: s.rank)
        merged = Item(item.path, f"{item.text} {tail.text}", strength)
        truth.changes.add(("merged", (*old_id, f"old:{tail.path}"), (f"new:{merged.path}",)))
        return [merged]
    if edit == "renumber":
        renumbered = Item(f"{item.path}bis", item.text, item.strength)
        truth.changes.add(("renumbered", old_id, (f"new:{renumbered.path}",)))
        return [renumbered]
    if edit in ("weaken", "strengthen"):
        return [_shift_strength(edit, item, rng, truth)]
    if edit == "reword":
        reworded = Item(item.path, _reword(item.text), item.strength)
        truth.changes.add(("modified", old_id, (f"new:{item.path}",)))
        return [reworded]
    if edit == "move-reword":
        truth.changes.add(("moved", old_id, (f"new:{item.path}",)))
        return [Item(item.path, _reword(item.text), item.strength)]
    kind = "moved" if edit == "move" else "unchanged"
    truth.changes.add((kind, old_id, (f"new:{item.path}",)))
    return [same]


def _shift_strength(edit: str, item: Item, rng: random.Random, truth: Truth) -> Item:
    first, *rest = item.sentences
    before = next(m for m in MODALS[item.strength] if f" {m} " in first)
    target = Strength.INTENT if edit == "weaken" else Strength.FIRM
    after = rng.choice(MODALS[target])
    shifted = Item(item.path, " ".join([first.replace(f" {before} ", f" {after} ", 1), *rest]), target)
    ids = ((f"old:{item.path}",), (f"new:{item.path}",))
    truth.changes.add(("modified", *ids))
    truth.shifts.add(("weakened" if edit == "weaken" else "strengthened", *ids))
    return shifted


def _reword(text: str) -> str:
    """Another word in one place and an adjective added in another: the kind of edit a negotiator makes."""
    for word, replacement in SWAPS.items():
        if word in text:
            text = text.replace(word, replacement, 1)
            break
    else:
        raise AssertionError("a reworded clause carries a swappable word")
    thing = next(o for o in OBJECTS if o in text)
    return text.replace(thing, f"additional {thing}", 1)


def _far_from(rng: random.Random, origin: int, size: int) -> int:
    """A position at least a tenth of the document away from where the clause was."""
    gap = max(5, size // 10)
    choices = [p for p in range(size + 1) if abs(p - origin) >= gap]
    return rng.choice(choices) if choices else size


def renumbered_pair(seed: int, size: int = 300) -> tuple[Agreement, Agreement]:
    """An article inserted on top, every later clause renumbered +1."""
    rng = random.Random(seed)
    olds = base_items(rng, size)
    top = Item(
        "1",
        "The Participants will open a permanent liaison office in Kyiv for this Agreement.",
        Strength.FIRM,
    )
    news = [top] + [Item(str(int(item.path) + 1), item.text, item.strength) for item in olds]
    return to_agreement("old", olds), to_agreement("new", news)


REGIONS = [
    "Kharkiv",
    "Odesa",
    "Mykolaiv",
    "Sumy",
    "Chernihiv",
    "Zaporizhzhia",
    "Dnipro",
    "Kherson",
    "Poltava",
]


def edited_pair(seed: int, size: int) -> tuple[Agreement, Agreement]:
    """Two versions of a long schedule of near-identical clauses, every clause edited (the costly case).

    Clauses of one schedule differ only in their numbers, object and region, so any two of them score
    above the match threshold: an all-pairs search meets ``size``² candidates.
    """
    rng = random.Random(seed)
    olds, news = [], []
    for k in range(size):
        values = {
            "n": rng.randint(2, 900),
            "thing": rng.choice(OBJECTS),
            "region": rng.choice(REGIONS),
            "year": rng.randint(2025, 2034),
            "months": rng.randint(2, 24),
        }
        text = (
            "Under the annual programme the Participants will deliver {n} {thing} to the region of "
            "{region} before {year}, with reports due every {months} months."
        )
        olds.append(Item(str(k + 1), text.format(**values), Strength.FIRM))
        values["n"] += rng.randint(1, 50)
        edited = text.replace("annual", "yearly").format(**values)
        news.append(Item(str(k + 1), edited, Strength.FIRM))
    return to_agreement("old", olds), to_agreement("new", news)
