"""The trade tab's canvas draws its text unhinted (a fifth of every draw of the chart
on a large dossier, issue 16), and leaves matplotlib's settings as they were for the
brief's image."""

from __future__ import annotations

from typing import Any

import pytest

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
    real = RendererAgg.draw_text

    def draw_text(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(rcParams["text.hinting"])
        return real(self, *args, **kwargs)

    before = rcParams["text.hinting"]
    RendererAgg.draw_text = draw_text  # type: ignore[method-assign]
    try:
        tab.chart.canvas.draw()
    finally:
        RendererAgg.draw_text = real  # type: ignore[method-assign]
    assert seen  # the title, ticks and notes were drawn
    assert set(seen) == {"no_hinting"}
    assert rcParams["text.hinting"] == before  # the brief's image keeps the defaults
