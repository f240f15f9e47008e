"""The store's protection at a glance, in the status bar (issue 21, item 2): a padlock,
shut for an encrypted store, open for a plain one, with a word beside it; "Locked"
while the lock screen is up. Drawn here, not an image file: two shapes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from dossier.ui.i18n import tr

PLAIN, ENCRYPTED, LOCKED, NONE = "plain", "encrypted", "locked", "none"


def padlock(shut: bool, colour: QColor, size: int = 16) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, size / 8)
    painter.setPen(pen)
    s = float(size)
    # The shackle: shut, both ends in the body; open, lifted and to one side.
    lift = 0.0 if shut else s * 0.14
    painter.drawArc(QRectF(s * 0.28, s * 0.06 - lift, s * 0.44, s * 0.5), 0, 180 * 16)
    painter.drawLine(int(s * 0.28), int(s * 0.31 - lift), int(s * 0.28), int(s * 0.5))
    if shut:
        painter.drawLine(int(s * 0.72), int(s * 0.31), int(s * 0.72), int(s * 0.5))
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(s * 0.16, s * 0.46, s * 0.68, s * 0.48), 1.5, 1.5)
    painter.end()
    return pixmap


class LockBadge(QWidget):
    def __init__(self, window: Any):
        super().__init__(window)
        self.setObjectName("lock_badge")
        self.window_ = window
        self.state = NONE
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        self.icon = QLabel()
        self.text = QLabel()
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        # Read after the change has settled: unlocking reopens the store first and
        # clears the lock flag just after.
        window.store_changed.connect(lambda *_a: QTimer.singleShot(0, self.update_state))
        window.language_changed.connect(lambda *_a: self.update_state())
        self.update_state()

    def current_state(self) -> str:
        locker = getattr(self.window_, "locker", None)
        if locker is not None and locker.locked:
            return LOCKED
        store = self.window_.store
        if store is None:
            return NONE
        if store.path is None:
            return PLAIN
        from dossier.store.crypto import is_encrypted  # asks the open connection

        return ENCRYPTED if is_encrypted(store.path) else PLAIN

    def update_state(self) -> str:
        self.state = self.current_state()
        words = {
            PLAIN: (
                tr("Store not encrypted"),
                tr("Anyone with this file can read it: File > Encrypt store…"),
            ),
            ENCRYPTED: (
                tr("Store encrypted"),
                tr("The store is encrypted; File > Lock (Ctrl+L) hides it"),
            ),
            LOCKED: (tr("Store locked"), tr("Type the passphrase to unlock")),
        }
        self.setVisible(self.state != NONE)
        if self.state == NONE:
            return self.state
        text, tip = words[self.state]
        colour = self.palette().color(self.foregroundRole())
        self.icon.setPixmap(padlock(self.state != PLAIN, colour))
        self.text.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(text)
        return self.state


def install(window: Any) -> LockBadge:
    badge = LockBadge(window)
    window.statusBar().addPermanentWidget(badge)
    window.lock_badge = badge
    return badge
