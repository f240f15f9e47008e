"""Trade and industrial cooperation: the chart, the figures, growth, projects by status."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import Image, Paragraph, Table

from dossier.brief.context import BriefContext
from dossier.brief.dates import human_date
from dossier.brief.sections import heading, section_heading, table_heading
from dossier.brief.styles import table_style
from dossier.brief.text import esc, paragraphs
from dossier.charts import growth_note, trade_chart
from dossier.fields import format_value
from dossier.model import PROJECT, PROJECT_STATUS, TRADE, Project, TradeFigure, period_label

CHART_DPI = 200
CHART_HEIGHT_IN = 3.4


def chart_image(figures: list[TradeFigure], lang: str, width_pt: float) -> Image:
    """The screen's trade chart as a 200 dpi PNG, as wide as the text."""
    width_in = width_pt / inch
    fig = trade_chart(figures, lang, width=width_in, height=CHART_HEIGHT_IN)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=CHART_DPI, facecolor="white")
    buf.seek(0)
    return Image(buf, width=width_pt, height=CHART_HEIGHT_IN * inch)


def _amount(f: TradeFigure, lang: str) -> str:
    if f.amount is None:
        return ""
    scale = TRADE.field("unit_scale").choice(f.unit_scale)
    unit = scale.label(lang) if scale and f.unit_scale != "1" else ""
    text = " ".join(x for x in (format_value(TRADE.field("amount"), f.amount, lang), unit,
                                f.currency or "") if x)
    if f.estimate:
        text += " (" + TRADE.field("estimate").label(lang).lower() + ")"
    return text


def _growth(f: TradeFigure, lang: str) -> str:
    if f.growth_factor is None:
        return ""
    text = "×" + format_value(TRADE.field("growth_factor"), f.growth_factor, lang)
    if f.base_start:
        base = period_label(f.base_start, f.base_end or f.base_start, lang)
        text += f" ({'к' if lang == 'ru' else 'vs'} {base})"
    return text


def trade(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    lang = ctx.lang
    story = section_heading(ctx, "trade")
    if not ctx.trade:
        story.append(Paragraph(esc(ctx.t("No trade figures yet.",
                                         "Торговых показателей пока нет.")), s.note))
        return story
    story.append(chart_image(ctx.trade, lang, ctx.frame_width))

    story += table_heading(ctx, ctx.t("Figures", "Показатели"))
    heads = [ctx.t("Period", "Период"), TRADE.field("flow").label(lang),
             TRADE.field("amount").label(lang), TRADE.field("growth_factor").label(lang),
             TRADE.field("note").label(lang), ctx.t("Src.", "Ист.")]
    rows: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
    for f in ctx.trade:
        cells = [period_label(f.period_start, f.period_end, lang),
                 format_value(TRADE.field("flow"), f.flow, lang), _amount(f, lang),
                 _growth(f, lang), f.note or "", ctx.citations.cite(f.source_id).strip()]
        rows.append([Paragraph(esc(c), s.cell) for c in cells])
    w = ctx.frame_width
    widths = [0.14 * w, 0.16 * w, 0.16 * w, 0.14 * w, 0.33 * w, 0.07 * w]
    story.append(Table(rows, colWidths=widths, repeatRows=1, style=table_style(),
                       hAlign="LEFT"))

    growth = [f for f in ctx.trade if f.growth_factor is not None]
    if growth:
        story.append(heading(ctx, ctx.t("Growth", "Динамика"), level=1))
        for f in growth:
            text = esc(growth_note(f, lang)) + esc(ctx.citations.cite(f.source_id))
            story.append(Paragraph(text, s.point, bulletText="•"))
    return story


def projects(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    story = section_heading(ctx, "projects")
    if not ctx.projects:
        story.append(Paragraph(esc(ctx.t("No projects yet.", "Проектов пока нет.")), s.note))
    for status in PROJECT_STATUS:
        group = [p for p in ctx.projects if p.status == status.value]
        if group:
            story += table_heading(ctx, f"{status.label(ctx.lang)} ({len(group)})")
            story.append(_project_table(ctx, group))
    return story


def _project_table(ctx: BriefContext, group: list[Project]) -> Table:
    s = ctx.styles
    lang = ctx.lang

    def label(name: str) -> str:
        return PROJECT.field(name).label(lang)

    heads = [label("title"), f"{label('home_partner')} / {label('host_partner')}",
             label("quantity"),
             label("value"), label("due_date"), ctx.t("Src.", "Ист.")]
    rows: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
    for p in group:
        title = f"<b>{esc(p.title)}</b>"
        # Kind, sector and place on one grey line under the title: a column each would
        # squeeze the table until words break.
        kind = format_value(PROJECT.field("kind"), p.kind, lang)
        extra = " · ".join(x for x in (kind, p.sector, p.location) if x)
        if extra:
            title += f"<br/><font color='#5a5a5a'>{esc(extra)}</font>"
        for text in paragraphs(p.description):
            title += f"<br/><font size='8'>{text}</font>"
        partners = " / ".join(x or "—" for x in (p.home_partner, p.host_partner)) \
            if p.home_partner or p.host_partner else ""
        quantity = " ".join(x for x in (format_value(PROJECT.field("quantity"), p.quantity,
                                                     lang), p.quantity_unit or "") if x) \
            if p.quantity is not None else ""
        value = " ".join(x for x in (format_value(PROJECT.field("value"), p.value, lang),
                                     p.currency or "") if x) if p.value is not None else ""
        cells = [esc(partners),
                 esc(quantity), esc(value), esc(human_date(p.due_date, lang)),
                 esc(ctx.citations.cite(p.source_id).strip())]
        rows.append([Paragraph(title, s.cell), *[Paragraph(c, s.cell) for c in cells]])
    w = ctx.frame_width
    widths = [0.35 * w, 0.17 * w, 0.15 * w, 0.14 * w, 0.12 * w, 0.07 * w]
    return Table(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")

