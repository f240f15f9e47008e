"""The table of a dossier tab: says so when it is empty, selects a row when tabbed into."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QStyledItemDelegate, QTableView, QToolTip


class CutTextTips(QStyledItemDelegate):
    """Shows a cell's whole text as its tooltip when the column cuts it ("Президент
    Республ…" on a small screen). Only the help event is Python: painting stays Qt's."""

    def helpEvent(self, event: Any, view: Any, option: Any, index: Any) -> bool:
        if event is not None and event.type() == QEvent.Type.ToolTip and index.isValid():
            text = index.data()
            if isinstance(text, str) and text:
                needed = option.fontMetrics.horizontalAdvance(text) + 8
                if needed > view.visualRect(index).width():
                    QToolTip.showText(event.globalPos(), text, view)
                    return True
        return super().helpEvent(event, view, option, index)


class RecordTable(QTableView):
    """A QTableView that paints `empty_text` over an empty table (what to do next,
    rather than a blank grid) and selects a row when the keyboard brings the focus
    in, so Edit and Delete can act at once."""

    empty_text = ""
    # The viewport's new width, on every resize (the tab fits its columns again). A
    # signal, not a callback attribute: a bound method of the tab kept on its own
    # view made a reference cycle, which the collector broke by clearing the model's
    # attributes while Qt still asked it for headers.
    width_changed = Signal(int)
    # The keyboard's row menu (Menu, Shift+F10) and Enter on a selected row, for the
    # tab to act on. From keyPressEvent, not an event filter the tab puts on the view:
    # that passed every event of the view through Python, and PySide built each event
    # class's enums as it met it (~5 M instructions before the first paint).
    menu_key = Signal()
    enter_key = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CutTextTips(self))

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        ):
            self.menu_key.emit()
            return
        selection = self.selectionModel()
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and selection is not None
            and selection.selectedRows()
        ):
            self.enter_key.emit()
            return
        super().keyPressEvent(event)

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.width_changed.emit(self.maximumViewportSize().width())
