"""Issue 15, item 8: a save from the window runs through the one background runner.

A command writing beside the window holds the store's write lock; the window's save
waits for it (up to the busy timeout). On the GUI thread that wait froze the window:
no repaint, no timer. Now the window stays live and the save lands once the lock is
free. The lock is held by a second process, as the CLI would hold it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from dossier.model import Official
from dossier.store import open_store
from dossier.ui import i18n
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_the_window_stays_live_while_its_save_waits_for_another_process(
    qtbot: Any, store_file: Path
) -> None:
    i18n.install("en")
    store = open_store(store_file)
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dossier = store.dossiers.list()[0]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store_file), "1.5"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        ticks: list[int] = []
        timer = QTimer(interval=50)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        saved = window.ops.add(Official(dossier_id=dossier.id, name="Ждёт очереди"))
        timer.stop()
    finally:
        holder.wait(10)
        holder.stdout.close()
        window.close()
    # The window's event loop ran through the wait (the lock was held ~1.5 s) ...
    assert len(ticks) >= 10
    # ... and the official was saved once the other process let go.
    assert saved is not None
    assert "Ждёт очереди" in [o.name for o in store.officials.list(dossier.id)]
    store.close()
