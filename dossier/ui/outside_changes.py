"""Showing what other processes wrote: a `dossier import-…` in a terminal, a second window.

Every POLL_MS the window asks its store for SQLite's data_version, which moves
whenever another connection commits to the file (never for the window's own
writes, which already refresh what they touched). When it has moved, the window
reloads its dossier list, tables and counts. A store file replaced or removed on
disk is said once in the status bar (writes to it are refused by the store).
Nothing is asked while a task uses the store's connection (the question would
wait for the task), while the store is closed or locked, or while a modal dialog
is open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from dossier.store.errors import StoreError
from dossier.ui.i18n import tr

POLL_MS = 1000


class OutsideChanges(QObject):
    """Polls the window's store for commits made elsewhere and refreshes the window."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self._store: Any = None
        self._version: int | None = None
        self._warned = False
        self.refreshes = 0  # how many outside changes were shown (for tests and figures)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        window.store_changed.connect(self._store_changed)
        self._store_changed(window.store)
        self.timer.start()

    def _version_of(self, store: Any) -> int | None:
        from dossier.store.connection import db_errors

        # db_errors() only once something was raised: it imports the encrypted driver
        # (~6 ms), which a plain store never needs, and this runs at every start-up.
        try:
            return store.outside_version()
        except Exception as exc:
            if isinstance(exc, (StoreError, *db_errors())):
                return None
            raise

    @Slot(object)
    def _store_changed(self, store: Any) -> None:
        self._store = store
        self._warned = False
        self._version = self._version_of(store) if store is not None else None

    @Slot()
    def poll(self) -> bool:
        """Refresh the window if another process committed since the last look."""
        from dossier.ui.tasks import any_running

        store = self.window.store
        if store is None or store is not self._store or store.path is None:
            return False
        if any_running() or QApplication.activeModalWidget() is not None:
            return False
        if store.file_replaced():
            if not self._warned:  # said once: the status bar is not a nag
                self._warned = True
                self.window.status(
                    tr(
                        "The store file was replaced or removed on disk: this window "
                        "shows the old one and saves nothing more. Open the store again."
                    ),
                    120_000,
                )
            return False
        version = self._version_of(store)
        if version is None or version == self._version:
            return False
        self._version = version
        self.window.refresh()
        self.refreshes += 1
        return True


def install(window: Any) -> OutsideChanges:
    return OutsideChanges(window)
