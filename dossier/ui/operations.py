"""Every write the UI makes: one store call, an undo entry, views refreshed, errors shown.

Slots stay one line (`window.ops.delete(record)`); a failure becomes a message
box worded for the user and leaves the store as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from dossier.fields import ValidationError
from dossier.model import (
    DOSSIER,
    EVENT,
    OFFICIAL,
    PROJECT,
    SOURCE,
    TALKING_POINT,
    TRADE,
    EntitySpec,
    spec_for,
)
from dossier.store import Store, StoreError
from dossier.ui.commands import AddRecord, DeleteRecords, EditRecord, MovePoint
from dossier.ui.describe import record_title
from dossier.ui.i18n import tr

T = TypeVar("T")


class Operations:
    """The window's writes. `window` provides store, undo_stack, lang and record_changed()."""

    def __init__(self, window: Any):
        self.window = window

    # -- plumbing ------------------------------------------------------------
    @property
    def store(self) -> Store:
        return self.window.store

    @property
    def parent(self) -> QWidget:
        return self.window

    def _notify(self, spec: EntitySpec, record_id: int | None, dossier_id: int | None) -> None:
        self.window.record_changed(spec, record_id, dossier_id)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self.parent, tr("Could not undo or redo"),
                            tr("The store has changed since this action:") + f"\n{message}")
        self.window.refresh()

    def run(self, action: Callable[[], T]) -> T | None:
        """Do a store call; on failure tell the user and return None (nothing changed)."""
        try:
            return action()
        except ValidationError:
            raise  # forms show these at the field
        except (StoreError, sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self.parent, tr("Not saved"), str(exc))
            return None

    def _label(self, spec: EntitySpec) -> str:
        return spec.label(self.window.lang).lower()

    def _title(self, spec: EntitySpec, record: Any) -> str:
        return record_title(spec, record, self.window.lang)

    # -- writes ----------------------------------------------------------------
    def add(self, record: Any) -> Any:
        """Store a new record (validated by the caller's form); undoable."""
        spec = spec_for(record)
        saved = self.run(lambda: self.store.repo(spec).add(record))
        if saved is None:
            return None
        self.window.undo_stack.push(AddRecord(
            self.store, saved, tr("Add %s") % self._label(spec), self._notify, self._failed))
        self._notify(spec, saved.id, _dossier_of(saved))
        self.window.status(tr("Added: %s") % _short(self._title(spec, saved), 80))
        return saved

    def update(self, old: Any, new: Any) -> Any:
        spec = spec_for(new)
        saved = self.run(lambda: self.store.repo(spec).update(new))
        if saved is None:
            return None
        if saved != old:
            self.window.undo_stack.push(EditRecord(
                self.store, old, saved, tr("Edit %s") % self._label(spec), self._notify,
                self._failed))
        self._notify(spec, saved.id, _dossier_of(saved))
        self.window.status(tr("Saved: %s") % _short(self._title(spec, saved), 80))
        return saved

    def delete(self, record: Any, *, confirm: bool = True) -> bool:
        """Delete a record after asking; what cites it is unlinked or removed as chosen."""
        spec = spec_for(record)
        removed, relinked = [record], []
        if spec is DOSSIER:
            removed = [*self._dossier_contents(record.id), record]
            question = tr("Delete the dossier “%s” with everything in it?") % record.name
        elif spec is OFFICIAL:
            points = self.store.talking_points.list(where="audience_id = ?",
                                                    params=[record.id])
            if points:
                choice = self._ask_official(record, len(points))
                if choice is None:
                    return False
                if choice == "delete":
                    removed = [*points, record]
                else:
                    relinked = points
                confirm = False  # that dialog was the confirmation
            question = tr("Delete “%s”?") % spec.title_of(record)
        elif spec is SOURCE:
            relinked = [r for _, r in self.store.citing(record.id)]
            question = tr("Delete the source “%s”?") % _short(record.title)
            if relinked:
                question += "\n\n" + tr("%d facts cite it; they will keep their content "
                                        "but lose the citation.") % len(relinked)
        else:
            question = tr("Delete this %s?") % self._label(spec) + "\n\n" + \
                _short(spec.title_of(record))
        if confirm and QMessageBox.question(
                self.parent, tr("Delete"), question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False

        def delete_all() -> bool:
            with self.store.transaction():
                for r in removed:
                    self.store.repo(spec_for(r)).delete(r.id)
            return True

        if not self.run(delete_all):
            return False
        self.window.undo_stack.push(DeleteRecords(
            self.store, removed, relinked, tr("Delete %s") % self._label(spec), self._notify,
            self._failed))
        self._notify(spec, None, _dossier_of(record))
        self.window.status(tr("Deleted: %s (Ctrl+Z brings it back)")
                           % _short(self._title(spec, record), 80))
        return True

    def move_point(self, point: Any, new_index: int) -> bool:
        """Put a talking point at `new_index` of its dossier's order; undoable."""
        order = [p.id for p in self.store.talking_points.list(point.dossier_id)]
        old_index = order.index(point.id)
        if new_index == old_index or not 0 <= new_index < len(order):
            return False

        def move() -> bool:
            self.store.talking_points.move(point.id, new_index)
            return True

        if not self.run(move):
            return False
        self.window.undo_stack.push(MovePoint(
            self.store, point, old_index, new_index, tr("Move talking point"), self._notify,
            self._failed))
        self._notify(TALKING_POINT, point.id, point.dossier_id)
        return True

    # -- helpers ----------------------------------------------------------------
    def _dossier_contents(self, dossier_id: int) -> list[Any]:
        # Deleted children first, so re-adding in reverse restores sources before
        # the facts that cite them and officials before the points aimed at them.
        out: list[Any] = []
        for spec in (TALKING_POINT, EVENT, PROJECT, TRADE, OFFICIAL, SOURCE):
            out += self.store.repo(spec).list(dossier_id)
        return out

    def _ask_official(self, official: Any, count: int) -> str | None:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Delete official"))
        box.setText(tr("%d talking points are addressed to “%s”.") % (count, official.name))
        box.setInformativeText(tr("Keep those points (they will be addressed to no one), "
                                  "or delete them together with the official?"))
        keep = box.addButton(tr("Keep the points"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(tr("Delete the points too"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return "keep"
        if clicked is drop:
            return "delete"
        return None


def _dossier_of(record: Any) -> int | None:
    if spec_for(record) is DOSSIER:
        return record.id
    return getattr(record, "dossier_id", None)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
