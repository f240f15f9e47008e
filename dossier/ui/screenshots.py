"""Pictures of the app for people without a screen: every tab, every form, the search."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from dossier.model import DOSSIER, DOSSIER_PARTS
from dossier.store import Store, open_store
from dossier.ui import i18n, settings
from dossier.ui.app import make_app, make_window, sample_store
from dossier.ui.chart_pane import wait_for_chart_modules

SIZE = (1280, 820)
SEARCH_WORDS = {"en": "Алиев", "ru": "товарооборот"}


def _settle(app: QApplication, widget: QWidget | None = None) -> None:
    for _ in range(3):
        app.processEvents()
    if widget is not None:
        widget.repaint()


def _save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise OSError(f"Could not write {path}")
    return path


def write_screenshots(out: Path, langs: list[str], store_path: str | None = None) -> list[Path]:
    """PNG files of the main window on each tab, each edit form and the search results."""
    out.mkdir(parents=True, exist_ok=True)
    previous = qInstallMessageHandler(_quiet)
    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        try:
            written: list[Path] = []
            for lang in langs:  # each language from fresh settings, as on a first run
                settings.use_file(Path(tmp) / f"settings-{lang}.ini")
                written += _shoot(app, out, [lang], store_path)
            return written
        finally:
            settings.use_file(None)
            qInstallMessageHandler(previous)


def _quiet(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # Offscreen windows cannot pass size hints to a window system; it says so for
    # every window. Anything else is worth seeing.
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def _shoot_states(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """The states of issue 21: the row menu, officials filtered to current ones, the
    window at 1024x700 with the list open and shut, and the user manual (F1)."""
    written = []
    window.show_tab(0)
    tab = window.tabs["official"]
    tab.quick_filters.choose("status", "current")
    tab.view.selectRow(0)
    menu = tab.show_row_menu(tab.view.visualRect(tab.model.index(0, 0)).center())
    _settle(app, window)
    written.append(_save(window, out / f"{lang}-officials-current-only.png"))
    written.append(_save(menu, out / f"{lang}-row-menu.png"))
    menu.close()
    tab.quick_filters.clear()
    window.resize(1024, 700)
    _settle(app, window)  # the list open: every column still in sight
    written.append(_save(window, out / f"{lang}-1024x700.png"))
    window.splitter.setSizes([0, 1024])
    _settle(app, window)
    written.append(_save(window, out / f"{lang}-1024x700-list-shut.png"))
    window.splitter.setSizes([250, SIZE[0] - 250])
    window.resize(*SIZE)
    window.show_manual()
    _settle(app, window._help)
    written.append(_save(window._help, out / f"{lang}-manual.png"))
    window._help.close()
    written += _shoot_more_states(app, window, out, lang)
    written += _shoot_dialogs(app, window, out, lang)
    written += _shoot_with_content(app, window, out, lang)
    return written


def _shoot_with_content(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """File > Open recent with two stores, and the duplicate finder with one person
    entered twice, in Cyrillic and in Latin letters (the other shots show them empty)."""
    from dossier.model import OFFICIAL
    from dossier.ui import recent_stores
    from dossier.ui.duplicates import DuplicatesDialog

    written = []
    recent = getattr(window, "recent_menu", None)
    if recent is not None:
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("azerbaijan-2024.db", "kazakhstan-archive.db"):
                (Path(tmp) / name).touch()
                recent_stores.remember(Path(tmp) / name)
            recent.fill()
            recent.popup(window.mapToGlobal(window.rect().center()))
            _settle(app, recent)
            written.append(_save(recent, out / f"{lang}-open-recent-two-stores.png"))
            recent.close()
            recent_stores.forget_all()
    store, dossier = window.store, window.current_dossier()
    if store is None or dossier is None or store.path is not None:
        return written  # only the throwaway sample store gets made-up people
    for name, extra in (
        ("Эльмар Мамедъяров", {"position": "Министр иностранных дел"}),
        ("Elmar Mammadyarov", {"birth_date": "1960-07-02"}),
    ):
        store.officials.add(
            OFFICIAL.record(
                dossier_id=dossier.id, name=name, side="host", status="current", **extra
            )
        )
    dialog = DuplicatesDialog(window)
    dialog.show()
    _settle(app, dialog)
    written.append(_save(dialog, out / f"{lang}-dialog-duplicates-two-scripts.png"))
    dialog.close()
    dialog.deleteLater()
    return written


def _shoot_more_states(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """An empty table's text, the column chooser, File > Open recent, 1366x768."""
    written = []
    tab = window.tabs.show("official")
    tab.filter_edit.setText("zzzz-nothing")
    tab.apply_filter()
    _settle(app, window)
    written.append(_save(window, out / f"{lang}-officials-none-match.png"))
    tab.filter_edit.clear()
    tab.apply_filter()
    chooser = tab.columns.chooser(window, tab.columns.titles())
    chooser.popup(window.mapToGlobal(window.rect().center()))
    _settle(app, chooser)
    written.append(_save(chooser, out / f"{lang}-column-chooser.png"))
    chooser.close()
    recent = getattr(window, "recent_menu", None)
    if recent is not None:
        recent.fill()
        recent.popup(window.mapToGlobal(window.rect().center()))
        _settle(app, recent)
        written.append(_save(recent, out / f"{lang}-open-recent.png"))
        recent.close()
    window.resize(1366, 768)
    _settle(app, window)
    written.append(_save(window, out / f"{lang}-1366x768.png"))
    window.resize(*SIZE)
    return written


