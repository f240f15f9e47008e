"""What a figure is: a result, a target or a forecast; trade or not; whose trade.

Wires state goals and predictions with the same numbers as results ("довести
товарооборот до 1 млрд долларов", "trade is expected to reach $1bn"), and put
investment, loans and contract values beside trade. These rules read the words
around an amount so that only a result between named countries is proposed as a
trade figure without a doubt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.ingest.capture.countries import COUNTRIES, Country

# A goal someone set: a target. Checked before forecasts ("планируется довести").
_TARGET = re.compile(
    r"довест\w*|доведени\w*|\b(?:увеличить|нарастить|поднять|удвоить|утроить|повысить)\b|выйти\s+на|выход\w*\s+на|поставлен\w*\s+задач\w*|задач\w*|"
    r"цел[ьию]\w*|намерен\w*|наме[тч]\w*|планир\w*|план\w*|ориентир\w*|"
    r"\btargets?\b|\btargeted\b|\bgoal\b|\baims?\b|\baimed\b|\bplans?\b|\bplanned\b|"
    r"\bseeks?\s+to\b|\bintends?\b|\bboost\w*\s+\w+(?:\s+\w+)?\s+to\b|\bincrease\s+\w+\s+to\b",
    re.IGNORECASE,
)
# A prediction: a forecast (also the future tense of "to amount to").
_FORECAST = re.compile(
    r"ожида\w*|прогноз\w*|предполага\w*|рассчитыва\w*|может\s+(?:составить|достичь|достигнуть|"
    r"превысить|вырасти)|могут\s+\w+|составит|превысит|достигнет|вырастет|увеличится|"
    r"\bexpect\w*|\bforecast\w*|\bprojected\b|\bcould\s+(?:reach|hit|exceed|top|rise)|"
    r"\bmay\s+(?:reach|hit|exceed)|\bwill\s+(?:reach|hit|exceed|top|rise|grow|amount)|"
    r"\bis\s+set\s+to\b|\bwould\b|\bpotential\b|потенциал\w*",
    re.IGNORECASE,
)
# A deadline year marks a goal: "к 2025 году", "by 2025", "до 2030 года".
_BY_YEAR = re.compile(
    r"\b(?:к|by)\s+(?P<y1>(?:19|20)\d\d)\b|\bдо\s+(?P<y2>(?:19|20)\d\d)\s+год\w*",
    re.IGNORECASE,
)
# A horizon: "за пять лет", "в ближайшие пять лет", "within five years": a goal whose
# year is the article's year plus the horizon (an estimate, so never ticked).
_HORIZON = re.compile(
    r"(?:\bза|\bв\s+ближайшие|\bв\s+течение|\bна\s+(?:первые|ближайшие))\s+(?P<n>\w+)\s+"
    r"(?:лет|года|годы)\b|\b(?:in|within|over)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?"
    r"(?P<n2>\w+)\s+years\b",
    re.IGNORECASE,
)
_YEARS = {
    **dict.fromkeys(("два", "двух", "two", "2"), 2),
    **dict.fromkeys(("три", "трех", "трёх", "three", "3"), 3),
    **dict.fromkeys(("четыре", "четырех", "четырёх", "four", "4"), 4),
    **dict.fromkeys(("пять", "пяти", "five", "5"), 5),
    **dict.fromkeys(("шесть", "шести", "six", "6"), 6),
    **dict.fromkeys(("семь", "семи", "seven", "7"), 7),
    **dict.fromkeys(("восемь", "восьми", "eight", "8"), 8),
    **dict.fromkeys(("десять", "десяти", "ten", "10"), 10),
    **dict.fromkeys(("пятнадцать", "пятнадцати", "fifteen", "15"), 15),
    **dict.fromkeys(("двадцать", "двадцати", "twenty", "20"), 20),
}
# Money that is not trade: investment, funding, loans, contracts, project values.
_NOT_TRADE = re.compile(
    r"инвест\w*|вложени\w*|финансир\w*|кредит\w*|займ\w*|заём|заем|ссуд\w*|контракт\w*|"
    r"договор\w*|соглашени\w*\s+на\s+сумму|стоимост\w*|проект\w*|программ\w*|бюджет\w*|"
    r"фонд\w*|грант\w*|капитал\w*|помощ\w*|долг\w*|выдел\w*|ассигн\w*|субсиди\w*|"
    r"\binvest\w*|\bfund\w*|\bfinanc\w*|\bloans?\b|\bcredit\w*|\bcontracts?\b|\bdeals?\b|"
    r"\bworth\b|\bprojects?\b|\bprogram\w*|\bbudget\w*|\bgrants?\b|\bcapital\b|\baid\b|\bdebt\w*|"
    r"\ballocat\w*|\bearmark\w*|\bsubsid\w*",
    re.IGNORECASE,
)
# "the two countries", "двусторонний": the pair of the dossier, if the text names it.
_BILATERAL = re.compile(
    r"двусторонн\w*|дв(?:ух|умя|ум)\s+стран\w*|обе(?:их|ими|им)\s+стран\w*|наш\w+\s+стран\w*|взаимн\w+\s+торгов\w*|"
    r"\bbilateral\b|\btwo\s+countries\b|\bboth\s+countries\b|\bmutual\s+trade\b",
    re.IGNORECASE,
)
_FLOW_WORDS = {
    "export": r"экспорт\w*|\bexports?\b",
    "import": r"импорт\w*|\bimports?\b",
}
_TO = re.compile(r"\b(?:в|во|на|to|into)\s+$", re.IGNORECASE)
_FROM = re.compile(r"\b(?:из|from)\s+$", re.IGNORECASE)
# A marker belongs to an amount in the same clause: before it by a few words, or
# right after it ("$1bn target"); a new clause (", а", ", while") cuts it off.
_BEFORE_WORDS, _AFTER_WORDS = 12, 3
_CLAUSE = re.compile(
    r"[.;!?]|,\s*(?:а|но|однако|тогда\s+как|в\s+то\s+время\s+как|while|but|whereas|and)\b"
    r"|\b(?:compared|против|по\s+сравнению)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reading:
    kind: str  # actual | estimate | target | forecast
    target_year: int | None = None
    not_trade: bool = False
    # A result in a sentence that also speaks of goals or forecasts: maybe one of them.
    hedged: bool = False
    year_estimated: bool = False  # from a horizon ("за пять лет"), not a stated year


def _near(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
    """Matches of `pattern` in the amount's clause (see _CLAUSE)."""
    found = []
    for m in pattern.finditer(text):
        if m.start() < end and m.end() > start:
            found.append(m)
        elif m.end() <= start:
            gap = text[m.end() : start]
            if not _CLAUSE.search(gap) and len(gap.split()) <= _BEFORE_WORDS:
                found.append(m)
        else:
            gap = text[end : m.start()]
            if not re.search(r"[,.;:!?(]", gap) and len(gap.split()) <= _AFTER_WORDS:
                found.append(m)
    return found


