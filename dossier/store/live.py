"""The store files this process holds open, so that nothing opens them a second time.

On POSIX, closing *any* descriptor of a file drops *every* fcntl lock the process
holds on it. SQLite's WAL mode relies on those locks: a process that has lost them
looks gone to the others, and the next one to close the store checkpoints and
deletes the -wal and -shm files this process still writes into ("How To Corrupt
An SQLite Database File", section 2.2). So while a connection is open, nothing
here reads the file's header with `open()`; questions go to the open connection.

Two connections of the same SQLite library in one process are safe (SQLite keeps
one descriptor per file and defers closing it). The plain driver (sqlite3) and the
encrypted one (sqlcipher3) are two libraries, though: neither knows the other's
locks, so a store open through one is never opened through the other.

Files are told apart by device and inode: a file replaced under an open
connection is a new file, not the live one.
"""

from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path
from typing import Any

_lock = threading.Lock()
# (device, inode) -> the open Db handles of that file (weak: a forgotten handle
# that the garbage collector closes also leaves the registry).
_live: dict[tuple[int, int], weakref.WeakSet[Any]] = {}


def file_key(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of a file, read with stat() (no descriptor); None if absent."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def register(path: Path | str, db: Any) -> None:
    """Remember that `db` (a Db handle) holds the store file at `path` open."""
    key = file_key(path)
    if key is None:
        return
    with _lock:
        _live.setdefault(key, weakref.WeakSet()).add(db)
    db._live_key = key
    db._live_path = Path(path)


def forget(db: Any) -> Path | None:
    """`db` is closing: it no longer holds its file. Returns the file's path."""
    key = getattr(db, "_live_key", None)
    if key is None:
        return None
    db._live_key = None
    with _lock:
        handles = _live.get(key)
        if handles is not None:
            handles.discard(db)
            if not handles:
                del _live[key]
    return getattr(db, "_live_path", None)


def live_connection(path: Path | str) -> Any | None:
    """The driver connection of a Db this process has open on `path`, or None."""
    key = file_key(path)
    if key is None:
        return None
    with _lock:
        handles = list(_live.get(key, ()))
    return handles[0].conn if handles else None


def is_live(path: Path | str) -> bool:
    """True while this process has the store file at `path` open."""
    return live_connection(path) is not None
