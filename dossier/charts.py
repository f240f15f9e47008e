"""Chart builders shared by the screen and the printed brief.

Each builder returns a `matplotlib.figure.Figure` made without pyplot (no global
state, no GUI backend): the UI wraps it in a Qt canvas, the brief saves it as an
image. matplotlib is imported inside the builders so that importing this module
costs nothing at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dossier.bilateral import Bilateral
from dossier.chart_data import FLOW_COLOURS, TradeChartData, trade_chart_data

# Re-exported: callers import the chart's helpers from here.
from dossier.chart_data import chart_scale as chart_scale
from dossier.chart_data import compact as compact
from dossier.chart_data import growth_note as growth_note
from dossier.chart_data import growth_notes as growth_notes
from dossier.model import TradeFigure
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
NOTE_LINE = 0.2  # inches per note line under the chart
_fonts_ready = False


def keep_matplotlib_cache_private() -> None:
    """Point matplotlib's config and cache dir at the app's own cache folder.

    Runs when this module is imported, before anything imports matplotlib (the app
    reaches matplotlib only through here): its font cache then lives in a folder the
    app owns (no dossier text is ever written there; the canary test in
    tests/security checks it), not next to the user's data.
    """
    if os.environ.get("MPLCONFIGDIR"):
        return
    from dossier.paths import user_cache_dir

    folder = user_cache_dir() / "matplotlib"
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
class DrawnBar:
    """A bar as drawn in a chart's axes (the bars are collections, not patches)."""

    x: float  # the bar's centre
    width: float
    height: float
    flow: str
    hatched: bool
    alpha: float


def drawn_bars(fig: Figure) -> list[DrawnBar]:
    """The bars `trade_chart` drew, left to right: what a reader sees, for tests."""
    import numpy

    bars = []
    for collection in fig.axes[0].collections if fig.axes else []:
        gid = collection.get_gid() or ""
        if not gid.startswith("bars:"):
            continue
        _bars, flow, _kind = gid.split(":")
        for path in collection.get_paths():
            corners: list[list[float]] = numpy.asarray(path.vertices).tolist()
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
            bars.append(
                DrawnBar(
                    (left + right) / 2,
                    right - left,
                    top - bottom,
                    flow,
                    bool(collection.get_hatch()),
                    collection.get_alpha() or 1.0,
                )
            )
    return sorted(bars, key=lambda b: b.x)


_CHART = "trade-chart"  # the gid of the axes trade_chart draws its bars in
_MESSAGE = "trade-chart-message"  # ... and of the axes that holds only a message


def _figure_and_axes(
    into: Figure | None,
    width: float,
    height: float,
    rect: tuple[float, float, float, float],
    keep: bool,
) -> tuple[Figure, Any]:
    """A new Figure with its axes, or `into` emptied of what the chart drew in it.

    `keep`: the axes of a chart with bars may be kept. What the chart adds (texts,
    collections, markers, the legend) is removed; what it sets (ticks, limits, labels,
    spines, grid) it sets again. Anything else (not a chart's axes, a message's, or a
    message to show) is cleared: a new axes then."""
    from matplotlib.figure import Figure

    axes = into.axes if into is not None else []
    if into is not None and keep and len(axes) == 1 and axes[0].get_gid() == _CHART:
        fig, ax = into, axes[0]
        for artist in [*fig.texts, *ax.texts, *ax.collections, *ax.lines]:
            artist.remove()
        legend = ax.get_legend()
        if legend is not None:
            legend.remove()
        ax.set_position(rect)
        return fig, ax
    if into is not None:
        fig = into
        fig.clear()
    else:
        fig = Figure(figsize=(width, height), dpi=100)
    fig.set_facecolor("white")
    ax = fig.add_axes(rect)
    ax.set_gid(_CHART)
    return fig, ax


