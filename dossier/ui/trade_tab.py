"""The Trade tab: the figures' table above; below, the dossier's own trade (the pair
seen from one side) as a chart, and the partner's other trade as a small context
table beside it. Both are redrawn on every change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from dossier.model import TRADE
from dossier.ui.chart_pane import ChartPane
from dossier.ui.entity_tab import EntityTab
from dossier.ui.i18n import tr


class TradeTab(EntityTab):
    def __init__(self, lang: str, parent: QWidget | None = None):
        self.chart: ChartPane | None = None
        self._chart_stale = True
        self._chart_timer = QTimer(singleShot=True, interval=0)
        super().__init__(TRADE, lang, parent)
        self._chart_timer.setParent(self)
        self._chart_timer.timeout.connect(self._redraw_if_stale)

    def value_filters(self, store: Any, dossier_id: int) -> dict[str, Any]:
        """The partner pairs of the dossier's figures, as a quick filter (issue 21)."""
        pairs = sorted({(r or "", p or "") for r, p in store.trade.pairs(dossier_id)})
        options = [(f"{r}–{p}", {"reporter": r, "partner": p}) for r, p in pairs if r or p]
        return {"pair": (tr("Pair"), options if len(options) > 1 else [])}

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.body_layout.removeWidget(self.view)
        self.splitter.addWidget(self.view)
        self.chart = ChartPane()
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # The table's size hint is all its rows: without sizes of its own the chart was
        # squeezed to its minimum. Proportions: Qt scales them to the space there is.
        self.splitter.setSizes([450, 400])
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
        """Chart the dossier's own trade (whatever the table's order and filter): the
        store sums it per period in SQL, so the chart costs the same for ten figures
        or a hundred thousand."""
        from dossier.bilateral import main_partners, point_of_view, seen_from
        from dossier.chart_data import CAPTION_SOURCES

        model = self.model
        if self.chart is None:
            return
        store, did = model.store, model.dossier_id
        if store is None or did is None:
            self.chart.show_figures([], self.lang)
            self._chart_stale = False
            return
        dossier = store.dossiers.get(did)
        view, other = point_of_view(dossier)
        rows = store.trade.pair_sums(did, view, other)
        trade = seen_from(rows, view, other)
        sources = {}
        for n, source_id in enumerate(trade.sources()[:CAPTION_SOURCES], 1):
            title = store.sources.get(source_id).title
            sources[source_id] = f"[{n}] {title if len(title) <= 50 else title[:49] + '…'}"
        partners = main_partners(
            store.trade.partner_sums(did, dossier.code, dossier.home_code), dossier.code
        )
        self.chart.show_trade(
            trade,
            self.lang,
            growth=store.trade.of_ids(did, rows.growth_ids),
            sources=sources,
            partners=partners,
            country=dossier.code,
        )
        self._chart_stale = False
