"""Lock the store when the desktop session locks or the laptop goes to sleep.

The store locks exactly as the idle auto-lock does (`Locker.lock`): a laptop shut
in a meeting room must not wake up on an open dossier. What the platform reports:
- Linux: logind's `PrepareForSleep(true)` (system bus) and the session's `Lock`
  (logind, the session of XDG_SESSION_ID), and the screen saver's
  `ActiveChanged(true)` (session bus; freedesktop, GNOME and KDE spell its name
  differently, so any sender on those paths is heard);
- elsewhere: Qt's application state `ApplicationSuspended`, which Qt reports where
  the platform tells it.
A missing bus (no D-Bus, a container, Windows) just means that source is silent.

Watching starts with the window's extensions, after the first paint, so start-up
does not pay for connecting to the buses.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import SLOT, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication

from dossier.store.crypto import is_encrypted

LOGIND = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
# (path, interface) pairs of the screen savers that send ActiveChanged(bool).
SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


def session_path(session_id: str) -> str:
    """logind's object path of a session: systemd escapes every byte that is not a
    letter or digit (and a leading digit) as _xx, so session "2" is ".../_32"."""
    out = []
    for i, ch in enumerate(session_id):
        if ch.isascii() and (ch.isalpha() or (ch.isdigit() and i > 0)):
            out.append(ch)
        else:
            out.extend(f"_{b:02x}" for b in ch.encode())
    return f"{MANAGER_PATH}/session/{''.join(out) or '_'}"


class SessionWatcher(QObject):
    """Calls the window's locker when the session locks or the machine suspends."""

    def __init__(self, window: Any, system: Any = None, session: Any = None):
        super().__init__(window)
        self.window = window
        self.sources: list[str] = []  # what is being listened to, for tests and logs
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self.application_state)
        self._listen(system, session)

    def _listen(self, system: Any, session: Any) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus (Windows, macOS bundles)
            return
        if system is None:
            system = QDBusConnection.systemBus()
        if session is None:
            session = QDBusConnection.sessionBus()
        if system.isConnected():
            if system.connect(
                LOGIND,
                MANAGER_PATH,
                f"{LOGIND}.Manager",
                "PrepareForSleep",
                self,
                SLOT("prepare_for_sleep(bool)"),
            ):
                self.sources.append("PrepareForSleep")
            session_id = os.environ.get("XDG_SESSION_ID", "")
            if session_id and system.connect(
                LOGIND,
                session_path(session_id),
                f"{LOGIND}.Session",
                "Lock",
                self,
                SLOT("session_locked()"),
            ):
                self.sources.append("Session.Lock")
        if session.isConnected():
            for path, interface in SCREEN_SAVERS:
                if session.connect(
                    "", path, interface, "ActiveChanged", self, SLOT("screen_saver(bool)")
                ):
                    self.sources.append(f"{interface}.ActiveChanged")
        self._buses = (system, session)  # kept: the connections live as long as we listen

    # -- what the buses call ------------------------------------------------------------
    @Slot(bool)
    def prepare_for_sleep(self, going: bool) -> None:
        if going:  # false: waking up, nothing to do (the passphrase is asked already)
            self.lock()

    @Slot()
    def session_locked(self) -> None:
        self.lock()

    @Slot(bool)
    def screen_saver(self, active: bool) -> None:
        if active:
            self.lock()

    def application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    def lock(self) -> None:
        """Lock as the idle timer would; a plain store has nothing to lock, and a
        status message about that on every suspend would only be noise."""
        locker = self.window.locker
        store = self.window.store
        if locker is None or locker.locked or store is None or store.path is None:
            return
        if is_encrypted(store.path):
            locker.lock()


def watch(window: Any) -> SessionWatcher:
    return SessionWatcher(window)
