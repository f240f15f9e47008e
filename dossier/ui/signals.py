"""Logout, shutdown and Ctrl+C close the window as Quit does, with its backup.

Python runs a signal handler only when the interpreter gets control, which it
does not while Qt's event loop waits. The C-level handler writes the signal
number to a socket (signal.set_wakeup_fd); a QSocketNotifier on the other end
wakes the event loop, and the Python handler then asks the window to close.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class QuitOnSignals(QObject):
    """Installed for the life of the window; `uninstall` puts the old handlers back."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.received: list[int] = []
        self._previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
        self._reader, writer = socket.socketpair()
        self._writer = writer
        for end in (self._reader, writer):
            end.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(writer.fileno())
        self.notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        for sig in SIGNALS:
            signal.signal(sig, self._handle)

    def _drain(self, *_args: object) -> None:
        # The bytes only wake the loop; the Python handler has run or runs now.
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass

    def _handle(self, signum: int, _frame: object) -> None:
        self.received.append(signum)
        # Not from inside the handler: the close (and its backup) runs from the loop.
        QTimer.singleShot(0, self._close)

    def _close(self) -> None:
        if self.window.isVisible():
            self.window.close()  # as File > Quit: aboutToQuit makes the close-time backup
        else:
            QApplication.quit()

    def uninstall(self) -> None:
        signal.set_wakeup_fd(self._old_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self.notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def quit_on_signals(window: Any) -> QuitOnSignals:
    return QuitOnSignals(window)
