"""A dossier as FollowTheMoney entities (JSON lines), for Aleph-style tools.

Officials become Person + Position + one Occupancy per post held (an officials
import lists every post in the notes; see officials_import.posts_held); trade
figures Payment between LegalEntity countries (see `_trade_entities`); the
organisations named on officials and projects become Organization / Company;
projects become Project with ProjectParticipant links; sources become Article.
Every entity has a stable id (a hash of the dossier code, the kind and the record
id), so a second export updates the same entities in the receiving tool, and is
written once. A source whose "URL" is a file name (imports record the file they
read) gives the Article a fileName, not a sourceUrl.

Only the FtM vocabulary is used (property names and dates as ISO strings);
no FtM library is needed to write it (the tests validate every line with it).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from dossier.countries import country_name
from dossier.ingest.capture.countries import find_country
from dossier.ingest.officials_import import posts_held, wikidata_id
from dossier.model import WORLD, Dossier, Official
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


def country_code(name: str | None) -> str | None:
    """The ISO code (lower case, as FtM writes it) of a country named in either
    language ("Беларусь", "Azerbaijan", "AZ"), or None."""
    if not name or not name.strip():
        return None
    found = find_country(name.strip())
    if found:
        return found.code.lower()
    import pycountry

    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2).lower()
    except LookupError:
        return None


def official_country(dossier: Dossier, official: Official) -> str | None:
    """The official's country: as recorded, else the side's (the dossier's country for
    the host side, the home country for ours)."""
    if official.country and (code := country_code(official.country)):
        return code
    if official.side == "host":
        return dossier.code.lower()
    if official.side == "home":
        return country_code(dossier.home_country)
    return None


def _web_address(url: str | None) -> bool:
    return url is not None and urlsplit(url.strip()).scheme.lower() in ("http", "https", "ftp")


def _entity(schema: str, eid: str, **props: Any) -> dict[str, Any]:
    properties = {}
    for name, value in props.items():
        values = value if isinstance(value, list) else [value]
        values = [str(v) for v in values if v not in (None, "")]
        if values:
            properties[name] = values
    return {"id": eid, "schema": schema, "properties": properties}


def ftm_entities(store: Store, dossier: Dossier) -> Iterator[dict[str, Any]]:
    """Every entity of the dossier, each once, sources first so others can refer to them."""
    seen: set[str] = set()
    for entity in _entities(store, dossier):
        if entity["id"] not in seen:
            seen.add(entity["id"])
            yield entity


def _entities(store: Store, dossier: Dossier) -> Iterator[dict[str, Any]]:
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
            sourceUrl=s.url if _web_address(s.url) else None,
            fileName=None if _web_address(s.url) else s.url,
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
        country = official_country(dossier, o)
        yield _entity(
            "Person",
            person,
            name=o.name,
            alias=[o.name_latin] if o.name_latin != o.name else [],
            middleName=o.patronymic,
            position=o.position,
            country=country,
            birthDate=o.birth_date,
            gender=o.gender,
            wikidataId=wikidata_id(o),
            description=o.biography,
            notes=o.notes,
            proof=articles.get(o.source_id),
        )
        org_id = organisation(o.organisation)
        yield from yield_list
        yield_list.clear()
        for n, (title, start, end) in enumerate(_posts(o)):
            position = entity_id(dossier, "position", f"{o.side}:{country}:{title.casefold()}")
            yield _entity(
                "Position",
                position,
                name=title,
                country=country,
                organization=org_id,
            )
            if end:
                status = "ended"
            elif o.status == "current" or n == 0:
                status = "current"
            else:
                status = "unknown"  # an undated post among the former ones
            yield _entity(
                "Occupancy",
                # The record's own post keeps the id earlier exports gave it.
                entity_id(dossier, "occupancy", o.id if n == 0 else f"{o.id}:{title}:{start}"),
                holder=person,
                post=position,
                startDate=start,
                endDate=end,
                status=status,
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
    store: Store, dossier: Dossier, articles: dict[int | None, str]
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


def _posts(o: Official) -> list[tuple[str, str | None, str | None]]:
    """(post, start, end) of every post the official held, the record's own first."""
    own = (o.position, o.start_date, o.end_date) if o.position else None
    out = [own] if own else []
    for p in posts_held(o):
        if not p.position:
            continue
        # The record's post is also in the list, dated alike (possibly in another
        # language: "Президент" kept against the file's "President").
        # The same post held twice (two terms) is two posts.
        if own and (
            (p.start, p.end) == (o.start_date, o.end_date)
            or (p.position, p.start) == (o.position, o.start_date)
        ):
            continue
        if (p.position, p.start, p.end) not in out:
            out.append((p.position, p.start, p.end))
    return out


def ftm_lines(store: Store, dossier: Dossier) -> str:
    """The dossier as FtM JSON lines (one entity per line)."""
    return "".join(
        json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"
        for e in ftm_entities(store, dossier)
    )
