"""File > Recently used stores (issue 21, item 2): the stores opened last, newest first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.store import open_store
from dossier.store.sample import load_sample
from dossier.ui import recent_stores
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def make_store(path: Path) -> Path:
    store = open_store(path)
    load_sample(store)
    store.close()
    return path


def entries(menu: Any) -> list[str]:
    return [a.text() for a in menu.fill()]


def test_opened_stores_are_listed_newest_first_and_reopen(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    first = make_store(tmp_path / "first.db")
    second = make_store(tmp_path / "second.db")
    menu = recent_stores.install(window)
    file_actions = window.menu("file").actions()
    assert file_actions[file_actions.index(window.commands.open_store) + 1].menu() is menu
    assert menu.title().replace("&", "") == "Recently used stores"
    assert [a.text() for a in menu.fill() if a.isEnabled()] == []  # the sample is in memory
    for path in (first, second):
        assert menu.open(str(path)) is window.store
    assert [t.split(" ")[1] for t in entries(menu)] == ["second.db", "first.db"]
    # Choosing the older one opens it and puts it first.
    menu.fill()[1].trigger()
    assert Path(window.store.path).name == "first.db"
    assert [t.split(" ")[1] for t in entries(menu)] == ["first.db", "second.db"]


def test_a_store_that_has_gone_is_greyed_not_dropped(window: MainWindow, tmp_path: Path) -> None:
    gone = make_store(tmp_path / "gone.db")
    menu = recent_stores.install(window)
    recent_stores.remember(gone)
    gone.unlink()
    (action,) = menu.fill()
    assert not action.isEnabled()
    assert action.text().endswith("(missing)")


def test_clear_the_list_and_a_damaged_setting(window: MainWindow, tmp_path: Path) -> None:
    from dossier.ui import settings

    menu = recent_stores.install(window)
    recent_stores.remember(make_store(tmp_path / "a.db"))
    menu.fill()
    clear = [a for a in menu.actions() if a.text().replace("&", "") == "Clear the list"]
    clear[0].trigger()
    assert recent_stores.recent() == []
    settings.put(recent_stores.KEY, "[not json")
    assert recent_stores.recent() == []
    assert menu.fill() == []
    assert menu.actions()[0].text() == "No stores opened yet"
