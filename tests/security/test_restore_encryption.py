"""Restore never changes the encryption state silently (issue 20, item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from security_helpers import PASSPHRASE, snapshot

from dossier.cli import main
from dossier.store import StoreError, open_store
from dossier.store.backup import make_backup, restore
from dossier.store.crypto import PassphraseNeeded, is_encrypted, passphrase_opens


@pytest.fixture
def plain_backup(tmp_path: Path) -> Path:
    """A plain backup, e.g. made before the store was encrypted."""
    other = tmp_path / "before" / "dossier.db"
    store = open_store(other)
    from dossier.store.sample import load_sample

    load_sample(store)
    info = make_backup(store)
    store.close()
    return info.path


def test_a_plain_backup_restored_into_an_encrypted_store_is_encrypted_with_its_key(
    encrypted_file: Path, plain_backup: Path
) -> None:
    aside = restore(encrypted_file, plain_backup, PASSPHRASE)
    assert aside is None  # the healthy encrypted store was backed up, not moved aside
    assert not list(encrypted_file.parent.glob("*.unreadable-*"))
    assert is_encrypted(encrypted_file)
    assert passphrase_opens(encrypted_file, PASSPHRASE)
    with pytest.raises(PassphraseNeeded):
        open_store(encrypted_file)
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    assert store.dossiers.count() == 1
    store.close()


def test_without_the_stores_passphrase_nothing_changes(
    encrypted_file: Path, plain_backup: Path
) -> None:
    before = snapshot(encrypted_file)
    with pytest.raises(PassphraseNeeded, match="encrypted with it on the way in"):
        restore(encrypted_file, plain_backup)
    with pytest.raises(StoreError, match="Wrong passphrase"):
        restore(encrypted_file, plain_backup, "not the passphrase at all")
    assert snapshot(encrypted_file) == before
    assert not list(encrypted_file.parent.glob("*.unreadable-*"))


def test_cli_restore_of_a_plain_backup_keeps_the_store_encrypted(
    encrypted_file: Path,
    plain_backup: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert main(["--store", str(encrypted_file), "restore", str(plain_backup)]) == 0
    out = capsys.readouterr().out
    assert "encrypted with the store's passphrase" in out
    assert "could not be opened" not in out
    assert is_encrypted(encrypted_file)
    monkeypatch.delenv("DOSSIER_PASSPHRASE")
    assert main(["--store", str(encrypted_file), "list"]) == 1  # still asks for it


def test_an_encrypted_store_that_really_is_damaged_is_kept_aside(encrypted_file: Path) -> None:
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    good = make_backup(store)
    store.close()
    data = bytearray(encrypted_file.read_bytes())
    data[4096 * 2 : 4096 * 2 + 64] = b"\x00" * 64
    encrypted_file.write_bytes(bytes(data))
    aside = restore(encrypted_file, good.path, PASSPHRASE)
    assert aside is not None
    assert aside.exists()
    assert passphrase_opens(encrypted_file, PASSPHRASE)


@pytest.mark.gui
def test_the_window_restores_a_plain_backup_into_an_encrypted_store_encrypted(
    qtbot: object, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from dossier.store.crypto import encrypt_file
    from dossier.ui import backups, i18n, passphrase_dialog
    from dossier.ui.main_window import MainWindow

    store = open_store(store_file)
    plain = make_backup(store)
    store.close()
    encrypt_file(store_file, PASSPHRASE)  # the store alone: its backup stays plain
    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 10**7)
    i18n.install("en")
    window = MainWindow(open_store(store_file, passphrase=PASSPHRASE), "en")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    keeper = backups.install(window)

    def choose(dialog: object) -> object:
        dialog.chosen = next(b for b in dialog.backups if b.path == plain.path)  # type: ignore[attr-defined]
        return QDialog.DialogCode.Accepted

    asked: list[Path] = []

    def passphrase_for(path: Path, _parent: object) -> str:
        asked.append(path)
        return PASSPHRASE

    monkeypatch.setattr(backups.RestoreDialog, "exec", choose)
    monkeypatch.setattr(passphrase_dialog, "ask_backup_passphrase", passphrase_for)
    keeper.restore()
    assert asked == [store_file]  # the store's passphrase, not the (plain) backup's
    assert "Restored the backup" in window.statusBar().currentMessage()
    assert is_encrypted(store_file)
    assert passphrase_opens(store_file, PASSPHRASE)
    keeper._release()
    window.set_store(None)
