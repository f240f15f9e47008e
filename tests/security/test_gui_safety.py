"""The app's safety features: passphrase dialog, auto-lock, restore from backup."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from security_helpers import PASSPHRASE

from dossier.model import OFFICIAL
from dossier.store import Store, open_store
from dossier.store.backup import list_backups, make_backup
from dossier.ui import i18n, settings
from dossier.ui.passphrase_dialog import CREATE, OPEN, PassphraseDialog
from dossier.ui.tasks import finish_all

pytestmark = pytest.mark.gui


def _ok(dialog: PassphraseDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def encrypted_window(qtbot: Any, encrypted_file: Path) -> Any:
    """The main window with its extensions over an encrypted store."""
    from dossier.ui.app import make_window

    i18n.install("en")
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    win = make_window(store, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.store is not None:
        finish_all()  # as the app does: the open-backup may be reading the store
        win.store.close()


def test_a_wrong_passphrase_keeps_the_dialog_open(qtbot: Any, encrypted_file: Path) -> None:
    opened: list[Store] = []

    def attempt(p: str) -> Store:
        store = open_store(encrypted_file, passphrase=p)
        opened.append(store)
        return store

    dialog = PassphraseDialog(encrypted_file, OPEN, attempt)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.field, "wrong guess")
    _ok(dialog)
    assert dialog.isVisible()
    assert "Wrong passphrase or damaged file" in dialog.error.text()
    assert dialog.field.text() == ""
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    _ok(dialog)
    assert not dialog.isVisible()
    assert dialog.result_value is opened[0]
    assert dialog.field.text() == ""  # not kept in the widget
    opened[0].close()


def test_creating_shows_strength_and_wants_it_twice(qtbot: Any, tmp_path: Path) -> None:
    dialog = PassphraseDialog(tmp_path / "new.db", CREATE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "abc")
    weak = dialog.strength.value()
    assert "short" in dialog.hint.text()
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "four unrelated words here, really")
    assert dialog.strength.value() > weak
    qtbot.keyClicks(dialog.confirm, "something else entirely")
    _ok(dialog)
    assert dialog.isVisible()
    assert "differ" in dialog.error.text()
    qtbot.keyClicks(dialog.field, "four unrelated words here, really")
    qtbot.keyClicks(dialog.confirm, "four unrelated words here, really")
    dialog.grab().save(str(tmp_path / "create.png"))
    _ok(dialog)
    assert dialog.result_value == "four unrelated words here, really"


def _visible_texts(widget: QWidget) -> str:
    texts = []
    for w in (widget, *widget.findChildren(QWidget)):
        if w.isVisible():
            for attr in ("text", "windowTitle", "toPlainText"):
                value = getattr(w, attr, None)
                if callable(value):
                    with contextlib.suppress(TypeError):
                        texts.append(str(value()))
    return "\n".join(texts)


def test_lock_hides_everything_drops_the_store_and_keeps_form_input(
    qtbot: Any, encrypted_window: Any, tmp_path: Path
) -> None:
    win = encrypted_window
    assert "Азербайджан" in _visible_texts(win)
    official = win.store.officials.list()[0]
    form = win.editor.edit(official)
    qtbot.waitExposed(form)
    form.widgets["notes"].edit.setPlainText("Не сохранённая заметка")
    old_store = win.store

    win.findChild(QAction, "action_lock").trigger()
    locker = win.locker
    assert locker.locked
    assert win.store is None
    # Driven by hand: the window's title said only "Dossier" while locked.
    assert win.windowTitle() == "Dossier (locked)"
    assert form.windowTitle() == "Dossier (locked)"
    with pytest.raises(Exception, match="closed"):
        old_store.dossiers.count()  # the connection (and SQLCipher's key) is gone
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top is not locker.dialog:
            assert "Азербайджан" not in _visible_texts(top)
            assert "Не сохранённая" not in _visible_texts(top)
    win.grab().save(str(tmp_path / "locked.png"))

    qtbot.keyClicks(locker.dialog.field, "not it")
    _ok(locker.dialog)
    assert locker.locked
    assert "Wrong passphrase" in locker.dialog.error.text()
    qtbot.keyClicks(locker.dialog.field, PASSPHRASE)
    _ok(locker.dialog)
    assert not locker.locked
    assert win.store is not None
    assert form.isVisible()
    assert form.widgets["notes"].edit.toPlainText() == "Не сохранённая заметка"
    assert "Азербайджан" in _visible_texts(win)
    assert "Азербайджан" in win.windowTitle()
    # The form saves into the reopened store.
    form.accept()
    assert win.store.officials.get(official.id).notes == "Не сохранённая заметка"


def test_idle_time_locks(qtbot: Any, encrypted_window: Any) -> None:
    locker = encrypted_window.locker
    assert locker.minutes == 5  # the default
    locker.timer.setInterval(200)
    locker.timer.start()
    qtbot.waitUntil(lambda: locker.locked, timeout=5000)
    assert encrypted_window.store is None
    locker.dialog.reject()  # "Quit": the window closes
    qtbot.waitUntil(lambda: not encrypted_window.isVisible())


def test_activity_restarts_the_idle_timer(qtbot: Any, encrypted_window: Any) -> None:
    locker = encrypted_window.locker
    locker.timer.setInterval(400)
    locker.timer.start()
    for _ in range(8):  # 0.8 s of typing: longer than the idle time, never idle
        qtbot.keyClick(encrypted_window.dossier_list, Qt.Key.Key_Down)
        qtbot.wait(100)
    assert not locker.locked
    qtbot.waitUntil(lambda: locker.locked, timeout=5000)  # then idle: locks
    locker.dialog.reject()


def test_the_idle_minutes_come_from_the_settings(qtbot: Any, encrypted_window: Any) -> None:
    settings.put("lock_minutes", 0)
    locker = encrypted_window.locker
    locker.apply_minutes()
    assert not locker.timer.isActive()
    settings.put("lock_minutes", 12)
    locker.apply_minutes()
    assert locker.timer.interval() == 12 * 60_000


def test_a_plain_store_is_not_locked(qtbot: Any, store_file: Path) -> None:
    from dossier.ui.app import make_window

    store = open_store(store_file)
    win = make_window(store, "en")
    qtbot.addWidget(win)
    assert not win.findChild(QAction, "action_lock").isEnabled()
    assert win.locker.lock() is False
    assert win.store is store
    store.close()


def test_a_plain_store_counts_no_idle_time(
    qtbot: Any, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bug: over a plain store the idle timer ran all the same, and every 5
    minutes the status bar said "Only an encrypted store can be locked"."""
    from dossier.ui import lock
    from dossier.ui.app import make_window

    monkeypatch.setattr(lock, "MINUTE_MS", 20)  # a "minute" of 20 ms
    settings.put("lock_minutes", 1)
    store = open_store(store_file)
    win = make_window(store, "en")
    qtbot.addWidget(win)
    said: list[str] = []
    win.statusBar().messageChanged.connect(said.append)
    win.show()
    qtbot.waitExposed(win)
    for _ in range(5):  # activity, then idle for ten times the idle time
        qtbot.keyClick(win.dossier_list, Qt.Key.Key_Down)
    qtbot.wait(200)
    assert not win.locker.timer.isActive()
    assert not win.locker.watching  # nor does every event pass through its filter
    assert not any("encrypted store can be locked" in text for text in said)
    assert win.store is store
    store.close()