def _shoot_dialogs(app: QApplication, window: Any, out: Path, lang: str) -> list[Path]:
    """Each dialog as it opens (the passphrase ones also with their warnings)."""
    from dossier.ui.brief_dialog import BriefDialog
    from dossier.ui.capture_dialog import CaptureDialog
    from dossier.ui.duplicates import DuplicatesDialog
    from dossier.ui.first_run import FirstRunDialog
    from dossier.ui.officials_import_dialog import OfficialsImportDialog
    from dossier.ui.passphrase_dialog import CREATE, OPEN, PassphraseDialog
    from dossier.ui.preferences import PreferencesDialog
    from dossier.ui.trade_import_dialog import TradeImportDialog

    store_name = "dossier.db"
    unlock = PassphraseDialog(store_name, OPEN, parent=window, lang=lang)
    unlock.show_error(i18n.tr("Wrong passphrase or damaged file"))
    unlock.caps.show()
    new = PassphraseDialog(store_name, CREATE, parent=window, lang=lang)
    new.field.setText("correct horse battery")
    new.show_check.setChecked(True)
    dialogs: dict[str, QWidget] = {
        "brief": BriefDialog(window.store, window.current_dossier(), lang, window),
        "preferences": PreferencesDialog(lang, window),
        "unlock": unlock,
        "new-passphrase": new,
        "first-run": FirstRunDialog(store_name, window),
        "trade-import": TradeImportDialog(window, window),
        "officials-import": OfficialsImportDialog(window, window),
        "capture": CaptureDialog(window, window),
        "duplicates": DuplicatesDialog(window),
    }
    written = []
    for name, dialog in dialogs.items():
        dialog.show()
        if name == "brief":  # its preview, built in the background
            from PySide6.QtCore import QEventLoop, QTimer

            loop = QEventLoop()
            dialog.preview_ready.connect(loop.quit)  # type: ignore[attr-defined]
            QTimer.singleShot(20_000, loop.quit)
            loop.exec()
        _settle(app, dialog)
        written.append(_save(dialog, out / f"{lang}-dialog-{name}.png"))
        dialog.close()
        dialog.deleteLater()
    return written


def _shoot(app: QApplication, out: Path, langs: list[str], store_path: str | None) -> list[Path]:
    written: list[Path] = []
    for lang in langs:
        store: Store = open_store(store_path, create=False) if store_path else sample_store()
        i18n.install(lang)
        window = make_window(store, lang)
        window.resize(*SIZE)
        window.search_dock.hide()
        window.show()
        _settle(app, window)
        for i, spec in enumerate(DOSSIER_PARTS):
            window.show_tab(i)
            tab = window.tabs[spec.name]
            if tab.model.rowCount():
                tab.view.selectRow(0)
            _settle(app, window)
            # The trade tab's chart modules load on a worker thread once the tab asks
            # for its chart: the shot shows the chart, not "Drawing the chart…".
            if wait_for_chart_modules():
                _settle(app, window)
            written.append(_save(window, out / f"{lang}-tab-{i + 1}-{spec.name}.png"))
        for spec in (DOSSIER, *DOSSIER_PARTS):
            tab = window.tabs.get(spec.name)
            record = (
                window.current_dossier()
                if spec is DOSSIER
                else (tab.model.record(0) if tab is not None else None)
            )
            form = window.editor.form(spec, record)
            form.show()
            _settle(app, form)
            written.append(_save(form, out / f"{lang}-form-{spec.name}.png"))
            # The same form refusing bad input, so the messages can be checked too.
            if spec is DOSSIER_PARTS[1]:
                form.widgets["amount"].edit.setText("много")
                form.widgets["period_end"].edit.setText("2011")
                form.accept()
                _settle(app, form)
                written.append(_save(form, out / f"{lang}-form-{spec.name}-invalid.png"))
            form.done(0)  # not close(): a changed form would ask whether to discard
            form.deleteLater()
        written += _shoot_states(app, window, out, lang)
        window.show_tab(0)
        window.show_search()
        window.search_panel.field.setText(SEARCH_WORDS[lang])
        window.search_panel.run_search()
        _settle(app, window)
        written.append(_save(window, out / f"{lang}-search.png"))
        window.close()
        window.deleteLater()
        store.close()
        _settle(app)
    return written
