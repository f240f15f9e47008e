"""The longest event-loop stall while the app's long operations run (issue 8).

Drives the real dialogs offscreen, as a user would, and keeps a 10 ms timer
ticking on the GUI thread: a tick that comes late means the event loop was
blocked (nothing repainted, no click answered) for that long. The figure per
operation is the worst lateness seen from the moment the user starts it until
its result is on screen, with the step it happened in.

    python benchmarks/stalls.py STORE [--csv TRADHIST.csv] [--only import,brief,capture,backup,panels]

STORE is the synthetic ministry store (benchmarks/generate.py); the brief is of
its middling dossier, the backup of the whole file (written to backups/ beside
it, and deleted afterwards). The panels (issue 21) are those of a dossier of
30,000 officials made for the run: the quick filters, the text filter, sorting
from the row menu, the row menu itself, the dossier list shut and opened, the
search panel, the user manual and the duplicate finder. The import reads the TRADHIST file (one partner pair
planned and stored, as a user would) when given, and always a generated table of
140,000 figures, whose write is the long part. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TICK_MS = 10
GENERATED_ROWS = 70_000  # days, each with an exports and an imports figure


class StallMeter:
    """A precise 10 ms timer on the GUI thread; records how late its ticks come."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.step = ""
        self.last = 0.0
        self.worst = 0.0
        self.worst_step = ""

    def start(self, step: str) -> None:
        self.step = step
        self.last = time.perf_counter()
        self.worst, self.worst_step = 0.0, step
        self.timer.start()

    def at(self, step: str) -> None:
        self._tick()  # a stall just before counts for the step that caused it
        self.step = step

    def _tick(self) -> None:
        now = time.perf_counter()
        late = (now - self.last) * 1000 - TICK_MS
        if late > self.worst:
            self.worst, self.worst_step = late, self.step
        self.last = now

    def stop(self) -> dict[str, Any]:
        self._tick()
        self.timer.stop()
        return {"stall_ms": round(max(self.worst, 0.0), 1), "during": self.worst_step}


