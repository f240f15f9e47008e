"""Hint texts have enough contrast to read (issue 21, item 5): at least WCAG's 4.5:1
against the window, where a disabled label's grey gave about 1.5:1."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel

from dossier.ui.hints import contrast
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def text_contrast(label: QLabel) -> float:
    role = QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled
    palette = label.palette()
    return contrast(
        palette.color(role, QPalette.ColorRole.WindowText),
        palette.color(role, QPalette.ColorRole.Window),
    )


def test_the_preferences_hint_is_readable(qtbot: Any) -> None:
    from dossier.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog("en")
    qtbot.addWidget(dialog)
    hint = dialog.findChild(QLabel, "language_hint")
    assert hint is not None
    assert text_contrast(hint) >= 4.5


def test_a_forms_required_note_is_readable(qtbot: Any, window: MainWindow) -> None:
    window.commands.add_record.trigger()
    form = window.editor.current
    note = form.findChild(QLabel, "required_note")
    assert note is not None
    assert text_contrast(note) >= 4.5
    form.done(0)


def test_no_label_of_the_window_or_a_form_is_greyed_by_disabling(
    qtbot: Any, window: MainWindow
) -> None:
    window.commands.add_record.trigger()
    form = window.editor.current
    for top in (window, form):
        greyed = [
            label.text()
            for label in top.findChildren(QLabel)
            if label.text() and not label.isEnabled() and label.isVisibleTo(top)
        ]
        assert greyed == []
    form.done(0)
