"""Periods and deadlines as news texts write them, resolved to ISO dates.

"с 2006 по 2012 годы", "в январе-сентябре этого года", "по итогам прошлого
года", "in 2012", "January-September 2013", "до конца года". Relative years are
read against a reference date: the article's date, or one the user gives.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dossier.ingest.capture.types import Span

_MONTHS_RU = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма[йяе]",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(?:(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-яё]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
)
_RELATIVE = {
    "позапрошл": -2,
    "прошл": -1,
    "минувш": -1,
    "предыдущ": -1,
    "этого": 0,
    "этом": 0,
    "текущ": 0,
    "нынешн": 0,
    "сего": 0,
    "следующ": 1,
    "будущ": 1,
    "last": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
}
_REL = (
    r"(?:позапрошл|прошл|минувш|предыдущ|этого|этом|текущ|нынешн|сего|следующ|будущ)[а-яё]*"
    r"|(?:last|previous|this|current|next)"
)
_YEAR_WORD = r"(?:\s*(?:гг?\.|год(?:ы|ах|ов|а|у)?))"
_YEAR_OR_REL = (
    rf"(?:(?P<year>(?:19|20)\d\d){_YEAR_WORD}?"
    rf"|(?:the\s+)?(?P<rel>{_REL})\s+(?:год[а-я]*|year))"
)
_DASH = r"\s*[-–—−]\s*"

_MULTI_YEAR = re.compile(
    rf"(?:\b(?:с|from|between)\s+(?P<y1>(?:19|20)\d\d){_YEAR_WORD}?\s+(?:по|до|to|and|until|till)"
    rf"\s+(?P<y2>(?:19|20)\d\d){_YEAR_WORD}?|\b(?P<y3>(?:19|20)\d\d){_DASH}(?P<y4>(?:19|20)\d\d)"
    rf"{_YEAR_WORD}?)",
    re.IGNORECASE,
)
_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{_MONTH}){_DASH}(?P<m2>{_MONTH})(?:\s+{_YEAR_OR_REL})?", re.IGNORECASE
)
# Counts of months in every case: "девять месяцев", "девяти месяцев", "первых
# восьми месяцев", "the first eight months", "11 месяцев".
_MONTH_COUNTS = {
    **dict.fromkeys(("два", "двух", "two", "2"), 2),
    **dict.fromkeys(("три", "трех", "трёх", "three", "3"), 3),
    **dict.fromkeys(("четыре", "четырех", "четырёх", "four", "4"), 4),
    **dict.fromkeys(("пять", "пяти", "five", "5"), 5),
    **dict.fromkeys(("шесть", "шести", "six", "6"), 6),
    **dict.fromkeys(("семь", "семи", "seven", "7"), 7),
    **dict.fromkeys(("восемь", "восьми", "eight", "8"), 8),
    **dict.fromkeys(("девять", "девяти", "nine", "9"), 9),
    **dict.fromkeys(("десять", "десяти", "ten", "10"), 10),
    **dict.fromkeys(("одиннадцать", "одиннадцати", "eleven", "11"), 11),
}
_COUNT = "|".join(sorted(_MONTH_COUNTS, key=len, reverse=True))
_NINE_MONTHS = re.compile(
    rf"(?:\b(?:перв(?:ые|ых|ыми)\s+)?(?P<n>{_COUNT})\s+месяц[а-я]*|"
    rf"\b(?:the\s+)?first\s+(?P<en>{_COUNT})\s+months|"
    rf"\b(?P<half>перв[а-я]+\s+полугоди[а-я]+|(?:the\s+)?first\s+half|H1))"
    rf"(?:\s+(?:of\s+)?{_YEAR_OR_REL}|,?\s+(?P<year3>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
_QUARTER = re.compile(
    rf"\b(?:(?:(?P<ord>перв|втор|трет|четв[её]рт|first|second|third|fourth)[а-яё]*"
    rf"|(?P<roman>I{{1,3}}|IV))\s+(?:квартал[а-я]*|quarter)|Q(?P<q>[1-4]))"
    rf"(?:\s+(?:of\s+)?{_YEAR_OR_REL})?",
    re.IGNORECASE,
)
_ONE_MONTH = re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(
    rf"\b(?P<year>(?:19|20)\d\d)\s*(?:году|года|год|г\.)|\b(?:in|for|during|of)\s+"
    rf"(?P<year2>(?:19|20)\d\d)\b|\b(?:the\s+)?(?P<rel>{_REL})\s+(?:году|года|год|year)\b",
    re.IGNORECASE,
)
_DEADLINE = re.compile(
    rf"\b(?:до\s+конца|к\s+концу|by\s+the\s+end\s+of)\s+(?:(?:the|this)\s+)?"
    rf"(?:(?P<rel>{_REL})\s+)?(?:(?P<year>(?:19|20)\d\d)\b(?:\s+года)?|(?:года|year)\b)"
    rf"|\b(?:к|by)\s+(?P<year2>(?:19|20)\d\d)(?:\s+году)?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    start: str | None  # None: a relative period ("this year") and no date to read it by
    end: str | None
    span: Span
    multi_year: bool = False  # "с 2006 по 2012": growth is measured over it

    @property
    def open(self) -> bool:
        return self.start is None

    @property
    def base(self) -> tuple[str, str] | None:
        """The base a growth statement compares with: the first year of a
        multi-year span, else the same months one year earlier."""
        if self.start is None or self.end is None:
            return None
        first, last = dt.date.fromisoformat(self.start), dt.date.fromisoformat(self.end)
        if self.multi_year:
            return f"{first.year}-01-01", f"{first.year}-12-31"
        return _shift(first, -1).isoformat(), _shift(last, -1).isoformat()

    @property
    def growth_period(self) -> tuple[str | None, str | None]:
        """The period a growth statement ends in: the last year of a multi-year span."""
        if self.multi_year and self.end:
            year = self.end[:4]
            return f"{year}-01-01", f"{year}-12-31"
        return self.start, self.end


def _shift(day: dt.date, years: int) -> dt.date:
    last = calendar.monthrange(day.year + years, day.month)[1]
    return day.replace(year=day.year + years, day=min(day.day, last))


def _month(word: str) -> int:
    word = word.lower()
    for i, stem in enumerate(_MONTHS_RU):
        if re.match(stem, word):
            return i + 1
    return _MONTHS_EN.index(word[:3]) + 1


def _relative(word: str) -> int:
    word = word.lower()
    return next(v for k, v in _RELATIVE.items() if word.startswith(k))


def _year(match: re.Match[str], ref: dt.date | None) -> int | None:
    """The year a period names, or its year relative to `ref`; None when the text
    leaves the year to the article's date and there is none (never today's)."""
    groups = match.groupdict()
    for name in ("year", "year2", "year3"):
        if groups.get(name):
            return int(groups[name])
    if ref is None:
        return None
    if groups.get("rel"):
        return ref.year + _relative(groups["rel"])
    return ref.year


def _months(year: int | None, first: int, last: int) -> tuple[str | None, str | None]:
    if year is None:
        return None, None
    end = calendar.monthrange(year, last)[1]
    return dt.date(year, first, 1).isoformat(), dt.date(year, last, end).isoformat()


def find_periods(text: str, ref: dt.date | None, offset: int = 0) -> list[Period]:
    """Every period in `text`, in order; spans are shifted by `offset`. With no
    reference date, relative periods are found but left open (start None)."""
    found: list[Period] = []
    taken: list[Span] = []

    def add(match: re.Match[str], start: str | None, end: str | None, multi: bool = False) -> None:
        span = (match.start() + offset, match.end() + offset)
        if any(s < span[1] and span[0] < e for s, e in taken):
            return
        taken.append(span)
        found.append(Period(start, end, span, multi))

    for m in _MULTI_YEAR.finditer(text):
        first, last = int(m["y1"] or m["y3"]), int(m["y2"] or m["y4"])
        if first < last:
            add(m, f"{first}-01-01", f"{last}-12-31", multi=True)
    for m in _MONTH_RANGE.finditer(text):
        first, last = _month(m["m1"]), _month(m["m2"])
        if first <= last:
            add(m, *_months(_year(m, ref), first, last))
    for m in _NINE_MONTHS.finditer(text):
        count = m["n"] or m["en"]
        months = _MONTH_COUNTS[count.lower()] if count else 6
        add(m, *_months(_year(m, ref), 1, months))
    for m in _QUARTER.finditer(text):
        word = (m["ord"] or "").lower()[:3]
        quarter = (
            int(m["q"])
            if m["q"]
            else {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get((m["roman"] or "").lower())
            or {"пер": 1, "fir": 1, "вто": 2, "sec": 2, "тре": 3, "thi": 3, "чет": 4, "fou": 4}[
                word
            ]
        )
        add(m, *_months(_year(m, ref), quarter * 3 - 2, quarter * 3))
    for m in _ONE_MONTH.finditer(text):
        month = _month(m["m1"])
        add(m, *_months(int(m["year"]), month, month))
    for m in _YEAR.finditer(text):
        year = _year(m, ref)
        add(m, *((None, None) if year is None else (f"{year}-01-01", f"{year}-12-31")))
    return sorted(found, key=lambda p: p.span)


def find_deadline(text: str, ref: dt.date | None, offset: int = 0) -> tuple[str, Span] | None:
    """The first deadline ("до конца года" -> the reference year's 31 December);
    None when its year depends on a date the text does not give."""
    m = _DEADLINE.search(text)
    year = _year(m, ref) if m else None
    if m is None or year is None:
        return None
    return f"{year}-12-31", (m.start() + offset, m.end() + offset)


def has_relative_year(text: str) -> bool:
    """Whether the text says "этого года" / "last year", which needs a reference date."""
    return re.search(rf"\b(?:{_REL})\s+(?:год[а-я]*|year)\b", text, re.IGNORECASE) is not None
