"""The measurements, each run in its own process by run.py: one JSON line on stdout.

    python benchmarks/probes.py table STORE [--smallest] [--repeat N]
    python benchmarks/probes.py search STORE [--repeat N]

Times are milliseconds from time.perf_counter. The runner reads the process's
peak RSS from the kernel (os.wait4), so each probe loads only what it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# What a user types into the table's filter box and the search panel. Common
# words hit tens of thousands of records in the full store; rare ones a handful.
FILTER_WORDS = {"official": "министр", "trade": "нефтепродукты"}  # common in each tab
COMMON_QUERIES = [
    "министр",
    "посол",
    "товарооборот",
    "экспорт",
    "делегация",
    "переговоры",
    "сотрудничества",
    "энергетики",
    "Баку",
    "Минск",
    "соглашений",
    "тракторы",
    "удобрения",
    "президент",
    "Aliyev",
    "trade",
    "delegation",
    "million",
    "Алиев",
    "Иванова",
    "комиссия",
    "поставки",
    "министр экономики",
    "посол Баку",
    "экспорт нефтепродукты",
]
SCROLL_STEP = 200  # rows the scroll bar moves per step when dragged to the end
RARE_PEOPLE = ["Ёлкин", "Щербакова", "Öztürk", "Пацкевич", "Yılmaz"]


def search_queries(seed: int, count: int = 50) -> list[str]:
    """Half common words, half rare ones (invented words found in a few sources only)."""
    from benchmarks.generate import rare_words

    rare = rare_words(seed)
    step = max(1, len(rare) // (count - len(COMMON_QUERIES) - len(RARE_PEOPLE)))
    picked = RARE_PEOPLE + rare[::step]
    return (COMMON_QUERIES + picked)[:count]


def peak_rss_mb() -> float | None:
    """This process's peak RSS (VmHWM). Not ru_maxrss: that also counts the parent's
    memory at fork time, so a child of a big runner would look big."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def largest_dossier(store: Any, table: str = "officials", smallest: bool = False) -> int:
    order = "ASC" if smallest else "DESC"
    return store.db.execute(
        f"SELECT dossier_id FROM [{table}] GROUP BY dossier_id ORDER BY count(*) {order}, "
        "dossier_id LIMIT 1"
    ).fetchone()[0]


