"""A list of records with a tick box each, fast at any length.

A QListWidget makes a Python-wrapped item per row: 30,000 officials took over a
second to list and a fifth of a second to read back on every change. Here the rows
are plain tuples behind a model, and the ticks a set of ids.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QListView, QWidget

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_CHECK = int(Qt.ItemDataRole.CheckStateRole.value)
_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

Index = QModelIndex | QPersistentModelIndex


class CheckListModel(QAbstractListModel):
    changed = Signal()  # a tick was set or cleared

    def __init__(self, rows: list[tuple[int, str, bool]], parent: QWidget | None = None):
        super().__init__(parent)
        self.ids = [record_id for record_id, _text, _checked in rows]
        self.texts = [text for _id, text, _checked in rows]
        self.ticked = {record_id for record_id, _text, checked in rows if checked}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        role = int(role)
        row = index.row()
        if role in (_DISPLAY, _TOOLTIP):
            return self.texts[row]
        if role == _CHECK:
            return _CHECKED if self.ids[row] in self.ticked else _UNCHECKED
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS

    def setData(self, index: Index, value: Any, role: int = _CHECK) -> bool:
        if int(role) != _CHECK or not index.isValid():
            return False
        record_id = self.ids[index.row()]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        if state == _CHECKED:
            self.ticked.add(record_id)
        else:
            self.ticked.discard(record_id)
        self.dataChanged.emit(index, index, [_CHECK])
        self.changed.emit()
        return True


class CheckList(QListView):
    """The rows (record id, text, ticked) as a list with tick boxes."""

    def __init__(self, rows: list[tuple[int, str, bool]], parent: QWidget | None = None):
        super().__init__(parent)
        self.items = CheckListModel(rows, self)
        self.setModel(self.items)
        self.setUniformItemSizes(True)  # no per-row measuring: instant at any length
        self.changed = self.items.changed

    def count(self) -> int:
        return len(self.items.ids)

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked records' ids, in list order."""
        ticked = self.items.ticked
        return tuple(i for i in self.items.ids if i in ticked)

    def set_checked(self, row: int, checked: bool) -> None:
        self.items.setData(self.items.index(row), _CHECKED if checked else _UNCHECKED)
