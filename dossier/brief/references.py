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
from dossier.model import SOURCE, Source


def sources(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    story = section_heading(ctx, "sources")
    numbered, left = ctx.citations.numbered(ctx.options.max_rows)
    if not numbered:
        story.append(Paragraph(esc(ctx.t("No sources recorded.", "Источники не указаны.")), s.note))
    style = s.point.clone("source", leftIndent=1 * cm)
    for number, src in numbered:
        story.append(Paragraph(_entry(ctx, src), style, bulletText=f"[{number}]"))
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


def short_source(ctx: BriefContext, source_id: int) -> str:
    """'[1] ИТАР-ТАСС, ноябрь 2013 г.' for a caption: the number with the publisher and
    date (a long article title would be cut mid-word), else the title; '' when the
    source is not in the brief."""
    number = ctx.citations.cite(source_id).strip()
    if not number:
        return ""
    src = ctx.citations.sources[source_id]
    publisher = (src.publisher or "").strip().rstrip(".")
    if publisher and publisher != src.title.strip():
        named = ", ".join(x for x in (publisher, human_date(src.published_on, ctx.lang)) if x)
    else:
        title = src.title.strip()
        named = title if len(title) <= 40 else title[:40].rsplit(" ", 1)[0] + "…"
    return f"{number} {named}"


def _entry(ctx: BriefContext, src: Source) -> str:
    """Title. Publisher, date. Retrieved date. Address: each part once, none doubled
    (a file name as both title and publisher prints once)."""
    lang = ctx.lang
    title = src.title.strip().rstrip(".")
    parts = [f"<b>{esc(title)}</b>"]
    publisher = (src.publisher or "").strip().rstrip(".")
    if publisher == title:
        publisher = ""
    if not publisher:
        publisher = format_value(SOURCE.field("kind"), src.kind, lang)
    details = [x for x in (publisher, human_date(src.published_on, lang)) if x]
    if details:
        parts.append(esc(", ".join(details)))
    retrieved = human_date((src.added_at or "")[:10], lang)
    if retrieved:
        parts.append(esc(ctx.t(f"Retrieved {retrieved}", f"Дата получения: {retrieved}")))
    if src.url and src.url.strip() not in (title, publisher):
        parts.append(esc(src.url.strip()))
    # A part ending in "г." (a Russian date) takes no second full stop.
    return " ".join(p if p.endswith(".") else p + "." for p in parts)
