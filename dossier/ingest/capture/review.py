"""Which candidates the review ticks: only those whose facts are certain.

Every doubt is a short reason shown beside the candidate (in the window and in
`--json`): "not trade", "a target? year unclear", "period unclear", "countries
unclear", "no post", "country unclear". Run once by `capture` (no dossier yet)
and again by `match_capture`, which knows the dossier's pair of countries.
"""

from __future__ import annotations

from dossier.fields import bilingual
from dossier.ingest.capture.countries import BY_CODE, find_country
from dossier.ingest.capture.kinds import dossier_pair, text_countries
from dossier.ingest.capture.types import Capture, OfficialCandidate, TradeCandidate

# The reasons in both languages (the window shows the user's; --json the English).
REASONS = {
    "not trade": "не торговля",
    "a target? year unclear": "цель? год неясен",
    "a forecast? year unclear": "прогноз? год неясен",
    "a target? year estimated": "цель? год рассчитан",
    "a forecast? year estimated": "прогноз? год рассчитан",
    "a target?": "цель?",
    "period unclear": "период неясен",
    "period unclear: no date": "период неясен: нет даты",
    "countries unclear": "страны неясны",
    "no post": "нет должности",
    "post from context": "должность из контекста",
    "country unclear": "страна неясна",
}


def reason_text(reason: str, lang: str) -> str:
    return bilingual(lang, reason, REASONS.get(reason, reason))


def _trade_reason(figure: TradeCandidate) -> str | None:
    if figure.not_trade:
        return "not trade"
    if figure.figure_kind in ("target", "forecast") and not figure.period_start:
        return f"a {figure.figure_kind}? year unclear"
    if figure.figure_kind in ("target", "forecast") and figure.year_estimated:
        return f"a {figure.figure_kind}? year estimated"
    if figure.period_open:
        return "period unclear: no date"
    if not figure.period_start or not figure.period_end:
        return "period unclear"
    if figure.hedged:
        return "a target?"
    if not figure.reporter or not figure.partner:
        return "countries unclear"
    return None


def reviewed(candidate: object) -> None:
    """A candidate someone has checked and saved in the review form: the doubts read
    from the wording are settled; what is still missing (a period, the countries)
    keeps it unticked."""
    if isinstance(candidate, TradeCandidate):
        candidate.not_trade = candidate.hedged = candidate.year_estimated = False
        candidate.period_open = False
        candidate.reason = _trade_reason(candidate)


def _official_reason(official: OfficialCandidate) -> str | None:
    if official.existing is not None:
        return None  # the dossier knows who this is
    if not official.position:
        return "no post"
    if official.post_from_context:
        return "post from context"  # given apart from the name: someone should check
    if not official.country:
        return "country unclear"
    return None


def review(capture: Capture, home: str | None = None, host: str | None = None) -> None:
    """Set each candidate's reason (None: ticked) and, with a dossier's pair of
    countries (ISO codes), the trade pair the text implies and each official's side."""
    named = text_countries(capture.text)
    for figure in capture.trade_figures:
        figure.reporter, figure.partner = dossier_pair(
            figure.reporter, figure.partner, figure.bilateral, home, host, named, figure.flow
        )
        figure.reason = _trade_reason(figure)
    for official in capture.officials:
        if official.position and not official.country and len(named) == 1:
            # "Президент отметил…" in a text about one country: the post is that
            # country's. With two or more countries named, it stays unclear.
            official.country = named[0]
            official.country_name = BY_CODE[named[0]].ru
        country = official.country
        if home and host and country:
            official.side = "home" if country == home else "host" if country == host else "third"
        official.reason = _official_reason(official)


def off_topic(capture: Capture, home: str | None, host: str | None) -> str | None:
    """A warning when the text names neither the dossier's country nor its home
    country (the wrong dossier, most likely), else None."""
    named = text_countries(capture.text)
    if (host and host in named) or (home and home in named) or not host:
        return None
    names = " nor ".join(BY_CODE[c].en if c in BY_CODE else c for c in (host, home) if c)
    return f"The text mentions neither {names}: is this the right dossier?"


def dossier_codes(dossier: object) -> tuple[str | None, str | None]:
    """(home, host) ISO codes of a dossier."""
    host = getattr(dossier, "code", None)
    home = getattr(dossier, "home_code", None)
    if not home:
        country = find_country(getattr(dossier, "home_country", None))
        home = country.code if country else None
    return home, (host.upper() if host else None)
