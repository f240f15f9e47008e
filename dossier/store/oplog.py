"""The operation log: every change to a store is one operation that can be undone.

As in Anki, undo lives with the data, not in the window: an operation (a form
saved, an import, a capture accepted, a command run) groups the audit rows its
writes made in `changes`, with their values typed as JSON. Undoing it applies the
inverse in one transaction; redoing applies it again. Because the log is in the
store, `dossier undo` can take back an import made in the window, and the log
survives a restart.

Before anything is put back, every record the operation touched is compared
with what the operation left: if another process (or a later operation) changed
it since, the undo is refused with a message and nothing is overwritten.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from typing import Any

from dossier import bulk_gc
from dossier.store.db import Db
from dossier.store.errors import StoreError
from dossier.store.log_steps import Same, _Step, batches, check_texts, matches, read_steps
from dossier.store.log_steps import from_json as from_json  # what the log keeps, read back
from dossier.store.log_steps import to_json as to_json  # a value as the log keeps it
from dossier.value_methods import Compared, Hashed
from dossier.written_init import record_class


class UndoConflict(StoreError):
    """Another change touched the records since: undoing would overwrite it."""


class NothingToUndo(StoreError):
    """The log holds no operation to undo (or redo)."""


@record_class()
class Changes(Compared):
    """What one operation changed, per table: what a view must refresh.

    added: ids of new records; updated: id -> the changed fields' previous values;
    deleted: id -> the whole record as it was (field -> value).
    """

    label: str = ""
    op_id: int | None = None
    added: dict[str, list[int]] = field(default_factory=dict)
    updated: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    deleted: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.deleted)

    @property
    def tables(self) -> set[str]:
        return set(self.added) | set(self.updated) | set(self.deleted)

    def count(self, table: str | None = None) -> int:
        """How many changes were made (to `table` only, if given): a record added, then
        edited, counts twice (`records` counts it once)."""
        parts = (self.added, self.updated, self.deleted)
        if table is not None:
            return sum(len(part.get(table, ())) for part in parts)
        return sum(len(v) for part in parts for v in part.values())

    def records(self) -> int:
        """How many distinct records were changed (one added, then edited, is one)."""
        parts = [
            (table, ids)
            for part in (self.added, self.updated, self.deleted)
            for table, ids in part.items()
        ]
        if len(parts) == 1:  # one kind of change to one table: its ids are distinct
            return len(parts[0][1])
        return len({(table, i) for table, ids in parts for i in ids})

    def summary(self) -> str:
        """'2 officials added, 1 source added' (in English: the log's own language)."""
        from dossier.model import ENTITIES

        names = {spec.table: spec for spec in ENTITIES.values()}
        parts = []
        for verb, part in (
            ("added", self.added),
            ("updated", self.updated),
            ("deleted", self.deleted),
        ):
            for table, ids in sorted(part.items()):
                spec = names.get(table)
                # "Trade figure(s)": the tab's plural ("Trade") names no records.
                noun = (spec.en if len(ids) == 1 else spec.en + "s") if spec else table
                parts.append(f"{len(ids):,} {noun.lower()} {verb}")
        return ", ".join(parts) or "no change"


@record_class(frozen=True)
class Operation(Hashed):
    """One line of the history."""

    id: int
    at: str
    label: str
    origin: str
    dossier_id: int | None
    state: str
    records: int
    reverts: int | None


# Applies one kind of change to records of one table, in bulk: ("insert", table,
# [(row id, values)]) puts records in with their ids, ("update", ...) sets fields,
# ("delete", table, [(row id, None)]) removes them.
Apply = Callable[[str, str, list[tuple[int, dict[str, Any] | None]]], None]
# The current values of some records of a table (missing ids: no longer there).
Read = Callable[[str, list[int]], dict[int, dict[str, Any]]]


class OperationLog:
    """The store's operations: opened around writes, undone and redone on request."""

    def __init__(self, db: Db, origin: str = "window"):
        self.db = db
        self.origin = origin  # who makes the operations opened here: "window" or a command
        self._open: Changes | None = None
        self._state = "done"

    @property
    def current(self) -> Changes | None:
        return self._open

    @contextlib.contextmanager
    def operation(
        self, label: str | None = None, *, dossier_id: int | None = None
    ) -> Iterator[Changes]:
        """One operation around the writes inside: all of them land, or none.

        Nested blocks join the operation already open. With no label, the label
        says what changed ("3 officials added").
        """
        if self._open is not None:
            if label and not self._open.label:
                self._open.label = label  # the inner block knows best what is being done
            yield self._open
            return
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO operations(label, origin, dossier_id, state) VALUES (?, ?, ?, ?)",
                [label or "", self.origin, dossier_id, self._state],
            )
            changes = Changes(label=label or "", op_id=cursor.lastrowid)
            self._open = changes
            try:
                yield changes
            finally:
                self._open = None
            self._close(changes, label, dossier_id)

    def _close(self, changes: Changes, label: str | None, dossier_id: int | None) -> None:
        if not changes:
            self.db.execute("DELETE FROM operations WHERE id = ?", [changes.op_id])
            return
        changes.label = label or changes.label or changes.summary()
        if dossier_id is None:
            dossiers = {
                r[0]
                for r in self.db.execute(
                    "SELECT DISTINCT dossier_id FROM changes WHERE op_id = ?", [changes.op_id]
                )
            }
            dossier_id = dossiers.pop() if len(dossiers) == 1 else None
        self.db.execute(
            "UPDATE operations SET label = ?, dossier_id = ?, records = ? WHERE id = ?",
            [changes.label, dossier_id, changes.records(), changes.op_id],
        )
        if self._state == "done":
            # A new change: what was undone before can no longer be redone.
            self.db.execute("UPDATE operations SET state = 'discarded' WHERE state = 'undone'")

    def note(
        self,
        action: str,
        table: str,
        row_id: int,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        """Record in the open operation's Changes what a write did (called by repositories)."""
        changes = self._open
        if changes is None:
            return
        if action == "insert":
            changes.added.setdefault(table, []).append(row_id)
        elif action == "update":
            kept = changes.updated.setdefault(table, {}).setdefault(row_id, {})
            for name, value in (before or {}).items():
                kept.setdefault(name, value)  # the value before the whole operation
        else:
            changes.deleted.setdefault(table, {})[row_id] = before or {}

    def note_deleted(self, table: str, records: dict[int, dict[str, Any]]) -> None:
        """`note("delete", table, id, values, None)` of many records at once."""
        if self._open is not None:
            deleted = self._open.deleted.setdefault(table, {})
            deleted.update({row_id: values or {} for row_id, values in records.items()})

    def note_added(self, table: str, row_ids: Iterable[int]) -> None:
        """`note("insert", ...)` of many records at once (a bulk insert)."""
        if self._open is not None:
            self._open.added.setdefault(table, []).extend(row_ids)

    @property
    def op_id(self) -> int | None:
        return None if self._open is None else self._open.op_id

    # -- undo and redo --------------------------------------------------------
    def undo(
        self, apply: Apply, read: Read, origin: str | None = None, same: Same | None = None
    ) -> Changes:
        """Take back the newest operation still done (of `origin` only, if given: the
        window undoes its own changes); NothingToUndo if there is none. `same`, if
        given, spares the check parsing a bulk insert's logged records (_check)."""
        return self._replay("done", "undone", apply, read, origin, backwards=True, same=same)

    def redo(self, apply: Apply, read: Read, origin: str | None = None) -> Changes:
        """Make again the operation undone last; NothingToUndo if there is none."""
        return self._replay("undone", "done", apply, read, origin, backwards=False)

    def _replay(
        self,
        state: str,
        new_state: str,
        apply: Apply,
        read: Read,
        origin: str | None,
        *,
        backwards: bool,
        same: Same | None = None,
    ) -> Changes:
        verb = "undo" if backwards else "redo"
        with bulk_gc.paused(), self.db.atomic():
            row = self._next(state, origin, backwards=backwards)
            if row is None:
                raise NothingToUndo(f"Nothing to {verb}.")
            op_id, label = row.id, row.label
            # An undo needs a bulk-inserted record's values only to check it: left
            # as logged (text) until the check finds it needs them.
            steps = read_steps(self.db, op_id, as_text=backwards and same is not None)
            if same is not None:
                check_texts(self.db, steps, op_id, same)
            self._check(steps, read, backwards, label, verb)
            self._state = "record"
            try:
                with self.operation(f"{verb.capitalize()} {label}") as changes:
                    for action, table, batch in batches(steps, backwards):
                        apply(action, table, batch)
                    self.db.execute(
                        "UPDATE operations SET reverts = ? WHERE id = ?", [op_id, changes.op_id]
                    )
            finally:
                self._state = "done"
            self.db.execute("UPDATE operations SET state = ? WHERE id = ?", [new_state, op_id])
        return changes

    def next_undo(self, origin: str | None = None) -> Operation | None:
        """The operation `undo()` would take back (the window names its Undo after it)."""
        return self._next("done", origin, backwards=True)

    def next_redo(self, origin: str | None = None) -> Operation | None:
        """The operation `redo()` would make again."""
        return self._next("undone", origin, backwards=False)

    def _next(self, state: str, origin: str | None, *, backwards: bool) -> Operation | None:
        # Undo takes the newest operation done; redo the one undone last.
        order = (
            "o.id DESC"
            if backwards
            else "(SELECT max(id) FROM operations r WHERE r.reverts = o.id) DESC, o.id DESC"
        )
        mine = " AND o.origin = ?" if origin is not None else ""
        row = self.db.execute(
            f"SELECT o.id FROM operations o WHERE o.state = ?{mine} ORDER BY {order} LIMIT 1",
            [state] if origin is None else [state, origin],
        ).fetchone()
        # Counted for the one operation found only (an import has 100,000 change rows).
        found = self._operations("WHERE o.id = ?", [row[0]]) if row else []
        return found[0] if found else None

    def _operations(self, tail: str, params: list[Any]) -> list[Operation]:
        rows = self.db.execute(
            "SELECT o.id, o.at, o.label, o.origin, o.dossier_id, o.state, o.reverts, "
            # Counted at close (migration 0011); operations logged before, from their rows.
            "coalesce(o.records, (SELECT count(*) FROM (SELECT DISTINCT table_name, row_id "
            f"FROM changes c WHERE c.op_id = o.id))) FROM operations o {tail}",
            params,
        ).fetchall()
        return [
            Operation(
                id=r[0],
                at=r[1],
                label=r[2],
                origin=r[3],
                dossier_id=r[4],
                state=r[5],
                reverts=r[6],
                records=r[7],
            )
            for r in rows
        ]

    def _check(
        self, steps: list[_Step], read: Read, backwards: bool, label: str, verb: str
    ) -> None:
        """UndoConflict if a record is no longer as the operation (or its undo) left it."""
        state: dict[str, dict[int, _Step]] = {}
        for step in steps if backwards else reversed(steps):
            # Only the last (for undo) or first (for redo) write of a record counts.
            state.setdefault(step.table, {}).setdefault(step.row_id, step)
        for table, last in state.items():
            found = read(table, list(last))
            # (Records found `same` by check_texts: there, as the operation left them.)
            wanted = {i: step.expected(backwards) for i, step in last.items() if not step.same}
            # Every record there and holding what the log expects, told in C (an
            # import's 100,000 at once); else record by record, naming the first.
            currents = list(map(found.get, wanted))
            expecteds = list(wanted.values())
            if None not in currents and None not in expecteds:
                items = dict.items  # every one a dict: None is not in either list
                if all(map(operator.le, map(items, expecteds), map(items, currents))):  # type: ignore[arg-type]
                    continue
            for row_id, expected in wanted.items():
                current = found.get(row_id)
                if expected is None:
                    ok = current is None
                else:
                    ok = current is not None and matches(current, expected)
                if not ok:
                    raise UndoConflict(
                        f"Cannot {verb} “{label}”: a record it changed ({table} #{row_id}) has "
                        "been changed since, here or by another window or command. "
                        "Nothing was changed."
                    )

    def history(self, dossier_id: int | None = None, limit: int = 20) -> list[Operation]:
        """The newest operations first, with the number of records each touched."""
        where = "WHERE o.dossier_id = ?" if dossier_id is not None else ""
        params: list[Any] = [dossier_id] if dossier_id is not None else []
        return self._operations(f"{where} ORDER BY o.id DESC LIMIT ?", [*params, limit])
