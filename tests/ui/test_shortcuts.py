"""Keys that fire and menus that follow the language (issue 21)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from dossier.store import Store
from dossier.ui import actions as actions_module
from dossier.ui import i18n
from dossier.ui.app import make_window
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


class X11KeySequence(QKeySequence):
    """QKeySequence as on X11, where the standard Redo is Ctrl+Shift+Z (offscreen: Ctrl+Y)."""

    def __init__(self, *args: Any) -> None:
        if args and args[0] == QKeySequence.StandardKey.Redo:
            args = ("Ctrl+Shift+Z",)
        super().__init__(*args)


@pytest.fixture
def full_window(qtbot: Any, sample_store: Store) -> MainWindow:
    """The window as `dossier gui` makes it: with lock and backup menu entries."""
    i18n.install("en")
    win = make_window(sample_store, "en")
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
    yield win
    win.close()
    i18n.install("en")


def every_shortcut(window: MainWindow) -> list[str]:
    from PySide6.QtGui import QAction

    keys = []
    for action in window.findChildren(QAction):
        keys += [k.toString() for k in action.shortcuts()]
    return keys


def test_redo_fires_by_ctrl_shift_z_and_ctrl_y_on_x11(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, sample_store: Store, answer_yes: list[str]
) -> None:
    monkeypatch.setattr(actions_module, "QKeySequence", X11KeySequence)
    i18n.install("en")
    window = MainWindow(sample_store, "en")
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    view = window.tabs["official"].view
    view.setFocus()  # where the user works: keys go to the table
    keys = every_shortcut(window)
    assert [k for k in keys if keys.count(k) > 1] == []  # nothing ambiguous
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)
    count = window.store.projects.count()
    window.ops.delete(window.store.projects.list()[0])
    assert window.store.projects.count() == count - 1
    for redo in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        assert window.store.projects.count() == count
        qtbot.keyClick(view, *redo)
        assert window.store.projects.count() == count - 1
    window.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_menu_entry_has_its_own_access_key(lang: str, full_window: MainWindow) -> None:
    full_window.set_language(lang)
    titles = [m.title() for m in full_window.commands.menus.values()]
    assert all(t.count("&") == 1 for t in titles), titles
    for menu in full_window.commands.menus.values():
        menu.aboutToShow.emit()  # as when it opens
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(keys) == len(texts), (menu.title(), texts)
        assert len(set(keys)) == len(keys), (menu.title(), texts)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_alt_f_opens_the_file_menu_in_russian_too(qtbot: Any, full_window: MainWindow) -> None:
    full_window.set_language("ru")
    menu = full_window.menu("file")
    assert menu.title() == "&Файл"
    full_window.tabs["official"].view.setFocus()
    qtbot.keyClick(full_window.tabs["official"].view, Qt.Key.Key_F, ALT)
    assert menu.isVisible()
    assert menu.actions()[0].text() == "&Новое досье…"
    menu.close()


def test_lock_and_backup_entries_follow_a_language_switch(full_window: MainWindow) -> None:
    full_window.set_language("ru")
    texts = [a.text().replace("&", "") for a in full_window.menu("file").actions()]
    for russian in (
        "Заблокировать",
        "Автоблокировка…",
        "Зашифровать хранилище…",
        "Сменить пароль…",
        "Восстановить из резервной копии…",
    ):
        assert russian in texts
    full_window.set_language("en")
    texts = [a.text().replace("&", "") for a in full_window.menu("file").actions()]
    assert "Lock" in texts
    assert "Restore from backup…" in texts


def test_the_unlock_error_is_in_the_interface_language(qtbot: Any, tmp_path: Any) -> None:
    from dossier.store import WrongPassphrase
    from dossier.store.errors import WRONG_PASSPHRASE
    from dossier.ui.passphrase_dialog import OPEN, PassphraseDialog

    def attempt(_passphrase: str) -> Any:
        # Told apart by its type, not its wording (issue 15, item 5).
        raise WrongPassphrase(f"{WRONG_PASSPHRASE}: {tmp_path / 'secret.db'}")

    i18n.install("ru")
    try:
        dialog = PassphraseDialog(tmp_path / "secret.db", OPEN, attempt, lang="ru")
        qtbot.addWidget(dialog)
        dialog.field.setText("wrong")
        dialog.buttons.accepted.emit()
        assert dialog.error.text() == "Неверный пароль или повреждённый файл"
    finally:
        i18n.install("en")


def test_f1_opens_the_manual_in_the_window_language(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, window: MainWindow
) -> None:
    abouts: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, _t: abouts.append(title))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert abouts == []
    help_window = window._help
    assert help_window is not None
    assert help_window.isVisible()
    assert "Dossier user manual" in help_window.document().toPlainText()
    help_window.find_edit.setText("redo")
    assert help_window.selected_text().lower() == "redo"
    help_window.close()
    window.set_language("ru")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "Руководство пользователя" in help_window.document().toPlainText()
    help_window.find_edit.setText("такого слова нет нигде")
    assert help_window.status.text() == "Не найдено"
