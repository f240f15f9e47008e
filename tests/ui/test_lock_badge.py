"""The lock state in the status bar (issue 21, item 2): open padlock and "Not
encrypted" for a plain store, shut and "Encrypted" for an encrypted one, "Locked"
while locked, nothing without a store."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from dossier.store import open_store
from dossier.ui import lock_badge
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_badge_follows_the_store(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    badge = lock_badge.install(window)
    assert badge.state == lock_badge.PLAIN
    assert badge.text.text() == "Store not encrypted"
    assert not badge.isHidden()
    plain_icon = badge.icon.pixmap().toImage()

    store = open_store(tmp_path / "secret.db", passphrase="correct horse battery staple")
    window.set_store(store)
    qtbot.waitUntil(lambda: badge.state == lock_badge.ENCRYPTED)
    assert badge.text.text() == "Store encrypted"
    assert badge.icon.pixmap().toImage() != plain_icon  # the padlock is shut

    window.locker = SimpleNamespace(locked=True)  # type: ignore[attr-defined]
    window.set_store(None)
    qtbot.waitUntil(lambda: badge.state == lock_badge.LOCKED)
    assert badge.text.text() == "Store locked"
    assert badge.accessibleName() == "Store locked"

    window.locker.locked = False  # type: ignore[attr-defined]
    badge.update_state()
    assert badge.state == lock_badge.NONE
    assert badge.isHidden()
