"""File > Import trade table…: choose a file, map its columns (or pick a block),
confirm the unit, preview, import (one operation of the store's log)."""

from __future__ import annotations

from collections.abc import Callable
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
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier.ingest import trade_import as ti
from dossier.ingest.tables import TableError, read_table, records_of
from dossier.ingest.trade_session import suggest_block
from dossier.model import FLOWS, SCALES
from dossier.progress import Cancelled
from dossier.said import in_language
from dossier.ui.i18n import tr
from dossier.ui.import_common import (
    NONE,
    TABLE_FILTER,
    preview_view,
    table_model,
    write_modal,
)
from dossier.ui.task_progress import ProgressPanel, run_modal
from dossier.ui.tasks import Reporter, Task, error_text

# Asked for in both layouts: whose trade, and the currency when no column says.
_GIVEN_ROWS = ("currency_code", "reporter", "partner_code")


class TradeImportDialog(QDialog):
    """Choose a file, map its columns (or pick a block), confirm the unit, preview, import."""

    planned = Signal()
    imported = Signal(object)  # ImportResult

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.main = window
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
            self.fixed_flow.addItem(f.label(self.main.lang), f.value)
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
                combo.addItem(s.label(self.main.lang), s.value)
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
        self.preview = preview_view()
        self.preview.setAccessibleName(tr("Preview of the rows to import"))
        self.report = QPlainTextEdit()
        self.report.setAccessibleName(tr("Import report"))
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
            pairs = ti.partner_pairs(records, columns) if records is not None and columns else []
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
        lang = self.main.lang
        notes = " ".join(in_language(n, lang) for n in self.table.notes)
        self.file_label.setText(f"{path.name}: {self.table.describe(lang)}. {notes}".strip())
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
            # The same guess as the command line's (trade_session.suggest_block).
            suggestion = suggest_block(block)
            self._set_unit(suggestion.unit)
            if suggestion.flow is not None:
                self.fixed_flow.setCurrentIndex(self.fixed_flow.findData(suggestion.flow))

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
        self._show_hint(hint)
        self.unit_confirm.setChecked(False)

    def _show_hint(self, hint: Any) -> None:
        self.unit_reason.setText(tr("Suggested: %s.") % in_language(hint.reason, self.main.lang))

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
        # The core's own check (its message in both languages, a former country named).
        codes = [
            ti.pair_code(text, side) if text else None
            for text, side in ((reporter, "reporter"), (partner, "partner"))
        ]
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
            self.message.setText(error_text(exc))
            return
        if self.blocks:
            block, flow = self.current_block(), self.fixed_flow.currentData()
            kinds = [k for k, c in self.kind_checks.items() if c.isChecked()]
            if not flow:
                self.message.setText(tr("Say which flow this block is."))
                return

            def job(progress: Callable[[int, int], bool]) -> Any:
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
        # Only the newest task's end counts: an older plan is for old options.
        task.succeeded.connect(lambda result: self._planned_by(task, result, None))
        task.failed.connect(lambda exc: self._planned_by(task, None, error_text(exc)))
        task.cancelled.connect(lambda: self._planned_by(task, None, tr("Cancelled.")))
        self.task = self.progress.follow(task).start()

    def _planned_by(self, task: Task, result: Any, error: str | None) -> None:
        if task is self.task:
            self._on_planned(result, error)

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
            self._show_hint(hint)
        rows = self.plan.preview(20, self.main.lang)
        headers = [tr("Line"), tr("Period"), tr("Flow"), tr("Amount"), tr("Currency"), tr("Unit")]
        self.preview.setModel(table_model(headers, [list(r.values()) for r in rows], self.preview))
        report = self.plan.report(200, self.main.lang)
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
        store, plan, dossier_id = self.main.store, self.plan, self.dossier.id
        name, lang = (self.path.name if self.path else None), self.main.lang

        def job(progress: Reporter) -> Any:
            progress.say(tr("Importing %n figure(s)…", None, len(plan.figures)))
            # One operation of the store's log ("import of 63 trade figures"): undone
            # by Edit > Undo or `dossier undo` alike.
            return ti.store_plan(
                store, plan, dossier_id, name, url=name, lang=lang, progress=progress
            )

        result = write_modal(self, tr("Import trade table"), job)
        if result is None:
            return None
        self.main.refresh()
        text = tr(
            "Imported %n figure(s); %d were already there; %d differ and were left alone.",
            None,
            result.added,
        ) % (result.duplicates, len(result.conflicts))
        self.main.status(text)
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
