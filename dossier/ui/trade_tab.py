"""The Trade tab: the figures' table above, their chart below (redrawn on every change)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from dossier.model import TRADE
from dossier.ui.chart_pane import ChartPane
from dossier.ui.entity_tab import EntityTab

# The chart shows the latest figures: beyond some twenty periods of three flows the
# bars are unreadable (and drawing thousands would stall the tab).
CHART_LIMIT = 60


class TradeTab(EntityTab):
    def __init__(self, lang: str, parent: QWidget | None = None):
        self.chart: ChartPane | None = None
        self._chart_stale = True
        self._chart_timer = QTimer(singleShot=True, interval=0)
        super().__init__(TRADE, lang, parent)
        self._chart_timer.setParent(self)
        self._chart_timer.timeout.connect(self._redraw_if_stale)

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.body_layout.removeWidget(self.view)
        self.splitter.addWidget(self.view)
        self.chart = ChartPane()
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.body_layout.addWidget(self.splitter, 1)

    # The chart shows the dossier's latest figures whatever the table's order or
    # filter: it is redrawn when the figures change, not on every sort or filter.
    # And it is drawn after the table has painted, in an event of its own: building
    # and drawing it is some 150 ms of matplotlib, which would otherwise hold up the
    # table's first paint every time a dossier is opened.
    def set_store(self, store: Any, dossier_id: int | None) -> None:
        super().set_store(store, dossier_id)
        self._chart_changed()

    def reload(self, select_id: int | None = None) -> None:
        super().reload(select_id)
        self._chart_changed()

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self._chart_changed()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._chart_stale:
            self._chart_timer.start()

    def _chart_changed(self) -> None:
        self._chart_stale = True
        if self.isVisible():
            self._chart_timer.start()

    def _redraw_if_stale(self) -> None:
        if self._chart_stale and self.isVisible():
            self.redraw_chart()

    def redraw_chart(self) -> None:
        """Chart the dossier's latest figures (whatever the table's order and filter)."""
        model = self.model
        if self.chart is None:
            return
        figures: list[Any] = []
        if model.store is not None and model.dossier_id is not None:
            figures = model.store.trade.list(
                model.dossier_id, order_by="period_start", descending=True, limit=CHART_LIMIT
            )[::-1]
        self.chart.show_figures(figures, self.lang)
        self._chart_stale = False
