"""Argon2id keys with their parameters in a header of ours (issue 20, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from security_helpers import PASSPHRASE

from dossier.store import open_store
from dossier.store.backup import list_backups, make_backup
from dossier.store.crypto import passphrase_opens
from dossier.store.keys import DEFAULT, MAGIC, Cost, cost_of, is_legacy, read_header


@pytest.mark.usefixtures("real_kdf")
def test_a_new_store_records_the_real_argon2id_parameters(tmp_path: Path) -> None:
    path = tmp_path / "real.db"
    store = open_store(path, passphrase=PASSPHRASE)
    store.close()
    header = path.read_bytes()[:16]
    assert header.startswith(MAGIC)
    assert cost_of(header) == DEFAULT == Cost(passes=1, memory_log2=18, lanes=1)
    assert DEFAULT.memory_kib == 256 * 1024
    store = open_store(path, passphrase=PASSPHRASE)  # derived again from the header
    store.close()


def test_backups_share_the_stores_header_and_key(encrypted_file: Path) -> None:
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    info = make_backup(store)
    store.close()
    assert read_header(info.path) == read_header(encrypted_file) is not None


def legacy_copy(plain: Path, out: Path, passphrase: str) -> None:
    """What Dossier wrote before: SQLCipher's own PBKDF2 key from the passphrase."""
    from sqlcipher3 import dbapi2

    from dossier.store.connection import KDF_ITER, sql_string

    conn = dbapi2.connect(str(plain), isolation_level=None)
    conn.execute(f"PRAGMA cipher_default_kdf_iter = {KDF_ITER or 256000}")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"ATTACH DATABASE {sql_string(str(out))} AS old KEY {sql_string(passphrase)}")
    conn.execute("SELECT sqlcipher_export('old')")
    conn.execute(f"PRAGMA old.user_version = {version}")
    conn.execute("DETACH DATABASE old")
    conn.close()


def test_an_older_store_is_upgraded_on_the_next_unlock(store_file: Path, tmp_path: Path) -> None:
    legacy = tmp_path / "old" / "dossier.db"
    (legacy.parent / "backups").mkdir(parents=True)
    legacy_copy(store_file, legacy, PASSPHRASE)
    backup = legacy.parent / "backups" / "dossier-20261101-100000-000000-r10.db"
    legacy_copy(store_file, backup, PASSPHRASE)
    assert is_legacy(legacy)
    assert is_legacy(backup)

    store = open_store(legacy, passphrase=PASSPHRASE)
    assert any("Argon2id" in n and "1 backup followed" in n for n in store.notices)
    assert store.dossiers.count() == 1
    store.close()
    assert not is_legacy(legacy)
    assert read_header(legacy) is not None
    assert [read_header(b.path) for b in list_backups(legacy)] == [read_header(legacy)]
    assert passphrase_opens(backup, PASSPHRASE)
    store = open_store(legacy, passphrase=PASSPHRASE)
    assert store.notices == []  # once
    store.close()


def test_exchange_files_use_the_same_derivation(sample_store, tmp_path: Path) -> None:
    from dossier.exports.exchange_writer import export_dossier
    from dossier.ingest.exchange import read_exchange

    out = tmp_path / "az.dossier"
    export_dossier(sample_store, sample_store.dossiers.list()[0], out, PASSPHRASE)
    assert read_header(out) is not None
    assert read_exchange(out, PASSPHRASE).dossier.code == "AZ"


def test_a_wrong_passphrase_still_writes_nothing(encrypted_file: Path) -> None:
    from security_helpers import snapshot

    from dossier.store import StoreError

    before = snapshot(encrypted_file)
    with pytest.raises(StoreError, match="Wrong passphrase"):
        open_store(encrypted_file, passphrase="a wrong passphrase")
    assert snapshot(encrypted_file) == before


def test_an_upgrade_that_cannot_be_done_never_stops_the_store_opening(
    store_file: Path, tmp_path: Path
) -> None:
    legacy = tmp_path / "old" / "dossier.db"
    (legacy.parent / "backups").mkdir(parents=True)
    legacy_copy(store_file, legacy, PASSPHRASE)
    broken = legacy.parent / "backups" / "dossier-20261101-100000-000000-r10.db"
    # A damaged plain backup: it cannot be encrypted, so the upgrade stops short.
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8176)
    store = open_store(legacy, passphrase=PASSPHRASE)
    assert store.dossiers.count() == 1
    store.close()
    assert is_legacy(legacy)  # nothing changed; tried again next time
