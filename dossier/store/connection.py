"""Opening a store file with the settings every connection needs, plain or encrypted."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from dossier.said import said
from dossier.store import live
from dossier.store.db import Db
from dossier.store.errors import (
    WRONG_PASSPHRASE,
    DamagedStore,
    StoreError,
    WrongPassphrase,
    read_only,
    wrong_passphrase,
)

__all__ = ["WRONG_PASSPHRASE", "DamagedStore", "StoreError", "WrongPassphrase"]
# PRAGMA application_id of a Dossier store: "DOSS" in ASCII (set by migration 0006_house).
APPLICATION_ID = 0x444F5353
# PBKDF2 rounds for files keyed before Argon2id; None: SQLCipher 4's default
# (256,000). Only the test suite lowers it, to keep hundreds of opens fast (it then
# lowers the Argon2id cost of new files too: keys.current_cost); a file must be
# opened with the rounds it was created with (Argon2id files record theirs).
KDF_ITER: int | None = None


_db_errors: tuple[type[Exception], ...] | None = None


def db_errors(*also: type[Exception]) -> tuple[type[Exception], ...]:
    """Every driver error a store connection can raise (and the errors `also` given,
    for one `except` clause).

    The encrypted driver (sqlcipher3) has its own exception classes, which are not
    subclasses of sqlite3's. Imported on first need: a plain store never loads it
    (an `except` clause evaluates its classes only when something was raised).
    """
    global _db_errors
    if _db_errors is None:
        try:
            from sqlcipher3 import dbapi2

            _db_errors = (sqlite3.Error, dbapi2.Error)
        except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
            _db_errors = (sqlite3.Error,)
    return (*_db_errors, *also)


def fold(text: str | None) -> str | None:
    """Case- and ё-insensitive form of a text, for sorting Cyrillic as a reader expects."""
    if text is None:
        return None
    return text.casefold().replace("ё", "е")


def _collate_unicode(a: str, b: str) -> int:
    fa, fb = fold(a) or "", fold(b) or ""
    return (fa > fb) - (fa < fb) or (a > b) - (a < b)


def configure(conn: Any) -> Db:
    """Pragmas and functions every store connection gets, plain or encrypted."""
    conn.create_collation("unicode", _collate_unicode)
    conn.create_function("fold", 1, fold, deterministic=True)
    # Durability first: a laptop battery may die mid-save.
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    # Temporary tables and sort spills stay in memory, never in plaintext files.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA busy_timeout = 5000")
    # What sqlite-utils sets on the connections it wraps: the store's triggers behave
    # the same whether or not sqlite-utils has been used on this connection yet.
    conn.execute("PRAGMA recursive_triggers = ON")
    return Db(conn)


def sql_string(text: str) -> str:
    """`text` as an SQL string literal (PRAGMA key takes no bound parameters)."""
    if "\x00" in text:
        raise StoreError(
            said(
                "A passphrase cannot contain a NUL character.",
                "Пароль не может содержать символ NUL.",
            )
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise StoreError(
            said(
                "The passphrase contains characters that cannot be stored.",
                "В пароле есть символы, которые нельзя сохранить.",
            )
        ) from None
    return "'" + text.replace("'", "''") + "'"


def raw_connection(path: Path | str, passphrase: str | None = None) -> Any:
    """A bare driver connection: sqlite3 for plain files, sqlcipher3 with the key set.

    The key is given before anything reads the file; a wrong key is only noticed
    at the first read (see `connect`).
    """
    if passphrase is None:
        refuse_other_driver(path, encrypted=False)
        # isolation_level=None: transactions are explicit (Db.atomic), so
        # the driver never commits or begins behind our back.
        return sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    if not passphrase:
        raise StoreError(said("The passphrase is empty.", "Пароль пуст."))
    from dossier.store.keys import key_for

    conn = cipher_connection(path)
    try:
        # Our files: the Argon2id-derived raw key, so the passphrase itself never
        # reaches SQLCipher (store/keys.py); older files: the passphrase, as before.
        key = key_for(path, passphrase, probe=None if str(path) == ":memory:" else conn)
        conn.execute(f"PRAGMA key = {sql_string(key)}")
    except BaseException:
        conn.close()
        raise
    return conn


def refuse_other_driver(path: Path | str, *, encrypted: bool) -> None:
    """StoreInUse if this process has `path` open through the other SQLite library.

    sqlite3 and sqlcipher3 each bundle their own SQLite, blind to the other's
    locks: a second connection through the other one would, on closing, drop the
    locks of the first (see store/live.py) and could even lock the file
    "exclusively" under it.
    """
    if str(path) == ":memory:":
        return
    conn = live.live_connection(path)
    if conn is not None and type(conn).__module__.startswith("sqlcipher3") != encrypted:
        raise StoreInUse(
            said(
                "The store {path} is open in this window; close it first. Nothing was changed.",
                "Хранилище {path} открыто в этом окне; сначала закройте его. Ничего не изменено.",
                path=path,
            )
        )


def cipher_connection(path: Path | str) -> Any:
    """An SQLCipher connection with no key yet (a plain file opens as is)."""
    from sqlcipher3 import dbapi2

    refuse_other_driver(path, encrypted=True)
    conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # SQLCipher logs failed page checks to stderr; the user gets our message instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # Process-wide default, so ATTACHed copies (backups, conversions) match.
        conn.execute(f"PRAGMA cipher_default_kdf_iter = {int(KDF_ITER or 256_000)}")
    except BaseException:
        conn.close()
        raise
    return conn


def quick_check(conn: Any, schema: str = "main") -> list[str]:
    """SQLite's quick structural check of the file (empty list: healthy)."""
    rows = conn.execute(f"PRAGMA {schema}.quick_check").fetchall()
    # SQLite prefixes the first problem with "*** in database main ***\n".
    return [
        " ".join(row[0].replace(f"*** in database {schema} ***", "").split())
        for row in rows
        if row[0] != "ok"
    ]


