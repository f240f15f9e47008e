"""A file dropped on the window starts the import that fits it (issue 21, item 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from dossier.ui import file_drop
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("tradhist_excerpt.csv", "trade"),
        ("trade_excerpt.xls", "trade"),
        ("azerbaijan_holders_excerpt.csv", "officials"),
        ("world_leaders_excerpt.csv", "officials"),
        ("aj_excerpt.json", None),
    ],
)
def test_each_file_goes_to_its_import(name: str, kind: str | None) -> None:
    assert file_drop.kind_of(FIXTURES / name) == kind


def test_texts_and_dossier_files(tmp_path: Path) -> None:
    assert file_drop.kind_of(tmp_path / "article.txt") == "capture"
    assert file_drop.kind_of(tmp_path / "from-minsk.dossier") == "merge"


def drop(window: MainWindow, path: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(window.width() / 2, window.height() / 2)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(window, QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods))
    return True


def test_a_dropped_trade_table_opens_the_trade_import_with_it(
    qtbot: Any, window: MainWindow
) -> None:
    from dossier.ui.trade_import_dialog import TradeImportDialog

    file_drop.install(window, delay_ms=0)
    assert window.acceptDrops()
    assert drop(window, FIXTURES / "tradhist_excerpt.csv")
    dialog = window.findChild(TradeImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.path is not None and dialog.path.name == "tradhist_excerpt.csv")
    dialog.done(0)


def test_a_dropped_text_opens_capture_with_it(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    text = tmp_path / "visit.txt"
    text.write_text("Президент Ильхам Алиев встретился с послом.", encoding="utf-8")
    file_drop.install(window, delay_ms=0)
    assert drop(window, text)
    dialog = window.capture_dialog
    assert dialog is not None
    assert "Ильхам Алиев" in dialog.text_edit.toPlainText()
    dialog.done(0)


def test_an_unknown_file_says_so_and_opens_nothing(window: MainWindow, tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    file_drop.install(window, delay_ms=0)
    assert drop(window, photo)
    assert "photo.jpg is not a file Dossier can import." in window.statusBar().currentMessage()


def test_the_window_takes_drops_a_moment_after_start(qtbot: Any, window: MainWindow) -> None:
    target = file_drop.install(window, delay_ms=50)
    assert not target.started  # not before the first paint has settled
    qtbot.waitUntil(lambda: target.started)
    assert window.acceptDrops()
