"""The trade tab on the largest dossier (100,000 figures across 50 country pairs):
its first paint and its chart, against baselines measured in the same run (issue 16).

- chart: the tab's chart of the dossier's pair (`TradeTab.redraw_chart`: the pair
  summed in one SQL statement, one value per year and flow, drawn) built and painted
  in the tab's canvas, against the chart as it was before issue 16 (the latest 60
  figures read as records and charted by `benchmarks/chart_before.py`, commit
  6961d76's code) in the same canvas, given the canvas's size. The two alternate,
  so load hits both alike.
  Then the same chart asked for again with the figures unchanged (the tab keeps the
  chart it shows).
- first paint: the trade tab (`TradeTab`, chart included in the tab, drawn after
  the table in an event of its own) opened on the largest dossier, against the same
  tab on the smallest dossier; and the chart's own event, the longest piece the
  event loop then runs at once.

    python benchmarks/trade_chart.py [--size full|quick|tiny] [--store FILE] [--repeat 7]

The store is the one `benchmarks/run.py` uses (built and cached on first use).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import generate
from benchmarks.probes import largest_dossier

BEFORE_LIMIT = 60  # the figures the chart read before issue 16


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(store_path: Path, repeat: int, lang: str = "ru") -> dict[str, Any]:
    """Every figure of the table below, in one process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks import chart_before
    from dossier.store import open_store
    from dossier.ui.trade_tab import TradeTab

    app = QApplication.instance() or QApplication([])
    store = open_store(store_path, create=False)
    big = largest_dossier(store, "trade_figures")
    small = largest_dossier(store, "trade_figures", smallest=True)
    tab = TradeTab(lang)
    tab.resize(1200, 800)
    tab.set_store(store, small)
    tab.show()
    app.processEvents()

    def settle() -> None:
        """Run the posted events until the chart is drawn (the first time, after the
        chart modules are imported on a worker)."""
        app.processEvents()
        while (
            tab._chart_stale
            or tab.chart.loading
            or getattr(tab.chart.canvas, "_draw_pending", False)
        ):
            app.processEvents()

    def first_paint(dossier_id: int) -> tuple[float, float]:
        """The table painted after the dossier is set; then the chart's own event."""
        start = time.perf_counter()
        tab.set_store(store, dossier_id)
        tab.view.viewport().repaint()
        painted = _ms(start)
        start = time.perf_counter()
        settle()  # the chart's event: built, then drawn in the canvas's own
        return painted, _ms(start)

    paints: dict[int, list[tuple[float, float]]] = {big: [], small: []}
    for _ in range(repeat):
        for dossier_id in (small, big):
            paints[dossier_id].append(first_paint(dossier_id))

    canvas = tab.chart.canvas

    # Both as the tab shows a chart: draw_idle, then the canvas renders in an event.
    def now() -> None:
        tab.chart.forget()  # built and drawn, as after a change to the pair's figures
        tab.redraw_chart()
        settle()

    def again() -> None:
        # The tab asks again after a change elsewhere (a note edited, another pair
        # imported): the chart on screen is kept.
        tab.redraw_chart()
        settle()

    def before() -> None:
        # As the tab showed a chart before issue 16: a new Figure each time, given
        # the canvas's size (at its own 7 x 3.6 inches it would draw fewer pixels).
        figures = store.trade.list(
            big, order_by="period_start", descending=True, limit=BEFORE_LIMIT
        )[::-1]
        figure = chart_before.trade_chart(figures, lang)
        canvas.figure = figure
        figure.set_canvas(canvas)
        ratio = canvas.devicePixelRatioF() or 1.0
        figure.set_size_inches(
            canvas.width() * ratio / figure.dpi, canvas.height() * ratio / figure.dpi, forward=False
        )
        canvas.draw_idle()
        settle()

    def back() -> None:
        """The tab's own Figure back in its canvas, as it always is in the app (not
        timed: `now` would otherwise draw into a Figure of the old chart's)."""
        canvas.figure = tab.chart.figure
        tab.chart.figure.set_canvas(canvas)

    # Wall time, and the process's CPU time: on a machine shared with other work the
    # CPU time moves less (the ratio of either is what to compare).
    times: dict[str, list[float]] = {"now": [], "before": [], "again": []}
    cpu: dict[str, list[float]] = {"now": [], "before": [], "again": []}
    for _ in range(repeat):
        for name, call in (("before", before), ("now", now), ("again", again)):
            start, start_cpu = time.perf_counter(), time.process_time()
            call()
            times[name].append(_ms(start))
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            if name == "before":
                back()
    pairs = store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT reporter, partner FROM trade_figures "
        "WHERE dossier_id = ?)",
        [big],
    ).fetchone()[0]
    rows = {d: store.trade.count(d) for d in (big, small)}
    size = canvas.get_width_height(physical=True)
    tab.close()

    def med(values: list[float]) -> float:
        return statistics.median(values)

    return {
        "figures": rows[big],
        "small_figures": rows[small],
        "pairs": pairs,
        "canvas": size,
        "chart_ms": med(times["now"]),
        "chart_before_ms": med(times["before"]),
        "chart_runs": times,
        "chart_again_ms": med(times["again"]),
        "chart_cpu_ms": med(cpu["now"]),
        "chart_before_cpu_ms": med(cpu["before"]),
        "paint_ms": med([p for p, _c in paints[big]]),
        "paint_small_ms": med([p for p, _c in paints[small]]),
        "chart_event_ms": med([c for _p, c in paints[big]]),
        "chart_event_small_ms": med([c for _p, c in paints[small]]),
    }


def table(out: dict[str, Any], load: float) -> str:
    def row(what: str, value: float, base_name: str, base: float) -> str:
        return f"{what:<62} {value:8.1f} ms  {base_name:<44} {base:8.1f} ms  {value / base:5.2f}x"

    lines = [
        f"trade tab, largest dossier: {out['figures']:,} figures across {out['pairs']} pairs "
        f"(load average {load:.1f}); canvas {out['canvas'][0]} x {out['canvas'][1]} px",
        row(
            "chart of the dossier's pair, built and drawn",
            out["chart_ms"],
            f"before issue 16: latest {BEFORE_LIMIT} figures",
            out["chart_before_ms"],
        ),
        row(
            "  the same, CPU time of the process",
            out["chart_cpu_ms"],
            "",
            out["chart_before_cpu_ms"],
        ),
        row(
            "  asked again, the pair's figures unchanged (not rebuilt)",
            out["chart_again_ms"],
            "",
            out["chart_before_ms"],
        ),
        row(
            "first paint of the tab (table; chart in its own event)",
            out["paint_ms"],
            f"same, smallest dossier ({out['small_figures']:,} figures)",
            out["paint_small_ms"],
        ),
        row(
            "the chart's event after the first paint",
            out["chart_event_ms"],
            "same, smallest dossier",
            out["chart_event_small_ms"],
        ),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(generate.SIZES), default="full")
    parser.add_argument("--store", type=Path, help="a store to use instead of the cached one")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    path = args.store
    if path is None:
        progress: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr)  # noqa: E731
        path, _stats, _built = generate.cached_store(generate.SIZES[args.size], progress=progress)
    out = measure(path, args.repeat)
    print(table(out, os.getloadavg()[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
