"""File > Import trade table…, Import officials…, New dossier from Factbook…,
Export dossier…, Import dossier…: thin dialogs over dossier.ingest.

Every long step runs on a worker thread with a progress bar and Cancel
(dossier.ui.operations): reading a table, planning, the write itself, exporting
and reading a .dossier file. The plan is previewed exactly as it will be stored,
and only the Import button writes, in one transaction, as one undoable step;
Cancel during the write rolls it back. Merging a .dossier file shows each
conflicting record side by side (field, mine, theirs) with a choice per record.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel, QUndoCommand
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dossier.ingest import trade_import as ti
from dossier.ingest.tables import TableError, read_table, records_of
from dossier.model import ENTITIES, FLOWS, SCALES
from dossier.progress import Cancelled
from dossier.store import StoreError
from dossier.ui.extensions import keep_updated, require_dossier, show_dialog
from dossier.ui.i18n import tr
from dossier.ui.operations import ProgressPanel, Reporter, Task, error_text, run_modal

NONE = ""  # combo data for "no column"
_STORE_ERRORS = (StoreError, sqlite3.Error)
TABLE_FILTER = "Tables (*.csv *.tsv *.txt *.xlsx *.xls *.ods);;All files (*)"


# -- background work --------------------------------------------------------------
def _write_modal(dialog: Any, title: str, job: Any) -> Any:
    """Run an import's writing `job` behind a progress dialog with Cancel; its result,
    or None after telling the user it was cancelled or failed (nothing written)."""
    try:
        return run_modal(dialog, title, job, writes=True, bulk=True)
    except Cancelled:
        dialog.message.setText(tr("Cancelled: nothing was imported."))
    except (TableError, ValueError, *_STORE_ERRORS) as exc:
        QMessageBox.warning(dialog, tr("Import failed"), error_text(exc))
    return None


def _read_records(path: Path) -> Callable[[Reporter], Any]:
    """A job reading a table file (the TRADHIST CSV takes a second): (table, records)."""

    def job(progress: Reporter) -> Any:
        progress.say(tr("Reading %s…") % path.name)
        table = read_table(path)
        progress.check()
        return table, records_of(table)

    return job


def _table_model(headers: list[str], rows: list[list[str]], parent: QObject) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QStandardItem(text)
            item.setEditable(False)
            model.setItem(r, c, item)
    return model


def _view() -> QTableView:
    view = QTableView()
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AddedRecordsCommand(QUndoCommand):
    """Undo/redo of an import: records added, records overwritten (old versions kept).

    An import may have added 100,000 records: undoing and redoing run on a worker
    thread behind a progress dialog (in one transaction, not cancellable once begun).
    """

    def __init__(
        self,
        window: Any,
        text: str,
        added: list[tuple[str, Any]],
        updated: list[tuple[str, Any, Any]],
    ):
        super().__init__(text)
        self.window = window
        self.added = added  # (entity name, record as stored)
        self.updated = updated  # (entity name, before, after)
        self._first = True

    def redo(self) -> None:
        if self._first:  # the dialog made the change itself
            self._first = False
            return

        def action(store: Any, progress: Reporter) -> None:
            total = len(self.added) + len(self.updated)
            for n, (name, record) in enumerate(self.added):
                if n % 500 == 0:
                    progress(n, total)
                store.repo(ENTITIES[name]).add(dataclasses.replace(record))
            for name, _before, after in self.updated:
                store.repo(ENTITIES[name]).update(after)

        self._replay(action)

    def undo(self) -> None:
        def action(store: Any, progress: Reporter) -> None:
            total = len(self.added) + len(self.updated)
            for n, (name, record) in enumerate(reversed(self.added)):
                if n % 500 == 0:
                    progress(n, total)
                store.repo(ENTITIES[name]).delete(record.id)
            for name, before, _after in self.updated:
                store.repo(ENTITIES[name]).update(before)

        self._replay(action)

    def _replay(self, action: Callable[[Any, Reporter], Any]) -> None:
        store = self.window.store

        def job(progress: Reporter) -> None:
            with store.transaction():
                action(store, progress)

        try:
            run_modal(self.window, self.text(), job, writes=True, bulk=True, cancellable=False)
        except Exception as exc:  # the store changed under us: say so, keep running
            self.setObsolete(True)
            QMessageBox.warning(self.window, tr("Could not undo or redo"), error_text(exc))
        self.window.refresh()


# -- trade ------------------------------------------------------------------------
# Asked for in both layouts: whose trade, and the currency when no column says.
_GIVEN_ROWS = ("currency_code", "reporter", "partner_code")


class TradeImportDialog(QDialog):
    """Choose a file, map its columns (or pick a block), confirm the unit, preview, import."""

    planned = Signal()
    imported = Signal(object)  # ImportResult

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.dossier = window.current_dossier()
        self.table: Any = None
        self.records: Any = None
        self.blocks: list[Any] = []
        self.plan: Any = None
        self.path: Path | None = None
        self.pairs: list[Any] = []
        self.task: Task | None = None  # the planning on its worker thread
        self.setWindowTitle(tr("Import trade table"))
        self.resize(980, 700)
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_button = QPushButton(tr("Open table…"))
        self.file_label = QLabel(tr("No file chosen."))
        self.file_label.setWordWrap(True)
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)

        self.form = QFormLayout()
        self.block_combo = QComboBox()
        # Block headings are long: the combo must not widen the dialog past the screen.
        self.block_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.block_combo.setMinimumContentsLength(50)
        self.period_combo, self.flow_combo = QComboBox(), QComboBox()
        self.amount_combo, self.currency_combo = QComboBox(), QComboBox()
        # Whose trade the figures are: columns of the file, else the pair typed here
        # (never the dossier's pair unasked); the currency likewise.
        self.reporter_column_combo, self.partner_column_combo = QComboBox(), QComboBox()
        self.reporter_edit, self.partner_edit = QLineEdit(), QLineEdit()
        self.reporter_edit.setPlaceholderText(tr("e.g. BY, or world"))
        self.partner_edit.setPlaceholderText(tr("e.g. AZ, or world"))
        self.currency_edit = QLineEdit()
        self.currency_edit.setPlaceholderText(tr("e.g. USD"))
        self.currency_edit.setMaxLength(3)
        self.flow_columns = {f.value: QComboBox() for f in FLOWS}
        self.fixed_flow = QComboBox()
        self.fixed_flow.addItem(tr("(from the columns)"), NONE)
        for f in FLOWS:
            self.fixed_flow.addItem(f.label(self.window.lang), f.value)
        self.partner_box = QWidget()
        self.partner_layout = QHBoxLayout(self.partner_box)
        self.partner_layout.setContentsMargins(0, 0, 0, 0)
        self.partner_combos: dict[str, QComboBox] = {}
        self.kind_checks = {
            k: QCheckBox(label)
            for k, label in (
                ("year", tr("years")),
                ("quarter", tr("quarters")),
                ("month", tr("months")),
            )
        }
        self.kind_checks["year"].setChecked(True)
        kinds = QWidget()
        kinds_layout = QHBoxLayout(kinds)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        for check in self.kind_checks.values():
            kinds_layout.addWidget(check)
        self.unit_combo, self.store_unit_combo = QComboBox(), QComboBox()
        for combo in (self.unit_combo, self.store_unit_combo):
            for s in SCALES:
                combo.addItem(s.label(self.window.lang), s.value)
        self.unit_reason = QLabel()
        self.unit_reason.setWordWrap(True)
        self.unit_confirm = QCheckBox(tr("I have checked the unit against the publication"))
        self.rows = {
            "block": (tr("Block:"), self.block_combo),
            "period": (tr("Period column:"), self.period_combo),
            "flow": (tr("Flow column:"), self.flow_combo),
            "amount": (tr("Amount column:"), self.amount_combo),
            "export": (tr("Exports column:"), self.flow_columns["export"]),
            "import": (tr("Imports column:"), self.flow_columns["import"]),
            "turnover": (tr("Turnover column:"), self.flow_columns["turnover"]),
            "fixed_flow": (tr("The whole table is:"), self.fixed_flow),
            "currency": (tr("Currency column:"), self.currency_combo),
            "currency_code": (tr("Currency (if no column):"), self.currency_edit),
            "reporter_column": (tr("Reporter column:"), self.reporter_column_combo),
            "partner_column": (tr("Partner column:"), self.partner_column_combo),
            "reporter": (tr("Reporter (if no column):"), self.reporter_edit),
            "partner_code": (tr("Partner (if no column):"), self.partner_edit),
            "partner": (tr("Partner pair:"), self.partner_box),
            "kinds": (tr("Periods:"), kinds),
        }
        for label, widget in self.rows.values():
            self.form.addRow(label, widget)
        self.form.addRow(tr("Numbers in the file are in:"), self.unit_combo)
        self.form.addRow("", self.unit_reason)
        self.form.addRow(tr("Store them in:"), self.store_unit_combo)
        self.form.addRow("", self.unit_confirm)
        layout.addLayout(self.form)

        self.preview_button = QPushButton(tr("Preview"))
        self.preview = _view()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(80)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.report)
        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = ProgressPanel(self)
        self.cancel_button = self.progress.cancel_button
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"))
        bottom.addWidget(self.message, 1)
        for w in (self.progress, self.preview_button, self.import_button, self.close_button):
            bottom.addWidget(w)
        layout.addLayout(bottom)

        self.open_button.clicked.connect(self.choose_file)
        self.preview_button.clicked.connect(self.make_plan)
        self.import_button.clicked.connect(self.do_import)
        self.close_button.clicked.connect(self.reject)
        self.unit_confirm.toggled.connect(self._update_buttons)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        # The plan converts to the unit to store in: a new choice needs a new plan.
        self.store_unit_combo.currentIndexChanged.connect(self._unit_changed)
        self._show_rows(set())

    def _show_rows(self, visible: set[str]) -> None:
        for key, (_label, widget) in self.rows.items():
            self.form.setRowVisible(widget, key in visible)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Import trade table"), str(Path.home()), tr(TABLE_FILTER)
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Read the file (on a worker thread) and fill the mapping step; False (message
        shown) if unreadable or cancelled."""
        self.path = path
        self.plan = None
        self._update_buttons()

        def job(progress: Reporter) -> Any:
            progress.say(tr("Reading %s…") % path.name)
            table = read_table(path)
            progress.check()
            blocks = [b for b in ti.find_blocks(table) if not b.is_percent]
            records = None if blocks else records_of(table)
            progress.check()
            columns = ti.partner_columns(records.header) if records is not None else []
            pairs = ti.partner_pairs(records, columns) if columns else []
            return table, blocks, records, pairs

        try:
            self.table, self.blocks, self.records, self.pairs = run_modal(
                self, tr("Import trade table"), job, bulk=True
            )
        except (TableError, OSError, Cancelled) as exc:
            text = tr("Cancelled.") if isinstance(exc, Cancelled) else error_text(exc)
            self.table = self.records = None
            self.blocks, self.pairs = [], []
            self.file_label.setText(f"{path.name}: {text}")
            self.message.setText(text)
            self._show_rows(set())
            return False
        notes = " ".join(self.table.notes)
        self.file_label.setText(f"{path.name}: {self.table.describe()}. {notes}".strip())
        if self.blocks:
            self._fill_blocks()
        else:
            self._fill_mapping()
        self.message.setText(tr("Check the mapping and the unit, then Preview."))
        return True

    def _fill_blocks(self) -> None:
        self.block_combo.clear()
        for b in self.blocks:
            first, last = b.years()
            self.block_combo.addItem(f"{b.number}: {b.title()[:110]} ({first}–{last})", b.number)
        self.fixed_flow.setCurrentIndex(0)
        self._show_rows({"block", "fixed_flow", "kinds", *_GIVEN_ROWS})
        self.block_combo.currentIndexChanged.connect(self._suggest_block_unit)
        self._suggest_block_unit()

    def _suggest_block_unit(self) -> None:
        block = self.current_block()
        if block is not None:
            self._set_unit(ti.suggest_unit([block.heading], []))
            text = block.heading.casefold()
            for flow, words in (
                ("export", ("экспорт", "export")),
                ("import", ("импорт", "import")),
                ("turnover", ("оборот", "turnover")),
            ):
                if any(w in text for w in words):
                    self.fixed_flow.setCurrentIndex(self.fixed_flow.findData(flow))
                    break

    def current_block(self) -> Any:
        number = self.block_combo.currentData()
        return next((b for b in self.blocks if b.number == number), None)

    def _fill_mapping(self) -> None:
        header = self.records.header
        guess = ti.guess_mapping(header)
        combos = {
            "period": (self.period_combo, guess.period),
            "flow": (self.flow_combo, guess.flow),
            "amount": (self.amount_combo, guess.amount),
            "currency": (self.currency_combo, guess.currency),
            "reporter_column": (self.reporter_column_combo, guess.reporter_column),
            "partner_column": (self.partner_column_combo, guess.partner_column),
            **{f: (self.flow_columns[f], guess.flow_columns.get(f)) for f in self.flow_columns},
        }
        for combo, chosen in combos.values():
            combo.clear()
            combo.addItem(tr("(none)"), NONE)
            for name in header:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(chosen or NONE)))
        for combo in self.partner_combos.values():
            combo.deleteLater()
        self.partner_combos = {}
        columns = ti.partner_columns(header)
        if columns:
            pairs = self.pairs  # counted on the worker thread (every row of the file)
            for i, column in enumerate(columns):
                combo = QComboBox()
                combo.setToolTip(column)
                values = sorted({values[i] for values, _ in pairs})
                combo.addItem(tr("(choose %s)") % column, NONE)
                for value in values:
                    combo.addItem(value, value)
                self.partner_layout.addWidget(combo)
                self.partner_combos[column] = combo
        visible = {
            "period",
            "flow",
            "amount",
            "export",
            "import",
            "turnover",
            "fixed_flow",
            "currency",
            "reporter_column",
            "partner_column",
            *_GIVEN_ROWS,
        }
        self._show_rows(visible | ({"partner"} if columns else set()))
        self.unit_reason.setText(tr("Preview to see what the numbers suggest."))

    def mapping(self) -> ti.TradeMapping:
        m = ti.TradeMapping(
            period=self.period_combo.currentData() or None,
            flow=self.flow_combo.currentData() or None,
            amount=self.amount_combo.currentData() or None,
            currency=self.currency_combo.currentData() or None,
            fixed_flow=self.fixed_flow.currentData() or None,
            flow_columns={
                f: c.currentData() for f, c in self.flow_columns.items() if c.currentData()
            },
            partner={
                col: c.currentData() for col, c in self.partner_combos.items() if c.currentData()
            },
            reporter_column=self.reporter_column_combo.currentData() or None,
            partner_column=self.partner_column_combo.currentData() or None,
        )
        if m.flow_columns:
            m.amount = None
        return m

    def _set_unit(self, hint: Any) -> None:
        if hint.scale:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(hint.scale))
            self.store_unit_combo.setCurrentIndex(
                self.store_unit_combo.findData(hint.scale if hint.scale != "1" else "1000000")
            )
        self.unit_reason.setText(tr("Suggested: %s.") % hint.reason)
        self.unit_confirm.setChecked(False)

    def _unit_changed(self) -> None:
        self.unit_confirm.setChecked(False)
        if self.plan is not None:
            self.make_plan()

    def options(self) -> ti.Options:
        """The options as chosen; ValueError (a one-line message) for a pair or currency
        that is not one."""
        reporter, partner = self.reporter_edit.text().strip(), self.partner_edit.text().strip()
        currency = self.currency_edit.text().strip().upper()
        if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            raise ValueError(tr("A currency is three Latin letters, e.g. USD."))
        codes = []
        for text in (reporter, partner):
            code = ti.code_of(text) if text else None
            if text and code is None:
                raise ValueError(
                    tr("“%s” is not a country: use an ISO code (BY, AZE), a name or “world”.")
                    % text
                )
            codes.append(code)
        return ti.Options(
            unit=self.unit_combo.currentData(),
            store_unit=self.store_unit_combo.currentData(),
            currency=currency or None,
            reporter=codes[0],
            partner=codes[1],
        )

    # -- planning on a worker thread --------------------------------------------
    def make_plan(self) -> None:
        if self.table is None or self.dossier is None:
            return
        try:
            dossier_id, options = self.dossier.id, self.options()
        except ValueError as exc:
            self.plan = None
            self._update_buttons()
            self.message.setText(str(exc))
            return
        if self.blocks:
            block, flow = self.current_block(), self.fixed_flow.currentData()
            kinds = [k for k, c in self.kind_checks.items() if c.isChecked()]
            if not flow:
                self.message.setText(tr("Say which flow this block is."))
                return

            def job(_progress: Callable[[int, int], bool]) -> Any:
                return ti.plan_block(block, flow, dossier_id, options, kinds), None
        else:
            records, mapping = self.records, self.mapping()
            pair_columns = mapping.reporter_column and mapping.partner_column
            if (
                ti.partner_columns(records.header)
                and not pair_columns
                and len(mapping.partner) < len(self.partner_combos)
            ):
                self.message.setText(tr("Choose the partner pair first."))
                return

            def job(progress: Callable[[int, int], bool]) -> Any:
                plan = ti.plan_records(records, mapping, dossier_id, options, progress)
                # The hint judges the numbers as written in the file.
                back = float(options.store_unit or options.unit) / float(options.unit)
                hint = ti.suggest_unit(
                    records.header,
                    [f.amount * back for f in plan.figures[:5000] if f.amount is not None],
                )
                return plan, hint

        self.preview_button.setEnabled(False)
        self.message.setText(tr("Reading the table…"))
        if self.task is not None:
            self.task.cancel()  # its plan is for the old options; only the newest counts
        task = Task(job, tr("Reading the table"), bulk=True, parent=self)
        task.succeeded.connect(lambda result: task is self.task and self._on_planned(result, None))
        task.failed.connect(
            lambda exc: task is self.task and self._on_planned(None, error_text(exc))
        )
        task.cancelled.connect(
            lambda: task is self.task and self._on_planned(None, tr("Cancelled."))
        )
        self.task = self.progress.follow(task).start()

    def _on_planned(self, result: Any, error: str | None) -> None:
        self.preview_button.setEnabled(True)
        if error is not None:
            self.plan = None
            self.message.setText(error)
            self._update_buttons()
            self.planned.emit()
            return
        self.plan, hint = result
        if hint is not None and not self.unit_confirm.isChecked():
            self.unit_reason.setText(tr("Suggested: %s.") % hint.reason)
        rows = self.plan.preview(20, self.window.lang)
        headers = [tr("Line"), tr("Period"), tr("Flow"), tr("Amount"), tr("Currency"), tr("Unit")]
        self.preview.setModel(_table_model(headers, [list(r.values()) for r in rows], self.preview))
        report = self.plan.report(200)
        self.report.setPlainText("\n".join(report) if report else tr("No row was skipped."))
        self.message.setText(
            tr("%n figure(s), %d empty cells, %d rows skipped.", None, len(self.plan.figures))
            % (self.plan.empty_cells, len(self.plan.skipped))
        )
        self._update_buttons()
        self.planned.emit()

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(
            self.plan is not None and bool(self.plan.figures) and self.unit_confirm.isChecked()
        )

    def do_import(self) -> Any:
        """Write the plan (on a worker thread, Cancel rolls it back); the result or None."""
        if self.plan is None or not self.unit_confirm.isChecked():
            return None
        store, plan, dossier_id = self.window.store, self.plan, self.dossier.id
        name, lang = (self.path.name if self.path else None), self.window.lang

        def job(progress: Reporter) -> Any:
            progress.say(tr("Importing %n figure(s)…", None, len(plan.figures)))
            last = store.db.execute("SELECT coalesce(max(id), 0) FROM trade_figures").fetchone()[0]
            result = ti.store_plan(
                store, plan, dossier_id, name, url=name, lang=lang, progress=progress
            )
            # Read back for undo here, not on the GUI thread (100,000 records or more).
            new = store.trade.list(dossier_id, where="id > ?", params=[last])
            return result, [("trade", f) for f in new]

        done = _write_modal(self, tr("Import trade table"), job)
        if done is None:
            return None
        result, new = done
        self.window.undo_stack.push(
            AddedRecordsCommand(self.window, tr("Import trade table"), new, [])
        )
        self.window.refresh()
        text = tr(
            "Imported %n figure(s); %d were already there; %d differ and were left alone.",
            None,
            result.added,
        ) % (result.duplicates, len(result.conflicts))
        self.window.status(text)
        self.message.setText(text)
        if result.conflicts:
            self.report.setPlainText("\n".join(result.conflicts))
        self.import_button.setEnabled(False)
        self.imported.emit(result)
        return result

    def done(self, result: int) -> None:
        if self.task is not None:  # a plan being made stops within 2,000 rows
            self.task.cancel()
            self.task.wait()
        super().done(result)


