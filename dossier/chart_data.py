"""What the trade chart shows, worked out without matplotlib: bars, markers, ticks,
labels, title and notes (`dossier.charts` draws it, on screen and in the brief)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.bilateral import Bilateral, Value, of_figures
from dossier.countries import country_name
from dossier.fields import bilingual, format_value
from dossier.model import FLOWS, SCALES, TRADE, TradeFigure, is_partial_year, period_label
from dossier.plural import phrase
from dossier.units import currency_name, scaled_unit

# One colour per flow, readable in greyscale print too (dark, mid, light).
FLOW_COLOURS = {"turnover": "#1f3b73", "export": "#3f8f5f", "import": "#c07a2c"}
FLOW_ORDER = tuple(c.value for c in FLOWS)
# A balance can be negative and is the difference of two bars: it is in the table.
BAR_FLOWS = ("turnover", "export", "import")
MAX_YEARS = 20  # years of bars drawn, the latest
MAX_TICKS = 12  # year labels under the axis, upright never needed
HATCHED_NAMED = 3  # hatched periods named in the note, the latest
MAX_NOTES = 6  # growth statements under the chart; the brief lists them all anyway
CAPTION_SOURCES = 3  # sources named under the chart, the first cited; the rest counted
CAPTION_CHARS = 60  # the sources' titles in the caption, at most (one line in the brief)


@dataclass(frozen=True)
class Scale:
    factor: float
    label: str  # "million" / "млн"


def chart_scale(values_in_units: Sequence[float], lang: str = "en") -> Scale:
    """The largest of units/thousand/million/billion in which the biggest value is >= 1."""
    biggest = max((abs(v) for v in values_in_units), default=0.0)
    chosen = SCALES[0]
    for choice in SCALES:
        if biggest >= float(choice.value):
            chosen = choice
    return Scale(float(chosen.value), chosen.label(lang))


def _flow_label(flow: str, lang: str) -> str:
    choice = TRADE.field("flow").choice(flow)
    return choice.label(lang) if choice else flow


def _number(value: float, lang: str) -> str:
    # Amounts print the way the dossier shows them (223,3 in Russian, 223.3 in English).
    return format_value(TRADE.field("amount"), round(value, 1), lang)


def growth_note(fig: TradeFigure, lang: str = "en") -> str:
    """'Turnover ×6, 2006–2012' or 'Exports ×1.6, Jan–Sep 2013 vs Jan–Sep 2012'."""
    factor = format_value(TRADE.field("growth_factor"), fig.growth_factor, lang)
    what = f"{_flow_label(fig.flow, lang)} ×{factor}"
    period = period_label(fig.period_start, fig.period_end, lang)
    if not fig.base_start:
        return f"{what}, {period}"
    base = period_label(fig.base_start, fig.base_end or fig.base_start, lang)
    whole_years = not is_partial_year(
        fig.base_start, fig.base_end or fig.base_start
    ) and not is_partial_year(fig.period_start, fig.period_end)
    if whole_years and base.isdigit() and period.isdigit():
        return f"{what}, {base}–{period}"
    return f"{what}, {period} {bilingual(lang, 'vs', 'к')} {base}"


def growth_notes(figures: Sequence[TradeFigure], lang: str = "en") -> list[str]:
    return [growth_note(f, lang) for f in figures if f.growth_factor is not None]


_SHORT_SCALES = {"1000": ("k", "тыс."), "1000000": ("M", "млн"), "1000000000": ("bn", "млрд")}


def compact(units: float, lang: str = "en") -> str:
    """'223.3 M' / '223,3 млн', '47.3 bn' / '47,3 млрд': each value in its own scale, so
    a small figure next to a big one keeps its digits (never '0.2 bn')."""
    scale = chart_scale([units], lang)
    words = _SHORT_SCALES.get(str(int(scale.factor)))
    value = units / scale.factor
    # Three digits at least: 2.76 bn, 47.3 bn, 223.3 M.
    text = format_value(TRADE.field("amount"), round(value, 2 if abs(value) < 10 else 1), lang)
    return f"{text} {bilingual(lang, *words)}" if words else text


@dataclass(frozen=True)
class Bar:
    x: float  # in years: 2012.0 is the year 2012's centre
    value: float  # in the chart's scale
    flow: str
    partial: bool  # an estimate or part of a year: hatched and lighter
    label: str  # the value printed over the bar, or "" when bars are many


@dataclass(frozen=True)
class Marker:
    x: float
    value: float
    flow: str
    label: str  # "target: 1 bn USD by 2025"


@dataclass(frozen=True)
class TradeChartData:
    """What the trade chart shows (bars, markers, labels, notes), worked out apart from
    the drawing so it can be tested without matplotlib; `trade_chart` draws it."""

    notes: tuple[str, ...]  # growth statements, caveats and the source, one line each
    message: str  # shown instead of bars when there is nothing to chart
    periods: int  # years on the axis, first to last (gaps included)
    ticks: tuple[tuple[int, str], ...]  # (year, label) for the labels shown
    upright: bool  # tick labels turned 90 degrees (many years)
    tick_size: float
    longest_tick: int  # characters in the longest tick label, for the room under the axes
    bars: tuple[Bar, ...]
    bar_width: float  # in years
    label_size: float  # 0: no value labels
    top: float  # the tallest bar or marker
    unit: str  # "USD million" / "млн долл. США"
    title: str  # "Belarus – Azerbaijan trade, as Belarus's flows, USD million"
    legend: tuple[tuple[str, str, bool], ...]  # (label, colour, hatched)
    markers: tuple[Marker, ...] = ()
    first_year: int = 0
    last_year: int = 0


def chart_title(trade: Bilateral, unit: str, lang: str = "en") -> str:
    """Whose trade the chart is, from whose side, in which unit."""
    if not trade.view or not trade.other:
        return bilingual(
            lang,
            f"Trade (the countries are not stated), {unit}",
            f"Торговля (страны не указаны), {unit}",
        )
    a, b = country_name(trade.view, lang), country_name(trade.other, lang)
    return bilingual(
        lang,
        f"{a} – {b} trade, as {a}'s flows, {unit}",
        f"Торговля {a} — {b}, потоки страны {a}, {unit}",
    )


def marker_label(v: Value, lang: str) -> str:
    kind = TRADE.field("kind").choice(v.kind)
    what = (kind.label(lang) if kind else v.kind).lower()
    flow = _flow_label(v.flow, lang).lower()
    amount = f"{compact(v.units, lang)} {currency_name(v.currency, lang)}".strip()
    return bilingual(
        lang,
        f"{what}: {flow} {amount} by {v.period_end[:4]}",
        f"{what}: {flow} {amount} к {v.period_end[:4]}",
    )


def trade_chart_data(
    trade: Bilateral | Sequence[TradeFigure],
    lang: str = "en",
    *,
    growth: Sequence[TradeFigure] | None = None,
    sources: Mapping[int, str] | None = None,
) -> TradeChartData:
    """The pair's trade by year on a time axis, one bar per year and flow.

    `trade` is the dossier's pair seen from one side (`dossier.bilateral`); a list of
    figures is read as the pair most of them name. Years are to scale (gaps show);
    estimates and parts of a year are hatched and named in a note; targets and
    forecasts are markers with their label, never bars; mirror figures are marked.
    `sources` names the sources cited in the caption (id -> "[1] Belstat").
    """
    if not isinstance(trade, Bilateral):
        figures = list(trade)
        growth = [f for f in figures if f.growth_factor is not None] if growth is None else growth
        trade = of_figures(figures)
        empty = not figures
    else:
        empty = not (trade.values or trade.markers or trade.alternatives)
    notes = growth_notes(growth or [], lang)
    if trade.other_currencies:
        n = trade.other_currencies
        notes.append(
            phrase(
                n,
                lang,
                (
                    "{n} figure in another currency not shown",
                    "{n} figures in other currencies not shown",
                ),
                (
                    "{n} показатель в другой валюте не показан",
                    "{n} показателя в других валютах не показаны",
                    "{n} показателей в других валютах не показаны",
                ),
            )
        )
    values = [v for v in trade.values if v.flow in BAR_FLOWS]
    drawn_years = sorted({v.year for v in values if v.year is not None})
    if len(drawn_years) > MAX_YEARS:
        # The latest years only: decades of bars read as a blur (the brief's table and
        # the tab's list keep every year).
        first_drawn = drawn_years[-MAX_YEARS]
        values = [v for v in values if v.year is not None and v.year >= first_drawn]
        notes.append(
            bilingual(
                lang,
                f"From {first_drawn}; {drawn_years[0]}–{first_drawn - 1} in the table",
                f"С {first_drawn} г.; {drawn_years[0]}–{first_drawn - 1} — в таблице",
            )
        )
    hatched = sorted(
        {(v.period_start, v.period_end, v.kind): v for v in values if v.hatched}.values(),
        key=lambda v: v.period_start,
    )
    if hatched:
        # The latest few named (a note is one line under the chart); the rest counted.
        names = [
            period_label(v.period_start, v.period_end, lang)
            + (
                " " + bilingual(lang, "estimate", "оценка")
                if v.kind == "estimate" and not v.partial
                else ""
            )
            for v in hatched[-HATCHED_NAMED:]
        ]
        more = len(hatched) - len(names)
        named = ", ".join(names)
        if more:
            named = bilingual(lang, f"{named} and {more} more", f"{named} и ещё {more}")
        notes.append(bilingual(lang, f"Hatched: {named}", f"Заштриховано: {named}"))
    if trade.mirrored and trade.other:
        other = country_name(trade.other, lang)
        notes.append(
            bilingual(
                lang,
                f"‡ {other}'s own figures, converted (its imports are these exports)",
                f"‡ данные страны {other}, пересчитанные (её импорт — этот экспорт)",
            )
        )
    behind = trade.sources()
    cited = [sources[i] for i in behind[:CAPTION_SOURCES] if sources and i in sources]
    if cited:
        # One line under the chart: if the titles are too long for it, the first
        # source by title and the next by number.
        line = "; ".join(cited)
        if len(line) > CAPTION_CHARS:
            line = "; ".join([cited[0], *(c.split(" ", 1)[0] for c in cited[1:])])
        if len(behind) > len(cited):
            more = len(behind) - len(cited)
            line = bilingual(lang, f"{line} and {more} more", f"{line} и ещё {more}")
        notes.append(bilingual(lang, "Source: ", "Источник: ") + line)
    if len(notes) > MAX_NOTES:
        extra = len(notes) - MAX_NOTES + 1
        notes = [
            *notes[: MAX_NOTES - 1],
            bilingual(lang, f"… and {extra} more", f"… и ещё {extra}"),
        ]
    # Bars and markers stand at their calendar year (a value has one; a marker over
    # several years has none and is not drawn).
    placed = [(v.year, v) for v in values if v.year is not None]
    marked = [(v.year, v) for v in trade.markers if v.year is not None]
    markers = [v for _year, v in marked]
    years = sorted({year for year, _v in placed} | {year for year, _v in marked})
    if not years:
        message = (
            bilingual(lang, "No trade figures yet", "Торговых показателей пока нет")
            if empty
            else bilingual(lang, "No amounts to chart", "Нет сумм для графика")
        )
        return TradeChartData(
            notes=tuple(notes),
            message=message,
            periods=0,
            ticks=(),
            upright=False,
            tick_size=9,
            longest_tick=4,
            bars=(),
            bar_width=0.5,
            label_size=0,
            top=0,
            unit="",
            title="",
            legend=(),
        )
    scale = chart_scale([v.units for v in (*values, *markers)], lang)
    flows = [flow for flow in FLOW_ORDER if any(v.flow == flow for v in values)]
    # A lone flow gets a slimmer bar: a wall of colour reads worse than a column.
    bar_width = min(0.8 / max(len(flows), 1), 0.5)
    # Value labels help on a few bars and clutter many; shrink, then drop them.
    label_size = 8.5 if len(values) <= 8 else 7 if len(values) <= 16 else 0
    bars = []
    for year, v in placed:
        x = year + (flows.index(v.flow) - (len(flows) - 1) / 2) * bar_width
        label = ""
        if label_size:
            label = ("≈" if v.kind == "estimate" else "") + compact(v.units, lang)
            label += "‡" if v.mirror else ""
        bars.append(Bar(x, v.units / scale.factor, v.flow, v.hatched, label))
    first, last = years[0], years[-1]
    span = last - first + 1
    # Every year labelled while they fit across; then every 2nd, 5th or 10th year on
    # round numbers (each label is a tick matplotlib builds and draws: few are quick).
    step = next((n for n in (1, 2, 5, 10) if -(-span // n) <= MAX_TICKS), 20)
    upright = False
    ticks = tuple((y, str(y)) for y in range(-(-first // step) * step, last + 1, step))
    # "USD million" / "млн долл. США": each language's order and currency name.
    unit = scaled_unit(scale.label if scale.factor > 1 else "", trade.currency, lang)
    legend = [(_flow_label(flow, lang), FLOW_COLOURS.get(flow, "#555555"), False) for flow in flows]
    if any(b.partial for b in bars):
        legend.append(
            (
                bilingual(lang, "estimate or part of a year", "оценка или неполный год"),
                "#555555",
                True,
            )
        )
    marks = tuple(
        Marker(float(year), v.units / scale.factor, v.flow, marker_label(v, lang))
        for year, v in marked
    )
    top = max([b.value for b in bars] + [m.value for m in marks] + [0.0])
    return TradeChartData(
        notes=tuple(notes),
        message="",
        periods=span,
        ticks=ticks,
        upright=upright,
        tick_size=9 if span <= 8 else 7.5,
        longest_tick=4,
        bars=tuple(bars),
        bar_width=bar_width,
        label_size=label_size,
        top=top,
        unit=unit,
        title=chart_title(trade, unit, lang),
        legend=tuple(legend),
        markers=marks,
        first_year=first,
        last_year=last,
    )
