"""Fixtures for the desktop app's tests: a main window over the sample dossier."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from dossier.store import Store
from dossier.ui import i18n
from dossier.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, sample_store: Store) -> MainWindow:
    """The main window in English over an in-memory sample store, shown offscreen."""
    i18n.install("en")
    win = MainWindow(sample_store, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()  # before the store fixture closes the store
    i18n.install("en")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of every QMessageBox.warning shown."""
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation is answered Yes; the questions asked are recorded."""
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def fill() -> Any:
    """fill(form, field=value, ...): type into a form's fields as a user would."""
    return _fill


def _fill(form: Any, **values: str) -> None:
    for name, value in values.items():
        widget = form.widgets[name]
        if hasattr(widget, "combo"):
            widget.combo.setCurrentIndex(widget.combo.findData(value))
        elif hasattr(widget, "check"):
            widget.check.setChecked(bool(value))
        elif hasattr(widget, "edit") and hasattr(widget.edit, "setPlainText"):
            widget.edit.setPlainText(value)
        else:
            widget.edit.setText(value)
