"""The tables of a dossier, by keyboard: focus, context menu, sorting, quick filters,
and what an empty table says (issue 21)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from dossier.model import DOSSIER, OFFICIAL, PROJECT
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def menu_texts(tab: Any) -> list[str]:
    assert tab.row_menu is not None
    return [a.text().replace("&", "") for a in tab.row_menu.actions() if not a.isSeparator()]


def trigger(tab: Any, starts: str) -> None:
    for action in tab.row_menu.actions():
        if action.text().replace("&", "").startswith(starts):
            tab.row_menu.close()
            action.trigger()
            return
    raise AssertionError(f"no entry {starts!r} in {menu_texts(tab)}")


def test_tabbing_into_a_table_selects_a_row(qtbot: Any, window: MainWindow) -> None:
    tab = window.tabs["official"]
    tab.view.clearSelection()
    tab.filter_edit.setFocus()
    assert not window.commands.edit_record.isEnabled()
    for _ in range(12):  # Tab until the table has the focus
        if tab.view.hasFocus():
            break
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert tab.view.hasFocus()
    assert tab.current_record() is not None
    assert window.commands.edit_record.isEnabled()
    assert window.commands.delete_record.isEnabled()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
@pytest.mark.parametrize("key", ["menu", "shift+f10"])
def test_the_menu_key_opens_the_row_menu_and_copy_copies(
    key: str, qtbot: Any, window: MainWindow
) -> None:
    tab = window.tabs["official"]
    tab.view.setFocus()
    tab.view.selectRow(1)
    record = tab.current_record()
    if key == "menu":
        qtbot.keyClick(tab.view, Qt.Key.Key_Menu)
    else:
        qtbot.keyClick(tab.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert tab.row_menu.isVisible()
    assert menu_texts(tab)[:3] == ["Edit…", "Delete", "Copy row"]
    trigger(tab, "Copy row")
    assert record.name in QGuiApplication.clipboard().text()
    qtbot.keyClick(tab.view, Qt.Key.Key_Menu)
    trigger(tab, "Edit")
    form = window.editor.current
    assert form is not None
    assert form.record == dataclasses.replace(record)
    form.done(0)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_sorting_by_keyboard_from_the_row_menu(qtbot: Any, window: MainWindow) -> None:
    tab = window.tabs["official"]
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(0, 0))  # the Name column
    qtbot.keyClick(tab.view, Qt.Key.Key_Menu)
    trigger(tab, "Sort by “Name”, descending")
    names = [tab.model.record(r).name for r in range(tab.model.rowCount())]
    assert names == sorted(names, reverse=True)
    assert tab.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    qtbot.keyClick(tab.view, Qt.Key.Key_Menu)
    trigger(tab, "Natural order")
    assert tab.model.order_by is None


def test_officials_current_only(window: MainWindow) -> None:
    store = window.store
    dossier = window.current_dossier()
    former = store.officials.add(
        OFFICIAL.record(dossier_id=dossier.id, name="Гейдар Алиев", status="former", side="host")
    )
    window.refresh()
    tab = window.tabs["official"]
    assert tab.model.row_of(former.id) is not None
    tab.quick_filters.choose("status", "current")
    names = [tab.model.record(r).name for r in range(tab.model.rowCount())]
    assert "Гейдар Алиев" not in names
    assert len(names) == 3
    assert tab.count_label.text() == "3 found"
    tab.quick_filters.choose("side", "host")
    assert all(tab.model.record(r).side == "host" for r in range(tab.model.rowCount()))
    tab.quick_filters.clear()
    assert tab.model.rowCount() == 4
    window.set_language("ru")
    assert tab.quick_filters.combos["status"].itemText(1) == "Статус: Действующий"


def test_trade_gets_quick_filters_from_its_choice_fields(window: MainWindow) -> None:
    tab = window.tabs.show("trade")
    assert "flow" in tab.quick_filters.combos
    total = tab.model.rowCount()
    tab.quick_filters.choose("flow", "export")
    exports = tab.model.rowCount()
    assert 0 < exports < total
    assert all(tab.model.record(r).flow == "export" for r in range(exports))
    tab.quick_filters.choose("flow", "turnover")
    assert tab.model.rowCount() == total - exports


def test_an_empty_table_says_what_to_do(qtbot: Any, window: MainWindow) -> None:
    store = window.store
    empty = store.dossiers.add(DOSSIER.record(code="GE", name="Грузия"))
    window.refresh()
    assert window.dossier_list.select(empty.id)
    window.tabs.show(PROJECT.name)
    tab = window.tabs[PROJECT.name]
    assert tab.model.rowCount() == 0
    assert tab.view.empty_text == (
        "No projects in this dossier yet. Add one with Insert or the Add button."
    )
    painted = tab.view.viewport().grab().toImage()
    tab.view.set_empty_text("")
    blank = tab.view.viewport().grab().toImage()
    assert painted != blank  # the words are on screen
    tab.filter_edit.setText("экскаватор")
    tab.apply_filter()
    assert tab.view.empty_text == "No projects match the filter."


def test_deleting_a_trade_row_names_it_whole(window: MainWindow, answer_yes: list[str]) -> None:
    tab = window.tabs.show("trade")
    questions = []
    for row in (0, 1):
        tab.view.selectRow(row)
        record = tab.current_record()
        window.commands.delete_record.trigger()
        questions.append(answer_yes[-1])
        window.undo_log.undo()
        assert window.store.trade.get(record.id) is not None
    assert questions[0] != questions[1]  # two rows of 2012 told apart
    assert questions[0].endswith("Turnover, 2012, USD 223.3 million")
    assert questions[1].endswith("Turnover, 2012, ×6")


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_the_keyboard_context_menu_event_is_the_current_rows_menu(
    qtbot: Any, window: MainWindow
) -> None:
    """Under X11 the Menu key arrives as a context-menu event at the middle of the
    viewport, below the rows of a short table: it still opens the current row's menu."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    tab = window.tabs["official"]
    tab.view.setFocus()
    tab.view.selectRow(1)
    viewport = tab.view.viewport()
    below_rows = QPoint(viewport.width() // 2, viewport.height() - 5)
    assert not tab.view.indexAt(below_rows).isValid()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, below_rows, viewport.mapToGlobal(below_rows)
    )
    QApplication.sendEvent(viewport, event)
    assert "Edit…" in menu_texts(tab)
    assert "Copy row" in menu_texts(tab)
    assert tab.view.currentIndex().row() == 1
    tab.row_menu.close()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_the_row_menu_opens_the_rows_source(qtbot: Any, window: MainWindow) -> None:
    tab = window.tabs.show("official")
    row = next(
        r for r in range(tab.model.rowCount()) if getattr(tab.model.record(r), "source_id", None)
    )
    source_id = tab.model.record(row).source_id
    tab.view.setFocus()
    tab.view.selectRow(row)
    tab.show_row_menu(tab.view.visualRect(tab.model.index(row, 0)).center())
    trigger(tab, "Open its source")
    sources = window.tabs["source"]
    assert window.tabs.current_name() == "source"
    assert sources.current_record().id == source_id
