"""What the import dialogs share: the write behind a progress dialog, reading a table
on a worker, and the read-only tables that preview a plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QTableView,
)

from dossier.ingest.tables import TableError, read_table, records_of
from dossier.progress import Cancelled
from dossier.store.error_sets import STORE_ERRORS
from dossier.ui.i18n import tr
from dossier.ui.task_progress import run_modal
from dossier.ui.tasks import Reporter, error_text

NONE = ""  # combo data for "no column"
# What a bad file or a store problem raises while importing: told, nothing written.
IMPORT_ERRORS: tuple[type[Exception], ...] = (TableError, ValueError, *STORE_ERRORS)
TABLE_FILTER = "Tables (*.csv *.tsv *.txt *.xlsx *.xls *.ods);;All files (*)"


# -- background work --------------------------------------------------------------
def write_modal(dialog: Any, title: str, job: Any) -> Any:
    """Run an import's writing `job` behind a progress dialog with Cancel; its result,
    or None after telling the user it was cancelled or failed (nothing written)."""
    try:
        return run_modal(dialog, title, job, writes=True, bulk=True)
    except Cancelled:
        dialog.message.setText(tr("Cancelled: nothing was imported."))
    except IMPORT_ERRORS as exc:
        QMessageBox.warning(dialog, tr("Import failed"), error_text(exc))
    return None


def read_records(path: Path) -> Callable[[Reporter], Any]:
    """A job reading a table file (the TRADHIST CSV takes a second): (table, records)."""

    def job(progress: Reporter) -> Any:
        progress.say(tr("Reading %s…") % path.name)
        table = read_table(path)
        progress.check()
        return table, records_of(table)

    return job


def table_model(headers: list[str], rows: list[list[str]], parent: QObject) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QStandardItem(text)
            item.setEditable(False)
            model.setItem(r, c, item)
    return model


def preview_view() -> QTableView:
    view = QTableView()
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
