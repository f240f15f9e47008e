"""Country codes and names for trade pairs: ISO 3166-1 alpha-2, or `world`.

Files name countries every way: alpha-3 (TRADHIST's AZE), alpha-2, English names
(Comtrade's "Azerbaijan"), official names, Russian names. pycountry knows them all
(and their Russian translations), so nothing here is a hand-kept list beyond the
few words statistics use for the world as a whole.
"""

from __future__ import annotations

import functools
from typing import Any

from dossier.fields import bilingual
from dossier.model import WORLD

# How statistics name the whole world: Comtrade's partner "World" (code 0, WLD),
# IMF DOTS "W00", Russian tables "весь мир" / "всего".
_WORLD_WORDS = {"world", "wld", "w00", "0", "000", "all", "total", "мир", "весь мир", "всего"}
# Codes a country used before ISO changed them, the state itself unchanged: Romania
# was ROM until 2002, and TRADHIST, the UN and the World Bank kept it. (Codes of
# states that merged or broke up, YUG, SUN, DDR..., stand for no country today:
# `former_country` names them, and their figures are left out.)
_RENAMED = {"ROM": "RO"}


@functools.cache
def code_of(text: str) -> str | None:
    """'AZE', 'AZ', 'Azerbaijan', 'Азербайджан', 'World' -> 'AZ' / 'world'; None if unknown."""
    s = " ".join(str(text).split()).strip()
    if not s:
        return None
    if s.casefold() in _WORLD_WORDS:
        return WORLD
    if s.upper() in _RENAMED:
        return _RENAMED[s.upper()]
    import pycountry

    try:
        return str(pycountry.countries.lookup(s).alpha_2)
    except LookupError:
        pass
    return _russian_names().get(s.casefold())


def former_country(text: str, lang: str = "en") -> str | None:
    """The name of the former country `text` is the code of, as ISO 3166-3 writes it
    ('YUG' -> 'Yugoslavia, (Socialist) Federal Republic of'), or None."""
    import pycountry

    try:
        found = pycountry.historic_countries.lookup(" ".join(str(text).split()))
    except LookupError:
        return None
    return _in_russian("iso3166-3", str(found.name)) if lang == "ru" else str(found.name)


@functools.cache
def _russian_catalogue(domain: str) -> Any:
    """pycountry's Russian catalogue of `domain` (iso3166-1, iso3166-3); None if absent."""
    import gettext

    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return None


def _in_russian(domain: str, english: str) -> str:
    ru = _russian_catalogue(domain)
    return english if ru is None else str(ru.gettext(english))


@functools.cache
def _russian_names() -> dict[str, str]:
    """Russian country name (folded) -> alpha-2, from pycountry's translations."""
    import pycountry

    ru = _russian_catalogue("iso3166-1")
    if ru is None:
        return {}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for english in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", "")}:
            if english:
                names.setdefault(ru.gettext(english).casefold(), c.alpha_2)
    names.update({"россия": "RU", "белоруссия": "BY", "молдавия": "MD", "киргизия": "KG"})
    return names


_SHORT_EN = {"RU": "Russia", "IR": "Iran", "KR": "South Korea", "MD": "Moldova", "SY": "Syria"}
_SHORT_RU = {
    "RU": "Россия",
    "BY": "Беларусь",
    "IR": "Иран",
    "KR": "Южная Корея",
    "MD": "Молдова",
    "GB": "Великобритания",
    "US": "США",
}


@functools.cache
def country_name(code: str | None, lang: str = "en") -> str:
    """'AZ' -> 'Azerbaijan' / 'Азербайджан'; 'world' -> 'the world' / 'мир'; a code
    pycountry does not know is returned as it is (never an empty name)."""
    if not code:
        return bilingual(lang, "unknown", "неизвестно")
    if code == WORLD:
        return bilingual(lang, "the world", "весь мир")
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    english = getattr(country, "common_name", None) or country.name
    if lang != "ru":
        return _SHORT_EN.get(country.alpha_2, english)
    if country.alpha_2 in _SHORT_RU:
        return _SHORT_RU[country.alpha_2]
    return _in_russian("iso3166-1", english)
