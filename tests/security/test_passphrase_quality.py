"""Passphrase quality (zxcvbn) and no copies of the passphrase kept after a lock
(issue 20, item 4)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dossier.cli import main
from dossier.store import StoreError, open_store
from dossier.store.crypto import check_new_passphrase, is_encrypted, strength_hint
from dossier.ui.passphrase_dialog import CREATE, PassphraseDialog


@pytest.mark.parametrize("weak", ["12345678", "aaaaaaaa", "password", "qwertyuiop", "Password1"])
def test_common_passphrases_are_refused(weak: str) -> None:
    with pytest.raises(StoreError, match="too easy to guess"):
        check_new_passphrase(weak)
    assert strength_hint(weak)[0] < 3


def test_the_cli_refuses_a_weak_passphrase_and_leaves_the_store_plain(
    store_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "password")
    assert main(["--store", str(store_file), "encrypt"]) == 1
    err = capsys.readouterr().err
    assert "too easy to guess (This is a top-10 common password)" in err
    assert not is_encrypted(store_file)


@pytest.mark.gui
def test_the_estimate_is_shown_while_typing(qtbot: Any, tmp_path: Path) -> None:
    dialog = PassphraseDialog(tmp_path / "new.db", CREATE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "password")
    assert dialog.strength.value() == 0
    assert "common password" in dialog.hint.text()
    qtbot.keyClicks(dialog.confirm, "password")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "too easy to guess" in dialog.error.text()
    qtbot.keyClicks(dialog.field, " lantern quartz fjord")
    assert dialog.strength.value() == 4
    assert dialog.hint.text() == "Strong."


# The passphrase is typed in pieces and searched for by its pieces: the test itself
# never holds the whole of it.
PIECES = ("zebra-", "quartz-", "lantern-", "fjord")


def _holds_secret(value: object) -> bool:
    if isinstance(value, bytes | bytearray):
        try:
            value = bytes(value).decode("utf-8", "ignore")
        except Exception:  # pragma: no cover
            return False
    if not isinstance(value, str):
        return False
    start = value.find(PIECES[0])
    while start >= 0:
        at = start + len(PIECES[0])
        if all(
            value.startswith(p, at + sum(map(len, PIECES[1:i])))
            for i, p in enumerate(PIECES[1:], 1)
        ):
            return True
        start = value.find(PIECES[0], start + 1)
    return False


def _holders() -> list[str]:
    gc.collect()
    found = []
    for obj in gc.get_objects():
        try:
            referents = gc.get_referents(obj)
        except Exception:  # pragma: no cover
            continue
        found += [type(obj).__name__ for ref in referents if _holds_secret(ref)]
    return found


@pytest.mark.gui
def test_no_copy_of_the_passphrase_is_kept_after_a_lock(qtbot: Any, store_file: Path) -> None:
    from dossier.ui.app import make_window

    win = make_window(open_store(store_file), "en")
    qtbot.addWidget(win)

    def type_it() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, PassphraseDialog) and w.isVisible()
        )
        for field in (dialog.field, dialog.confirm):
            for piece in PIECES:
                qtbot.keyClicks(field, piece)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, type_it)
    win.findChild(QAction, "action_encrypt_store").trigger()  # File > Encrypt store…
    assert is_encrypted(store_file)
    assert win.store is not None
    win.findChild(QAction, "action_lock").trigger()
    assert win.locker.locked
    assert _holders() == []
    win.locker.dialog.reject()