def wait_for(signal: Any, timeout_s: float = 300, done: Callable[[], bool] | None = None) -> None:
    """Run the event loop until `signal` fires (or `done()` is already true)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done is not None and done():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()


def settle(*widgets: Any) -> None:
    """Let new windows paint for the first time (that is opening them, not the
    operation), and collect what the previous operation left: each starts from a
    settled app, as after a while of ordinary use."""
    import gc

    from PySide6.QtTest import QTest

    for widget in widgets:
        QTest.qWaitForWindowExposed(widget)
    QTest.qWait(300)
    gc.collect()


def generated_csv(folder: Path, rows: int = GENERATED_ROWS) -> Path:
    """A trade table of daily exports and imports: every row a new figure."""
    import datetime as dt

    path = folder / "daily_trade.csv"
    day = dt.date(1830, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("date;exports;imports\n")
        for n in range(rows):
            fh.write(f"{day + dt.timedelta(days=n)};{1000 + n % 977}.5;{2000 + n % 613}.25\n")
    return path


def _window(store: Any) -> Any:
    from dossier.ui import i18n
    from dossier.ui.main_window import MainWindow

    i18n.install("en")
    window = MainWindow(store, "en")
    window.resize(1200, 780)
    window.show()
    return window


def import_stalls(csv: Path | None, tmp: Path) -> dict[str, Any]:
    """Trade import through the dialog: read the file, plan, write, show."""
    from dossier.model import DOSSIER
    from dossier.store import open_store
    from dossier.ui.trade_import_dialog import TradeImportDialog

    out: dict[str, Any] = {}
    files = [("generated", generated_csv(tmp))]
    if csv is not None and csv.exists():
        files.insert(0, ("tradhist", csv))
    for name, path in files:
        store = open_store(tmp / f"{name}.db")
        store.dossiers.add(DOSSIER.make({"code": "XX", "name": "Benchmark"}))
        window = _window(store)
        dialog = TradeImportDialog(window, window)
        dialog.show()
        settle(window, dialog)
        meter = StallMeter()
        start = time.perf_counter()
        meter.start("read the file")
        if not dialog.load(path):
            raise RuntimeError(f"{path.name}: {dialog.message.text()}")
        meter.at("choose the mapping")
        for column, combo in dialog.partner_combos.items():
            # The partner pair with the most rows (a user picks one pair).
            values = [combo.itemData(i) for i in range(1, combo.count())]
            wanted = "AZE" if "AZE" in values else values[0]
            if "origin" in column and "DEU" in values:
                wanted = "DEU"
            combo.setCurrentIndex(combo.findData(wanted))
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("1"))
        dialog.store_unit_combo.setCurrentIndex(dialog.store_unit_combo.findData("1"))
        # Said by the user when the file does not say it (TRADHIST's columns do).
        dialog.currency_edit.setText("USD")
        dialog.reporter_edit.setText("BY")
        dialog.partner_edit.setText("AZ")
        meter.at("plan (preview)")
        dialog.make_plan()
        wait_for(dialog.planned)
        if dialog.plan is None:
            raise RuntimeError(f"{path.name}: {dialog.message.text()}")
        figures = len(dialog.plan.figures)
        dialog.unit_confirm.setChecked(True)
        meter.at("write and show")
        result = dialog.do_import()
        if result is None:
            raise RuntimeError(f"{path.name}: {dialog.message.text()}")
        out[name] = {
            **meter.stop(),
            "ms": round((time.perf_counter() - start) * 1000),
            "figures": figures,
            "rows": len(dialog.records.rows),
        }
        dialog.close()
        window.close()
        window.deleteLater()
        store.close()
    return out


PANEL_OFFICIALS = 30_000


PANEL_TRADE = 6_000  # figures over 4 partner pairs, every flow and kind
PANEL_POINTS = 1_200  # talking points, for 40 officials of the dossier


def officials_store(path: Path, count: int = PANEL_OFFICIALS) -> Any:
    """A store with one dossier of `count` officials, a fifth of them no longer in post,
    and some trade figures and talking points (for the trade and points filters); a
    few officials entered twice, in Latin and Cyrillic script (the duplicate finder)."""
    from dossier.choices import FLOWS, POINT_KINDS, TRADE_KINDS
    from dossier.model import DOSSIER, OFFICIAL, TALKING_POINT, TRADE
    from dossier.store import open_store

    store = open_store(path)
    dossier = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    ids = store.officials.add_many(
        OFFICIAL.record(
            dossier_id=dossier.id,
            name=f"Официальное Лицо {n:05d}",
            name_latin=f"Official Person {n:05d}",
            position=f"Заместитель министра {n % 97}",
            organisation=f"Министерство {n % 23}",
            side="host" if n % 3 else "home",
            status="former" if n % 5 == 0 else "current",
        )
        for n in range(count)
    )
    store.officials.add_many(  # the same people again, written in Latin script
        OFFICIAL.record(dossier_id=dossier.id, name=f"Official Person {n:05d}", status="current")
        for n in range(0, count, 1000)
    )
    pairs = [("BY", "AZ"), ("AZ", "BY"), ("BY", "RU"), ("AZ", "TR")]
    store.trade.add_many(
        TRADE.record(
            dossier_id=dossier.id,
            period_start=f"{1990 + n // 200 % 35}-{n % 12 + 1:02d}",
            period_end=f"{1990 + n // 200 % 35}-{n % 12 + 1:02d}",
            reporter=pairs[n % 4][0],
            partner=pairs[n % 4][1],
            flow=FLOWS[n // 4 % 3].value,  # turnover, exports, imports
            amount=float(100 + n % 911),
            currency="USD",
            unit_scale="1000000",
            kind=TRADE_KINDS[n // 12 % len(TRADE_KINDS)].value,
        )
        for n in range(PANEL_TRADE)
    )
    store.talking_points.add_many(
        TALKING_POINT.record(
            dossier_id=dossier.id,
            kind=POINT_KINDS[n // 40 % len(POINT_KINDS)].value,
            topic=f"Тема {n % 31}",
            text=f"Тезис номер {n}: о сотрудничестве в отрасли {n % 17}.",
            audience_id=ids[n % 40 * (len(ids) // 40)],
            position=n,
        )
        for n in range(PANEL_POINTS)
    )
    return store


def panel_stalls(tmp: Path) -> dict[str, Any]:
    """The window's panels and filters over 30,000 officials, step by step as a user
    works through them; the worst stall of each step."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    store = officials_store(tmp / "officials.db")
    window = _window(store)
    settle(window)
    tabs: dict[str, Any] = {"tab": window.tabs.show("official")}
    out: dict[str, Any] = {"officials": store.officials.count(store.dossiers.list()[0].id)}

    def step(name: str, action: Callable[[], Any], wait_ms: int = 400) -> None:
        meter = StallMeter()
        start = time.perf_counter()
        meter.start(name)
        action()
        QTest.qWait(wait_ms)  # the debounced filters and the repaint that follows
        result = meter.stop()
        out[name] = {**result, "ms": round((time.perf_counter() - start) * 1000)}
        out[name]["rows shown"] = tabs["tab"].model.rowCount()

    tab = tabs["tab"]
    step("quick filter: current only", lambda: tab.quick_filters.choose("status", "current"))
    step("quick filter: host side", lambda: tab.quick_filters.choose("side", "host"))
    step("text filter: typed", lambda: QTest.keyClicks(tab.filter_edit, "Person 12"))
    step("filters cleared", lambda: (tab.filter_edit.clear(), tab.quick_filters.clear()))
    step("sort by name, descending", lambda: tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder))
    step("scroll to the end", lambda: tab.view.scrollToBottom())
    step("row menu", lambda: tab.show_row_menu(QPoint(10, 10)).close())
    header = tab.view.horizontalHeader()
    step(
        "column chooser: opened",
        lambda: header.customContextMenuRequested.emit(QPoint(10, 5)),
    )
    chooser = tab.columns.menu
    column = chooser.actions()[1]  # the second column: hidden, then shown again
    step("column chooser: a column hidden", lambda: column.setChecked(False))
    step("column chooser: shown again", lambda: column.setChecked(True))
    chooser.close()
    step(
        "history dialog (row menu > History)",
        lambda: window.show_history(tab.current_record() or tab.model.record(0)),
    )
    if window.history_dialog is not None:
        window.history_dialog.close()
    step(
        "dossier list shut and opened",
        lambda: (window.toggle_dossier_list(), window.toggle_dossier_list()),
    )
    step("search panel: opened", window.show_search)
    step("search panel: query", lambda: window.search_panel.start("Official Person 2999"), 800)
    step("user manual (F1)", lambda: window.commands.manual.trigger(), 600)
    from dossier.ui.duplicates import DuplicatesDialog

    found: list[Any] = []
    step("duplicate finder (on a worker)", lambda: found.append(DuplicatesDialog(window)))
    out["duplicate finder (on a worker)"]["pairs"] = len(found[0].pairs)
    found[0].close()
    for widget in window.findChildren(QWidget):  # the help window, if one opened
        if widget.objectName() == "help_window":
            widget.close()

    # Talking points: the tab's first opening reads the points and the names of
    # their audience among the 30,000 officials.
    step("points tab: first open", lambda: tabs.update(tab=window.tabs.show("talking_point")))
    points = tabs["tab"]
    step("points filter: kind", lambda: points.set_kind("key_message"))
    audience = points.quick_filters.combos["audience"]
    step("points filter: audience", lambda: audience.setCurrentIndex(1))
    step("points filters cleared", lambda: (points.set_kind(None), points.quick_filters.clear()))

    # Trade: the first opening builds the chart (matplotlib; issue 16's, not timed
    # here), then the filters over the dossier's figures.
    tabs["tab"] = window.tabs.show("trade")
    settle(window)
    QTest.qWait(1500)
    trade = tabs["tab"]
    pair = trade.quick_filters.combos["pair"]
    step("trade filter: pair", lambda: pair.setCurrentIndex(1))
    step("trade filter: flow", lambda: trade.quick_filters.choose("flow", "export"))
    step("trade filter: kind", lambda: trade.quick_filters.choose("kind", "actual"))
    step("trade filters cleared", trade.quick_filters.clear)
    window.close()
    store.close()
    return out


