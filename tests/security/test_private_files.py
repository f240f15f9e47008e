"""Private files: 0600 files, 0700 folders, looser modes tightened with a notice
(issue 20, item 8), and a passphrase given for a plain store (item 5)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from security_helpers import PASSPHRASE

from dossier.cli import main
from dossier.files import write_atomic
from dossier.store import open_store
from dossier.store.backup import backup_dir, make_backup
from dossier.store.sample import load_sample

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> None:
    old = os.umask(0o022)  # what most systems give a user: files 0644, folders 0755
    yield
    os.umask(old)


def test_store_wal_shm_backups_and_folders_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dossier.db"
    store = open_store(path, passphrase=PASSPHRASE)
    load_sample(store)
    info = make_backup(store)
    assert mode(path.parent) == 0o700
    for name in ("dossier.db", "dossier.db-wal", "dossier.db-shm"):
        assert mode(path.parent / name) == 0o600, name
    assert mode(backup_dir(path)) == 0o700
    assert mode(info.path) == 0o600
    store.close()


def test_encrypt_decrypt_and_exchange_files_are_private(
    store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.exports.exchange_writer import export_dossier

    os.chmod(store_file, 0o600)
    store = open_store(store_file)
    export_dossier(store, store.dossiers.list()[0], tmp_path / "az.dossier", PASSPHRASE)
    store.close()
    assert mode(tmp_path / "az.dossier") == 0o600
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert main(["--store", str(store_file), "encrypt"]) == 0
    assert mode(store_file) == 0o600
    out = tmp_path / "copy.db"
    assert main(["--store", str(store_file), "decrypt", "--out", str(out)]) == 0
    assert mode(out) == 0o600


def test_a_looser_mode_found_on_open_is_tightened_with_a_notice(
    store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(store_file)
    make_backup(store)
    store.close()
    os.chmod(store_file, 0o644)
    os.chmod(backup_dir(store_file), 0o755)
    for backup in backup_dir(store_file).iterdir():
        os.chmod(backup, 0o644)
    assert main(["--store", str(store_file), "list"]) == 0
    err = capsys.readouterr().err
    assert f"{store_file} could be read by other users" in err
    assert "1 backup in " in err  # one backup, counted in the singular
    assert len(err.splitlines()) == 3  # the store, the folder, the backups: a line each
    assert mode(store_file) == 0o600
    assert mode(backup_dir(store_file)) == 0o700
    assert all(mode(b) == 0o600 for b in backup_dir(store_file).iterdir())
    assert main(["--store", str(store_file), "list"]) == 0
    assert capsys.readouterr().err == ""  # said once


def test_exports_are_private_and_an_overwritten_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    write_atomic(out, b"first")
    assert mode(out) == 0o600
    os.chmod(out, 0o640)  # the user chose to share it with the group
    write_atomic(out, b"second")
    assert out.read_bytes() == b"second"
    assert mode(out) == 0o640


def test_a_passphrase_given_for_a_plain_store_gets_a_warning(
    store_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert main(["--store", str(store_file), "list"]) == 0
    err = capsys.readouterr().err
    assert "A passphrase was given but" in err
    assert "is not encrypted" in err
    assert "dossier encrypt" in err
    assert len(err.splitlines()) == 1


@pytest.mark.gui
def test_the_windows_lock_file_is_private(qtbot: object, store_file: Path) -> None:
    from dossier.ui.app import make_window

    window = make_window(open_store(store_file), "en")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    lock = Path(f"{store_file}.lock")
    assert lock.exists()
    assert mode(lock) == 0o600
    window.set_store(None)


@pytest.mark.gui
def test_the_window_offers_to_encrypt_a_plain_store_opened_with_a_passphrase(
    qtbot: object, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dossier.store.crypto import is_encrypted
    from dossier.ui import passphrase_dialog
    from dossier.ui.app import make_window

    window = make_window(open_store(store_file, passphrase=PASSPHRASE), "en")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    offer = None

    def shown() -> bool:
        nonlocal offer
        offer = window.findChild(QMessageBox, "offer_encrypt")
        return offer is not None and offer.isVisible()

    qtbot.waitUntil(shown, timeout=5000)  # type: ignore[attr-defined]
    assert "is not encrypted" in offer.text()
    monkeypatch.setattr(passphrase_dialog, "ask_new_passphrase", lambda *_a, **_k: PASSPHRASE)
    offer.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: is_encrypted(store_file), timeout=10000)  # type: ignore[attr-defined]
    assert window.store is not None
    window.set_store(None)


@pytest.mark.gui
def test_no_offer_without_a_passphrase(qtbot: object, store_file: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dossier.ui.app import make_window

    window = make_window(open_store(store_file), "en")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert window.findChild(QMessageBox, "offer_encrypt") is None
    window.set_store(None)


def test_a_mode_that_cannot_be_tightened_is_said_and_the_store_still_opens(
    store_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    os.chmod(store_file, 0o644)

    def refuse(path: object, new_mode: int) -> None:  # another user's file
        raise PermissionError(errno.EPERM, "Operation not permitted", str(path))

    monkeypatch.setattr(os, "chmod", refuse)
    assert main(["--store", str(store_file), "list"]) == 0
    err = capsys.readouterr().err
    assert f"{store_file} can be read by other users" in err
    assert "could not be made private (Operation not permitted)" in err
    assert "Traceback" not in err


@pytest.mark.gui
def test_the_window_shows_a_tightened_mode_in_its_status_bar(
    qtbot: object, store_file: Path
) -> None:
    from dossier.ui.app import make_window

    os.chmod(store_file, 0o644)
    window = make_window(open_store(store_file), "en")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: "could be read by other users" in window.statusBar().currentMessage()
    )
    assert mode(store_file) == 0o600
    window.set_store(None)
