"""Checks that a store's tables are the ones this version of Dossier reads.

SQLite's quick check finds broken pages, not a damaged schema text: one flipped
byte in a plain file can rename a column ("biography" -> "biograpGy") and the file
still opens. Comparing every table with the model catches that before any record
is shown (and before a record with a missing column is saved).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from pathlib import Path
from typing import Any

from dossier.model import ENTITIES
from dossier.said import said


def schema_problems(db: Any) -> list[str]:
    """Tables missing or with other columns than the model's records (empty: fine)."""
    from dossier.store import repository

    # Extra columns the repository maintains itself (sort keys), beside the record's.
    extra: dict[str, dict[str, str]] = getattr(repository, "SORT_KEYS", {})
    problems: list[str] = []
    for spec in ENTITIES.values():
        wanted = {f.name for f in dataclasses.fields(spec.record)} | set(extra.get(spec.table, {}))
        got = {row[1] for row in db.execute(f"PRAGMA table_info([{spec.table}])").fetchall()}
        if not got:
            problems.append(
                said("table {table} is missing", "нет таблицы {table}", table=spec.table)
            )
        elif got != wanted:
            odd = sorted(got ^ wanted)
            problems.append(
                said(
                    "table {table} has unexpected columns ({columns})",
                    "в таблице {table} лишние столбцы ({columns})",
                    table=spec.table,
                    columns=", ".join(odd),
                )
            )
    return problems


# -- when the quick check is not enough ----------------------------------------------
#
# SQLite's quick_check reads every page but does not compare indexes with their
# tables: a damaged index passes it, and a write through that index spreads the
# damage. The full integrity_check does compare them, at the cost of a pass over
# every index. It runs whenever the file may have been changed by anything but a
# Dossier connection that closed normally: a marker (in the user's cache folder)
# records the file as a Dossier connection last left it (inode, size, modification
# time).
# A file copied in, damaged, restored by hand, or left by a crashed process after a
# checkpoint no longer matches, and gets the full check before anything can write.


# Markers kept (one per store file ever opened); older ones go, costing a full check.
KEEP_MARKERS = 200


def marker_path(path: Path) -> Path:
    """Where the marker of a store file lives: in the user's cache folder, not beside
    the store (no extra file in the user's folders or among the backups)."""
    from dossier.paths import user_cache_dir

    name = _sha256_hex(str(Path(path).resolve()).encode("utf-8", "surrogateescape"))
    return user_cache_dir() / "verified" / name[:32]


def _sha256_hex(data: bytes) -> str:
    """hashlib.sha256 without loading OpenSSL (hashlib imports it, ~4 ms on every
    start): Python's own SHA-256 gives the same digest."""
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # Python 3.12 and later
        except ImportError:
            from hashlib import sha256
    return str(sha256(data).hexdigest())


def _stamp(path: Path) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns}\n"


def left_as_verified(path: Path) -> bool:
    """True if the store file is exactly as a checked Dossier connection left it."""
    stamp = _stamp(path)
    try:
        return stamp is not None and marker_path(path).read_bytes() == stamp.encode("ascii")
    except (OSError, UnicodeError):
        return False


def mark_verified(path: Path) -> None:
    """Record the file as it is now: checked, or closed normally by Dossier.

    Best effort: on a read-only medium there is no marker, and every open makes the
    full check (nothing can be written there anyway)."""
    from dossier.files import write_atomic

    stamp = _stamp(path)
    if stamp is None:
        return
    marker = marker_path(path)
    with contextlib.suppress(OSError):
        new = not marker.exists()
        write_atomic(marker, stamp.encode("ascii"))
        if new:
            _prune(marker.parent)


def _prune(folder: Path) -> None:
    """Forget the stores least recently closed beyond KEEP_MARKERS (they get a full check)."""
    found = [p for p in folder.iterdir() if not p.name.startswith(".")]  # not a .part
    markers = sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in markers[KEEP_MARKERS:]:
        old.unlink(missing_ok=True)


def integrity_problems(conn: Any, schema: str = "main") -> list[str]:
    """SQLite's full integrity check, indexes included (empty list: healthy)."""
    rows = conn.execute(f"PRAGMA {schema}.integrity_check").fetchall()
    return [
        " ".join(str(row[0]).replace(f"*** in database {schema} ***", "").split())
        for row in rows
        if row[0] != "ok"
    ]
