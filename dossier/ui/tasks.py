"""The one way the window runs store calls and other long work off the GUI thread.

A `Task` runs `job(reporter)` on a worker thread with a `Reporter` (a
`dossier.progress.Progress` that also carries messages), and its end comes back
on the GUI thread as a signal: progress, cancel and errors travel one way for
every caller (imports, exports, capture, brief, backups, undo, encryption).
Cancel makes the reporter return False; the core function then raises
`Cancelled` and leaves nothing behind. `dossier.ui.task_progress` shows a task
(a panel in a dialog, or `run_modal` for a menu command that needs its result).

The store's connection is shared: while a task that writes runs (`writes=True`)
every other write from the GUI is refused (`busy()`), so nothing of the user's
lands in the task's transaction, and the lock waits for it.

Interpreter tuning made for a task (a shorter GIL switch interval, the cycle
collector paused for bulk work) is undone when the last task ends.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from dossier.progress import Cancelled
from dossier.said import in_language, said_by
from dossier.store.error_sets import STORE_ERRORS
from dossier.ui import i18n

log = logging.getLogger(__name__)


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


class _SwitchInterval:
    """The GIL switch interval shortened while any task runs, put back after (see Task.start)."""

    def __init__(self) -> None:
        self.saved: float | None = None

    def hold(self) -> None:
        if self.saved is None:
            self.saved = sys.getswitchinterval()
        sys.setswitchinterval(GIL_SWITCH_S)

    def release(self) -> None:
        if self.saved is not None:
            sys.setswitchinterval(self.saved)
            self.saved = None


_switch = _SwitchInterval()


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
        if not _running:
            _switch.hold()
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
            if not _running:
                _switch.release()  # the interpreter as it was before the first task
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
    return isinstance(exc, (ValueError, OSError, *STORE_ERRORS))


def error_text(exc: BaseException, lang: str | None = None) -> str:
    """A failure in one line for the user, in `lang` (default: the application's):
    the core's messages carry their Russian (dossier/said.py); an exception without
    words: its name."""
    return in_language(said_by(exc), lang or i18n.language()) or type(exc).__name__