def table_probe(
    store_path: Path, entity: str, smallest: bool, repeat: int, scroll_limit_s: float
) -> dict[str, Any]:
    """Open a dossier's tab in the real widget (offscreen): first paint, scroll, sort, filter."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from dossier.model import ENTITIES
    from dossier.store import open_store
    from dossier.ui.entity_tab import EntityTab

    app = QApplication.instance() or QApplication([])
    spec = ENTITIES[entity]
    start = time.perf_counter()
    store = open_store(store_path, create=False)
    opened = _ms(start)
    dossier_id = largest_dossier(store, spec.table, smallest)
    tab = EntityTab(spec, "ru")
    tab.resize(1200, 800)
    tab.show()
    app.processEvents()
    stalls: list[tuple[float, str]] = []

    def step(action: Callable[[], None], what: str) -> float:
        """Time from the action to its result painted. The stall is the longest of the
        pieces the event loop runs one at a time (the action's slot, the events it
        posts, the paint): between them a running app handles input."""
        start = time.perf_counter()
        action()
        acted = _ms(start)
        mark = time.perf_counter()
        app.processEvents()
        events = _ms(mark)
        mark = time.perf_counter()
        tab.view.viewport().repaint()  # paint now, synchronously, as the user sees it
        painted = _ms(mark)
        stalls.append((max(acted, events, painted), what))
        return _ms(start)

    # A running app has painted tables before (fonts, styles, first queries): show
    # another dossier first, then time opening this one, a few times.
    other = store.db.execute(
        f"SELECT dossier_id FROM [{spec.table}] WHERE dossier_id != ? "
        "GROUP BY dossier_id ORDER BY count(*), dossier_id LIMIT 1",
        [dossier_id],
    ).fetchone()
    firsts = []
    for _ in range(3):
        tab.set_store(store, other[0] if other else None)
        app.processEvents()
        firsts.append(step(lambda: tab.set_store(store, dossier_id), "open"))
    first = statistics.median(firsts)
    rows = tab.model.total
    chart = trade_chart_probe(app, store, dossier_id) if entity == "trade" else {}

    # Scroll to the end the way a user dragging the scroll bar down does: the bar
    # moves SCROLL_STEP rows at a time and the table paints each position (the rows
    # are all counted up front; the view reads the pages it shows).
    bar = tab.view.verticalScrollBar()
    steps = -(-rows // SCROLL_STEP)
    scroll_start, done = time.perf_counter(), 0
    while bar.value() < bar.maximum() and time.perf_counter() - scroll_start < scroll_limit_s:
        done += 1
        to = min(bar.maximum(), round(bar.maximum() * done / steps))
        step(lambda to=to: bar.setValue(to), f"scroll step {done}")
    scrolled = _ms(scroll_start)
    complete = bar.value() >= bar.maximum()

    columns = [c.name for c in tab.model.columns]
    sort_col = columns.index(spec.title_field) if spec.title_field in columns else 0
    sorts, filters = [], []
    for n in range(repeat):
        sorts.append(
            step(
                lambda n=n: tab.view.sortByColumn(sort_col, qt_order(descending=n % 2 == 1)), "sort"
            )
        )
    tab.view.sortByColumn(-1, qt_order(False))
    for n in range(repeat):
        word = FILTER_WORDS.get(entity, "министр")
        word = word if n % 2 == 0 else word[:-1]  # a real change each time
        filters.append(
            step(lambda word=word: (tab.filter_edit.setText(word), tab.apply_filter()), "filter")
        )
    found = tab.model.total
    return {
        "dossier_id": dossier_id,
        "rows": rows,
        "open_ms": opened,
        "first_paint_ms": first,
        "scroll_ms": scrolled,
        "scroll_steps": done,
        "scroll_step_rows": SCROLL_STEP,
        "scroll_complete": complete,
        "kept_rows": tab.model.kept_rows,
        "sort_ms": statistics.median(sorts),
        "sort_column": columns[sort_col],
        "filter_word": FILTER_WORDS.get(entity, "министр"),
        "filter_ms": statistics.median(filters),
        "filter_found": found,
        **chart,
        "longest_stall_ms": max(stalls)[0],
        "longest_stall": max(stalls)[1],
        "peak_rss_mb": peak_rss_mb(),
    }


def trade_chart_probe(app: Any, store: Any, dossier_id: int) -> dict[str, Any]:
    """The trade tab's chart drawn for the dossier (pair sums in SQL, then matplotlib),
    against the previous way: the latest 60 figures read as records and charted."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from dossier.charts import trade_chart
    from dossier.ui.trade_tab import TradeTab

    tab = TradeTab("ru")
    tab.resize(1200, 800)
    tab.set_store(store, dossier_id)
    tab.show()
    app.processEvents()
    now, before = [], []
    for _ in range(3):
        start = time.perf_counter()
        tab.redraw_chart()
        tab.chart.canvas.draw()
        now.append(_ms(start))
        start = time.perf_counter()
        figures = store.trade.list(dossier_id, order_by="period_start", descending=True, limit=60)
        FigureCanvasAgg(trade_chart(figures[::-1], "ru")).draw()
        before.append(_ms(start))
    pairs = store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT reporter, partner FROM trade_figures "
        "WHERE dossier_id = ?)",
        [dossier_id],
    ).fetchone()[0]
    tab.close()
    return {
        "chart_ms": statistics.median(now),
        "chart_before_ms": statistics.median(before),
        "chart_pairs": pairs,
    }


def qt_order(descending: bool) -> Any:
    from PySide6.QtCore import Qt

    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder


