"""Undo, redo and deletes with what hangs on them, as store operations.

The log (dossier.store.oplog) knows which records an operation changed; this
module knows how to put a record back through its repository, so that every
replayed write is validated and audited like any other.
"""

from __future__ import annotations

import dataclasses
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
from dossier.store.errors import NotFound
from dossier.store.oplog import Changes

if TYPE_CHECKING:
    from dossier.store.facade import Store

_BY_TABLE = {spec.table: spec for spec in ENTITIES.values()}


def _read(store: Store, table: str, row_id: int) -> dict[str, Any] | None:
    try:
        return dataclasses.asdict(store.repo(_BY_TABLE[table]).get(row_id))
    except NotFound:
        return None


def _apply(
    store: Store, action: str, table: str, row_id: int, values: dict[str, Any] | None
) -> None:
    spec = _BY_TABLE[table]
    repo = store.repo(spec)
    if action == "delete":
        repo.delete(row_id)
    elif action == "update":
        repo.update(dataclasses.replace(repo.get(row_id), **(values or {})))
    else:
        repo.add(_record(spec, row_id, values or {}))


def _record(spec: EntitySpec, row_id: int, values: dict[str, Any]) -> Any:
    """A record to put back with its id; fields the log left out were empty."""
    names = {f.name for f in dataclasses.fields(spec.record)} - {"id"}
    fields: dict[str, Any] = {f.name: (False if f.kind is Kind.BOOL else None) for f in spec.fields}
    fields |= {k: v for k, v in values.items() if k in names}
    return spec.record(id=row_id, **fields)


def undo(store: Store, origin: str | None = None) -> Changes:
    return store.log.undo(
        lambda *a: _apply(store, *a), lambda table, row_id: _read(store, table, row_id), origin
    )


def redo(store: Store, origin: str | None = None) -> Changes:
    return store.log.redo(
        lambda *a: _apply(store, *a), lambda table, row_id: _read(store, table, row_id), origin
    )


def delete(store: Store, record: Any, *, points: str = "keep") -> Changes:
    """Delete a record and deal with what refers to it, as one undoable operation.

    A dossier goes with everything in it; facts citing a deleted source keep their
    content and lose the citation; talking points addressed to a deleted official
    are kept for no one (points="keep") or deleted with them (points="delete").
    Each of those is an audited write, so an undo puts every link back.
    """
    spec = next(s for s in ENTITIES.values() if isinstance(record, s.record))
    title = spec.title_of(record)
    with store.transaction(f"delete {spec.en.lower()} “{title[:60]}”") as changes:
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
