"""File > Export brief…: choose what goes into the brief, preview its pages, save, print.

The PDF is built by dossier.brief on a worker thread from a snapshot of the records
(a SQLite connection belongs to its own thread), so the dialog stays responsive; a
progress bar appears when a build takes longer than half a second.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dossier.brief import PAPERS, SECTIONS, BriefOptions, Snapshot, build_brief, section_title
from dossier.fields import format_value
from dossier.files import write_atomic
from dossier.model import TALKING_POINT
from dossier.ui.extensions import needs_dossier, require_dossier, show_dialog
from dossier.ui.i18n import tr

PROGRESS_AFTER_MS = 500
DEBOUNCE_MS = 350


class _Bridge(QObject):
    """Carries a finished build from the worker thread back to the GUI thread."""

    finished = Signal(int, object, object)  # generation, pdf bytes or None, error or None


class BriefDialog(QDialog):
    preview_ready = Signal()  # a new preview is on screen (tests wait for it)

    def __init__(self, store: Any, dossier: Any, lang: str = "en",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.dossier = dossier
        self.lang = lang
        self.pdf_bytes: bytes | None = None
        self.built_for: BriefOptions | None = None
        self.saved_path: Path | None = None
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._pending = False
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._on_built)
        self._buffer: QBuffer | None = None
        self.setWindowTitle(tr("Export brief — %s") % dossier.name)
        self.resize(1100, 760)
        self._build_ui()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_AFTER_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self.refresh_preview()

    # -- layout ---------------------------------------------------------------------
    def _build_ui(self) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        d = self.dossier
        options = QWidget()
        column = QVBoxLayout(options)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Official visit to Baku"))
        self.place_edit = QLineEdit()
        self.dates_edit = QLineEdit()
        self.dates_edit.setPlaceholderText(tr("e.g. 25–26 November"))
        self.prepared_for_edit = QLineEdit()
        self.prepared_by_edit = QLineEdit()
        self.version_edit = QLineEdit()
        self.marking_edit = QLineEdit(d.classification or "")
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("Русский", "ru")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(self.lang))
        self.paper_combo = QComboBox()
        for paper in PAPERS:
            self.paper_combo.addItem(paper, paper)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.releasable_check = QCheckBox(tr("Releasable version (leave background-only "
                                             "points out)"))
        for label, widget in ((tr("Title"), self.title_edit), (tr("Place"), self.place_edit),
                              (tr("Dates"), self.dates_edit),
                              (tr("Prepared for"), self.prepared_for_edit),
                              (tr("Prepared by"), self.prepared_by_edit),
                              (tr("Version"), self.version_edit),
                              (tr("Marking"), self.marking_edit),
                              (tr("Language"), self.lang_combo),
                              (tr("Paper"), self.paper_combo),
                              (tr("Date on the brief"), self.date_edit)):
            form.addRow(label, widget)
        column.addLayout(form)
        column.addWidget(self.releasable_check)

        sections = QGroupBox(tr("Sections"))
        grid = QGridLayout(sections)
        self.section_checks: dict[str, QCheckBox] = {}
        for i, name in enumerate(SECTIONS):
            check = QCheckBox(section_title(name, self.lang))
            check.setChecked(True)
            self.section_checks[name] = check
            grid.addWidget(check, i // 2, i % 2)
        column.addWidget(sections)

        self.officials_list = self._checklist(column, tr("Interlocutors"), [
            (o.id, f"{o.name} — {o.position or ''}".rstrip(" —"), o.status == "current")
            for o in self.store.officials.list(d.id)])
        kind = TALKING_POINT.field("kind")
        self.points_list = self._checklist(column, tr("Talking points"), [
            (p.id, f"[{format_value(kind, p.kind, self.lang)}] {p.text[:90]}",
             p.status == "approved") for p in self.store.talking_points.list(d.id)])
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(options)
        scroll.setMinimumWidth(options.sizeHint().width() + 24)

        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setMinimumWidth(420)

        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a build has no measurable steps
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.open_after_check = QCheckBox(tr("Open after saving"))
        self.save_button = QPushButton(tr("Save as PDF…"))
        self.save_button.setDefault(True)
        self.print_button = QPushButton(tr("Print…"))
        self.close_button = QPushButton(tr("Close"))
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_brief)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.open_after_check)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        for edit in (self.title_edit, self.place_edit, self.dates_edit,
                     self.prepared_for_edit, self.prepared_by_edit, self.version_edit,
                     self.marking_edit):
            edit.textChanged.connect(self._changed)
        for combo in (self.lang_combo, self.paper_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.date_edit.dateChanged.connect(self._changed)
        self.releasable_check.toggled.connect(self._changed)
        for check in self.section_checks.values():
            check.toggled.connect(self._changed)
        for checklist in (self.officials_list, self.points_list):
            checklist.itemChanged.connect(self._changed)

    def _checklist(self, column: QVBoxLayout, title: str,
                   rows: list[tuple[int, str, bool]]) -> QListWidget:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        checklist = QListWidget()
        for record_id, text, checked in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setToolTip(text)
            checklist.addItem(item)
        checklist.setMinimumHeight(90)
        # Long names and points end in "…" (the tooltip has the whole text).
        checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        checklist.setTextElideMode(Qt.TextElideMode.ElideRight)
        inner.addWidget(checklist)
        column.addWidget(box)
        return checklist

    # -- options ------------------------------------------------------------------------
    def options(self) -> BriefOptions:
        """The brief the user has chosen, as BriefOptions."""
        def checked(checklist: QListWidget) -> tuple[int, ...]:
            return tuple(checklist.item(i).data(Qt.ItemDataRole.UserRole)
                         for i in range(checklist.count())
                         if checklist.item(i).checkState() == Qt.CheckState.Checked)

        day = self.date_edit.date()
        return BriefOptions(
            title=self.title_edit.text().strip(), place=self.place_edit.text().strip(),
            dates=self.dates_edit.text().strip(),
            prepared_for=self.prepared_for_edit.text().strip(),
            prepared_by=self.prepared_by_edit.text().strip(),
            version=self.version_edit.text().strip(),
            classification=self.marking_edit.text().strip(),
            lang=self.lang_combo.currentData(), paper=self.paper_combo.currentData(),
            sections=tuple(n for n, c in self.section_checks.items() if c.isChecked()),
            official_ids=checked(self.officials_list),
            talking_point_ids=checked(self.points_list),
            include_background=not self.releasable_check.isChecked(),
            generated_on=dt.date(day.year(), day.month(), day.day()),
        )

    def _changed(self, *_args: Any) -> None:
        self._debounce.start()

    # -- building -------------------------------------------------------------------
    @property
    def building(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def refresh_preview(self) -> None:
        """Build the brief for the current options on a worker thread."""
        if self.building:
            self._pending = True  # rebuild once the running build is done
            return
        options = self.options()
        snapshot = Snapshot(self.store, self.dossier.id)
        self._generation += 1
        generation = self._generation
        self.message.setText(tr("Building the brief…"))
        self._progress_timer.start()

        def work() -> None:
            try:
                data = build_brief(snapshot, self.dossier, options)
            except Exception as exc:  # shown in the dialog, never a crash
                self._bridge.finished.emit(generation, None, exc)
            else:
                self._bridge.finished.emit(generation, (options, data), None)

        self._thread = threading.Thread(target=work, name="brief-build", daemon=True)
        self._thread.start()

    def _on_built(self, generation: int, result: Any, error: Any) -> None:
        self._progress_timer.stop()
        self.progress.hide()
        if self._pending:
            self._pending = False
            self.refresh_preview()
            return
        if generation != self._generation:
            return
        if error is not None:
            self.message.setText(tr("The brief could not be built: %s") % error)
            return
        self.built_for, self.pdf_bytes = result
        self._show_pdf(self.pdf_bytes)
        self.message.setText(tr("Preview ready."))
        self.preview_ready.emit()

    def _show_pdf(self, data: bytes) -> None:
        self.document.close()
        old = self._buffer
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()

    def _show_progress(self) -> None:
        if self.building:
            self.progress.show()

    def wait_for_build(self, timeout: float = 60.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def current_pdf(self) -> bytes:
        """The PDF for the options on screen, built now if the preview is behind."""
        options = self.options()
        if self.pdf_bytes is not None and self.built_for == options:
            return self.pdf_bytes
        self.wait_for_build()
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            data = build_brief(self.store, self.dossier, options)
        finally:
            self.unsetCursor()
        self.built_for, self.pdf_bytes = options, data
        return data

    # -- saving and printing ------------------------------------------------------------
    def default_file_name(self) -> str:
        day = self.date_edit.date().toString("yyyy-MM-dd")
        return f"brief-{self.dossier.code}-{day}.pdf"

    def save(self) -> Path | None:
        start = Path.home() / self.default_file_name()
        name, _filter = QFileDialog.getSaveFileName(self, tr("Save brief as PDF"), str(start),
                                                    tr("PDF files (*.pdf)"))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomic(path, self.current_pdf())
        except Exception as exc:  # a full disk or a read-only folder: say so, keep the old file
            QMessageBox.warning(self, tr("Brief not saved"),
                                tr("The brief could not be saved to %s:\n%s") % (path, exc))
            return None
        self.saved_path = path
        self.message.setText(tr("Saved to %s") % path)
        if self.open_after_check.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def print_brief(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: Any) -> int:
        """Paint every page onto `printer`; returns the number of pages printed."""
        from PySide6.QtCore import QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtPdf import QPdfDocument

        doc = QPdfDocument(self)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.current_pdf()))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        doc.load(buffer)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, tr("Brief not printed"), tr("The printer is not ready."))
            return 0
        try:
            for page in range(doc.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = doc.pagePointSize(page).toSize().scaled(
                    target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                image = doc.render(page, QSize(size.width(), size.height()))
                painter.drawImage(0, 0, image)
            return doc.pageCount()
        finally:
            painter.end()
            doc.close()
            buffer.close()

    # -- closing ----------------------------------------------------------------------
    def done(self, result: int) -> None:
        # A build still running would report to a dialog that is gone.
        self._debounce.stop()
        self._pending = False
        self.wait_for_build()
        super().done(result)


def open_dialog(window: Any) -> BriefDialog | None:
    if not require_dossier(window):
        return None
    dialog = BriefDialog(window.store, window.current_dossier(), getattr(window, "lang", "en"),
                         window)
    return show_dialog(window, dialog, "brief_dialog")


def install(window: Any) -> None:
    """Add File > Export brief… (Ctrl+Shift+E) to the main window."""
    action = QAction(tr("Export brief…"), window)
    action.setShortcuts([QKeySequence("Ctrl+Shift+E"), QKeySequence.StandardKey.Print])
    action.triggered.connect(lambda: open_dialog(window))
    menu = window.menu("file")
    separators = [a for a in menu.actions() if a.isSeparator()]
    if separators:
        menu.insertAction(separators[0], action)
    else:
        menu.addAction(action)
    window.export_brief_action = action
    window.brief_dialog = None

    needs_dossier(window, action, lambda: tr("Export brief…"))
