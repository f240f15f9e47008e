"""Issue 21, item 2: the store locks when the desktop session locks or the laptop
suspends, as the idle auto-lock does. The signals are sent on a private D-Bus
(a dbus-daemon of the test's own), as logind and the screen saver would send them."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from security_helpers import PASSPHRASE

from dossier.store import open_store
from dossier.ui import i18n
from dossier.ui.tasks import finish_all

pytestmark = pytest.mark.gui


@pytest.fixture
def bus() -> Iterator[str]:
    """The address of a private bus, with nothing else on it."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("no dbus-daemon on this machine")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    yield address
    proc.terminate()
    proc.wait(timeout=10)
    proc.stdout.close()


@pytest.fixture
def window(qtbot: Any, encrypted_file: Path) -> Iterator[Any]:
    from dossier.ui.app import make_window

    i18n.install("en")
    win = make_window(open_store(encrypted_file, passphrase=PASSPHRASE), "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.locker.dialog is not None:
        win.locker.dialog.reject()
    if win.store is not None:
        finish_all()  # as the app does: the open-backup may be reading the store
        win.store.close()


def _connections(address: str, name: str) -> tuple[Any, Any]:
    from PySide6.QtDBus import QDBusConnection

    listener = QDBusConnection.connectToBus(address, f"{name}-app")
    sender = QDBusConnection.connectToBus(address, f"{name}-sender")
    assert listener.isConnected()
    assert sender.isConnected()
    return listener, sender


def _signal(sender: Any, path: str, interface: str, member: str, *args: Any) -> None:
    from PySide6.QtDBus import QDBusMessage

    message = QDBusMessage.createSignal(path, interface, member)
    if args:
        message.setArguments(list(args))
    assert sender.send(message)


def _assert_locked(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.locker.locked, timeout=5000)
    assert window.store is None  # the key is dropped, as on idle
    assert not window.centralWidget().isVisible()  # nothing of the dossier on screen
    qtbot.waitUntil(lambda: window.locker.dialog is not None and window.locker.dialog.isVisible())


def test_the_window_listens_soon_after_start_up(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.locker.session_watcher is not None, timeout=5000)


@pytest.mark.parametrize("name", ["suspend", "session"])
def test_suspend_or_session_lock_locks_the_store(
    qtbot: Any, window: Any, bus: str, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from dossier.ui.session_lock import SessionWatcher

    monkeypatch.setenv("XDG_SESSION_ID", "2")
    listener, sender = _connections(bus, name)
    assert sender.registerService("org.freedesktop.login1")  # the sender plays logind
    watcher = SessionWatcher(window, system=listener, session=listener)
    assert "PrepareForSleep" in watcher.sources
    # Waking up is not going to sleep: nothing happens.
    _signal(sender, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
            "PrepareForSleep", False)  # fmt: skip
    qtbot.wait(200)
    assert not window.locker.locked
    if name == "suspend":
        _signal(sender, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                "PrepareForSleep", True)  # fmt: skip
    else:  # session "2" is logind's object ".../session/_32"
        _signal(sender, "/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session",
                "Lock")  # fmt: skip
    _assert_locked(qtbot, window)


def test_the_screen_saver_coming_on_locks_the_store(qtbot: Any, window: Any, bus: str) -> None:
    from dossier.ui.session_lock import SessionWatcher

    listener, sender = _connections(bus, "saver")
    SessionWatcher(window, system=listener, session=listener)
    _signal(sender, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", False)
    qtbot.wait(200)
    assert not window.locker.locked
    _signal(sender, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
    _assert_locked(qtbot, window)


def test_qt_reporting_the_app_suspended_locks_the_store(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.locker.session_watcher is not None, timeout=5000)
    watcher = window.locker.session_watcher
    watcher.application_state(Qt.ApplicationState.ApplicationInactive)  # just another window
    assert not window.locker.locked
    watcher.application_state(Qt.ApplicationState.ApplicationSuspended)
    _assert_locked(qtbot, window)
