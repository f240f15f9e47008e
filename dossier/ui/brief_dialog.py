"""File > Export brief…: choose what goes into the brief, preview its pages, save, print.

The PDF is built by dossier.brief on a worker thread (dossier.ui.tasks.Task),
which reads only the records it prints, so the dialog stays responsive; a progress
bar with Cancel appears when a build takes longer than half a second. Saving and
printing build (if the preview is behind) and write on a worker thread too, the
file written atomically: Cancel leaves no file, or the old one as it was.

Cancel stops a build between two laid-out parts of the brief (build_brief's
progress); nothing is shown or saved, and the next build waits until it has stopped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dossier.brief import BriefOptions, build_brief
from dossier.files import write_atomic
from dossier.progress import Cancelled
from dossier.ui.brief_options_form import BriefOptionsForm
from dossier.ui.brief_since import record_saved
from dossier.ui.extensions import needs_dossier, require_dossier, show_dialog
from dossier.ui.i18n import tr
from dossier.ui.task_progress import ProgressPanel, run_modal
from dossier.ui.tasks import Reporter, Task, error_text

PROGRESS_AFTER_MS = 500
FIRST_BUILD_AFTER_MS = 50
DEBOUNCE_MS = 350


class BriefDialog(QDialog):
    preview_ready = Signal()  # a new preview is on screen (tests wait for it)

    def __init__(self, store: Any, dossier: Any, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.dossier = dossier
        self.lang = lang
        self.pdf_bytes: bytes | None = None
        self.built_for: BriefOptions | None = None
        self.saved_path: Path | None = None
        self.task: Task | None = None  # the preview build
        self._pending = False
        self._buffer: QBuffer | None = None
        self.setWindowTitle(tr("Export brief — %s") % dossier.name)
        self.resize(1100, 760)
        self._build_ui()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self.form.restore_choices()
        self.form.title_edit.setFocus()  # typing starts at the title, not in the preview
        # The first build starts once the dialog has painted: it begins by loading
        # reportlab and matplotlib, whose C parts hold the GIL while they start.
        # A timer the dialog owns, stopped when it closes: a first build starting
        # after the dialog was closed read a store that was closing (a crash).
        self._first_build = QTimer(self, singleShot=True, interval=FIRST_BUILD_AFTER_MS)
        self._first_build.timeout.connect(self.refresh_preview)
        self._first_build.start()
        self._finished = False

    # -- layout ---------------------------------------------------------------------
    def _build_ui(self) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.form = BriefOptionsForm(self.store, self.dossier, self.lang, self)
        self.form.changed.connect(self._changed)

        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setAccessibleName(tr("Preview of the brief"))
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setMinimumWidth(420)

        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)

        self.progress = ProgressPanel(self, delay_ms=PROGRESS_AFTER_MS)
        self.progress.setMaximumWidth(260)
        self.cancel_button = self.progress.cancel_button
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.cancel_button.clicked.connect(lambda: self.message.setText(tr("Cancelling…")))
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

    # -- options ------------------------------------------------------------------------
    def options(self) -> BriefOptions:
        """The brief the user has chosen, as BriefOptions."""
        return self.form.options()

    def _changed(self, *_args: Any) -> None:
        self._debounce.start()

    # -- building -------------------------------------------------------------------
    @property
    def building(self) -> bool:
        return self.task is not None and self.task.running

    def _build_job(self, options: BriefOptions) -> Any:
        store, dossier = self.store, self.dossier

        def job(progress: Reporter) -> Any:
            progress.check()
            # Reads what it prints from the store: SQLite lets this thread read
            # while the GUI thread reads too (the dialog is modal: nothing writes).
            return options, build_brief(store, dossier, options, progress=progress)

        return job

    def refresh_preview(self) -> None:
        """Build the brief for the current options on a worker thread."""
        if self._finished:
            return  # closed: nothing may start reading the store any more
        if self.building:
            self._pending = True  # rebuild once the running build is done
            return
        self.message.setText(tr("Building the brief…"))
        # bulk: a full collection walking the dialog's rows (30,000 officials) with the
        # GIL held stalled the window ~50 ms during a build; the collector waits.
        task = Task(
            self._build_job(self.options()), tr("Building the brief"), bulk=True, parent=self
        )
        task.succeeded.connect(lambda result: self._on_built(task, result, None))
        task.failed.connect(lambda exc: self._on_built(task, None, exc))
        task.cancelled.connect(lambda: self._on_built(task, None, None))
        self.task = self.progress.follow(task).start()

    def cancel_build(self) -> None:
        """Drop the running build: no preview from it, nothing saved."""
        self._pending = False
        self.progress.cancel()

    def _on_built(self, task: Task, result: Any, error: Any) -> None:
        if self._pending:
            self._pending = False
            self.refresh_preview()
            return
        if task.cancel_requested:  # Cancel pressed after the last part was laid out
            self.message.setText(tr("Cancelled: the preview is of the earlier options."))
            return
        if error is not None:
            self.message.setText(tr("The brief could not be built: %s") % error_text(error))
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

    def wait_for_build(self, timeout: float = 60.0) -> None:
        if self.task is not None:
            self.task.wait(timeout)

    def current_pdf(self, then: Any = None) -> bytes:
        """The PDF for the options on screen, built now (on a worker thread, with
        progress and Cancel) if the preview is behind; `then(pdf)` runs on that
        thread after the build (saving it). Raises Cancelled."""
        options = self.options()
        ready = self.pdf_bytes if self.pdf_bytes is not None and self.built_for == options else None
        build = self._build_job(options)

        def job(progress: Reporter) -> Any:
            data = ready if ready is not None else build(progress)[1]
            progress.check()
            if then is not None:
                then(data)
            return data

        data = run_modal(self, tr("Export brief"), job, text=tr("Building the brief…"), bulk=True)
        self.built_for, self.pdf_bytes = options, data
        return data

    # -- saving and printing ------------------------------------------------------------
    def default_file_name(self) -> str:
        day = self.form.date_edit.date().toString("yyyy-MM-dd")
        return f"brief-{self.dossier.code}-{day}.pdf"

    def save(self) -> Path | None:
        start = Path.home() / self.default_file_name()
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Save brief as PDF"), str(start), tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.current_pdf(then=lambda data: write_atomic(path, data))
        except Cancelled:
            self.message.setText(tr("Cancelled: %s was not written.") % path.name)
            return None
        except Exception as exc:  # a full disk or a read-only folder: say so, keep the old file
            QMessageBox.warning(
                self,
                tr("Brief not saved"),
                tr("The brief could not be saved to %s:\n%s") % (path, error_text(exc)),
            )
            return None
        self.saved_path = path
        record_saved(self.store, self.dossier, self.options())  # for the next brief's changes
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

        try:
            data = self.current_pdf()
        except Cancelled:
            return 0
        except Exception as exc:  # the build failed: say so, print nothing
            QMessageBox.warning(self, tr("Brief not printed"), error_text(exc))
            return 0
        doc = QPdfDocument(self)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
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
                size = (
                    doc.pagePointSize(page)
                    .toSize()
                    .scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                )
                image = doc.render(page, QSize(size.width(), size.height()))
                painter.drawImage(0, 0, image)
            return doc.pageCount()
        finally:
            painter.end()
            doc.close()
            buffer.close()

    # -- closing ----------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.form.remember_choices()
        self._finished = True
        self._first_build.stop()
        self._debounce.stop()
        self._pending = False
        if self.task is not None:
            # Waited for, not left running: the build reads the store, which may be
            # closed next. It stops at its next laid-out part.
            self.task.cancel()
            self.task.wait()
        super().done(result)


def open_dialog(window: Any) -> BriefDialog | None:
    if not require_dossier(window):
        return None
    dialog = BriefDialog(
        window.store, window.current_dossier(), getattr(window, "lang", "en"), window
    )
    window.brief_dialog = dialog  # tests and later actions find it there while open
    dialog.finished.connect(lambda _result: _forget(window, dialog))
    show_dialog(window, dialog)
    return dialog


def _forget(window: Any, dialog: BriefDialog) -> None:
    if window.brief_dialog is dialog:
        window.brief_dialog = None


def install(window: Any) -> QAction:
    """Add File > Export brief… (Ctrl+Shift+E) to the main window; returns the entry."""
    action = QAction(tr("Export brief…"), window)
    action.setShortcuts(
        [QKeySequence("Ctrl+Shift+E"), QKeySequence(QKeySequence.StandardKey.Print)]
    )
    action.triggered.connect(lambda: open_dialog(window))
    menu = window.menu("file")
    separators = [a for a in menu.actions() if a.isSeparator()]
    if separators:
        menu.insertAction(separators[0], action)
    else:
        menu.addAction(action)
    needs_dossier(window, action, lambda: tr("Export brief…"))
    return action