# -- officials ----------------------------------------------------------------------
class OfficialsImportDialog(QDialog):
    """Choose a file, check the columns, see who is new and who is updated, import."""

    imported = Signal(object)

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
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
                self, tr("Import officials"), _read_records(path), bulk=True
            )
        except (TableError, OSError, Cancelled) as exc:
            self.records = None
            text = tr("Cancelled.") if isinstance(exc, Cancelled) else error_text(exc)
            self.message.setText(f"{path.name}: {text}")
            return False
        self.file_label.setText(f"{path.name}: {len(self.records.rows)} rows")
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
        store, dossier, records = self.window.store, self.dossier, self.records
        current_only = self.current_only.isChecked()

        def job(progress: Reporter) -> Any:
            return plan_officials(
                store, dossier, records, mapping, current_only=current_only, progress=progress
            )

        try:
            self.plan = run_modal(self, tr("Import officials"), job, bulk=True)
        except (TableError, ValueError, Cancelled, *_STORE_ERRORS) as exc:
            self.plan = None
            self.message.setText(
                tr("Cancelled.") if isinstance(exc, Cancelled) else error_text(exc)
            )
            self.import_button.setEnabled(False)
            return
        self.changes.clear()
        self.changes.addItems(describe(self.plan.people, limit=500))
        self.changes.addItems([f"line {p.line}: {p.reason}" for p in self.plan.skipped])
        self.message.setText(self.plan.summary() + "".join(f" {n}" for n in self.plan.notes))
        self.import_button.setEnabled(bool(self.plan.count("add") or self.plan.count("update")))

    def do_import(self) -> Any:
        from dossier.ingest.officials_import import store_officials
        from dossier.ingest.trade_import import source_for

        if self.plan is None or self.path is None:
            return None
        store, plan, dossier_id, name = (
            self.window.store,
            self.plan,
            self.dossier.id,
            self.path.name,
        )
        updated = [(c.existing, c.record) for c in plan.people if c.action == "update"]

        def job(progress: Reporter) -> Any:
            progress.say(tr("Importing officials…"))
            before = {o.id for o in store.officials.list(dossier_id)}
            with store.transaction():  # the source and the officials, or nothing
                source = source_for(store, dossier_id, name, url=name)
                counts = store_officials(store, plan, source.id, progress)
            new = [("official", o) for o in store.officials.list(dossier_id) if o.id not in before]
            after = [("official", old, store.officials.get(old.id)) for old, _ in updated]
            return counts, new, after

        done = _write_modal(self, tr("Import officials"), job)
        if done is None:
            return None
        (added, changed), new, after = done
        self.window.undo_stack.push(
            AddedRecordsCommand(self.window, tr("Import officials"), new, after)
        )
        self.window.refresh()
        text = tr("Added %d and updated %d officials.") % (added, changed)
        self.window.status(text)
        self.message.setText(text)
        self.import_button.setEnabled(False)
        self.imported.emit((added, changed))
        return added, changed


