"""A 1024x700 screen: the search panel fits, the dossier list collapses (issue 21)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from dossier.store import Store
from dossier.ui import i18n
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@contextmanager
def window_at_1024(lang: str, qtbot: Any, store: Store) -> Iterator[MainWindow]:
    """The main window in `lang`, shown at 1024x700; English again afterwards."""
    i18n.install(lang)
    try:
        window = MainWindow(store, lang)
        qtbot.addWidget(window)
        window.show()
        window.resize(1024, 700)
        qtbot.waitExposed(window)
        yield window
        window.close()
    finally:
        i18n.install("en")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_search_panel_does_not_force_the_window_wider(
    lang: str, qtbot: Any, sample_store: Store
) -> None:
    with window_at_1024(lang, qtbot, sample_store) as window:
        window.show_search()
        qtbot.wait(10)
        assert window.search_dock.isVisible()
        assert window.minimumSizeHint().width() <= 1024
        assert window.width() == 1024


def test_the_dossier_list_collapses_and_comes_back(qtbot: Any, window: MainWindow) -> None:
    window.resize(1024, 700)
    window.splitter.setSizes([0, 1024])  # dragged shut
    assert window.splitter.sizes()[0] == 0
    assert window.pages.width() > 900
    window.commands.toggle_list.trigger()  # View > Dossier list opens it again
    assert window.splitter.sizes()[0] > 0
    assert window.dossier_list.isVisible()
    assert window.commands.toggle_list.isChecked()
    window.commands.toggle_list.trigger()
    assert not window.dossier_list.isVisible()
    assert not window.commands.toggle_list.isChecked()


def test_the_first_window_leaves_room_for_its_title_bar(qtbot: Any, sample_store: Store) -> None:
    """Driven by hand at 1366x768 (openbox): the window was as tall as the screen inside
    its frame, so with the title bar on top the status bar was below the screen's edge."""
    i18n.install("en")
    window = MainWindow(sample_store, "en")  # no saved geometry: the default size
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.height() + 30 <= room.height()  # a title bar's height to spare
    assert window.width() < room.width()
    window.close()


def test_the_first_window_and_its_forms_fit_the_screen(qtbot: Any, sample_store: Store) -> None:
    i18n.install("en")
    window = MainWindow(sample_store, "en")  # no saved geometry: the default size
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width()
    assert window.height() <= room.height()
    window.show()
    window.commands.add_record.trigger()
    form = window.editor.current
    assert form.height() <= room.height()
    form.done(0)
    window.close()


def _officials_view(window: MainWindow) -> Any:
    tab = window.tabs["official"]
    window.tab_widget.setCurrentWidget(tab)
    return tab.view


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_officials_column_is_in_sight_at_1024_with_the_list_open(
    lang: str, qtbot: Any, sample_store: Store
) -> None:
    """Before: the Status and Source columns needed the horizontal scroll bar."""
    with window_at_1024(lang, qtbot, sample_store) as window:
        view = _officials_view(window)
        assert window.dossier_list.isVisible()
        qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
        qtbot.wait(50)
        assert view.horizontalScrollBar().maximum() == 0
        header = view.horizontalHeader()
        shown = [c for c in range(header.count()) if not view.isColumnHidden(c)]
        assert len(shown) >= 7
        right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in shown)
        assert right <= view.viewport().width()
        # The list shut, the columns widen again (the post is no longer cut).
        post = shown[2]
        cut = header.sectionSize(post)
        window.commands.toggle_list.trigger()
        qtbot.waitUntil(lambda: header.sectionSize(post) > cut)


def test_a_cut_cell_shows_its_whole_text_as_tooltip(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

    window.show()
    window.resize(1024, 700)
    qtbot.waitExposed(window)
    view = _officials_view(window)
    view.setColumnWidth(2, 60)
    index = view.model().index(0, 2)
    rect = view.visualRect(index)
    event = QHelpEvent(
        QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center())
    )
    option = QStyleOptionViewItem()
    option.initFrom(view)
    assert view.itemDelegate().helpEvent(event, view, option, index)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == index.data()
    QToolTip.hideText()


def test_a_filter_leaving_no_rows_keeps_the_column_widths(qtbot: Any, window: MainWindow) -> None:
    """Before: with no row to measure, every column shrank to its title."""
    window.show()
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    tab = window.tabs["official"]
    window.tab_widget.setCurrentWidget(tab)
    header = tab.view.horizontalHeader()
    before = [header.sectionSize(c) for c in range(header.count())]
    tab.filter_edit.setText("nobody-is-called-this")
    tab.apply_filter()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert [header.sectionSize(c) for c in range(header.count() - 1)] == before[:-1]
