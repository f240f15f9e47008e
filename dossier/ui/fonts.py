"""Bundled fonts: the UI never depends on a system font for Cyrillic or Azerbaijani Latin."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dossier.paths import resource

FAMILY = "DejaVu Sans"
FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)


def register_fonts() -> list[str]:
    """Add the bundled DejaVu faces to Qt's font database; returns the families added."""
    families: list[str] = []
    for name in FILES:
        path = resource("fonts", name)
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))


def use_bundled_font(app: QApplication) -> None:
    """Make the bundled family the application font, at the platform's point size."""
    if FAMILY in register_fonts():
        font = QFont(FAMILY)
        size = app.font().pointSizeF()
        font.setPointSizeF(size if size > 0 else 9.0)
        app.setFont(font)
