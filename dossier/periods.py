"""How a period given by two dates reads: '2012', 'Jan–Sep 2013', '2006–2012'."""

from __future__ import annotations

import datetime as dt

from dossier.fields import date_bounds


def period_label(start: str, end: str, lang: str = "en") -> str:
    """'2012', 'Jan–Sep 2013' or '2006–2012' for a period given by two dates."""
    first, _ = date_bounds(start)
    _, last = date_bounds(end)
    months_en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    months_ru = [
        "янв.",
        "февр.",
        "март",
        "апр.",
        "май",
        "июнь",
        "июль",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ]
    months = months_ru if lang == "ru" else months_en
    whole_years = first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31
    if whole_years:
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if first.year == last.year and first.day == 1 and (last + dt.timedelta(days=1)).day == 1:
        if first.month == last.month:
            return f"{months[first.month - 1]} {first.year}"
        return f"{months[first.month - 1]}–{months[last.month - 1]} {first.year}"
    return f"{first.isoformat()} – {last.isoformat()}"


def is_partial_year(start: str, end: str) -> bool:
    first, _ = date_bounds(start)
    _, last = date_bounds(end)
    return not (first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31)
