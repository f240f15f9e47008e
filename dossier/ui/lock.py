"""Auto-lock: after N idle minutes, or on Ctrl+L, hide everything and drop the key.
Also the File menu's Encrypt store… and Change passphrase… (dossier.ui.store_key).

An app-wide event filter restarts an idle timer on every key press, click, mouse
move or wheel turn (as KeePassXC does). Locking an encrypted store:
- hides the content of every window (the main window and any open form or
  dialog), so nothing of a dossier stays on screen;
- closes the store (`window.set_store(None)`), which drops SQLCipher's key and
  the connection; the app never keeps the passphrase itself;
- asks for the passphrase again; "Quit" closes the app instead.
Input typed into an open form stays in that form's widgets (in memory only, never
written anywhere) and is shown again after unlocking; the form is pointed at the
reopened store, so it can still be saved. The undo history does not survive a
lock (it belongs to the closed connection).

A plain (unencrypted) store has no key to drop: locking it only says so, and
no idle time is counted over it.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from dossier.store.crypto import is_encrypted
from dossier.ui import settings, store_key
from dossier.ui.i18n import tr

if TYPE_CHECKING:
    from dossier.ui.passphrase_dialog import PassphraseDialog

# The lock is installed at every start, just after the first paint; the passphrase
# dialog and the other dialogs it shows load when the store is first locked or a
# command is used (their modules and Qt classes, ~12 M instructions of each start).

DEFAULT_MINUTES = 5
SETTING = "lock_minutes"
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


MINUTE_MS = 60_000  # a test makes minutes short


def can_lock(store: Any) -> bool:
    """Whether `store` has a key to drop: an encrypted store file."""
    return bool(store is not None and store.path is not None and is_encrypted(store.path))


def lock_minutes() -> int:
    """Idle minutes before locking, from the preferences (0: never)."""
    try:
        return max(0, int(settings.get(SETTING, DEFAULT_MINUTES)))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_MINUTES


class Locker(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.locked = False
        self.minutes = 0
        self.dialog: PassphraseDialog | None = None
        self._hidden: list[QWidget] = []
        self._titles: dict[QWidget, str] = {}
        self._path: Any = None
        self._old_store: Any = None
        self.session_watcher: Any = None  # session_lock.SessionWatcher, set by install()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.watching = False  # whether the app's events pass through eventFilter
        self.apply_minutes()

    def apply_minutes(self) -> None:
        """(Re)arm the idle timer: only over an encrypted store (a plain one has no
        key to drop, and its idle timer only ever said so, every N minutes)."""
        self.minutes = lock_minutes()
        self.timer.stop()
        armed = bool(self.minutes and not self.locked and can_lock(self.window.store))
        if armed:
            self.timer.setInterval(self.minutes * MINUTE_MS)
            self.timer.start()
        self._watch_activity(armed)

    def _watch_activity(self, on: bool) -> None:
        """The app-wide event filter only while there is idle time to count: every
        event of the app passes through it in Python (6-10 ms of a window's closing
        alone), which a plain store need not pay."""
        if on != self.watching:
            self.watching = on
            if on:
                _app().installEventFilter(self)
            else:
                _app().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An armed timer only: over a plain store activity starts no idle count.
        if self.timer.isActive() and not self.locked and event.type() in _ACTIVITY:
            self.timer.start()  # restarts the idle count
        return False

    # -- locking ---------------------------------------------------------------------
    @Slot()
    def lock(self) -> bool:
        """Lock now; False (with a status message) if there is nothing to lock."""
        window = self.window
        store = window.store
        if self.locked:
            return True
        if not can_lock(store):
            if store is not None:  # asked for (Ctrl+L): the idle timer never gets here
                window.status(tr("Only an encrypted store can be locked."))
            self.apply_minutes()
            return False
        from dossier.ui.tasks import busy

        task = busy()
        if task is not None:
            # Closing the store under an import would cut its transaction short: lock
            # as soon as it has ended. (A task that only reads, a brief being built,
            # does not hold the lock back: it just fails once the store is closed.)
            window.status(tr("Locking when “%s” has finished.") % task.title)
            task.ended.connect(lambda: QTimer.singleShot(0, self.lock))
            return True
        self.locked = True
        self.timer.stop()
        self._path = store.path
        window.save_state()  # remembers the dossier on screen, for after unlocking
        self._hide_everything()
        self._old_store = store
        window.set_store(None)  # closes the connection: SQLCipher drops the key
        # Closing the store set the window's own title back to plain "Dossier".
        window.setWindowTitle(tr("Dossier (locked)"))
        self._ask()
        return True

    def _hide_everything(self) -> None:
        from dossier.ui.passphrase_dialog import PassphraseDialog

        self._hidden, self._titles = [], {}
        for top in _app().topLevelWidgets():
            if not top.isVisible() or isinstance(top, PassphraseDialog):
                continue
            self._titles[top] = top.windowTitle()
            top.setWindowTitle(tr("Dossier (locked)"))
            for child in top.children():
                if isinstance(child, QWidget) and child.isVisible() and not child.isWindow():
                    child.hide()
                    self._hidden.append(child)

    def _ask(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        from dossier.store.sample import open_or_create
        from dossier.ui.passphrase_dialog import OPEN, PassphraseDialog

        path = self._path
        message = tr("Dossier is locked. Type the passphrase of %s to unlock it.") % path.name
        self.dialog = PassphraseDialog(
            path, OPEN, lambda p: open_or_create(path, p), self.window, self.window.lang, message
        )
        self.dialog.setWindowTitle(tr("Dossier is locked"))
        self.dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Quit"))
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(self._quit)
        self.dialog.open()

    @Slot()
    def _unlocked(self) -> None:
        assert self.dialog is not None
        store = self.dialog.result_value
        self.dialog.deleteLater()
        self.dialog = None
        old, self._old_store = self._old_store, None
        self.window.set_store(store)
        self._repoint(old, store)
        for widget in self._hidden:
            with contextlib.suppress(RuntimeError):  # a widget deleted meanwhile
                widget.show()
        for top, title in self._titles.items():
            with contextlib.suppress(RuntimeError):
                top.setWindowTitle(title)
        self._hidden, self._titles = [], {}
        self.locked = False
        self.apply_minutes()
        self.window.status(tr("Unlocked."))

    def _repoint(self, old: Any, new: Any) -> None:
        """Point open forms (and their fields) from the closed store to the reopened one."""
        if old is None:
            return
        for top in _app().topLevelWidgets():
            for widget in (top, *top.findChildren(QWidget)):
                if getattr(widget, "store", None) is old:
                    with contextlib.suppress(AttributeError, TypeError):
                        widget.store = new  # type: ignore[attr-defined]

    @Slot()
    def _quit(self) -> None:
        from PySide6.QtWidgets import QDialog

        # Without the passphrase the app has nothing to show: close it.
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        for top in _app().topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                # done(), not reject(): a form would ask whether to discard its typing,
                # and without the passphrase there is nothing to keep it for.
                top.done(QDialog.DialogCode.Rejected)
        self.window.close()

    @Slot()
    def choose_minutes(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        minutes, ok = QInputDialog.getInt(
            self.window,
            tr("Auto-lock"),
            tr("Lock an encrypted store after this many idle minutes (0: never):"),
            lock_minutes(),
            0,
            24 * 60,
        )
        if ok:
            settings.put(SETTING, minutes)
            self.apply_minutes()


def install(window: Any) -> Locker:
    """Add File > Lock (Ctrl+L) and File > Auto-lock… and start the idle timer."""
    locker = Locker(window)
    menu = window.menu("file")
    lock_action = QAction(window)
    lock_action.setObjectName("action_lock")
    lock_action.setShortcut(QKeySequence("Ctrl+L"))
    lock_action.triggered.connect(locker.lock)
    minutes_action = QAction(window)
    minutes_action.setObjectName("action_lock_minutes")
    minutes_action.triggered.connect(locker.choose_minutes)
    encrypt_action = QAction(window)
    encrypt_action.setObjectName("action_encrypt_store")
    encrypt_action.triggered.connect(lambda: store_key.encrypt_store(window))
    passwd_action = QAction(window)
    passwd_action.setObjectName("action_change_passphrase")
    passwd_action.triggered.connect(lambda: store_key.change_passphrase(window))

    def retranslate(_lang: str = "") -> None:
        lock_action.setText(tr("&Lock"))
        minutes_action.setText(tr("&Auto-lock…"))
        encrypt_action.setText(tr("&Encrypt store…"))
        passwd_action.setText(tr("C&hange passphrase…"))

    retranslate()
    window.language_changed.connect(retranslate)
    actions = [lock_action, minutes_action, encrypt_action, passwd_action]
    quit_action = window.commands.quit
    if quit_action in menu.actions():
        menu.insertActions(quit_action, actions)
    else:
        menu.addActions(actions)

    def update(store: Any = None) -> None:
        store = window.store
        encrypted = can_lock(store)
        lock_action.setEnabled(encrypted or locker.locked)
        passwd_action.setEnabled(encrypted)
        encrypt_action.setEnabled(not encrypted and store is not None and store.path is not None)

    window.store_changed.connect(update)
    # Another store (or this one encrypted): the idle timer armed, or not, for it.
    window.store_changed.connect(lambda *_a: locker.apply_minutes())
    offer = lambda: store_key.offer_encryption(window)  # noqa: E731
    window.store_changed.connect(lambda *_a: QTimer.singleShot(0, locker, offer))
    update()
    QTimer.singleShot(0, locker, offer)
    QTimer.singleShot(WATCH_AFTER_MS, locker, lambda: _watch_session(locker, window))
    return locker


# Session lock and suspend are watched once start-up is over: connecting to the
# system and session buses takes ~10 ms that the first minutes do not need.
WATCH_AFTER_MS = 1500


def _watch_session(locker: Locker, window: Any) -> None:
    from dossier.ui.session_lock import SessionWatcher

    locker.session_watcher = SessionWatcher(window)


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # the window exists, so the application does
    return app
