"""The table of a dossier tab: says so when it is empty, selects a row when tabbed into."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPalette
from PySide6.QtWidgets import QTableView


class RecordTable(QTableView):
    """A QTableView that paints `empty_text` over an empty table (what to do next,
    rather than a blank grid) and selects a row when the keyboard brings the focus
    in, so Edit and Delete can act at once."""

    empty_text = ""

    def set_empty_text(self, text: str) -> None:
        if text == self.empty_text:
            return
        self.empty_text = text
        # Hidden (as while the window is built): it paints the text when shown. Not
        # viewport() then: its first call makes PySide resolve every widget class and
        # build their enums (~60), which the start-up need not pay.
        if self.isVisible() and self.model() is not None and not self.model().rowCount():
            self.viewport().update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model, selection = self.model(), self.selectionModel()
        if (
            model is not None
            and selection is not None
            and model.rowCount()
            and not selection.hasSelection()
            and event.reason() != Qt.FocusReason.MouseFocusReason  # a click selects itself
        ):
            row = max(self.currentIndex().row(), 0)
            self.selectRow(row)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self.empty_text or model is None or model.rowCount():
            return
        viewport = self.viewport()
        painter = QPainter(viewport)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = 24
        painter.drawText(
            viewport.rect().adjusted(margin, margin, -margin, -margin),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            | int(Qt.TextFlag.TextWordWrap),
            self.empty_text,
        )
        painter.end()
