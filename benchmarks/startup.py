"""Cold start to a shown main window: `dossier gui --smoke` vs a bare PySide6 window.

Each run is a fresh process (imports, fonts, store, window) on the sample dossier;
the child prints the moment its window is on screen and we subtract the moment we
started it. Prints the medians and their ratio (the target is under 1.5x), and,
for reference, a minimal PySide6 window showing the same officials table. Then
the floor of issue 21: launch to exit of `gui --smoke` against the same first
screen built on QStandardItemModel (target at most 1.5x).

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1200, 780)
w.show()
app.processEvents()
print(f"shown {time.time():.6f}")
"""

# The least a PySide6 window showing the same first screen must do: menus, a list,
# five tabs and the officials read from the store with sqlite3 into a Python table
# model (as any real table over data needs). A second reference, to tell the cost
# of Qt and Python from the cost of the app's own code.
MINIMAL_TABLE = """
import sqlite3, sys, time
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (QApplication, QListWidget, QMainWindow, QSplitter,
                               QTableView, QTabWidget)

class Model(QAbstractTableModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
    def rowCount(self, parent=None):
        return len(self.rows)
    def columnCount(self, parent=None):
        return 4
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("Name", "Post", "Organisation", "Since")[section]
        return None

app = QApplication([])
db = sqlite3.connect(sys.argv[1])
w = QMainWindow()
for name in ("File", "Edit", "View", "Dossier", "Help"):
    w.menuBar().addMenu(name)
dossiers = QListWidget()
dossiers.addItems([f"{c} {n}" for c, n in db.execute("SELECT code, name FROM dossiers")])
tabs = QTabWidget()
table = QTableView()
table.setModel(Model(db.execute(
    "SELECT name, position, organisation, start_date FROM officials").fetchall()))
tabs.addTab(table, "Officials")
for name in ("Trade", "Projects", "Talking points", "Sources"):
    tabs.addTab(QTableView(), name)
split = QSplitter()
split.addWidget(dossiers)
split.addWidget(tabs)
w.setCentralWidget(split)
w.statusBar()
w.resize(1200, 780)
w.show()
app.processEvents()
print(f"shown {time.time():.6f}")
"""

# The floor of issue 21: the same first screen with Qt's own item model
# (QStandardItemModel: no Python method is called per cell), the officials read
# with sqlite3, a list, five tabs and a menu bar. Timed as a whole process, from
# launch to exit after the first paint, as `gui --smoke` is.
FLOOR = """
import sqlite3, sys, time
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QListWidget, QMainWindow, QSplitter,
                               QTableView, QTabWidget)

app = QApplication([])
db = sqlite3.connect(sys.argv[1])
w = QMainWindow()
for name in ("File", "Edit", "View", "Dossier", "Help"):
    w.menuBar().addMenu(name)
dossiers = QListWidget()
dossiers.addItems([f"{c} {n}" for c, n in db.execute("SELECT code, name FROM dossiers")])
model = QStandardItemModel()
model.setHorizontalHeaderLabels(["Name", "Post", "Organisation", "Since"])
for row in db.execute("SELECT name, position, organisation, start_date FROM officials"):
    model.appendRow([QStandardItem(v or "") for v in row])
tabs = QTabWidget()
table = QTableView()
table.setModel(model)
tabs.addTab(table, "Officials")
for name in ("Trade", "Projects", "Talking points", "Sources"):
    tabs.addTab(QTableView(), name)
split = QSplitter()
split.addWidget(dossiers)
split.addWidget(tabs)
w.setCentralWidget(split)
w.statusBar()
w.resize(1200, 780)
w.show()
app.processEvents()
print(f"shown {time.time():.6f}")
"""

APP = """
import sys
from dossier.cli import main
sys.exit(main(["--store", sys.argv[1], "gui", "--smoke", "--ui-lang", "en"]))
"""


def child_env(tmp: str) -> dict[str, str]:
    """A fresh user (HOME, config, data, cache) in `tmp`, offscreen, bytecode cached.
    No MPLCONFIGDIR: the app finds its own cache folder, as it does for a user."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        HOME=tmp,
        XDG_CONFIG_HOME=f"{tmp}/config",
        XDG_DATA_HOME=f"{tmp}/data",
        XDG_CACHE_HOME=f"{tmp}/cache",
        # An installed app starts from compiled bytecode; so do all runs here
        # (kept in the temp folder, not beside the sources).
        PYTHONPYCACHEPREFIX=f"{tmp}/pycache",
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("MPLCONFIGDIR", None)
    return env


def sample_store(tmp: str) -> Path:
    from dossier.store import open_store
    from dossier.store.sample import load_sample

    path = Path(tmp) / "sample.db"
    s = open_store(path)
    load_sample(s)
    s.close()
    return path


def shown_after(code: str, *args: str, env: dict[str, str]) -> float:
    """Seconds from starting the process to its `shown <time>` line."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    stamp = next(line for line in out.splitlines() if line.startswith("shown "))
    return float(stamp.split()[1]) - start


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def whole_process(
    code: str,
    *args: str,
    env: dict[str, str],
    cpu: list[float] | None = None,
    cwd: str | None = None,
) -> float:
    """Seconds from starting the process to its exit (imports, window, teardown).
    With `cpu`, also appends the CPU seconds the process used: on a machine shared
    with other work, wall time swings with the load; CPU time far less."""
    start, cpu_start = time.time(), _child_cpu()
    subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        env=env,
        check=True,
        timeout=120,
        cwd=cwd,  # `python -c` imports from its folder first: not a source tree's
    )
    if cpu is not None:
        cpu.append(_child_cpu() - cpu_start)
    return time.time() - start


