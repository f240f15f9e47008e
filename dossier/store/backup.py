"""Verified, rotated backups in `backups/` beside the store, and restoring one.

A backup is written to a temporary file, opened and integrity-checked, and only
then given its final name, so the folder never holds a half-written backup.
Plain stores are copied with SQLite's online backup API; encrypted ones with
`sqlcipher_export` under the same passphrase, so a backup is as protected as the
store. The file name carries the time (UTC) and the number of records, so the
list can be shown without the passphrase:

    backups/dossier-20261125-114700-123456-r512.db
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.store.connection import DB_ERRORS, sql_string
from dossier.store.crypto import (
    _fsync_dir,
    _fsync_file,
    _open_checked,
    _temp_beside,
    is_encrypted,
    is_encrypted_connection,
)
from dossier.store.errors import StoreError

BACKUP_DIR = "backups"
KEEP_LAST = 10
KEEP_DAYS = 30
_NAME = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}-\d{6}-\d{6})-r(?P<records>\d+)\.db$")
# The tables whose rows the user thinks of as "records".
RECORD_TABLES = ("dossiers", "sources", "officials", "trade_figures", "projects",
                 "talking_points", "events")

log = logging.getLogger(__name__)
# Connection change counter at the last backup, per open store (see backup_on_close).
_last_backup_mark: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # aware, UTC
    records: int
    encrypted: bool

    @property
    def local_time(self) -> dt.datetime:
        return self.created.astimezone()

    def describe(self) -> str:
        lock = ", encrypted" if self.encrypted else ""
        return (f"{self.local_time:%Y-%m-%d %H:%M:%S}  {self.records} records{lock}  "
                f"{self.path.name}")


def backup_dir(store_path: Path) -> Path:
    return Path(store_path).parent / BACKUP_DIR


def record_count(conn: Any, schema: str = "main") -> int:
    """How many records (dossiers and their parts) a database holds."""
    present = {r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")}
    return sum(conn.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchone()[0]
               for t in RECORD_TABLES if t in present)


def _parse(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    created = dt.datetime.strptime(m["ts"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=dt.UTC)
    return BackupInfo(path, created, int(m["records"]), is_encrypted(path))


def list_backups(store_path: Path) -> list[BackupInfo]:
    """The backups of the store at `store_path`, newest first."""
    folder = backup_dir(store_path)
    stem = Path(store_path).stem
    if not folder.is_dir():
        return []
    found = [info for p in folder.glob(f"{stem}-*.db")
             if (info := _parse(p)) is not None and p.is_file()
             and _NAME.match(p.name)["stem"] == stem]  # type: ignore[index]
    return sorted(found, key=lambda b: b.created, reverse=True)


def make_backup(store: Any, *, now: dt.datetime | None = None,
                rotate_after: bool = True) -> BackupInfo:
    """A verified backup of the open `store` in backups/ beside it; returns its info."""
    if store.path is None:
        raise StoreError("An in-memory store has no place for backups.")
    conn = store.db.conn
    if conn.in_transaction:
        raise StoreError("A backup cannot be made in the middle of a change.")
    now = now or dt.datetime.now(dt.UTC)
    folder = backup_dir(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    records = record_count(conn)
    final = folder / f"{store.path.stem}-{now:%Y%m%d-%H%M%S-%f}-r{records}.db"
    tmp = _temp_beside(final, "backup")
    encrypted = is_encrypted_connection(conn)
    try:
        try:
            if encrypted:
                from dossier.store.crypto import _export

                # No KEY: the copy is encrypted with the store's own passphrase.
                _export(conn, tmp, None)
            else:
                import sqlite3

                target = sqlite3.connect(str(tmp))
                try:
                    conn.backup(target)
                finally:
                    target.close()
            _verify_attached(conn, tmp, records)
        except DB_ERRORS as exc:
            raise StoreError(f"The backup could not be written ({exc}); "
                             "the store is unchanged.") from None
        _fsync_file(tmp)
        os.replace(tmp, final)
        _fsync_dir(folder)
    finally:
        for extra in ("", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)
    _last_backup_mark[store] = conn.total_changes
    if rotate_after:
        rotate(store.path, now=now)
    return BackupInfo(final, now, records, encrypted)


def _verify_attached(conn: Any, copy: Path, records: int) -> None:
    """Open the copy through the store's own connection (same key) and check it."""
    conn.execute(f"ATTACH DATABASE {sql_string(str(copy))} AS verify")
    try:
        problems = [r[0] for r in conn.execute("PRAGMA verify.integrity_check").fetchall()
                    if r[0] != "ok"]
        got = record_count(conn, "verify")
    finally:
        conn.execute("DETACH DATABASE verify")
    if problems or got != records:
        raise StoreError("The backup did not check out after writing; it was discarded.")


