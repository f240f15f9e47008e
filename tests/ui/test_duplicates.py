"""Dossier > Find duplicate officials… (issue 21, item 2): one person entered in
Cyrillic and in Latin is found, merged in one step, and Ctrl+Z separates them."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.model import OFFICIAL, TALKING_POINT
from dossier.store import Store
from dossier.ui import duplicates
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def officials(store: Store, dossier_id: int) -> list[Any]:
    return store.officials.list(dossier_id)


def test_find_pairs_across_scripts_and_not_namesakes() -> None:
    a = OFFICIAL.record(id=1, dossier_id=1, name="Ильхам Алиев", side="host", status="current")
    b = OFFICIAL.record(id=2, dossier_id=1, name="Ilham Aliyev", side="host", status="current")
    c = OFFICIAL.record(id=3, dossier_id=1, name="Мехрибан Алиева", side="host", status="current")
    d = OFFICIAL.record(id=4, dossier_id=1, name="Эльмар Мамедъяров", side="host", status="current")
    pairs = duplicates.find_pairs([a, b, c, d])
    assert [(k.id, o.id) for k, o in pairs] == [(1, 2)]


def test_merge_then_undo_and_redo(qtbot: Any, window: MainWindow, sample_store: Store) -> None:
    dossier = window.current_dossier()
    cyrillic = sample_store.officials.add(
        OFFICIAL.record(
            dossier_id=dossier.id,
            name="Эльмар Мамедъяров",
            side="host",
            status="current",
            position="Министр иностранных дел",
        )
    )
    latin = sample_store.officials.add(
        OFFICIAL.record(
            dossier_id=dossier.id,
            name="Elmar Mammadyarov",
            side="host",
            status="current",
            birth_date="1960-07-02",
        )
    )
    point = sample_store.talking_points.add(
        TALKING_POINT.record(dossier_id=dossier.id, text="Для министра.", audience_id=latin.id)
    )
    before = len(officials(sample_store, dossier.id))
    dialog = duplicates.DuplicatesDialog(window)
    qtbot.addWidget(dialog)
    labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    row = next(i for i, t in enumerate(labels) if "Мамедъяров" in t)
    dialog.list.setCurrentRow(row)
    assert dialog.merge_button.isEnabled()
    dialog.merge_selected()

    kept = sample_store.officials.get(cyrillic.id)
    assert len(officials(sample_store, dossier.id)) == before - 1
    assert kept.name_latin == "Elmar Mammadyarov"
    assert str(kept.birth_date) == "1960-07-02"
    assert sample_store.talking_points.get(point.id).audience_id == cyrillic.id
    assert all("Мамедъяров" not in dialog.list.item(i).text() for i in range(dialog.list.count()))

    assert "merge of duplicate officials" in window.undo_log.undo_text().lower()
    window.undo_log.undo()
    assert len(officials(sample_store, dossier.id)) == before
    assert sample_store.officials.get(cyrillic.id).name_latin in (None, "")
    assert sample_store.officials.get(latin.id).name == "Elmar Mammadyarov"
    assert sample_store.talking_points.get(point.id).audience_id == latin.id

    window.undo_log.redo()
    assert len(officials(sample_store, dossier.id)) == before - 1
    assert sample_store.talking_points.get(point.id).audience_id == cyrillic.id


def test_the_menu_entry_and_a_dossier_without_duplicates(qtbot: Any, window: MainWindow) -> None:
    action = duplicates.install(window)
    assert action in window.menu("dossier").actions()
    assert action.isEnabled()
    action.trigger()
    dialog = window.duplicates_dialog
    assert dialog is not None
    assert dialog.list.count() == 0
    assert "No official" in dialog.intro.text()
    assert not dialog.merge_button.isEnabled()
    dialog.done(0)