def connect(path: Path | str, passphrase: str | None = None, *, check: bool = True) -> Db:
    """A configured connection to a store file (created if missing).

    With a passphrase the file is opened (or created) encrypted with SQLCipher.
    Before anything can write (WAL switch, migrations), the file is read and
    quick-checked: a wrong passphrase or a damaged file raises StoreError and
    leaves the file as it was.
    """
    memory = str(path) == ":memory:"
    if not memory:
        _refuse_read_only(Path(path))
    try:
        conn = raw_connection(path, passphrase)
    except db_errors() as exc:
        raise StoreError(
            said(
                "Cannot open {path} ({exc}).",
                "Не удаётся открыть {path} ({exc}).",
                path=path,
                exc=exc,
            )
        ) from None
    try:
        db = configure(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # One check statement, the full one or the quick one: FTS5 keeps what it read of
        # the search index from one statement to the next, and a second check over a
        # newer snapshot (another process wrote in between) would see a mismatch.
        full = check and not memory and _needs_full_check(Path(path), conn)
        if full:
            from dossier.store.integrity import integrity_problems

            problems = integrity_problems(conn)
        else:
            problems = quick_check(conn) if check and not memory else []
    except db_errors(UnicodeError) as exc:  # damaged text can break SQLite's messages
        conn.close()
        if passphrase is not None:
            raise WrongPassphrase(wrong_passphrase(path)) from None
        raise DamagedStore(
            said(
                "Cannot open {path}: not a Dossier store, or the file is "
                "damaged ({exc}). Nothing was written to it.",
                "Не удаётся открыть {path}: это не хранилище Dossier, или файл "
                "повреждён ({exc}). В файл ничего не записано.",
                path=path,
                exc=exc,
            ),
            Path(path),
            [str(exc)],
        ) from None
    except BaseException:
        conn.close()
        raise
    if problems:
        conn.close()
        raise DamagedStore.found(path, problems)
    if check and not memory:
        # Before the switch to WAL, which would already write to another program's file.
        foreign = foreign_database(conn)
        if foreign:
            conn.close()
            raise NotAStore(
                said(
                    "{path} is not a Dossier store ({foreign}). Nothing was written to it.",
                    "{path} не хранилище Dossier ({foreign}). В файл ничего не записано.",
                    path=path,
                    foreign=foreign,
                )
            )
    if not memory:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except db_errors(UnicodeError) as exc:
            conn.close()
            raise StoreError(
                said(
                    "Cannot open {path} for writing ({exc}).",
                    "Не удаётся открыть {path} для записи ({exc}).",
                    path=path,
                    exc=exc,
                )
            ) from None
        live.register(path, db)
        if full:
            from dossier.store.integrity import mark_verified

            mark_verified(Path(path))
    return db


class NotAStore(StoreError):
    """A healthy SQLite file of another program; it has not been written to."""


def foreign_database(conn: Any) -> str | None:
    """Why the SQLite file on `conn` belongs to another program, or None if it may be a
    Dossier store: one marked with APPLICATION_ID, one written before stores were
    marked (before migration 0006: it has the dossiers table), or an empty new file."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return None
    if app_id:
        return said(
            "its application id is {theirs:#010x}, Dossier's is {ours:#010x}",
            "его идентификатор приложения {theirs:#010x}, у Dossier {ours:#010x}",
            theirs=app_id & 0xFFFFFFFF,
            ours=APPLICATION_ID,
        )
    tables = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    if tables and "dossiers" not in tables:
        return said(
            "an SQLite database of another program: it has no dossiers table",
            "это база SQLite другой программы: в ней нет таблицы dossiers",
        )
    return None


def _refuse_read_only(path: Path) -> None:
    """StoreError before opening a store SQLite could not write its log files beside."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    if hasattr(os, "statvfs"):  # POSIX: a read-only mount, whoever asks
        with contextlib.suppress(OSError):
            folder_ok = folder_ok and not os.statvfs(path.parent).f_flag & os.ST_RDONLY
    file_ok = not path.exists() or os.access(path, os.W_OK)
    if not (folder_ok and file_ok):
        raise StoreError(read_only(path))


def _needs_full_check(path: Path, conn: Any) -> bool:
    """Whether the quick check cannot vouch for the file (see store/integrity.py)."""
    from dossier.store.integrity import left_as_verified

    if live.is_live(path):
        return False  # this process checked it when it opened it
    mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    # Not WAL: a file from elsewhere, never opened by Dossier; it is switched to WAL
    # (a write) only after the full check.
    return mode != "wal" or not left_as_verified(path)


class StoreInUse(StoreError):
    """Another window or program has the store open; it must be closed there first."""


def lock_exclusively(conn: Any, path: Path | str) -> None:
    """Hold the store file exclusively until `conn` closes (before replacing the file).

    `conn` must be fresh (keyed, but nothing read yet): only then does SQLite take
    the file lock rather than WAL's write lock. In WAL mode every open connection
    holds a shared lock on the file, so this is refused while any other connection
    has the store open: a file replaced under it would swallow its later writes.
    """
    conn.execute("PRAGMA busy_timeout = 300")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except db_errors() as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreInUse(
                said(
                    "The store {path} is open in another Dossier window or "
                    "program; close it there first. Nothing was changed.",
                    "Хранилище {path} открыто в другом окне Dossier или в другой "
                    "программе; сначала закройте его там. Ничего не изменено.",
                    path=path,
                )
            ) from None
        raise