def search_probe(store_path: Path, seed: int, repeat: int) -> dict[str, Any]:
    """50 queries through Store.search, and the same words as a bare FTS lookup (the floor)."""
    from dossier.store import open_store
    from dossier.store.search import fts_query

    store = open_store(store_path, create=False)
    queries = search_queries(seed)
    timed, floor, hits, cpu = [], [], [], []
    for query in queries:
        runs, bare, used = [], [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            found = store.search(query)
            runs.append(_ms(start))
            used.append((time.process_time() - start_cpu) * 1000)
            start = time.perf_counter()
            store.db.execute(
                "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 50",
                [fts_query(query)],
            ).fetchall()
            bare.append(_ms(start))
        timed.append(statistics.median(runs))
        cpu.append(statistics.median(used))
        floor.append(statistics.median(bare))
        hits.append(len(found))
    return {
        "queries": len(queries),
        "p50_ms": percentile(timed, 50),
        "p95_ms": percentile(timed, 95),
        "floor_p50_ms": percentile(floor, 50),
        "floor_p95_ms": percentile(floor, 95),
        "cpu_p95_ms": percentile(cpu, 95),
        "slowest": sorted(zip(timed, queries, strict=True), reverse=True)[:3],
        "empty": sum(1 for h in hits if h == 0),
    }


def pick_dossier(store: Any, which: str) -> Any:
    """The largest dossier (most officials), or a middling one whose brief runs to tens of pages."""
    if which == "largest":
        return store.dossiers.get(largest_dossier(store))
    ranked = store.db.execute(
        "SELECT dossier_id, abs(count(*) - 120) FROM officials GROUP BY dossier_id "
        "ORDER BY 2, dossier_id LIMIT 1"
    ).fetchone()
    return store.dossiers.get(ranked[0])


def pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def pdf_words(pdf: bytes) -> int | None:
    """Words a reader gets from the PDF: the check that both briefs set the same text."""
    try:
        from io import BytesIO

        from pypdf import PdfReader
    except ImportError:
        return None
    # Dot leaders of the contents ('. . . .') are not words.
    return sum(
        1
        for page in PdfReader(BytesIO(pdf)).pages
        for word in (page.extract_text() or "").split()
        if word.strip(".")
    )


def brief_probe(store_path: Path, which: str) -> dict[str, Any]:
    """Export the dossier's brief with default options, as the GUI and CLI do."""
    from dossier.brief import BriefOptions, build_brief
    from dossier.store import open_store

    store = open_store(store_path, create=False)
    dossier = pick_dossier(store, which)
    start = time.perf_counter()
    pdf = build_brief(store, dossier, BriefOptions(lang="ru"))
    took = _ms(start)
    return {
        "ms": took,
        "pages": pdf_pages(pdf),
        "words": pdf_words(pdf),
        "bytes": len(pdf),
        "dossier_id": dossier.id,
        "peak_rss_mb": peak_rss_mb(),
    }


def brief_baseline_probe(store_path: Path, which: str) -> dict[str, Any]:
    """Plain reportlab setting the brief's text and tables (benchmarks/brief_plain.py):
    the same records, choices, fonts and pages, and the same matplotlib chart."""
    import datetime as dt

    from benchmarks.brief_plain import build, chart_png
    from dossier.store import open_store

    store = open_store(store_path, create=False)
    dossier = pick_dossier(store, which)
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm

    start = time.perf_counter()
    # The chart is content, not layout: a plain script draws it too (the same
    # matplotlib figure as the brief's), so its drawing is timed in both.
    chart = chart_png(store, dossier.id, A4[0] - 4 * cm)
    pdf = build(store, dossier.id, chart, dt.date.today())
    took = _ms(start)
    return {"ms": took, "pages": pdf_pages(pdf), "words": pdf_words(pdf), "bytes": len(pdf)}


def import_probe(csv: Path, target: Path) -> dict[str, Any]:
    """The app's trade import of every row of the file into one dossier (read, plan, store)."""
    from dossier.ingest.tables import read_table, records_of
    from dossier.ingest.trade_import import Options, guess_mapping, plan_records, store_plan
    from dossier.model import DOSSIER
    from dossier.store import open_store

    store = open_store(target)
    dossier = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    start = time.perf_counter()
    records = records_of(read_table(csv))
    # TRADHIST names each row's pair; its currency is said, as a user says it.
    opts = Options(unit="1", currency="USD")
    plan = plan_records(records, guess_mapping(records.header), dossier.id, opts)
    result = store_plan(store, plan, dossier.id, "TRADHIST")
    took = _ms(start)
    store.close()
    return {
        "ms": took,
        "rows": len(records.rows) if hasattr(records, "rows") else len(plan.figures),
        "planned": len(plan.figures),
        "added": result.added,
    }


def undo_probe(target: Path) -> dict[str, Any]:
    """The undo of the store's last operation (an import_probe's import) in a process
    of its own, as `dossier undo` does it: the log read from the store."""
    from dossier.store import open_store

    store = open_store(target)
    start = time.perf_counter()
    undone = store.undo()
    took = _ms(start)
    store.close()
    return {"ms": took, "records": undone.count()}


def capture_probe(repeat: int, load_only: bool = False) -> dict[str, Any]:
    """Capture a 3,000-character text (the seed article, repeated): the first call
    loads the language model, later ones do not. With load_only, just load the
    model: the floor the first capture cannot beat."""
    from dossier.ingest.capture.pipeline import capture
    from dossier.paths import resource

    if load_only:
        from dossier.ingest.capture import nlp as capture_nlp

        start = time.perf_counter()
        capture_nlp.pipeline()
        return {"load_ms": _ms(start), "peak_rss_mb": peak_rss_mb()}
    text = resource("samples", "article_baku_visit_ru.txt").read_text(encoding="utf-8")
    text = (text * (3000 // len(text) + 1))[:3000]
    start = time.perf_counter()
    capture(text, published_on="2013-11-20")
    first = _ms(start)
    later = []
    for _ in range(repeat):
        start = time.perf_counter()
        capture(text, published_on="2013-11-20")
        later.append(_ms(start))
    return {"first_ms": first, "later_ms": statistics.median(later), "peak_rss_mb": peak_rss_mb()}


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 50 values is the 48th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One benchmark measurement, as JSON.")
    sub = parser.add_subparsers(dest="probe", required=True)
    table = sub.add_parser("table")
    table.add_argument("store", type=Path)
    table.add_argument("--entity", default="official")
    table.add_argument("--smallest", action="store_true")
    table.add_argument("--repeat", type=int, default=5)
    table.add_argument("--scroll-limit", type=float, default=60.0)
    search = sub.add_parser("search")
    search.add_argument("store", type=Path)
    search.add_argument("--seed", type=int, default=8)
    search.add_argument("--repeat", type=int, default=3)
    for name in ("brief", "brief-baseline"):
        brief = sub.add_parser(name)
        brief.add_argument("store", type=Path)
        brief.add_argument("--dossier", choices=["largest", "middling"], default="largest")
    imp = sub.add_parser("import")
    imp.add_argument("csv", type=Path)
    imp.add_argument("target", type=Path)
    undo = sub.add_parser("undo")
    undo.add_argument("target", type=Path)
    cap = sub.add_parser("capture")
    cap.add_argument("--repeat", type=int, default=3)
    cap.add_argument("--load-only", action="store_true")
    args = parser.parse_args(argv)
    if args.probe == "table":
        out = table_probe(args.store, args.entity, args.smallest, args.repeat, args.scroll_limit)
    elif args.probe == "search":
        out = search_probe(args.store, args.seed, args.repeat)
    elif args.probe == "brief":
        out = brief_probe(args.store, args.dossier)
    elif args.probe == "brief-baseline":
        out = brief_baseline_probe(args.store, args.dossier)
    elif args.probe == "import":
        out = import_probe(args.csv, args.target)
    elif args.probe == "undo":
        out = undo_probe(args.target)
    else:
        out = capture_probe(args.repeat, args.load_only)
    print(json.dumps(out, ensure_ascii=False), flush=True)
    # Leave without interpreter teardown: the figures are out, and PySide6 can
    # crash while garbage-collecting widgets at exit (a known shutdown-order bug).
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
