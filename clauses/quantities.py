"""Numbers that bind, found in a clause: money, durations, deadlines, counts, percentages, years."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from clauses.models import Quantity, QuantityKind
from clauses.text.numbers import NUMBER_WORDS

CURRENCY_WORDS: dict[str, str] = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "євро": "EUR", "евро": "EUR",
    "$": "USD", "usd": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "доларів": "USD", "долари": "USD",
    "долларов": "USD", "доллара": "USD",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "фунтів": "GBP", "фунтов": "GBP",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY", "єн": "JPY", "ієн": "JPY", "иен": "JPY",
    "cad": "CAD", "c$": "CAD", "nok": "NOK", "sek": "SEK", "dkk": "DKK", "chf": "CHF", "pln": "PLN",
    "czk": "CZK", "kroner": "DKK", "kronor": "SEK", "грн": "UAH", "uah": "UAH", "гривень": "UAH",
}  # fmt: skip
SCALES: dict[str, float] = {
    "billion": 1e9, "bn": 1e9, "b": 1e9, "млрд": 1e9, "мільярд": 1e9, "мільярди": 1e9, "мільярдів": 1e9,
    "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "млн": 1e6, "мільйон": 1e6, "мільйони": 1e6,
    "мільйонів": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "thousand": 1e3, "тис": 1e3, "тыс": 1e3,
}  # fmt: skip
UNITS: dict[str, str] = {
    "year": "years", "years": "years", "рік": "years", "роки": "years", "років": "years", "року": "years",
    "год": "years", "года": "years", "лет": "years",
    "month": "months", "months": "months", "місяць": "months", "місяці": "months", "місяців": "months",
    "месяц": "months", "месяца": "months", "месяцев": "months",
    "week": "weeks", "weeks": "weeks", "тиждень": "weeks", "тижні": "weeks", "тижнів": "weeks", "недели": "weeks",
    "недель": "weeks",
    "day": "days", "days": "days", "днів": "days", "дні": "days", "дня": "days", "дней": "days",
    "hour": "hours", "hours": "hours", "годин": "hours", "години": "hours", "годину": "hours", "часов": "hours",
    "часа": "hours",
}  # fmt: skip

# Bounded repeats: a number of at most 15 digits, five groups of thousands and six decimals. An
# unbounded group let 24 KB of "111 111 ..." take 17 s (every start ran to the end of the line).
_NUM = r"\d{1,15}(?:[.,\s]\d{3}){0,5}(?:[.,]\d{1,6})?"
_WORDNUM = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_CUR_BEFORE = r"€|\$|£|¥|US\$|C\$|EUR|USD|GBP|JPY|CAD|NOK|SEK|DKK|CHF|PLN|CZK|UAH"
_SCALE = "|".join(sorted((re.escape(w) for w in SCALES), key=len, reverse=True))
_CUR_AFTER = "|".join(
    sorted((re.escape(w) for w in CURRENCY_WORDS if w not in "€$£¥"), key=len, reverse=True)
)
_UNIT = "|".join(sorted((re.escape(w) for w in UNITS), key=len, reverse=True))

MONEY_BEFORE = re.compile(rf"(?<!\w)({_CUR_BEFORE})\s?({_NUM})(?:\s?({_SCALE})\.?)?(?!\w)", re.IGNORECASE)
MONEY_AFTER = re.compile(
    rf"(?<![\w.,])({_NUM})\s?(?:({_SCALE})\.?\s?)?({_CUR_AFTER}|€|\$|£)(?!\w)", re.IGNORECASE
)
DEADLINE = re.compile(
    rf"(?:within|no later than|not later than|протягом|впродовж|не пізніше|в течение|не позднее)\s+"
    rf"(?:the\s+)?({_NUM}|{_WORDNUM})(?:\s*\(\d+\))?[\s-]*({_UNIT})(?!\w)",
    re.IGNORECASE,
)
DURATION = re.compile(
    rf"(?<![\w.,])({_NUM}|{_WORDNUM})(?:\s*\(\d+\))?[\s-]*({_UNIT})(?!\w)",
    re.IGNORECASE,
)
PERCENT = re.compile(rf"(?<![\w.,])({_NUM})\s?(%|per cent|percent|відсот\w*|процент\w*)", re.IGNORECASE)
YEAR = re.compile(r"(?<![\w.,/-])((?:19|20)\d\d)(?![\w.,/-]\d)")
COUNT = re.compile(
    rf"(?<![\w.,])({_NUM})\s+(?:[a-z-]+\s)?(aircraft|jets|systems|launchers|vehicles|tanks|rounds|shells|drones|"
    rf"missiles|interceptors|pilots|soldiers|servicemen|personnel|troops|instructors|units|batteries|"
    rf"ships|vessels|square kilometres|square kilometers|km|hectares|generators|transformers)(?!\w)",
    re.IGNORECASE,
)


def parse_number(text: str) -> float:
    """'1.68' → 1.68, '170.000' and '170,000' → 170000 (a group of three digits is thousands), '2,5' → 2.5."""
    text = text.replace(" ", "").replace("\u00a0", "")
    groups = re.split(r"[.,]", text)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    if len(groups) > 1:
        return float("".join(groups[:-1]) + "." + groups[-1])
    return float(text)


def _value(text: str) -> float:
    return NUMBER_WORDS[text.lower()] if text.lower() in NUMBER_WORDS else parse_number(text)


CURRENCY_CODES = (
    "€",
    "$",
    "£",
    "¥",
    "EUR",
    "USD",
    "GBP",
    "JPY",
    "CAD",
    "NOK",
    "SEK",
    "DKK",
    "CHF",
    "PLN",
    "CZK",
    "UAH",
)
CURRENCY_STEMS = (
    "euro", "dollar", "pound", "sterling", "yen", "kron", "євро", "евро", "долар", "доллар", "фунт", "єн", "ієн",
    "иен", "грн", "гривен",
)  # fmt: skip
UNIT_HINTS = (
    "year", "month", "week", "day", "hour", "рік", "рок", "років", "год", "лет", "місяц", "месяц", "тиж", "недел",
    "дн", "годин", "час",
)  # fmt: skip
DEADLINE_HINTS = ("within", "later than", "протягом", "впродовж", "не пізніше", "в течение", "не позднее")
PERCENT_HINTS = ("%", "cent", "відсот", "процент")
HAS_DIGIT = re.compile(r"\d")
NUMBER_WORD = re.compile(rf"(?<!\w)(?:{_WORDNUM})(?!\w)", re.IGNORECASE)


def might_hold_number(text: str, words: Iterable[str] | None = None) -> bool:
    """A cheap test first: most clauses hold no digit and no number word (``words``: its lower-cased words)."""
    if HAS_DIGIT.search(text):
        return True
    if words is not None:
        return not NUMBER_WORDS.keys().isdisjoint(words)
    return bool(NUMBER_WORD.search(text))


def _names_currency(text: str) -> bool:
    """Whether a money pattern can match: codes in capitals, currency words in any case.

    Substring tests, because one regex with a case-insensitive group tries every
    alternative at every character and cost more than the money patterns themselves.
    """
    if any(code in text for code in CURRENCY_CODES):
        return True
    folded = text.casefold()
    return any(stem in folded for stem in CURRENCY_STEMS)


class _Found:
    """Quantities collected in order of priority: a span already taken is not counted again."""

    def __init__(self) -> None:
        self.found: list[tuple[int, Quantity]] = []
        self.taken: list[tuple[int, int]] = []
        """Spans already counted, sorted and disjoint: a neighbour look-up tells an overlap."""

    def add(self, match: re.Match[str], kind: QuantityKind, value: float, unit: str) -> None:
        start, end = match.span()
        place = bisect_left(self.taken, (start, end))
        if (place > 0 and self.taken[place - 1][1] > start) or (
            place < len(self.taken) and self.taken[place][0] < end
        ):
            return
        self.taken.insert(place, (start, end))
        self.found.append(
            (match.start(), Quantity(kind=kind, value=value, unit=unit, text=match.group().strip()))
        )

    def in_text_order(self) -> list[Quantity]:
        return [quantity for _, quantity in sorted(self.found, key=lambda item: item[0])]


def deadline_words(quantity: Quantity) -> str:
    """A deadline as words ("24 hours"): the key by which clauses setting the same deadline are paired."""
    return f"{quantity.value:g} {quantity.unit}"


def find_quantities(text: str, words: Iterable[str] | None = None) -> list[Quantity]:
    """Every binding number in ``text``, each span counted once (money before years, deadlines before durations).

    Each pattern runs only where a cheap substring test says it can match: most clauses
    name no currency, time unit or percentage.
    """
    if not might_hold_number(text, words):
        return []
    lowered = text.lower()
    found = _Found()
    if _names_currency(text):
        _money(text, found)
    if any(unit in lowered for unit in UNIT_HINTS):
        _time_spans(text, lowered, found)
    if any(hint in lowered for hint in PERCENT_HINTS):
        for m in PERCENT.finditer(text):
            found.add(m, QuantityKind.PERCENT, parse_number(m[1]), "percent")
    if HAS_DIGIT.search(text):
        _counts_and_years(text, found)
    return found.in_text_order()


def _money(text: str, found: _Found) -> None:
    for m in MONEY_BEFORE.finditer(text):
        value = parse_number(m[2]) * SCALES.get((m[3] or "").lower(), 1)
        found.add(m, QuantityKind.MONEY, value, CURRENCY_WORDS[m[1].lower()])
    for m in MONEY_AFTER.finditer(text):
        value = parse_number(m[1]) * SCALES.get((m[2] or "").lower(), 1)
        found.add(m, QuantityKind.MONEY, value, CURRENCY_WORDS[m[3].lower()])


def _time_spans(text: str, lowered: str, found: _Found) -> None:
    if any(hint in lowered for hint in DEADLINE_HINTS):
        for m in DEADLINE.finditer(text):
            found.add(m, QuantityKind.DEADLINE, _value(m[1]), UNITS[m[2].lower()])
    for m in DURATION.finditer(text):
        found.add(m, QuantityKind.DURATION, _value(m[1]), UNITS[m[2].lower()])


def _counts_and_years(text: str, found: _Found) -> None:
    """Counts and years are written in digits only."""
    for m in COUNT.finditer(text):
        found.add(m, QuantityKind.COUNT, parse_number(m[1]), m[2].lower())
    if "19" in text or "20" in text:
        for m in YEAR.finditer(text):
            found.add(m, QuantityKind.YEAR, float(m[1]), "year")
