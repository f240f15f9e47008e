"""The app's icons, read from PNG files in resources/icons.

Bundled files rather than the style's standard icons: asking the style for one makes
PySide build every QStyle enum in Python (~20 ms), which the window's start-up need
not pay, and the buttons look the same on every platform. add, edit and delete are
Qt's own common-style images (LGPL-3, as the Qt the app ships with).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from dossier.paths import resource

SIZES = (16, 24, 32, 48, 64, 128, 256)


def bundled_icon(name: str) -> QIcon:
    """`name`-16.png, `name`-32.png and any other size there is, each read when
    first drawn at that size."""
    icon = QIcon()
    for size in SIZES:
        path = resource("icons", f"{name}-{size}.png")
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon
