"""Columns as the user left them, per tab: the chooser, widths and sort are kept
for the next window (issue 21, item 2)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from dossier.store import Store
from dossier.ui import column_memory, i18n
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def again(qtbot: Any, store: Store, old: MainWindow) -> MainWindow:
    """Close the window and open a new one over the same store (and settings)."""
    old.close()
    i18n.install("en")
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def chooser_entry(tab: Any, title: str) -> Any:
    menu = tab.columns.chooser(tab, tab.columns.titles())
    for action in menu.actions():
        if action.text() == title:
            return action
    raise AssertionError(f"no column {title!r} in the chooser")


def test_a_column_hidden_in_the_chooser_stays_hidden(
    qtbot: Any, window: MainWindow, sample_store: Store
) -> None:
    tab = window.tabs.show("official")
    status = tab.columns.names.index("status")
    entry = chooser_entry(tab, "Status")
    assert entry.isChecked()
    entry.setChecked(False)
    assert tab.view.isColumnHidden(status)
    window = again(qtbot, sample_store, window)
    tab = window.tabs.show("official")
    assert tab.view.isColumnHidden(status)
    assert not chooser_entry(tab, "Status").isChecked()
    chooser_entry(tab, "Status").setChecked(True)
    assert not tab.view.isColumnHidden(status)
    window.close()


def test_the_last_column_shown_cannot_be_hidden(window: MainWindow) -> None:
    tab = window.tabs.show("official")
    names = tab.columns.names
    for name in names[1:]:
        assert tab.columns.set_shown(name, False)
    assert not tab.columns.set_shown(names[0], False)
    assert not tab.view.isColumnHidden(0)


def test_the_sort_is_kept_per_tab(qtbot: Any, window: MainWindow, sample_store: Store) -> None:
    tab = window.tabs.show("official")
    name = tab.columns.names.index("name")
    tab.view.sortByColumn(name, Qt.SortOrder.DescendingOrder)
    first = tab.model.row_texts(0)
    window = again(qtbot, sample_store, window)
    tab = window.tabs.show("official")
    header = tab.view.horizontalHeader()
    assert header.sortIndicatorSection() == name
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert tab.model.row_texts(0) == first
    # The projects tab keeps its own (natural) order.
    assert window.tabs.show("project").view.horizontalHeader().sortIndicatorSection() == -1
    window.close()


def test_a_width_the_user_drags_is_kept(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, window: MainWindow, sample_store: Store
) -> None:
    tab = window.tabs.show("official")
    post = tab.columns.names.index("position")
    fitted = tab.view.columnWidth(post)
    tab.view.horizontalHeader().resizeSection(post, fitted + 90)  # the table's own: not kept
    monkeypatch.setattr(column_memory, "_user_is_dragging", lambda: True)
    tab.view.horizontalHeader().resizeSection(post, fitted + 57)
    monkeypatch.setattr(column_memory, "_user_is_dragging", lambda: False)
    window = again(qtbot, sample_store, window)
    tab = window.tabs.show("official")
    assert tab.view.columnWidth(post) == fitted + 57
    tab.reload()  # fitting the columns again keeps it too
    assert tab.view.columnWidth(post) == fitted + 57
    window.close()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_the_row_menu_has_the_column_chooser(window: MainWindow) -> None:
    tab = window.tabs.show("official")
    tab.view.setFocus()
    tab.view.selectRow(0)
    menu = tab.show_row_menu(tab.view.visualRect(tab.model.index(0, 0)).center())
    choosers = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert [m.objectName() for m in choosers] == ["column_chooser"]
    menu.close()
