"""What a brief contains and how it looks: the choices a user makes before exporting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# The sections in the order a brief prints them: the standard steering brief (the
# cover, a one-page steering note, the programme, what to say, then the background).
SECTIONS = (
    "cover",
    "contents",
    "steering",
    "changes",
    "programme",
    "objectives",
    "messages",
    "if_raised",
    "press",
    "background",
    "interlocutors",
    "delegation",
    "trade",
    "projects",
    "glossary",
    "sources",
)
SECTION_TITLES = {
    "cover": ("Cover", "Титульный лист"),
    "contents": ("Contents", "Содержание"),
    "steering": ("Steering note", "Основные положения"),
    "changes": ("Changed since the last brief", "Изменения со времени прошлой справки"),
    "programme": ("Programme", "Программа"),
    "objectives": ("Objectives", "Цели"),
    "messages": ("Key messages and lines to take", "Ключевые тезисы и позиция"),
    "if_raised": ("If raised", "Если будет поднят вопрос"),
    "press": ("Press lines", "Для прессы"),
    "background": ("Background", "Справочно"),
    "interlocutors": ("Interlocutors", "Собеседники"),
    "delegation": ("Delegation", "Делегация"),
    "trade": ("Trade and economy", "Торговля и экономика"),
    "projects": ("Industrial cooperation", "Производственная кооперация"),
    "glossary": ("Glossary of names", "Глоссарий имён"),
    "sources": ("Sources", "Источники"),
}
# Names older briefs and scripts used: "scene" was the scene-setter, now the
# background section; "points" printed every kind of talking point.
SECTION_ALIASES = {
    "scene": ("background",),
    "points": ("objectives", "messages", "if_raised", "press", "background"),
}
PAPERS = ("A4", "Letter")
LANGS = ("ru", "en")
# A printed brief is read before a visit, not searched: a dossier of 30,000 officials
# gets cards for the interlocutors and a compact list of the others, and what is left
# out is said in the brief. None in either option prints everything.
DEFAULT_MAX_CARDS = 30
DEFAULT_MAX_ROWS = 200


def section_title(section: str, lang: str) -> str:
    en, ru = SECTION_TITLES[section]
    return ru if lang == "ru" else en


@dataclass(frozen=True)
class BriefOptions:
    """The choices behind one brief. Unset choices fall back to the dossier's own.

    official_ids / talking_point_ids: None means the defaults (every current official,
    every approved point); a tuple means exactly those records, in dossier order.

    max_cards: at most this many interlocutor cards when the officials are the
    default choice (the officials the chosen points address first, then the host
    side, home side, third parties); the other current officials go into a compact
    table. Officials chosen by id all get cards. max_rows: at most this many rows in each long
    list (that table, trade figures, projects, events, growth statements, uncited
    sources); trade figures beyond it are summed per year and flow. The brief says
    what it leaves out. None in either means no limit: the whole dossier.
    """

    title: str = ""  # "" -> "<Country>: brief"
    place: str = ""
    dates: str = ""  # as the user writes them: "25–26 November 2013"
    prepared_for: str = ""
    prepared_by: str = ""
    version: str = ""
    classification: str | None = None  # None -> the dossier's marking
    lang: str = "ru"
    paper: str = "A4"
    sections: tuple[str, ...] = SECTIONS
    official_ids: tuple[int, ...] | None = None
    talking_point_ids: tuple[int, ...] | None = None
    include_background: bool = True  # False gives the releasable version
    release_marking: str | None = None  # the releasable version's; None -> the dossier's
    purpose: str = ""  # the steering note's purpose; "" -> the visit event's title
    visit_date: dt.date | None = None  # facts are aged against it; None -> generated_on
    stale_years: int = 5  # facts older than this many years print "as of ..."
    # Compare with an earlier brief of the dossier: "last" (the newest written), an
    # ISO date (the newest written on or before it), or None (no comparison).
    since: str | None = None
    max_cards: int | None = DEFAULT_MAX_CARDS
    max_rows: int | None = DEFAULT_MAX_ROWS
    generated_on: dt.date = field(default_factory=dt.date.today)

    def __post_init__(self) -> None:
        problems = []
        if self.lang not in LANGS:
            problems.append(f"language must be one of {', '.join(LANGS)}, not {self.lang!r}")
        paper = {p.casefold(): p for p in PAPERS}.get(str(self.paper).casefold())
        if paper is None:
            problems.append(f"paper must be A4 or Letter, not {self.paper!r}")
        else:
            object.__setattr__(self, "paper", paper)
        wanted = [n for s in self.sections for n in SECTION_ALIASES.get(s, (s,))]
        unknown = [s for s in wanted if s not in SECTIONS]
        if unknown:
            problems.append(
                f"unknown section(s): {', '.join(unknown)}; choose from {', '.join(SECTIONS)}"
            )
        for name in ("max_cards", "max_rows"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                problems.append(
                    f"{name} must be a whole number of 0 or more (or None for "
                    f"no limit), not {value!r}"
                )
        if (
            isinstance(self.stale_years, bool)
            or not isinstance(self.stale_years, int)
            or (self.stale_years < 0)
        ):
            problems.append(
                f"stale_years must be a whole number of 0 or more, not {self.stale_years!r}"
            )
        if self.since is not None and self.since != "last":
            try:
                dt.date.fromisoformat(self.since)
            except ValueError:
                problems.append(
                    f"since must be 'last', a date (2013-11-20) or none, not {self.since!r}"
                )
        if problems:
            raise ValueError("; ".join(problems))
        # Keep the print order whatever order the caller listed them in.
        object.__setattr__(self, "sections", tuple(s for s in SECTIONS if s in wanted))

    def replace(self, **changes: Any) -> BriefOptions:
        """A copy with these fields changed, checked again (__post_init__)."""
        # Any, as dataclasses.replace takes: the fields' own types differ.
        return dataclasses.replace(self, **changes)

    def complete(self) -> BriefOptions:
        """The same brief with no limits: a card for every chosen official, every row."""
        return dataclasses.replace(self, max_cards=None, max_rows=None)