def test_the_idle_timer_follows_the_store(
    qtbot: Any, encrypted_window: Any, store_file: Path
) -> None:
    """Armed over an encrypted store; stopped when a plain one is opened instead."""
    locker = encrypted_window.locker
    assert locker.timer.isActive()
    assert locker.watching
    encrypted_window.set_store(open_store(store_file))  # the fixture closes it
    assert not locker.timer.isActive()
    assert not locker.watching


def test_restore_from_backup_lists_dates_and_counts(
    qtbot: Any, store_file: Path, tmp_path: Path
) -> None:
    from dossier.ui.backups import RestoreDialog

    store = open_store(store_file)
    make_backup(store)
    d = store.dossiers.list()[0]
    store.officials.add(
        OFFICIAL.make(
            {"name": "Новый Человек", "side": "host", "status": "current"}, dossier_id=d.id
        )
    )
    make_backup(store)
    store.close()
    dialog = RestoreDialog(store_file)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["25", "24"]
    made = list_backups(store_file)[0].local_time.strftime("%Y-%m-%d %H:%M")
    assert dialog.table.item(0, 0).text().startswith(made)
    dialog.grab().save(str(tmp_path / "restore.png"))
    dialog.table.selectRow(1)
    dialog.restore_button.click()
    assert dialog.chosen == list_backups(store_file)[1]


