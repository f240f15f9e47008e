"""Issue 19: a record's texts and their English versions, edited side by side."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_english_version_is_typed_beside_the_original(
    qtbot: Any, window: MainWindow, fill: Any
) -> None:
    window.actions.add_record.trigger()
    form = window.editor.current
    qtbot.waitExposed(form)
    original, english = form.widgets["position"], form.widgets["position_en"]
    # Beside it on the same row, not on a row of its own further down.
    left = original.mapTo(form, original.rect().topLeft())
    right = english.mapTo(form, english.rect().topLeft())
    assert right.x() > left.x() + original.width() // 2
    assert abs(right.y() - left.y()) < 5
    assert english.editor.placeholderText()
    assert form.widgets["name_latin"].mapTo(
        form, form.widgets["name_latin"].rect().topLeft()
    ).y() == (form.widgets["name"].mapTo(form, form.widgets["name"].rect().topLeft()).y())
    fill(form, name="Самир Шарифов", name_latin="Samir Sharifov")
    fill(form, position="Министр финансов", position_en="Minister of Finance")
    form.accept()
    assert form.saved is not None
    saved = window.store.officials.get(form.saved.id)
    assert (saved.position, saved.position_en) == ("Министр финансов", "Minister of Finance")
    assert saved.name_latin == "Samir Sharifov"
