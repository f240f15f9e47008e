"""The trade chart as it was before issue 16: `dossier/charts.py` of commit 6961d76,
unchanged below this docstring but for it. The baseline of `benchmarks/trade_chart.py`:
the trade tab then charted the dossier's latest 60 figures as they came (every pair, years
as categories, one bar per figure). Not used by the app.

Original docstring: Chart builders shared by the screen and the printed brief.

Each builder returns a `matplotlib.figure.Figure` made without pyplot (no global
state, no GUI backend): the UI wraps it in a Qt canvas, the brief saves it as an
image. matplotlib is imported inside the builders so that importing this module
costs nothing at start-up.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.fields import bilingual, format_value
from dossier.model import FLOWS, SCALES, TRADE, TradeFigure, is_partial_year, period_label
from dossier.paths import resource

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)
# One colour per flow, readable in greyscale print too (dark, mid, light).
FLOW_COLOURS = {"turnover": "#1f3b73", "export": "#3f8f5f", "import": "#c07a2c"}
FLOW_ORDER = tuple(c.value for c in FLOWS)
MAX_NOTES = 6  # growth statements under the chart; the brief lists them all anyway
NOTE_LINE = 0.2  # inches per note line under the chart
_fonts_ready = False


def keep_matplotlib_cache_private() -> None:
    """Point matplotlib's config and cache dir at the app's own cache folder.

    Runs when this module is imported, before anything imports matplotlib (the app
    reaches matplotlib only through here): its font cache then lives in a folder the
    app owns (no dossier text is ever written there; the canary test in
    tests/security checks it), not next to the user's data. Not at start-up: finding
    the folder imports platformdirs, ~13 ms the window need not wait for.
    """
    if os.environ.get("MPLCONFIGDIR"):
        return
    from platformdirs import user_cache_path

    folder = user_cache_path("Dossier", appauthor=False) / "matplotlib"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(folder)


keep_matplotlib_cache_private()


def _register_fonts() -> None:
    """Make the bundled DejaVu faces (Cyrillic, Azerbaijani Latin) known to matplotlib."""
    global _fonts_ready
    if _fonts_ready:
        return
    from matplotlib import font_manager

    for name in FONT_FILES:
        path = resource("fonts", name)
        if path.exists():
            font_manager.fontManager.addfont(str(path))
    _fonts_ready = True


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


def _tick_label(start: str, end: str, lang: str, count: int) -> str:
    label = period_label(start, end, lang)
    # "Jan–Sep 2013" on two lines when periods are many, so neighbours do not collide
    # (beyond 12 the labels are turned upright and stay on one line).
    if 3 < count <= 12 and " " in label:
        head, _, year = label.rpartition(" ")
        return f"{head}\n{year}"
    return label


def _units(fig: TradeFigure) -> float:
    return float(fig.amount or 0) * float(fig.unit_scale or "1")


@dataclass(frozen=True)
class Bar:
    x: float  # in period steps: 0 is the first period's centre
    value: float  # in the chart's scale
    flow: str
    partial: bool  # part of a year: hatched and lighter
    label: str  # the value printed over the bar, or "" when bars are many


@dataclass(frozen=True)
class TradeChartData:
    """What the trade chart shows (bars, labels, notes), worked out apart from the
    drawing so it can be tested without matplotlib; `trade_chart` draws it."""

    notes: tuple[str, ...]  # growth statements and caveats, one line each
    message: str  # shown instead of bars when there is nothing to chart
    periods: int
    ticks: tuple[tuple[int, str], ...]  # (period index, label) for the labels shown
    upright: bool  # tick labels turned 90 degrees (many periods)
    tick_size: float
    longest_tick: int  # characters in the longest tick label, for the room under the axes
    bars: tuple[Bar, ...]
    bar_width: float  # in period steps
    label_size: float  # 0: no value labels
    top: float  # the tallest bar
    unit: str  # "million USD"
    title: str  # "Trade, million USD"
    legend: tuple[tuple[str, str, bool], ...]  # (label, colour, hatched)


def trade_chart_data(figures: Sequence[TradeFigure], lang: str = "en") -> TradeChartData:
    """Turnover, exports and imports by period as grouped bars, with growth notes.

    Amounts are converted to one scale and currency (the most common one; figures in
    other currencies are counted in a note, not mixed in). Partial-year periods are
    hatched and lighter so "Jan–Sep 2013" is never read as a whole year.
    """
    notes = growth_notes(figures, lang)
    amounts = [f for f in figures if f.amount is not None]
    currencies = Counter((f.currency or "").upper() for f in amounts)
    currency = currencies.most_common(1)[0][0] if currencies else ""
    charted = [f for f in amounts if (f.currency or "").upper() == currency]
    left_out = len(amounts) - len(charted)
    if left_out:
        notes.append(
            bilingual(
                lang,
                f"{left_out} figure(s) in other currencies not shown",
                f"Показателей в других валютах не показано: {left_out}",
            )
        )

    if len(notes) > MAX_NOTES:
        extra = len(notes) - MAX_NOTES + 1
        notes = [
            *notes[: MAX_NOTES - 1],
            bilingual(lang, f"… and {extra} more", f"… и ещё {extra}"),
        ]
    periods = sorted({(f.period_start, f.period_end) for f in charted})
    upright = len(periods) > 12
    longest = max((len(_tick_label(*p, lang, len(periods))) for p in periods), default=4)
    if not charted:
        message = (
            bilingual(lang, "No trade figures yet", "Торговых показателей пока нет")
            if not figures
            else bilingual(lang, "No amounts to chart", "Нет сумм для графика")
        )
        return TradeChartData(
            notes=tuple(notes),
            message=message,
            periods=0,
            ticks=(),
            upright=False,
            tick_size=9,
            longest_tick=longest,
            bars=(),
            bar_width=0.5,
            label_size=0,
            top=0,
            unit="",
            title="",
            legend=(),
        )

    scale = chart_scale([_units(f) for f in charted], lang)
    flows = [flow for flow in FLOW_ORDER if any(f.flow == flow for f in charted)]
    # A lone flow gets a slimmer bar: a wall of colour reads worse than a column.
    bar_width = min(0.8 / len(flows), 0.5)
    top = max(_units(f) / scale.factor for f in charted)
    # Value labels help on a few bars and clutter many; shrink, then drop them.
    label_size = 8.5 if len(charted) <= 8 else 7 if len(charted) <= 16 else 0
    index = {p: i for i, p in enumerate(periods)}
    bars = []
    for f in charted:
        x = (
            index[(f.period_start, f.period_end)]
            + (flows.index(f.flow) - (len(flows) - 1) / 2) * bar_width
        )
        value = _units(f) / scale.factor
        label = ("≈" if f.kind == "estimate" else "") + _number(value, lang) if label_size else ""
        bars.append(Bar(x, value, f.flow, is_partial_year(f.period_start, f.period_end), label))
    # Many periods: every n-th label, turned upright, so labels never overlap.
    step = max(1, -(-len(periods) // 24))
    ticks = tuple(
        (i, _tick_label(*periods[i], lang, len(periods))) for i in range(0, len(periods), step)
    )
    unit = f"{scale.label} {currency}".strip() if scale.factor > 1 else currency
    legend = [(_flow_label(flow, lang), FLOW_COLOURS.get(flow, "#555555"), False) for flow in flows]
    if any(b.partial for b in bars):
        legend.append((bilingual(lang, "part of a year", "неполный год"), "#555555", True))
    return TradeChartData(
        notes=tuple(notes),
        message="",
        periods=len(periods),
        ticks=ticks,
        upright=upright,
        tick_size=9 if len(periods) <= 8 else 7.5,
        longest_tick=longest,
        bars=tuple(bars),
        bar_width=bar_width,
        label_size=label_size,
        top=top,
        unit=unit,
        title=bilingual(lang, f"Trade, {unit}", f"Торговля, {unit}"),
        legend=tuple(legend),
    )


def chart_margins(data: TradeChartData, height: float) -> tuple[float, float, float]:
    """Room under the axes and the notes' height, both in inches, and the top of the
    axes as a fraction of the height: tick labels (longer when turned upright), then
    the notes one line each; title on the first line, legend on the second."""
    labels_height = 0.2 + 0.058 * data.longest_tick if data.upright else 0.55
    notes_height = NOTE_LINE * len(data.notes) + (0.1 if data.notes else 0)
    bottom = min(0.72 * height, labels_height + notes_height)
    return bottom, notes_height, 1 - 0.62 / height


def trade_chart(
    figures: list[TradeFigure], lang: str = "en", *, width: float = 7.0, height: float = 3.6
) -> Figure:
    """The trade chart (see `trade_chart_data`) as a matplotlib Figure, without pyplot."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    _register_fonts()
    data = trade_chart_data(figures, lang)
    fig = Figure(figsize=(width, height), dpi=100)
    fig.set_facecolor("white")
    bottom_in, notes_height, top_edge = chart_margins(data, height)
    bottom = bottom_in / height
    ax = fig.add_axes((0.1, bottom, 0.87, top_edge - bottom))
    for i, text in enumerate(data.notes):
        y = (notes_height - 0.05 - NOTE_LINE * (i + 0.5)) / height
        fig.text(
            0.1,
            y,
            "• " + text,
            fontsize=8.5,
            family=FONT_FAMILY,
            color="#222222",
            va="center",
            ha="left",
        )

    if data.message:
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            data.message,
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=13,
            color="#555555",
            family=FONT_FAMILY,
        )
        return fig

    top = data.top
    # One bar call per flow and kind of period: hundreds of single-bar calls are slow.
    groups: dict[tuple[str, bool], tuple[list[float], list[float]]] = {}
    for bar in data.bars:
        xs, values = groups.setdefault((bar.flow, bar.partial), ([], []))
        xs.append(bar.x)
        values.append(bar.value)
        if bar.label:
            ax.text(
                bar.x,
                bar.value + top * 0.02,
                bar.label,
                ha="center",
                va="bottom",
                fontsize=data.label_size,
                family=FONT_FAMILY,
            )
    for (flow, partial), (xs, values) in groups.items():
        colour = FLOW_COLOURS.get(flow, "#555555")
        ax.bar(
            xs,
            values,
            data.bar_width * 0.92,
            color=colour,
            alpha=0.45 if partial else 1.0,
            hatch="///" if partial else None,
            edgecolor=colour,
            linewidth=0.8,
        )

    ax.set_xticks([i for i, _label in data.ticks])
    ax.set_xticklabels(
        [label for _i, label in data.ticks],
        family=FONT_FAMILY,
        fontsize=data.tick_size,
        rotation=90 if data.upright else 0,
    )
    ax.set_xlim(-0.6, data.periods - 0.4)
    ax.set_ylim(0, top * 1.12)
    ax.set_ylabel(data.unit, family=FONT_FAMILY, fontsize=9)
    for tick in ax.get_yticklabels():
        tick.set_fontfamily(FONT_FAMILY)
        tick.set_fontsize(8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    fig.text(
        0.1, 1 - 0.2 / height, data.title, family=FONT_FAMILY, fontsize=10, va="center", ha="left"
    )

    handles = [
        Patch(facecolor="white", edgecolor=colour, hatch="///", label=label)
        if hatched
        else Patch(facecolor=colour, label=label)
        for label, colour, hatched in data.legend
    ]
    # Above the plot, right of the title: never on top of a bar.
    ax.legend(
        handles=handles,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncol=len(handles),
        frameon=False,
        borderaxespad=0.2,
        prop={"family": FONT_FAMILY, "size": 8},
    )
    return fig
