"""Dates as a reader writes them: '25 November 2013', 'ноябрь 2013 г.', '2013'."""

from __future__ import annotations

import datetime as dt

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_RU = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
MONTHS_RU_OF = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def human_day(day: dt.date, lang: str) -> str:
    if lang == "ru":
        return f"{day.day} {MONTHS_RU_OF[day.month - 1]} {day.year} г."
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def human_date(value: str | None, lang: str) -> str:
    """A stored date of year, month or day precision; text that is not a date unchanged."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return str(numbers[0])
        if len(numbers) == 2:
            year, month = numbers
            name = (MONTHS_RU if lang == "ru" else MONTHS_EN)[month - 1]
            return f"{name} {year} г." if lang == "ru" else f"{name} {year}"
        return human_day(dt.date(*numbers), lang)
    except (ValueError, IndexError):
        return value


def human_range(start: str | None, end: str | None, lang: str) -> str:
    first, last = human_date(start, lang), human_date(end, lang)
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last
