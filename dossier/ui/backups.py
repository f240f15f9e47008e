"""Backups in the app: one after opening a store and one before closing it, and
File > Restore from backup… listing them with dates and record counts. Also: a
notice when another Dossier window already has the store open.

The backups themselves (verified, rotated, encrypted like the store) are made by
dossier.store.backup; this module only decides when, and asks the user which.
They run on a worker thread (dossier.ui.tasks): the open-backup in the
background with a progress bar and Cancel in the status bar (a plain store is
copied through a connection of its own, so the user works on meanwhile), the
close-backup and a restore behind a progress dialog with Cancel. A cancelled
backup leaves no file; a cancelled restore leaves the store as it was.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from dossier.progress import Cancelled
from dossier.store import Store, StoreError
from dossier.ui.i18n import tr
from dossier.ui.task_progress import BACKUP_PANEL, run_modal, status_panel
from dossier.ui.tasks import Reporter, Task, busy, finish_all

if TYPE_CHECKING:
    from dossier.store.backup import BackupInfo

# Installed at every start, just after the first paint: the backup module itself
# (dossier.store.backup) loads when the first backup is due, the restore dialog's
# Qt classes when it is opened (~8 M instructions of each start together).

# The open-backup waits until the window is on screen and the user can work.
OPEN_BACKUP_DELAY_MS = 1500


class RestoreDialog(QDialog):
    """The backups of a store, newest first; `chosen` is the one picked."""

    def __init__(self, store_path: Path, parent: QWidget | None = None):
        from PySide6.QtWidgets import (
            QAbstractItemView,
            QDialogButtonBox,
            QLabel,
            QTableWidget,
            QTableWidgetItem,
            QVBoxLayout,
        )

        from dossier.store.backup import list_backups

        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(tr("Restore from backup"))
        self.backups: list[BackupInfo] = list_backups(store_path)
        self.chosen: BackupInfo | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Backups of %s, newest first. Restoring replaces the store; "
                "its current state is backed up first."
            )
            % store_path.name
            if self.backups
            else tr("There are no backups of %s yet.") % store_path.name
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setObjectName("backup_table")
        self.table.setHorizontalHeaderLabels([tr("Made"), tr("Records"), tr("Encrypted")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, info in enumerate(self.backups):
            cells = (
                f"{info.local_time:%Y-%m-%d %H:%M:%S}",
                str(info.records),
                tr("yes") if info.encrypted else tr("no"),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if col == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumWidth(420)
        if self.backups:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _i: self._choose())
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.backups[rows[0].row()]
        self.accept()


class BackupKeeper:
    """Makes the open and close backups of whatever store the window shows."""

    def __init__(self, window: Any):
        self.window = window
        self._lock: QLockFile | None = None
        self.task: Task | None = None  # the open-backup running in the background
        # The store the window shows and has not begun to close. The open-backup's
        # timer checks it: closing spins the event loop (the close-backup's progress
        # dialog), and a backup started then would read a store being closed.
        self._open_store: Any = None
        self.panel = status_panel(window, BACKUP_PANEL)  # made with the window (dossier.ui.app)
        self.panel.setToolTip(tr("Backing up the store"))
        # A backup before the old store is closed: the window says when.
        window.store_closing.connect(self._closing_store)
        window.store_changed.connect(self._opened)
        app = QApplication.instance()
        assert app is not None  # the window exists, so the application does
        app.aboutToQuit.connect(self.closing)
        if window.store is not None:
            self._opened(window.store)

    @Slot(object)
    def _closing_store(self, old: Any) -> None:
        self._open_store = None  # no open-backup starts on it from now on
        self._stop_background()
        self._backup_before_closing(old)
        self._stop_background()  # anything started while the close-backup ran
        self._release()

    def _stop_background(self) -> None:
        """Before the store closes: cancel the open-backup (its file is not kept) and
        whatever else is reading the store (a brief being built, a capture)."""
        finish_all()

    def _backup_before_closing(self, store: Any) -> None:
        from dossier.store.backup import backup_on_close, needs_backup

        if store.path is None or not needs_backup(store):
            return
        # Cancelled: the user chose not to wait; the backup made on opening remains.
        with contextlib.suppress(Cancelled):
            run_modal(
                self.window,
                tr("Backing up the store"),
                lambda progress: backup_on_close(store, progress),
                text=tr("Backing up %s before closing it…") % store.path.name,
            )

    def _opened(self, store: Any) -> None:
        if store is None or store.path is None:
            return
        self._open_store = store
        self._claim(store.path)
        QTimer.singleShot(OPEN_BACKUP_DELAY_MS, lambda s=store: self._backup_if_open(s))

    # -- one app per store -------------------------------------------------------------
    def _claim(self, path: Path) -> None:
        """Tell the user when another Dossier window already has this store open.

        SQLite keeps two writers from corrupting the file, but each window would
        not see the other's changes until refreshed, and a restore or a passphrase
        change in one would be refused while the other is open.
        """
        self._release()
        lock = QLockFile(str(path) + ".lock")
        lock.setStaleLockTime(0)  # only a live process holds it (a crashed one does not)
        from dossier.files import private_umask

        with private_umask():  # the lock file names this machine and process: 0600
            claimed = lock.tryLock(0)
        if claimed:
            self._lock = lock
            return
        info = lock.getLockInfo()  # PySide6: (pid, hostname, appname)
        if not (isinstance(info, tuple) and info and info[0]):
            # An empty or unreadable lock file: left by a process that died while
            # writing it. No live process holds it; without this, every start would
            # say "already open" for ever.
            lock.removeStaleLockFile()
            if lock.tryLock(0):
                self._lock = lock
                return
        pid, host = (
            (info[-3], info[-2]) if isinstance(info, tuple) and len(info) >= 3 else ("?", "?")
        )
        message = (
            tr(
                "This store is already open in another Dossier window (process %1 "
                "on %2). Changes made there are not shown here until you refresh "
                "(F5); a restore or a passphrase change needs the other window "
                "closed."
            )
            .replace("%1", str(pid))
            .replace("%2", host or "?")
        )
        self.window.status(message, 20_000)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("Store in use"),
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("store_in_use")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not modal to the app: nothing waits for it

    def _release(self) -> None:
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.unlock()
        self._lock = None

    def _backup_if_open(self, store: Any) -> None:
        # Switched, locked or closing meanwhile (window.store still names a store
        # while its close-backup runs).
        if self.window.store is not store or self._open_store is not store:
            return
        from dossier.store.connection import db_errors

        try:
            writing = busy() is not None or store.db.conn.in_transaction
        except db_errors():  # closed behind the window's back: nothing to back up
            return
        if writing:  # an import is writing: back up once it is done
            QTimer.singleShot(OPEN_BACKUP_DELAY_MS, lambda s=store: self._backup_if_open(s))
            return
        self.task = self.start_backup(store)

    def start_backup(self, store: Any) -> Task:
        """Back up `store` on a worker thread, the bar and Cancel in the status bar."""
        from dossier.store.backup import backup_on_open
        from dossier.store.crypto import is_encrypted_connection

        def job(progress: Reporter) -> Any:
            return backup_on_open(store, progress)

        # An encrypted store is copied through the app's own connection (the
        # passphrase is not kept to open another): no other write meanwhile.
        task = Task(
            job,
            tr("Backing up the store"),
            writes=is_encrypted_connection(store.db.conn),
            parent=self.panel,
        )
        return self.panel.follow(task).start()

    @Slot()
    def closing(self) -> None:
        self._open_store = None
        self._stop_background()
        if self.window.store is not None:
            self._backup_before_closing(self.window.store)
        self._release()

    @Slot()
    def restore(self) -> None:
        """File > Restore from backup…: choose one, put it in place, reopen the store."""
        from PySide6.QtWidgets import QMessageBox

        from dossier.store.backup import restore
        from dossier.store.crypto import is_encrypted
        from dossier.ui.passphrase_dialog import ask_backup_passphrase

        window = self.window
        store = window.store
        path = store.path if store is not None else None
        if path is None:
            window.status(tr("Open a store file first: the sample in memory has no backups."))
            return
        dialog = RestoreDialog(path, window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen = dialog.chosen
        passphrase = None
        if is_encrypted(chosen.path) or is_encrypted(path):
            # An encrypted store stays encrypted: a plain backup is encrypted with the
            # store's passphrase on the way in, so that one is asked for.
            asked = chosen.path if is_encrypted(chosen.path) else path
            passphrase = ask_backup_passphrase(asked, window)
            if passphrase is None:
                return
        window.set_store(None)  # closes (after a close-backup) before the file is replaced
        restored = False
        try:
            run_modal(
                window,
                tr("Restore from backup"),
                lambda progress: restore(path, chosen.path, passphrase, progress),
                text=tr("Restoring the backup from %s…") % f"{chosen.local_time:%Y-%m-%d %H:%M}",
            )
            restored = True
        except Cancelled:
            pass  # the store file was not replaced: reopen it as it was
        except (StoreError, OSError) as exc:
            QMessageBox.warning(window, tr("Restore from backup"), str(exc))
        from dossier.store.facade import open_store
        from dossier.ui.store_open import open_store_interactively

        try:
            # Opening checks the whole file (a second for a big store): on a worker.
            reopened: Store | None = run_modal(
                window,
                tr("Restore from backup"),
                lambda _progress: open_store(path, create=False, passphrase=passphrase),
                text=tr("Opening %s…") % path.name,
                cancellable=False,
            )
        except StoreError:  # a passphrase to ask, or a problem to show
            reopened = open_store_interactively(path, window)
        if reopened is not None:
            window.set_store(reopened)
            window.status(
                tr("Restored the backup from %s.") % f"{chosen.local_time:%Y-%m-%d %H:%M}"
                if restored
                else tr("Nothing was restored: the store is as it was.")
            )


def install(window: Any) -> BackupKeeper:
    keeper = BackupKeeper(window)
    action = QAction(tr("&Restore from backup…"), window)
    action.setObjectName("action_restore_backup")
    window.language_changed.connect(lambda _lang: action.setText(tr("&Restore from backup…")))
    action.triggered.connect(keeper.restore)
    menu = window.menu("file")
    quit_action = window.commands.quit
    if quit_action in menu.actions():
        menu.insertAction(quit_action, action)
    else:
        menu.addAction(action)
    return keeper
