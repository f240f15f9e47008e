"""Hint texts that stay readable (issue 21, item 5).

A disabled label was the usual way to grey a hint, but its grey on the window's
background has a contrast of about 1.5:1, far below the 4.5:1 that text needs
(WCAG 2). A hint is instead drawn in the window's text colour moved a third of
the way towards the background: still quieter than the text around it, above
4.5:1 in the light and the dark palettes alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

MIX = 0.35  # how far towards the background


def hint_colour(palette: QPalette) -> QColor:
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    return QColor(
        round(text.red() + (back.red() - text.red()) * MIX),
        round(text.green() + (back.green() - text.green()) * MIX),
        round(text.blue() + (back.blue() - text.blue()) * MIX),
    )


def make_hint(label: QLabel) -> QLabel:
    """Show `label` as a quiet but readable hint."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, hint_colour(palette))
    label.setPalette(palette)
    return label


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