# -- merging a .dossier file --------------------------------------------------------
class MergeDialog(QDialog):
    """What a .dossier file adds, and each conflict side by side with a choice."""

    merged = Signal(object)

    def __init__(self, window: Any, plan: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.plan = plan
        self.choices = {c.key: "mine" for c in plan.conflicts}
        self.result_value: Any = None
        self.setWindowTitle(tr("Import dossier"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(plan.summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.conflict_list = QListWidget()
        for c in plan.conflicts:
            self.conflict_list.addItem(f"{c.spec.label(window.lang)}: {c.title()}")
        row.addWidget(self.conflict_list, 1)
        right = QVBoxLayout()
        self.side_by_side = _view()
        self.side_by_side.setWordWrap(True)
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
            button.toggled.connect(lambda on, v=value: on and self._choose(v))
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
        rows = [list(r) for r in conflict.rows(self.window.lang)]
        self.side_by_side.setModel(
            _table_model([tr("Field"), tr("Mine"), tr("Theirs")], rows, self.side_by_side)
        )
        self.side_by_side.resizeRowsToContents()
        self.radio["both"].setEnabled(conflict.spec.name != "dossier")
        self.radio[self.choices[conflict.key]].setChecked(True)

    def _choose(self, value: str) -> None:
        row = self.conflict_list.currentRow()
        if row >= 0:
            self.choices[self.plan.conflicts[row].key] = value

    def do_merge(self) -> Any:
        from dossier.ingest.exchange import apply_merge, undo_merge

        store, plan, choices = self.window.store, self.plan, dict(self.choices)
        try:
            result = run_modal(
                self,
                tr("Import dossier"),
                lambda progress: apply_merge(store, plan, choices, progress),
                text=tr("Merging…"),
                writes=True,
                bulk=True,
            )
        except Cancelled:
            self.summary.setText(tr("Cancelled: nothing was merged.") + " " + plan.summary())
            return None
        except Exception as exc:  # nothing was written: the merge is one transaction
            QMessageBox.warning(self, tr("Import failed"), error_text(exc))
            return None
        self.result_value = result
        self.window.undo_stack.push(
            MergeCommand(self.window, self.plan, dict(self.choices), result, undo_merge)
        )
        self.window.refresh()
        self.window.status(
            tr("Merged: %d added, %d identical, %d taken from the file, %d kept as mine.")
            % (result.added, result.identical, result.updated, result.kept)
        )
        self.merged.emit(result)
        self.accept()
        return result


class MergeCommand(QUndoCommand):
    """Undo/redo of a merge (undo_merge, or the merge planned and applied again)."""

    def __init__(
        self,
        window: Any,
        plan: Any,
        choices: dict[str, str],
        result: Any,
        undo_merge: Callable[[Any, Any], None],
    ):
        super().__init__(tr("Import dossier"))
        self.window, self.plan, self.choices = window, plan, choices
        self.result = result
        self._undo_merge = undo_merge
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        from dossier.ingest.exchange import apply_merge, plan_merge

        self._replay(
            lambda: setattr(
                self,
                "result",
                apply_merge(
                    self.window.store,
                    plan_merge(self.window.store, self.plan.incoming),
                    self.choices,
                ),
            )
        )

    def undo(self) -> None:
        self._replay(lambda: self._undo_merge(self.window.store, self.result))

    def _replay(self, action: Callable[[], Any]) -> None:
        # A whole dossier's records: on a worker thread, one transaction, finished once begun.
        try:
            run_modal(
                self.window,
                self.text(),
                lambda _progress: action(),
                writes=True,
                bulk=True,
                cancellable=False,
            )
        except Exception as exc:
            self.setObsolete(True)
            QMessageBox.warning(self.window, tr("Could not undo or redo"), error_text(exc))
        self.window.refresh()


# -- entry points -------------------------------------------------------------------
def open_trade_dialog(window: Any) -> TradeImportDialog | None:
    if not require_dossier(window):
        return None
    return show_dialog(window, TradeImportDialog(window, window))


def open_officials_dialog(window: Any) -> OfficialsImportDialog | None:
    if not require_dossier(window):
        return None
    return show_dialog(window, OfficialsImportDialog(window, window))


def import_factbook(window: Any, path: Path | None = None, confirm: bool = True) -> Any:
    """New dossier from (or refresh with) a Factbook file; returns the dossier or None."""
    from dossier.ingest import factbook as fb

    if window.store is None:
        return None
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            window, tr("New dossier from Factbook"), str(Path.home()), tr("JSON (*.json)")
        )
        if not name:
            return None
        path = Path(name)
    title = tr("New dossier from Factbook")
    store, lang = window.store, window.lang

    def read(progress: Reporter) -> Any:
        book = fb.read_factbook(path)
        progress.check()
        return book, fb.plan_factbook(store, book, lang)

    try:
        book, plan = run_modal(window, title, read)
    except Cancelled:
        return None
    except (fb.FactbookError, OSError, *_STORE_ERRORS) as exc:
        QMessageBox.warning(window, title, error_text(exc))
        return None
    if (
        confirm
        and QMessageBox.question(window, title, "\n".join(plan.lines) + "\n\n" + tr("Apply?"))
        != QMessageBox.StandardButton.Yes
    ):
        return None
    # Not on the undo stack: a new dossier is removed with Dossier > Delete, and a
    # refresh only updates what the Factbook itself said.
    try:
        dossier = run_modal(
            window,
            title,
            lambda progress: fb.apply_factbook(store, plan, progress=progress),
            writes=True,
        )
    except Cancelled:
        window.status(tr("Cancelled: nothing was changed."))
        return None
    except (fb.FactbookError, OSError, *_STORE_ERRORS) as exc:
        QMessageBox.warning(window, title, error_text(exc))
        return None
    window.refresh()
    window.dossier_list.select(dossier.id)
    window.status(book.age())
    return dossier


def export_current(window: Any, path: Path | None = None, passphrase: str | None = None) -> bool:
    from dossier.ingest.exchange import ExchangeError, export_dossier
    from dossier.ui.passphrase_dialog import ask_new_passphrase

    if not require_dossier(window):
        return False
    dossier = window.current_dossier()
    if path is None:
        name, _ = QFileDialog.getSaveFileName(
            window,
            tr("Export dossier"),
            str(Path.home() / f"{dossier.code}.dossier"),
            tr("Dossier files (*.dossier)"),
        )
        if not name:
            return False
        path = Path(name)
    if passphrase is None:
        passphrase = ask_new_passphrase(path, window, window.lang)
        if passphrase is None:
            return False
    store, out, secret = window.store, path, passphrase
    try:
        run_modal(
            window,
            tr("Export dossier"),
            lambda progress: export_dossier(store, dossier, out, secret, progress),
            text=tr("Writing %s…") % path.name,
            bulk=True,
        )
    except Cancelled:
        window.status(tr("Cancelled: %s was not written.") % path.name)
        return False
    except (ExchangeError, OSError, *_STORE_ERRORS) as exc:
        QMessageBox.warning(window, tr("Export dossier"), error_text(exc))
        return False
    window.status(tr("Exported %s to %s.") % (dossier.name, path.name))
    return True


def open_merge(
    window: Any, path: Path | None = None, passphrase: str | None = None
) -> MergeDialog | None:
    """Read a .dossier file (asking its passphrase) and show the merge dialog."""
    from dossier.ingest.exchange import ExchangeError, plan_merge, read_exchange
    from dossier.store import StoreError
    from dossier.ui.passphrase_dialog import OPEN, PassphraseDialog

    if window.store is None:
        return None
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            window, tr("Import dossier"), str(Path.home()), tr("Dossier files (*.dossier)")
        )
        if not name:
            return None
        path = Path(name)

    def read(secret: str) -> Any:
        """The file read and compared with the store, on a worker thread."""
        store = window.store

        def job(progress: Reporter) -> Any:
            progress.say(tr("Reading %s…") % path.name)
            incoming = read_exchange(path, secret)
            progress.check()
            return plan_merge(store, incoming)

        return run_modal(window, tr("Import dossier"), job, bulk=True)

    if passphrase is None:

        def attempt(p: str) -> Any:
            try:
                return read(p)
            except ExchangeError as exc:
                raise StoreError(str(exc)) from None
            except Cancelled:
                raise StoreError(tr("Cancelled.")) from None

        ask = PassphraseDialog(
            path,
            OPEN,
            attempt,
            window,
            window.lang,
            tr("Type the passphrase the sender chose for %s."),
        )
        if ask.exec() != QDialog.DialogCode.Accepted:
            return None
        plan = ask.result_value
    else:
        try:
            plan = read(passphrase)
        except Cancelled:
            return None
        except (ExchangeError, OSError, *_STORE_ERRORS) as exc:
            QMessageBox.warning(window, tr("Import dossier"), error_text(exc))
            return None
    return show_dialog(window, MergeDialog(window, plan, window))


def _texts() -> dict[str, str]:
    # Literal tr() calls, so lupdate finds them and a language switch re-reads them.
    return {
        "import_trade_action": tr("Import trade table…"),
        "import_officials_action": tr("Import officials…"),
        "import_factbook_action": tr("New dossier from Factbook…"),
        "export_dossier_action": tr("Export dossier…"),
        "import_dossier_action": tr("Import dossier…"),
    }


def install(window: Any) -> None:
    """Add the import and exchange entries to the File menu."""
    menu = window.menu("file")
    # After New / Open / Close store, as a group of their own.
    anchor = next((a for a in menu.actions() if a.isSeparator()), None)
    entries: list[tuple[str, Callable[[], Any], bool]] = [
        ("import_trade_action", lambda: open_trade_dialog(window), True),
        ("import_officials_action", lambda: open_officials_dialog(window), True),
        ("import_factbook_action", lambda: import_factbook(window), False),
        ("export_dossier_action", lambda: export_current(window), True),
        ("import_dossier_action", lambda: open_merge(window), False),
    ]
    texts = _texts()
    actions: list[tuple[str, QAction, bool]] = []
    for attr, slot, needs_dossier in entries:
        action = QAction(texts[attr], window)
        action.triggered.connect(slot)
        setattr(window, attr, action)
        actions.append((attr, action, needs_dossier))
    if anchor is not None:
        menu.insertSeparator(anchor)
        menu.insertActions(anchor, [a for _, a, _ in actions])
    else:
        menu.addSeparator()
        menu.addActions([a for _, a, _ in actions])

    def update(*_args: Any) -> None:
        texts = _texts()
        for attr, action, needs_dossier in actions:
            action.setText(texts[attr])
            action.setEnabled(
                window.store is not None
                and (not needs_dossier or window.current_dossier() is not None)
            )

    keep_updated(window, update)
