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
        "ru-1024x700.png",
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
        "ru-open-recent-two-stores.png",
        "ru-dialog-duplicates-two-scripts.png",
    } <= names
    for path in written:
        if path.name.endswith(
            ("row-menu.png", "column-chooser.png", "open-recent.png", "two-stores.png")
        ):
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


def test_screenshots_show_recent_stores_and_duplicates_with_content(
    qapp: Any, tmp_path: Path
) -> None:
    """Issue 21, item 6: the recent-stores menu and the duplicate finder also shown
    with something in them, not only empty."""
    from PySide6.QtWidgets import QApplication

    from dossier.ui import screenshots

    found: dict[str, list[str]] = {}
    save = screenshots._save

    def texts_then_save(widget: Any, path: Path) -> Path:
        from PySide6.QtWidgets import QListWidget, QMenu

        if isinstance(widget, QMenu):
            found[path.name] = [a.text() for a in widget.actions()]
        for lst in widget.findChildren(QListWidget):
            found[path.name] = [lst.item(i).text() for i in range(lst.count())]
        if hasattr(widget, "intro"):
            found[f"{path.name}:intro"] = [widget.intro.text()]
        return save(widget, path)

    screenshots._save = texts_then_save  # type: ignore[assignment]
    try:
        screenshots.write_screenshots(tmp_path, ["en"])
    finally:
        screenshots._save = save  # type: ignore[assignment]
    QApplication.processEvents()
    recent = found["en-open-recent-two-stores.png"]
    assert any("azerbaijan-2024.db" in t for t in recent)
    assert any("kazakhstan-archive.db" in t for t in recent)
    pairs = found["en-dialog-duplicates-two-scripts.png"]
    assert any("Мамедъяров" in t and "Mammadyarov" in t for t in pairs)
    assert "1 officials" not in found["en-dialog-duplicates-two-scripts.png:intro"][0]


def test_the_trade_tab_shot_shows_the_chart_not_its_placeholder(qapp: Any, tmp_path: Path) -> None:
    # The chart modules load on a worker thread when the tab first asks for a chart;
    # the shot waited for nothing and showed "Drawing the chart…".
    (path,) = (p for p in write_screenshots(tmp_path, ["en"]) if p.name == "en-tab-2-trade.png")
    image = QImage(str(path))
    chart_area = range(int(image.height() * 0.65), image.height())
    navy = sum(
        1
        for y in chart_area[::2]
        for x in range(0, image.width(), 2)
        if (c := image.pixelColor(x, y)).blue() > c.red() + 40 and c.red() < 80
    )
    assert navy > 500  # the bars (about 1 in 6 of the chart's pixels)
