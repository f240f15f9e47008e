"""Every long operation of the GUI runs off the GUI thread, shows progress and can be
cancelled midway without leaving anything behind; the window stays usable after.

"Cancel midway" is pressed from the job's own progress report (the task's cancel
flag set at a chosen fraction of the work), so the test does not depend on how
fast the machine is; one test presses the real button.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dossier.ingest import trade_store
from dossier.model import OFFICIAL
from dossier.progress import Cancelled
from dossier.store import Store, open_store
from dossier.ui import import_dialogs, task_progress, tasks
from dossier.ui.task_progress import ProgressDialog, run_modal
from dossier.ui.tasks import Task, busy

pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PASS = "correct horse battery"


def counts(store: Store) -> dict[str, int]:
    tables = (
        "dossiers",
        "sources",
        "officials",
        "trade_figures",
        "projects",
        "talking_points",
        "events",
        "changes",
    )
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def cancel_at(monkeypatch: pytest.MonkeyPatch) -> Any:
    """cancel_at(0.5): the next task is cancelled when half its work is reported done,
    as if the user pressed Cancel then. Returns the progress reports seen."""
    seen: list[tuple[int, int]] = []

    def arm(fraction: float, writes_only: bool = True) -> list[tuple[int, int]]:
        real = tasks.Reporter.__call__

        def reporting(self: Any, done: int, total: int) -> bool:
            seen.append((done, total))
            task = self._task
            if (task.writes or not writes_only) and total and done >= total * fraction:
                task._cancel.set()
            return real(self, done, total)

        monkeypatch.setattr(tasks.Reporter, "__call__", reporting)
        return seen

    return arm


def progress_dialog_shown() -> ProgressDialog | None:
    """The progress dialog on screen, if one is."""
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ProgressDialog) and w.isVisible()
        ),
        None,
    )


def still_usable(window: Any) -> None:
    """Nothing is left running, and an ordinary edit saves."""
    assert busy() is None
    dossier = window.current_dossier()
    saved = window.ops.add(
        OFFICIAL.make(
            {"name": "Проверка Окна", "side": "host", "status": "current"}, dossier_id=dossier.id
        )
    )
    assert saved is not None
    assert saved.id


def daily_csv(folder: Path, days: int) -> Path:
    path = folder / "daily.csv"
    start = dt.date(1900, 1, 1)
    rows = [f"{start + dt.timedelta(days=n)};{n}.5;{n}.25" for n in range(days)]
    path.write_text("date;exports;imports\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def say_pair_and_currency(dialog: Any) -> None:
    """What the user says of a file that does not say whose trade it is, or its currency."""
    dialog.reporter_edit.setText("BY")
    dialog.partner_edit.setText("AZ")
    dialog.currency_edit.setText("USD")


def planned_trade_dialog(window: Any, qtbot: Any, path: Path) -> Any:
    window.import_actions = import_dialogs.install(window)
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(path)
    say_pair_and_currency(dialog)
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("1"))
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.preview_button.click()
    dialog.unit_confirm.setChecked(True)
    return dialog


# -- the shared mechanism -------------------------------------------------------------
def test_the_cancel_button_stops_a_job_and_the_bar_follows_it(window, qtbot) -> None:
    shown: list[ProgressDialog] = []

    def press_cancel() -> None:
        dialog = progress_dialog_shown()
        if dialog is None:
            QTimer.singleShot(20, press_cancel)
            return
        shown.append(dialog)
        qtbot.waitUntil(lambda: dialog.panel.bar.maximum() == 10)
        qtbot.mouseClick(dialog.panel.cancel_button, Qt.MouseButton.LeftButton)

    def job(progress: Any) -> str:
        n = 0
        while not progress.stopped:  # a long job, reporting as it goes
            progress(min(n, 9), 10)
            n += 1
            threading.Event().wait(0.01)
        progress.check()
        return "finished"

    QTimer.singleShot(0, press_cancel)
    with pytest.raises(Cancelled):
        run_modal(window, "A long job", job, delay_ms=50)
    assert shown
    assert shown[0].panel.bar.maximum() == 10
    assert busy() is None
    assert progress_dialog_shown() is None


def test_progress_reaches_the_end_when_not_cancelled(window, qtbot) -> None:
    task = Task(
        lambda progress: [progress(n, 500) for n in range(501)] and "done",
        "Counting",
        parent=window,
    )
    panel = task_progress.ProgressPanel(window)
    values: list[int] = []
    task.progressed.connect(lambda done, total: values.append(done))
    panel.follow(task)
    with qtbot.waitSignal(task.ended, timeout=10_000):
        task.start()
    assert task.state == "done"
    assert task.result == "done"
    assert values[-1] == 500
    assert panel.bar.value() == panel.bar.maximum() == 500
    assert len(values) < 100  # throttled: the GUI is not flooded with 500 signals
    assert not panel.isVisible()


def test_edits_wait_while_an_import_writes(window, qtbot, monkeypatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    release = threading.Event()
    task = Task(
        lambda _progress: release.wait(10), "Import trade table", writes=True, parent=window
    ).start()
    dossier = window.current_dossier()
    before = window.store.officials.count(dossier.id)
    assert (
        window.ops.add(
            OFFICIAL.make(
                {"name": "Новый Человек", "side": "host", "status": "current"},
                dossier_id=dossier.id,
            )
        )
        is None
    )
    assert "Import trade table" in told[0]
    assert window.store.officials.count(dossier.id) == before
    with qtbot.waitSignal(task.ended, timeout=10_000):
        release.set()
    still_usable(window)


# -- each operation, cancelled midway -----------------------------------------------
def test_trade_import_cancelled_while_writing(
    window, qtbot, tmp_path, cancel_at, monkeypatch
) -> None:
    monkeypatch.setattr(trade_store, "INSERT_CHUNK", 400)
    dialog = planned_trade_dialog(window, qtbot, daily_csv(tmp_path, 2000))
    assert len(dialog.plan.figures) == 4000
    before = counts(window.store)
    logged = window.store.history(limit=1000)
    seen = cancel_at(0.75)  # half the rows inserted
    assert dialog.do_import() is None
    assert counts(window.store) == before
    assert any(done > 4000 for done, _ in seen)  # it was inserting when cancelled
    assert "Cancelled" in dialog.message.text()
    assert window.store.history(limit=1000) == logged  # nothing for Undo to take back
    assert dialog.isVisible()  # the user may change something and import again
    still_usable(window)
    dialog.close()


def test_trade_import_completes_with_progress_to_the_end(window, qtbot, tmp_path) -> None:
    dialog = planned_trade_dialog(window, qtbot, daily_csv(tmp_path, 1000))
    reports: list[tuple[int, int]] = []
    tasks.started_hooks.append(
        lambda task: task.progressed.connect(lambda done, total: reports.append((done, total)))
    )
    try:
        result = dialog.do_import()
    finally:
        tasks.started_hooks.clear()
    assert result.added == 2000
    assert reports[-1] == (4000, 4000)
    window.undo_log.undo()
    assert window.store.trade.count(window.current_dossier().id) == 4  # the sample's
    dialog.close()


def test_trade_planning_cancelled_keeps_no_plan(window, qtbot, tmp_path, cancel_at) -> None:
    window.import_actions = import_dialogs.install(window)
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(daily_csv(tmp_path, 5000))
    say_pair_and_currency(dialog)
    cancel_at(0.2, writes_only=False)
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.preview_button.click()
    assert dialog.plan is None
    assert dialog.message.text() == "Cancelled."
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_button.isEnabled()
    dialog.close()


def test_officials_import_cancelled_while_writing(window, tmp_path, cancel_at) -> None:
    window.import_actions = import_dialogs.install(window)
    names = "\n".join(f"Person Number{n},Minister of Things {n}" for n in range(200))
    path = tmp_path / "people.csv"
    path.write_text("name,position\n" + names + "\n", encoding="utf-8")
    dialog = import_dialogs.open_officials_dialog(window)
    assert dialog.load(path)
    assert dialog.message.text().startswith("200 new")
    before = counts(window.store)
    cancel_at(0.5)
    assert dialog.do_import() is None
    assert counts(window.store) == before  # no official, no source, no audit row
    assert "Cancelled" in dialog.message.text()
    still_usable(window)
    dialog.close()


def test_factbook_cancelled_creates_no_dossier(window, cancel_at) -> None:
    window.import_actions = import_dialogs.install(window)
    before = counts(window.store)
    cancel_at(0.6)
    assert (
        import_dialogs.import_factbook(window, FIXTURES / "bo_excerpt.json", confirm=False) is None
    )
    assert counts(window.store) == before
    assert window.current_dossier().code == "AZ"
    still_usable(window)


def test_export_cancelled_leaves_the_old_file(window, tmp_path, cancel_at, monkeypatch) -> None:
    from dossier.store import connection

    monkeypatch.setattr(connection, "KDF_ITER", 2000)
    window.import_actions = import_dialogs.install(window)
    out = tmp_path / "az.dossier"
    out.write_bytes(b"last week's copy")
    cancel_at(0.5, writes_only=False)
    assert not import_dialogs.export_current(window, out, PASS)
    assert sorted(tmp_path.iterdir()) == [out]  # no half-written file beside it
    assert out.read_bytes() == b"last week's copy"
    assert "not written" in window.statusBar().currentMessage()
    still_usable(window)


def test_merge_cancelled_writes_nothing(window, qtbot, tmp_path, cancel_at, monkeypatch) -> None:
    from dossier.exports.exchange_writer import export_dossier
    from dossier.store import connection, memory_store

    monkeypatch.setattr(connection, "KDF_ITER", 2000)
    window.import_actions = import_dialogs.install(window)
    path = tmp_path / "az.dossier"
    export_dossier(window.store, window.current_dossier(), path, PASS)
    # Into an empty store: the merge adds every record, one by one.
    window.set_store(memory_store())
    dialog = import_dialogs.open_merge(window, path, PASS)
    before = counts(window.store)
    cancel_at(0.5)
    assert dialog.do_merge() is None
    assert counts(window.store) == before
    assert dialog.isVisible()
    assert "Cancelled" in dialog.summary.text()
    operations_before = len(window.store.history(limit=1000))
    with qtbot.waitSignal(dialog.merged):
        monkeypatch.undo()  # the user merges after all
        monkeypatch.setattr(connection, "KDF_ITER", 2000)
        dialog.merge_button.click()
    assert window.store.dossiers.count() == 1
    assert len(window.store.history(limit=1000)) == operations_before + 1
    assert window.undo_log.undo_text() == "merge of a dossier file"


def test_capture_cancelled_reads_nothing_and_can_run_again(window, qtbot, cancel_at) -> None:
    from dossier.ui import capture_dialog

    window.capture_action = capture_dialog.install(window)
    window.capture_action.trigger()
    dialog = window.capture_dialog
    dialog.text_edit.setPlainText(
        "President Ilham Aliyev met Ambassador Nikolai Patskevich in Baku."
    )
    before = counts(window.store)
    cancel_at(0.3, writes_only=False)
    with qtbot.waitSignal(dialog.analysed, timeout=60_000):
        dialog.analyse_button.click()
    assert "Cancelled" in dialog.message.text()
    assert dialog.capture is None
    assert dialog.tree.topLevelItemCount() == 0
    assert not dialog.accept_button.isEnabled()
    assert dialog.analyse_button.isEnabled()
    assert counts(window.store) == before
    dialog.close()


def test_brief_save_cancelled_writes_no_file(window, qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from dossier.ui import brief_dialog

    window.export_brief_action = brief_dialog.install(window)
    window.export_brief_action.trigger()
    dialog = window.brief_dialog
    with qtbot.waitSignal(dialog.preview_ready, timeout=30_000):
        pass
    target = tmp_path / "brief.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF files (*.pdf)")
    )
    release = threading.Event()
    real_build = brief_dialog.build_brief

    def slow_build(*args: Any, **kwargs: Any) -> bytes:
        release.wait(10)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(brief_dialog, "build_brief", slow_build)
    dialog.form.title_edit.setText("Changed: the preview is behind, saving builds again")
    dialog._debounce.stop()

    def press_cancel() -> None:
        dialog = progress_dialog_shown()
        if dialog is None:
            QTimer.singleShot(20, press_cancel)
            return
        dialog.panel.cancel_button.click()
        release.set()

    QTimer.singleShot(0, press_cancel)
    assert dialog.save() is None
    assert list(tmp_path.iterdir()) == []
    assert dialog.saved_path is None
    assert "not written" in dialog.message.text()
    monkeypatch.setattr(brief_dialog, "build_brief", real_build)
    assert dialog.save() == target
    assert target.stat().st_size > 10_000
    dialog.close()


def test_brief_preview_cancelled_keeps_the_earlier_preview(window, qtbot, monkeypatch) -> None:
    from dossier.ui import brief_dialog

    window.export_brief_action = brief_dialog.install(window)
    window.export_brief_action.trigger()
    dialog = window.brief_dialog
    with qtbot.waitSignal(dialog.preview_ready, timeout=30_000):
        pass
    shown = dialog.pdf_bytes
    release = threading.Event()
    real_build = brief_dialog.build_brief
    monkeypatch.setattr(
        brief_dialog, "build_brief", lambda *a, **k: release.wait(10) and real_build(*a, **k)
    )
    dialog.refresh_preview()
    qtbot.waitUntil(dialog.progress.isVisible, timeout=5_000)
    dialog.cancel_button.click()
    with qtbot.waitSignal(dialog.task.ended, timeout=30_000):
        release.set()
    assert dialog.pdf_bytes is shown
    assert "Cancelled" in dialog.message.text()
    assert not dialog.progress.isVisible()
    dialog.close()


def test_backup_cancelled_leaves_no_file_and_the_app_works_on(
    qtbot, store_file, monkeypatch, cancel_at
) -> None:
    from dossier.store import backup
    from dossier.ui import backups, i18n
    from dossier.ui.main_window import MainWindow

    monkeypatch.setattr(backup, "BACKUP_PAGES", 2)
    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 10**7)
    i18n.install("en")
    store = open_store(store_file)
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    keeper = backups.install(window)
    cancel_at(0.4, writes_only=False)
    task = keeper.start_backup(store)
    with qtbot.waitSignal(task.ended, timeout=20_000):
        pass
    assert task.state == "cancelled"
    assert list(backup.backup_dir(store_file).iterdir()) == []
    assert not keeper.panel.isVisible()
    still_usable(window)
    keeper._release()
    window.close()
    store.close()


def test_the_auto_lock_waits_for_a_running_import(qtbot, tmp_path, monkeypatch) -> None:
    from dossier.store import connection
    from dossier.store.sample import load_sample
    from dossier.ui import backups, i18n
    from dossier.ui.app import make_window

    monkeypatch.setattr(connection, "KDF_ITER", 2000)
    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 10**7)
    i18n.install("en")
    store = open_store(tmp_path / "secret.db", passphrase=PASS)
    load_sample(store)
    window = make_window(store, "en")
    qtbot.addWidget(window)
    release = threading.Event()
    task = Task(
        lambda _progress: release.wait(10), "Import trade table", writes=True, parent=window
    ).start()
    assert window.locker.lock()
    # Not yet: closing the store now would cut the import's transaction short.
    assert not window.locker.locked
    assert window.store is store
    assert "Import trade table" in window.statusBar().currentMessage()
    with qtbot.waitSignal(task.ended, timeout=10_000):
        release.set()
    qtbot.waitUntil(lambda: window.locker.locked, timeout=10_000)
    assert window.store is None
    window.locker.dialog.reject()


@pytest.mark.parametrize("cancel", [True, False])
def test_restore_or_its_cancel_reopens_the_store(
    qtbot, store_file, monkeypatch, cancel_at, cancel
) -> None:
    import dataclasses

    from PySide6.QtWidgets import QDialog

    from dossier.store import backup
    from dossier.ui import backups, i18n
    from dossier.ui.main_window import MainWindow

    monkeypatch.setattr(backups, "OPEN_BACKUP_DELAY_MS", 10**7)
    i18n.install("en")
    store = open_store(store_file)
    made = backup.make_backup(store)
    store.dossiers.add(
        dataclasses.replace(store.dossiers.list()[0], id=None, code="BY", name="Беларусь")
    )  # after the backup
    window = MainWindow(store, "en")
    qtbot.addWidget(window)
    keeper = backups.install(window)

    def choose(dialog: Any) -> Any:
        dialog.chosen = next(b for b in dialog.backups if b.path == made.path)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(backups.RestoreDialog, "exec", choose)
    if cancel:
        cancel_at(0.8, writes_only=False)  # while the backup is copied over the store
    keeper.restore()
    reopened = window.store
    assert reopened is not None
    assert reopened is not store
    codes = sorted(d.code for d in reopened.dossiers.list())
    if cancel:
        assert codes == ["AZ", "BY"]  # as it was
        assert "Nothing was restored" in window.statusBar().currentMessage()
    else:
        assert codes == ["AZ"]  # as backed up
        assert "Restored the backup" in window.statusBar().currentMessage()
    assert not [p for p in store_file.parent.iterdir() if p.name.endswith(".part")]
    keeper._release()
    window.close()
    reopened.close()


def test_a_job_reporting_often_reaches_the_window_a_few_times_a_second(qtbot: Any) -> None:
    # A brief lays out more parts than it counted; reporting "all done" after each
    # of them kept the GUI thread answering a report every few milliseconds.
    elapsed = []

    def job(progress: Any) -> str:
        start = time.monotonic()
        for i in range(3000):
            progress(min(i, 100), 100)
        elapsed.append(time.monotonic() - start)
        return "done"

    task = Task(job, "many reports")
    got: list[tuple[int, int]] = []
    task.progressed.connect(lambda done, total: got.append((done, total)))
    with qtbot.waitSignal(task.ended, timeout=10_000):
        task.start()
    assert task.result == "done"
    assert got[-1] == (100, 100)  # the end is shown
    # One report per EMIT_EVERY_S at most, plus the end once.
    assert len(got) <= 2 + elapsed[0] / tasks.EMIT_EVERY_S
