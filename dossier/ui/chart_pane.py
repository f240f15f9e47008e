"""The trade chart on screen: dossier.charts draws it, a Qt canvas shows it.

matplotlib is imported the first time a chart is drawn (when the Trade tab is
first shown), never at start-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from dossier.ui.i18n import tr


class ChartPane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(tr("The chart appears here."))
        self.layout_.addWidget(self.placeholder)
        self.canvas: Any = None
        self.figure: Any = None
        self.draws = 0  # how many times the chart was rebuilt (tests watch this)
        self.setMinimumHeight(220)

    def show_figures(self, figures: list[Any], lang: str) -> None:
        """Rebuild the chart for these trade figures."""
        from dossier.charts import trade_chart

        # dossier.charts before matplotlib's backend: importing it points matplotlib
        # at the app's cache folder.
        self.figure = trade_chart(list(figures), lang)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        if self.canvas is None:
            self.placeholder.hide()
            self.canvas = FigureCanvasQTAgg(self.figure)
            self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.layout_.addWidget(self.canvas)
        else:
            self.canvas.figure = self.figure
            self.figure.set_canvas(self.canvas)
            self._fit()
        self.canvas.draw_idle()
        self.draws += 1

    def _fit(self) -> None:
        # A new Figure has its own size; give it the canvas's so nothing is clipped.
        dpi = self.figure.dpi
        w, h = self.canvas.width(), self.canvas.height()
        if w > 10 and h > 10:
            ratio = self.canvas.devicePixelRatioF() or 1.0
            self.figure.set_size_inches(w * ratio / dpi, h * ratio / dpi, forward=False)
