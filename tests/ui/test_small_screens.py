"""A 1024x700 screen: the search panel fits, the dossier list collapses (issue 21)."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.store import Store
from dossier.ui import i18n
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_search_panel_does_not_force_the_window_wider(
    lang: str, qtbot: Any, sample_store: Store
) -> None:
    i18n.install(lang)
    try:
        window = MainWindow(sample_store, lang)
        qtbot.addWidget(window)
        window.show()
        window.resize(1024, 700)
        qtbot.waitExposed(window)
        window.show_search()
        qtbot.wait(10)
        assert window.search_dock.isVisible()
        assert window.minimumSizeHint().width() <= 1024
        assert window.width() == 1024
        window.close()
    finally:
        i18n.install("en")


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
