"""The trade tab's chart costs less to show (issue 16): its canvas draws text unhinted
(a fifth of every draw on the largest dossier) and leaves matplotlib's settings as they
were for the brief's image; a chart already on screen is not built again."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.charts import drawn_bars
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_tabs_chart_draws_text_unhinted_and_restores_the_setting(
    qtbot: Any, window: MainWindow
) -> None:
    from matplotlib import rcParams
    from matplotlib.backends.backend_agg import RendererAgg

    tab = window.trade_tab
    window.show_tab(1)
    tab.reload()
    qtbot.waitUntil(lambda: tab.chart.draws >= 1 and not tab._chart_stale)
    seen: list[str] = []
    # Where glyphs are rendered (draw_text calls it), as the canvas's text cache
    # (dossier.chart_text) is emptied: every text is rendered again.
    real = RendererAgg._draw_text_glyphs_and_boxes
    tab.chart.canvas.get_renderer()._dossier_text_cache.clear()

    def draw_glyphs(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(rcParams["text.hinting"])
        return real(self, *args, **kwargs)

    before = rcParams["text.hinting"]
    RendererAgg._draw_text_glyphs_and_boxes = draw_glyphs  # type: ignore[method-assign]
    try:
        tab.chart.canvas.draw()
    finally:
        RendererAgg._draw_text_glyphs_and_boxes = real  # type: ignore[method-assign]
    assert seen  # the title, ticks and notes were drawn
    assert set(seen) == {"no_hinting"}
    assert rcParams["text.hinting"] == before  # the brief's image keeps the defaults


def test_the_same_chart_asked_again_is_not_built_again(qtbot: Any, window: MainWindow) -> None:
    from dossier.model import TRADE

    tab = window.trade_tab
    window.show_tab(1)
    qtbot.waitUntil(lambda: tab.chart.draws >= 1 and not tab._chart_stale)
    drawn, figure = tab.chart.draws, tab.chart.figure
    dossier = window.current_dossier()

    def add(reporter: str, partner: str) -> None:
        window.store.trade.add(
            TRADE.make(
                {
                    "reporter": reporter,
                    "partner": partner,
                    "period_start": "2015",
                    "period_end": "2015",
                    "flow": "export",
                    "amount": 5.0,
                    "currency": "USD",
                    "unit_scale": "1000000",
                },
                dossier_id=dossier.id,
            )
        )
        tab.reload()
        qtbot.waitUntil(lambda: not tab._chart_stale)

    add("AZ", "DE")  # another pair: context, not the chart
    assert tab.chart.draws == drawn
    assert tab.chart.figure is figure  # the chart on screen is the one drawn before
    add("BY", "AZ")  # the dossier's own pair: a new bar, drawn
    assert tab.chart.draws == drawn + 1
    assert 5.0 in [round(b.height, 1) for b in drawn_bars(tab.chart.figure)]
    # Drawn again in the canvas's own Figure, not a new one (issue 16).
    assert tab.chart.figure is figure
    assert tab.chart.canvas.figure is figure


def test_the_tabs_canvas_copies_the_texts_it_drew_before(qtbot: Any, window: MainWindow) -> None:
    from dossier.chart_text import cache_text

    tab = window.trade_tab
    window.show_tab(1)
    qtbot.waitUntil(lambda: tab.chart.draws >= 1 and not tab._chart_stale)
    tab.chart.canvas.draw()
    renderer = tab.chart.canvas.get_renderer()
    cached = renderer._dossier_text_cache
    assert any("Belarus" in key[0] for key in cached)  # the title, among others
    assert cache_text(renderer)  # installed once
    # The canvas keeps it: a renderer made for another size finds it too.
    assert cached is tab.chart.canvas.texts
