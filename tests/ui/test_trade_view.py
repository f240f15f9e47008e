"""The Trade tab says whose trade each number is: the dossier's pair in the chart,
the partner's other trade in a context table beside it."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.charts import drawn_bars
from dossier.model import TRADE
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _add(window: MainWindow, reporter: str, partner: str, flow: str, billions: float) -> None:
    dossier = window.current_dossier()
    window.store.trade.add(
        TRADE.make(
            {
                "reporter": reporter,
                "partner": partner,
                "period_start": "2023",
                "period_end": "2023",
                "flow": flow,
                "amount": billions,
                "currency": "USD",
                "unit_scale": "1000000000",
            },
            dossier_id=dossier.id,
        )
    )


def test_the_chart_is_the_dossiers_pair_and_other_pairs_are_context(
    qtbot: Any, window: MainWindow
) -> None:
    _add(window, "AZ", "world", "export", 47.3)  # the Factbook's total
    _add(window, "AZ", "DE", "export", 2.76)  # TRADHIST
    tab = window.trade_tab
    window.show_tab(1)
    tab.reload()
    qtbot.waitUntil(lambda: tab.chart.draws >= 1 and not tab._chart_stale)
    figure = tab.chart.figure
    heights = sorted(round(b.height, 1) for b in drawn_bars(figure))
    assert heights == [216.0, 223.3]  # Belarus–Azerbaijan only: no 47.3 bn bar
    titles = [t.get_text() for t in figure.texts]
    assert "Belarus – Azerbaijan trade, as Belarus's flows, USD million" in titles
    assert "• Turnover ×6, 2006–2012" in titles  # the pair's growth, read in the same pass
    context = tab.chart.context.text().replace("&nbsp;", " ")
    assert tab.chart.context.isVisibleTo(tab)
    assert "Azerbaijan’s main partners" in context
    assert "The world" in context  # first in its row
    assert "47.3 bn" in context
    assert "Germany" in context
    assert "2.76 bn" in context