def brief_stalls(store_path: Path, tmp: Path) -> dict[str, Any]:
    """Brief export of the middling dossier: open, preview, change an option, save."""
    from PySide6.QtWidgets import QFileDialog

    from benchmarks.probes import pick_dossier
    from dossier.store import open_store
    from dossier.ui import brief_dialog

    store = open_store(store_path, create=False)
    dossier = pick_dossier(store, "middling")
    target = tmp / "brief.pdf"
    QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
        lambda *_a, **_k: (str(target), "PDF files (*.pdf)")
    )
    settle()
    meter = StallMeter()
    start = time.perf_counter()
    meter.start("open the dialog")
    dialog = brief_dialog.BriefDialog(store, dossier, "ru")
    dialog.show()
    from PySide6.QtTest import QTest

    QTest.qWaitForWindowExposed(dialog)  # its first paint, while the build has begun
    meter.at("build the preview")
    wait_for(dialog.preview_ready)
    meter.at("change an option, rebuild")
    dialog.form.section_checks["sources"].setChecked(False)
    wait_for(dialog.preview_ready)
    meter.at("save as PDF")
    saved = dialog.save()
    result = {
        **meter.stop(),
        "ms": round((time.perf_counter() - start) * 1000),
        "pages": dialog.document.pageCount(),
        "saved": saved is not None,
    }
    dialog.close()
    store.close()
    return result


