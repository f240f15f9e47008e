"""The store's failures are told apart by type, never by their wording (issue 15, item 5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dossier.store import DamagedStore, NewerSchema, WrongPassphrase, open_store
from dossier.store.crypto import passphrase_opens

PASSPHRASE = "correct horse battery staple"


def test_a_wrong_passphrase_is_its_own_error_and_the_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "secret.db"
    open_store(path, passphrase=PASSPHRASE).close()
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        open_store(path, passphrase="not the passphrase at all")
    assert path.read_bytes() == before
    assert passphrase_opens(path, PASSPHRASE)


def test_a_store_from_a_newer_dossier_is_its_own_error(store_file: Path) -> None:
    conn = sqlite3.connect(store_file)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerSchema, match="newer version"):
        open_store(store_file)


def test_a_damaged_file_is_its_own_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    with pytest.raises(DamagedStore):
        open_store(path)


def test_the_cli_asks_again_after_a_wrong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dossier.cli import common

    path = tmp_path / "secret.db"
    open_store(path, passphrase=PASSPHRASE).close()
    answers = iter(["wrong one, first", PASSPHRASE])
    monkeypatch.delenv(common.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(common, "ask_passphrase", lambda _prompt: next(answers))
    store = common._open_encrypted(path)
    store.close()
    assert "Wrong passphrase" in capsys.readouterr().err
