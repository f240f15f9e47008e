"""Undo, redo and deletes with what hangs on them, as store operations.

The log (dossier.store.oplog) knows which records an operation changed; this
module knows how to put a record back through its repository, so that every
replayed write is validated and audited like any other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from dossier.fields import Kind
from dossier.model import (
    DOSSIER,
    ENTITIES,
    EVENT,
    OFFICIAL,
    PROJECT,
    SOURCE,
    TALKING_POINT,
    TRADE,
    EntitySpec,
)
from dossier.store.labels import delete_label
from dossier.store.oplog import Changes

if TYPE_CHECKING:
    from dossier.store.facade import Store

_BY_TABLE = {spec.table: spec for spec in ENTITIES.values()}


class _Replay:
    """Reads and writes of one undo or redo. The log's check reads every record the
    operation touched; a bulk delete reuses what was read (an import's undo would
    otherwise read 100,000 records twice) while nothing else was written since: a
    write to one table can change another through its foreign keys."""

    def __init__(self, store: Store):
        self.store = store
        self.read: dict[str, dict[int, dict[str, Any]]] = {}

    def values(self, table: str, ids: list[int]) -> dict[int, dict[str, Any]]:
        found = self.store.repo(_BY_TABLE[table]).values_many(ids)
        self.read[table] = found
        return found

    def same(self, table: str, op_id: int, names: list[str]) -> set[int]:
        return self.store.repo(_BY_TABLE[table]).logged_as_now(op_id, names)

    def apply(
        self, action: str, table: str, batch: list[tuple[int, dict[str, Any] | None]]
    ) -> None:
        known = self.read.pop(table, None)
        self.read.clear()  # what was read before this write may be stale now
        if action == "delete":
            repo = self.store.repo(_BY_TABLE[table])
            repo.delete_many([row_id for row_id, _ in batch], known)
            if known is not None:
                for row_id, _ in batch:
                    known.pop(row_id, None)
                self.read[table] = known  # the rest are as they were
        else:
            _apply(self.store, action, table, batch)


def _apply(
    store: Store, action: str, table: str, batch: list[tuple[int, dict[str, Any] | None]]
) -> None:
    spec = _BY_TABLE[table]
    repo = store.repo(spec)
    if action == "delete":
        repo.delete_many([row_id for row_id, _ in batch])
    elif action == "update":
        for row_id, values in batch:
            repo.update(dataclasses.replace(repo.get(row_id), **(values or {})))
    else:
        # Values the log kept were validated when first written: put back as they were.
        empty = _empty(spec)
        repo.insert_many(
            [
                empty | {k: v for k, v in (values or {}).items() if k in empty} | {"id": row_id}
                for row_id, values in batch
            ]
        )


def _empty(spec: EntitySpec) -> dict[str, Any]:
    """A record's columns as an empty form leaves them (the log leaves out empty fields)."""
    names = {f.name for f in dataclasses.fields(spec.record)} - {"id", "updated_at"}
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out: dict[str, Any] = {
        f.name: now if f.kind is Kind.READONLY else (False if f.kind is Kind.BOOL else None)
        for f in spec.fields
        if f.name in names
    }
    if "dossier_id" in names:
        out["dossier_id"] = None
    return out


def undo(store: Store, origin: str | None = None) -> Changes:
    replay = _Replay(store)
    return store.log.undo(replay.apply, replay.values, origin, replay.same)


def redo(store: Store, origin: str | None = None) -> Changes:
    replay = _Replay(store)
    return store.log.redo(replay.apply, replay.values, origin)


def delete(store: Store, record: Any, *, points: str = "keep") -> Changes:
    """Delete a record and deal with what refers to it, as one undoable operation.

    A dossier goes with everything in it; facts citing a deleted source keep their
    content and lose the citation; talking points addressed to a deleted official
    are kept for no one (points="keep") or deleted with them (points="delete").
    Each of those is an audited write, so an undo puts every link back.
    """
    spec = next(s for s in ENTITIES.values() if isinstance(record, s.record))
    with store.transaction(delete_label(spec, spec.title_of(record))) as changes:
        if spec is DOSSIER:
            # Children first; an undo re-adds them in reverse: sources before the
            # facts that cite them, officials before the points aimed at them.
            for part in (TALKING_POINT, EVENT, PROJECT, TRADE, OFFICIAL, SOURCE):
                for child in store.repo(part).list(record.id):
                    store.repo(part).delete(child.id)
        elif spec is SOURCE:
            for part, fact in store.citing(record.id):
                store.repo(part).update(dataclasses.replace(fact, source_id=None))
        elif spec is OFFICIAL:
            for point in store.talking_points.list(where="audience_id = ?", params=[record.id]):
                if points == "delete":
                    store.talking_points.delete(point.id)
                else:
                    store.talking_points.update(dataclasses.replace(point, audience_id=None))
        store.repo(spec).delete(record.id)
    return changes
