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


def test_no_open_backup_starts_while_the_store_closes(qtbot: Any, store_file, monkeypatch) -> None:
    from dossier.ui import backups, i18n
    from dossier.ui.main_window import MainWindow

    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 100)
    monkeypatch.setattr(backups, "needs_backup", lambda _store: True)

    def slow_close_backup(store: Any, progress: Any) -> None:
        time.sleep(0.8)  # on the worker thread: the open-backup's timer falls due meanwhile

    monkeypatch.setattr(backups, "backup_on_close", slow_close_backup)
    started: list[Any] = []
    monkeypatch.setattr(
        backups.BackupKeeper, "start_backup", lambda self, store: started.append(store)
    )
    i18n.install("en")
    store = open_store(store_file)
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    keeper = backups.install(window)  # the open-backup is due in 100 ms
    window.set_store(None)  # the close-backup takes 800 ms
    qtbot.wait(300)  # and the open-backup's timer has long fired
    assert started == []
    assert window.store is None
    keeper._release()
    window.close()


def test_the_open_backup_still_starts_on_an_open_store(qtbot: Any, store_file, monkeypatch) -> None:
    from dossier.ui import backups, i18n
    from dossier.ui.main_window import MainWindow

    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 50)
    started: list[Any] = []
    monkeypatch.setattr(
        backups.BackupKeeper, "start_backup", lambda self, store: started.append(store)
    )
    i18n.install("en")
    store = open_store(store_file)
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    keeper = backups.install(window)
    qtbot.waitUntil(lambda: started == [store], timeout=5_000)
    keeper._release()
    window.close()
    store.close()
