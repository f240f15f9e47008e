"""Help > About tells IT support the version, the store, its schema and the libraries."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from dossier import app_version
from dossier.store import open_store
from dossier.store.migrations import latest_version
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_about_shows_version_store_schema_and_libraries(
    qtbot: Any, store_file: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    store = open_store(store_file)
    win = MainWindow(store, "en")
    qtbot.addWidget(win)
    win.show_about()
    win.close()
    store.close()
    (text,) = shown
    assert f"Dossier {app_version()}" in text
    assert f"Store: {store_file} (schema {latest_version()}, not encrypted)" in text
    assert "reportlab" in text
    assert "Qt 6." in text
