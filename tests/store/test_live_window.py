"""The window's own probes of its store file keep the store's locks (issue 14, item 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from test_live_file import PASSPHRASE, deleted_logs, run_cli

from dossier.model import Official
from dossier.store import open_store
from dossier.ui import i18n, passphrase_dialog
from dossier.ui.tasks import finish_all

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc"),
]


def test_lock_unlock_about_and_encrypt_in_the_window_keep_the_log_files(
    qtbot: Any, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.ui.app import make_window

    abouts: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: abouts.append(text))
    monkeypatch.setattr(passphrase_dialog, "ask_new_passphrase", lambda *_a: PASSPHRASE)
    i18n.install("en")
    win = make_window(open_store(store_file), "en")  # as the window opens it
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    win.findChild(QAction, "action_lock").trigger()  # a plain store: only a message
    win.show_about()
    done = run_cli(store_file, None, "list")  # another process opens and closes it
    assert done.returncode == 0, done.stderr
    assert deleted_logs(store_file) == []
    win.findChild(QAction, "action_encrypt_store").trigger()
    assert win.findChild(QAction, "action_lock").isEnabled()  # now encrypted, reopened
    win.findChild(QAction, "action_lock").trigger()
    dialog = win.locker.dialog
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not win.locker.locked
    win.show_about()
    assert len(abouts) == 2

    done = run_cli(store_file, PASSPHRASE, "list")  # another process opens and closes it
    assert done.returncode == 0, done.stderr
    assert deleted_logs(store_file) == []
    store = win.store
    dossier = store.dossiers.list()[0]
    store.officials.add(Official(dossier_id=dossier.id, name="Written after the probes"))
    win.close()
    qtbot.waitUntil(lambda: win.store is None or not win.isVisible())
    if win.store is not None:
        finish_all()  # as the app does: the open-backup may be reading the store
        win.store.close()
    checked = run_cli(store_file, PASSPHRASE, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