def chart_margins(data: TradeChartData, height: float) -> tuple[float, float, float]:
    """Room under the axes and the notes' height, both in inches, and the top of the
    axes as a fraction of the height: tick labels (longer when turned upright), then
    the notes one line each; title on the first line, legend on the second."""
    labels_height = 0.2 + 0.058 * data.longest_tick if data.upright else 0.55
    notes_height = NOTE_LINE * len(data.notes) + (0.1 if data.notes else 0)
    bottom = min(0.72 * height, labels_height + notes_height)
    return bottom, notes_height, 1 - 0.62 / height


def trade_chart(
    trade: Bilateral | Sequence[TradeFigure],
    lang: str = "en",
    *,
    growth: Sequence[TradeFigure] | None = None,
    sources: Mapping[int, str] | None = None,
    width: float = 7.0,
    height: float = 3.6,
    data: TradeChartData | None = None,
    into: Figure | None = None,
) -> Figure:
    """The trade chart (see `trade_chart_data`) as a matplotlib Figure, without pyplot:
    the same code draws it on screen and in the brief.

    `data`: the chart's `trade_chart_data`, when the caller has it already. `into`: a
    Figure this function drew before (the screen's canvas), drawn again in place; it
    keeps its size (the layout is worked out for `width` x `height`, as for a new
    one) and its axes, whose ticks and spines are the bulk of making a new Figure."""
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    _register_fonts()
    if data is None:
        data = trade_chart_data(trade, lang, growth=growth, sources=sources)
    bottom_in, notes_height, top_edge = chart_margins(data, height)
    bottom = bottom_in / height
    rect = (0.1, bottom, 0.87, top_edge - bottom)
    fig, ax = _figure_and_axes(into, width, height, rect, keep=not data.message)
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
        ax.set_gid(_MESSAGE)
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
    # One collection of rectangles per flow and kind of period: a bar call makes a
    # patch per bar and re-measures the axes for each (60 bars: most of the time).
    groups: dict[tuple[str, bool], list[list[tuple[float, float]]]] = {}
    half = data.bar_width * 0.92 / 2
    for bar in data.bars:
        left, right = bar.x - half, bar.x + half
        groups.setdefault((bar.flow, bar.partial), []).append(
            [(left, 0.0), (left, bar.value), (right, bar.value), (right, 0.0)]
        )
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
    for (flow, partial), boxes in groups.items():
        colour = FLOW_COLOURS.get(flow, "#555555")
        ax.add_collection(
            PolyCollection(
                boxes,
                facecolors=colour,
                edgecolors=colour,
                alpha=0.45 if partial else 1.0,
                hatch="//" if partial else None,
                linewidths=0.8,
                gid=f"bars:{flow}:{'partial' if partial else 'whole'}",
            ),
            autolim=False,
        )

    for m in data.markers:
        colour = FLOW_COLOURS.get(m.flow, "#555555")
        ax.plot([m.x], [m.value], marker="D", markersize=7, color="white", markeredgecolor=colour)
        ax.annotate(
            m.label,
            (m.x, m.value),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7.5,
            family=FONT_FAMILY,
            color="#333333",
        )

    ax.set_xticks([year for year, _label in data.ticks])
    ax.set_xticklabels(
        [label for _year, label in data.ticks],
        family=FONT_FAMILY,
        fontsize=data.tick_size,
        rotation=90 if data.upright else 0,
    )
    ax.set_xlim(data.first_year - 0.7, data.last_year + 0.7)
    ax.set_ylim(0, top * 1.18)
    ax.set_ylabel(data.unit, family=FONT_FAMILY, fontsize=9)
    # Set on the axis, not label by label: asking for the labels builds every tick.
    ax.tick_params(axis="y", labelsize=8, labelfontfamily=FONT_FAMILY)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    fig.text(
        0.1, 1 - 0.2 / height, data.title, family=FONT_FAMILY, fontsize=10, va="center", ha="left"
    )

    handles = [
        Patch(facecolor="white", edgecolor=colour, hatch="//", label=label)
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
