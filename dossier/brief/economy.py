"""Trade and industrial cooperation: the chart, the figures, growth, projects by status."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Image, LongTable, Paragraph

from dossier.brief.context import BriefContext
from dossier.brief.dates import human_date
from dossier.brief.money import money
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
from dossier.brief.totals import YearTotal, common_scale
from dossier.charts import growth_note, trade_chart
from dossier.fields import format_value
from dossier.model import PROJECT, PROJECT_STATUS, TRADE, Project, TradeFigure, period_label
from dossier.plural import phrase

CHART_HEIGHT_IN = 3.4
CHART_DPI = 200


def chart_image(figures: list[TradeFigure], lang: str, width_pt: float) -> Image:
    """The screen's trade chart (the same matplotlib figure) as a 200 dpi PNG, as wide
    as the text."""
    key = (lang, round(width_pt, 2), tuple(dataclasses.astuple(f) for f in figures))
    png = _chart_png(key, figures)
    return Image(io.BytesIO(png), width=width_pt, height=CHART_HEIGHT_IN * 72)


_CHARTS: dict[tuple[Any, ...], bytes] = {}
_CHARTS_KEPT = 8


def _chart_png(key: tuple[Any, ...], figures: list[TradeFigure]) -> bytes:
    """The PNG for these figures, drawn once: a preview rebuilt for another title or
    marking reuses it (drawing it takes half a second on a long dossier, much of it
    in matplotlib calls that hold the GIL, which the window's thread then waits for).
    """
    png = _CHARTS.pop(key, None)
    if png is None:
        lang, width_pt, _ = key
        fig = trade_chart(figures, lang, width=width_pt / 72, height=CHART_HEIGHT_IN)
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
    if not ctx.trade_count:
        story.append(
            Paragraph(esc(ctx.t("No trade figures yet.", "Торговых показателей пока нет.")), s.note)
        )
        return story
    totals = ctx.trade_totals
    if totals is None:
        charted = ctx.trade
    else:
        # The sums stand for the figures; growth statements keep their notes, not bars.
        scale = common_scale(totals)
        charted = [t.figure(scale) for t in totals] + [
            TradeFigure(
                period_start=f.period_start,
                period_end=f.period_end,
                flow=f.flow,
                growth_factor=f.growth_factor,
                base_start=f.base_start,
                base_end=f.base_end,
            )
            for f in ctx.growth
        ]
    story.append(chart_image(charted, lang, ctx.frame_width))

    if totals is not None:
        story += _totals_table(ctx, totals)
    if ctx.trade:
        story += table_heading(ctx, ctx.t("Figures", "Показатели"))
        story.append(_figures_table(ctx, ctx.trade))
    if ctx.trade_left:
        story.append(
            left_out(
                ctx,
                ctx.t(
                    f"{ctx.trade_left:,} more figures over several years are not listed: "
                    "see the dossier in the app.",
                    f"Ещё {count(ctx.trade_left, lang)} показателей за несколько лет не "
                    "приведены: см. досье в приложении.",
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
        cells = [
            period_label(f.period_start, f.period_end, lang),
            format_value(TRADE.field("flow"), f.flow, lang),
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


def _totals_table(ctx: BriefContext, totals: list[YearTotal]) -> list[Any]:
    """Sums per year and flow, when the dossier holds more figures than a brief lists."""
    s = ctx.styles
    lang = ctx.lang
    summed = sum(t.count for t in totals)
    story = table_heading(ctx, ctx.t("Totals by year", "Итоги по годам"))
    story.append(
        Paragraph(
            esc(
                ctx.t(
                    f"The dossier holds {ctx.trade_count:,} trade figures; the table sums {summed:,} "
                    "of them per year and flow (where a year has figures for a longer and a shorter "
                    "period, only the longer ones are summed). Each figure, with its source, is in "
                    "the app.",
                    f"В досье {count(ctx.trade_count, lang)} торговых показателей; в таблице "
                    f"{count(summed, lang)} из них сложены по годам и потокам (если за год есть "
                    "показатели за более длинный и более короткий период, складываются только "
                    "длинные). Каждый показатель с источником — в приложении.",
                )
            ),
            s.note,
        )
    )
    heads = [
        ctx.t("Year", "Год"),
        TRADE.field("flow").label(lang),
        TRADE.field("amount").label(lang),
        ctx.t("Figures", "Записей"),
        ctx.t("Sources", "Источники"),
    ]
    rows: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
    scale = common_scale(totals)
    w = ctx.frame_width
    widths = [0.16 * w, 0.2 * w, 0.22 * w, 0.14 * w, 0.28 * w]
    for t in totals:
        figure = t.figure(scale)
        figure = TradeFigure(
            period_start=figure.period_start,
            period_end=figure.period_end,
            flow=t.flow,
            amount=round(figure.amount or 0, 1),
            currency=t.currency,
            unit_scale=scale,
        )
        cells = [
            period_label(*t.period, lang),
            format_value(TRADE.field("flow"), t.flow, lang),
            _amount(figure, lang),
            count(t.count, lang),
            ctx.citations.cite_many(t.source_ids, t.more_sources).strip(),
        ]
        rows.append([cell(ctx, c, width) for c, width in zip(cells, widths, strict=True)])
    story.append(
        LongTable(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")
    )
    return story


def projects(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    # Room for the heading and the first table's heading and rows (table_heading's
    # own page break would otherwise leave this heading alone at the foot of a page).
    story = section_heading(ctx, "projects", room=7.5 * cm)
    if not ctx.projects:
        story.append(Paragraph(esc(ctx.t("No projects yet.", "Проектов пока нет.")), s.note))
    room = ctx.options.max_rows
    for status in PROJECT_STATUS:
        group = [p for p in ctx.projects if p.status == status.value]
        shown = group if room is None else group[:room]
        if shown:
            story += table_heading(ctx, f"{status.label(ctx.lang)} ({len(group)})")
            story.append(_project_table(ctx, shown))
        if room is not None:
            room -= len(shown)
    left = len(ctx.projects) - (len(ctx.projects) if room is None else ctx.options.max_rows - room)
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
        for text in paragraphs(p.description):
            title += f"<br/><font size='8'>{text}</font>"
        rows.append([Paragraph(title, s.cell), *[Paragraph(esc(c[2](p)), s.cell) for c in columns]])
    w = ctx.frame_width
    rest = sum(c[1] for c in columns)
    widths = [w * (1 - rest), *(w * c[1] for c in columns)]
    return LongTable(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")
