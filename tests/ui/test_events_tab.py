"""Issue 18 item 4: the visit and its programme have a tab: add, edit, delete, undo; the
brief's programme section prints what the tab holds."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from dossier.brief import BriefOptions, build_brief
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def titles(window: MainWindow) -> list[str]:
    model = window.tabs["event"].model
    return [model.record(r).title for r in range(model.rowCount())]


def test_events_tab_add_edit_delete_undo(
    fill: Any, qtbot: Any, answer_yes: list[str], window: MainWindow
) -> None:
    index = window.tab_widget.count() - 1
    assert window.tab_widget.tabText(index) == "Events (1)"
    window.show_tab(index)  # Ctrl+6
    window.commands.add_record.trigger()
    form = window.editor.current
    assert form is not None
    assert form.isVisible()
    fill(
        form,
        title="Возложение венка к Вечному огню",
        start_date="2013-11-26",
        time="09:30",
        place="Аллея шехидов",
        participants="А. Лукашенко, Н. Пацкевич",
        kind="ceremony",
        notes="Служебно: венок заказан посольством",
    )
    qtbot.mouseClick(
        form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not form.isVisible()
    assert "Возложение венка к Вечному огню" in titles(window)
    assert window.tab_widget.tabText(index) == "Events (2)"
    added = window.tabs["event"].current_record()
    assert added.time == "09:30"

    # The brief's programme prints it, with its time, place and participants; the
    # internal note only in the full brief.
    d = window.store.dossiers.list()[0]
    options = BriefOptions(lang="en", sections=("programme",))
    text = pdf_text(build_brief(window.store, d, options))
    for words in ("Возложение венка", "09:30", "Аллея шехидов", "А. Лукашенко", "Ceremony"):
        assert words in text
    assert "венок заказан" in text
    releasable = pdf_text(build_brief(window.store, d, options.replace(include_background=False)))
    assert "Возложение венка" in releasable
    assert "венок заказан" not in releasable

    # Edit, then undo the edit.
    window.commands.edit_record.trigger()
    fill(window.editor.current, time="10:00")
    window.editor.current.accept()
    assert window.store.events.get(added.id).time == "10:00"
    window.undo_log.undo()
    assert window.store.events.get(added.id).time == "09:30"

    # Delete asks first; undo brings the same record back.
    window.tabs["event"].select_record(added.id)
    window.commands.delete_record.trigger()
    assert answer_yes
    assert window.store.events.count() == 1
    window.undo_log.undo()
    assert window.store.events.get(added.id).title == "Возложение венка к Вечному огню"
    # Undo the add too (the undone edit is not in the way): back to the sample's one event.
    assert window.undo_log.undo_text() == "add event"
    window.undo_log.undo()
    assert window.store.events.count() == 1
    assert window.tab_widget.tabText(index) == "Events (1)"
