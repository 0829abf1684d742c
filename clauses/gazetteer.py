"""Countries and organisations: codes, and their names and adjectives in English, Ukrainian, Russian."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

ISO_CODES: frozenset[str] = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY
    BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM
    FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT
    JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN
    MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT
    PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL
    TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()
)
"""ISO 3166-1 alpha-2, all 249 assigned codes."""


class Place(NamedTuple):
    """How one party is named: English names and adjectives, Ukrainian/Russian stems."""

    code: str
    name: str
    en_names: tuple[str, ...]
    en_adjectives: tuple[str, ...]
    cyr_names: tuple[str, ...]
    cyr_adjectives: tuple[str, ...]


# Cyrillic entries are stems: any word ending may follow (Ukrainian and Russian decline
# names and adjectives), and the first letter matches in either case.
PLACES: tuple[Place, ...] = (
    Place("UA", "Ukraine", ("Ukraine",), ("Ukrainian", "Ukrainians"),
          ("Україн", "Украин"), ("українськ", "украинск")),
    Place("RU", "Russia", ("Russian Federation", "Russia"), ("Russian", "Russians"),
          ("Російськ\\w* Федераці", "Российск\\w* Федераци", "Росі", "Росси", "РФ"), ("російськ", "российск")),
    Place("BY", "Belarus", ("Belarus",), ("Belarusian",), ("Білорус", "Беларус", "Белорусси"),
          ("білоруськ", "белорусск")),
    Place("GB", "United Kingdom",
          ("United Kingdom of Great Britain and Northern Ireland",
           "United Kingdom of Great Britain & Northern Ireland", "United Kingdom", "Great Britain", "Britain",
           "Northern Ireland",
           "UK", "U.K."),
          ("British",), ("Велик\\w* Британі", "Сполучен\\w* Королівств", "Великобритани", "Соединенн\\w* Королевств"),
          ("британськ", "британск")),
    Place("US", "United States", ("United States of America", "United States", "USA", "U.S.A.", "U.S.", "US",
                                  "America"),
          ("American", "Americans"), ("Сполучен\\w* Штат", "Соединенн\\w* Штат", "США"),
          ("американськ", "американск")),
    Place("DE", "Germany", ("Federal Republic of Germany", "Germany"), ("German", "Germans"),
          ("Німеччин", "ФРН", "Германи"), ("німецьк", "немецк")),
    Place("FR", "France", ("French Republic", "France"), ("French",), ("Франці", "Франци"),
          ("французьк", "французск")),
    Place("IT", "Italy", ("Italian Republic", "Italy"), ("Italian", "Italians"), ("Італі", "Итали"),
          ("італійськ", "итальянск")),
    Place("JP", "Japan", ("Government of Japan", "Japan"), ("Japanese",), ("Японі", "Япони"),
          ("японськ", "японск")),
    Place("CA", "Canada", ("Canada",), ("Canadian", "Canadians"), ("Канад",), ("канадськ", "канадск")),
    Place("RO", "Romania", ("Romania",), ("Romanian", "Romanians"), ("Румуні", "Румыни"),
          ("румунськ", "румынск")),
    Place("PL", "Poland", ("Republic of Poland", "Poland"), ("Polish",), ("Польщ", "Польш"),
          ("польськ", "польск")),
    Place("NL", "Netherlands", ("Kingdom of the Netherlands", "Netherlands", "Holland"), ("Dutch",),
          ("Нідерланд", "Нидерланд", "Голланді", "Голланди"), ("нідерландськ", "нидерландск")),
    Place("DK", "Denmark", ("Kingdom of Denmark", "Denmark"), ("Danish",), ("Данi", "Данії", "Дані", "Дани"),
          ("данськ", "датськ", "датск")),
    Place("NO", "Norway", ("Kingdom of Norway", "Norway"), ("Norwegian",), ("Норвегі", "Норвеги"),
          ("норвезьк", "норвежск")),
    Place("SE", "Sweden", ("Kingdom of Sweden", "Sweden"), ("Swedish",), ("Швеці", "Швеци"),
          ("шведськ", "шведск")),
    Place("FI", "Finland", ("Republic of Finland", "Finland"), ("Finnish",), ("Фінлянді", "Финлянди"),
          ("фінськ", "финск")),
    Place("EE", "Estonia", ("Republic of Estonia", "Estonia"), ("Estonian",), ("Естоні", "Эстони"),
          ("естонськ", "эстонск")),
    Place("LV", "Latvia", ("Republic of Latvia", "Latvia"), ("Latvian",), ("Латві", "Латви"),
          ("латвійськ", "латвийск")),
    Place("LT", "Lithuania", ("Republic of Lithuania", "Lithuania"), ("Lithuanian",), ("Литв",),
          ("литовськ", "литовск")),
    Place("BE", "Belgium", ("Kingdom of Belgium", "Belgium"), ("Belgian",), ("Бельгі", "Бельги"),
          ("бельгійськ", "бельгийск")),
    Place("ES", "Spain", ("Kingdom of Spain", "Spain"), ("Spanish",), ("Іспані", "Испани"),
          ("іспанськ", "испанск")),
    Place("PT", "Portugal", ("Portuguese Republic", "Portugal"), ("Portuguese",), ("Португалі", "Португали"),
          ("португальськ", "португальск")),
    Place("CZ", "Czechia", ("Czech Republic", "Czechia"), ("Czech",),
          ("Чеськ\\w* Республік", "Чешск\\w* Республик", "Чехі", "Чехи"), ("чеськ", "чешск")),
    Place("SK", "Slovakia", ("Slovak Republic", "Slovakia"), ("Slovak",), ("Словаччин", "Словаки"),
          ("словацьк", "словацк")),
    Place("SI", "Slovenia", ("Republic of Slovenia", "Slovenia"), ("Slovenian", "Slovene"),
          ("Словені", "Словени"), ("словенськ", "словенск")),
    Place("HR", "Croatia", ("Republic of Croatia", "Croatia"), ("Croatian",), ("Хорваті", "Хорвати"),
          ("хорватськ", "хорватск")),
    Place("IE", "Ireland", ("Republic of Ireland", "Ireland"), ("Irish",), ("Ірланді", "Ирланди"), ("ірландськ", "ирландск")),
    Place("IS", "Iceland", ("Iceland",), ("Icelandic",), ("Ісланді", "Исланди"), ("ісландськ", "исландск")),
    Place("LU", "Luxembourg", ("Grand Duchy of Luxembourg", "Grand-Duchy of Luxembourg", "Luxembourg"),
          ("Luxembourgish",), ("Люксембург",), ("люксембурзьк", "люксембургск")),
    Place("AL", "Albania", ("Republic of Albania", "Albania"), ("Albanian",), ("Албані", "Албани"),
          ("албанськ", "албанск")),
    Place("MK", "North Macedonia", ("Republic of North Macedonia", "North Macedonia"), (),
          ("Північн\\w* Македоні", "Северн\\w* Македони"), ()),
    Place("GR", "Greece", ("Hellenic Republic", "Greece"), ("Greek",), ("Греці", "Греци"),
          ("грецьк", "греческ")),
    Place("MD", "Moldova", ("Republic of Moldova", "Moldova"), ("Moldovan",), ("Молдов", "Молдави"),
          ("молдовськ", "молдавск")),
    Place("TR", "Türkiye", ("Türkiye", "Turkey"), ("Turkish",), ("Туреччин", "Турци"), ("турецьк", "турецк")),
    Place("HU", "Hungary", ("Hungary",), ("Hungarian",), ("Угорщин", "Венгри"), ("угорськ", "венгерск")),
    Place("BG", "Bulgaria", ("Bulgaria",), ("Bulgarian",), ("Болгарі", "Болгари"), ("болгарськ", "болгарск")),
    Place("AT", "Austria", ("Austria",), ("Austrian",), ("Австрі", "Австри"), ("австрійськ", "австрийск")),
    Place("CH", "Switzerland", ("Switzerland",), ("Swiss",), ("Швейцарі", "Швейцари"),
          ("швейцарськ", "швейцарск")),
    Place("AU", "Australia", ("Australia",), ("Australian",), ("Австралі", "Австрали"),
          ("австралійськ", "австралийск")),
    Place("NZ", "New Zealand", ("New Zealand",), (), ("Нов\\w* Зеланді", "Нов\\w* Зеланди"), ()),
    Place("KR", "South Korea", ("Republic of Korea", "South Korea"), ("South Korean",),
          ("Республік\\w* Коре", "Південн\\w* Коре", "Республик\\w* Коре", "Южн\\w* Коре"), ()),
    Place("KP", "North Korea", ("Democratic People's Republic of Korea", "North Korea", "DPRK"),
          ("North Korean",), ("Північн\\w* Коре", "Северн\\w* Коре", "КНДР"), ()),
    Place("CN", "China", ("People's Republic of China", "China"), ("Chinese",), ("Кита",),
          ("китайськ", "китайск")),
    Place("IR", "Iran", ("Islamic Republic of Iran", "Iran"), ("Iranian",), ("Іран", "Иран"), ()),
    Place("GE", "Georgia", ("Georgia",), ("Georgian",), ("Грузі", "Грузи"), ("грузинськ", "грузинск")),
    Place("AZ", "Azerbaijan", ("Azerbaijan",), ("Azerbaijani",), ("Азербайджан",), ("азербайджанськ",)),
    Place("IL", "Israel", ("Israel",), ("Israeli",), ("Ізраїл", "Израил"), ("ізраїльськ", "израильск")),
    Place("EU", "European Union", ("European Union", "EU"), (),
          ("Європейськ\\w* Союз", "Євросоюз", "ЄС", "Европейск\\w* Союз", "Евросоюз", "ЕС"), ()),
    Place("NATO", "NATO", ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "NATO"),
          (), ("НАТО", "Північноатлантичн\\w* Альянс", "Североатлантическ\\w* Альянс"), ()),
    Place("G7", "G7", ("Group of Seven", "G7", "G-7"), (),
          ("Велик\\w* сімк", "Груп\\w* семи", "Больш\\w* семерк", "Групп\\w* семи"), ()),
)  # fmt: skip


class Mention(NamedTuple):
    """A party named in a text: its code and where, and whether as a name or an adjective."""

    code: str
    start: int
    end: int
    form: str  # "name" | "adjective"


# Where a party name can start: a capital Latin letter or any Cyrillic letter (stems match any case).
NAME_START = re.compile(r"(?<![\w.])[A-Z\u0400-\u04ff]")


class _Form(NamedTuple):
    regex: re.Pattern[str]
    code: str
    form: str


def _english(term: str) -> str:
    # Whole words only, an optional possessive; "U.S." ends on a dot, so no \w check after it.
    tail = r"(?:['’]s)?(?!\w)" if term[-1].isalnum() else ""
    return re.escape(term) + tail


def _cyrillic(stem: str) -> str:
    return f"(?i:{stem[0]}){stem[1:]}\\w*"


@lru_cache(maxsize=1)
def _index() -> dict[str, list[_Form]]:
    """Forms keyed by the first two letters of their first word (lower-cased for Cyrillic stems).

    Trying every form at every position costs minutes on the corpus; looking up each
    word's first letters first keeps a whole corpus under a tenth of a second.
    """
    index: dict[str, list[_Form]] = {}
    for place in PLACES:
        terms = [(_english(t), t[:2], "adjective") for t in place.en_adjectives]
        terms += [(_english(t), t[:2], "name") for t in place.en_names]
        terms += [(_cyrillic(t), t[:2].lower(), "adjective") for t in place.cyr_adjectives]
        terms += [(_cyrillic(t), t[:2].lower(), "name") for t in place.cyr_names]
        for regex, key, form in terms:
            index.setdefault(key, []).append(_Form(re.compile(regex), place.code, form))
    for forms in index.values():
        forms.sort(key=lambda f: -len(f.regex.pattern))  # the longest form wins
    return index


def _match_at(text: str, start: int) -> tuple[_Form, int] | None:
    index = _index()
    key = text[start : start + 2]
    for forms in (index.get(key), index.get(key.lower()) if not key.isascii() else None):
        for form in forms or ():
            match = form.regex.match(text, start)
            if match:
                return form, match.end()
    return None


def mentions(text: str) -> list[Mention]:
    """Every party named in ``text``, in order."""
    found: list[Mention] = []
    position = 0
    for word in NAME_START.finditer(text):
        start = word.start()
        if start < position:
            continue
        hit = _match_at(text, start)
        if hit:
            form, end = hit
            found.append(Mention(form.code, start, end, form.form))
            position = end
    return found


def party_codes(text: str) -> list[str]:
    """The parties named in ``text``, in order of first mention, each once."""
    return list(dict.fromkeys(mention.code for mention in mentions(text)))


def code_for(name: str) -> str | None:
    """The code of a name or adjective given alone ("Romanian" → RO), else None."""
    name = name.strip()
    hit = _match_at(name, 0) if name else None
    return hit[0].code if hit and hit[1] == len(name) else None


def name_of(code: str) -> str:
    """The English short name of a party code (the code itself when unknown)."""
    return next((place.name for place in PLACES if place.code == code), code)
