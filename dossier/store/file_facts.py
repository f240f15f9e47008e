"""What About and `dossier check` say about a store file, read without changing it.

The UI and About ask here rather than opening the file themselves: only the store
holds the drivers, and only the store knows not to open a file that this process
already holds (a second descriptor closed would drop the first one's locks:
store/live.py).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from dossier.store import live
from dossier.store.connection import db_errors


def sqlite_version() -> str:
    """The SQLite library the plain driver runs on."""
    return sqlite3.sqlite_version


def file_facts(path: Path) -> tuple[int | None, bool | None]:
    """(schema version, encrypted?) of a store file, read without changing it.

    None where it cannot be told: no file, or an encrypted one (its schema needs
    the passphrase). Opening it as a store would migrate it: About must not.
    """
    from dossier.store.crypto import is_encrypted

    if not path.is_file():
        return None, None
    if is_encrypted(path):
        return None, True
    conn = live.live_connection(path)
    if conn is not None:  # held by this process: ask its connection
        return int(conn.execute("PRAGMA user_version").fetchone()[0]), False
    try:
        # as_uri() needs an absolute path (--store look.db is relative).
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0]), False
        finally:
            conn.close()
    except sqlite3.Error:  # damaged, or not a store: About still answers
        return None, False


def open_store_facts(store: Any) -> tuple[bool, str | None]:
    """(encrypted?, SQLCipher version or None) of an open Store."""
    conn = store.db.conn
    # The encrypted driver's class lives in sqlcipher3; a plain store uses sqlite3.
    encrypted = type(conn).__module__.startswith("sqlcipher3")
    if not encrypted:
        return False, None
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    except db_errors():
        return True, None
    return True, (row[0] if row and row[0] else None)
