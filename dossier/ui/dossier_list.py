"""The list of dossiers on the left: code, country, last change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from dossier.store import Store
from dossier.ui.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole + 3


class DossierList(QTreeView):
    dossier_selected = Signal(object)  # dossier id or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(210)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.items.setHorizontalHeaderLabels([tr("Code"), tr("Country"), tr("Changed")])
        self.setAccessibleName(tr("Dossiers"))

    def load(self, store: Store | None, select_id: int | None = None, notify: bool = True) -> None:
        """Show the store's dossiers; `notify=False` selects without telling anyone."""
        keep = select_id if select_id is not None else self.current_id()
        self.blockSignals(True)
        self.selectionModel().blockSignals(True)
        self.items.removeRows(0, self.items.rowCount())
        if store is not None:
            for d in store.dossiers.list():
                code = QStandardItem(d.code)
                bold = QFont(code.font())
                bold.setBold(True)
                code.setFont(bold)
                code.setData(d.id, ID_ROLE)
                name = QStandardItem(d.name)
                name.setToolTip(" / ".join(x for x in (d.name, d.name_en) if x))
                changed = QStandardItem((d.updated_at or "")[:10])
                changed.setToolTip(d.updated_at or "")
                self.items.appendRow([code, name, changed])
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.selectionModel().blockSignals(not notify)
        self.blockSignals(not notify)
        if not self.select(keep) and self.items.rowCount():
            self.setCurrentIndex(self.items.index(0, 0))
        elif not self.items.rowCount():
            self.dossier_selected.emit(None)
        self.selectionModel().blockSignals(False)
        self.blockSignals(False)

    def select(self, dossier_id: Any) -> bool:
        for row in range(self.items.rowCount()):
            if self.items.item(row, 0).data(ID_ROLE) == dossier_id:
                index = self.items.index(row, 0)
                if index == self.currentIndex():
                    self.dossier_selected.emit(dossier_id)
                self.setCurrentIndex(index)
                return True
        return False

    def current_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.items.item(index.row(), 0).data(ID_ROLE)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.dossier_selected.emit(
            self.items.item(current.row(), 0).data(ID_ROLE) if current.isValid() else None
        )
