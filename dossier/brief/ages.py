"""Facts with their age: "as of November 2013" where a fact is older than the brief's
threshold counted back from the visit, and the list of such facts for `dossier check`.

A fact's date is its own (an official's last verification) or its source's
publication date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dossier.brief.dates import human_date
from dossier.fields import bilingual, date_bounds


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def is_stale(value: str | None, reference: dt.date, years: int) -> bool:
    """True when a date (of any precision) ends more than `years` before `reference`."""
    if not value:
        return False
    try:
        last = date_bounds(value)[1]
    except (ValueError, IndexError):
        return False
    return last < years_before(reference, years)


def as_of_text(value: str, lang: str) -> str:
    return bilingual(
        lang,
        f" (as of {human_date(value, lang)})",
        f" (по состоянию на {human_date(value, lang)})",
    )


def stale_date(ctx: Any, source_id: int | None, own: str | None = None) -> str | None:
    """The date of a fact older than the brief's threshold (its own, else its
    source's), or None when the fact is recent enough or undated."""
    source = ctx.citations.sources.get(source_id) if source_id is not None else None
    value = own or (source.published_on if source is not None else None)
    options = ctx.options
    reference = options.visit_date or options.generated_on
    if value and is_stale(value, reference, options.stale_years):
        return str(value)
    return None


def as_of(ctx: Any, source_id: int | None, own: str | None = None) -> str:
    """' (as of ...)' for a fact dated before the brief's threshold, else ''."""
    value = stale_date(ctx, source_id, own)
    return as_of_text(value, ctx.lang) if value else ""


def as_of_sentence(ctx: Any, source_id: int | None, own: str | None = None) -> str:
    """'As of November 2013.' / 'По состоянию на ноябрь 2013 г.' (a Russian date
    ends in its own full stop), or ''."""
    value = stale_date(ctx, source_id, own)
    if not value:
        return ""
    day = human_date(value, ctx.lang)
    text = bilingual(ctx.lang, f"As of {day}", f"По состоянию на {day}")
    return text if text.endswith(".") else text + "."


@dataclass(frozen=True)
class StaleFact:
    kind: str  # entity label
    title: str
    dated: str  # the date it is as of


def stale_facts(
    store: Any, dossier_id: int, years: int, today: dt.date, lang: str = "en"
) -> list[StaleFact]:
    """Officials, figures, projects and points whose date is older than `years`."""
    from dossier.model import OFFICIAL, PROJECT, TALKING_POINT, TRADE

    sources = {s.id: s for s in store.sources.list(dossier_id)}
    found = []
    for spec in (OFFICIAL, TALKING_POINT, TRADE, PROJECT):
        for record in store.repo(spec).list(dossier_id):
            source = sources.get(record.source_id)
            own = getattr(record, "last_verified", None)
            value = own or (source.published_on if source is not None else None)
            if is_stale(value, today, years):
                title = spec.title_of(record)
                if spec is TRADE:
                    from dossier.model import period_label

                    title = period_label(record.period_start, record.period_end, lang)
                found.append(StaleFact(spec.label(lang), title, value or ""))
    return found
