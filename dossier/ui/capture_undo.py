"""Capture's undo step: a whole acceptance taken back or redone at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from dossier.ui.i18n import tr


class CaptureCommand(QUndoCommand):
    """Undo and redo one acceptance: the records it added, the source if it was new,
    and the officials it filled in."""

    _ORDER = ("quote", "project", "trade", "official")

    def __init__(self, window: Any, dossier_id: int, result: Any):
        super().__init__(tr("Capture from text"))
        self.window = window
        self.dossier_id = dossier_id
        store = window.store
        repos = self._repos(store)
        self.added = [
            (kind, repos[kind].get(record_id))
            for kind in self._ORDER
            for record_id in result.added.get(kind, [])
        ]
        self.source = None if result.source_reused else store.sources.get(result.source_id)
        self.before = dict(result.previous)
        self.after = {i: store.officials.get(i) for i in self.before}
        self._first = True

    @staticmethod
    def _repos(store: Any) -> dict[str, Any]:
        return {
            "quote": store.talking_points,
            "project": store.projects,
            "trade": store.trade,
            "official": store.officials,
        }

    def redo(self) -> None:
        if self._first:  # the dialog made the change itself
            self._first = False
            return
        self._replay(self._apply)

    def undo(self) -> None:
        self._replay(self._revert)

    def _replay(self, action: Any) -> None:
        store = self.window.store
        try:
            with store.transaction():
                action(store)
        except Exception as exc:  # the store changed under us: say so, keep running
            self.setObsolete(True)
            QMessageBox.warning(self.window, tr("Could not undo or redo"), str(exc))
        self.window.refresh()

    def _apply(self, store: Any) -> None:
        import dataclasses

        if self.source is not None:
            store.sources.add(dataclasses.replace(self.source))
        repos = self._repos(store)
        for kind, record in reversed(self.added):
            repos[kind].add(dataclasses.replace(record))
        for record in self.after.values():
            store.officials.update(record)

    def _revert(self, store: Any) -> None:
        repos = self._repos(store)
        for kind, record in self.added:
            repos[kind].delete(record.id)
        for record in self.before.values():
            store.officials.update(record)
        if self.source is not None:
            store.sources.delete(self.source.id)
