"""The open-backup never starts on a store that is being closed.

Closing a store (switching, locking, quitting) first makes a close-backup behind a
progress dialog, which turns the event loop. The open-backup's timer, still pending
from when the store was opened, used to fire then: it saw the window still showing
the store and started a backup on a worker thread, and the store was closed under
it (a segfault in the session-lock tests).
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from dossier.store import open_store

pytestmark = pytest.mark.gui


def _window_with_spied_backups(qtbot: Any, store_file: Any, monkeypatch: Any, delay_ms: int) -> Any:
    """A window on `store_file` whose open-backup is due in `delay_ms`; the stores
    a backup was started on are listed in `keeper.started` instead of backed up."""
    from dossier.ui import backups, i18n
    from dossier.ui.main_window import MainWindow

    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", delay_ms)
    started: list[Any] = []
    monkeypatch.setattr(
        backups.BackupKeeper, "start_backup", lambda self, store: started.append(store)
    )
    i18n.install("en")
    window = MainWindow(open_store(store_file), "en")
    qtbot.addWidget(window)
    keeper = backups.install(window)
    keeper.started = started
    return window, keeper


def test_no_open_backup_starts_while_the_store_closes(qtbot: Any, store_file, monkeypatch) -> None:
    from dossier.store import backup

    monkeypatch.setattr(backup, "needs_backup", lambda _store: True)

    def slow_close_backup(store: Any, progress: Any) -> None:
        time.sleep(0.8)  # on the worker thread: the open-backup's timer falls due meanwhile

    monkeypatch.setattr(backup, "backup_on_close", slow_close_backup)
    # The open-backup is due in 100 ms.
    window, keeper = _window_with_spied_backups(qtbot, store_file, monkeypatch, 100)
    window.set_store(None)  # the close-backup takes 800 ms
    qtbot.wait(300)  # and the open-backup's timer has long fired
    assert keeper.started == []
    assert window.store is None
    keeper._release()
    window.close()


def test_the_open_backup_still_starts_on_an_open_store(qtbot: Any, store_file, monkeypatch) -> None:
    window, keeper = _window_with_spied_backups(qtbot, store_file, monkeypatch, 50)
    store = window.store
    qtbot.waitUntil(lambda: keeper.started == [store], timeout=5_000)
    keeper._release()
    window.close()
    store.close()
