"""The trade chart drawn for less (issue 16), the same on screen: one shape per flow,
a Figure drawn again in place, texts copied from a cache; every one pixel for pixel
what the plain way draws."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

from dossier.chart_text import cache_text
from dossier.charts import drawn_bars, trade_chart
from dossier.model import TRADE, TradeFigure


def _figure(start: str, flow: str, amount: float, **values: Any) -> TradeFigure:
    return TRADE.make(
        {
            "reporter": "BY",
            "partner": "AZ",
            "period_start": start,
            "period_end": values.pop("end", start),
            "flow": flow,
            "amount": amount,
            "currency": "USD",
            "unit_scale": "1000000",
            **values,
        }
    )


def _years(first: int, last: int, scale: float = 1.0) -> list[TradeFigure]:
    """Whole years of exports and imports, a partial year and a target."""
    figures = [
        _figure(str(y), flow, (y - 1990) * scale * (2 if flow == "export" else 1))
        for y in range(first, last + 1)
        for flow in ("export", "import")
    ]
    figures.append(_figure(f"{last + 1}-01", "export", 7.0, end=f"{last + 1}-06"))
    figures.append(_figure(str(last + 3), "turnover", 90.0, kind="target"))
    return figures


def _pixels(fig: Any, canvas: Any = None) -> Any:
    canvas = canvas or FigureCanvasAgg(fig)
    canvas.draw()
    return numpy.asarray(canvas.buffer_rgba()).copy()


def test_bars_are_one_shape_per_flow_and_kind_of_period() -> None:
    # A bar per figure was a patch each, the axes re-measured for each one.
    fig = trade_chart(_years(2005, 2020), "en")
    ax = fig.axes[0]
    assert not ax.patches
    groups = sorted(c.get_gid() for c in ax.collections if (c.get_gid() or "").startswith("bars"))
    assert groups == ["bars:export:partial", "bars:export:whole", "bars:import:whole"]
    bars = drawn_bars(fig)
    assert len(bars) == 16 * 2 + 1  # every year's two flows, and the half year
    assert [b.hatched for b in bars].count(True) == 1  # the half year, hatched
    assert [round(b.height) for b in bars if b.flow == "import"] == list(range(15, 31))
    assert len(ax.lines) == 1  # the target: a marker, not a bar


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_chart_drawn_again_in_its_figure_is_the_chart_drawn_anew(lang: str) -> None:
    size = (9.0, 3.2)  # the canvas's, not the chart's own 7 x 3.6 inches
    shown = trade_chart(_years(1995, 2024, scale=3), lang)
    shown.set_size_inches(*size)
    axes = shown.axes[0]
    _pixels(shown)
    for figures in (_years(2010, 2016), [], _years(2001, 2003, scale=40)):
        again = trade_chart(figures, lang, into=shown)
        anew = trade_chart(figures, lang)
        anew.set_size_inches(*size)
        assert again is shown
        assert numpy.array_equal(_pixels(again), _pixels(anew))
    # After a chart with bars (the last one) the axes, ticks and all, were kept.
    assert trade_chart(_years(2005, 2008), lang, into=shown).axes == [shown.axes[0]]
    assert shown.axes[0] is not axes  # the message (no figures) needed an axes of its own
    assert drawn_bars(shown) == drawn_bars(trade_chart(_years(2005, 2008), lang))


def test_cached_text_is_the_same_pixels_and_is_not_laid_out_again(monkeypatch: Any) -> None:
    fig = trade_chart(_years(1995, 2024), "ru")
    fig.axes[0].set_xlabel("$x^2$ и Şəki")  # mathtext: drawn as always, not cached
    plain = _pixels(fig)
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    assert cache_text(renderer)
    first = _pixels(fig, canvas)
    assert canvas.get_renderer() is renderer
    laid_out: list[str] = []
    real = RendererAgg._draw_text_glyphs_and_boxes

    def count(self: Any, *args: Any, **kwargs: Any) -> Any:
        laid_out.append("glyphs")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(RendererAgg, "_draw_text_glyphs_and_boxes", count)
    again = _pixels(fig, canvas)
    assert numpy.array_equal(plain, first)
    assert numpy.array_equal(plain, again)
    assert laid_out == ["glyphs"]  # only the mathtext label; every plain text copied


def test_a_renderer_without_what_the_cache_needs_draws_as_before() -> None:
    class Bare:
        _renderer = object()

    assert not cache_text(Bare())
