"""A whole dossier as readable text or as JSON: for the CLI, exchange and checks."""

from __future__ import annotations

import base64
import dataclasses
from typing import Any

from dossier.fields import Kind, format_value
from dossier.model import (
    DOSSIER,
    DOSSIER_PARTS,
    SOURCE,
    Dossier,
    EntitySpec,
    period_label,
)
from dossier.store import Store

PARTS = DOSSIER_PARTS
# Fields already printed in a record's heading line.
_IN_HEADING = {"trade": ("period_start", "period_end", "flow")}


def dossier_json(store: Store, dossier: Dossier) -> dict[str, Any]:
    """Every record of a dossier as plain JSON-ready data (photos base64)."""

    def plain(record: Any) -> dict[str, Any]:
        out = dataclasses.asdict(record)
        for key, value in out.items():
            if isinstance(value, bytes):
                out[key] = base64.b64encode(value).decode("ascii")
        return out

    data: dict[str, Any] = {"dossier": plain(dossier)}
    for spec in PARTS:
        data[spec.table] = [plain(r) for r in store.repo(spec).list(dossier.id)]
    return data


def _record_lines(
    spec: EntitySpec, record: Any, sources: dict[int | None, int], lang: str
) -> list[str]:
    lines = []
    for f in spec.fields:
        value = getattr(record, f.name)
        if (
            value in (None, "")
            or f.kind is Kind.PHOTO
            or f.name in _IN_HEADING.get(spec.name, (spec.title_field,))
        ):
            continue
        if f.name == "source_id":
            text = f"[{sources.get(value, '?')}]"
        elif f.kind is Kind.REF:
            text = f"#{value}"
        else:
            text = format_value(f, value, lang)
        if f.kind is Kind.LONGTEXT and spec is SOURCE:
            continue  # the body is printed once, below the source's details
        lines.append(f"    {f.label(lang)}: {text}")
    return lines


def dossier_text(store: Store, dossier: Dossier, lang: str = "en") -> str:
    """The whole dossier as text a person can read in a terminal."""
    out = [
        f"{dossier.name} ({dossier.code})" + (f" — {dossier.name_en}" if dossier.name_en else "")
    ]
    for f in DOSSIER.fields:
        value = getattr(dossier, f.name)
        if value and f.name not in ("name", "code", "name_en", "summary"):
            out.append(f"{f.label(lang)}: {value}")
    if dossier.summary:
        out += ["", dossier.summary]
    source_list = store.sources.list(dossier.id)
    numbers = {s.id: n for n, s in enumerate(source_list, start=1)}
    for spec in PARTS:
        if spec is SOURCE:
            continue
        records = store.repo(spec).list(dossier.id)
        out += ["", f"== {spec.label(lang, plural=True)} ({len(records)}) =="]
        for record in records:
            if spec.name == "trade":
                flow = format_value(spec.field("flow"), record.flow, lang)
                head = f"{period_label(record.period_start, record.period_end, lang)}, {flow}"
            else:
                head = spec.title_of(record)
            out.append(f"  - {head}")
            out += _record_lines(spec, record, numbers, lang)
    out += ["", f"== {SOURCE.label(lang, plural=True)} ({len(source_list)}) =="]
    for n, source in enumerate(source_list, start=1):
        out.append(f"  [{n}] {source.title}")
        out += _record_lines(SOURCE, source, numbers, lang)
        if source.body:
            out += ["", *("      " + line for line in source.body.splitlines()), ""]
    return "\n".join(out) + "\n"
