"""Starting the desktop app: QApplication, fonts, language, the store, the main window."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from dossier import startup_gc
from dossier.paths import default_store_path
from dossier.ui import i18n, settings
from dossier.ui.fonts import use_bundled_font
from dossier.ui.i18n import tr
from dossier.ui.icons import bundled_icon
from dossier.ui.store_open import open_store_interactively, sample_store, try_open

__all__ = [
    "choose_language",
    "make_app",
    "make_window",
    "open_store_interactively",
    "run_gui",
    "sample_store",
]


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with the app's name, icon and bundled fonts (made once)."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("Dossier")
        QCoreApplication.setApplicationName("Dossier")
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationDisplayName("Dossier")
        app.setDesktopFileName("org.dossier.Dossier")  # matches the installed .desktop file
        app.setWindowIcon(app_icon())
        use_bundled_font(app)
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    """The app's icon from its PNG sizes (no SVG plugin to load at start-up)."""
    return bundled_icon("dossier")


def choose_language(wanted: str | None) -> str:
    """An explicit choice, else the saved preference, else the system's language."""
    if wanted in i18n.LANGUAGES:
        return wanted
    saved = settings.get("lang")
    if isinstance(saved, str) and saved in i18n.LANGUAGES:
        return saved
    return i18n.system_language()


def store_path(args: Any) -> Path:
    if getattr(args, "store", None):
        return Path(args.store).expanduser()
    last = settings.get("last_store")
    if isinstance(last, str) and last and Path(last).is_file():
        return Path(last)
    return default_store_path()


def make_window(store: Any, lang: str, *, defer_extensions: bool = False) -> Any:
    """The main window, with every extension installed unless `defer_extensions`
    (then the caller installs them once the window is on screen)."""
    from dossier.ui.main_window import MainWindow

    window = MainWindow(store, lang)
    _install_own(window, "lock_badge", "recent_stores")
    # The backups' progress bar, hidden, is in the status bar from its first layout:
    # added with the backups, it made the bar taller and the window was laid out
    # and painted a second time (dossier.ui.task_progress.status_panel).
    from dossier.ui.task_progress import BACKUP_PANEL, status_panel

    status_panel(window, BACKUP_PANEL)
    if not defer_extensions:
        install_extensions(window)
    return window


def _install_own(window: Any, *names: str) -> list[str]:
    """This package's own additions (issue 21); the names that failed to install.
    The status-bar padlock and File > Recently used stores are put in before the
    window is shown: added after it, their first layout and paint events pass the
    lock's application-wide event filter and PySide builds those event classes'
    enums then (~30 ms before the window settles)."""
    import importlib
    import logging

    failed = []
    for name in names:
        try:
            importlib.import_module(f"dossier.ui.{name}").install(window)
        except Exception:  # a broken addition must not keep the user from their dossier
            logging.getLogger(__name__).exception("%s failed to install", name)
            failed.append(f"dossier.ui.{name}")
    return failed


def install_extensions(window: Any) -> None:
    from dossier.ui.extensions import install_all

    failed = install_all(window) + _install_own(window, "file_drop")
    if failed:
        window.status(tr("Some features could not start: %s") % ", ".join(failed))


def _after_first_paint(window: Any) -> None:
    try:
        install_extensions(window)
    finally:
        startup_gc.resume(freeze=True)  # paused while the app started (dossier.startup_gc)


def _wanted_language(args: Any) -> str | None:
    # `dossier gui --lang ru` sets ui_lang; the global `--lang` defaults to "en", so
    # only a non-default global value counts as a choice.
    ui_lang = getattr(args, "ui_lang", None)
    if ui_lang:
        return ui_lang
    lang = getattr(args, "lang", None)
    return lang if lang and lang != "en" else None


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    """A bug in a slot: tell the user in one line and keep the window; details to stderr."""
    import traceback

    from PySide6.QtWidgets import QMessageBox

    traceback.print_exception(kind, error, tb)
    parent = QApplication.activeWindow()
    QMessageBox.warning(
        parent,
        tr("Something went wrong"),
        tr("The last action failed: %s\n\nYour saved data is safe.")
        % (str(error) or kind.__name__),
    )


def _first_store(path: Path) -> bool:
    """The first start: ask how to begin, and make an empty store if so chosen (the
    sample one is made by the usual opening). False: the user chose to quit."""
    from dossier.ui.first_run import EMPTY, QUIT, ask_how_to_start

    choice = ask_how_to_start(str(path))
    if choice == QUIT:
        return False
    if choice == EMPTY:
        import os

        from dossier.store import open_store

        open_store(path, passphrase=os.environ.get("DOSSIER_PASSPHRASE") or None).close()
    return True


def run_gui(args: argparse.Namespace) -> int:
    """`dossier gui`: show the window and run until it closes (or, with --smoke, exit)."""
    app = make_app()
    lang = i18n.install(choose_language(_wanted_language(args)))
    path = store_path(args)
    smoke = bool(getattr(args, "smoke", False))
    if smoke:
        # No dialogs in a smoke run: a store that will not open is a failure with a reason.
        store, reason = try_open(path)
        if store is None:
            print(f"dossier: {reason}", file=sys.stderr)
            return 1
    else:
        if not path.exists() and not _first_store(path):
            return 0
        store = open_store_interactively(path)
        if store is None:
            return 0
    window = make_window(store, lang, defer_extensions=True)
    if store.path is None:
        window.sample_in_memory = True
    window.show()
    # Paint the window first; the extensions (brief, capture, import dialogs) import
    # reportlab and friends, which the user should not wait for to see the dossier.
    app.processEvents()
    if smoke:
        # For benchmarks/startup.py: the moment the window is on screen.
        print(f"shown {time.time():.6f}", flush=True)
        _after_first_paint(window)  # a smoke run covers the extensions too
        app.processEvents()
        print(f"smoke: main window shown with {window.dossier_list.items.rowCount()} dossier(s)")
        window.close()  # saves the window state, as closing it by hand does
        store.close()
        return 0
    QTimer.singleShot(0, window, lambda: _after_first_paint(window))
    sys.excepthook = _report_unexpected
    from dossier.ui.signals import quit_on_signals

    signals = quit_on_signals(window)
    code = app.exec()
    signals.uninstall()
    # Quit can come without the window closing first (a signal, the session ending):
    # no task may still read the store when its connection closes.
    from dossier.ui.tasks import finish_all

    finish_all()
    if window.store is not None:
        window.store.close()
    return int(code)
