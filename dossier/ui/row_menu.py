"""The context menu of a table row (right click, the Menu key or Shift+F10):
edit, delete, copy, the record's history, and sorting by the column under the cursor without a mouse."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from dossier.ui.i18n import tr


def row_menu(tab: Any, index: QModelIndex) -> QMenu:
    """The menu for the row at `index` of `tab` (an EntityTab), not yet shown."""
    view, model = tab.view, tab.model
    menu = QMenu(view)
    menu.setObjectName("row_menu")
    has_row = index.isValid() and tab.current_record() is not None
    if has_row:
        menu.addAction(tr("&Edit…"), tab._edit_current)
        menu.addAction(tr("&Delete"), tab._delete_current)
        menu.addAction(tr("&Copy row"), lambda: copy_row(tab, index.row()))
        record = tab.current_record()
        menu.addAction(tr("&History…"), lambda: tab.history_requested.emit(record))
        source_id = getattr(record, "source_id", None)
        window = tab.window()
        if source_id and hasattr(window, "jump_to"):
            menu.addAction(
                tr("Open its &source"),
                lambda: window.jump_to("source", source_id, getattr(record, "dossier_id", None)),
            )
        menu.addSeparator()
    add = menu.addAction(tr("&Add…"), tab.add_requested.emit)
    add.setEnabled(tab.add_button.isEnabled())
    if model.columnCount():
        column = index.column() if index.isValid() else max(view.currentIndex().column(), 0)
        name = model.headerData(column, Qt.Orientation.Horizontal)
        menu.addSeparator()
        menu.addAction(
            tr("Sort by “%s”, &ascending") % name,
            lambda: view.sortByColumn(column, Qt.SortOrder.AscendingOrder),
        )
        menu.addAction(
            tr("Sort by “%s”, de&scending") % name,
            lambda: view.sortByColumn(column, Qt.SortOrder.DescendingOrder),
        )
        natural = menu.addAction(
            tr("&Natural order"), lambda: view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        )
        natural.setEnabled(view.horizontalHeader().sortIndicatorSection() >= 0)
        menu.addSeparator()
        menu.addMenu(tab.columns.chooser(menu, tab.columns.titles()))
    return menu


def copy_row(tab: Any, row: int) -> str:
    """Put the row's cells on the clipboard, tab-separated (pastes as a spreadsheet row)."""
    texts = tab.model.row_texts(row) or ()
    text = "\t".join(texts)
    QGuiApplication.clipboard().setText(text)
    return text
