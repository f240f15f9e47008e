"""Each table's columns as the user left them: which are shown, how wide, the sort.

Kept per tab in the settings file (one JSON value per table, by field name, so a
column added in a later version simply shows at its fitted width). The chooser is
a menu of the columns with a tick each: on the header's context menu and in the
row menu (the keyboard way).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QTableView

from dossier.ui import settings
from dossier.ui.i18n import tr


def _user_is_dragging() -> bool:
    """A resize while a mouse button is down is the user's; the others are the
    table fitting itself to its content or to the window."""
    return QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton


class ColumnMemory(QObject):
    def __init__(self, view: QTableView, key: str, names: list[str]):
        super().__init__(view)
        self.view = view
        self.key = f"tables/{key}"
        self.names = names
        self.fitting = False  # set while the tab fits its columns: not the user's widths
        self.state = self._read()
        header = view.horizontalHeader()
        for name in self.state.get("hidden", []):
            if name in names and len(self.hidden()) < len(names) - 1:
                view.setColumnHidden(names.index(name), True)
        sort = self.state.get("sort")
        if isinstance(sort, list) and len(sort) == 2 and sort[0] in names:
            order = (
                Qt.SortOrder.DescendingOrder if sort[1] == "desc" else Qt.SortOrder.AscendingOrder
            )
            view.sortByColumn(names.index(sort[0]), order)
        header.sectionResized.connect(self._resized)
        header.sortIndicatorChanged.connect(self._sorted)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.menu: QMenu | None = None

    # -- the settings ------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        raw = settings.get(self.key)
        try:
            state = json.loads(raw) if isinstance(raw, str) else {}
        except ValueError:
            state = {}  # a hand-edited or damaged value: start from the fitted table
        return state if isinstance(state, dict) else {}

    def _write(self) -> None:
        settings.put(self.key, json.dumps(self.state, ensure_ascii=False, sort_keys=True))

    # -- what the user does ------------------------------------------------------
    @Slot(int, int, int)
    def _resized(self, column: int, _old: int, new: int) -> None:
        if self.fitting or not _user_is_dragging() or not 0 <= column < len(self.names):
            return
        widths = self.state.setdefault("widths", {})
        widths[self.names[column]] = new
        self._write()

    @Slot(int, Qt.SortOrder)
    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(self.names):
            self.state["sort"] = [
                self.names[column],
                "desc" if order == Qt.SortOrder.DescendingOrder else "asc",
            ]
        else:
            self.state.pop("sort", None)  # the natural order again
        self._write()

    def hidden(self) -> list[str]:
        return [n for i, n in enumerate(self.names) if self.view.isColumnHidden(i)]

    def set_shown(self, name: str, shown: bool) -> bool:
        """Show or hide a column; the last one shown stays (False then)."""
        column = self.names.index(name)
        if not shown and len(self.hidden()) >= len(self.names) - 1:
            return False
        self.view.setColumnHidden(column, not shown)
        if shown and self.view.columnWidth(column) < 20:
            self.view.resizeColumnToContents(column)
        self.state["hidden"] = self.hidden()
        self._write()
        return True

    def apply_widths(self) -> None:
        """After the tab has fitted its columns: the widths the user chose win."""
        widths = self.state.get("widths", {})
        if not isinstance(widths, dict):
            return
        self.fitting = True
        try:
            for name, width in widths.items():
                if name in self.names and isinstance(width, int) and width > 0:
                    self.view.setColumnWidth(self.names.index(name), width)
        finally:
            self.fitting = False

    def reset(self) -> None:
        """Every column shown, fitted widths, the natural order."""
        for column in range(len(self.names)):
            self.view.setColumnHidden(column, False)
        self.state = {}
        self._write()
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

    # -- the chooser -------------------------------------------------------------
    def chooser(self, parent: Any, titles: list[str]) -> QMenu:
        """A menu of the columns, ticked when shown (not yet on screen)."""
        menu = QMenu(tr("Colu&mns"), parent)
        menu.setObjectName("column_chooser")
        for name, title in zip(self.names, titles, strict=True):
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(self.names.index(name)))
            action.toggled.connect(lambda on, n=name: self.set_shown(n, on))
        menu.addSeparator()
        menu.addAction(tr("&Reset columns"), self.reset)
        return menu

    def titles(self) -> list[str]:
        model = self.view.model()
        return [
            str(model.headerData(i, Qt.Orientation.Horizontal) or name)
            for i, name in enumerate(self.names)
        ]

    @Slot(QPoint)
    def _header_menu(self, pos: QPoint) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.chooser(self.view, self.titles())
        self.menu.popup(self.view.horizontalHeader().mapToGlobal(pos))
