"""The audit rows of `changes`: who changed what, with the values typed as JSON.

One writer for the repository's single and bulk writes, so every path audits the
same way (one row per changed field for an edit, one row per record for a bulk
insert or delete; the operation log reads both: store/oplog.py).
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


def deleted_row(table: str, row_id: int, dossier_id: Any, op_id: Any, old: str) -> AuditRow:
    """A whole record deleted: its values in old_json, so undo can put it back."""
    return (table, row_id, dossier_id, "delete", None, None, None, op_id, old, None)


def imported_row(table: str, row_id: int, dossier_id: Any, op_id: Any, new: str) -> AuditRow:
    """A record added in bulk: one row with all its values, not one per field."""
    return (table, row_id, dossier_id, "insert", None, None, "import", op_id, None, new)
