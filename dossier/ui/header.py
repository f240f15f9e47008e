"""The head of an open dossier: country, home country, classification and scene-setter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dossier.ui.i18n import tr
from dossier.ui.icons import bundled_icon


def escape(text: str) -> str:
    """`text` shown literally in a rich-text label (the html module costs start-up time)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SUMMARY_LINES = 6


class WrappedLabel(QLabel):
    """A word-wrapped label that measures its height once per width and text.

    Qt lays a rich-text label's whole text out again at every heightForWidth, even at
    the width it had (QTextDocument::setPageSize), and while the window settles its
    layouts and the scene-setter's scroll area ask again and again: a long
    scene-setter was laid out some 25 times before the first paint (~40 M
    instructions, benchmarks/README.md "Third round"). The answer depends only on
    the width, the text and the font, so it is kept for each."""

    def __init__(self) -> None:
        super().__init__()
        self._heights: dict[tuple[int, str, str], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (width, self.text(), self.font().key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 64:  # widths seen in a long session: a few dozen
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height


class DossierHeader(QWidget):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.dossier: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        # Long names wrap rather than set the window's least width (a small screen
        # with the search panel open).
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.classification = QLabel()
        self.classification.setStyleSheet(
            "QLabel { border: 1px solid #8a1c1c; color: #8a1c1c; padding: 1px 6px;"
            " border-radius: 3px; font-weight: bold; }"
        )
        top.addWidget(self.classification, 0, Qt.AlignmentFlag.AlignVCenter)
        self.edit_button = QPushButton(bundled_icon("edit"), "")
        self.edit_button.clicked.connect(self.edit_requested)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5a5a5a;")
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)
        self.summary = WrappedLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A long scene-setter scrolls inside the header instead of pushing the tabs away.
        self.summary_area = QScrollArea()
        self.summary_area.setWidget(self.summary)
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.summary_area)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit_button.setText(tr("Edit dossier…"))
        self.summary_area.setAccessibleName(tr("Scene-setter"))
        self.show_dossier(self.dossier)

    def show_dossier(self, dossier: Any) -> None:
        self.dossier = dossier
        if dossier is None:
            for label in (self.title, self.subtitle, self.summary, self.classification):
                label.clear()
            self.classification.hide()
            self.edit_button.hide()
            return
        self.edit_button.show()
        name = dossier.name + (
            f" — {dossier.name_en}" if dossier.name_en and dossier.name_en != dossier.name else ""
        )
        self.title.setText(f"{name} ({dossier.code})")
        self.classification.setText(dossier.classification or "")
        self.classification.setVisible(bool(dossier.classification))
        bits = []
        if dossier.home_country:
            bits.append(tr("Seen from: %s") % dossier.home_country)
        if dossier.updated_at:
            bits.append(
                tr("last change %s") % dossier.updated_at.replace("T", " ").rstrip("Z")[:16]
            )
        self.subtitle.setText(" · ".join(bits))
        summary = dossier.summary or ""
        if summary:
            paragraphs = [escape(p) for p in summary.split("\n") if p.strip()]
            self.summary.setText(
                "<p style='margin:0'>" + "</p><p style='margin-top:4px'>".join(paragraphs) + "</p>"
            )
        else:
            hint = tr("No scene-setter yet: use Edit dossier to write one.")
            self.summary.setText(f"<i>{escape(hint)}</i>")
        self.summary.setToolTip(summary)
        self._fit_summary()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_summary()

    def _fit_summary(self) -> None:
        """As tall as the scene-setter, up to a few lines; longer ones scroll."""
        width = max(self.summary_area.maximumViewportSize().width(), 200)
        needed = self.summary.heightForWidth(width)
        most = QFontMetrics(self.summary.font()).lineSpacing() * SUMMARY_LINES + 8
        self.summary_area.setFixedHeight(max(min(needed, most), 0) + 2)
