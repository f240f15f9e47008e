"""Bundled fonts: the UI never depends on a system font for Cyrillic or Azerbaijani Latin.

The window uses DejaVu Sans. Where the system already has that family with its four
faces and Cyrillic (most Linux desktops), the system's copy serves: registering the
bundled files again made FreeType read all four (6-8 ms of every start, ~25 M
instructions, benchmarks/README.md). Everywhere else the bundled files are added.
"""

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


# The faces the window shows (fontconfig's names for DejaVu Sans).
FACES = {"Book", "Bold", "Oblique", "Bold Oblique"}


def system_has_family() -> bool:
    """The system's fonts hold DejaVu Sans in every face the window uses, with Cyrillic."""
    if not QFontDatabase.hasFamily(FAMILY):
        return False
    return set(QFontDatabase.styles(FAMILY)) >= FACES and (
        QFontDatabase.WritingSystem.Cyrillic in QFontDatabase.writingSystems(FAMILY)
    )


def use_bundled_font(app: QApplication) -> None:
    """Make DejaVu Sans the application font, at the platform's point size: the
    system's copy if it has every face, else the bundled files."""
    if system_has_family() or FAMILY in register_fonts():
        font = QFont(FAMILY)
        size = app.font().pointSizeF()
        font.setPointSizeF(size if size > 0 else 9.0)
        app.setFont(font)
