"""Assemble the brief: context, story, document; returns the PDF as bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from dossier.brief import (
    changes_section,
    economy,
    glossary,
    lines,
    references,
    sections,
    translated,
)
from dossier.brief.context import BriefContext, load_context
from dossier.brief.dates import human_day
from dossier.brief.fonts import register_fonts
from dossier.brief.glossary import translated_annex
from dossier.brief.options import BriefOptions
from dossier.brief.pages import BriefDocument, Furniture
from dossier.brief.styles import make_styles
from dossier.model import Dossier
from dossier.progress import Progress, report

BUILDERS: dict[str, Callable[[BriefContext], list[Any]]] = {
    "cover": sections.cover,
    "contents": sections.contents,
    "steering": lines.steering,
    "changes": changes_section.changes,
    "programme": lines.programme,
    "objectives": lines.point_section("objectives"),
    "messages": lines.point_section("messages"),
    "if_raised": lines.point_section("if_raised"),
    "press": lines.point_section("press"),
    "background": lines.background,
    "interlocutors": sections.interlocutors,
    "delegation": sections.delegation,
    "trade": economy.trade,
    "projects": economy.projects,
    "glossary": glossary.glossary,
    "sources": references.sources,
}


def build_pdf(
    store: Any, dossier: Dossier, options: BriefOptions, *, progress: Progress | None = None
) -> bytes:
    register_fonts()
    report(progress, 0, 0)
    ctx = load_context(store, dossier, options, make_styles())
    translated.translate(ctx)  # every text in the brief's language, names in its script
    ctx.fact_changes = changes_section.since_last(store, dossier, options)
    title = sections.brief_title(ctx)
    furniture = Furniture(
        marking=sections.marking(ctx),
        title=title,
        page_word=ctx.t("Page", "Стр."),
        of_word=ctx.t("of", "из"),
        generated=ctx.t("Generated ", "Сформировано ") + human_day(options.generated_on, ctx.lang),
    )
    buffer = io.BytesIO()
    subject = " — ".join(
        x for x in (sections.country_name(ctx), options.place, options.dates) if x.strip()
    )
    doc = BriefDocument(
        buffer,
        paper=options.paper,
        furniture=furniture,
        title=title,
        subject=subject,
        author=options.prepared_by,
        keywords=[k for k in (dossier.code, sections.marking(ctx)) if k],
        lang=options.lang,
        created=options.generated_on,
    )
    ctx.frame_width = doc.width
    story: list[Any] = []
    # Sources come last and number whatever the earlier sections cited.
    for section in options.sections:
        report(progress, 0, 0)
        story += BUILDERS[section](ctx)
    story += translated_annex(ctx)
    if not story:
        story = sections.section_heading(ctx, "background")
    doc.build_brief(story, progress)
    return buffer.getvalue()
