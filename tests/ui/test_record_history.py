"""A record's history from its row menu, and reverting to an earlier version
(issue 15, item 2: as KeePassXC does for entries)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from dossier.ui.main_window import MainWindow
from dossier.ui.row_menu import row_menu

pytestmark = pytest.mark.gui


def open_history(window: MainWindow, record_id: int) -> Any:
    tab = window.tabs["official"]
    assert tab.select_record(record_id)
    menu = row_menu(tab, tab.view.currentIndex())  # what right click shows
    entry = next(a for a in menu.actions() if a.text().replace("&", "") == "History…")
    entry.trigger()
    assert window.history_dialog is not None
    return window.history_dialog


def test_history_lists_versions_and_reverting_is_one_undoable_operation(
    window: MainWindow,
) -> None:
    store = window.store
    official = store.officials.list()[0]
    window.ops.update(official, dataclasses.replace(official, position="Посол"))
    window.ops.update(
        store.officials.get(official.id), dataclasses.replace(official, position="Министр")
    )
    dialog = open_history(window, official.id)
    assert dialog.list.rowCount() == 3  # added with the sample, then two edits
    assert dialog.list.item(0, 1).text() == "edit official"
    assert dialog.list.item(0, 3).text() == "Post"
    assert not dialog.revert_button.isEnabled()  # the newest is the record as it is
    dialog.list.setCurrentCell(2, 0)  # as the sample added it
    shown = {
        dialog.fields.item(r, 0).text(): dialog.fields.item(r, 1).text()
        for r in range(dialog.fields.rowCount())
    }
    assert shown["Post"] == official.position
    assert dialog.revert_button.isEnabled()
    dialog.revert_button.click()
    assert store.officials.get(official.id).position == official.position
    assert dialog.list.rowCount() == 4  # the revert is a version too
    assert window.commands.undo.text().startswith("&Undo revert official")
    window.undo_log.undo()
    assert store.officials.get(official.id).position == "Министр"
    dialog.close()


def test_history_in_russian(window: MainWindow) -> None:
    window.set_language("ru")
    official = window.store.officials.list()[0]
    window.ops.update(official, dataclasses.replace(official, position="Посол"))
    tab = window.tabs["official"]
    assert tab.select_record(official.id)
    dialog = window.show_history(official)
    assert dialog.windowTitle() == "История: должностное лицо"
    assert dialog.list.item(0, 1).text() == "изменение: должностное лицо"
    assert dialog.revert_button.text() == "&Вернуть эту версию"
    dialog.close()


def test_one_version_is_not_counted_as_versions(window: MainWindow) -> None:
    """Driven by hand: a record never edited read "“…”: 1 versions, newest first."."""
    official = window.store.officials.list()[0]
    dialog = open_history(window, official.id)
    assert dialog.list.rowCount() == 1
    assert "1 versions" not in dialog.heading.text()
    assert "1 version" in dialog.heading.text()
    dialog.close()
