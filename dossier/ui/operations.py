"""Every write the UI makes: one store call, an undo entry, views refreshed, errors shown;
and the one way long operations run off the GUI thread.

Slots stay one line (`window.ops.delete(record)`); a failure becomes a message
box worded for the user and leaves the store as it was.

Long operations (imports, exports, capture, brief, backups) are `Task`s: the job
runs on a worker thread with a `Reporter` (a `dossier.progress.Progress` that also
carries messages), and its end comes back on the GUI thread as a signal. A
dialog shows one in its own `ProgressPanel` (bar and Cancel); a menu command
that must finish before the next line runs uses `run_modal`, which keeps the
event loop turning behind a progress dialog. Cancel makes the reporter return
False; the core function then raises `Cancelled` and leaves nothing behind.

The store's connection is shared: while a task that writes runs (`writes=True`)
every other write from the GUI is refused (`busy()`), so nothing of the user's
lands in the task's transaction, and the lock waits for it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier.fields import ValidationError
from dossier.model import (
    DOSSIER,
    EVENT,
    OFFICIAL,
    PROJECT,
    SOURCE,
    TALKING_POINT,
    TRADE,
    EntitySpec,
    spec_for,
)
from dossier.progress import Cancelled
from dossier.store import Store, StoreError
from dossier.ui.commands import AddRecord, DeleteRecords, EditRecord, MovePoint
from dossier.ui.describe import record_title
from dossier.ui.i18n import tr

T = TypeVar("T")
log = logging.getLogger(__name__)


class Operations:
    """The window's writes. `window` provides store, undo_stack, lang and record_changed()."""

    def __init__(self, window: Any):
        self.window = window

    # -- plumbing ------------------------------------------------------------
    @property
    def store(self) -> Store:
        return self.window.store

    @property
    def parent(self) -> QWidget:
        return self.window

    def _notify(self, spec: EntitySpec, record_id: int | None, dossier_id: int | None) -> None:
        self.window.record_changed(spec, record_id, dossier_id)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(
            self.parent,
            tr("Could not undo or redo"),
            tr("The store has changed since this action:") + f"\n{message}",
        )
        self.window.refresh()

    def run(self, action: Callable[[], T]) -> T | None:
        """Do a store call; on failure tell the user and return None (nothing changed)."""
        running = busy()
        if running is not None:
            # Its transaction is open on the same connection: this write would land
            # in it (and be rolled back with it on Cancel).
            QMessageBox.information(
                self.parent,
                tr("Not saved"),
                tr("Wait until “%s” has finished, then try again.") % running.title,
            )
            return None
        try:
            return action()
        except ValidationError:
            raise  # forms show these at the field
        except (StoreError, sqlite3.Error, OSError) as exc:
            QMessageBox.warning(self.parent, tr("Not saved"), str(exc))
            return None

    def _label(self, spec: EntitySpec) -> str:
        return spec.label(self.window.lang).lower()

    def _title(self, spec: EntitySpec, record: Any) -> str:
        return record_title(spec, record, self.window.lang)

    # -- writes ----------------------------------------------------------------
    def add(self, record: Any) -> Any:
        """Store a new record (validated by the caller's form); undoable."""
        spec = spec_for(record)
        saved = self.run(lambda: self.store.repo(spec).add(record))
        if saved is None:
            return None
        self.window.undo_stack.push(
            AddRecord(
                self.store, saved, tr("Add %s") % self._label(spec), self._notify, self._failed
            )
        )
        self._notify(spec, saved.id, _dossier_of(saved))
        self.window.status(tr("Added: %s") % _short(self._title(spec, saved), 80))
        return saved

    def update(self, old: Any, new: Any) -> Any:
        spec = spec_for(new)
        saved = self.run(lambda: self.store.repo(spec).update(new))
        if saved is None:
            return None
        if saved != old:
            self.window.undo_stack.push(
                EditRecord(
                    self.store,
                    old,
                    saved,
                    tr("Edit %s") % self._label(spec),
                    self._notify,
                    self._failed,
                )
            )
        self._notify(spec, saved.id, _dossier_of(saved))
        self.window.status(tr("Saved: %s") % _short(self._title(spec, saved), 80))
        return saved

    def delete(self, record: Any, *, confirm: bool = True) -> bool:
        """Delete a record after asking; what cites it is unlinked or removed as chosen."""
        spec = spec_for(record)
        removed, relinked = [record], []
        if spec is DOSSIER:
            removed = [*self._dossier_contents(record.id), record]
            question = tr("Delete the dossier “%s” with everything in it?") % record.name
        elif spec is OFFICIAL:
            points = self.store.talking_points.list(where="audience_id = ?", params=[record.id])
            if points:
                choice = self._ask_official(record, len(points))
                if choice is None:
                    return False
                if choice == "delete":
                    removed = [*points, record]
                else:
                    relinked = points
                confirm = False  # that dialog was the confirmation
            question = tr("Delete “%s”?") % spec.title_of(record)
        elif spec is SOURCE:
            relinked = [r for _, r in self.store.citing(record.id)]
            question = tr("Delete the source “%s”?") % _short(record.title)
            if relinked:
                question += "\n\n" + tr(
                    "%d facts cite it; they will keep their content but lose the citation."
                ) % len(relinked)
        else:
            from dossier.ui.describe import record_title

            # The whole line ("Turnover, 2012, USD 223.3 million"), not just the title
            # field: two trade rows of one year share their start date.
            title = record_title(spec, record, self.window.lang)
            question = tr("Delete this %s?") % self._label(spec) + "\n\n" + _short(title)
        if (
            confirm
            and QMessageBox.question(
                self.parent,
                tr("Delete"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False

        def delete_all() -> bool:
            with self.store.transaction():
                for r in removed:
                    self.store.repo(spec_for(r)).delete(r.id)
            return True

        if not self.run(delete_all):
            return False
        self.window.undo_stack.push(
            DeleteRecords(
                self.store,
                removed,
                relinked,
                tr("Delete %s") % self._label(spec),
                self._notify,
                self._failed,
            )
        )
        self._notify(spec, None, _dossier_of(record))
        self.window.status(
            tr("Deleted: %s (Ctrl+Z brings it back)") % _short(self._title(spec, record), 80)
        )
        return True

    def move_point(self, point: Any, new_index: int) -> bool:
        """Put a talking point at `new_index` of its dossier's order; undoable."""
        order = [p.id for p in self.store.talking_points.list(point.dossier_id)]
        old_index = order.index(point.id)
        if new_index == old_index or not 0 <= new_index < len(order):
            return False

        def move() -> bool:
            self.store.talking_points.move(point.id, new_index)
            return True

        if not self.run(move):
            return False
        self.window.undo_stack.push(
            MovePoint(
                self.store,
                point,
                old_index,
                new_index,
                tr("Move talking point"),
                self._notify,
                self._failed,
            )
        )
        self._notify(TALKING_POINT, point.id, point.dossier_id)
        return True

    # -- helpers ----------------------------------------------------------------
    def _dossier_contents(self, dossier_id: int) -> list[Any]:
        # Deleted children first, so re-adding in reverse restores sources before
        # the facts that cite them and officials before the points aimed at them.
        out: list[Any] = []
        for spec in (TALKING_POINT, EVENT, PROJECT, TRADE, OFFICIAL, SOURCE):
            out += self.store.repo(spec).list(dossier_id)
        return out

    def _ask_official(self, official: Any, count: int) -> str | None:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Delete official"))
        box.setText(tr("%n talking point(s) addressed to “%s”.", None, count) % official.name)
        box.setInformativeText(
            tr(
                "Keep those points (they will be addressed to no one), "
                "or delete them together with the official?"
            )
        )
        keep = box.addButton(tr("Keep the points"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(tr("Delete the points too"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return "keep"
        if clicked is drop:
            return "delete"
        return None


def _dossier_of(record: Any) -> int | None:
    if spec_for(record) is DOSSIER:
        return record.id
    return getattr(record, "dossier_id", None)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- long operations off the GUI thread -----------------------------------------------
# Progress reaches the GUI at most this often: a signal per row would flood the
# event loop it is meant to keep free.
EMIT_EVERY_S = 0.05
GIL_SWITCH_S = 0.001  # see Task.start
_running: list[Task] = []  # started and not yet ended (GUI thread only)
# Called with every task as it starts (tests and benchmarks watch them).
started_hooks: list[Callable[[Task], None]] = []


class _GcPause:
    """Python's cycle collector paused while bulk tasks run (GUI thread only).

    Reading a 70,000-row table, storing 140,000 figures or laying out a brief
    makes hundreds of thousands of objects; every full collection meanwhile walks
    them all (and everything the app holds) with the GIL held, on whichever thread
    allocates: 50-400 ms in which the GUI thread cannot run. Such data is mostly
    acyclic (freed by reference counting), so the collector waits until the task
    ends. Then everything made meanwhile is moved straight to the oldest
    generation (freeze, unfreeze: two list splices), rather than left young, where
    the next collection would walk all of it at once on the GUI thread; the oldest
    generation is walked again only after it has grown by a quarter, and its
    garbage is still collected then.
    """

    def __init__(self) -> None:
        self.holders = 0
        self.was_enabled = True

    def hold(self) -> None:
        if self.holders == 0:
            self.was_enabled = gc.isenabled()
            gc.disable()
        self.holders += 1

    def release(self) -> None:
        self.holders -= 1
        if self.holders == 0:
            gc.freeze()
            gc.unfreeze()
            if self.was_enabled:
                gc.enable()


_gc_pause = _GcPause()


def any_running() -> bool:
    """True while any task (reading or writing) uses the store's connection."""
    return bool(_running)


def busy() -> Task | None:
    """The running task that writes to the store, if any."""
    return next((t for t in _running if t.writes), None)


def finish_all() -> None:
    """Cancel every running task and wait until each has ended: before the store they
    read is closed (a connection closed under a running query can crash the process).
    Each stops at its next progress report (an import's next rows, a brief's next
    laid-out part)."""
    for task in list(_running):
        task.cancel()
        task.wait(None)


class Reporter:
    """What a job gets: call it with (done, total) as work goes on; False means stop.

    `say(message)` shows a line of text; `check()` raises Cancelled once the user
    has cancelled (for jobs with no counts to report).
    """

    def __init__(self, task: Task):
        self._task = task
        self._last = 0.0
        self._sent = (-1, -1)

    def __call__(self, done: int, total: int) -> bool:
        # At most one report per EMIT_EVERY_S, and the end at once, but once only: a
        # brief lays out more parts than it counted, and reporting "all done" after
        # each of them kept the GUI thread handling a report every few milliseconds,
        # each waiting for its turn at the GIL (ticks 100 ms late in stalls.py).
        now = time.monotonic()
        end = bool(total) and done >= total and (done, total) != self._sent
        if now - self._last >= EMIT_EVERY_S or end:
            self._last = now
            self._sent = (done, total)
            self._task._emit(self._task._progressed_from_worker, done, total)
        return not self.stopped

    def say(self, message: str) -> bool:
        self._task._emit(self._task._said_from_worker, message)
        return not self.stopped

    @property
    def stopped(self) -> bool:
        return self._task._cancel.is_set()

    def check(self) -> None:
        if self.stopped:
            raise Cancelled


class Task(QObject):
    """One long operation: `job(reporter)` on a worker thread, its end on the GUI thread.

    Exactly one of succeeded(result), failed(exception), cancelled() is emitted,
    then ended(). `writes=True`: the job writes to the store; other writes wait.
    `bulk=True`: it makes many objects (a big table, a brief): see _GcPause.
    """

    progressed = Signal(int, int)  # done, total (0: not known)
    said = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()
    _progressed_from_worker = Signal(int, int)
    _said_from_worker = Signal(str)
    _ended_from_worker = Signal(str, object)

    def __init__(
        self,
        job: Callable[[Reporter], Any],
        title: str = "",
        *,
        writes: bool = False,
        bulk: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.job = job
        self.title = title
        self.writes = writes
        self.bulk = bulk
        self.state = "ready"  # running, done, failed, cancelled
        self.result: Any = None
        self.error: BaseException | None = None
        self.last_progress = (0, 0)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._progressed_from_worker.connect(self._on_progress)
        self._said_from_worker.connect(self.said)
        self._ended_from_worker.connect(self._finish)

    @property
    def running(self) -> bool:
        return self.state == "running"

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> Task:
        # A busy worker keeps the GIL for Python's whole switch interval (5 ms) and
        # often wins it back before the GUI thread gets a turn: timers and repaints
        # then waited 150-300 ms during a 140,000-figure import. Handing it over
        # every millisecond kept the longest stall under 70 ms at no measurable cost
        # to the import's own time (benchmarks/stalls.py).
        sys.setswitchinterval(GIL_SWITCH_S)
        self.state = "running"
        self._cancel.clear()
        _running.append(self)
        if self.bulk:
            _gc_pause.hold()
        for hook in list(started_hooks):
            hook(self)
        reporter = Reporter(self)

        def work() -> None:
            try:
                result = self.job(reporter)
            except Cancelled:
                self._emit(self._ended_from_worker, "cancelled", None)
            except Exception as exc:  # shown to the user by whoever started the task
                if not _expected(exc):
                    log.exception("%s failed", self.title or "task")
                self._emit(self._ended_from_worker, "failed", exc)
            else:
                # Cancel pressed after the last check: the work is done (and kept).
                self._emit(self._ended_from_worker, "done", result)

        self._thread = threading.Thread(target=work, name=self.title or "task", daemon=True)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop (it does at its next progress report)."""
        if self.running:
            self._cancel.set()

    def wait(self, timeout: float | None = 120.0) -> bool:
        """Block until the job has ended and its signals have been sent; True if it has."""
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                return False
        # The end travels as a queued signal; deliver it now rather than later.
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents(self)
        return not self.running

    def _emit(self, signal: Any, *args: Any) -> None:
        # RuntimeError: the task's owner is gone (a closed dialog); nobody listens.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def _on_progress(self, done: int, total: int) -> None:
        self.last_progress = (done, total)
        self.progressed.emit(done, total)

    def _finish(self, state: str, value: Any) -> None:
        if self.state != "running":
            return
        self.state = state
        if self in _running:
            _running.remove(self)
        if self.bulk:
            _gc_pause.release()
        if state == "done":
            self.result = value
            self.succeeded.emit(value)
        elif state == "failed":
            self.error = value
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.ended.emit()


def _expected(exc: Exception) -> bool:
    """Errors a user can cause (bad file, full disk, wrong passphrase): no traceback."""
    return isinstance(exc, (ValueError, OSError, StoreError, sqlite3.Error))


def error_text(exc: BaseException) -> str:
    """A failure in one line for the user (an exception without words: its name)."""
    return str(exc) or type(exc).__name__


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
