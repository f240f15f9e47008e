"""Showing a running task: a progress bar with Cancel, or a modal wait for its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier.progress import Cancelled
from dossier.ui.i18n import tr
from dossier.ui.tasks import Reporter, Task

T = TypeVar("T")
BACKUP_PANEL = "backup_progress"  # the background backup's bar and Cancel (dossier.ui.backups)


class ProgressPanel(QWidget):
    """A progress bar and a Cancel button following a task; hidden when none runs.

    The bar is determinate when the job reports a total, busy otherwise. It shows
    `delay_ms` after the task starts, so a quick job does not flash it.
    """

    def __init__(self, parent: QWidget | None = None, delay_ms: int = 0):
        super().__init__(parent)
        self.task: Task | None = None
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(160)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self._delay = QTimer(self, singleShot=True, interval=delay_ms)
        self._delay.timeout.connect(self._appear)
        self.hide()

    def follow(self, task: Task) -> Task:
        self.task = task
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        task.progressed.connect(self._progressed)
        task.ended.connect(self._ended)
        if self._delay.interval() > 0:
            self._delay.start()
        else:
            self._appear()
        return task

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.cancel_button.setEnabled(False)  # one press is enough; it stops shortly

    def _appear(self) -> None:
        if self.task is not None and self.task.running:
            self.show()

    def _progressed(self, done: int, total: int) -> None:
        if self.sender() is not self.task:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def _ended(self) -> None:
        if self.sender() is not self.task:
            return
        self._delay.stop()
        self.hide()


def status_panel(window: QMainWindow, name: str) -> ProgressPanel:
    """The window's status-bar panel `name` (hidden until a task runs), made if it is
    not there yet. The app makes its panels before the window is first shown: the
    status bar takes its height from its widgets, hidden ones too, so a panel added
    later made the bar 5 pixels taller just after the window appeared, and the whole
    window was laid out and painted again."""
    panel = window.findChild(ProgressPanel, name)
    if panel is None:
        panel = ProgressPanel(window)
        panel.setObjectName(name)
        panel.setMaximumWidth(220)
        window.statusBar().addPermanentWidget(panel)
    return panel


class ProgressDialog(QDialog):
    """What `run_modal` shows: the operation's name, its message, bar and Cancel."""

    def __init__(
        self,
        task: Task,
        title: str,
        text: str,
        parent: QWidget | None = None,
        cancellable: bool = True,
    ):
        super().__init__(parent)
        self.setObjectName("progress_dialog")
        self.task = task
        self.cancellable = cancellable
        self.setWindowTitle(title)
        self.setWindowModality(
            Qt.WindowModality.WindowModal
            if parent is not None
            else Qt.WindowModality.ApplicationModal
        )
        self.message = QLabel(text or title)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(360)
        self.panel = ProgressPanel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.panel)
        self.panel.follow(task)
        self.panel.cancel_button.setVisible(cancellable)
        task.said.connect(self.message.setText)

    def reject(self) -> None:
        # Escape or the window's close button cancel; the dialog stays until the
        # job has stopped, so nothing is left running behind the user's back.
        if self.cancellable:
            self.panel.cancel()
            self.message.setText(tr("Cancelling…"))


def run_modal(
    parent: QWidget | None,
    title: str,
    job: Callable[[Reporter], T],
    *,
    text: str = "",
    writes: bool = False,
    bulk: bool = False,
    cancellable: bool = True,
    delay_ms: int = 300,
) -> T:
    """Run `job` on a worker thread and return its result, the GUI staying live.

    For commands that need the result before going on. A progress dialog with
    Cancel appears if the job takes longer than `delay_ms`; before that, input is
    held back (not lost) so nothing can be started meanwhile. Raises Cancelled if
    the user cancelled, or the job's own exception. `cancellable=False` shows no
    Cancel button (an undo, once begun, is finished).
    """
    task = Task(job, title, writes=writes, bulk=bulk, parent=parent)
    task.start()
    _wait(task, parent, title, text, cancellable, delay_ms)
    task.deleteLater()
    if task.state == "cancelled":
        raise Cancelled
    if task.state == "failed":
        raise task.error  # type: ignore[misc]
    return task.result


def _wait(
    task: Task, parent: QWidget | None, title: str, text: str, cancellable: bool, delay_ms: int
) -> None:
    loop = QEventLoop()
    task.ended.connect(loop.quit)
    if task.running:
        timer = QTimer(singleShot=True, interval=delay_ms)
        timer.timeout.connect(loop.quit)
        timer.start()
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        timer.stop()
    dialog: ProgressDialog | None = None
    if task.running:
        dialog = ProgressDialog(task, title, text, parent, cancellable)
        dialog.show()
        loop.exec()
    if dialog is not None:
        dialog.hide()
        dialog.deleteLater()