def read_figure(
    sentence: str, start: int, end: int, flow_at: int | None, ref_year: int | None
) -> Reading:
    """The kind of the amount at sentence[start:end], its target year and whether
    it is money other than trade (a non-trade word nearer to it than the flow).
    A deadline year ("к 2025 году") after the article's year marks a target."""
    kind = "actual"
    if _near(_TARGET, sentence, start, end):
        kind = "target"
    elif _near(_FORECAST, sentence, start, end):
        kind = "forecast"
    year, estimated = None, False
    for m in _near(_BY_YEAR, sentence, start, end):
        year = int(m["y1"] or m["y2"])
        if ref_year is not None and year <= ref_year:
            year = None  # "к 2012 году вырос": a past year, not a goal
            continue
        if kind == "actual":
            kind = "target"
        break
    horizon = next(iter(_near(_HORIZON, sentence, start, end)), None)
    count = _YEARS.get((horizon["n"] or horizon["n2"] or "").lower()) if horizon else None
    if count and year is None and kind != "actual":
        year, estimated = (ref_year + count if ref_year else None), True
    distance = abs(flow_at - start) if flow_at is not None else 10**6
    if flow_at is not None:
        between = sentence[min(flow_at, end) : max(flow_at, start)]
        if _CLAUSE.search(between):
            distance = 10**6  # the flow word belongs to another clause
    not_trade = any(
        min(abs(m.start() - start), abs(m.end() - end)) < distance
        for m in _near(_NOT_TRADE, sentence, start, end)
    )
    hedged = kind == "actual" and bool(_TARGET.search(sentence) or _FORECAST.search(sentence))
    return Reading(kind, year, not_trade, hedged, estimated)


