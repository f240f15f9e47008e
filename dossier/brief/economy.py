"""Trade and industrial cooperation: the chart, the figures, growth, projects by status."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Image, LongTable, Paragraph

from dossier.bilateral import Bilateral
from dossier.brief import trade_summary
from dossier.brief.context import BriefContext
from dossier.brief.dates import human_date
from dossier.brief.money import money
from dossier.brief.references import short_source
from dossier.brief.sections import (
    cell,
    count,
    heading,
    left_out,
    section_heading,
    table_heading,
)
from dossier.brief.styles import table_style
from dossier.brief.text import esc, paragraphs
from dossier.chart_data import CAPTION_SOURCES
from dossier.charts import growth_note, trade_chart
from dossier.fields import format_value
from dossier.model import PROJECT, PROJECT_STATUS, TRADE, Project, TradeFigure, period_label
from dossier.plural import phrase

CHART_HEIGHT_IN = 3.4
RAW_ROWS = 12  # figures listed one by one in a brief that is not complete
CHART_DPI = 200


def chart_image(
    trade: Any,
    lang: str,
    width_pt: float,
    *,
    growth: list[TradeFigure] | None = None,
    sources: dict[int, str] | None = None,
) -> Image:
    """The screen's trade chart (the same matplotlib figure) as a 200 dpi PNG, as wide
    as the text. `trade` is the dossier's pair (`dossier.bilateral.Bilateral`) or
    trade figures."""
    shown = trade if isinstance(trade, Bilateral) else tuple(dataclasses.astuple(f) for f in trade)
    key = (
        lang,
        round(width_pt, 2),
        shown,
        tuple(dataclasses.astuple(f) for f in growth or []),
        tuple(sorted((sources or {}).items())),
    )
    png = _chart_png(key, trade, growth, sources)
    return Image(io.BytesIO(png), width=width_pt, height=CHART_HEIGHT_IN * 72)


_CHARTS: dict[tuple[Any, ...], bytes] = {}
_CHARTS_KEPT = 8


def _chart_png(
    key: tuple[Any, ...],
    trade: Any,
    growth: list[TradeFigure] | None,
    sources: dict[int, str] | None,
) -> bytes:
    """The PNG for this chart, drawn once: a preview rebuilt for another title or
    marking reuses it (drawing it takes half a second on a long dossier, much of it
    in matplotlib calls that hold the GIL, which the window's thread then waits for).
    """
    png = _CHARTS.pop(key, None)
    if png is None:
        lang, width_pt = key[0], key[1]
        fig = trade_chart(
            trade,
            lang,
            growth=growth,
            sources=sources,
            width=width_pt / 72,
            height=CHART_HEIGHT_IN,
        )
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=CHART_DPI, facecolor="white")
        png = buf.getvalue()
        while len(_CHARTS) >= _CHARTS_KEPT:
            _CHARTS.pop(next(iter(_CHARTS)))
    _CHARTS[key] = png  # the newest last: the oldest goes first
    return png


def _amount(f: TradeFigure, lang: str) -> str:
    if f.amount is None:
        return ""
    text = money(f.amount, f.unit_scale, f.currency, lang)
    if f.kind != "actual":
        kind = TRADE.field("kind").choice(f.kind)
        text += " (" + (kind.label(lang).lower() if kind else f.kind) + ")"
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
    if not ctx.trade_count:
        story.append(
            Paragraph(esc(ctx.t("No trade figures yet.", "Торговых показателей пока нет.")), s.note)
        )
        return story
    pair = ctx.trade_pair
    # Sources numbered in the order the chart's caption and the table cite them.
    sources = {}
    for source_id in pair.sources()[:CAPTION_SOURCES]:
        label = short_source(ctx, source_id)
        if label:
            sources[source_id] = label
    story.append(chart_image(pair, lang, ctx.frame_width, growth=ctx.growth, sources=sources))
    story += trade_summary.summary(ctx, pair)
    story += trade_summary.others(ctx, pair)
    story += trade_summary.partners(ctx, ctx.trade_partners, ctx.dossier.code)

    # Figure by figure only in a complete brief or for a handful of figures: the
    # summary above stands for the rest (a TRADHIST import is hundreds of rows).
    listed = ctx.trade if ctx.options.max_rows is None or len(ctx.trade) <= RAW_ROWS else []
    if listed:
        story += table_heading(ctx, ctx.t("Figures", "Показатели"))
        story.append(_figures_table(ctx, listed))
    left = ctx.trade_count - len(listed)
    if left:
        story.append(
            left_out(
                ctx,
                ctx.t(
                    f"{left:,} figures are not listed one by one: the dossier's own trade is "
                    "summed up above; each figure, with its source, is in the app.",
                    f"Показателей, не приведённых по отдельности: {count(left, lang)}; "
                    "торговля по досье сведена выше, каждый показатель с источником — "
                    "в приложении.",
                ),
            )
        )

    if ctx.growth:
        story.append(heading(ctx, ctx.t("Growth", "Динамика"), level=1))
        for f in ctx.growth:
            text = esc(growth_note(f, lang)) + esc(ctx.citations.cite(f.source_id))
            story.append(Paragraph(text, s.point, bulletText="•"))
    return story


def _figures_table(ctx: BriefContext, figures: list[TradeFigure]) -> LongTable:
    s = ctx.styles
    lang = ctx.lang
    heads = [
        ctx.t("Period", "Период"),
        TRADE.field("flow").label(lang),
        TRADE.field("amount").label(lang),
        TRADE.field("growth_factor").label(lang),
        TRADE.field("note").label(lang),
        ctx.t("Src.", "Ист."),
    ]
    rows: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
    w = ctx.frame_width
    widths = [0.14 * w, 0.16 * w, 0.16 * w, 0.14 * w, 0.33 * w, 0.07 * w]
    for f in figures:
        pair = f"{f.reporter or '?'}→{f.partner or '?'}" if f.reporter or f.partner else ""
        cells = [
            period_label(f.period_start, f.period_end, lang),
            " ".join(x for x in (format_value(TRADE.field("flow"), f.flow, lang), pair) if x),
            _amount(f, lang),
            _growth(f, lang),
        ]
        rows.append(
            [
                *(cell(ctx, c, width) for c, width in zip(cells, widths, strict=False)),
                Paragraph(esc(f.note or ""), s.cell),  # free text: always wraps
                cell(ctx, ctx.citations.cite(f.source_id).strip(), widths[5]),
            ]
        )
    # LongTable: a table of hundreds of rows splits page by page without re-measuring
    # the rows already set.
    return LongTable(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")


def projects(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    # Room for the heading and the first table's heading and rows (table_heading's
    # own page break would otherwise leave this heading alone at the foot of a page).
    story = section_heading(ctx, "projects", room=7.5 * cm)
    if not ctx.projects:
        story.append(Paragraph(esc(ctx.t("No projects yet.", "Проектов пока нет.")), s.note))
    room = ctx.options.max_rows
    listed = 0
    for status in PROJECT_STATUS:
        group = [p for p in ctx.projects if p.status == status.value]
        shown = group if room is None else group[:room]
        if shown:
            story += table_heading(ctx, f"{status.label(ctx.lang)} ({len(group)})")
            story.append(_project_table(ctx, shown))
        listed += len(shown)
        if room is not None:
            room -= len(shown)
    left = 0 if room is None else len(ctx.projects) - listed
    if left:
        story.append(
            left_out(
                ctx,
                phrase(
                    left,
                    ctx.lang,
                    (
                        "{n} more project is not listed: see the dossier in the app.",
                        "{n} more projects are not listed: see the dossier in the app.",
                    ),
                    (
                        "Ещё {n} проект не приведён: см. досье в приложении.",
                        "Ещё {n} проекта не приведены: см. досье в приложении.",
                        "Ещё {n} проектов не приведены: см. досье в приложении.",
                    ),
                ),
            )
        )
    return story


def _project_table(ctx: BriefContext, group: list[Project]) -> LongTable:
    """One row per project; the columns no project of the group fills are left out."""
    s = ctx.styles
    lang = ctx.lang

    def label(name: str) -> str:
        return PROJECT.field(name).label(lang)

    def partners(p: Project) -> str:
        if not (p.home_partner or p.host_partner):
            return ""
        return " / ".join(x or "—" for x in (p.home_partner, p.host_partner))

    def quantity(p: Project) -> str:
        if p.quantity is None:
            return ""
        number = format_value(PROJECT.field("quantity"), p.quantity, lang)
        return " ".join(x for x in (number, p.quantity_unit or "") if x)

    columns = [
        (ctx.t("Partners (ours / host)", "Партнёры (наш / их)"), 0.17, partners),
        (label("quantity"), 0.15, quantity),
        (label("value"), 0.14, lambda p: money(p.value, None, p.currency, lang)),
        (label("due_date"), 0.12, lambda p: human_date(p.due_date, lang)),
        (ctx.t("Src.", "Ист."), 0.07, lambda p: ctx.citations.cite(p.source_id).strip()),
    ]
    columns = [c for c in columns if any(c[2](p) for p in group)]
    heads = [label("title"), *(c[0] for c in columns)]
    rows: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
    for p in group:
        title = f"<b>{esc(p.title)}</b>"
        # Kind, sector and place on one grey line under the title: a column each would
        # squeeze the table until words break.
        kind = format_value(PROJECT.field("kind"), p.kind, lang)
        extra = " · ".join(x for x in (kind, p.sector, p.location) if x)
        if extra:
            title += f"<br/><font color='#5a5a5a'>{esc(extra)}</font>"
        for text in paragraphs(p.description, lang):
            title += f"<br/><font size='8'>{text}</font>"
        rows.append([Paragraph(title, s.cell), *[Paragraph(esc(c[2](p)), s.cell) for c in columns]])
    w = ctx.frame_width
    rest = sum(c[1] for c in columns)
    widths = [w * (1 - rest), *(w * c[1] for c in columns)]
    return LongTable(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")
