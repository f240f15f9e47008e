"""The window shows what another process wrote to its store (issue 14, item 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dossier.store import open_store
from dossier.ui import i18n

pytestmark = pytest.mark.gui


def shown_names(window: Any) -> list[str]:
    model = window.tabs["official"].model
    return [model.record(r).name for r in range(model.rowCount())]


def test_an_import_in_a_terminal_appears_in_the_open_window(
    qtbot: Any, store_file: Path, tmp_path: Path
) -> None:
    from dossier.ui.app import make_window

    i18n.install("en")
    win = make_window(open_store(store_file), "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    before = win.tab_widget.tabText(0)
    assert "Иван Терминальный" not in shown_names(win)

    csv = tmp_path / "officials.csv"
    csv.write_text("name,position\nИван Терминальный,советник\n", "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dossier",
            "--store",
            str(store_file),
            "import-officials",
            str(csv),
            "--country",
            "AZ",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    qtbot.waitUntil(lambda: "Иван Терминальный" in shown_names(win), timeout=10_000)
    assert win.tab_widget.tabText(0) != before  # the count on the tab moved too
    store = win.store
    win.close()
    store.close()


def test_a_store_file_replaced_on_disk_is_said_once_and_takes_no_write(
    qtbot: Any, store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dossier.model import Official
    from dossier.ui.app import make_window

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    i18n.install("en")
    win = make_window(open_store(store_file), "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    other = tmp_path / "other.db"
    open_store(other).close()
    other.replace(store_file)  # another program put another file in its place

    qtbot.waitUntil(
        lambda: "replaced or removed" in win.statusBar().currentMessage(), timeout=10_000
    )
    dossier = win.current_dossier()
    assert win.ops.add(Official(dossier_id=dossier.id, name="Не сохранится")) is None
    assert "was replaced or removed while it was open" in warnings[0]
    store = win.store
    win.close()
    store.close()