def measure_floor(runs: int, against: str | None = None) -> dict[str, list[float]]:
    """Whole-process seconds for the floor window and for `gui --smoke`, in turns
    (and their CPU seconds, under "floor cpu" and "app cpu"). With `against`, the
    source tree of another version of the app (a checkout's root), its
    `gui --smoke` takes its turn too, under "other" and "other cpu"."""
    names = ["floor", "app"] + (["other"] if against else [])
    times: dict[str, list[float]] = {k: [] for n in names for k in (n, f"{n} cpu")}
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(tmp)
        store = str(sample_store(tmp))
        here = str(Path(__file__).resolve().parent.parent)
        envs = {
            "floor": env,
            "app": dict(env, PYTHONPATH=here, PYTHONPYCACHEPREFIX=f"{tmp}/pycache-app"),
            "other": dict(env, PYTHONPATH=against or "", PYTHONPYCACHEPREFIX=f"{tmp}/pycache-o"),
        }
        codes = {"floor": (FLOOR, store), "app": (APP, store), "other": (APP, store)}
        for name in names:  # the OS file cache and the bytecode caches
            whole_process(*codes[name], env=envs[name], cwd=tmp)
        for _ in range(runs):
            for name in names:
                times[name].append(
                    whole_process(*codes[name], env=envs[name], cpu=times[f"{name} cpu"], cwd=tmp)
                )
    return times


def measure(runs: int) -> dict[str, list[float]]:
    """Seconds to a shown window, per run, for the bare window, the minimal table
    window and the app; the three run in turn so machine load hits all alike."""
    times: dict[str, list[float]] = {"bare": [], "minimal": [], "app": []}
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(tmp)
        store = str(sample_store(tmp))
        codes = {"bare": (BARE,), "minimal": (MINIMAL_TABLE, store), "app": (APP, store)}
        for code in codes.values():  # the first run pays for the OS file cache
            shown_after(*code, env=env)
        for _ in range(runs):
            for name, code in codes.items():
                times[name].append(shown_after(*code, env=env))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--floor-only", action="store_true", help="only the launch-to-exit runs against the floor"
    )
    parser.add_argument(
        "--against",
        metavar="TREE",
        help="also time the app in another source tree (e.g. an exported older commit), in turns",
    )
    args = parser.parse_args()
    times = {} if args.floor_only else measure(args.runs)
    labels = {
        "bare": "bare PySide6 QMainWindow:",
        "minimal": "minimal table window:",
        "app": "dossier gui --smoke:",
    }
    for name, values in times.items():
        print(
            f"{labels[name]:27s} median {statistics.median(values) * 1000:.0f} ms "
            f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}) "
            f"over {args.runs} runs"
        )
    if times:
        app = statistics.median(times["app"])
        print(
            f"ratio to the bare window: {app / statistics.median(times['bare']):.2f}x "
            f"(target < 1.5x); to the minimal table window: "
            f"{app / statistics.median(times['minimal']):.2f}x"
        )
    whole = measure_floor(args.runs, args.against)
    for name, label in (
        ("floor", "floor window, launch to exit:"),
        ("app", "gui --smoke, launch to exit:"),
        ("other", "the other tree's, to exit:"),
    ):
        if name not in whole:
            continue
        values = whole[name]
        print(
            f"{label:27s} median {statistics.median(values) * 1000:.0f} ms "
            f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})"
        )
    print(
        f"ratio to the floor (QStandardItemModel) window, whole process: "
        f"{statistics.median(whole['app']) / statistics.median(whole['floor']):.2f}x "
        "(target <= 1.5x)"
    )
    floor_cpu, app_cpu = statistics.median(whole["floor cpu"]), statistics.median(whole["app cpu"])
    print(
        f"CPU time, launch to exit: floor {floor_cpu * 1000:.0f} ms, gui --smoke "
        f"{app_cpu * 1000:.0f} ms: {app_cpu / floor_cpu:.2f}x (steadier than wall time on a busy machine)"
    )
    if "other" in whole:
        other_cpu = statistics.median(whole["other cpu"])
        print(
            f"the other tree: {statistics.median(whole['other']) / statistics.median(whole['floor']):.2f}x "
            f"the floor in wall time; CPU {other_cpu * 1000:.0f} ms, {other_cpu / floor_cpu:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
