"""File > Import dossier…: what a .dossier file adds, and each conflict side by side
(field, mine, theirs) with a choice per record; the merge is one undoable operation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dossier.progress import Cancelled
from dossier.store import labels
from dossier.ui.i18n import tr
from dossier.ui.import_common import (
    preview_view,
    table_model,
)
from dossier.ui.task_progress import run_modal
from dossier.ui.tasks import Reporter, error_text


class MergeDialog(QDialog):
    """What a .dossier file adds, and each conflict side by side with a choice."""

    merged = Signal(object)

    def __init__(self, window: Any, plan: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.main = window
        self.plan = plan
        self.choices = {c.key: "mine" for c in plan.conflicts}
        self.result_value: Any = None
        self.setWindowTitle(tr("Import dossier"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(plan.summary(window.lang))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.conflict_list = QListWidget()
        self.conflict_list.setAccessibleName(tr("Records in conflict"))
        for c in plan.conflicts:
            self.conflict_list.addItem(f"{c.spec.label(window.lang)}: {c.title()}")
        row.addWidget(self.conflict_list, 1)
        right = QVBoxLayout()
        self.side_by_side = preview_view()
        self.side_by_side.setWordWrap(True)
        self.side_by_side.setAccessibleName(tr("Mine and theirs, field by field"))
        right.addWidget(self.side_by_side, 1)
        choice_row = QHBoxLayout()
        self.choice_buttons = QButtonGroup(self)
        self.radio = {}
        for value, label in (
            ("mine", tr("Keep mine")),
            ("theirs", tr("Take theirs")),
            ("both", tr("Keep both")),
        ):
            button = QRadioButton(label)
            self.radio[value] = button
            self.choice_buttons.addButton(button)
            choice_row.addWidget(button)
            button.toggled.connect(lambda on, v=value: self._choose(v) if on else None)
        right.addLayout(choice_row)
        row.addLayout(right, 2)
        layout.addLayout(row, 1)
        if not plan.conflicts:
            self.conflict_list.hide()
            self.side_by_side.hide()
            for button in self.radio.values():
                button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.merge_button = QPushButton(tr("Merge"))
        self.cancel_button = QPushButton(tr("Cancel"))
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.merge_button.clicked.connect(self.do_merge)
        self.cancel_button.clicked.connect(self.reject)
        if plan.conflicts:
            self.conflict_list.setCurrentRow(0)

    def _show_conflict(self, row: int) -> None:
        if row < 0:
            return
        conflict = self.plan.conflicts[row]
        rows = [list(r) for r in conflict.rows(self.main.lang)]
        self.side_by_side.setModel(
            table_model([tr("Field"), tr("Mine"), tr("Theirs")], rows, self.side_by_side)
        )
        self.side_by_side.resizeRowsToContents()
        self.radio["both"].setEnabled(conflict.spec.name != "dossier")
        self.radio[self.choices[conflict.key]].setChecked(True)

    def _choose(self, value: str) -> None:
        row = self.conflict_list.currentRow()
        if row >= 0:
            self.choices[self.plan.conflicts[row].key] = value

    def do_merge(self) -> Any:
        from dossier.ingest.exchange import apply_merge

        store, plan, choices = self.main.store, self.plan, dict(self.choices)

        def merge(progress: Reporter) -> Any:
            with store.transaction(labels.MERGE):  # undone whole by Edit > Undo
                return apply_merge(store, plan, choices, progress)

        try:
            result = run_modal(
                self,
                tr("Import dossier"),
                merge,
                text=tr("Merging…"),
                writes=True,
                bulk=True,
            )
        except Cancelled:
            self.summary.setText(
                tr("Cancelled: nothing was merged.") + " " + plan.summary(self.main.lang)
            )
            return None
        except Exception as exc:  # nothing was written: the merge is one transaction
            QMessageBox.warning(self, tr("Import failed"), error_text(exc))
            return None
        self.result_value = result
        self.main.refresh()
        self.main.status(
            tr("Merged: %d added, %d identical, %d taken from the file, %d kept as mine.")
            % (result.added, result.identical, result.updated, result.kept)
        )
        self.merged.emit(result)
        self.accept()
        return result
