"""Issue 17, item 1: a post read from another sentence is shown unticked with its
reason in the review window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dossier.ui import capture_dialog

pytestmark = pytest.mark.gui

TEXT = (
    "Премьер-министр Армении заявил о переговорах с Баку. Пашинян уточнил, что "
    "встреча пройдет в Брюсселе.\n"
)


def test_a_post_from_context_is_unticked_with_its_reason(window, qtbot, tmp_path) -> None:
    window.capture_action = capture_dialog.install(window)
    window.capture_action.trigger()
    dialog = window.capture_dialog
    dialog.date_edit.setText("2019-03-12")
    dialog.text_edit.setPlainText(TEXT)
    with qtbot.waitSignal(dialog.analysed, timeout=60_000):
        qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    tree = dialog.tree
    items = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    person = next(item for item in items if item.text(0).startswith("Пашинян"))
    assert person.checkState(0) == Qt.CheckState.Unchecked
    row = [person.text(c) for c in range(tree.columnCount())]
    assert "Премьер-министр Армении" in " ".join(row)
    assert "post from context" in row
    shot = tmp_path / "capture.png"
    assert dialog.grab().save(str(shot))
    dialog.close()
