"""Typing a passphrase (issue 21, item 2): it can be shown, and Caps Lock is noticed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from dossier.ui.passphrase_dialog import CREATE, OPEN, PassphraseDialog

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("mode", [OPEN, CREATE])
def test_show_passphrase_shows_what_was_typed(qtbot: Any, mode: str) -> None:
    dialog = PassphraseDialog("store.db", mode)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "correct horse")
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    dialog.show_check.setChecked(True)
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.field.displayText() == "correct horse"
    if mode == CREATE:
        assert dialog.confirm.echoMode() == QLineEdit.EchoMode.Normal
    dialog.show_check.setChecked(False)
    assert dialog.field.displayText() != "correct horse"


def test_caps_lock_is_noticed_from_the_letters_typed(qtbot: Any) -> None:
    dialog = PassphraseDialog("store.db", OPEN)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.field, "a")
    assert not dialog.caps.isVisible()
    qtbot.keyClick(dialog.field, "B")  # a capital without Shift: Caps Lock
    assert dialog.caps.isVisible()
    assert dialog.caps.text() == "Caps Lock is on."
    qtbot.keyClick(dialog.field, "c", Qt.KeyboardModifier.ShiftModifier)  # small with Shift
    assert dialog.caps.isVisible()
    qtbot.keyClick(dialog.field, "D", Qt.KeyboardModifier.ShiftModifier)  # Shift works again
    assert not dialog.caps.isVisible()
    qtbot.keyClick(dialog.field, "7")  # no case: says nothing either way
    assert not dialog.caps.isVisible()
