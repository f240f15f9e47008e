"""The store's and capture's refusals speak the window's language: what the Qt-free
store says (not a store, a newer schema, busy, a passphrase refused, a backup that
will not restore) is Russian in the Russian window and stays English on the
command line."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from dossier.cli import main
from dossier.ingest.capture.pipeline import MAX_CHARS
from dossier.model import Official
from dossier.store import open_store
from dossier.ui import i18n
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

# Latin words of three letters or more: what an English sentence leaves in a message
# (the paths and driver details inside it are taken out first).
_ENGLISH = re.compile(r"[A-Za-z]{3,}")


def _no_english(text: str, *kept: str) -> None:
    for part in kept:
        text = text.replace(part, "")
    assert not _ENGLISH.findall(text), text


@pytest.fixture
def problems(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the "could not open" dialog says; the user then quits."""
    from dossier.ui.store_problem import StoreProblemDialog

    said: list[str] = []

    def exec_(dialog: Any) -> int:
        said.append(dialog.message.text())
        return 0

    monkeypatch.setattr(StoreProblemDialog, "exec", exec_)
    return said


def _other_programs_file(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    return path


def _newer_store(store_file: Path) -> Path:
    conn = sqlite3.connect(store_file)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    return store_file


def _open_in_russian(path: Path, problems: list[str]) -> str:
    from dossier.ui.store_open import open_store_interactively

    i18n.install("ru")
    try:
        assert open_store_interactively(path) is None  # the user quit
    finally:
        i18n.install("en")
    assert len(problems) == 1
    return problems[0].split("\n\n", 1)[1]  # after "could not open <path>"


def test_a_file_that_is_not_a_store_is_refused_in_russian(
    qtbot: Any, tmp_path: Path, problems: list[str]
) -> None:
    path = _other_programs_file(tmp_path / "invoices.db")
    reason = _open_in_russian(path, problems)
    assert reason == (
        f"{path} не хранилище Dossier (это база SQLite другой программы: в ней нет "
        "таблицы dossiers). В файл ничего не записано."
    )


def test_a_store_of_a_newer_dossier_is_refused_in_russian(
    qtbot: Any, store_file: Path, problems: list[str]
) -> None:
    reason = _open_in_russian(_newer_store(store_file), problems)
    assert reason.startswith("Это хранилище записано более новой версией Dossier (схема 999;")
    _no_english(reason, "Dossier")


def test_the_same_refusals_through_the_command_line_stay_english(
    tmp_path: Path, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _other_programs_file(tmp_path / "invoices.db")
    assert main(["--store", str(other), "list"]) != 0
    assert capsys.readouterr().err == (
        f"dossier: {other} is not a Dossier store (an SQLite database of another program: "
        "it has no dossiers table). Nothing was written to it.\n"
    )
    assert main(["--store", str(_newer_store(store_file)), "list"]) != 0
    assert capsys.readouterr().err.startswith(
        "dossier: This store was written by a newer version of Dossier (schema 999; "
    )


def test_a_save_while_another_connection_writes_is_refused_in_russian(
    qtbot: Any, store_file: Path, warnings: list[str]
) -> None:
    store = open_store(store_file)
    store.db.execute("PRAGMA busy_timeout = 50")  # not the 5 s a user's save waits
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    window.set_language("ru")
    holder = sqlite3.connect(store_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another window's write, holding the lock
    try:
        dossier = store.dossiers.list()[0]
        assert window.ops.add(Official(dossier_id=dossier.id, name="Ждёт очереди")) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        window.close()
        store.close()
        i18n.install("en")
    assert warnings == [
        "Хранилище занято: в него сейчас пишет другое окно или команда Dossier; повторите попытку."
    ]


@pytest.mark.parametrize(
    ("typed", "confirm", "said"),
    [
        ("correct horse battery", "correct horse batterx", "Пароли не совпадают."),
        ("short", "short", "Пароль слишком короткий: нужно не меньше 8 знаков"),
        ("password1", "password1", "Пароль слишком легко угадать: надёжность"),
    ],
)
def test_a_new_passphrase_refused_is_said_in_russian(
    window: Any, tmp_path: Path, typed: str, confirm: str, said: str
) -> None:
    from dossier.ui.passphrase_dialog import CREATE, PassphraseDialog

    window.set_language("ru")
    dialog = PassphraseDialog(tmp_path / "dossier.db", CREATE, None, window, "ru")
    dialog.field.setText(typed)
    dialog.confirm.setText(confirm)
    dialog._try()
    text = dialog.error.text()
    assert text.startswith(said)
    _no_english(text)
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.close()


def test_a_backup_that_will_not_restore_is_refused_in_russian(
    qtbot: Any, store_file: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    from dossier.store import backup
    from dossier.ui import backups

    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 10**7)
    store = open_store(store_file)
    made = backup.make_backup(store)
    # Damaged since it was made: a plain SQLite header, then noise.
    made.path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 8176)
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    window.set_language("ru")
    keeper = backups.install(window)

    def choose(dialog: Any) -> Any:
        dialog.chosen = next(b for b in dialog.backups if b.path == made.path)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(backups.RestoreDialog, "exec", choose)
    try:
        keeper.restore()
        reopened = window.store
        assert reopened is not None
        assert reopened.dossiers.count() == 1  # the store is as it was
    finally:
        keeper._release()
        window.close()
        if window.store is not None:
            window.store.close()
        i18n.install("en")
    assert len(warnings) == 1
    # The driver's own words stay as they are inside the Russian sentence.
    assert warnings[0] == (
        f"{made.path.name} не файл Dossier или повреждён (file is not a database)."
    )


def test_a_text_too_long_to_capture_is_refused_in_russian(window: Any, qtbot: Any) -> None:
    from dossier.ui import capture_dialog

    window.set_language("ru")
    window.capture_action = capture_dialog.install(window)
    window.capture_action.trigger()
    dialog = window.capture_dialog
    dialog.text_edit.setPlainText("Слово. " * (MAX_CHARS // 7 + 1))
    with qtbot.waitSignal(dialog.analysed, timeout=60_000):
        qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    text = dialog.message.text()
    dialog.close()
    assert text == (
        "Текст слишком длинный (знаков: 500\u00a0003); извлечь можно из одной статьи "
        "длиной не больше 500\u00a0000 знаков."
    )


def test_the_same_text_through_the_command_line_stays_english(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "long.txt"
    article.write_text("Слово. " * (MAX_CHARS // 7 + 1), encoding="utf-8")
    assert main(["--store", str(store_file), "capture", str(article), "--country", "AZ"]) != 0
    assert (
        "The text is too long (500,003 characters); capture reads one article of up to "
        "500,000 characters." in capsys.readouterr().err
    )


def test_a_dossier_file_the_passphrase_does_not_open_is_refused_in_russian(
    window: Any, tmp_path: Path, warnings: list[str]
) -> None:
    from dossier.ui import import_dialogs

    import_dialogs.install(window)
    window.set_language("ru")
    path = tmp_path / "az.dossier"
    assert import_dialogs.export_current(window, path, "correct horse battery")
    assert import_dialogs.open_merge(window, path, "correct horse batterx") is None
    assert warnings == ["Неверный пароль или повреждённый файл: az.dossier"]


def test_a_foreign_file_with_a_view_is_refused_in_russian(store_file: Path) -> None:
    from dossier.said import in_language, said_by
    from dossier.store.foreign import ForeignFileError, open_foreign

    conn = sqlite3.connect(store_file)
    conn.execute("CREATE VIEW peek AS SELECT 1")
    conn.close()
    with pytest.raises(ForeignFileError) as refused:
        open_foreign(store_file)
    assert str(refused.value) == (
        "dossier.db was refused: it holds a view (peek), which Dossier files never have. "
        "Nothing was changed."
    )
    assert in_language(said_by(refused.value), "ru") == (
        "dossier.db отклонён: в нём есть представление (peek), какого в файлах Dossier "
        "не бывает. Ничего не изменено."
    )
