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
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.files import private_dir, private_umask
from dossier.plural import en_count
from dossier.progress import Cancelled, Progress, report
from dossier.said import Said, said
from dossier.store.connection import db_errors, sql_string
from dossier.store.crypto import (
    _fsync_dir,
    _fsync_file,
    _open_checked,
    _temp_beside,
    is_encrypted,
    is_encrypted_connection,
)
from dossier.store.errors import StoreError

# Where backups live: defined with the store's opening, which tidies that folder
# without loading this module (~1 ms of every start).
from dossier.store.private import backup_dir
from dossier.value_methods import Hashed


def _not_checked_out() -> Said:
    return said(
        "The backup did not check out after writing; it was discarded.",
        "Записанная резервная копия не прошла проверку; она удалена.",
    )


KEEP_LAST = 10
KEEP_DAYS = 30
# Compiled (and kept) by `re` when backups are first listed, not at every start.
_NAME = r"^(?P<stem>.+)-(?P<ts>\d{8}-\d{6}-\d{6})-r(?P<records>\d+)\.db$"
# Pages copied per step of the online backup: between two steps Cancel is heard.
BACKUP_PAGES = 4096
# The tables whose rows the user thinks of as "records".
RECORD_TABLES = (
    "dossiers",
    "sources",
    "officials",
    "trade_figures",
    "projects",
    "talking_points",
    "events",
)

log = logging.getLogger(__name__)
# Connection change counter at the last backup, per open store (see backup_on_close).
_last_backup_mark: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, repr=False, eq=False)
class BackupInfo(Hashed):
    path: Path
    created: dt.datetime  # aware, UTC
    records: int
    encrypted: bool

    @property
    def local_time(self) -> dt.datetime:
        return self.created.astimezone()

    def describe(self) -> str:
        lock = ", encrypted" if self.encrypted else ""
        return (
            f"{self.local_time:%Y-%m-%d %H:%M:%S}  {en_count(self.records, 'record', 'records')}"
            f"{lock}  {self.path.name}"
        )


def record_count(conn: Any, schema: str = "main") -> int:
    """How many records (dossiers and their parts) a database holds."""
    present = {
        r[0] for r in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")
    }
    return sum(
        conn.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchone()[0]
        for t in RECORD_TABLES
        if t in present
    )


def _parse(path: Path) -> BackupInfo | None:
    m = re.match(_NAME, path.name)
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
    found = [
        info
        for p in folder.glob(f"{stem}-*.db")
        if (info := _parse(p)) is not None
        and p.is_file()
        and (m := re.match(_NAME, p.name)) is not None
        and m["stem"] == stem
    ]
    return sorted(found, key=lambda b: b.created, reverse=True)


def make_backup(
    store: Any,
    *,
    now: dt.datetime | None = None,
    rotate_after: bool = True,
    progress: Progress | None = None,
) -> BackupInfo:
    """A verified backup of the open `store` in backups/ beside it; returns its info.

    A plain store is copied through a connection of its own, inside one read
    transaction: the copy is a consistent snapshot even while the app goes on
    writing, and the app's connection is never held for the seconds a large copy
    takes, so this may run on a worker thread. An encrypted store is copied
    through its own connection (the app does not keep the passphrase to open a
    second one). `progress` returning False cancels: Cancelled, no file left.
    """
    if store.path is None:
        raise StoreError(
            said(
                "An in-memory store has no place for backups.",
                "Хранилищу в памяти некуда сохранять резервные копии.",
            )
        )
    conn = store.db.conn
    if conn.in_transaction:
        raise StoreError(
            said(
                "A backup cannot be made in the middle of a change.",
                "Резервную копию нельзя сделать посреди изменения.",
            )
        )
    mark = conn.total_changes
    now = now or dt.datetime.now(dt.UTC)
    folder = private_dir(backup_dir(store.path))
    encrypted = is_encrypted_connection(conn)
    tmp = _temp_beside(folder / f"{store.path.stem}.db", f"backup-{threading.get_ident()}")
    try:
        try:
            # The copy SQLite creates is the user's alone.
            with private_umask():
                report(progress, 0, 100)
                if encrypted:
                    from dossier.store.crypto import _export

                    records = record_count(conn)
                    # No KEY: the copy is encrypted with the store's own passphrase.
                    _export(conn, tmp, None)
                    report(progress, 80, 100)
                else:
                    records = _copy_plain(store.path, tmp, progress)
                _verify_attached(conn, tmp, records, progress)
        except db_errors() as exc:
            raise StoreError(
                said(
                    "The backup could not be written ({exc}); the store is unchanged.",
                    "Не удалось записать резервную копию ({exc}); хранилище не изменено.",
                    exc=exc,
                )
            ) from None
        report(progress, 100, 100)  # the last moment Cancel leaves no backup
        final = folder / f"{store.path.stem}-{now:%Y%m%d-%H%M%S-%f}-r{records}.db"
        _fsync_file(tmp)
        os.replace(tmp, final)
        _fsync_dir(folder)
    finally:
        for extra in ("", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)
    _last_backup_mark[store] = mark
    if rotate_after:
        rotate(store.path, now=now)
    return BackupInfo(final, now, records, encrypted)


