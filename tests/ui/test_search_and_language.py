"""Global search (Ctrl+F) and switching the interface language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from dossier.ui.main_window import MainWindow
from dossier.ui.preferences import PreferencesDialog
from dossier.ui.search_panel import HIT_ROLE

pytestmark = pytest.mark.gui


def groups(window: MainWindow) -> dict[str, int]:
    model = window.search_panel.results
    return {
        model.item(r).text().rsplit(" (", 1)[0]: model.item(r).rowCount()
        for r in range(model.rowCount())
    }


def test_ctrl_f_searches_as_you_type_and_enter_jumps(qtbot: Any, window: MainWindow) -> None:
    assert not window.search_dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.search_panel
    assert window.search_dock.isVisible()
    assert panel.field.hasFocus()
    panel.field.insert("алиев")  # any case; results come after a short pause
    assert panel.results.rowCount() == 0
    qtbot.waitUntil(lambda: panel.results.rowCount() > 0, timeout=2000)
    found = groups(window)
    assert found["Officials"] == 1
    assert "Sources" in found  # the article mentions him too
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.current_tab() is window.tabs["official"]
    assert window.tabs["official"].current_record().name == "Ильхам Алиев"
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert not window.search_dock.isVisible()


def test_search_results_are_grouped_and_jump_to_any_kind(qtbot: Any, window: MainWindow) -> None:
    panel = window.search_panel
    window.show_search()
    panel.field.setText("экскаваторов")
    panel.run_search()
    found = groups(window)
    assert "Projects" in found
    model = panel.results
    group = next(
        model.item(r)
        for r in range(model.rowCount())
        if model.item(r).text().startswith("Projects")
    )
    hit = group.child(0)
    assert "\x02" not in hit.text()  # match markers are not shown raw
    panel.view.setCurrentIndex(hit.index())
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    kind, record_id, _ = hit.data(HIT_ROLE)
    assert window.current_tab() is window.tabs[kind]
    assert window.tabs[kind].current_record().id == record_id


def test_search_for_nothing_says_so(window: MainWindow) -> None:
    window.show_search()
    window.search_panel.field.setText("zzzzqqq")
    window.search_panel.run_search()
    assert window.search_panel.summary.text() == "Nothing found."
    window.search_panel.field.setText('"AND NEAR(*')  # FTS syntax is searched literally
    window.search_panel.run_search()
    assert window.search_panel.results.rowCount() == 0


def test_switching_to_russian_changes_every_text(window: MainWindow) -> None:
    window.set_language("ru")
    assert window.menu("file").title() == "&Файл"
    assert window.commands.add_record.text() == "&Добавить запись…"
    assert window.tab_widget.tabText(0) == "Должностные лица (3)"
    tab = window.tabs["official"]
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Имя"
    assert tab.add_button.text() == "Добавить"
    assert window.points_tab.kind_combo.itemText(0) == "Все виды"
    form = window.editor.form(tab.spec)
    assert form.windowTitle() == "Новая запись: Должностное лицо"
    form.deleteLater()
    window.set_language("en")
    assert window.menu("file").title() == "&File"
    assert window.tab_widget.tabText(0) == "Officials (3)"


def test_preferences_dialog_switches_and_remembers_language(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    def exec_(dialog: PreferencesDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("ru"))
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window.commands.preferences.trigger()
    assert window.lang == "ru"
    assert window.menu("edit").title() == "&Правка"
    from dossier.ui import settings

    assert settings.get("lang") == "ru"
    from dossier.ui.app import choose_language

    assert choose_language(None) == "ru"
    assert choose_language("en") == "en"
