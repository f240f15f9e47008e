"""Accepting reviewed candidates into a dossier: one transaction, one cited source.

`match_capture` marks the candidates that repeat what the dossier already holds
(an official across scripts and spellings, the same trade figure, project or
statement); `accept` then updates those and adds the rest, all citing one
Source that holds the text (an identical stored source is reused).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from dossier.fields import ValidationError
from dossier.ingest.capture.countries import find_country
from dossier.ingest.capture.english import known_people
from dossier.ingest.capture.review import dossier_codes, off_topic, review
from dossier.ingest.capture.types import (
    Capture,
    OfficialCandidate,
    ProjectCandidate,
    QuoteCandidate,
    TradeCandidate,
)
from dossier.ingest.furniture import blank_furniture
from dossier.ingest.names import match_official, same_person
from dossier.model import OFFICIAL, PROJECT, SOURCE, TALKING_POINT, TRADE, Dossier
from dossier.store import Store

_SCALES = {1: "1", 1000: "1000", 1_000_000: "1000000", 1_000_000_000: "1000000000"}


@dataclass
class AcceptResult:
    source_id: int
    source_reused: bool
    added: dict[str, list[int]] = field(default_factory=dict)
    updated: dict[str, list[int]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # candidate key -> why
    # Officials as they were before this acceptance filled them in (for undo).
    previous: dict[int, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.added.values()) + sum(len(v) for v in self.updated.values())


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("ё", "е").split())


def match_capture(store: Store, dossier_id: int, capture: Capture) -> None:
    """Set `existing` on candidates the dossier already holds, review them against
    the dossier's pair of countries, and warn when the text names neither."""
    home, host = dossier_codes(store.dossiers.get(dossier_id))
    capture.off_topic = off_topic(capture, home, host)
    if capture.off_topic and capture.off_topic not in capture.warnings:
        capture.warnings.append(capture.off_topic)
    officials = store.officials.list(dossier_id)
    for official in capture.officials:
        found = match_official(official.name, officials, official.name_latin)
        official.existing = found.id if found else None
    if capture.source.language == "en":
        _add_known(capture, officials)
    trade = store.trade.list(dossier_id)
    for figure in capture.trade_figures:
        figure.existing = next((t.id for t in trade if _same_trade(t, figure)), None)
    projects = {_norm(p.title): p.id for p in store.projects.list(dossier_id)}
    for project in capture.projects:
        project.existing = projects.get(_norm(project.title))
    points = {_norm(p.text): p.id for p in store.talking_points.list(dossier_id)}
    for quote in capture.quotes:
        quote.existing = points.get(_norm(quote.text))
    review(capture, home, host)


def _add_known(capture: Capture, officials: list[Any]) -> None:
    """English texts have no name recogniser: the dossier's own officials named
    without a title ("Mukhtar Babayev said") are proposed as the people they are."""
    blank, _ = blank_furniture(capture.text)
    taken = {o.existing for o in capture.officials}
    for name, span, official in known_people(blank, officials):
        if official.id in taken:
            continue
        if any(s <= span[0] < e for o in capture.officials for s, e in o.mentions):
            continue
        taken.add(official.id)
        capture.officials.append(
            OfficialCandidate(
                name=name,
                span=span,
                mentions=[span],
                existing=official.id,
                confidence=0.8,
                name_latin=name,
            )
        )


def _same_trade(stored: Any, figure: TradeCandidate) -> bool:
    if stored.flow != figure.flow or figure.period_start is None:
        return False
    if (stored.period_start[:7], stored.period_end[:7]) != (
        figure.period_start[:7],
        (figure.period_end or "")[:7],
    ):
        return False
    if figure.amount is not None:
        scale = int(stored.unit_scale or 1)
        return stored.amount is not None and abs(stored.amount * scale - figure.amount) < 0.5
    return (
        stored.growth_factor is not None
        and figure.growth_factor is not None
        and abs(stored.growth_factor - figure.growth_factor) < 1e-6
    )


