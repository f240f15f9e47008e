"""Issue 18, item 7: counted strings in the window take the plural form of their
number in both languages (Qt's %n numerus forms from the .ts files)."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.ui.i18n import tr
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_counted_strings_agree_with_their_number(window: MainWindow) -> None:
    window.set_language("ru")
    assert [tr("%n result(s)", None, n) for n in (1, 2, 5, 21)] == [
        "1 результат",
        "2 результата",
        "5 результатов",
        "21 результат",
    ]
    assert tr("%n candidate(s) found.", None, 3) == "Найдено 3 кандидата."
    window.set_language("en")
    assert [tr("%n result(s)", None, n) for n in (1, 2)] == ["1 result", "2 results"]
    assert tr("%n talking point(s) addressed to “%s”.", None, 1) % "X" == (
        "1 talking point is addressed to “X”."
    )


def test_search_summary_counts_its_results(qtbot: Any, window: MainWindow) -> None:
    panel = window.search_panel
    window.set_language("ru")
    panel.field.insert("экскаваторов")
    qtbot.waitUntil(lambda: panel.results.rowCount() > 0, timeout=2000)
    summary = panel.summary.text()
    assert "(s)" not in summary
    assert summary.split()[1] in ("результат", "результата", "результатов")
