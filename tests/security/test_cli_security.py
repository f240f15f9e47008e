"""The safety commands: encrypt, decrypt, passwd, backup, restore, check."""

from __future__ import annotations

from pathlib import Path

import pytest
from security_helpers import PASSPHRASE, snapshot

from dossier.cli import main
from dossier.paths import default_store_path
from dossier.store.backup import backup_dir, list_backups
from dossier.store.crypto import is_encrypted


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


def test_encrypt_then_every_command_needs_the_passphrase(
    capsys: pytest.CaptureFixture[str], store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = str(store_file)
    code, _, err = run(capsys, "--store", s, "encrypt")
    assert code == 1
    assert "DOSSIER_PASSPHRASE" in err
    assert not is_encrypted(store_file)

    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--store", s, "encrypt")
    assert code == 0, err
    assert "Encrypted" in out
    assert is_encrypted(store_file)
    code, out, _ = run(capsys, "--store", s, "list")
    assert code == 0
    assert "Азербайджан" in out
    code, out, _ = run(capsys, "--store", s, "search", "Баку")
    assert code == 0
    assert "«" in out

    monkeypatch.delenv("DOSSIER_PASSPHRASE")
    code, _, err = run(capsys, "--store", s, "list")
    assert code == 1
    assert "is needed: set DOSSIER_PASSPHRASE" in err
    assert err.count("\n") == 1

    monkeypatch.setenv("DOSSIER_PASSPHRASE", "not the passphrase")
    before = snapshot(store_file)
    code, _, err = run(capsys, "--store", s, "show", "AZ")
    assert code == 1
    assert err.startswith("dossier: Wrong passphrase or damaged file")
    assert "Traceback" not in err
    assert snapshot(store_file) == before


def test_encrypt_also_encrypts_the_plain_backups(
    capsys: pytest.CaptureFixture[str], store_file: Path, key: str
) -> None:
    s = str(store_file)
    assert run(capsys, "--store", s, "backup")[0] == 0
    assert not list_backups(store_file)[0].encrypted
    code, out, _ = run(capsys, "--store", s, "encrypt")
    assert code == 0
    assert "2 backups" in out  # the one made above and the one encrypt makes first
    assert all(b.encrypted for b in list_backups(store_file))
    for path in backup_dir(store_file).iterdir():
        assert "Азербайджан".encode() not in path.read_bytes()


def test_a_store_created_with_a_passphrase_is_encrypted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key: str
) -> None:
    # The first run's default store (a named one must be made with `init`).
    path = default_store_path()
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "AZ" in out
    assert is_encrypted(path)


def test_decrypt_and_passwd(
    capsys: pytest.CaptureFixture[str],
    encrypted_file: Path,
    tmp_path: Path,
    key: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = str(encrypted_file)
    out_path = tmp_path / "plain.db"
    code, out, _ = run(capsys, "--store", s, "decrypt", "--out", str(out_path))
    assert code == 0
    assert "UNENCRYPTED" in out
    assert not is_encrypted(out_path)
    code, _, err = run(capsys, "--store", s, "decrypt", "--out", str(out_path))
    assert code == 1
    assert "already exists" in err

    assert run(capsys, "--store", s, "backup")[0] == 0
    code, _, err = run(capsys, "--store", s, "passwd")
    assert code == 1
    assert "DOSSIER_NEW_PASSPHRASE" in err
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "short")
    code, _, err = run(capsys, "--store", s, "passwd")
    assert code == 1
    assert "too short" in err
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "a new and longer passphrase")
    code, out, _ = run(capsys, "--store", s, "passwd")
    assert code == 0
    assert "3 backups" in out  # before decrypt, `backup`, before passwd
    assert run(capsys, "--store", s, "list")[0] == 1  # the old passphrase no longer opens
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "a new and longer passphrase")
    assert run(capsys, "--store", s, "list")[0] == 0
    # The backup follows the store's passphrase.
    code, out, err = run(capsys, "--store", s, "restore", "1")
    assert code == 0, err


def test_backup_and_restore_listing(capsys: pytest.CaptureFixture[str], store_file: Path) -> None:
    s = str(store_file)
    code, out, _ = run(capsys, "--store", s, "restore")
    assert code == 0
    assert "No backups" in out
    assert run(capsys, "--store", s, "backup")[0] == 0
    code, out, _ = run(capsys, "--store", s, "restore")
    assert code == 0
    assert "  1  " in out
    assert "24 records" in out
    code, _, err = run(capsys, "--store", s, "restore", "7")
    assert code == 1
    assert "no backup number 7" in err
    code, out, _ = run(capsys, "--store", s, "restore", "1")
    assert code == 0
    assert "Restored" in out
    assert len(list_backups(store_file)) == 2  # the replaced state was backed up first


def test_check_reports_damage_and_offers_the_backup(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    s = str(store_file)
    code, out, _ = run(capsys, "--store", s, "check")
    assert code == 0
    assert "ok" in out
    assert run(capsys, "--store", s, "backup")[0] == 0
    data = bytearray(store_file.read_bytes())
    data[4 * 4096 : 4 * 4096 + 100] = b"\xff" * 100
    store_file.write_bytes(bytes(data))
    before = snapshot(store_file)
    code, _, err = run(capsys, "--store", s, "check")
    assert code == 1
    assert "damaged" in err
    assert "newest good backup" in err
    assert snapshot(store_file) == before
    code, _, err = run(capsys, "--store", s, "list")
    assert code == 1
    assert snapshot(store_file) == before


def test_check_an_encrypted_store(
    capsys: pytest.CaptureFixture[str], encrypted_file: Path, key: str
) -> None:
    code, out, _ = run(capsys, "--store", str(encrypted_file), "check")
    assert code == 0
    assert "ok" in out
    # One changed byte anywhere in an encrypted page is noticed (pages are authenticated).
    data = bytearray(encrypted_file.read_bytes())
    data[3 * 4096 + 777] ^= 0x01
    encrypted_file.write_bytes(bytes(data))
    code, _, err = run(capsys, "--store", str(encrypted_file), "check")
    assert code == 1
    assert "Wrong passphrase or damaged file" in err or "damaged" in err
