"""Backups: verified, rotated, listed with dates and counts, restored; damaged stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from security_helpers import PASSPHRASE, snapshot

from dossier.model import TALKING_POINT
from dossier.store import Store, StoreError, open_store
from dossier.store import backup as backup_mod
from dossier.store.backup import (
    backup_dir,
    backup_on_close,
    backup_on_open,
    list_backups,
    make_backup,
    newest_good_backup,
    restore,
    rotate,
)
from dossier.store.connection import DamagedStore
from dossier.store.crypto import PassphraseNeeded, is_encrypted

PAGE = 4096


def damage_page(path: Path, page: int = 5) -> None:
    """Overwrite the start of one page with junk, as a bad sector or a bad copy would."""
    data = bytearray(path.read_bytes())
    start = (page - 1) * PAGE
    data[start : start + 100] = b"\xff" * 100
    path.write_bytes(bytes(data))


def add_point(store: Store, text: str) -> int:
    d = store.dossiers.list()[0]
    return store.talking_points.add(
        TALKING_POINT.make(
            {"text": text, "kind": "key_message", "status": "draft"}, dossier_id=d.id
        )
    ).id


def test_a_backup_is_verified_listed_and_opens(store_file: Path) -> None:
    store = open_store(store_file)
    info = make_backup(store)
    store.close()
    assert info.path.parent == backup_dir(store_file) == store_file.parent / "backups"
    assert info.records == 24  # the sample: 1 dossier and its 23 parts
    assert list_backups(store_file) == [info]
    assert "24 records" in info.describe()
    copy = open_store(info.path, create=False)
    assert copy.check() == []
    assert copy.dossiers.count() == 1
    copy.close()
    # No half-written file is left behind.
    assert [p.name for p in backup_dir(store_file).iterdir()] == [info.path.name]


def test_an_encrypted_store_gets_encrypted_backups(encrypted_file: Path) -> None:
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    info = make_backup(store)
    store.close()
    assert info.encrypted
    assert is_encrypted(info.path)
    assert "Азербайджан".encode() not in info.path.read_bytes()
    with pytest.raises(PassphraseNeeded):
        open_store(info.path, create=False)
    copy = open_store(info.path, create=False, passphrase=PASSPHRASE)
    assert copy.dossiers.count() == 1
    assert copy.search("азербайджан")
    copy.close()


def test_a_backup_that_fails_verification_is_discarded(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise StoreError("The backup did not check out after writing; it was discarded.")

    monkeypatch.setattr(backup_mod, "_verify_attached", fail)
    store = open_store(store_file)
    with pytest.raises(StoreError, match="discarded"):
        make_backup(store)
    store.close()
    assert list(backup_dir(store_file).iterdir()) == []


def test_rotation_keeps_the_last_ten_and_one_a_day_for_thirty_days(tmp_path: Path) -> None:
    store_path = tmp_path / "dossier.db"
    folder = backup_dir(store_path)
    folder.mkdir()
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
    made = []
    # Three backups a day (6 hours apart) for 40 days, newest today.
    for day in range(40):
        for hour in (0, 6, 12):
            at = now - dt.timedelta(days=day, hours=hour)
            path = folder / f"dossier-{at:%Y%m%d-%H%M%S-%f}-r7.db"
            path.write_bytes(b"")
            made.append(at)
    (folder / "notes.txt").write_text("not a backup")
    rotate(store_path, now=now)
    kept = {b.created for b in list_backups(store_path)}
    newest_ten = set(sorted(made, reverse=True)[:10])
    today = now.astimezone().date()
    last_days = {today - dt.timedelta(days=n) for n in range(30)}
    newest_per_day = {max(t for t in made if t.astimezone().date() == day) for day in last_days}
    assert kept == newest_ten | newest_per_day
    assert len(kept) < len(made)
    assert min(kept).astimezone().date() == today - dt.timedelta(days=29)
    assert (folder / "notes.txt").exists()


def test_backup_on_open_and_close(store_file: Path) -> None:
    store = open_store(store_file)
    first = backup_on_open(store)
    assert first is not None
    # Nothing changed: closing makes no new backup.
    assert backup_on_close(store) is None
    add_point(store, "a change after opening")
    last = backup_on_close(store)
    store.close()
    assert last is not None
    assert last.records == first.records + 1
    assert [b.path for b in list_backups(store_file)] == [last.path, first.path]


def test_backup_helpers_never_stop_the_app(
    monkeypatch: pytest.MonkeyPatch, store_file: Path
) -> None:
    from dossier.store import memory_store

    assert backup_on_open(None) is None
    mem = memory_store()
    assert backup_on_open(mem) is None
    mem.close()

    def fail(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_mod, "make_backup", fail)
    store = open_store(store_file)
    assert backup_on_open(store) is None
    store.close()


def test_restore_brings_back_the_old_state_and_keeps_the_current(store_file: Path) -> None:
    store = open_store(store_file)
    old = make_backup(store)
    added = add_point(store, "written after the backup")
    store.close()

    restore(store_file, old.path)
    store = open_store(store_file)
    with pytest.raises(StoreError):
        store.talking_points.get(added)
    assert store.check() == []
    store.close()
    # The state before the restore is itself a backup now, so nothing is lost.
    newest = list_backups(store_file)[0]
    assert newest.records == old.records + 1


def test_restore_checks_the_backup_first(store_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "backups" / "dossier-20261101-120000-000000-r24.db"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"\x00" * 8000)
    before = snapshot(store_file)
    with pytest.raises(StoreError):
        restore(store_file, bad)
    assert snapshot(store_file) == before


def test_restore_an_encrypted_backup(encrypted_file: Path) -> None:
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    old = make_backup(store)
    add_point(store, "later")
    store.close()
    with pytest.raises(PassphraseNeeded):
        restore(encrypted_file, old.path)
    with pytest.raises(StoreError, match="Wrong passphrase"):
        restore(encrypted_file, old.path, "wrong wrong wrong")
    restore(encrypted_file, old.path, PASSPHRASE)
    store = open_store(encrypted_file, passphrase=PASSPHRASE)
    assert store.talking_points.count() == 5
    store.close()


def test_a_damaged_store_is_never_written_and_a_backup_is_offered(store_file: Path) -> None:
    store = open_store(store_file)
    good = make_backup(store)
    store.close()
    damage_page(store_file)
    before = snapshot(store_file)
    with pytest.raises(DamagedStore, match="damaged") as caught:
        open_store(store_file)
    assert "\n" not in str(caught.value)
    assert "Nothing was written" in str(caught.value)
    assert snapshot(store_file) == before
    assert newest_good_backup(store_file) == good

    aside = restore(store_file, good.path)
    assert aside is not None
    assert aside.read_bytes() == before[store_file.name]  # the damaged file is kept
    store = open_store(store_file)
    assert store.check() == []
    assert store.dossiers.count() == 1
    store.close()


def test_newest_good_backup_skips_damaged_backups(store_file: Path) -> None:
    store = open_store(store_file)
    older = make_backup(store, now=dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))
    newer = make_backup(store, now=dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC))
    store.close()
    damage_page(newer.path)
    assert newest_good_backup(store_file) == older


def test_a_store_open_in_another_program_is_not_replaced(store_file: Path) -> None:
    import subprocess
    import sys

    from dossier.store.connection import StoreInUse
    from dossier.store.crypto import encrypt_file

    store = open_store(store_file)
    old = make_backup(store)
    store.close()
    # Another Dossier process with the store open (it waits for a line on stdin).
    other = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from dossier.store import open_store; "
            f"s = open_store({str(store_file)!r}); s.dossiers.count(); print('open', flush=True); "
            "sys.stdin.readline(); s.close()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "open"
        before = store_file.read_bytes()
        with pytest.raises(StoreInUse, match="open in another"):
            restore(store_file, old.path)
        with pytest.raises(StoreInUse, match="open in another"):
            encrypt_file(store_file, PASSPHRASE)
        assert store_file.read_bytes() == before
    finally:
        other.communicate("\n", timeout=30)
    encrypt_file(store_file, PASSPHRASE)  # alone now: allowed
    assert is_encrypted(store_file)


def test_a_damaged_schema_is_refused_before_records_are_read(store_file: Path) -> None:
    store = open_store(store_file)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = store_file.read_bytes()
    assert b"biography" in data
    # One changed byte in the schema text: SQLite's checks still pass.
    store_file.write_bytes(data.replace(b"biography", b"biograpGy", 1))
    before = snapshot(store_file)
    with pytest.raises(DamagedStore, match="unexpected columns"):
        open_store(store_file)
    assert snapshot(store_file) == before