def capture_stalls() -> dict[str, Any]:
    """Capture of the seed article: analyse (first loads the model), again, accept."""
    from dossier.paths import resource
    from dossier.store import memory_store
    from dossier.store.sample import load_sample
    from dossier.ui.capture_dialog import CaptureDialog

    store = memory_store()
    load_sample(store)
    window = _window(store)
    text = resource("samples", "article_baku_visit_ru.txt").read_text(encoding="utf-8")
    dialog = CaptureDialog(window, window)
    dialog.show()
    dialog.text_edit.setPlainText(text)
    dialog.date_edit.setText("2013-11")
    settle(window, dialog)
    out: dict[str, Any] = {}
    for name in ("first", "following"):
        meter = StallMeter()
        start = time.perf_counter()
        meter.start("analyse" + (" (loads the language model)" if name == "first" else ""))
        dialog.analyse()
        wait_for(dialog.analysed)
        if name == "following":
            meter.at("accept the checked candidates")
            dialog.accept_checked()
        result = meter.stop()
        out[name] = {**result, "ms": round((time.perf_counter() - start) * 1000)}
    window.close()
    store.close()
    return out


def backup_stalls(store_path: Path) -> dict[str, Any]:
    """The backup after opening the big store, in the background, the user working on."""
    from dossier.store import open_store
    from dossier.store.backup import backup_dir
    from dossier.ui import backups

    folder = backup_dir(store_path)
    _remove_dead_leftovers(folder)
    before = set(folder.iterdir()) if folder.exists() else set()
    store = open_store(store_path, create=False)
    window = _window(store)
    backups.OPEN_BACKUP_DELAY_MS = 10**8  # measured below, not at its usual moment
    keeper = backups.install(window)
    settle(window)
    from PySide6.QtCore import QTimer

    # Meanwhile the user reads: a small query on the GUI thread every 100 ms.
    dossier_id = store.dossiers.list()[0].id
    reader = QTimer()
    reader.timeout.connect(lambda: store.officials.count(dossier_id))
    reader.start(100)
    meter = StallMeter()
    start = time.perf_counter()
    meter.start("backup in the background")
    try:
        task = keeper.start_backup(store)
        wait_for(task.ended, timeout_s=900, done=lambda: not task.running)
        result = {
            **meter.stop(),
            "ms": round((time.perf_counter() - start) * 1000),
            "state": task.state,
            "mb": round(store_path.stat().st_size / 2**20),
        }
        if task.state == "failed":
            raise RuntimeError(str(task.error))
    finally:
        reader.stop()
        keeper._release()
        window.close()
        store.close()
        if folder.exists():  # the benchmark's own backups only
            for made in set(folder.iterdir()) - before:
                made.unlink(missing_ok=True)
            if not any(folder.iterdir()):
                folder.rmdir()
    return result


def _remove_dead_leftovers(folder: Path) -> None:
    """Half-written copies of a probe that was killed (…backup-<thread>.<pid>.part):
    680 MB each, and nothing else would remove them."""
    import re

    if not folder.exists():
        return
    for path in folder.iterdir():
        m = re.search(r"\.backup-\d+\.(\d+)\.part(-journal)?$", path.name)
        if m is None:
            continue
        try:
            os.kill(int(m[1]), 0)  # still running: not ours to touch
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except PermissionError:
            pass


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, nargs="?", help="not needed for --only panels")
    parser.add_argument("--csv", type=Path, default=None)
    parser.add_argument("--only", default="import,brief,capture,backup,panels")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # matplotlib's font list is built once per installation (a second or more of C
    # calls holding the GIL): not what a user meets on every brief, so built first.
    import subprocess

    # (dossier.charts first: it points matplotlib at the app's own cache folder.)
    subprocess.run(
        [sys.executable, "-c", "import dossier.charts, matplotlib.font_manager"], check=False
    )
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if "import" in wanted:
            out["import"] = import_stalls(args.csv, tmp)
        if "brief" in wanted:
            out["brief"] = brief_stalls(args.store, tmp)
        if "capture" in wanted:
            out["capture"] = capture_stalls()
        if "backup" in wanted:
            out["backup"] = backup_stalls(args.store)
        if "panels" in wanted:
            out["panels"] = panel_stalls(tmp)
    app.processEvents()
    print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
