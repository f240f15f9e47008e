"""What changed since the last brief: the facts a brief printed, kept and compared.

Each written brief records its facts (dossier.store.briefs): figures, officials
and their posts, talking points, projects and programme items, each under a key
that stays the same while the fact is edited (a record's id; a figure's pair,
flow, period and kind). The next brief compares its own facts with those and
prints what was added, changed and removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossier.fields import format_value
from dossier.model import OFFICIAL, PROJECT, TALKING_POINT, TRADE, Dossier, period_label

Facts = dict[str, tuple[str, str]]
# The kinds of fact, in the order the section lists them.
KINDS = ("figure", "official", "point", "project", "event")
KIND_TITLES = {
    "figure": ("Trade figures", "Торговые показатели"),
    "official": ("Officials and their posts", "Должностные лица и должности"),
    "point": ("Talking points", "Тезисы"),
    "project": ("Projects", "Проекты"),
    "event": ("Programme", "Программа"),
}


def _amount(figure: Any, lang: str) -> str:
    """The amount as the brief prints it ("USD 223.3 million", "223,3 млн долл. США")."""
    from dossier.brief.money import money

    parts = []
    if figure.amount is not None:
        parts.append(money(figure.amount, figure.unit_scale, figure.currency, lang))
    if figure.growth_factor is not None:
        parts.append("×" + format_value(TRADE.field("growth_factor"), figure.growth_factor, lang))
    return ", ".join(parts)


def brief_facts(store: Any, dossier: Dossier, lang: str, *, releasable: bool = False) -> Facts:
    """The facts a brief of `dossier` prints, keyed so that edits show as changes."""
    facts: Facts = {}
    for f in store.trade.list(dossier.id):
        kind = TRADE.field("kind").choice(f.kind)
        flow = format_value(TRADE.field("flow"), f.flow, lang)
        pair = f"{f.reporter or '?'}–{f.partner or '?'}"
        label = f"{flow} {pair}, {period_label(f.period_start, f.period_end, lang)}"
        if f.kind != "actual" and kind is not None:
            label += f" ({kind.label(lang).lower()})"
        key = f"figure:{f.reporter}:{f.partner}:{f.flow}:{f.period_start}:{f.period_end}:{f.kind}"
        if f.growth_factor is not None and f.amount is None:
            key += f":growth:{f.base_start}"
        facts[key] = ("figure", f"{label}: {_amount(f, lang)}")
    for o in store.officials.list(dossier.id):
        if o.status != "current":
            continue
        post = ", ".join(x for x in (o.position, o.organisation) if x)
        side = format_value(OFFICIAL.field("side"), o.side, lang)
        facts[f"official:{o.id}"] = ("official", f"{o.name} — {post or '…'} ({side.lower()})")
    for p in store.talking_points.list(dossier.id):
        if releasable and not p.releasable:
            continue
        kind = format_value(TALKING_POINT.field("kind"), p.kind, lang)
        facts[f"point:{p.id}"] = ("point", f"{kind}: {p.text}")
    for p in store.projects.list(dossier.id):
        status = format_value(PROJECT.field("status"), p.status, lang)
        facts[f"project:{p.id}"] = ("project", f"{p.title} — {status.lower()}")
    for e in store.events.list(dossier.id):
        when = " – ".join(x for x in (e.start_date, e.end_date) if x)
        facts[f"event:{e.id}"] = ("event", f"{e.title}" + (f" ({when})" if when else ""))
    return facts


@dataclass
class FactChanges:
    """Per kind of fact: added and removed texts, changed (before, after) pairs."""

    since: str  # the date of the brief compared with
    added: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def count(self) -> int:
        return sum(
            len(v) for part in (self.added, self.changed, self.removed) for v in part.values()
        )


def compare(old: Facts, new: Facts, since: str) -> FactChanges:
    """What `new` adds to, changes in and removes from `old` (in the order of `new`)."""
    out = FactChanges(since)
    for key, (kind, text) in new.items():
        if key not in old:
            out.added.setdefault(kind, []).append(text)
        elif old[key][1] != text:
            out.changed.setdefault(kind, []).append((old[key][1], text))
    for key, (kind, text) in old.items():
        if key not in new:
            out.removed.setdefault(kind, []).append(text)
    return out
