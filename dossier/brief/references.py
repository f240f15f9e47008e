"""The numbered list of sources that facts in the brief cite as [n]."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from dossier.brief.context import BriefContext
from dossier.brief.dates import human_date
from dossier.brief.sections import count, left_out, section_heading
from dossier.brief.text import esc
from dossier.fields import format_value
from dossier.model import SOURCE


def sources(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    story = section_heading(ctx, "sources")
    numbered, left = ctx.citations.numbered(ctx.options.max_rows)
    if not numbered:
        story.append(Paragraph(esc(ctx.t("No sources recorded.", "Источники не указаны.")), s.note))
    style = s.point.clone("source", leftIndent=1 * cm)
    for number, src in numbered:
        parts = [f"<b>{esc(src.title)}</b>"]
        details = [x for x in (src.publisher, human_date(src.published_on, ctx.lang)) if x]
        if details:
            parts.append(esc(", ".join(details)))
        for extra in (format_value(SOURCE.field("kind"), src.kind, ctx.lang), src.url):
            if extra:
                parts.append(esc(extra))
        story.append(Paragraph(". ".join(parts) + ".", style, bulletText=f"[{number}]"))
    if left:
        story.append(
            left_out(
                ctx,
                ctx.t(
                    f"The dossier's {count(left, 'en')} other sources are not cited in this brief and "
                    "not listed: see the dossier in the app.",
                    f"Другие источники досье ({count(left, 'ru')}) в справке не цитируются и не "
                    "приведены: см. досье в приложении.",
                ),
            )
        )
    return story
