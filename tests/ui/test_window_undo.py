"""Edit > Undo is the store's log (issue 15, item 2): named after the operation, shared
with `dossier undo`, refused when another process changed the records since."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from dossier.cli import main
from dossier.store import open_store
from dossier.store.labels import localize
from dossier.ui import i18n
from dossier.ui.main_window import MainWindow
from dossier.ui.task_progress import run_modal

pytestmark = pytest.mark.gui

OFFICIALS_CSV = "name,position\nМухтар Бабаев,Министр экологии\nСамир Шарифов,Министр финансов\n"


@pytest.fixture
def file_window(qtbot: Any, store_file: Path) -> Any:
    """The window over a store file (so a command can change it meanwhile)."""
    i18n.install("en")
    win = MainWindow(open_store(store_file), "en")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.set_store(None)
    i18n.install("en")


def test_undo_names_an_import_made_from_the_terminal_and_takes_it_back(
    file_window: MainWindow, store_file: Path, tmp_path: Path, capsys: Any
) -> None:
    csv = tmp_path / "officials.csv"
    csv.write_text(OFFICIALS_CSV, encoding="utf-8")
    before = file_window.store.officials.count()
    assert main(["--store", str(store_file), "import-officials", str(csv), "--country", "AZ"]) == 0
    file_window.refresh()  # what the outside-changes watcher does
    undo = file_window.commands.undo
    assert undo.isEnabled()
    assert undo.text() == "&Undo 2 officials added, 1 source added"
    undo.trigger()
    assert file_window.store.officials.count() == before
    assert file_window.commands.redo.text() == "&Redo 2 officials added, 1 source added"


def test_an_edit_in_the_window_is_undone_by_the_command(
    file_window: MainWindow, store_file: Path, capsys: Any
) -> None:
    store = file_window.store
    official = store.officials.list()[0]
    file_window.ops.update(official, dataclasses.replace(official, position="Посол"))
    assert file_window.commands.undo.text() == "&Undo edit official"
    assert main(["--store", str(store_file), "undo"]) == 0
    assert "edit official" in capsys.readouterr().out
    assert store.officials.get(official.id).position == official.position
    file_window.refresh()
    assert file_window.commands.redo.text() == "&Redo edit official"


def test_undo_refuses_when_the_record_changed_outside_and_changes_nothing(
    file_window: MainWindow, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    store = file_window.store
    official = store.officials.list()[0]
    file_window.ops.update(official, dataclasses.replace(official, position="Посол"))
    # Another program changes the record behind the log's back (no operation of its own).
    other = open_store(store_file)
    other.db.execute("UPDATE officials SET position = 'Другой' WHERE id = ?", [official.id])
    other.close()
    assert not file_window.undo_log.undo()
    assert warned
    assert "edit official" in warned[0]
    assert "Nothing was changed" in warned[0]
    assert store.officials.get(official.id).position == "Другой"  # not overwritten
    assert file_window.commands.undo.text() == "&Undo edit official"  # still offered


def test_labels_read_back_in_russian() -> None:
    assert localize("import of 63 officials", "ru") == "импорт: 63 должностных лица"
    assert localize("Undo add official", "ru") == "отмена: добавление: должностное лицо"
    assert localize("2 officials added, 1 source added", "ru") == (
        "добавлено 2 должностных лица, добавлено 1 источник"
    )
    assert localize("something older", "ru") == "something older"


def test_the_interpreter_is_as_it_was_after_a_task(file_window: MainWindow) -> None:
    before = sys.getswitchinterval()
    assert run_modal(file_window, "x", lambda _p: sys.getswitchinterval()) < before
    assert sys.getswitchinterval() == before


def test_undo_is_named_in_russian(file_window: MainWindow) -> None:
    store = file_window.store
    official = store.officials.list()[0]
    file_window.ops.update(official, dataclasses.replace(official, position="Посол"))
    file_window.set_language("ru")
    assert file_window.commands.undo.text() == "&Отменить изменение: должностное лицо"
    file_window.undo_log.undo()
    assert file_window.commands.redo.text() == "&Повторить изменение: должностное лицо"


def test_a_delete_in_the_window_is_one_operation_the_command_undoes(
    file_window: MainWindow, store_file: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cascade (the dossier with everything in it) is the store's own operation."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    store = file_window.store
    dossier = file_window.current_dossier()
    counts = (store.officials.count(dossier.id), store.trade.count(dossier.id))
    assert file_window.ops.delete(dossier)
    assert store.dossiers.count() == 0
    assert file_window.commands.undo.text().startswith("&Undo delete dossier “")
    assert main(["--store", str(store_file), "undo"]) == 0
    assert "delete dossier" in capsys.readouterr().out
    again = store.dossiers.get(dossier.id)  # the same id: links stay valid
    assert (store.officials.count(again.id), store.trade.count(again.id)) == counts
