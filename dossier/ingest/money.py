"""Amounts of money and growth statements as news texts write them.

Forms read: "223,3 млн долларов", "$ 24 млн", "$ 500−700 млн" (a range),
"200 млн. долларов", "22,2 млрд" (currency taken from the sentence if named),
"$215 million", "$1.2bn", "close to a billion dollars", "десяти миллиардов
долларов"; growth: "увеличился в 6 раз", "возрос в 1,6 раза", "вырос вдвое",
"на 12%", "up almost 12%", "doubled".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.ingest.capture.types import Span

_NUM = r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)*"
_HEDGE = (
    r"около|почти|порядка|примерно|приблизительно|более\s+чем|более|свыше|менее|"
    r"close\s+to|nearly|almost|about|around|roughly|approximately|some|over|more\s+than|"
    r"less\s+than|up\s+to|до"
)
_SCALE = (
    r"тыс(?:яч[аи]?|\.)?|млн\.?|миллион(?:а|ов|ам|ами)?|млрд\.?|миллиард(?:а|ов|ам|ами)?|"
    r"трлн\.?|триллион(?:а|ов)?|thousand|million|mln|billion|bln|bn|trillion|m|k"
)
_CURRENCY_WORDS = {
    "USD": r"долл(?:\.|ар(?:ов|а|ы|ам|ами|ах)?)?|USD|US\$|(?:US\s+)?dollars?",
    "EUR": r"евро|EUR|euros?",
    "BYN": r"белорусск(?:их|ий|ого)\s+рубл(?:ей|я|ь)|BYN|BYR",
    "RUB": r"(?:российск(?:их|ий|ого)\s+)?руб(?:\.|л(?:ей|я|ь))|RUB|roubles?|rubles?",
    "AZN": r"манат(?:ов|а)?|AZN|manats?",
    "UAH": r"гривен|гривн[аыя]?|UAH|hryvnias?",
    "CNY": r"юан(?:ей|я|ь)|CNY|yuan",
    "GBP": r"фунт(?:ов|а)?\s+стерлингов|GBP|pounds?(?:\s+sterling)?",
    "KZT": r"тенге|KZT",
    "TRY": r"турецк(?:их|ой|ая)\s+лир|TRY",
}
_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₽": "RUB",
    "USD": "USD",
    "EUR": "EUR",
}
_CURRENCY = "|".join(f"(?:{words})" for words in _CURRENCY_WORDS.values())
_WORD_NUMBERS = {
    **dict.fromkeys(
        ("один", "одного", "одному", "одним", "одном", "одна", "одной", "одну", "a", "an", "one"), 1
    ),
    **dict.fromkeys(("два", "две", "двух", "двум", "двумя", "two"), 2),
    **dict.fromkeys(("три", "трех", "трёх", "трем", "трём", "тремя", "three"), 3),
    **dict.fromkeys(("четыре", "четырех", "четырёх", "четырем", "четырьмя", "four"), 4),
    **dict.fromkeys(("пять", "пяти", "пятью", "five"), 5),
    **dict.fromkeys(("шесть", "шести", "шестью", "six"), 6),
    **dict.fromkeys(("семь", "семи", "семью", "seven"), 7),
    **dict.fromkeys(("восемь", "восьми", "восемью", "eight"), 8),
    **dict.fromkeys(("девять", "девяти", "девятью", "nine"), 9),
    **dict.fromkeys(("десять", "десяти", "десятью", "ten"), 10),
    **dict.fromkeys(("двадцать", "двадцати", "twenty"), 20),
    **dict.fromkeys(("тридцать", "тридцати", "thirty"), 30),
    **dict.fromkeys(("сорок", "сорока", "forty"), 40),
    **dict.fromkeys(("пятьдесят", "пятидесяти", "fifty"), 50),
    **dict.fromkeys(("сто", "ста", "hundred"), 100),
    **dict.fromkeys(("полтора", "полторы", "полутора"), 1.5),
    **dict.fromkeys(("пол", "half"), 0.5),
}
_WORD_NUM = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_SCALES = (
    ("тыс", 1_000),
    ("thousand", 1_000),
    ("k", 1_000),
    ("млн", 1_000_000),
    ("миллион", 1_000_000),
    ("million", 1_000_000),
    ("mln", 1_000_000),
    ("m", 1_000_000),
    ("млрд", 10**9),
    ("миллиард", 10**9),
    ("billion", 10**9),
    ("bln", 10**9),
    ("bn", 10**9),
    ("трлн", 10**12),
    ("триллион", 10**12),
    ("trillion", 10**12),
)

_MONEY = re.compile(
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?:(?P<symbol>US\$|\$|€|£|₽|USD|EUR)\s*(?P<num>{_NUM})"
    rf"(?:\s*[-−–—]\s*(?P<num2>{_NUM}))?(?:\s*(?P<scale>{_SCALE})\b\.?)?"
    rf"|(?P<num3>{_NUM})(?:\s*[-−–—]\s*(?P<num4>{_NUM}))?\s*(?P<scale2>{_SCALE})?(?:\b\.?)?"
    rf"(?:\s*(?P<cur>{_CURRENCY})(?![а-яa-z]))?"
    rf"|(?<!\w)(?:(?P<words>(?:(?:{_WORD_NUM})\s+){{1,3}})|(?P<pol>пол))(?P<scale3>{_SCALE})\b\s*"
    rf"(?P<cur2>{_CURRENCY})(?![а-яa-z]))",
    re.IGNORECASE,
)

_UP = r"увелич\w*|вырос\w*|возрос\w*|выраст\w*|нарост\w*|нарасти\w*|подн[яи]\w*|удво\w*"
_DOWN = r"сократ\w*|сниз\w*|уменьш\w*|упа[дл]\w*|снижен\w*"
_GROWTH_RU = re.compile(
    rf"(?P<verb>{_UP}|{_DOWN})(?:\s+[^\s.,;:!?]+){{0,4}}?\s+"
    rf"(?:(?P<hedge>почти|более\s+чем|примерно|около|свыше)\s+)?"
    rf"(?:в\s+(?P<num>{_NUM}|{_WORD_NUM})\s+раз[а]?\b|(?P<adv>вдвое|втрое|вчетверо|впятеро)"
    rf"|на\s+(?P<pct>{_NUM})\s*(?:%|процент\w*))",
    re.IGNORECASE,
)
_GROWTH_EN = re.compile(
    r"\b(?P<verb>up|rose|risen|rising|grew|grown|increased|jumped|climbed|gained|down|fell|"
    r"fallen|declined|dropped|decreased|shrank)\s+(?:by\s+)?(?:(?P<hedge>almost|nearly|about|"
    r"some|over|more\s+than|around|roughly)\s+)?(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s?cent)"
    rf"|(?P<num>{_NUM})\s*(?:times|-fold|fold))"
    r"|\b(?P<adv>doubled|tripled|quadrupled)\b",
    re.IGNORECASE,
)
_DOWN_WORDS = re.compile(
    rf"^(?:{_DOWN}|down|fell|fallen|declined|dropped|decreased|shrank)", re.IGNORECASE
)
_ADVERBS = {
    "вдвое": 2,
    "втрое": 3,
    "вчетверо": 4,
    "впятеро": 5,
    "doubled": 2,
    "tripled": 3,
    "quadrupled": 4,
}


@dataclass(frozen=True)
class Money:
    amount: float  # in units
    currency: str | None
    scale: int  # the scale the text states (1, 1000, 10**6, 10**9)
    span: Span
    high: float | None = None  # upper end of a range
    estimate: bool = False


@dataclass(frozen=True)
class Growth:
    factor: float
    span: Span
    estimate: bool = False


def parse_number(text: str, lang: str = "ru") -> float:
    """ "223,3" -> 223.3; "1 234,5" -> 1234.5; "1,234" (English) -> 1234."""
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in text:
        if lang == "en" and re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", text):
        text = text.replace(".", "")
    return float(text)


def _scale(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower().rstrip(".")
    return next(
        value
        for stem, value in _SCALES
        if word.startswith(stem) and (len(stem) > 1 or word == stem)
    )


def _currency(match: re.Match[str]) -> str | None:
    if match["symbol"]:
        return _SYMBOLS[match["symbol"].upper()]
    words = match["cur"] or match["cur2"]
    if not words:
        return None
    return next(
        code
        for code, pattern in _CURRENCY_WORDS.items()
        if re.fullmatch(pattern, words, re.IGNORECASE)
    )


def _words_value(words: str) -> float:
    return sum(_WORD_NUMBERS[w.lower()] for w in words.split())


def sentence_currency(text: str) -> str | None:
    """The one currency a sentence names, for amounts that omit it ("22,2 млрд")."""
    found = {
        code
        for code, words in _CURRENCY_WORDS.items()
        if re.search(rf"(?<![а-яa-z])(?:{words})(?![а-яa-z])", text, re.IGNORECASE)
    }
    found |= {code for sym, code in _SYMBOLS.items() if len(sym) < 3 and sym in text}
    return found.pop() if len(found) == 1 else None


def find_money(text: str, lang: str = "ru", offset: int = 0) -> list[Money]:
    """Amounts of money in `text`. A bare number counts only with a scale word and a
    currency named somewhere in the sentence ("22,2 млрд" after "долларов")."""
    found = []
    for m in _MONEY.finditer(text):
        span = (m.start() + offset, m.end() + offset)
        currency = _currency(m)
        hedge = bool(m["hedge"]) and m["hedge"].lower() != "до"
        if m["num"] is not None:
            scale, low, high = _scale(m["scale"]), m["num"], m["num2"]
        elif m["num3"] is not None:
            if not m["scale2"] and not currency:
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m["num3"]) and not m["scale2"]:
                continue
            if not currency:
                currency = sentence_currency(text)
                if currency is None:
                    continue
            scale, low, high = _scale(m["scale2"]), m["num3"], m["num4"]
        else:
            scale = _scale(m["scale3"])
            value = 0.5 if m["pol"] else _words_value(m["words"])
            found.append(Money(value * scale, currency, scale, span, estimate=hedge))
            continue
        value = parse_number(low, lang) * scale
        top = parse_number(high, lang) * scale if high else None
        found.append(Money(value, currency, scale, span, top, hedge or top is not None))
    return found


def find_growth(text: str, lang: str = "ru", offset: int = 0) -> list[Growth]:
    """Growth statements in `text` as factors: "в 1,6 раза" -> 1.6, "down 5%" -> 0.95."""
    found = []
    for pattern in (_GROWTH_RU, _GROWTH_EN):
        for m in pattern.finditer(text):
            down = bool(m["verb"]) and bool(_DOWN_WORDS.match(m["verb"]))
            if m["adv"]:
                factor = float(_ADVERBS[m["adv"].lower()])
            elif m["pct"]:
                pct = parse_number(m["pct"], lang) / 100
                factor = 1 - pct if down else 1 + pct
            else:
                raw = m["num"]
                factor = (
                    float(_WORD_NUMBERS[raw.lower()])
                    if raw.lower() in _WORD_NUMBERS
                    else parse_number(raw, lang)
                )
                if down and factor:
                    factor = 1 / factor
            found.append(
                Growth(round(factor, 4), (m.start() + offset, m.end() + offset), bool(m["hedge"]))
            )
    return sorted(found, key=lambda g: g.span)
