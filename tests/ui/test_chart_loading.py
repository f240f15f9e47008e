"""The trade tab opened the first time: the table is painted at once and matplotlib is
imported on a worker thread, the chart drawn when it is (issue 16: importing it on the
GUI thread froze the window for over a second)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

# Run in a fresh process: what the GUI thread imports is what sys.modules shows.
SCRIPT = """
import sys, threading
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView

seen = []

class Imports:
    # A finder that finds nothing: it notes which thread first asks for a module.
    def find_spec(self, name, path=None, target=None):
        if name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_qtagg",
                    "dossier.charts"):
            main = threading.current_thread() is threading.main_thread()
            seen.append(f"import {name} on the {'GUI' if main else 'worker'} thread")
        return None

sys.meta_path.insert(0, Imports())

class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched.parent(), QTableView):
            if type(watched.parent().parent()).__name__ != "QSplitter":
                return False  # not the trade tab's table
            if not any(s.startswith("table painted") for s in seen):
                seen.append(f"table painted, matplotlib loaded: {'matplotlib' in sys.modules}")
        return False

app = QApplication([])
paints = Paints()
app.installEventFilter(paints)
from dossier.store import open_store
from dossier.ui.app import make_window
w = make_window(open_store(STORE), 'en')
w.show(); app.processEvents()
w.show_tab(1)
tab = w.trade_tab
for _ in range(100):
    app.processEvents()
    if tab.chart.loading:
        break
seen.append(f"placeholder: {tab.chart.placeholder.text()} {tab.chart.placeholder.isVisible()}")
tries = 0
while tab.chart.draws == 0 and tries < 600:  # a bound, not a time limit
    threading.Event().wait(0.05)
    app.processEvents()
    tries += 1
seen.append(f"chart drawn {tab.chart.draws}, placeholder shown {tab.chart.placeholder.isVisible()}")
print("\\n".join(seen))
"""


def test_the_table_paints_first_and_matplotlib_loads_on_a_worker(store_file: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("STORE", repr(str(store_file)))],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    assert out[0] == "table painted, matplotlib loaded: False"
    assert "placeholder: Drawing the chart… True" in out
    assert {line for line in out if line.startswith("import")} == {
        "import dossier.charts on the worker thread",
        "import matplotlib on the worker thread",
        "import matplotlib.figure on the worker thread",
        "import matplotlib.backends.backend_qtagg on the worker thread",
    }
    assert out[-1] == "chart drawn 1, placeholder shown False"


def test_screenshots_and_scripts_can_wait_for_the_chart(store_file: Path) -> None:
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from dossier.store import open_store\n"
        "from dossier.ui.app import make_window\n"
        "from dossier.ui.chart_pane import wait_for_chart_modules\n"
        f"w = make_window(open_store({str(store_file)!r}), 'en')\n"
        "w.show(); app.processEvents()\n"
        "w.show_tab(1); app.processEvents(); app.processEvents()\n"
        "print('loading', w.trade_tab.chart.loading)\n"
        "print('waited', wait_for_chart_modules())\n"
        "app.processEvents()\n"
        "print('drawn', w.trade_tab.chart.draws, w.trade_tab.chart.loading)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    ).stdout.splitlines()
    assert out == ["loading True", "waited True", "drawn 1 False"]
