"""Opening a store file with the settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from dossier.store.errors import StoreError


def fold(text: str | None) -> str | None:
    """Case- and ё-insensitive form of a text, for sorting Cyrillic as a reader expects."""
    if text is None:
        return None
    return text.casefold().replace("ё", "е")


def _collate_unicode(a: str, b: str) -> int:
    fa, fb = fold(a) or "", fold(b) or ""
    return (fa > fb) - (fa < fb) or (a > b) - (a < b)


def configure(conn: sqlite3.Connection) -> Database:
    """Pragmas and functions every store connection gets, plain or encrypted."""
    conn.create_collation("unicode", _collate_unicode)
    conn.create_function("fold", 1, fold, deterministic=True)
    # Durability first: a laptop battery may die mid-save.
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    # Temporary tables and sort spills stay in memory, never in plaintext files.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA busy_timeout = 5000")
    return Database(conn)


def connect(path: Path | str) -> Database:
    """A connection to a plain SQLite store file, created if missing."""
    try:
        # isolation_level=None: transactions are explicit (Database.atomic), so
        # the driver never commits or begins behind our back.
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        db = configure(conn)
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Cannot open {path}: not a Dossier store, or the file is damaged "
                         f"({exc}).") from None
    return db
