"""Undoable store writes: one QUndoCommand per user action.

Each command is pushed after its first write has already succeeded (the
operations layer does that write, so a failure never reaches the undo stack);
redo() and undo() afterwards replay the change against the store. Records keep
their ids across delete and undo, so everything pointing at them points again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from dossier.model import EntitySpec, spec_for
from dossier.store import Store

# Called after every replayed change: (entity spec, record id or None, dossier id).
Notify = Callable[[EntitySpec, int | None, int | None], None]
# Called when a replay fails (the store changed under us): the message.
Failed = Callable[[str], None]


def _dossier_of(record: Any) -> int | None:
    return getattr(record, "dossier_id", None) or (
        record.id if spec_for(record).name == "dossier" else None
    )


class StoreCommand(QUndoCommand):
    def __init__(self, store: Store, text: str, notify: Notify, failed: Failed):
        super().__init__(text)
        self.store = store
        self.notify = notify
        self.failed = failed
        self._done_once = True  # the operations layer made the first change itself

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._replay(self._apply)

    def undo(self) -> None:
        self._replay(self._revert)

    def _replay(self, action: Callable[[], tuple[EntitySpec, int | None, int | None]]) -> None:
        try:
            with self.store.transaction():
                spec, record_id, dossier_id = action()
        except Exception as exc:  # a store error mid-replay must not crash the app
            self.setObsolete(True)
            self.failed(str(exc))
            return
        self.notify(spec, record_id, dossier_id)

    def _apply(self) -> tuple[EntitySpec, int | None, int | None]:
        raise NotImplementedError

    def _revert(self) -> tuple[EntitySpec, int | None, int | None]:
        raise NotImplementedError


class AddRecord(StoreCommand):
    def __init__(self, store: Store, record: Any, text: str, notify: Notify, failed: Failed):
        super().__init__(store, text, notify, failed)
        self.record = record  # as stored, with its id

    def _apply(self) -> tuple[EntitySpec, int | None, int | None]:
        spec = spec_for(self.record)
        self.store.repo(spec).add(dataclasses.replace(self.record))
        return spec, self.record.id, _dossier_of(self.record)

    def _revert(self) -> tuple[EntitySpec, int | None, int | None]:
        spec = spec_for(self.record)
        self.store.repo(spec).delete(self.record.id)
        return spec, None, _dossier_of(self.record)


class EditRecord(StoreCommand):
    def __init__(self, store: Store, old: Any, new: Any, text: str, notify: Notify, failed: Failed):
        super().__init__(store, text, notify, failed)
        self.old, self.new = old, new

    def _apply(self) -> tuple[EntitySpec, int | None, int | None]:
        spec = spec_for(self.new)
        self.store.repo(spec).update(dataclasses.replace(self.new))
        return spec, self.new.id, _dossier_of(self.new)

    def _revert(self) -> tuple[EntitySpec, int | None, int | None]:
        spec = spec_for(self.old)
        self.store.repo(spec).update(dataclasses.replace(self.old))
        return spec, self.old.id, _dossier_of(self.old)


class DeleteRecords(StoreCommand):
    """Delete records; undo adds them back and restores the links others had to them.

    `removed` are deleted in order (and re-added in reverse), the record the user
    chose last (what went with it comes first); `relinked` are records
    as they were before the delete cleared their references (ON DELETE SET NULL).
    """

    def __init__(
        self,
        store: Store,
        removed: list[Any],
        relinked: list[Any],
        text: str,
        notify: Notify,
        failed: Failed,
    ):
        super().__init__(store, text, notify, failed)
        self.removed, self.relinked = removed, relinked

    def _apply(self) -> tuple[EntitySpec, int | None, int | None]:
        for record in self.removed:
            self.store.repo(spec_for(record)).delete(record.id)
        main = self.removed[-1]  # the record the user deleted; the others went with it
        return spec_for(main), None, _dossier_of(main)

    def _revert(self) -> tuple[EntitySpec, int | None, int | None]:
        for record in reversed(self.removed):
            self.store.repo(spec_for(record)).add(dataclasses.replace(record))
        for record in self.relinked:
            self.store.repo(spec_for(record)).update(dataclasses.replace(record))
        main = self.removed[-1]
        return spec_for(main), main.id, _dossier_of(main)


class MovePoint(StoreCommand):
    def __init__(
        self,
        store: Store,
        point: Any,
        old_index: int,
        new_index: int,
        text: str,
        notify: Notify,
        failed: Failed,
    ):
        super().__init__(store, text, notify, failed)
        self.point, self.old_index, self.new_index = point, old_index, new_index

    def _move(self, index: int) -> tuple[EntitySpec, int | None, int | None]:
        self.store.talking_points.move(self.point.id, index)
        return spec_for(self.point), self.point.id, self.point.dossier_id

    def _apply(self) -> tuple[EntitySpec, int | None, int | None]:
        return self._move(self.new_index)

    def _revert(self) -> tuple[EntitySpec, int | None, int | None]:
        return self._move(self.old_index)
