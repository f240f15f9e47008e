"""The brief's trade summary: the dossier's pair, year by year, from one point of view.

Five years in a table (exports, imports, turnover, balance, growth), every figure
citing its source; the years before summed up in a sentence; other figures for the
same years, targets and forecasts listed; the partner's main partners as context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.platypus import LongTable, Paragraph

from dossier.bilateral import (
    Bilateral,
    PartnerRow,
    Value,
    main_partners,
    pair_sums_of,
    partner_sums_of,
    point_of_view,
    seen_from,
)
from dossier.brief.context import BriefContext
from dossier.brief.sections import cell, heading, table_heading
from dossier.brief.styles import table_style
from dossier.brief.text import esc
from dossier.chart_data import compact, marker_label
from dossier.countries import country_name
from dossier.fields import format_value
from dossier.model import TRADE, period_label

SUMMARY_YEARS = 5
ALTERNATIVES_LISTED = 8
CITED = 3  # sources cited per figure of the table


def read_pair(store: Any, dossier: Any) -> tuple[Bilateral, list[PartnerRow]]:
    """The dossier's pair from its point of view and the partner's main partners:
    summed in SQL from the store."""
    view, other = point_of_view(dossier)
    trade = store.trade
    if hasattr(trade, "pair_sums"):
        sums = trade.pair_sums(dossier.id, view, other)
        context = trade.partner_sums(dossier.id, dossier.code, dossier.home_code)
    else:
        figures = trade.list(dossier.id)
        sums = pair_sums_of(figures, view, other)
        context = partner_sums_of(figures, dossier.code, dossier.home_code)
    return seen_from(sums, view, other), main_partners(context, dossier.code)


@dataclass(frozen=True)
class Cell:
    units: float
    sources: tuple[int, ...]
    mirror: bool
    estimate: bool


@dataclass(frozen=True)
class YearRow:
    year: int
    period: tuple[str, str]  # the year, or the part of it the figures cover
    partial: bool
    cells: dict[str, Cell]  # export, import, turnover, balance
    growth: float | None  # turnover against the year before, as a fraction


def _cell(v: Value) -> Cell:
    return Cell(v.units, v.source_ids, v.mirror, v.kind == "estimate")


def year_rows(trade: Bilateral) -> list[YearRow]:
    """Every year of the pair's results, turnover and balance worked out from exports
    and imports where not given (and the periods match)."""
    years: dict[int, dict[str, Value]] = {}
    for v in trade.values:
        if v.year is not None:
            years.setdefault(v.year, {})[v.flow] = v
    rows = []
    for year in sorted(years):
        values = years[year]
        cells = {flow: _cell(v) for flow, v in values.items()}
        exports, imports = values.get("export"), values.get("import")
        if exports is not None and imports is not None and exports.months == imports.months:
            sources = tuple(dict.fromkeys(exports.source_ids + imports.source_ids))
            mirror = exports.mirror or imports.mirror
            estimate = exports.kind == "estimate" or imports.kind == "estimate"
            if "turnover" not in cells:
                cells["turnover"] = Cell(exports.units + imports.units, sources, mirror, estimate)
            if "balance" not in cells:
                cells["balance"] = Cell(exports.units - imports.units, sources, mirror, estimate)
        first = next(iter(values.values()))
        partial = any(v.partial for v in values.values())
        rows.append(YearRow(year, (first.period_start, first.period_end), partial, cells, None))
    # Growth of turnover against the year before, whole years only.
    by_year = {r.year: r for r in rows}
    out = []
    for r in rows:
        before = by_year.get(r.year - 1)
        growth = None
        if (
            before
            and not r.partial
            and not before.partial
            and "turnover" in r.cells
            and "turnover" in before.cells
            and before.cells["turnover"].units
        ):
            growth = r.cells["turnover"].units / before.cells["turnover"].units - 1
        out.append(YearRow(r.year, r.period, r.partial, r.cells, growth))
    return out


def _amount(ctx: BriefContext, c: Cell | None) -> str:
    if c is None:
        return "—"
    text = ("≈" if c.estimate else "") + compact(c.units, ctx.lang).replace("-", "−")
    text += "‡" if c.mirror else ""
    # A sum of many figures cites its first few sources (all are in the app).
    return text + ctx.citations.cite_many(c.sources[:CITED], len(c.sources) > CITED)


def _growth(growth: float | None, lang: str) -> str:
    if growth is None:
        return "—"
    percent = format_value(TRADE.field("amount"), round(abs(growth) * 100, 1), lang)
    sign = "+" if growth >= 0 else "−"
    return f"{sign}{percent}{' %' if lang == 'ru' else '%'}"


def summary(ctx: BriefContext, trade: Bilateral) -> list[Any]:
    """The five-year table from the chosen point of view, then older years in a line."""
    rows = year_rows(trade)
    if not rows:
        return []
    s = ctx.styles
    lang = ctx.lang
    view = country_name(trade.view, lang) if trade.view else ctx.t("our country", "наша страна")
    other = country_name(trade.other, lang) if trade.other else ctx.t("the partner", "партнёр")
    story = table_heading(
        ctx, ctx.t(f"{view} – {other}: the last years", f"{view} — {other}: последние годы")
    )
    intro = ctx.t(
        f"Flows of {view}: exports are {view}'s sales to {other}, imports its "
        "purchases; ≈ estimate; ‡ the other side's figure, converted; turnover and "
        "balance without a source of their own are worked out from exports and imports.",
        f"Потоки с точки зрения стороны «{view}»: экспорт — её продажи стране «{other}», "
        "импорт — закупки; ≈ оценка; ‡ данные другой стороны, пересчитанные; товарооборот "
        "и сальдо без собственного источника рассчитаны по экспорту и импорту.",
    )
    story.append(Paragraph(esc(intro), s.note))
    cur = f", {trade.currency}" if trade.currency else ""
    heads = [
        ctx.t("Year", "Год"),
        ctx.t(f"Exports{cur}", f"Экспорт{cur}"),
        ctx.t(f"Imports{cur}", f"Импорт{cur}"),
        ctx.t(f"Turnover{cur}", f"Товарооборот{cur}"),
        ctx.t(f"Balance{cur}", f"Сальдо{cur}"),
        ctx.t("Growth", "Рост"),
    ]
    shown = rows[-SUMMARY_YEARS:]
    lines = [
        [
            period_label(*r.period, lang) if r.partial else str(r.year),
            *(_amount(ctx, r.cells.get(f)) for f in ("export", "import", "turnover", "balance")),
            _growth(r.growth, lang),
        ]
        for r in shown
    ]
    # A column with no figure in any year is left out (a sample that knows only
    # turnover prints Year and Turnover, not four columns of dashes).
    keep = [0] + [i for i in range(1, len(heads)) if any(line[i] != "—" for line in lines)]
    share = [0.2, 0.16, 0.16, 0.18, 0.16, 0.14]
    widths = [share[i] * ctx.frame_width for i in keep]
    table: list[list[Any]] = [[Paragraph(esc(heads[i]), s.cell_head) for i in keep]]
    for line in lines:
        cells = [line[i] for i in keep]
        table.append([cell(ctx, c, width) for c, width in zip(cells, widths, strict=True)])
    story.append(
        LongTable(table, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")
    )
    older = rows[: -SUMMARY_YEARS or None] if len(rows) > SUMMARY_YEARS else []
    if older:
        story.append(Paragraph(esc(_older(ctx, older, trade.currency)), s.note))
    return story


def _older(ctx: BriefContext, rows: list[YearRow], currency: str) -> str:
    flow = next(
        (f for f in ("turnover", "export", "import") if any(f in r.cells for r in rows)), ""
    )
    cells = [(r.year, r.cells[flow]) for r in rows if flow in r.cells]
    low = min(cells, key=lambda pair: pair[1].units)
    high = max(cells, key=lambda pair: pair[1].units)
    sources = tuple(dict.fromkeys(s for _y, c in cells for s in c.sources))
    cite = ctx.citations.cite_many(sources[:3], len(sources) > 3)
    name = format_value(TRADE.field("flow"), flow, ctx.lang).lower()
    lang = ctx.lang
    return ctx.t(
        f"Earlier, {rows[0].year}–{rows[-1].year} ({len(rows)} years with figures): {name} "
        f"from {compact(low[1].units, lang)} {currency} ({low[0]}) to "
        f"{compact(high[1].units, lang)} {currency} ({high[0]}){cite}.",
        f"Ранее, {rows[0].year}–{rows[-1].year} (лет с данными: {len(rows)}): {name} "
        f"от {compact(low[1].units, lang)} {currency} ({low[0]}) до "
        f"{compact(high[1].units, lang)} {currency} ({high[0]}){cite}.",
    )


def others(ctx: BriefContext, trade: Bilateral) -> list[Any]:
    """Other figures for the years shown (their sources differ), targets and forecasts."""
    s = ctx.styles
    lang = ctx.lang
    story: list[Any] = []
    if trade.markers:
        story.append(heading(ctx, ctx.t("Targets and forecasts", "Цели и прогнозы"), level=1))
        for v in trade.markers:
            cite = ctx.citations.cite_many(v.source_ids[:CITED], len(v.source_ids) > CITED)
            text = esc(marker_label(v, lang)) + esc(cite)
            story.append(Paragraph(text, s.point, bulletText="•"))
    if trade.alternatives:
        story.append(
            heading(ctx, ctx.t("Other figures, not in the table", "Другие данные"), level=1)
        )
        # The latest first: the table shows the last years.
        latest = sorted(trade.alternatives, key=lambda v: v.period_end, reverse=True)
        for v in latest[:ALTERNATIVES_LISTED]:
            flow = format_value(TRADE.field("flow"), v.flow, lang)
            text = (
                f"{period_label(v.period_start, v.period_end, lang)}, {flow.lower()}: "
                f"{'≈' if v.kind == 'estimate' else ''}{compact(v.units, lang)} {v.currency}"
                f"{'‡' if v.mirror else ''}"
            )
            cite = ctx.citations.cite_many(v.source_ids[:CITED], len(v.source_ids) > CITED)
            story.append(Paragraph(esc(text + cite), s.point, bulletText="•"))
        left = len(trade.alternatives) - ALTERNATIVES_LISTED + trade.more_alternatives
        if left > 0:
            story.append(Paragraph(esc(ctx.t(f"… and {left} more.", f"… и ещё {left}.")), s.note))
    return story


def partners(ctx: BriefContext, rows: list[PartnerRow], country: str) -> list[Any]:
    """The partner's trade with the world and third countries: context, not our trade."""
    if not rows:
        return []
    s = ctx.styles
    lang = ctx.lang
    name = country_name(country, lang)
    story = table_heading(ctx, ctx.t(f"{name}'s main partners", f"Основные партнёры страны {name}"))
    story.append(
        Paragraph(
            esc(
                ctx.t(
                    f"Flows of {name} ({rows[0].currency}), latest year for each partner.",
                    f"Потоки страны {name} ({rows[0].currency}), последний год по каждому "
                    "партнёру.",
                )
            ),
            s.note,
        )
    )
    heads = [
        ctx.t("Partner", "Партнёр"),
        ctx.t("Year", "Год"),
        ctx.t("Exports", "Экспорт"),
        ctx.t("Imports", "Импорт"),
        ctx.t("Turnover", "Товарооборот"),
        ctx.t("Src.", "Ист."),
    ]
    table: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
    w = ctx.frame_width
    widths = [0.28 * w, 0.1 * w, 0.18 * w, 0.18 * w, 0.18 * w, 0.08 * w]
    for r in rows:
        cite = ctx.citations.cite_many(r.source_ids[:3], len(r.source_ids) > 3)
        partner = country_name(r.partner, lang)
        cells = [
            partner[:1].upper() + partner[1:],  # "the world" first in a row: "The world"
            str(r.year),
            *(
                compact(v, lang) if v is not None else "—"
                for v in (r.exports, r.imports, r.turnover)
            ),
            cite.strip(),
        ]
        table.append([cell(ctx, c, width) for c, width in zip(cells, widths, strict=True)])
    story.append(
        LongTable(table, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")
    )
    return story
