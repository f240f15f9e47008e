"""The trade chart on screen: dossier.charts draws it, a Qt canvas shows it.

matplotlib is imported when the Trade tab first asks for a chart, never at start-up,
and on a worker thread: importing it (with numpy and the chart code) took 1.1-1.6 s,
during which the window did not respond (issue 16). Meanwhile the tab's table is
shown and the chart's place says it is being drawn.
"""

from __future__ import annotations

import functools
import html
import logging
import sys
import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from dossier.ui.i18n import tr

log = logging.getLogger(__name__)
_imported = threading.Event()  # set once the chart modules have been imported
_loading: list[Any] = []  # the Task importing them, while it runs


def _import_chart_modules(_reporter: Any = None) -> None:
    """Everything drawing a chart on screen imports (on the worker thread). No Qt
    object is made here: the canvas is made on the GUI thread when the chart is."""
    # dossier.charts first: it points matplotlib at the app's cache folder.
    import dossier.charts  # noqa: I001
    import matplotlib.collections
    import matplotlib.figure
    import matplotlib.legend
    import matplotlib.patches  # noqa: F401
    from matplotlib.backends import backend_qtagg  # noqa: F401

    dossier.charts._register_fonts()  # reads the font files
    _imported.set()


def wait_for_chart_modules(timeout: float | None = 60.0) -> bool:
    """Block until the chart modules being imported are, and the charts waiting for
    them are built (then drawn at the next turn of the event loop): for screenshots
    and scripts that must show a chart at once, never for the window. True if done."""
    return not _loading or _loading[0].wait(timeout)


def chart_modules_imported() -> bool:
    """True when a chart can be drawn without importing matplotlib first: imported by
    the worker, or by something else that drew with matplotlib (the brief, a benchmark:
    then what is left of it is a fraction, imported when the chart is drawn)."""
    if _imported.is_set():
        return True
    agg = sys.modules.get("matplotlib.backends.backend_agg")
    return agg is not None and not getattr(agg.__spec__, "_initializing", False)


class ChartPane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.layout_ = QVBoxLayout()
        outer.addLayout(self.layout_, 1)
        self.placeholder = QLabel(tr("The chart appears here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self._waiting: tuple[Any, ...] | None = None  # a chart asked for while importing
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
        from dossier.chart_data import compact  # not dossier.charts: see show_figures
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
        on screen already shows exactly that. The first time, the chart modules are
        imported on a worker thread and the chart is drawn when they are."""
        if isinstance(figures, list):
            figures = list(figures)
        if not chart_modules_imported():
            # Nothing of dossier.charts or matplotlib here: while the worker imports
            # them, this thread would wait for the module it is halfway through.
            asked = self._waiting is not None
            self._waiting = (figures, lang, growth, sources)  # the latest is drawn
            if not asked:
                self.placeholder.setText(tr("Drawing the chart…"))
                self._start_import()
            return
        self._waiting = None
        from dossier.chart_data import trade_chart_data
        from dossier.charts import trade_chart

        # The tab asks again after every change to the dossier's figures (an edited
        # note, another pair's import, a language switch back): building and drawing
        # the same chart again was ~90 ms on the largest dossier (issue 16).
        data = trade_chart_data(figures, lang, growth=growth, sources=sources)
        shown = (data, lang)
        if self.canvas is not None and shown == self._shown:
            return
        self._shown = shown
        # Drawn again in the canvas's own Figure: a new one made its axes and ticks
        # anew every time (issue 16); the Figure keeps the canvas's size.
        self.figure = trade_chart(figures, lang, data=data, into=self.figure)
        if self.canvas is None:
            self.placeholder.hide()
            self.canvas = _canvas_class()(self.figure)
            self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.layout_.addWidget(self.canvas)
        self.canvas.draw_idle()
        self.draws += 1

    @property
    def loading(self) -> bool:
        """A chart was asked for and waits for the chart modules."""
        return self._waiting is not None

    def _start_import(self) -> None:
        """Import the chart modules on a worker (once), then draw what was asked for."""
        from dossier.ui.tasks import Task

        if not _loading:
            task = Task(_import_chart_modules, "chart")
            _loading.append(task)

            def ended() -> None:
                _loading.clear()
                task.deleteLater()

            def failed(error: BaseException) -> None:
                # Drawn anyway, importing on this thread (which then shows the error).
                log.error("importing the chart modules failed: %r", error)
                _imported.set()

            task.failed.connect(failed)
            task.ended.connect(ended)
            task.start()
        # Every pane waiting draws its chart when the import ends (a pane deleted
        # meanwhile is disconnected by Qt).
        _loading[0].ended.connect(self._draw_waiting)

    def _draw_waiting(self) -> None:
        if self._waiting is not None:
            figures, lang, growth, sources = self._waiting
            self.show_figures(figures, lang, growth=growth, sources=sources)

    def forget(self) -> None:
        """Build the next chart asked for even if it is the one shown (benchmarks)."""
        self._shown = None


@functools.cache
def _canvas_class() -> Any:
    """matplotlib's Qt canvas, drawing text without FreeType's hinting.

    Hinting each glyph to the pixel grid was a fifth of every draw of the trade chart
    (~15 ms of ~75 on the largest dossier, issue 16); the screen's text keeps its
    shapes and sizes, only its sub-pixel placement differs. Screen only: the brief's
    image is drawn with matplotlib's defaults."""
    from matplotlib import rcParams
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from dossier.chart_text import TextCache, cache_text

    class Canvas(FigureCanvasQTAgg):
        def get_renderer(self) -> Any:
            # Texts drawn again at the same places are copied, not laid out and
            # rasterised again: half of each redraw (dossier.chart_text).
            renderer = super().get_renderer()
            if not hasattr(self, "texts"):
                self.texts: TextCache = {}
            # The canvas's: a resize makes a new renderer, and back to a size drawn
            # before (a chart of another size shown meanwhile) finds its texts.
            cache_text(renderer, self.texts)
            return renderer

        def draw(self) -> None:
            before = rcParams["text.hinting"]
            rcParams["text.hinting"] = "no_hinting"
            try:
                super().draw()
            finally:
                rcParams["text.hinting"] = before

    return Canvas
