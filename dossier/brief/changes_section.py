"""The brief's "Changed since the brief of DATE" section (see dossier.brief.changes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Paragraph

from dossier.brief.changes import KIND_TITLES, KINDS, FactChanges, brief_facts, compare, describe
from dossier.brief.context import BriefContext
from dossier.brief.dates import human_day
from dossier.brief.text import esc
from dossier.brief.translated import has_cyrillic, latin


def since_last(store: Any, dossier: Any, options: Any) -> FactChanges | None:
    """What changed since the brief `options.since` names; None when there is no such
    brief (the first brief of a dossier) or no comparison was asked for."""
    records = getattr(store, "briefs", None)
    if options.since is None or records is None or "changes" not in options.sections:
        return None
    earlier = records.find(dossier.id, options.since)
    if earlier is None:
        return None
    now = brief_facts(store, dossier, releasable=not options.include_background)
    return compare(earlier.facts, now, earlier.written_on, earlier.lang)


def record(store: Any, dossier: Any, options: Any) -> None:
    """Keep what a written brief contained, for the next brief's comparison."""
    facts = brief_facts(store, dossier, releasable=not options.include_background)
    store.briefs.record(dossier.id, options.generated_on.isoformat(), options.lang, facts)


def changes_title(ctx: BriefContext, changes: FactChanges) -> str:
    day = human_day(dt.date.fromisoformat(changes.since), ctx.lang)
    return ctx.t(f"Changed since the brief of {day}", f"Изменения со справки от {day}")


def changes(ctx: BriefContext) -> list[Any]:
    """Added, changed and removed facts by kind; a sentence when nothing changed."""
    from dossier.brief.sections import heading

    found: FactChanges | None = ctx.fact_changes
    if found is None:
        return []
    s = ctx.styles
    story: list[Any] = [CondPageBreak(5 * cm), heading(ctx, changes_title(ctx, found))]
    if not found:
        story.append(Paragraph(esc(ctx.t("Nothing has changed.", "Изменений нет.")), s.note))
        return story
    new, was, now, gone = (
        ctx.t("New", "Новое"),
        ctx.t("was", "было"),
        ctx.t("Now", "Стало"),
        ctx.t("Removed", "Исключено"),
    )
    for kind in KINDS:
        en, ru = KIND_TITLES[kind]

        def text(fact: Any, kind: str = kind, where: str = en) -> str:
            return esc(
                fact if isinstance(fact, str) else describe(kind, fact, ctx.lang, spell(ctx, where))
            )

        lines = [f"<b>{esc(new)}:</b> {text(fact)}" for fact in found.added.get(kind, [])]
        lines += [
            f"<b>{esc(now)}:</b> {text(after)} <i>({esc(was)}: {text(before)})</i>"
            for before, after in found.changed.get(kind, [])
        ]
        lines += [f"<b>{esc(gone)}:</b> {text(fact)}" for fact in found.removed.get(kind, [])]
        if not lines:
            continue
        story.append(heading(ctx, ctx.t(en, ru), level=1))
        story += [Paragraph(line, s.point, bulletText="•") for line in lines]
    return story


def spell(ctx: BriefContext, where: str) -> Any:
    """How a fact's text prints in this brief: in an English one its English version,
    a name in Latin letters, else a reference to the untranslated annex."""

    def english(original: Any, english: Any, is_name: bool) -> str:
        if english or not has_cyrillic(original):
            return str(english or original or "")
        if is_name:
            return latin(original)
        if ctx.untranslated is None:
            return str(original)
        return ctx.untranslated.mark(f"{changes_title(ctx, ctx.fact_changes)} — {where}", original)

    def russian(original: Any, english: Any, _is_name: bool) -> str:
        return str(original or english or "")

    return english if ctx.lang == "en" else russian
