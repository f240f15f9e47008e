"""The audit rows of `changes`: who changed what, with the values typed as JSON.

The repository's single writes audit one row per changed field; its bulk inserts
and deletes (store/bulk.py) one row per record, many rows per statement. The
operation log reads both (store/oplog.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dossier.store.db import Db

# table, row id, dossier id, action, field, old, new (as text), op id, old, new (JSON)
AuditRow = tuple[Any, ...]


def write_audit(db: Db, rows: Iterable[AuditRow]) -> None:
    """Add audit rows to `changes` (inside the caller's transaction)."""
    db.conn.executemany(
        "INSERT INTO changes(table_name, row_id, dossier_id, action, field, old, new, "
        "op_id, old_json, new_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