def accept(
    store: Store,
    dossier_id: int,
    capture: Capture,
    selection: Collection[str] | None = None,
    lang: str = "en",
) -> AcceptResult:
    """Store the selected candidates (keys from `capture.candidates()`; None = all)
    with the text as their source, in one transaction. Candidates that cannot be
    stored (a trade figure without a period) are skipped with the reason; if the
    source itself is invalid, ValidationError is raised and nothing is stored."""
    dossier = store.dossiers.get(dossier_id)
    match_capture(store, dossier_id, capture)
    chosen = [
        (key, c)
        for key, c in capture.candidates()
        if (selection is None or key in selection) and not key.startswith("organisations")
    ]
    with store.transaction():
        source_id, reused = _source(store, dossier_id, capture, lang)
        result = AcceptResult(source_id, reused)
        for key, candidate in chosen:
            if isinstance(candidate, TradeCandidate) and not (
                candidate.reporter and candidate.partner
            ):
                # Never a silent guess of whose trade it is: the review form names it.
                result.skipped[key] = "countries unclear: give the reporter and partner"
                continue
            try:
                if (
                    isinstance(candidate, OfficialCandidate)
                    and candidate.existing is not None
                    and candidate.existing not in result.previous
                ):
                    result.previous[candidate.existing] = store.officials.get(candidate.existing)
                record_id, updated = _store_one(store, dossier, candidate, source_id, lang)
            except ValidationError as exc:
                result.skipped[key] = "; ".join(f"{k}: {v}" for k, v in exc.errors.items())
                continue
            if record_id is None:
                result.skipped[key] = "already in the dossier"
                continue
            bucket = result.updated if updated else result.added
            bucket.setdefault(candidate.kind, []).append(record_id)
    return result


def _source(store: Store, dossier_id: int, capture: Capture, lang: str) -> tuple[int, bool]:
    for source in store.sources.list(dossier_id):
        if source.body and source.body.strip() == capture.text.strip():
            return source.id, True  # type: ignore[return-value]
    src = capture.source
    values = {
        "kind": "article",
        "title": src.title or "Captured text",
        "publisher": src.publisher,
        "published_on": src.published_on,
        "language": src.language,
        "body": capture.text,
    }
    return _id(store.sources.add(SOURCE.make(values, lang, dossier_id=dossier_id))), False


def _store_one(
    store: Store, dossier: Dossier, candidate: Any, source_id: int, lang: str
) -> tuple[int | None, bool]:
    if isinstance(candidate, OfficialCandidate):
        return _official(store, dossier, candidate, source_id, lang)
    if candidate.existing is not None:
        return None, False  # the same figure, project or statement is already there
    if isinstance(candidate, TradeCandidate):
        return _trade(store, dossier, candidate, source_id, lang), False
    if isinstance(candidate, ProjectCandidate):
        values = {**project_values(candidate), "source_id": source_id}
        return store.projects.add(PROJECT.make(values, lang, dossier_id=dossier.id)).id, False
    if isinstance(candidate, QuoteCandidate):
        home = find_country(dossier.home_country)
        speaker = next(
            (
                o
                for o in store.officials.list(dossier.id)
                if candidate.speaker and same_person(o.name, candidate.speaker)
            ),
            None,
        )
        ours = speaker is not None and home is not None and find_country(speaker.country) == home
        values = {
            "kind": "key_message" if ours else "background",
            "topic": candidate.speaker,
            "text": candidate.text,
            "status": "draft",
            "releasable": ours,
            "source_id": source_id,
        }
        point = store.talking_points.add(TALKING_POINT.make(values, lang, dossier_id=dossier.id))
        return point.id, False
    raise TypeError(f"not a candidate: {candidate!r}")