def test_backups_are_made_on_open_and_close(
    qtbot: Any, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.ui import backups
    from dossier.ui.app import make_window

    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 0)
    store = open_store(store_file)
    win = make_window(store, "en")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: len(list_backups(store_file)) == 1)
    d = store.dossiers.list()[0]
    store.officials.add(
        OFFICIAL.make({"name": "Ещё Один", "side": "host", "status": "current"}, dossier_id=d.id)
    )
    win.set_store(None)  # closing the store backs it up first
    assert [b.records for b in list_backups(store_file)] == [25, 24]


def test_encrypt_and_change_passphrase_from_the_file_menu(
    qtbot: Any, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store.crypto import is_encrypted
    from dossier.ui import passphrase_dialog, tasks
    from dossier.ui.app import make_window

    # Issue 15, item 8: both rewrites run through the background runner, and leave
    # the interpreter as it was.
    started: list[str] = []
    monkeypatch.setattr(tasks, "started_hooks", [lambda task: started.append(task.title)])
    switch = sys.getswitchinterval()
    store = open_store(store_file)
    win = make_window(store, "en")
    qtbot.addWidget(win)
    assert win.findChild(QAction, "action_encrypt_store").isEnabled()
    assert not win.findChild(QAction, "action_change_passphrase").isEnabled()
    monkeypatch.setattr(passphrase_dialog, "ask_new_passphrase", lambda *_a, **_k: PASSPHRASE)
    win.findChild(QAction, "action_encrypt_store").trigger()
    assert is_encrypted(store_file)
    assert all(b.encrypted for b in list_backups(store_file))
    assert win.store is not None
    assert win.store.dossiers.count() == 1
    assert win.findChild(QAction, "action_lock").isEnabled()
    assert not win.findChild(QAction, "action_encrypt_store").isEnabled()

    class CurrentPassphrase:
        def __init__(self, *_a: Any, **_k: Any) -> None:
            self.result_value = PASSPHRASE

        def exec(self) -> Any:
            from PySide6.QtWidgets import QDialog

            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(passphrase_dialog, "PassphraseDialog", CurrentPassphrase)
    monkeypatch.setattr(
        passphrase_dialog, "ask_new_passphrase", lambda *_a, **_k: "a different long passphrase"
    )
    win.findChild(QAction, "action_change_passphrase").trigger()
    assert win.store is not None
    assert "Encrypt store" in started
    assert "Change passphrase" in started
    assert sys.getswitchinterval() == switch
    finish_all()
    win.store.close()
    win.store = None
    reopened = open_store(store_file, passphrase="a different long passphrase")
    assert reopened.dossiers.count() == 1
    reopened.close()


def test_a_second_window_on_the_same_store_is_told_it_is_in_use(
    qtbot: Any, store_file: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dossier.ui.app import make_window

    first_store = open_store(store_file)
    first = make_window(first_store, "en")
    qtbot.addWidget(first)
    assert first.findChild(QMessageBox, "store_in_use") is None
    second_store = open_store(store_file)
    second = make_window(second_store, "en")
    qtbot.addWidget(second)
    notice = second.findChild(QMessageBox, "store_in_use")
    assert notice is not None
    assert "already open in another Dossier window" in notice.text()
    notice.close()
    second.set_store(None)
    first.set_store(None)  # closing releases the claim: a new window is not warned
    third_store = open_store(store_file)
    third = make_window(third_store, "en")
    qtbot.addWidget(third)
    assert third.findChild(QMessageBox, "store_in_use") is None
    third.set_store(None)


def test_a_damaged_store_is_offered_its_newest_good_backup(
    qtbot: Any, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dossier.ui.store_open import open_store_interactively

    store = open_store(store_file)
    make_backup(store)
    store.close()
    data = bytearray(store_file.read_bytes())
    data[4 * 4096 : 4 * 4096 + 100] = b"\xff" * 100
    store_file.write_bytes(bytes(data))
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    restored = open_store_interactively(store_file)
    assert restored is not None
    assert "damaged" in asked[0]
    assert "24 records" in asked[0]
    assert restored.check() == []
    assert restored.dossiers.count() == 1
    restored.close()
    assert list(store_file.parent.glob("dossier.db.unreadable-*"))  # the damaged file is kept
