"""What changed since the last brief: the facts a brief printed, kept and compared.

Each written brief records its facts (dossier.store.briefs): figures, officials
and their posts, talking points, projects and programme items, each under a key
that stays the same while the fact is edited (a record's id; a figure's pair,
flow, period and kind). A fact is kept as its values, not as printed text: a Russian
brief and the English one after it compare the same facts, and the section prints
both sides in the language of the brief that shows them. A new English version of a
text is a translation, not a change of the fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dossier.fields import format_value
from dossier.model import OFFICIAL, PROJECT, TALKING_POINT, TRADE, Dossier, period_label

Values = dict[str, Any]
# fact key -> (kind of fact, its values); records written before facts were kept as
# values hold the text as printed instead (see compare).
Facts = dict[str, tuple[str, Any]]
# The kinds of fact, in the order the section lists them.
KINDS = ("figure", "official", "point", "project", "event")
KIND_TITLES = {
    "figure": ("Trade figures", "Торговые показатели"),
    "official": ("Officials and their posts", "Должностные лица и должности"),
    "point": ("Talking points", "Тезисы"),
    "project": ("Projects", "Проекты"),
    "event": ("Programme", "Программа"),
}
# The values that make each kind of fact; their English versions are kept beside
# them (for printing) but do not count as a change.
FACT_FIELDS = {
    "figure": (
        "reporter",
        "partner",
        "flow",
        "period_start",
        "period_end",
        "kind",
        "amount",
        "unit_scale",
        "currency",
        "growth_factor",
        "base_start",
        "base_end",
    ),
    "official": ("name", "position", "organisation", "side"),
    "point": ("kind", "topic", "text"),
    "project": ("title", "status"),
    "event": ("title", "start_date", "end_date"),
}
ENGLISH = {
    "official": {
        "name": "name_latin",
        "position": "position_en",
        "organisation": "organisation_en",
    },
    "point": {"topic": "topic_en", "text": "text_en"},
    "project": {"title": "title_en"},
    "event": {"title": "title_en"},
}
# How a text prints in the brief's language: (original, English version, is a name).
Spell = Callable[[Any, Any, bool], str]


def _values(kind: str, record: Any) -> Values:
    names = FACT_FIELDS[kind] + tuple(ENGLISH.get(kind, {}).values())
    return {name: getattr(record, name) for name in names}


def brief_facts(store: Any, dossier: Dossier, *, releasable: bool = False) -> Facts:
    """The facts a brief of `dossier` prints, keyed so that edits show as changes."""
    facts: Facts = {}
    for f in store.trade.list(dossier.id):
        key = f"figure:{f.reporter}:{f.partner}:{f.flow}:{f.period_start}:{f.period_end}:{f.kind}"
        if f.growth_factor is not None and f.amount is None:
            key += f":growth:{f.base_start}"
        facts[key] = ("figure", _values("figure", f))
    for o in store.officials.list(dossier.id):
        if o.status == "current" and not (releasable and OFFICIAL.is_background(o)):
            facts[f"official:{o.id}"] = ("official", _values("official", o))
    for p in store.talking_points.list(dossier.id):
        if not (releasable and TALKING_POINT.is_background(p)):
            facts[f"point:{p.id}"] = ("point", _values("point", p))
    for p in store.projects.list(dossier.id):
        if not (releasable and PROJECT.is_background(p)):
            facts[f"project:{p.id}"] = ("project", _values("project", p))
    for e in store.events.list(dossier.id):
        if not (releasable and e.handling == "background"):
            facts[f"event:{e.id}"] = ("event", _values("event", e))
    return facts


def _plain(original: Any, english: Any, _name: bool) -> str:
    return str(original or english or "")


def _english(original: Any, english: Any, _name: bool) -> str:
    return str(english or original or "")


def describe(kind: str, values: Values, lang: str, spell: Spell | None = None) -> str:
    """One fact as the brief prints it: "Turnover BY–AZ, 2012: USD 223.3 million"."""
    if spell is None:
        spell = _english if lang == "en" else _plain
    en = ENGLISH.get(kind, {})

    def text(name: str, is_name: bool = False) -> str:
        return (
            spell(values.get(name), values.get(en.get(name, "")), is_name)
            if (values.get(name) or values.get(en.get(name, "")))
            else ""
        )

    if kind == "figure":
        return _figure(values, lang)
    if kind == "official":
        post = ", ".join(x for x in (text("position"), text("organisation")) if x)
        side = format_value(OFFICIAL.field("side"), values.get("side"), lang)
        return f"{text('name', True)} — {post or '…'} ({side.lower()})"
    if kind == "point":
        label = format_value(TALKING_POINT.field("kind"), values.get("kind"), lang)
        return f"{label}: {text('text')}"
    if kind == "project":
        status = format_value(PROJECT.field("status"), values.get("status"), lang)
        return f"{text('title')} — {status.lower()}"
    when = " – ".join(x for x in (values.get("start_date"), values.get("end_date")) if x)
    return text("title") + (f" ({when})" if when else "")


def _figure(v: Values, lang: str) -> str:
    from dossier.brief.money import money

    kind = TRADE.field("kind").choice(v.get("kind"))
    flow = format_value(TRADE.field("flow"), v.get("flow"), lang)
    pair = f"{v.get('reporter') or '?'}–{v.get('partner') or '?'}"
    label = f"{flow} {pair}, {period_label(v['period_start'], v['period_end'], lang)}"
    if v.get("kind") != "actual" and kind is not None:
        label += f" ({kind.label(lang).lower()})"
    parts = []
    if v.get("amount") is not None:
        parts.append(money(v["amount"], v.get("unit_scale"), v.get("currency"), lang))
    if v.get("growth_factor") is not None:
        parts.append("×" + format_value(TRADE.field("growth_factor"), v["growth_factor"], lang))
    return f"{label}: {', '.join(parts)}"


@dataclass
class FactChanges:
    """Per kind of fact: the values of facts added and removed, (before, after) pairs
    of facts changed. An old record's fact kept as printed text stays a string."""

    since: str  # the date of the brief compared with
    added: dict[str, list[Any]] = field(default_factory=dict)
    changed: dict[str, list[tuple[Any, Any]]] = field(default_factory=dict)
    removed: dict[str, list[Any]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def count(self) -> int:
        return sum(
            len(v) for part in (self.added, self.changed, self.removed) for v in part.values()
        )


def _same(kind: str, old: Any, new: Values, old_lang: str) -> bool:
    if isinstance(old, str):  # kept as printed by an older version of the app
        return old == describe(kind, new, old_lang)
    en = ENGLISH.get(kind, {})
    return all(
        (old.get(n) or old.get(en.get(n, ""))) == (new.get(n) or new.get(en.get(n, "")))
        for n in FACT_FIELDS[kind]
    )


def compare(old: Facts, new: Facts, since: str, old_lang: str = "ru") -> FactChanges:
    """What `new` adds to, changes in and removes from `old` (in the order of `new`)."""
    out = FactChanges(since)
    for key, (kind, values) in new.items():
        if key not in old:
            out.added.setdefault(kind, []).append(values)
        elif not _same(kind, old[key][1], values, old_lang):
            out.changed.setdefault(kind, []).append((old[key][1], values))
    for key, (kind, values) in old.items():
        if key not in new:
            out.removed.setdefault(kind, []).append(values)
    return out