def _official(
    store: Store, dossier: Dossier, candidate: OfficialCandidate, source_id: int, lang: str
) -> tuple[int, bool]:
    country = find_country(candidate.country)
    if candidate.existing is not None:
        # Fill what the dossier lacks; never overwrite what a person typed.
        record = store.officials.get(candidate.existing)
        changed = False
        for attr, value in (
            # a post read from another sentence is a guess: it fills nothing
            ("position", None if candidate.post_from_context else candidate.position),
            ("name_latin", candidate.name_latin),
            ("country", country.ru if country else None),
            ("source_id", source_id),
        ):
            if value and not getattr(record, attr):
                setattr(record, attr, value)
                changed = True
        if changed:
            store.officials.update(record)
        return record.id, True  # type: ignore[return-value]
    home, host = find_country(dossier.home_country), find_country(dossier.code)
    side = candidate.side or (
        "home"
        if country and country == home
        else "host"
        if country is None or country == host
        else "third"
    )
    values = {
        "name": candidate.name,
        "name_latin": candidate.name_latin,
        "position": candidate.position,
        "country": country.ru if country else None,
        "side": side,
        "status": "current",
        "source_id": source_id,
    }
    return _id(store.officials.add(OFFICIAL.make(values, lang, dossier_id=dossier.id))), False


def trade_values(figure: TradeCandidate) -> dict[str, Any]:
    """A trade candidate as TradeFigure field values (amount in the stated scale)."""
    scale = figure.scale if figure.scale in _SCALES else 1
    note = figure.note
    if figure.amount_high is not None:
        note = f"{note} (range up to {figure.amount_high / scale:g})"
    return {
        "period_start": figure.period_start,
        "period_end": figure.period_end,
        "flow": figure.flow,
        "amount": None if figure.amount is None else round(figure.amount / scale, 6),
        "currency": figure.currency,
        "unit_scale": _SCALES[scale],
        "growth_factor": figure.growth_factor,
        "base_start": figure.base_start,
        "base_end": figure.base_end,
        "kind": figure.figure_kind,
        "reporter": figure.reporter,
        "partner": figure.partner,
        "note": note,
    }


def set_trade_values(figure: TradeCandidate, values: dict[str, Any]) -> None:
    """Apply TradeFigure field values (as a review form returns them) to a candidate."""
    scale = int(values.get("unit_scale") or 1)
    figure.scale = scale
    figure.amount = None if values.get("amount") is None else values["amount"] * scale
    figure.amount_high = None  # a range now lives in the note trade_values wrote
    for name in (
        "period_start",
        "period_end",
        "flow",
        "currency",
        "growth_factor",
        "base_start",
        "base_end",
        "note",
    ):
        setattr(figure, name, values.get(name))
    figure.figure_kind = values.get("kind") or "actual"
    figure.estimate = figure.figure_kind == "estimate"
    figure.reporter, figure.partner = values.get("reporter"), values.get("partner")


def project_values(project: ProjectCandidate) -> dict[str, Any]:
    """A project candidate as Project field values."""
    return {
        "title": project.title,
        "kind": project.project_kind,
        "home_partner": project.partner,
        "quantity": project.quantity,
        "quantity_unit": project.quantity_unit,
        "due_date": project.due_date,
        "status": project.status,
        "location": project.location,
        "description": project.description,
    }


def set_project_values(project: ProjectCandidate, values: dict[str, Any]) -> None:
    """Apply Project field values (as a review form returns them) to a candidate."""
    project.title, project.project_kind = values["title"], values["kind"]
    project.partner = values.get("home_partner")
    for name in ("quantity", "quantity_unit", "due_date", "status", "location", "description"):
        setattr(project, name, values.get(name))


def _trade(
    store: Store, dossier: Dossier, figure: TradeCandidate, source_id: int, lang: str
) -> int:
    values = {**trade_values(figure), "source_id": source_id}
    return _id(store.trade.add(TRADE.make(values, lang, dossier_id=dossier.id)))


def _id(record: Any) -> int:
    """The id the store gave a record it has just added (never None once stored)."""
    if record.id is None:
        raise RuntimeError("the store returned a record without an id")
    return int(record.id)
