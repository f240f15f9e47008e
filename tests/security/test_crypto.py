"""Encryption at rest: create, open, wrong passphrase, re-key, convert plain <-> encrypted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from security_helpers import PASSPHRASE, snapshot

from dossier.model import TALKING_POINT
from dossier.store import StoreError, crypto, open_store
from dossier.store.crypto import (
    PassphraseNeeded,
    change_passphrase,
    decrypt_file,
    encrypt_file,
    is_encrypted,
    strength_hint,
)
from dossier.store.migrations import latest_version


def test_an_encrypted_store_holds_no_readable_text(encrypted_file: Path) -> None:
    data = encrypted_file.read_bytes()
    assert is_encrypted(encrypted_file)
    assert not data.startswith(b"SQLite format 3")
    for word in ("Азербайджан", "Azerbaijan", "talking_points"):
        assert word.encode("utf-8") not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted_file).execute("SELECT * FROM sqlite_master").fetchall()


def test_the_passphrase_opens_everything_the_plain_store_can_do(encrypted_file: Path) -> None:
    store = open_store(encrypted_file, create=False, passphrase=PASSPHRASE)
    try:
        assert store.schema_version == latest_version()
        assert store.dossiers.count() == 1
        # FTS5 search, the fold() function and the unicode collation on SQLCipher.
        hits = store.search("азербайджан")
        assert hits
        names = [o.name for o in store.officials.list(order_by="name")]
        assert names
        assert store.db.execute("SELECT fold('ЁЛКА')").fetchone()[0] == "елка"
        assert store.check() == []
        d = store.dossiers.list()[0]
        added = store.talking_points.add(
            TALKING_POINT.make(
                {"text": "Зашифрованный тезис", "kind": "key_message", "status": "draft"},
                dossier_id=d.id,
            )
        )
    finally:
        store.close()
    again = open_store(encrypted_file, create=False, passphrase=PASSPHRASE)
    assert again.talking_points.get(added.id).text == "Зашифрованный тезис"
    assert again.search("зашифрованный")
    again.close()


def test_no_passphrase_is_asked_for_not_guessed(encrypted_file: Path) -> None:
    with pytest.raises(PassphraseNeeded, match="passphrase is needed"):
        open_store(encrypted_file)


def test_a_wrong_passphrase_is_one_clear_message_and_writes_nothing(encrypted_file: Path) -> None:
    before = snapshot(encrypted_file)
    for attempt in ("wrong", "Correct horse battery staple", PASSPHRASE + " "):
        with pytest.raises(StoreError) as caught:
            open_store(encrypted_file, passphrase=attempt)
        assert str(caught.value) == f"Wrong passphrase or damaged file: {encrypted_file}"
    assert snapshot(encrypted_file) == before
    # Still opens with the right one.
    open_store(encrypted_file, passphrase=PASSPHRASE).close()


def test_passphrases_with_quotes_and_any_script_work(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    phrase = 'it\'s "quoted"; DROP TABLE x; -- пароль ✓'
    open_store(path, passphrase=phrase).close()
    assert is_encrypted(path)
    open_store(path, passphrase=phrase).close()
    with pytest.raises(StoreError, match="Wrong passphrase"):
        open_store(path, passphrase="it's")


def test_encrypt_in_place_keeps_every_record(store_file: Path) -> None:
    plain = open_store(store_file)
    before = {spec: plain.repo(spec).count() for spec in (TALKING_POINT,)}
    hits_before = len(plain.search("Баку"))
    plain.close()
    encrypt_file(store_file, PASSPHRASE)
    assert is_encrypted(store_file)
    assert not Path(f"{store_file}-wal").exists()
    store = open_store(store_file, passphrase=PASSPHRASE)
    assert {spec: store.repo(spec).count() for spec in before} == before
    assert len(store.search("Баку")) == hits_before
    assert store.schema_version == latest_version()
    store.close()
    assert [p.name for p in store_file.parent.iterdir() if ".part" in p.name] == []


def test_encrypt_refuses_a_short_passphrase_and_an_encrypted_store(
    store_file: Path, encrypted_file: Path
) -> None:
    before = snapshot(store_file)
    with pytest.raises(StoreError, match="too short"):
        encrypt_file(store_file, "short")
    assert snapshot(store_file) == before
    with pytest.raises(StoreError, match="already encrypted"):
        encrypt_file(encrypted_file, PASSPHRASE)


def test_a_failed_conversion_leaves_the_original(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = open_store(store_file)
    plain.close()
    before = snapshot(store_file)

    def broken(*_args: object) -> None:
        raise StoreError(
            "The converted copy did not match the original; the original is unchanged."
        )

    monkeypatch.setattr(crypto, "_verify_copy", broken)
    with pytest.raises(StoreError, match="original is unchanged"):
        encrypt_file(store_file, PASSPHRASE)
    assert snapshot(store_file) == before
    assert not is_encrypted(store_file)
    assert [p.name for p in store_file.parent.iterdir() if ".part" in p.name] == []


def test_decrypt_writes_a_plain_copy_and_keeps_the_original(
    encrypted_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plain.db"
    with pytest.raises(StoreError, match="Wrong passphrase"):
        decrypt_file(encrypted_file, "wrong passphrase", out)
    assert not out.exists()
    decrypt_file(encrypted_file, PASSPHRASE, out)
    assert out.read_bytes().startswith(b"SQLite format 3\x00")
    assert is_encrypted(encrypted_file)
    plain = open_store(out, create=False)
    assert plain.dossiers.count() == 1
    assert plain.schema_version == latest_version()
    plain.close()
    with pytest.raises(StoreError, match="already exists"):
        decrypt_file(encrypted_file, PASSPHRASE, out)


def test_change_passphrase(encrypted_file: Path) -> None:
    with pytest.raises(StoreError, match="Wrong passphrase"):
        change_passphrase(encrypted_file, "not it at all", "a brand new passphrase")
    change_passphrase(encrypted_file, PASSPHRASE, "a brand new passphrase")
    with pytest.raises(StoreError, match="Wrong passphrase"):
        open_store(encrypted_file, passphrase=PASSPHRASE)
    store = open_store(encrypted_file, passphrase="a brand new passphrase")
    assert store.dossiers.count() == 1
    store.close()


def test_detection_of_encrypted_files(
    tmp_path: Path, store_file: Path, encrypted_file: Path
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"not a database at all" * 10)
    assert is_encrypted(encrypted_file)
    assert not is_encrypted(store_file)
    assert not is_encrypted(junk)
    assert not is_encrypted(tmp_path / "missing.db")
    assert not is_encrypted(tmp_path)


def test_a_plain_store_opens_plain_even_with_a_passphrase(store_file: Path) -> None:
    store = open_store(store_file, passphrase=PASSPHRASE)
    assert store.dossiers.count() == 1
    store.close()
    assert not is_encrypted(store_file)


def test_strength_hint_grows_with_length() -> None:
    scores = [
        strength_hint(p)[0]
        for p in ("abc", "password", "Tbilisi-2026!", "four unrelated words here, really")
    ]
    assert scores == sorted(scores)
    assert scores[0] == 0
    assert scores[-1] == 4
    assert "short" in strength_hint("abc")[1]
    assert "Слишком" in strength_hint("abc", "ru")[1]


@pytest.mark.usefixtures("real_kdf")
def test_real_stores_use_sqlcipher_4_defaults(tmp_path: Path) -> None:
    path = tmp_path / "real.db"
    store = open_store(path, passphrase=PASSPHRASE)
    conn = store.db.conn
    assert conn.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"
    assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # memory
    store.close()
    open_store(path, passphrase=PASSPHRASE).close()


def test_a_hundred_wrong_passphrases_change_nothing(encrypted_file: Path) -> None:
    before = snapshot(encrypted_file)
    for n in range(100):
        with pytest.raises(StoreError, match=r"^Wrong passphrase or damaged file"):
            open_store(encrypted_file, passphrase=f"guess number {n}")
    assert snapshot(encrypted_file) == before
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    assert store.dossiers.count() == 1
    store.close()


def test_an_encrypted_store_from_a_newer_version_is_refused_untouched(encrypted_file: Path) -> None:
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    store.db.execute("PRAGMA user_version = 99")
    store.close()
    before = snapshot(encrypted_file)
    with pytest.raises(StoreError, match="newer version of Dossier"):
        open_store(encrypted_file, passphrase=PASSPHRASE)
    assert snapshot(encrypted_file) == before
