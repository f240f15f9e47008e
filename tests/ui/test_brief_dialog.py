"""File > Export brief…: options, live preview, save, print."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog

from dossier.brief import SECTIONS
from dossier.ui import brief_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(window, qtbot):
    window.export_brief_action = brief_dialog.install(window)
    window.export_brief_action.trigger()
    dlg = window.brief_dialog
    assert dlg is not None
    qtbot.waitUntil(
        lambda: dlg.document.status() == QPdfDocument.Status.Ready and dlg.document.pageCount() > 0,
        timeout=30_000,
    )
    yield dlg
    dlg.close()


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_menu_entry_opens_a_dialog_with_a_preview(window, dialog) -> None:
    assert window.export_brief_action.isEnabled()
    assert window.export_brief_action in window.menu("file").actions()
    assert dialog.document.pageCount() >= 5
    assert dialog.isVisible()
    # Defaults: every current official and every approved point is ticked.
    officials = dialog.form.officials_list
    assert officials.count() == 3
    assert len(officials.checked_ids()) == 3
    assert dialog.options().official_ids is None  # the brief's own default choice
    assert dialog.form.marking_edit.text() == "ДСП"


def test_options_change_the_preview(dialog, qtbot) -> None:
    pages_before = dialog.document.pageCount()
    with qtbot.waitSignal(dialog.preview_ready, timeout=30_000):
        for name in ("trade", "projects", "interlocutors"):
            dialog.form.section_checks[name].setChecked(False)
    assert dialog.document.pageCount() < pages_before
    assert dialog.built_for.sections == tuple(
        s for s in SECTIONS if s not in ("trade", "projects", "interlocutors")
    )


def test_save_writes_the_brief_with_the_chosen_options(
    dialog, qtbot, tmp_path, monkeypatch
) -> None:
    answers = [("", ""), (str(tmp_path / "visit"), "PDF files (*.pdf)")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: answers.pop(0))
    opened: list[str] = []
    monkeypatch.setattr(
        brief_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    qtbot.keyClicks(dialog.form.title_edit, "Official visit to Baku")
    dialog.form.releasable_check.setChecked(True)
    dialog.open_after_check.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # cancelled
    assert dialog.saved_path is None
    assert not list(tmp_path.iterdir())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "visit.pdf"
    assert dialog.saved_path == saved
    assert opened == [str(saved)]
    text = _pdf_text(saved)
    assert "Official visit to Baku" in text
    english = dialog.options().lang == "en"  # the window's language (issue 19: in English)
    assert ("Significantly increase" if english else "Значительно нарастить") in text
    assert "joint venture to sell" not in text  # the background-only point, in English
    assert "совместной структуры по реализации" not in text


def test_print_paints_every_page(dialog, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.document.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000


def test_action_is_disabled_without_a_dossier(window) -> None:
    window.export_brief_action = brief_dialog.install(window)
    window.set_store(None)
    assert not window.export_brief_action.isEnabled()
    assert brief_dialog.open_dialog(window) is None


def test_a_slow_build_shows_progress_then_hides_it(dialog, qtbot, monkeypatch) -> None:
    import threading

    release = threading.Event()
    real_build = brief_dialog.build_brief

    def slow_build(*args, **kwargs):
        release.wait(10)  # held until the progress bar has been seen
        return real_build(*args, **kwargs)

    monkeypatch.setattr(brief_dialog, "build_brief", slow_build)
    dialog.refresh_preview()
    qtbot.waitUntil(dialog.progress.isVisible, timeout=5_000)
    with qtbot.waitSignal(dialog.preview_ready, timeout=30_000):
        release.set()
    assert not dialog.progress.isVisible()


def test_unticking_an_official_leaves_them_out(dialog, qtbot) -> None:
    officials = dialog.form.officials_list
    first = officials.model().index(0)
    with qtbot.waitSignal(dialog.preview_ready, timeout=30_000):
        officials.set_checked(0, False)
    assert officials.model().data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert len(dialog.options().official_ids) == 2
    assert dialog.built_for.official_ids == dialog.options().official_ids
    assert officials.items.ids[0] not in officials.checked_ids()


def test_the_dialog_remembers_title_place_dates_and_language(window, qtbot) -> None:
    from dossier.ui import settings

    assert str(settings.settings_path()).startswith(str(Path.home()))  # a test's own folder
    window.export_brief_action = brief_dialog.install(window)
    window.export_brief_action.trigger()
    first = window.brief_dialog
    assert first.focusWidget() is first.form.title_edit  # typing starts at the title
    first.form.title_edit.setText("Official visit to Baku")
    first.form.place_edit.setText("Baku")
    first.form.dates_edit.setText("25–26 November")
    first.form.lang_combo.setCurrentIndex(first.form.lang_combo.findData("ru"))
    first.close()
    window.export_brief_action.trigger()
    second = window.brief_dialog
    assert second is not first
    assert second.form.title_edit.text() == "Official visit to Baku"
    assert second.form.place_edit.text() == "Baku"
    assert second.form.dates_edit.text() == "25–26 November"
    assert second.form.lang_combo.currentData() == "ru"
    second.close()


def test_a_dialog_closed_at_once_starts_no_build(window, qtbot) -> None:
    """Closed before its first build began, the dialog still started one 50 ms later,
    reading a store that was closing: the test run crashed (a segfault in CI)."""
    from dossier.ui import tasks
    from dossier.ui.brief_dialog import BriefDialog

    dialog = BriefDialog(window.store, window.current_dossier(), "en", window)
    dialog.show()
    dialog.close()
    qtbot.wait(300)
    assert dialog.task is None
    assert not tasks.any_running()


def test_closing_the_window_mid_build_ends_the_build_first(window, qtbot) -> None:
    """The window closing while a brief builds waits for the build to stop: the app
    closes the store next, and a query running under a closing connection crashes."""
    from dossier.ui import tasks
    from dossier.ui.brief_dialog import BriefDialog

    dialog = BriefDialog(window.store, window.current_dossier(), "en", window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.task is not None, timeout=5_000)
    assert tasks.any_running()
    window.close()
    assert not tasks.any_running()
