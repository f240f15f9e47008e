"""The versions of one record, read from the `changes` audit table (as KeePassXC keeps
an entry's history): what it looked like after each operation that touched it.

Every write of a repository leaves audit rows (one per field changed, or one per
record for a bulk insert or a delete); replaying them in order gives each version.
Reverting to a version is an ordinary update (dossier.ui.operations.revert), so it is
one more operation of the log, and can itself be undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dossier.model import EntitySpec
from dossier.store.oplog import from_json

if TYPE_CHECKING:
    from dossier.store.facade import Store


@dataclass(frozen=True)
class Version:
    """One state of a record: after the operation `label` made at `at`."""

    at: str
    label: str  # the operation's label ("edit official", "import of 63 officials")
    origin: str  # "window" or the command that made it
    action: str  # insert, update or delete
    values: dict[str, Any] = field(default_factory=dict)  # the whole record after it
    changed: tuple[str, ...] = ()  # the fields this version changed


def _value(typed: str | None, text: str | None) -> Any:
    # Rows written before the log kept typed values hold only the readable text.
    if typed is not None:
        return from_json(typed)
    return text


def versions(store: Store, spec: EntitySpec, record_id: int) -> list[Version]:
    """The record's versions, newest first (empty: the log knows nothing of it)."""
    rows = store.db.execute(
        "SELECT c.at, c.action, c.field, c.new, c.old_json, c.new_json, "
        "c.op_id, coalesce(o.label, ''), coalesce(o.origin, '') "
        "FROM changes c LEFT JOIN operations o ON o.id = c.op_id "
        "WHERE c.table_name = ? AND c.row_id = ? ORDER BY c.id",
        [spec.table, record_id],
    ).fetchall()
    out: list[Version] = []
    state: dict[str, Any] = {}
    group: tuple[Any, ...] | None = None
    changed: list[str] = []
    head: tuple[str, str, str, str] = ("", "", "", "")
    for at, action, name, new, old_json, new_json, op_id, label, origin in rows:
        # One version per operation (or, for audit rows older than the log, per moment).
        key = (op_id, action) if op_id is not None else (at, action)
        if group is not None and key != group:
            out.append(Version(*head, values=dict(state), changed=tuple(changed)))
            changed = []
        group = key
        head = (at, label, origin, action)
        if action == "delete":
            whole = _value(old_json, None)
            if isinstance(whole, dict):
                state = dict(whole)
            continue
        if name is None:  # a bulk insert: the whole record in one row
            whole = _value(new_json, new)
            if isinstance(whole, str):
                try:
                    whole = json.loads(whole)
                except ValueError:
                    whole = {}
            if isinstance(whole, dict):
                state.update(whole)
                changed.extend(whole)
            continue
        state[name] = _value(new_json, new)
        changed.append(name)
    if group is not None:
        out.append(Version(*head, values=dict(state), changed=tuple(changed)))
    out.reverse()
    return out
