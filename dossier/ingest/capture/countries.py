"""Countries named in posts and sentences: "посол Белоруссии", "Azerbaijani President".

A short table of the countries Belarusian and Russian desk officers meet most;
each with the stems its name and adjective take in Russian and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str
    ru: str
    en: str
    pattern: re.Pattern[str]


def _country(code: str, ru: str, en: str, stems: str) -> Country:
    return Country(code, ru, en, re.compile(rf"\b(?:{stems})", re.IGNORECASE))


COUNTRIES = (
    _country(
        "BY",
        "Беларусь",
        "Belarus",
        r"белорус\w*|беларус\w*|белоруссi?\w*|Belarus\w*|Byelorussia\w*",
    ),
    _country("AZ", "Азербайджан", "Azerbaijan", r"азербайджан\w*|азерб\w*|Azerbaijan\w*|Azeri"),
    _country("RU", "Россия", "Russia", r"росси\w*|российск\w*|РФ\b|Russia\w*|Kremlin"),
    _country("UA", "Украина", "Ukraine", r"украин\w*|Ukrain\w*"),
    _country("TR", "Турция", "Turkey", r"турц\w*|турецк\w*|Turkey|Turkish|Türkiye"),
    _country("KZ", "Казахстан", "Kazakhstan", r"казахстан\w*|Kazakh\w*"),
    _country("AM", "Армения", "Armenia", r"армени\w*|армянск\w*|Armenia\w*"),
    _country("GE", "Грузия", "Georgia", r"грузи[июяей]\w*|грузинск\w*|Georgia\w*"),
    _country("UZ", "Узбекистан", "Uzbekistan", r"узбек\w*|Uzbek\w*"),
    _country("CN", "Китай", "China", r"кита[йея]\w*|китайск\w*|КНР\b|China|Chinese"),
    _country("US", "США", "United States", r"США|американск\w*|United\s+States|American|U\.S\."),
    _country("DE", "Германия", "Germany", r"германи\w*|немецк\w*|Germany|German"),
    _country("PL", "Польша", "Poland", r"польш\w*|польск\w*|Poland|Polish"),
    _country("IR", "Иран", "Iran", r"иран\w*|Iran\w*"),
    _country("MD", "Молдова", "Moldova", r"молдов\w*|молдав\w*|Moldova\w*"),
    _country("TM", "Туркменистан", "Turkmenistan", r"туркмен\w*|Turkmen\w*"),
    _country("KG", "Киргизия", "Kyrgyzstan", r"кирги\w*|кыргыз\w*|Kyrgyz\w*"),
    _country("TJ", "Таджикистан", "Tajikistan", r"таджик\w*|Tajik\w*"),
)
BY_CODE = {c.code: c for c in COUNTRIES}


def country_in(text: str) -> Country | None:
    """The first country `text` names (by name or adjective), if any."""
    best: tuple[int, Country] | None = None
    for country in COUNTRIES:
        m = country.pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), country)
    return best[1] if best else None


def find_country(code_or_name: str | None) -> Country | None:
    """A country by ISO code or by a name such as a dossier stores ("Беларусь")."""
    if not code_or_name:
        return None
    if code_or_name.upper() in BY_CODE:
        return BY_CODE[code_or_name.upper()]
    return country_in(code_or_name)
