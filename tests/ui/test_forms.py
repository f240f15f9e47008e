"""Forms a user types into: first focus, nothing typed lost, errors in sight (issue 21)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def open_form(qtbot: Any, window: MainWindow) -> Any:
    window.commands.add_record.trigger()
    form = window.editor.current
    qtbot.waitExposed(form)
    return form


def test_a_form_opens_with_the_cursor_in_its_first_field(qtbot: Any, window: MainWindow) -> None:
    form = open_form(qtbot, window)
    # The dialog's focus, which typing reaches once it is the active window.
    assert form.focusWidget() is form.widgets["name"].editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.widgets["name"].editor)
    qtbot.keyClicks(QApplication.focusWidget(), "Heydar")
    assert form.widgets["name"].value() == "Heydar"
    form.done(0)


def test_escape_on_a_changed_form_asks_before_discarding(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, window: MainWindow, fill: Any
) -> None:
    replies = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return replies.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    form = open_form(qtbot, window)
    fill(form, name="Гейдар Алиев", position="Президент")
    qtbot.keyClick(form.widgets["name"].editor, Qt.Key.Key_Escape)
    assert len(asked) == 1
    assert form.isVisible()  # "No": the typing is still there
    assert form.widgets["position"].value() == "Президент"
    form.buttons.rejected.emit()  # Cancel, answered "Yes"
    assert len(asked) == 2
    assert not form.isVisible()
    assert window.store.officials.count() == 3


def test_escape_on_an_untouched_form_just_closes(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, window: MainWindow
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]))
    window.tabs["official"].view.selectRow(0)
    window.commands.edit_record.trigger()
    form = window.editor.current
    qtbot.waitExposed(form)
    qtbot.keyClick(form.widgets["name"].editor, Qt.Key.Key_Escape)
    assert asked == []
    assert not form.isVisible()


def test_save_scrolls_to_the_first_error_below_the_visible_part(
    qtbot: Any, window: MainWindow, fill: Any
) -> None:
    form = open_form(qtbot, window)
    form.resize(600, 300)  # a small screen: the last fields are out of sight
    qtbot.wait(10)
    fill(form, name="Гейдар Алиев", last_verified="not a date")
    error = form.errors["last_verified"]
    qtbot.mouseClick(
        form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert form.isVisible()
    assert error.isVisible()
    viewport = form.scroll_area.viewport()
    top = error.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0
    assert top + error.height() <= viewport.height()
    assert QApplication.focusWidget() is form.widgets["last_verified"].editor
    form.done(0)
