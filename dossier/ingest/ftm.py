"""A dossier as FollowTheMoney entities (JSON lines), for Aleph-style tools.

Officials become Person + Position + Occupancy; trade figures Payment between
LegalEntity countries (see `_trade_entities`); the organisations named on
officials and projects become Organization / Company; projects become Project
with ProjectParticipant links; sources become Article. Every entity has a
stable id (a hash of the dossier code, the kind and the record id), so a
second export updates the same entities in the receiving tool.

Only the FtM vocabulary is used (property names and dates as ISO strings);
no FtM library is needed to write it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from dossier.countries import country_name
from dossier.ingest.officials_import import wikidata_id
from dossier.model import WORLD, Dossier
from dossier.store import Store

# FtM's language type uses ISO 639-3 codes.
_LANGUAGES = {"ru": "rus", "en": "eng", "az": "aze", "be": "bel"}

_COMPANY = re.compile(
    r"\b(ОАО|ЗАО|ООО|ПАО|АО|ОДО|УП|СП|LLC|Ltd|JSC|OJSC|CJSC|PLC|GmbH|Inc|"
    r"Corp|Company|холдинг|завод|Amkodor|Амкодор|МАЗ|БелАЗ|МТЗ)\b",
    re.I,
)


def entity_id(dossier: Dossier, kind: str, key: Any) -> str:
    digest = hashlib.sha1(f"dossier:{dossier.code}:{kind}:{key}".encode()).hexdigest()
    return f"{dossier.code.lower()}-{kind}-{digest[:16]}"


def _entity(schema: str, eid: str, **props: Any) -> dict[str, Any]:
    properties = {}
    for name, value in props.items():
        values = value if isinstance(value, list) else [value]
        values = [str(v) for v in values if v not in (None, "")]
        if values:
            properties[name] = values
    return {"id": eid, "schema": schema, "properties": properties}


def ftm_entities(store: Store, dossier: Dossier) -> Iterator[dict[str, Any]]:
    """Every entity of the dossier, sources first so others can refer to them."""
    articles = {}
    for s in store.sources.list(dossier.id):
        eid = entity_id(dossier, "article", s.id)
        articles[s.id] = eid
        yield _entity(
            "Article",
            eid,
            name=s.title,
            title=s.title,
            publisher=s.publisher,
            publishedAt=s.published_on,
            sourceUrl=s.url,
            language=_LANGUAGES.get(s.language or ""),
            bodyText=s.body,
        )
    organisations: dict[str, str] = {}

    def organisation(name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        key = " ".join(name.casefold().split())
        if key not in organisations:
            organisations[key] = entity_id(dossier, "org", key)
            schema = "Company" if _COMPANY.search(name) else "Organization"
            yield_list.append(_entity(schema, organisations[key], name=name.strip()))
        return organisations[key]

    yield_list: list[dict[str, Any]] = []
    for o in store.officials.list(dossier.id):
        person = entity_id(dossier, "person", o.id)
        yield _entity(
            "Person",
            person,
            name=o.name,
            alias=[o.name_latin] if o.name_latin != o.name else [],
            middleName=o.patronymic,
            position=o.position,
            country=dossier.code.lower() if o.side == "host" else None,
            wikidataId=wikidata_id(o),
            description=o.biography,
            notes=o.notes,
            proof=articles.get(o.source_id),
        )
        org_id = organisation(o.organisation)
        yield from yield_list
        yield_list.clear()
        if o.position:
            position = entity_id(dossier, "position", f"{o.side}:{o.position.casefold()}")
            yield _entity(
                "Position",
                position,
                name=o.position,
                country=dossier.code.lower() if o.side == "host" else None,
                organization=org_id,
            )
            yield _entity(
                "Occupancy",
                entity_id(dossier, "occupancy", o.id),
                holder=person,
                post=position,
                startDate=o.start_date,
                endDate=o.end_date,
                status="current" if o.status == "current" else "ended",
            )
    for p in store.projects.list(dossier.id):
        project = entity_id(dossier, "project", p.id)
        facts = [
            f"{p.kind}, {p.status}",
            p.sector,
            f"{p.quantity} {p.quantity_unit or ''}".strip() if p.quantity else None,
            f"{p.value:,.0f} {p.currency or ''}".strip() if p.value else None,
        ]
        yield _entity(
            "Project",
            project,
            name=p.title,
            description=p.description,
            summary="; ".join(f for f in facts if f),
            address=p.location,
            endDate=p.due_date,
            proof=articles.get(p.source_id),
        )
        for role, name in (("home partner", p.home_partner), ("host partner", p.host_partner)):
            org_id = organisation(name)
            yield from yield_list
            yield_list.clear()
            if org_id:
                yield _entity(
                    "ProjectParticipant",
                    entity_id(dossier, "participant", f"{p.id}:{role}"),
                    project=project,
                    participant=org_id,
                    role=role,
                )
    yield from _trade_entities(store, dossier, articles)


def _trade_entities(
    store: Store, dossier: Dossier, articles: dict[int, str]
) -> Iterator[dict[str, Any]]:
    """Trade figures as Payment: the buyer country pays the seller (an export of the
    reporter is paid by the partner); a turnover or balance runs reporter -> partner.
    The countries are LegalEntity with their ISO code; `world` is the world as a whole."""
    countries: dict[str, str] = {}
    for f in store.trade.list(dossier.id):
        if f.amount is None or not f.reporter or not f.partner:
            continue
        for code in (f.reporter, f.partner):
            if code not in countries:
                countries[code] = entity_id(dossier, "country", code)
                yield _entity(
                    "LegalEntity",
                    countries[code],
                    name=country_name(code, "en"),
                    country=None if code == WORLD else code.lower(),
                )
        payer, beneficiary = f.reporter, f.partner
        if f.flow == "export":
            payer, beneficiary = f.partner, f.reporter
        yield _entity(
            "Payment",
            entity_id(dossier, "trade", f.id),
            payer=countries[payer],
            beneficiary=countries[beneficiary],
            amount=repr(f.amount * float(f.unit_scale or "1")),
            currency=f.currency,
            startDate=f.period_start,
            endDate=f.period_end,
            purpose=f"{f.flow} {f.reporter}->{f.partner} ({f.kind})",
            programme="trade statistics",
            summary=f.note,
            proof=articles.get(f.source_id),
        )


def ftm_lines(store: Store, dossier: Dossier) -> str:
    """The dossier as FtM JSON lines (one entity per line)."""
    return "".join(
        json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"
        for e in ftm_entities(store, dossier)
    )
