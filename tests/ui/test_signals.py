"""SIGTERM, SIGHUP and SIGINT close the window as Quit does, with its backup."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.store import open_store
from dossier.store.backup import list_backups

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# The window as `dossier gui` runs it; once shown, it adds an official (a change
# the close-time backup must keep) and says it is ready.
WINDOW = """
import sys
from PySide6.QtCore import QTimer
from dossier.cli import main
from dossier.model import OFFICIAL
from dossier.ui import app as ui_app

made = ui_app.make_window

def make_window(store, lang, **kwargs):
    window = made(store, lang, **kwargs)
    def change():
        import threading
        # A child that does not get there must not hang the test run.
        watchdog = threading.Timer(60, lambda: __import__("os")._exit(3))
        watchdog.daemon = True
        watchdog.start()
        dossier = store.find_dossier("AZ")
        store.officials.add(OFFICIAL.make({"name": "Signal Test", "side": "host", "status": "current"}, dossier_id=dossier.id))
        print("ready", flush=True)
    QTimer.singleShot(200, change)
    return window

ui_app.make_window = make_window
sys.exit(main(["--store", sys.argv[1], "gui"]))
"""


def _names(path: Path) -> set[str]:
    store = open_store(path, create=False)
    try:
        return {o.name for o in store.officials.list(store.find_dossier("AZ").id)}
    finally:
        store.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_closes_the_window_with_its_backup(store_file: Path, signum: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(store_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert window.stdout is not None
        ready = window.stdout.readline().strip()
        if ready != "ready":
            window.kill()
            pytest.fail(window.communicate()[1])
        window.send_signal(signum)
        _, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 0, err
    assert "Traceback" not in err
    # The close-time backup holds the change made in the window.
    newest = list_backups(store_file)[0]
    assert "Signal Test" in _names(newest.path)
    assert "Signal Test" in _names(store_file)
