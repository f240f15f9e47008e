"""One tab of a dossier as a CSV file a spreadsheet opens safely.

Columns are the entity's fields with their labels in the user's language;
choices and yes/no are written as words, references as the title of what they
point to, dates in ISO form and numbers with a point and no grouping (so the
file reads back in any locale). Text cells that a spreadsheet would run as a
formula (starting with = + - @, a tab or a carriage return) get a leading
apostrophe, in every column (titles that references are written as included): a
crafted name or source title must not become a formula on a colleague's machine.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from dossier.fields import Kind, format_value
from dossier.model import DOSSIER_PARTS, Dossier, EntitySpec
from dossier.store import Store

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TABS = {spec.name: spec for spec in DOSSIER_PARTS}
TABS.update({spec.table: spec for spec in DOSSIER_PARTS})


def neutralise(text: str) -> str:
    """'=HYPERLINK(…)' -> "'=HYPERLINK(…)": shown as text, never evaluated."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def tab_spec(name: str) -> EntitySpec:
    """The entity of a tab name ("officials", "official", "trade", "trade_figures"…)."""
    key = name.strip().casefold().replace("-", "_").replace(" ", "_")
    if key in TABS:
        return TABS[key]
    raise KeyError(
        f"No tab “{name}”; use one of: {', '.join(spec.table for spec in DOSSIER_PARTS)}."
    )


def _cell(
    spec: EntitySpec, name: str, value: Any, titles: dict[str, dict[int | None, str]], lang: str
) -> str:
    f = spec.field(name)
    if value is None or value == "":
        return ""
    if f.kind is Kind.REF:
        # A reference is written as the title it points to: user text like any other.
        return neutralise(titles.get(f.ref or "", {}).get(value, f"#{value}"))
    if f.kind in (Kind.NUMBER, Kind.INTEGER):
        # Written from the stored number itself (repr/str), so it reads as a number.
        return repr(value) if isinstance(value, float) else str(value)
    if f.kind is Kind.PHOTO:
        return ""
    text = format_value(f, value, lang) if f.kind in (Kind.CHOICE, Kind.BOOL) else str(value)
    return neutralise(text)


def tab_csv(store: Store, dossier: Dossier, spec: EntitySpec, lang: str = "en") -> str:
    """The tab as CSV text (header row of labels, one row per record)."""
    fields = [f for f in spec.fields if f.kind not in (Kind.PHOTO, Kind.READONLY)]
    titles = {
        "source": {s.id: s.title for s in store.sources.list(dossier.id)},
        "official": {o.id: o.name for o in store.officials.list(dossier.id)},
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f.label(lang) for f in fields])
    for record in store.repo(spec).list(dossier.id):
        writer.writerow(
            [_cell(spec, f.name, getattr(record, f.name), titles, lang) for f in fields]
        )
    return out.getvalue()
