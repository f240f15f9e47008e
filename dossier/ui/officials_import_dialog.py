"""File > Import officials…: a table of people matched with the dossier's officials,
previewed, then added and updated as one operation of the store's log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier.ingest.tables import TableError
from dossier.plural import counted
from dossier.progress import Cancelled
from dossier.said import in_language
from dossier.store import labels
from dossier.ui.i18n import tr
from dossier.ui.import_common import (
    IMPORT_ERRORS,
    NONE,
    TABLE_FILTER,
    read_records,
    write_modal,
)
from dossier.ui.task_progress import run_modal
from dossier.ui.tasks import Reporter, error_text

_ROWS = ("row", "rows"), ("строка", "строки", "строк")


class OfficialsImportDialog(QDialog):
    """Choose a file, check the columns, see who is new and who is updated, import."""

    imported = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.main = window
        self.dossier = window.current_dossier()
        self.records: Any = None
        self.plan: Any = None
        self.path: Path | None = None
        self.setWindowTitle(tr("Import officials"))
        self.resize(860, 600)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_button = QPushButton(tr("Open list…"))
        self.file_label = QLabel(tr("No file chosen."))
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)
        form = QFormLayout()
        self.combos = {
            role: QComboBox()
            for role in (
                "name",
                "position",
                "start",
                "end",
                "person_id",
                "country",
                "birth_date",
                "gender",
            )
        }
        labels = {
            "name": tr("Name:"),
            "position": tr("Post:"),
            "start": tr("Start date:"),
            "end": tr("End date:"),
            "person_id": tr("Person id:"),
            "country": tr("Country column:"),
            "birth_date": tr("Date of birth:"),
            "gender": tr("Gender:"),
        }
        for role, combo in self.combos.items():
            form.addRow(labels[role], combo)
            combo.currentIndexChanged.connect(self.make_plan)
        self.current_only = QCheckBox(tr("Only people in post now"))
        self.current_only.toggled.connect(self.make_plan)
        form.addRow("", self.current_only)
        layout.addLayout(form)
        self.changes = QListWidget()
        self.changes.setAccessibleName(tr("Changes the import would make"))
        layout.addWidget(self.changes, 1)
        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"))
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.open_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.do_import)
        self.close_button.clicked.connect(self.reject)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Import officials"), str(Path.home()), tr(TABLE_FILTER)
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        from dossier.ingest.officials_import import guess_officials_mapping

        self.path = path
        try:
            _table, self.records = run_modal(
                self, tr("Import officials"), read_records(path), bulk=True
            )
        except (TableError, OSError, Cancelled) as exc:
            self.records = None
            text = tr("Cancelled.") if isinstance(exc, Cancelled) else error_text(exc)
            self.message.setText(f"{path.name}: {text}")
            return False
        rows = counted(len(self.records.rows), self.main.lang, *_ROWS)
        self.file_label.setText(f"{path.name}: {rows}")
        guess = guess_officials_mapping(self.records.header)
        for role, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("(none)"), NONE)
            for name in self.records.header:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(getattr(guess, role) or NONE)))
            combo.blockSignals(False)
        self.make_plan()
        return True

    def make_plan(self) -> None:
        from dossier.ingest.officials_import import OfficialsMapping, describe, plan_officials

        if self.records is None or self.dossier is None:
            return
        mapping = OfficialsMapping(**{r: c.currentData() or None for r, c in self.combos.items()})
        if mapping.country:
            mapping.country_value = self.dossier.name_en or self.dossier.name
        store, dossier, records = self.main.store, self.dossier, self.records
        current_only, lang = self.current_only.isChecked(), self.main.lang

        def job(progress: Reporter) -> Any:
            return plan_officials(
                store,
                dossier,
                records,
                mapping,
                current_only=current_only,
                progress=progress,
                lang=lang,
            )

        failure = None
        try:
            self.plan = run_modal(self, tr("Import officials"), job, bulk=True)
        except Cancelled:
            failure = tr("Cancelled.")
        except IMPORT_ERRORS as exc:
            failure = error_text(exc)
        if failure is not None:
            self.plan = None
            self.message.setText(failure)
            self.import_button.setEnabled(False)
            return
        lang = self.main.lang
        self.changes.clear()
        self.changes.addItems(describe(self.plan.people, limit=500, lang=lang))
        self.changes.addItems([p.line_text(lang) for p in self.plan.skipped])
        notes = "".join(f" {in_language(n, lang)}" for n in self.plan.notes)
        self.message.setText(self.plan.summary(lang) + notes)
        self.import_button.setEnabled(bool(self.plan.count("add") or self.plan.count("update")))

    def do_import(self) -> Any:
        from dossier.ingest.officials_import import store_officials
        from dossier.ingest.trade_import import source_for

        if self.plan is None or self.path is None:
            return None
        store, plan, dossier_id, name = (
            self.main.store,
            self.plan,
            self.dossier.id,
            self.path.name,
        )

        def job(progress: Reporter) -> Any:
            progress.say(tr("Importing officials…"))
            # The source and the officials, or nothing: one operation of the store's log.
            with store.transaction() as changes:
                source = source_for(store, dossier_id, name, url=name)
                counts = store_officials(store, plan, source.id, progress)
                changes.label = labels.import_label("official", sum(counts))
            return counts

        done = write_modal(self, tr("Import officials"), job)
        if done is None:
            return None
        added, changed = done
        self.main.refresh()
        text = tr("Added %d and updated %d officials.") % (added, changed)
        self.main.status(text)
        self.message.setText(text)
        self.import_button.setEnabled(False)
        self.imported.emit((added, changed))
        return added, changed
