"""Encryption is all-or-nothing across a store and its backups (issue 20, item 1).

encrypt / passwd / decrypt --out record their intent in a journal, stage a copy of
every file under the new key, commit, then switch; a kill anywhere is settled on
the next open (finished after the commit, undone before it) with no passphrase.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from security_helpers import PASSPHRASE

from dossier.cli import main
from dossier.store import open_store
from dossier.store import rekey as rekey_mod
from dossier.store.backup import list_backups, make_backup
from dossier.store.crypto import PLAIN_HEADER, is_encrypted, passphrase_opens
from dossier.store.rekey import change_all, encrypt_all, journal_path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "rekey_kills.py"
NEW = "a different long passphrase"


def with_backups(path: Path, n: int = 3, passphrase: str | None = None) -> None:
    store = open_store(path, passphrase=passphrase)
    for _ in range(n):
        make_backup(store, rotate_after=False)
    store.close()


def plaintext_files(path: Path) -> list[str]:
    found = []
    for folder in (path.parent, path.parent / "backups"):
        for f in folder.iterdir():
            if f.is_file() and f.read_bytes()[:16] == PLAIN_HEADER:
                found.append(f.name)
    return found


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_kills_during_encrypt_passwd_and_restore_leave_one_consistent_state(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--cycles", "4", "--fast-kdf", "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.stdout, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["cycles"] == {"encrypt": 4, "passwd": 4, "restore": 4}
    assert sum(result["finished"].values()) < 12  # most runs really were killed midway
    assert result["inconsistent"] == 0, result["problems"]
    assert result["plaintext_left"] == 0, result["problems"]
    assert result["leftovers"] == 0, result["problems"]
    assert done.returncode == 0


def test_encrypt_covers_every_backup(store_file: Path) -> None:
    with_backups(store_file)
    outcome = encrypt_all(store_file, PASSPHRASE)
    assert outcome.backups == 3
    assert is_encrypted(store_file)
    assert all(
        b.encrypted and passphrase_opens(b.path, PASSPHRASE) for b in list_backups(store_file)
    )
    assert plaintext_files(store_file) == []
    assert not journal_path(store_file).exists()


def test_a_kill_after_the_commit_is_finished_on_the_next_open(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_backups(store_file)
    switch = rekey_mod._switch

    def dies_after_one(moves: list[tuple[Path, Path]]) -> None:
        switch(moves[:1])  # one backup switched, then the battery dies
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(rekey_mod, "_switch", dies_after_one)
        with pytest.raises(KeyboardInterrupt):
            encrypt_all(store_file, PASSPHRASE)
    assert journal_path(store_file).exists()
    assert not is_encrypted(store_file)  # the store itself was not switched yet

    store = open_store(store_file, passphrase=PASSPHRASE)
    assert any("was finished" in n for n in store.notices)
    store.close()
    assert is_encrypted(store_file)
    assert all(b.encrypted for b in list_backups(store_file))
    assert plaintext_files(store_file) == []


def test_a_kill_before_the_commit_is_undone_on_the_next_open(
    encrypted_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_backups(encrypted_file, passphrase=PASSPHRASE)
    journal = rekey_mod._write_journal

    def dies_at_commit(store_path: Path, state: str, op: str, moves: list) -> None:
        if state == "commit":  # the process dies just before its point of no return
            raise KeyboardInterrupt
        journal(store_path, state, op, moves)

    with monkeypatch.context() as m:
        m.setattr(rekey_mod, "_write_journal", dies_at_commit)
        # A kill runs no clean-up: the staged copies stay.
        m.setattr(rekey_mod, "_discard", lambda moves, path: None)
        with pytest.raises(KeyboardInterrupt):
            change_all(encrypted_file, PASSPHRASE, NEW)
    # A kill would also leave the "prepare" journal (the clean-up removed it): put it back.
    staged = list(encrypted_file.parent.glob(".*.rekey.part")) + list(
        (encrypted_file.parent / "backups").glob(".*.rekey.part")
    )
    assert len(staged) == 4  # the store and three backups were staged under NEW
    finals = [p.with_name(p.name[1 : -len(".rekey.part")]) for p in staged]
    rekey_mod._write_journal(
        encrypted_file, "prepare", "passwd", list(zip(staged, finals, strict=True))
    )
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert main(["--store", str(encrypted_file), "list"]) == 0
    err = capsys.readouterr().err
    assert "An interrupted `passwd`" in err
    assert "undone" in err
    assert passphrase_opens(encrypted_file, PASSPHRASE)
    assert all(passphrase_opens(b.path, PASSPHRASE) for b in list_backups(encrypted_file))
    assert not any(p.exists() for p in staged)


def test_passwd_also_encrypts_a_plain_backup_left_beside_an_encrypted_store(
    store_file: Path,
) -> None:
    with_backups(store_file, 2)  # plain backups
    from dossier.store.crypto import encrypt_file

    encrypt_file(store_file, PASSPHRASE)  # the store alone, as an old Dossier did
    assert len(plaintext_files(store_file)) == 2
    outcome = change_all(store_file, PASSPHRASE, NEW)
    assert outcome.backups == 2
    assert plaintext_files(store_file) == []
    assert all(passphrase_opens(b.path, NEW) for b in list_backups(store_file))


def test_check_names_backups_whose_encryption_or_key_differs(
    store_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store.crypto import change_passphrase, encrypt_file

    with_backups(store_file, 2)
    encrypt_file(store_file, PASSPHRASE)  # backups left plain (the bug of old)
    store = open_store(store_file, passphrase=PASSPHRASE)
    make_backup(store, rotate_after=False)
    store.close()
    newest = list_backups(store_file)[0]
    change_passphrase(newest.path, PASSPHRASE, NEW)  # one backup on another passphrase
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    code = main(["--store", str(store_file), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.count("is NOT encrypted while the store is") == 2
    assert f"backup {newest.path.name} does not open with the store's passphrase" in out
    assert "3 problems found." in out


def test_decrypt_out_killed_midway_leaves_no_plaintext_copy(
    encrypted_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "elsewhere" / "plain.db"
    out.parent.mkdir()

    def killed(moves: list) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(rekey_mod, "_switch", killed)
        m.setattr(rekey_mod, "_discard", lambda moves, path: None)
        with pytest.raises(KeyboardInterrupt):
            rekey_mod.decrypt_copy(encrypted_file, PASSPHRASE, out)
    staged = rekey_mod.staged_path(out)
    assert staged.read_bytes()[:16] == PLAIN_HEADER  # what a kill leaves
    rekey_mod._write_journal(encrypted_file, "prepare", "decrypt", [(staged, out)])
    open_store(encrypted_file, passphrase=PASSPHRASE).close()
    assert not staged.exists()
    assert not out.exists()