def _mentions(text: str) -> list[tuple[int, int, Country]]:
    found = []
    for country in COUNTRIES:
        found += [(m.start(), m.end(), country) for m in country.pattern.finditer(text)]
    return sorted(found, key=lambda item: item[0])


def trade_pair(sentence: str, flow: str) -> tuple[str | None, str | None, bool]:
    """(reporter, partner, bilateral) as the sentence names them: "товарооборот
    Беларуси и Азербайджана" -> (BY, AZ); "экспорт в Турцию" -> (None, TR);
    "двусторонний товарооборот" -> (None, None, True): the dossier's pair decides."""
    mentions = _mentions(sentence)
    codes = list(dict.fromkeys(c.code for _s, _e, c in mentions))
    bilateral = _BILATERAL.search(sentence) is not None
    if flow in ("export", "import"):
        towards = _TO if flow == "export" else _FROM
        partner = next(
            (c.code for s, _e, c in mentions if towards.search(sentence[max(0, s - 6) : s])),
            None,
        )
        others = [code for code in codes if code != partner]
        if partner:
            return (others[0] if len(others) == 1 else None), partner, bilateral
        # "белорусский экспорт", "экспорт Беларуси", "Azerbaijan's exports": the
        # country right beside the flow word is the one that sells or buys.
        flow_word = re.search(_FLOW_WORDS[flow], sentence, re.IGNORECASE)
        if flow_word:
            beside = [
                c.code
                for s, e, c in mentions
                if len(sentence[e : flow_word.start()].split()) == 0
                or len(sentence[flow_word.end() : s].split()) == 0
            ]
            if beside:
                rest = [code for code in codes if code != beside[0]]
                return beside[0], (rest[0] if len(rest) == 1 else None), bilateral
    if len(codes) == 2:
        return codes[0], codes[1], bilateral
    if len(codes) == 1:
        return None, codes[0], bilateral
    return None, None, bilateral


def dossier_pair(
    reporter: str | None,
    partner: str | None,
    bilateral: bool,
    home: str | None,
    host: str | None,
    text_codes: Sequence[str],
    flow: str = "turnover",
) -> tuple[str | None, str | None]:
    """The pair filled in from the dossier where the text says so: a bilateral
    figure, or one naming one of the pair, in a text that names both countries.
    Turnover is the same both ways: it is given as the dossier sees it."""
    if not home or not host:
        return reporter, partner
    if flow == "turnover" and {reporter, partner} == {home, host}:
        return home, host
    if reporter and partner:
        return reporter, partner
    named = {reporter, partner} - {None}
    both_in_text = home in text_codes and host in text_codes
    if named <= {home, host} and both_in_text and (bilateral or named):
        other = {home, host} - named
        if not named or flow == "turnover":
            return home, host
        if partner and not reporter:
            return other.pop() if other else None, partner
        return reporter, other.pop() if other else None
    return reporter, partner


def text_countries(text: str) -> list[str]:
    """The codes of every country the text names."""
    return list(dict.fromkeys(c.code for _s, _e, c in _mentions(text)))
