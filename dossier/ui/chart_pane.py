"""The trade chart on screen: dossier.charts draws it, a Qt canvas shows it.

matplotlib is imported the first time a chart is drawn (when the Trade tab is
first shown), never at start-up.
"""

from __future__ import annotations

import functools
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from dossier.ui.i18n import tr


class ChartPane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.layout_ = QVBoxLayout()
        outer.addLayout(self.layout_, 1)
        self.placeholder = QLabel(tr("The chart appears here."))
        self.layout_.addWidget(self.placeholder)
        # The partner's trade with the world and third countries: context beside the
        # chart, never bars in it.
        self.context = QLabel()
        self.context.setTextFormat(Qt.TextFormat.RichText)
        self.context.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.context.setWordWrap(True)
        self.context.setMinimumWidth(250)
        self.context.hide()
        outer.addWidget(self.context)
        self.canvas: Any = None
        self.figure: Any = None
        self.draws = 0  # how many times the chart was rebuilt (tests watch this)
        self._shown: Any = None  # what the chart on screen shows (see show_figures)
        self.setMinimumHeight(220)

    def show_trade(
        self,
        trade: Any,
        lang: str,
        *,
        growth: list[Any] | None = None,
        sources: dict[int, str] | None = None,
        partners: list[Any] | None = None,
        country: str | None = None,
    ) -> None:
        """Rebuild the chart for the dossier's own trade (`dossier.bilateral.Bilateral`)
        and the context table of the country's main partners."""
        self._context(partners or [], country, lang)
        self.show_figures(trade, lang, growth=growth, sources=sources)

    def _context(self, partners: list[Any], country: str | None, lang: str) -> None:
        from dossier.charts import compact
        from dossier.countries import country_name

        if not partners or not country:
            self.context.clear()
            self.context.hide()
            return
        name = country_name(country, lang)
        heads = [tr("Partner"), tr("Year"), tr("Exports"), tr("Imports"), tr("Turnover")]
        rows = []
        for p in partners:
            partner = country_name(p.partner, lang)
            # "the world" is a name in a sentence; first in a row it takes a capital.
            cells = [partner[:1].upper() + partner[1:], str(p.year)] + [
                compact(v, lang) if v is not None else "—"
                for v in (p.exports, p.imports, p.turnover)
            ]
            # A number and its scale ("34.1 bn") never wrap apart.
            cells = cells[:1] + [html.escape(c).replace(" ", "&nbsp;") for c in cells[1:]]
            rows.append(
                f"<td>{html.escape(cells[0])}</td>" + "".join(f"<td>{c}</td>" for c in cells[1:])
            )
        title = tr("%s’s main partners") % name
        caption = tr("Flows of %s, %s; latest year each") % (name, partners[0].currency)
        self.context.setText(
            f"<b>{html.escape(title)}</b><br><small>{html.escape(caption)}</small>"
            "<table cellspacing='0' cellpadding='2'><tr>"
            + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in heads)
            + "</tr>"
            + "".join(f"<tr>{r}</tr>" for r in rows)
            + "</table>"
        )
        self.context.show()

    def show_figures(
        self,
        figures: Any,
        lang: str,
        *,
        growth: list[Any] | None = None,
        sources: dict[int, str] | None = None,
    ) -> None:
        """Rebuild the chart for these trade figures (or a `Bilateral`), unless the chart
        on screen already shows exactly that."""
        from dossier.chart_data import trade_chart_data
        from dossier.charts import trade_chart

        # dossier.charts before matplotlib's backend: importing it points matplotlib
        # at the app's cache folder.
        if isinstance(figures, list):
            figures = list(figures)
        # The tab asks again after every change to the dossier's figures (an edited
        # note, another pair's import, a language switch back): building and drawing
        # the same chart again was ~90 ms on the largest dossier (issue 16).
        shown = (trade_chart_data(figures, lang, growth=growth, sources=sources), lang)
        if self.canvas is not None and shown == self._shown:
            return
        self._shown = shown
        self.figure = trade_chart(figures, lang, growth=growth, sources=sources)
        if self.canvas is None:
            self.placeholder.hide()
            self.canvas = _canvas_class()(self.figure)
            self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.layout_.addWidget(self.canvas)
        else:
            self.canvas.figure = self.figure
            self.figure.set_canvas(self.canvas)
            self._fit()
        self.canvas.draw_idle()
        self.draws += 1

    def forget(self) -> None:
        """Build the next chart asked for even if it is the one shown (benchmarks)."""
        self._shown = None

    def _fit(self) -> None:
        # A new Figure has its own size; give it the canvas's so nothing is clipped.
        dpi = self.figure.dpi
        w, h = self.canvas.width(), self.canvas.height()
        if w > 10 and h > 10:
            ratio = self.canvas.devicePixelRatioF() or 1.0
            self.figure.set_size_inches(w * ratio / dpi, h * ratio / dpi, forward=False)


@functools.cache
def _canvas_class() -> Any:
    """matplotlib's Qt canvas, drawing text without FreeType's hinting.

    Hinting each glyph to the pixel grid was a fifth of every draw of the trade chart
    (~15 ms of ~75 on the largest dossier, issue 16); the screen's text keeps its
    shapes and sizes, only its sub-pixel placement differs. Screen only: the brief's
    image is drawn with matplotlib's defaults."""
    from matplotlib import rcParams
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class Canvas(FigureCanvasQTAgg):
        def draw(self) -> None:
            before = rcParams["text.hinting"]
            rcParams["text.hinting"] = "no_hinting"
            try:
                super().draw()
            finally:
                rcParams["text.hinting"] = before

    return Canvas
