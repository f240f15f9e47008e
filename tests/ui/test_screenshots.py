"""`dossier screenshots` and `dossier gui --smoke` through the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from dossier.cli import main
from dossier.ui.screenshots import write_screenshots

pytestmark = pytest.mark.gui


def test_screenshots_of_every_tab_form_and_search(qapp: Any, tmp_path: Path) -> None:
    written = write_screenshots(tmp_path, ["ru"])
    names = {p.name for p in written}
    assert {
        "ru-tab-1-official.png",
        "ru-tab-2-trade.png",
        "ru-tab-5-source.png",
        "ru-form-official.png",
        "ru-form-trade-invalid.png",
        "ru-search.png",
        "ru-officials-current-only.png",
        "ru-row-menu.png",
        "ru-1024x700-list-shut.png",
        "ru-manual.png",
        "ru-officials-none-match.png",
        "ru-column-chooser.png",
        "ru-open-recent.png",
        "ru-1366x768.png",
        "ru-dialog-brief.png",
        "ru-dialog-preferences.png",
        "ru-dialog-unlock.png",
        "ru-dialog-new-passphrase.png",
        "ru-dialog-first-run.png",
        "ru-dialog-trade-import.png",
        "ru-dialog-officials-import.png",
        "ru-dialog-capture.png",
        "ru-dialog-duplicates.png",
    } <= names
    for path in written:
        if path.name.endswith(("row-menu.png", "column-chooser.png", "open-recent.png")):
            continue  # a menu, not a window
        image = QImage(str(path))
        small = "-dialog-" in path.name  # a dialog is as big as its content
        assert image.width() >= (300 if small else 400), path.name
        assert image.height() >= (80 if small else 300), path.name


def test_screenshots_command_refuses_unknown_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["screenshots", "--out", str(tmp_path), "--langs", "de"]) == 1
    assert "Unknown language de" in capsys.readouterr().err


def test_gui_smoke_through_the_command_line(
    qapp: Any, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", str(store_file), "gui", "--smoke", "--ui-lang", "ru"]) == 0
    assert "main window shown" in capsys.readouterr().out
