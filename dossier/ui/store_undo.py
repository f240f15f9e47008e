"""Edit > Undo and Redo of the window: the store's own operation log, nothing kept here.

The window keeps no undo stack of its own. Undo takes back the store's newest
operation, whoever made it (this window, another one, or a command such as
`dossier import-officials`); an edit made here can be undone with `dossier undo`,
and the log survives a restart. The actions are named after the operation in the
user's language ("Undo import of 63 officials"). When another process changed the
records since, the store refuses and nothing is overwritten; the user is told so.
Replays run through the background runner: undoing a 100,000-figure import keeps
the window painting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from dossier.model import DOSSIER, ENTITIES
from dossier.store.error_sets import STORE_ERRORS, WRITE_ERRORS
from dossier.store.labels import localize
from dossier.store.oplog import Changes, NothingToUndo, Operation, UndoConflict
from dossier.ui.i18n import tr
from dossier.ui.tasks import busy, error_text

if TYPE_CHECKING:
    from dossier.ui.main_window import MainWindow

_BY_TABLE = {spec.table: spec for spec in ENTITIES.values()}


class StoreUndo(QObject):
    """The window's view of the store's log: what Undo and Redo would do, and doing it."""

    changed = Signal()  # the next undo or redo may be another operation now

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self._next: tuple[Operation | None, Operation | None] = (None, None)

    # -- what comes next ----------------------------------------------------------
    def update(self) -> None:
        """Read again what Undo and Redo would do (after any write, here or elsewhere)."""
        store = self.window.store
        try:
            self._next = (
                (store.log.next_undo(), store.log.next_redo())
                if store is not None
                else (None, None)
            )
        except STORE_ERRORS:  # a closed or broken store: nothing to offer
            self._next = (None, None)
        self.changed.emit()

    def can_undo(self) -> bool:
        return self._next[0] is not None

    def can_redo(self) -> bool:
        return self._next[1] is not None

    def undo_text(self) -> str:
        """The operation Undo would take back, in the UI language ('' if none)."""
        return self._label(self._next[0])

    def redo_text(self) -> str:
        return self._label(self._next[1])

    def _label(self, op: Operation | None) -> str:
        return "" if op is None else localize(op.label, self.window.lang)

    # -- doing it -------------------------------------------------------------------
    def undo(self) -> bool:
        return self._replay(undo=True)

    def redo(self) -> bool:
        return self._replay(undo=False)

    def _replay(self, *, undo: bool) -> bool:
        # Here, not at the top: the message boxes and the progress panel cost ~10 M
        # instructions before the window's first paint, and only an undo needs them.
        from PySide6.QtWidgets import QMessageBox

        from dossier.ui.task_progress import run_modal

        window, store = self.window, self.window.store
        self.update()  # another process may have written since the menu was shown
        op = self._next[0 if undo else 1]
        if store is None or op is None:
            window.status(tr("Nothing to undo.") if undo else tr("Nothing to redo."))
            return False
        running = busy()
        if running is not None:
            QMessageBox.information(
                window,
                tr("Not undone") if undo else tr("Not redone"),
                tr("Wait until “%s” has finished, then try again.") % running.title,
            )
            return False
        label = self._label(op)
        title = (tr("Undo %s") if undo else tr("Redo %s")) % label
        try:
            # Not cancellable: an undo, once begun, is finished (one transaction).
            changes = run_modal(
                window,
                title,
                lambda _progress: store.undo() if undo else store.redo(),
                writes=True,
                bulk=True,
                cancellable=False,
            )
        except UndoConflict:
            QMessageBox.warning(
                window,
                tr("Could not undo or redo"),
                tr(
                    "“%s” cannot be taken back: a record it changed has been changed "
                    "since, here or by another window or command. Nothing was changed."
                )
                % label,
            )
            self._after(None, op)
            return False
        except NothingToUndo:
            self._after(None, op)
            return False
        except WRITE_ERRORS as exc:
            QMessageBox.warning(window, tr("Could not undo or redo"), error_text(exc))
            self._after(None, op)
            return False
        self._after(changes, op)
        window.status((tr("Undone: %s") if undo else tr("Redone: %s")) % label)
        return True

    def _after(self, changes: Changes | None, op: Operation) -> None:
        """Show the replayed change where it happened (or everything again)."""
        window = self.window
        spec, record_id = _where(changes) if changes else (None, None)
        if spec is None or (op.dossier_id is None and spec is not DOSSIER):
            window.refresh()
        else:
            window.record_changed(spec, record_id, op.dossier_id)
        self.update()


def _where(changes: Changes) -> tuple[Any, int | None]:
    """The kind of record a replay is best shown on, and one record still there."""
    tables = changes.tables
    if DOSSIER.table in tables:
        return DOSSIER, None
    # The kind most records were of: an import's 60,000 figures, not the file's source.
    for table in sorted(tables, key=lambda t: (-changes.count(t), t)):
        spec = _BY_TABLE.get(table)
        if spec is None:
            continue
        alive = [*changes.added.get(table, []), *changes.updated.get(table, {})]
        return spec, (alive[0] if alive else None)
    return None, None