def _copy_plain(store_path: Path, copy: Path, progress: Progress | None) -> int:
    """Copy a plain store with SQLite's online backup, a few pages at a time;
    returns its record count (of the same snapshot)."""
    import sqlite3

    src = sqlite3.connect(str(store_path), isolation_level=None)
    try:
        src.execute("PRAGMA busy_timeout = 5000")
        src.execute("BEGIN")  # one snapshot for the count and every page copied
        records = record_count(src)
        target = sqlite3.connect(str(copy))
        try:

            def step(_status: int, remaining: int, pages: int) -> None:
                report(progress, (pages - remaining) * 80 // max(pages, 1), 100)

            src.backup(target, pages=BACKUP_PAGES, progress=step)
        finally:
            target.close()
        src.execute("COMMIT")
    finally:
        src.close()
    return records


def _verify_copy(copy: Path, records: int, progress: Progress | None) -> None:
    """Open a plain copy on its own and check it; Cancel interrupts the check."""
    import sqlite3

    check = sqlite3.connect(str(copy))
    stopped = False

    def still_wanted() -> int:
        nonlocal stopped
        stopped = progress is not None and progress(80, 100) is False
        return int(stopped)  # non-zero interrupts the running statement

    try:
        check.set_progress_handler(still_wanted, 200_000)
        problems = [
            r[0] for r in check.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"
        ]
        got = record_count(check)
    except sqlite3.OperationalError:
        if stopped:
            raise Cancelled from None
        raise
    finally:
        check.close()
    if problems or got != records:
        raise StoreError(_not_checked_out())


def _verify_attached(conn: Any, copy: Path, records: int, progress: Progress | None = None) -> None:
    """Check the copy: an encrypted one attached to the store's own connection (same
    key), a plain one on a connection of its own (the store's stays free)."""
    if not is_encrypted_connection(conn):
        _verify_copy(copy, records, progress)
        return
    conn.execute(f"ATTACH DATABASE {sql_string(str(copy))} AS verify")
    try:
        problems = [
            r[0] for r in conn.execute("PRAGMA verify.integrity_check").fetchall() if r[0] != "ok"
        ]
        got = record_count(conn, "verify")
    finally:
        conn.execute("DETACH DATABASE verify")
    if problems or got != records:
        raise StoreError(_not_checked_out())


def rotate(
    store_path: Path,
    *,
    now: dt.datetime | None = None,
    keep_last: int = KEEP_LAST,
    keep_days: int = KEEP_DAYS,
) -> list[Path]:
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


def restore(
    store_path: Path, backup: Path, passphrase: str | None = None, progress: Progress | None = None
) -> Path | None:
    """Put a backup in place of the (closed) store; see dossier.store.restore."""
    from dossier.store.restore import restore_backup

    return restore_backup(store_path, backup, passphrase, progress)


def backup_on_open(store: Any, progress: Progress | None = None) -> BackupInfo | None:
    """The backup the app makes after opening a store; never stops the app (logs why).
    Cancelled through `progress`: Cancelled raised, no backup left."""
    if store is None or store.path is None:
        return None
    try:
        return make_backup(store, progress=progress)
    except db_errors(StoreError, OSError):
        log.exception("backup on open failed")
        return None


def backup_on_close(store: Any, progress: Progress | None = None) -> BackupInfo | None:
    """The backup the app makes before closing a store, if anything changed since the last."""
    if store is None or store.path is None:
        return None
    with contextlib.suppress(*db_errors()):
        if not needs_backup(store):
            return None
    return backup_on_open(store, progress)


def needs_backup(store: Any) -> bool:
    """Whether the store changed since its last backup (or has none from this session)."""
    return bool(_last_backup_mark.get(store) != store.db.conn.total_changes)


def encrypt_with_backups(store_path: Path, passphrase: str) -> int:
    """Encrypt the (closed) plain store and its plain backups, all or nothing (see
    rekey.py). Returns how many backups were encrypted."""
    from dossier.store.rekey import encrypt_all

    return encrypt_all(store_path, passphrase).backups


def rekey_with_backups(store_path: Path, old: str, new: str) -> int:
    """Change the passphrase of the (closed) store and its backups, all or nothing, so
    one passphrase opens everything. Returns how many backups followed."""
    from dossier.store.rekey import change_all

    return change_all(store_path, old, new).backups
