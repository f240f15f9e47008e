"""Dossier > Capture from text…: paste a wire report, review the facts found, accept.

The text is read on a worker thread (dossier.ui.tasks.Task: the Russian model
takes about a second to load the first time), with a progress bar through the
reading's stages and Cancel; the candidates are matched against the dossier there
too. They appear grouped by kind
in a checkable tree, each showing whether it is new or updates a record the
dossier already holds. Selecting one highlights where it came from. Accept
stores the checked candidates and the text as their source in one transaction,
as one undoable step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from dossier.progress import Cancelled
from dossier.said import in_language
from dossier.store import labels
from dossier.ui import i18n
from dossier.ui.capture_tree import ReviewTree
from dossier.ui.extensions import needs_dossier, require_dossier, show_dialog
from dossier.ui.i18n import tr
from dossier.ui.task_progress import ProgressPanel, run_modal
from dossier.ui.tasks import Reporter, Task, busy, error_text

# The reading's stages as the bar counts them: model, text, people, figures,
# statements, matching with the dossier.
_STAGES = 6
# What the reading returns for a text that needs its publication date first.
_NEEDS_DATE = object()


class CaptureDialog(ReviewTree, QDialog):
    analysed = Signal()  # an analysis finished: candidates or a message shown
    accepted_capture = Signal(object)  # the AcceptResult

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.capture: Any = None
        self.result: Any = None
        self.task: Task | None = None
        self._filling = False
        self.form: Any = None  # the review form on screen, if any
        self.setWindowTitle(tr("Capture from text"))
        self.resize(1100, 720)
        self._setup_ui()

    # -- layout -------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_button = QPushButton(tr("Open .txt file…"))
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(tr("Published (YYYY-MM-DD), if the text has no date"))
        # The placeholder vanishes once typed over; a screen reader needs a lasting name.
        self.date_edit.setAccessibleName(tr("Publication date"))
        self.analyse_button = QPushButton(tr("Analyse"))
        self.analyse_button.setDefault(True)
        top.addWidget(self.open_button)
        top.addWidget(self.date_edit, 1)
        top.addWidget(self.analyse_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(tr("Paste a wire report or readout here."))
        self.text_edit.setAccessibleName(tr("Text to analyse"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(tr("Candidates found in the text"))
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                tr("Candidate"),
                tr("Details"),
                tr("Confidence"),
                tr("In the dossier"),
                tr("Why unchecked"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 300)
        header.resizeSection(1, 170)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        splitter.addWidget(self.text_edit)
        splitter.addWidget(self.tree)
        splitter.setSizes([380, 720])
        layout.addWidget(splitter, 1)

        self.progress = ProgressPanel(self)
        self.cancel_button = self.progress.cancel_button
        self.message = QLabel(tr("Paste text, then Analyse."))
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        self.select_all_button = QPushButton(tr("Check all"))
        self.select_none_button = QPushButton(tr("Check none"))
        self.accept_button = QPushButton(tr("Accept checked"))
        self.accept_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"))
        for button in (
            self.select_all_button,
            self.select_none_button,
            self.accept_button,
            self.close_button,
        ):
            bottom.addWidget(button)
        layout.addLayout(bottom)

        self.open_button.clicked.connect(self.open_file)
        self.analyse_button.clicked.connect(self.analyse)
        self.accept_button.clicked.connect(self.accept_checked)
        self.close_button.clicked.connect(self.reject)
        self.select_all_button.clicked.connect(lambda: self._check_all(True))
        self.select_none_button.clicked.connect(lambda: self._check_all(False))
        self.tree.currentItemChanged.connect(self._highlight_current)
        self.tree.itemChanged.connect(self._item_edited)
        self.tree.itemDoubleClicked.connect(self.edit_in_form)
        self.text_edit.textChanged.connect(self._text_changed)

    # -- input --------------------------------------------------------------
    def open_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, tr("Open text"), str(Path.home()), tr("Text files (*.txt);;All files (*)")
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            self._warn(tr("%s is not UTF-8 text. Save it as UTF-8 and open it again.") % path)
            return False
        except OSError as exc:
            self._warn(tr("%s could not be read: %s") % (path, exc.strerror or exc))
            return False
        self.text_edit.setPlainText(text)
        return True

    def _warn(self, message: str) -> None:
        self.message.setText(message)
        QMessageBox.warning(self, tr("Capture from text"), message)

    # -- analysis -----------------------------------------------------------
    def analyse(self) -> None:
        # Only the small model-holder module here: the reading's own modules (rules,
        # patterns, about 0.15 s to import) load on the worker thread, in `job`.
        from dossier.ingest.capture import nlp as capture_nlp

        text = self.text_edit.toPlainText()
        date = self.date_edit.text().strip() or None
        store, dossier = self.window.store, self.window.current_dossier()
        self.analyse_button.setEnabled(False)
        self.accept_button.setEnabled(False)
        self.message.setText(
            tr("Reading the text…")
            if capture_nlp.is_loaded()
            else tr("Loading the language model (first time only)…")
        )

        def job(progress: Reporter) -> Any:
            from dossier.ingest.capture.accept import match_capture
            from dossier.ingest.capture.pipeline import capture, needs_date

            if date is None and needs_date(text):
                return _NEEDS_DATE  # nothing read: never against today's date
            stage = 0

            def said(message: str) -> None:
                nonlocal stage
                stage += 1
                progress.say(stage_text(message))
                if progress(min(stage, _STAGES - 1), _STAGES) is False:
                    raise Cancelled  # stops the reading at its next stage

            result = capture(text, published_on=date, progress=said)
            if store is not None and dossier is not None:
                # Reads the dossier (30,000 officials in a big one): not on the GUI thread.
                match_capture(store, dossier.id, result)
            progress(_STAGES, _STAGES)
            return result

        if self.task is not None:
            self.task.cancel()  # an older reading of other text: only the newest counts
        # bulk: loading the language model makes many long-lived objects.
        task = Task(job, tr("Capture from text"), bulk=True, parent=self)
        # Only the newest task's words and end count.
        task.said.connect(lambda message: self._by(task, self.message.setText, message))
        task.succeeded.connect(lambda result: self._by(task, self._on_analysed, result, None))
        task.failed.connect(lambda exc: self._by(task, self._on_analysed, None, exc))
        task.cancelled.connect(
            lambda: self._by(task, self._on_analysed, None, tr("Cancelled: nothing was read."))
        )
        self.task = self.progress.follow(task).start()

    @property
    def analysing(self) -> bool:
        return self.task is not None and self.task.running

    def wait_for_analysis(self, timeout: float = 60.0) -> None:
        if self.task is not None:
            self.task.wait(timeout)

    def _by(self, task: Task, then: Any, *args: Any) -> None:
        if task is self.task:
            then(*args)

    def _on_analysed(self, result: Any, error: Any) -> None:
        self.analyse_button.setEnabled(True)
        if result is _NEEDS_DATE:
            # Relative years ("прошлого года") are read against the article's date,
            # never today's: ask for it rather than guess.
            error = tr(
                "The text has no date but speaks of relative years (“last year”): "
                "type its publication date, then Analyse."
            )
            self.date_edit.setFocus()
        if error is not None:
            self.message.setText(error_text(error) if isinstance(error, BaseException) else error)
            self.capture = None
            self.tree.clear()
            self.analysed.emit()
            return
        dossier = self.window.current_dossier()
        self.capture = result
        self._fill_tree()
        count = sum(len(items) for _group, items in result.groups())
        lang = i18n.language()  # the core's notes carry their Russian (dossier/said.py)
        notes = " ".join(in_language(warning, lang) for warning in result.warnings)
        self.message.setText(
            (tr("%n candidate(s) found.", None, count)) + (f" {notes}" if notes else "")
        )
        self.accept_button.setEnabled(count > 0 and dossier is not None)
        self._highlight_all()
        self.analysed.emit()

    # -- accepting ------------------------------------------------------------
    def accept_checked(self) -> Any:
        from dossier.ingest.capture.accept import accept

        dossier = self.window.current_dossier()
        store = self.window.store
        if self.capture is None or dossier is None or store is None:
            return None
        keys = self.checked_keys()
        if not keys:
            self.message.setText(tr("Check the candidates to store first."))
            return None
        if self.capture.off_topic and not self._store_off_topic():
            self.message.setText(tr("Nothing was stored."))
            return None
        running = busy()
        if running is not None:  # its transaction is open on the same connection
            self.message.setText(
                tr("Wait until “%s” has finished, then try again.") % running.title
            )
            return None
        capture, lang = self.capture, getattr(self.window, "lang", "en")

        def job(_progress: Reporter) -> Any:
            # One operation of the store's log, named for Edit > Undo and `dossier history`.
            with store.transaction(labels.CAPTURE):
                return accept(store, dossier.id, capture, keys, lang=lang)

        try:
            # Through the window's one runner, like every other long store call.
            result = run_modal(self, tr("Capture from text"), job, writes=True, cancellable=False)
        except Exception as exc:  # nothing was stored: the transaction rolled back
            self._warn(tr("Nothing was stored: %s") % error_text(exc))
            return None
        self.result = result
        self.window.refresh()
        stored = sum(map(len, result.added.values())) + sum(map(len, result.updated.values()))
        self.window.status(tr("Captured %n fact(s) into %s.", None, stored) % dossier.name)
        self.accepted_capture.emit(result)
        self.accept()
        return result

    def _store_off_topic(self) -> bool:
        dossier = self.window.current_dossier()
        answer = QMessageBox.question(
            self,
            tr("Capture from text"),
            tr("The text mentions neither %s nor its partner country. Store it in this dossier?")
            % dossier.name,
        )
        return answer == QMessageBox.StandardButton.Yes

    def done(self, result: int) -> None:
        if self.task is not None:  # stops at the reading's next stage; it may be
            self.task.cancel()  # matching against the store, which may close next
            self.task.wait()
        super().done(result)


def stage_text(message: str) -> str:
    """A stage dossier.ingest.capture reports (in English) in the window's language.

    Literal tr() calls, so lupdate keeps them; a stage not listed shows as reported."""
    texts = {
        "Loading the Russian language model…": tr("Loading the Russian language model…"),
        "Reading the text…": tr("Reading the text…"),
        "Finding people…": tr("Finding people…"),
        "Finding figures and projects…": tr("Finding figures and projects…"),
        "Finding statements…": tr("Finding statements…"),
        "Done.": tr("Done."),
    }
    return texts.get(message, message)


def open_dialog(window: Any) -> CaptureDialog | None:
    if not require_dossier(window):
        return None
    dialog = CaptureDialog(window, window)
    window.capture_dialog = dialog  # tests and later actions find it there while open
    dialog.finished.connect(lambda _result: _forget(window, dialog))
    show_dialog(window, dialog)
    return dialog


def _forget(window: Any, dialog: CaptureDialog) -> None:
    if window.capture_dialog is dialog:
        window.capture_dialog = None


def install(window: Any) -> QAction:
    """Add Dossier > Capture from text… (Ctrl+Shift+V) to the main window; returns it."""
    action = QAction(tr("Capture from text…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+V"))
    action.triggered.connect(lambda: open_dialog(window))
    window.menu("dossier").addAction(action)
    needs_dossier(window, action, lambda: tr("Capture from text…"))
    return action