def rotate(store_path: Path, *, now: dt.datetime | None = None,
           keep_last: int = KEEP_LAST, keep_days: int = KEEP_DAYS) -> list[Path]:
    """Delete old backups: keep the newest `keep_last` and the newest of each of the
    last `keep_days` days (local time). Returns the deleted files."""
    now = now or dt.datetime.now(dt.UTC)
    backups = list_backups(store_path)
    keep = {b.path for b in backups[:keep_last]}
    oldest_day = (now.astimezone() - dt.timedelta(days=keep_days - 1)).date()
    seen_days: set[dt.date] = set()
    for b in backups:  # newest first: the first one seen of a day is that day's newest
        day = b.local_time.date()
        if day >= oldest_day and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
    deleted = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


def newest_good_backup(store_path: Path, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup that opens and passes a quick check (None if there is none)."""
    for info in list_backups(store_path):
        try:
            conn = _open_checked(info.path, passphrase if info.encrypted else None)
        except StoreError:
            continue
        conn.close()
        return info
    return None


def restore(store_path: Path, backup: Path, passphrase: str | None = None) -> Path | None:
    """Put a backup in place of the store (which must be closed).

    The backup is checked first. The current store is kept, not lost: if it is
    healthy a fresh backup of it is made; if it cannot be opened it is moved aside as
    `<name>.unreadable-<time>`, whose path is returned.
    """
    from dossier.store.crypto import PassphraseNeeded

    store_path, backup = Path(store_path), Path(backup)
    encrypted = is_encrypted(backup)
    if encrypted and not passphrase:
        raise PassphraseNeeded(f"The backup {backup.name} is encrypted: "
                               "its passphrase is needed.")
    conn = _open_checked(backup, passphrase if encrypted else None)
    conn.close()
    moved_aside, holder = _keep_current(store_path, passphrase)
    tmp = _temp_beside(store_path, "restore")
    try:
        with backup.open("rb") as src, tmp.open("wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        for extra in ("-wal", "-shm"):
            # The log of the replaced file must not be replayed into the backup.
            Path(f"{store_path}{extra}").unlink(missing_ok=True)
        os.replace(tmp, store_path)
        _fsync_dir(store_path.parent)
    finally:
        if holder is not None:
            holder.close()
        tmp.unlink(missing_ok=True)
    return moved_aside


def _keep_current(store_path: Path, passphrase: str | None) -> tuple[Path | None, Any]:
    """Back up a healthy current store, or move a damaged one aside.

    Returns the path it was moved to (or None) and, for a healthy store, a
    connection holding the file exclusively until the backup has replaced it.
    """
    from dossier.store.connection import lock_exclusively, raw_connection
    from dossier.store.facade import open_store

    if not store_path.exists():
        return None, None
    try:
        store = open_store(store_path, create=False,
                           passphrase=passphrase if is_encrypted(store_path) else None)
    except StoreError:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        aside = store_path.with_name(f"{store_path.name}.unreadable-{stamp}")
        os.replace(store_path, aside)
        for extra in ("-wal", "-shm"):
            src = Path(f"{store_path}{extra}")
            if src.exists():
                os.replace(src, Path(f"{aside}{extra}"))
        return aside, None
    try:
        make_backup(store)
    finally:
        store.close()
    # Held until the backup has replaced the file: nobody may write the old one.
    holder = raw_connection(store_path, passphrase if is_encrypted(store_path) else None)
    try:
        lock_exclusively(holder, store_path)
    except BaseException:
        holder.close()
        raise
    return None, holder


def backup_on_open(store: Any) -> BackupInfo | None:
    """The backup the app makes after opening a store; never stops the app (logs why)."""
    if store is None or store.path is None:
        return None
    try:
        return make_backup(store)
    except (StoreError, OSError, *DB_ERRORS):
        log.exception("backup on open failed")
        return None


def backup_on_close(store: Any) -> BackupInfo | None:
    """The backup the app makes before closing a store, if anything changed since the last."""
    if store is None or store.path is None:
        return None
    with contextlib.suppress(*DB_ERRORS):
        if _last_backup_mark.get(store) == store.db.conn.total_changes:
            return None
    return backup_on_open(store)


def encrypt_with_backups(store_path: Path, passphrase: str) -> int:
    """Encrypt the (closed) plain store and its plain backups, which would otherwise
    keep a readable copy of everything. Returns how many backups were encrypted."""
    from dossier.store.crypto import encrypt_file

    encrypt_file(store_path, passphrase)
    converted = 0
    for info in list_backups(store_path):
        if not info.encrypted:
            encrypt_file(info.path, passphrase)
            converted += 1
    return converted


def rekey_with_backups(store_path: Path, old: str, new: str) -> int:
    """Change the passphrase of the (closed) store and of the backups the old one
    opens, so one passphrase opens everything. Returns how many backups followed."""
    from dossier.store.crypto import change_passphrase, passphrase_opens

    if not passphrase_opens(store_path, old):
        raise StoreError(f"Wrong passphrase or damaged file: {store_path}")
    change_passphrase(store_path, old, new)
    moved = 0
    for info in list_backups(store_path):
        if info.encrypted and passphrase_opens(info.path, old):
            change_passphrase(info.path, old, new)
            moved += 1
    return moved
