"""Every write the UI makes: one store operation, views refreshed, errors shown.

Slots stay one line (`window.ops.delete(record)`); a failure becomes a message
box worded for the user and leaves the store as it was. Each write is one
operation of the store's log (dossier.store.oplog), named with dossier.store.labels,
so Edit > Undo, `dossier undo` and `dossier history` all see it; the delete
cascade is the store's own (dossier.store.undo.delete).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from dossier.fields import ValidationError
from dossier.model import DOSSIER, OFFICIAL, SOURCE, TALKING_POINT, EntitySpec, spec_for
from dossier.store import Store, labels
from dossier.store.error_sets import WRITE_ERRORS
from dossier.ui.describe import record_title
from dossier.ui.i18n import tr
from dossier.ui.task_progress import run_modal
from dossier.ui.tasks import busy, error_text

T = TypeVar("T")


class Operations:
    """The window's writes. `window` provides store, lang, status() and record_changed()."""

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

    def run(self, action: Callable[[], T]) -> T | None:
        """Do a store call; on failure tell the user and return None (nothing changed)."""
        running = busy()
        if running is not None:
            # Its transaction is open on the same connection: this write would land
            # in it (and be rolled back with it on Cancel).
            QMessageBox.information(
                self.parent,
                tr("Not saved"),
                tr("Wait until “%s” has finished, then try again.") % running.title,
            )
            return None
        try:
            # On a worker thread, the window live meanwhile: a command writing beside
            # the window holds the store's lock for up to the busy timeout (5 s), and
            # the GUI thread waiting for it froze the window. Input is held back
            # meanwhile; a "Saving…" progress shows after 300 ms.
            return run_modal(
                self.parent,
                tr("Saving"),
                lambda _progress: action(),
                text=tr("Waiting for the store: another window or command is writing."),
                writes=True,
                cancellable=False,
            )
        except ValidationError:
            raise  # forms show these at the field
        except WRITE_ERRORS as exc:
            QMessageBox.warning(self.parent, tr("Not saved"), error_text(exc))
            return None

    def _label(self, spec: EntitySpec) -> str:
        return spec.label(self.window.lang).lower()

    def _title(self, spec: EntitySpec, record: Any) -> str:
        return record_title(spec, record, self.window.lang)

    # -- writes ----------------------------------------------------------------
    def add(self, record: Any) -> Any:
        """Store a new record (validated by the caller's form); undoable."""
        spec = spec_for(record)

        def add() -> Any:
            with self.store.transaction(labels.add_label(spec)):
                return self.store.repo(spec).add(record)

        saved = self.run(add)
        if saved is None:
            return None
        self._notify(spec, saved.id, _dossier_of(saved))
        self.window.status(tr("Added: %s") % _short(self._title(spec, saved), 80))
        return saved

    def update(self, old: Any, new: Any) -> Any:
        spec = spec_for(new)

        def update() -> Any:
            with self.store.transaction(labels.edit_label(spec)):
                return self.store.repo(spec).update(new)

        saved = self.run(update)
        if saved is None:
            return None
        self._notify(spec, saved.id, _dossier_of(saved))
        self.window.status(tr("Saved: %s") % _short(self._title(spec, saved), 80))
        return saved

    def delete(self, record: Any, *, confirm: bool = True) -> bool:
        """Delete a record after asking; what cites it is unlinked or removed as chosen."""
        from dossier.store import undo

        spec = spec_for(record)
        points = "keep"
        if spec is DOSSIER:
            question = tr("Delete the dossier “%s” with everything in it?") % record.name
        elif spec is OFFICIAL:
            aimed = len(self.store.talking_points.matching(None, audience_id=record.id))
            if aimed:
                choice = self._ask_official(record, aimed)
                if choice is None:
                    return False
                points = choice
                confirm = False  # that dialog was the confirmation
            question = tr("Delete “%s”?") % spec.title_of(record)
        elif spec is SOURCE:
            citing = len(self.store.citing(record.id))
            question = tr("Delete the source “%s”?") % _short(record.title)
            if citing:
                question += (
                    "\n\n"
                    + tr("%d facts cite it; they will keep their content but lose the citation.")
                    % citing
                )
        else:
            # The whole line ("Turnover, 2012, USD 223.3 million"), not just the title
            # field: two trade rows of one year share their start date.
            title = record_title(spec, record, self.window.lang)
            question = tr("Delete this %s?") % self._label(spec) + "\n\n" + _short(title)
        if (
            confirm
            and QMessageBox.question(
                self.parent,
                tr("Delete"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        if self.run(lambda: undo.delete(self.store, record, points=points)) is None:
            return False
        self._notify(spec, None, _dossier_of(record))
        self.window.status(
            tr("Deleted: %s (Ctrl+Z brings it back)") % _short(self._title(spec, record), 80)
        )
        return True

    def move_point(self, point: Any, new_index: int) -> bool:
        """Put a talking point at `new_index` of its dossier's order; undoable."""
        order = [p.id for p in self.store.talking_points.list(point.dossier_id)]
        old_index = order.index(point.id)
        if new_index == old_index or not 0 <= new_index < len(order):
            return False

        def move() -> bool:
            with self.store.transaction(labels.MOVE_POINT):
                self.store.talking_points.move(point.id, new_index)
            return True

        if not self.run(move):
            return False
        self._notify(TALKING_POINT, point.id, point.dossier_id)
        return True

    def revert(self, current: Any, version: dict[str, Any]) -> Any:
        """Put a record back as it was in an earlier version (one undoable operation)."""
        import dataclasses

        spec = spec_for(current)
        values = {k: v for k, v in version.items() if k in {f.name for f in spec.fields}}

        def revert() -> Any:
            with self.store.transaction(labels.revert_label(spec, spec.title_of(current))):
                return self.store.repo(spec).update(dataclasses.replace(current, **values))

        saved = self.run(revert)
        if saved is None:
            return None
        self._notify(spec, saved.id, _dossier_of(saved))
        self.window.status(tr("Reverted: %s") % _short(self._title(spec, saved), 80))
        return saved

    # -- helpers ----------------------------------------------------------------
    def _ask_official(self, official: Any, count: int) -> str | None:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Delete official"))
        box.setText(tr("%n talking point(s) addressed to “%s”.", None, count) % official.name)
        box.setInformativeText(
            tr(
                "Keep those points (they will be addressed to no one), "
                "or delete them together with the official?"
            )
        )
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
    return text if len(text) <= limit else text[: limit - 1] + "…"
